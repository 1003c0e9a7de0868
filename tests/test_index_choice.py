"""Index choice by size: exact below ANN_THRESHOLD, HNSW above it with the delta searched
exactly; appends write segments, not whole tables; small segments are merged. Thresholds are
lowered here so the switch happens at a few thousand vectors."""

from __future__ import annotations

import os

import numpy as np
import polars as pl
import pytest

from claims import store as S
from claims.store import Store, check, writer_lock
from claims.tables import CLAIMS, DOCUMENTS

DIM = 32


def clustered(n: int, seed: int) -> np.ndarray:
    """Unit vectors around 50 centres: neighbourhoods like those of real claims."""
    rng = np.random.default_rng(seed)
    centres = np.random.default_rng(0).normal(size=(50, DIM))
    v = centres[rng.integers(0, 50, n)] + 0.6 * rng.normal(size=(n, DIM))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def frames(first_id: int, n: int, source: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    doc = pl.DataFrame([{"doc_id": f"d{first_id}", "source": source, "text": "x"}],
                       schema=DOCUMENTS)
    claims = pl.DataFrame({"claim_id": np.arange(first_id, first_id + n, dtype=np.int64),
                           "doc_id": [f"d{first_id}"] * n, "source": [source] * n}) \
        .with_columns([pl.lit(None).cast(t).alias(c) for c, t in CLAIMS.items()
                       if c not in ("claim_id", "doc_id", "source")]).select(CLAIMS.names())
    return doc, claims


def exact_top(vectors: np.ndarray, ids: np.ndarray, queries: np.ndarray, k: int = 10):
    return ids[np.argsort(-(queries @ vectors.T), axis=1)[:, :k]]


def recall(found: np.ndarray, truth: np.ndarray) -> float:
    return float(np.mean([len(set(f) & set(t)) / len(t) for f, t in zip(found, truth,
                                                                           strict=True)]))


@pytest.fixture
def small_thresholds(monkeypatch):
    monkeypatch.setattr(S, "ANN_THRESHOLD", 3000)
    monkeypatch.setattr(S, "DELTA_MIN", 500)


def add(path, first_id: int, vecs: np.ndarray, source: str = "wire") -> Store:
    with writer_lock(path):
        store = Store.create_or_open(path, "test-model", "test-model", lambda _: DIM)
        doc, claims = frames(first_id, len(vecs), source)
        store.append(doc, claims, vecs)
    return Store.open(path)


def test_the_index_switches_to_hnsw_past_the_threshold_and_keeps_its_results(
        tmp_path, small_thresholds):
    path = tmp_path / "index"
    all_vecs = clustered(6300, seed=1)
    queries = clustered(60, seed=2)
    store = add(path, 0, all_vecs[:2000])
    assert store.manifest["index"]["type"] == "flat"
    exact_before = store.index().search(queries, 10)[1]
    assert (exact_before == exact_top(all_vecs[:2000], np.arange(2000), queries)).all()

    store = add(path, 2000, all_vecs[2000:4000])  # 4000 >= 3000: HNSW is built
    ann = store.manifest["index"]["ann"]
    assert store.manifest["index"]["type"].startswith("HNSW") and ann["recall_at_10"] >= 0.95
    truth = exact_top(all_vecs[:4000], np.arange(4000), queries)
    assert recall(store.index().search(queries, 10)[1], truth) >= 0.95

    store = add(path, 4000, all_vecs[4000:4300])  # a small append stays in the exact delta
    assert store.manifest["index"]["ann"] == ann
    gen, prev = store.manifest["generation"], store.manifest["previous_generation"]
    assert os.stat(path / gen / ann["file"]).st_ino == os.stat(path / prev / ann["file"]).st_ino
    truth = exact_top(all_vecs[:4300], np.arange(4300), queries)
    found = store.index().search(queries, 10)[1]
    assert recall(found, truth) >= 0.95
    assert (found >= 4000).any()  # the delta's vectors are found too

    store = add(path, 4300, all_vecs[4300:6300])  # a big delta is added to a new graph
    folded = store.manifest["index"]["ann"]
    assert folded["max_id"] == 6299 and folded["file"] != ann["file"]
    # efSearch is tuned against every vector the graph holds, not the delta alone
    assert folded["recall_at_10"] >= 0.95 and folded["ef_search"] < 1024
    truth = exact_top(all_vecs, np.arange(6300), queries)
    assert recall(store.index().search(queries, 10)[1], truth) >= 0.95
    assert check(path) == []


def test_filtered_search_returns_only_allowed_claims(tmp_path, small_thresholds):
    path = tmp_path / "index"
    vecs = clustered(4000, seed=3)
    add(path, 0, vecs[:2000], "wire")
    store = add(path, 2000, vecs[2000:], "herald")
    index = store.index()
    assert index.ann is not None
    allowed = np.arange(2000, 4000)
    scores, ids = index.search(vecs[:5], 10, allowed=allowed)
    assert ((ids >= 2000) & (ids < 4000)).all()
    assert (ids == exact_top(vecs[2000:], allowed, vecs[:5])).all()  # small subset: exact
    assert (np.diff(scores, axis=1) <= 1e-6).all()


def test_appends_write_only_the_new_segment_and_small_segments_are_merged(tmp_path,
                                                                          monkeypatch):
    monkeypatch.setattr(S, "MAX_SEGMENTS", 4)
    path = tmp_path / "index"
    vecs = clustered(800, seed=4)
    store = add(path, 0, vecs[:500])
    first = store.manifest["segments"][0]
    add(path, 500, vecs[500:550])
    store = Store.open(path)
    gen, prev = store.manifest["generation"], store.manifest["previous_generation"]
    for kind in ("claims", "vectors", "documents"):  # the old segment is linked, not copied
        name = S.segment_file(kind, first["n"])
        assert os.stat(path / gen / name).st_ino == os.stat(path / prev / name).st_ino
    for i in range(550, 800, 50):
        store = add(path, i, vecs[i:i + 50])
    assert len(store.manifest["segments"]) <= 4
    assert store.manifest["segments"][0] == first  # the big one stayed as it was
    claims = store.claims()
    assert claims["claim_id"].to_list() == list(range(800))
    assert np.allclose(store.index().vectors_of(np.arange(800)), vecs)
    assert isinstance(store.index().vectors[0], np.memmap)  # read memory-mapped
    assert check(path) == []


def test_filtered_search_over_many_claims_keeps_its_recall(tmp_path, small_thresholds,
                                                           monkeypatch):
    monkeypatch.setattr("claims.vectors.EXACT_SUBSET", 100)  # force the filtered graph walk
    path = tmp_path / "index"
    vecs = clustered(5000, seed=5)
    store = add(path, 0, vecs)
    index = store.index()
    assert index.ann is not None
    allowed = np.arange(0, 5000, 5)  # one claim in five
    queries = clustered(40, seed=6)
    _, ids = index.search(queries, 10, allowed=allowed)
    assert np.isin(ids, allowed).all()
    assert recall(ids, exact_top(vecs[allowed], allowed, queries)) >= 0.95


def test_damage_to_a_linked_segment_is_not_blessed_by_the_next_commit(tmp_path, monkeypatch):
    monkeypatch.setattr(S, "HASH_ON_READ", 0)  # every file read by size only, as big ones are
    path = tmp_path / "index"
    vecs = clustered(300, seed=7)
    store = add(path, 0, vecs[:200])
    f = path / store.manifest["generation"] / S.segment_file("vectors", 1)
    data = bytearray(f.read_bytes())
    data[-5] ^= 0xFF  # same size, different bytes
    f.write_bytes(bytes(data))
    add(path, 200, vecs[200:])  # links the damaged file into the new generation
    assert any("vectors-000001.npy" in p for p in check(path))


def test_a_long_writer_keeps_only_the_current_generation_in_memory(tmp_path):
    path = tmp_path / "index"
    vecs = clustered(400, seed=8)
    with writer_lock(path):
        store = Store.create_or_open(path, "test-model", "test-model", lambda _: DIM)
        for i in range(0, 400, 50):  # one writer, eight commits, reading as ingest does
            store.known_doc_ids()
            assert store.next_claim_id() == i
            store.claims()
            store.index()
            doc, claims = frames(i, 50, "wire")
            store.append(doc, claims, vecs[i:i + 50])
    gen = store.manifest["generation"]
    files = store.manifest["files"]
    for name, tag in store._cache:
        name = name.split("#")[0]  # a part of a file: "claims-000001.parquet#ids"
        assert (name in files and tag == files[name]["sha256"]) or tag == gen, (name, tag)


def test_a_writer_reuses_its_graph_across_commits_instead_of_reading_it_again(
        tmp_path, small_thresholds, monkeypatch):
    path = tmp_path / "index"
    vecs = clustered(7000, seed=11)
    queries = clustered(40, seed=12)
    with writer_lock(path):
        store = Store.create_or_open(path, "test-model", "test-model", lambda _: DIM)
        doc, claims = frames(0, 4000, "wire")
        store.append(doc, claims, vecs[:4000])  # builds the graph
        graph = store.index().ann
        assert graph is not None

        def no_reading(_path):
            raise AssertionError("the writer read a graph file it already holds")

        monkeypatch.setattr(S, "read_ann", no_reading)
        for first in (4000, 4200):  # small appends: the same graph, from memory
            doc, claims = frames(first, 200, "wire")
            store.append(doc, claims, index=store.index_with(claims, vecs[first:first + 200]))
            assert store.index().ann is graph
        doc, claims = frames(4400, 2600, "wire")  # a big delta: added to that graph
        store.append(doc, claims, index=store.index_with(claims, vecs[4400:7000]))
        assert store.index().ann is graph and store.manifest["index"]["ann"]["max_id"] == 6999
        found = store.index().search(queries, 10)[1]
    assert recall(found, exact_top(vecs, np.arange(7000), queries)) >= 0.95
    monkeypatch.undo()
    assert recall(Store.open(path).index().search(queries, 10)[1],
                  exact_top(vecs, np.arange(7000), queries)) >= 0.95  # as a reader sees it
    assert check(path) == []


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads VmRSS from /proc")
def test_a_bulk_pass_over_mapped_vectors_does_not_keep_them_resident(tmp_path):
    from claims.vectors import exact_top10

    def rss_mb() -> float:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024

    vecs = clustered(120_000, seed=13)  # 120,000 x 32 x 4 bytes, mapped as a store maps them
    np.save(tmp_path / "v.npy", np.repeat(vecs, 8, axis=1))  # 256 dimensions: 123 MB
    del vecs
    mapped = np.load(tmp_path / "v.npy", mmap_mode="r")
    before = rss_mb()
    queries = np.ascontiguousarray(mapped[:5])
    found = exact_top10(queries, [(np.arange(len(mapped)), mapped)])
    assert (found[:, 0] == np.arange(5)).all()  # each query finds itself first
    assert rss_mb() - before < 60  # the 123 MB it read are not held


def test_the_graph_keeps_its_vectors_in_half_precision_and_older_graphs_still_work(
        tmp_path, small_thresholds, monkeypatch):
    import faiss

    vecs = clustered(7000, seed=14)
    queries = clustered(40, seed=15)
    store = add(tmp_path / "new", 0, vecs[:4000])
    assert store.manifest["index"]["ann"]["type"] == "HNSW32,SQfp16"
    new_size = (tmp_path / "new" / store.manifest["generation"] /
                store.manifest["index"]["ann"]["file"]).stat().st_size

    # A store whose graph an older version built with float32 vectors (HNSWFlat)
    with monkeypatch.context() as patch:
        patch.setattr(faiss, "IndexHNSWSQ",
                      lambda d, _qt, m, metric: faiss.IndexHNSWFlat(d, m, metric))
        old = add(tmp_path / "old", 0, vecs[:4000])
    ann = old.manifest["index"]["ann"]
    assert ann["type"] == "HNSW32,Flat"
    old_size = (tmp_path / "old" / old.manifest["generation"] / ann["file"]).stat().st_size
    assert old_size - new_size >= 0.9 * 4000 * DIM * 2  # two bytes a dimension saved
    old = add(tmp_path / "old", 4000, vecs[4000:])  # a big delta is added to the old graph
    assert old.manifest["index"]["ann"]["max_id"] == 6999
    assert old.manifest["index"]["ann"]["type"] == "HNSW32,Flat"
    truth = exact_top(vecs, np.arange(7000), queries)
    assert recall(old.index().search(queries, 10)[1], truth) >= 0.95
    assert check(tmp_path / "old") == []


def _glibc() -> bool:
    try:
        return "glibc" in (os.confstr("CS_GNU_LIBC_VERSION") or "")
    except (ValueError, OSError, AttributeError):
        return False


@pytest.mark.skipif(not os.path.exists("/proc/self/status") or not _glibc(),
                    reason="glibc's heap, RssAnon from /proc")
def test_memory_freed_between_commits_goes_back_to_the_system():
    """Between commits ingest hands the heap's free pages back: blocks freed in the middle of
    the heap (live ones around them) would otherwise stay resident for the whole run."""
    from claims.pipeline import return_free_memory

    def anon_mb() -> float:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f
                        if line.startswith("RssAnon")) / 1024

    blocks = [bytearray(4000) for _ in range(60_000)]  # ~240 MB of heap blocks
    keep = blocks[::16]  # live blocks scattered through it: the top cannot simply shrink
    before = anon_mb()
    del blocks
    freed = anon_mb()
    return_free_memory()
    after = anon_mb()
    assert before - freed < 50  # freeing alone keeps the pages
    assert freed - after > 150, (before, freed, after)
    assert len(keep) == 3750
