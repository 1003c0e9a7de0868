"""Crash safety, one writer at a time, damaged files, migrations: all with real processes."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.errors import StoreError
from claims.pipeline import ingest
from claims.search import search
from claims.store import (
    CLAIMS_FILE,
    MANIFEST,
    SCHEMA_VERSION,
    VECTORS_FILE,
    Store,
    _sha256,
    check,
    repair,
    segment_file,
    writer_lock,
)
from tests import fake_embedder
from tests.conftest import ROOT, SEEDS

CORPUS = SEEDS / "harbor-fire"  # 10 documents; with batches of 2 an ingest makes 5 commits
runner = CliRunner()

INGEST = """
import sys
sys.path.insert(0, {root!r})
from tests.fake_embedder import install
install(None)
from claims.pipeline import ingest
ingest([{corpus!r}], {index!r}, batch_documents=2)
"""


def run_ingest(index: Path, crash_at: str | None = None, kill_after: float | None = None):
    env = {**os.environ}
    env.pop("CLAIMS_CRASH_AT", None)
    if crash_at:
        env["CLAIMS_CRASH_AT"] = crash_at
    code = INGEST.format(root=str(ROOT), corpus=str(CORPUS), index=str(index))
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if kill_after is not None:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=120)
    return proc.returncode


def key_columns(store: Store) -> pl.DataFrame:
    return store.claims().select("claim_id", "doc_id", "start", "end", "speaker", "content")


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory) -> pl.DataFrame:
    index = tmp_path_factory.mktemp("clean") / "index"
    assert run_ingest(index) == 0
    return key_columns(Store.open(index))


def verify_after_crash(index: Path) -> None:
    """The store opens, its files match their checksums and it answers a query."""
    if not (index / MANIFEST).exists():
        return  # killed before the first commit: there is no store yet, and that is fine
    store = Store.open(index)
    assert check(index) == []
    claims = store.claims()
    assert claims["claim_id"].is_unique().all()
    assert store.index().ntotal == len(claims)
    assert set(claims["doc_id"]) == set(store.documents()["doc_id"])
    if len(claims):
        hits = search(store, "firefighters", k=3, embedder=fake_embedder.HashEmbedder())
        assert len(hits) == min(3, len(claims))


CRASH_POINTS = ["before-vectors", "mid-vectors", "after-vectors", "mid-claims", "after-claims",
                "mid-documents", "after-documents", "before-generation-rename",
                "after-generation-rename", "before-manifest", "mid-manifest", "after-manifest",
                "after-clean"]


@pytest.mark.slow
@pytest.mark.parametrize("trial", [f"{p}@{n}" for p in CRASH_POINTS for n in (1, 3)]
                         + [f"random-{i}" for i in range(4)])
def test_kill_at_any_point_then_rerun_gives_the_clean_result(tmp_path, clean_run, trial):
    index = tmp_path / "index"
    if trial.startswith("random"):
        rc = run_ingest(index, kill_after=random.Random(trial).uniform(0.5, 3.0))
    else:
        rc = run_ingest(index, crash_at=trial)
        assert rc == -signal.SIGKILL
    verify_after_crash(index)
    assert run_ingest(index) == 0
    verify_after_crash(index)
    assert key_columns(Store.open(index)).equals(clean_run)


def hold_lock(index: Path, seconds: float) -> subprocess.Popen:
    """Another process that holds the store's writer lock for a while."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; sys.path.insert(0, sys.argv[2]);"
         "from claims.store import writer_lock\n"
         "with writer_lock(sys.argv[1]):\n print('locked', flush=True); "
         "time.sleep(float(sys.argv[3]))", str(index), str(ROOT), str(seconds)],
        stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_writer_waits_or_fails_at_once_while_readers_go_on(tmp_path, monkeypatch):
    fake_embedder.install(monkeypatch)
    index = tmp_path / "index"
    ingest([str(SEEDS / "idlib")], str(index))
    holder = hold_lock(index, seconds=4)
    # Another process cannot write now...
    r = runner.invoke(app, ["ingest", str(CORPUS), "--index", str(index), "--no-wait"])
    assert r.exit_code == 3 and "is being written by pid" in r.stderr
    # ...but readers see the last committed state.
    r = runner.invoke(app, ["stats", "--json", "--index", str(index)])
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"] == 1
    # With --wait the writer waits its turn, says so, then lands its documents.
    t = time.monotonic()
    messages: list[str] = []
    result = ingest([str(CORPUS)], str(index), warn=messages.append)
    assert time.monotonic() - t > 1.0
    assert any("waiting for pid" in m for m in messages)
    assert result.documents_added == 10
    holder.wait(timeout=10)


def test_writer_lock_is_released_by_a_killed_process(tmp_path):
    index = tmp_path / "index"
    proc = hold_lock(index, seconds=60)
    proc.kill()
    proc.wait()
    with writer_lock(index, wait=False):
        pass


@pytest.fixture()
def two_generations(tmp_path, monkeypatch) -> Path:
    fake_embedder.install(monkeypatch)
    index = tmp_path / "index"
    ingest([str(SEEDS / "idlib")], str(index))
    ingest([str(CORPUS)], str(index))
    return index


