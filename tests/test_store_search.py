"""The store and search, end to end with the real bundled MiniLM."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import polars as pl
import pytest

from claims.errors import StoreError
from claims.pipeline import ingest
from claims.search import Filters, search, stats
from claims.store import Store
from tests.conftest import SEED_ARTICLE, SEEDS


def test_seed_search_finds_the_oktay_russia_sentence(seed_store):
    hits = search(Store.open(seed_store), "Turkey failed to neutralise terrorists in Idlib", k=3)
    top = hits.row(0, named=True)
    assert "Oktay insisted Ankara had" in top["sentence"] or \
        "Russia accused Turkey" in top["sentence"]
    assert top["speaker"] == "Russia" and top["verb"] == "accused"
    assert any("Fuat Oktay" in s for s in hits["sentence"])
    assert hits["score"].is_sorted(descending=True)


def test_store_files_and_manifest(seed_store):
    manifest = json.loads((seed_store / "manifest.json").read_text())
    gen = seed_store / manifest["generation"]
    names = {p.name for p in gen.iterdir()}
    segment = {"vectors-000001.npy", "documents-000001.parquet", "claims-000001.parquet"}
    assert segment <= names
    assert set(manifest["files"]) == segment
    store = Store.open(seed_store)  # one ingest: one segment
    assert manifest["segments"] == [{"n": 1, "documents": len(store.documents()),
                                     "claims": len(store.claims())}]
    assert manifest["schema_version"] == 2
    assert manifest["embedding"] == {"model": "all-MiniLM-L6-v2", "dimension": 384,
                                     "normalized": True}
    assert manifest["index"]["type"] == "flat"  # exact search below ANN_THRESHOLD
    assert {"faiss-cpu", "polars", "sentence-transformers"} <= set(manifest["versions"])


def test_claims_table_round_trips_with_spans_and_numbers(seed_store):
    store = Store.open(seed_store)
    claims, docs = store.claims(), store.documents()
    assert {"claim_id", "doc_id", "source", "published", "sentence", "start", "end", "speaker",
            "verb", "content", "numbers"} <= set(claims.columns)
    assert claims["claim_id"].to_list() == list(range(len(claims)))
    assert store.index().ntotal == len(claims)
    texts = dict(zip(docs["doc_id"], docs["text"], strict=True))
    for row in claims.iter_rows(named=True):
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["content"]
    un = claims.filter(pl.col("content").str.starts_with("800,000 people have fled"))
    assert un["numbers"].to_list()[0][0]["value"] == 800_000
    assert un["speaker"].to_list() == ["United Nations"]


def test_vectors_are_unit_length_and_belong_to_their_claims(seed_store):
    import numpy as np

    from claims.embed import Embedder

    store = Store.open(seed_store)
    index, claims = store.index(), store.claims()
    row = claims.row(5, named=True)
    stored = index.vectors_of([int(row["claim_id"])])[0]
    fresh = Embedder().encode([row["content"]])[0]
    assert abs(float(np.linalg.norm(stored)) - 1.0) < 1e-4
    assert float(stored @ fresh) > 0.999


def test_reingest_adds_and_embeds_nothing(seed_store, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(seed_store, copy)
    before = (copy / "manifest.json").read_bytes()
    result = ingest([str(SEEDS)], str(copy), relate=False)
    assert (result.documents_added, result.claims_added) == (0, 0)
    assert result.documents_skipped == stats(Store.open(copy))["documents"]
    assert (copy / "manifest.json").read_bytes() == before  # nothing was committed


def test_incremental_ingest_keeps_ids_and_adds_new_claims(tmp_path):
    path = str(tmp_path / "idx")
    ingest([str(SEED_ARTICLE)], path, relate=False)
    first = Store.open(path).claims()
    new = tmp_path / "extra.txt"
    new.write_text("Interior Minister Lena Ostrik said investigators had not ruled out arson.",
                   encoding="utf-8")
    result = ingest([str(new)], path, source="capital-times", published=dt.date(2026, 3, 6),
                    relate=False)
    store = Store.open(path)
    claims = store.claims()
    assert result.claims_added == 1
    assert claims.head(len(first)).equals(first)
    added = claims.row(len(first), named=True)
    assert (added["claim_id"], added["speaker"], added["source"]) == (
        len(first), "Lena Ostrik", "capital-times")
    assert store.index().ntotal == len(claims)


@pytest.mark.parametrize("filters, check", [
    (Filters(sources=("DAILY-LEDGER",)), lambda r: r["source"] == "daily-ledger"),
    (Filters(speaker="brell"), lambda r: r["speaker"] == "Tomas Brell"),
    (Filters(since=dt.date(2026, 3, 5)), lambda r: r["published"] >= dt.date(2026, 3, 5)),
    (Filters(until=dt.date(2026, 3, 3)), lambda r: r["published"] <= dt.date(2026, 3, 3)),
])
def test_search_filters(seed_store, filters, check):
    hits = search(Store.open(seed_store), "how many firefighters fought the fire", k=5,
                  filters=filters)
    assert len(hits) > 0
    assert all(check(r) for r in hits.iter_rows(named=True))


def test_filters_that_match_nothing_return_nothing(seed_store):
    hits = search(Store.open(seed_store), "fire", filters=Filters(sources=("nobody",)))
    assert hits.is_empty()


def test_a_different_model_on_an_existing_store_is_refused(seed_store):
    with pytest.raises(StoreError, match="built with embedding model 'all-MiniLM-L6-v2'"):
        ingest([str(SEED_ARTICLE)], str(seed_store), model="some/other-model")


def test_opening_a_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="run `claims ingest PATH` first"):
        Store.open(tmp_path / "none")


def test_a_folder_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "data.csv").write_text("x\n")
    with pytest.raises(StoreError, match="not a claims store"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="not a claims store"):
        ingest([str(SEED_ARTICLE)], str(tmp_path))


def test_batched_commits_give_the_same_store_as_one_commit(tmp_path):
    one, many = str(tmp_path / "one"), str(tmp_path / "many")
    folder = SEEDS / "harbor-fire"
    ingest([str(folder)], one, relate=False)
    ingest([str(folder)], many, batch_documents=3, relate=False)
    a, b = Store.open(one), Store.open(many)
    assert a.claims().equals(b.claims())
    assert a.index().ntotal == b.index().ntotal == len(b.claims())


def test_another_model_by_path_is_recorded_in_the_manifest(tmp_path):
    from claims.embed import model_location

    path = model_location("all-MiniLM-L6-v2")  # a sentence-transformers folder on disk
    idx = tmp_path / "idx"
    ingest([str(SEED_ARTICLE)], str(idx), model=path, relate=False)
    manifest = json.loads((idx / "manifest.json").read_text())
    assert manifest["embedding"]["model"] == path
    hits = search(Store.open(idx), "victory over terrorists is unavoidable", k=1)
    assert hits["speaker"].to_list() == ["Sergei Lavrov"]