@pytest.mark.parametrize("kind, damage", [  # files of the newest segment
    ("claims", "flip"), ("vectors", "truncate"), ("claims", "delete")])
def test_damaged_files_are_detected_and_repair_goes_back_to_the_last_intact_state(
        two_generations, monkeypatch, kind, damage):
    index = two_generations
    manifest = json.loads((index / MANIFEST).read_text())
    name = segment_file(kind, manifest["segments"][-1]["n"])
    f = index / manifest["generation"] / name
    if damage == "flip":
        data = bytearray(f.read_bytes())
        data[len(data) // 2] ^= 0xFF
        f.write_bytes(bytes(data))
    elif damage == "truncate":
        f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])
    else:
        f.unlink()
    with pytest.raises(StoreError, match="claims repair"):
        Store.open(index).claims() if name.startswith("claims") else Store.open(index).index()
    r = runner.invoke(app, ["check", "--index", str(index)])
    assert r.exit_code == 3 and "claims repair" in r.stderr
    r = runner.invoke(app, ["repair", "--index", str(index)])
    assert r.exit_code == 0, r.output
    assert "run the same `claims ingest` again" in r.stdout
    assert check(index) == []
    assert Store.open(index).documents()["source"].to_list() == ["wire"]
    ingest([str(CORPUS)], str(index))  # re-ingest brings the lost documents back, once
    assert len(Store.open(index).documents()) == 11
    assert check(index) == []


def test_a_lost_manifest_is_rebuilt_from_its_generation(two_generations):
    index = two_generations
    before = Store.open(index).claims()
    (index / MANIFEST).write_text("{ not json")
    with pytest.raises(StoreError, match="claims repair"):
        Store.open(index)
    assert repair(index) is not None
    assert Store.open(index).claims().equals(before)


def make_old_schema(index: Path, version: int) -> None:
    """Rewrite a store in an older layout: one file per table (documents.parquet,
    claims.parquet, vectors.faiss), beside the manifest (schema 0) or in a generation folder
    with checksums (schema 1)."""
    import faiss
    import numpy as np

    store = Store.open(index)
    docs, claims, vectors = store.documents(), store.claims(), store.index()
    flat = faiss.IndexIDMap2(faiss.IndexFlatIP(store.dimension))
    ids = claims["claim_id"].to_numpy().astype(np.int64)
    flat.add_with_ids(vectors.vectors_of(ids), ids)
    manifest = dict(store.manifest)
    for g in index.glob("g0*"):
        shutil.rmtree(g)
    folder = index if version == 0 else index / "g000001"
    folder.mkdir(exist_ok=True)
    docs.write_parquet(folder / "documents.parquet")
    claims.write_parquet(folder / CLAIMS_FILE)
    faiss.write_index(flat, str(folder / VECTORS_FILE))
    for k in ("generation", "files", "previous_generation", "segments", "pair_segments",
              "next_segment"):
        manifest.pop(k, None)
    manifest["schema_version"] = version
    manifest["index"] = {"type": "IDMap2,Flat", "metric": "inner_product", "size": len(ids)}
    if version == 1:
        manifest["generation"] = "g000001"
        manifest["files"] = {f.name: {"bytes": f.stat().st_size, "sha256": _sha256(f)}
                             for f in folder.iterdir()}
        (folder / MANIFEST).write_text(json.dumps(manifest))
    (index / MANIFEST).write_text(json.dumps(manifest))


@pytest.mark.parametrize("version", [0, 1])
def test_an_older_schema_is_migrated(two_generations, version):
    index = two_generations
    before = Store.open(index).claims()
    vectors = Store.open(index).index().vectors_of(before["claim_id"].to_numpy())
    make_old_schema(index, version)
    store = Store.open(index)
    assert store.manifest["schema_version"] == SCHEMA_VERSION
    assert store.claims().equals(before)
    assert (store.index().vectors_of(before["claim_id"].to_numpy()) == vectors).all()
    assert check(index) == []
    assert json.loads((index / MANIFEST).read_text())["schema_version"] == SCHEMA_VERSION
    assert repair(index) is None  # the migrated generation is a valid fallback


def test_writers_migrate_an_older_store_too(two_generations, monkeypatch):
    fake_embedder.install(monkeypatch)
    index = two_generations
    make_old_schema(index, 0)
    ingest([str(SEEDS / "dam-breach")], str(index))  # the writer holds the lock and migrates
    assert check(index) == []
    assert len(Store.open(index).documents()) == 19


def test_a_newer_schema_is_refused_with_what_to_do(two_generations):
    index = two_generations
    manifest = json.loads((index / MANIFEST).read_text())
    manifest["schema_version"] = 99
    (index / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match="upgrade claims-tracker"):
        Store.open(index)


def test_old_generations_are_cleaned_but_the_previous_one_is_kept(tmp_path, monkeypatch):
    fake_embedder.install(monkeypatch)
    index = tmp_path / "index"
    for folder in ("idlib", "harbor-fire", "dam-breach", "fishing-quota"):
        ingest([str(SEEDS / folder)], str(index))
    gens = sorted(p.name for p in index.glob("g0*"))
    assert gens == ["g000003", "g000004"]
    assert not list(index.glob(".tmp-*"))
