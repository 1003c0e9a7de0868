"""The on-disk store: a manifest that points at one complete generation of files.

    index/
      manifest.json            schema version, embedding model, index type, versions, the
                               current generation, its segments, and each file's size and SHA-256
      g000007/                 the current generation
        documents-000001.parquet  documents added by one commit (doc_id = content hash)
        claims-000001.parquet     their claims (claim_id = vector id), rows as in ...
        vectors-000001.npy        ... their unit vectors (float32, memory-mapped when read)
        pairs-000001.parquet      judged pairs, cached by content hashes
        relations.parquet, groups.parquet   derived, replaced by each relate
        ann-g000005.faiss         HNSW index over older claims, once the store is large
      g000006/                 the previous one, kept so a reader mid-read never loses its files
      .lock                    held by the one writer

A commit adds a segment: it writes only the new rows, and hard-links every unchanged file of
the previous generation into a temporary folder (every file fsynced), renames that into place,
then replaces manifest.json atomically. A crash at any point leaves the manifest pointing at a
complete generation: the store always opens and answers with its last committed state. Small
segments are merged now and then (at most MAX_SEGMENTS). Readers take no lock. Files are checked
against the manifest when read: size and SHA-256 for files up to HASH_ON_READ bytes, size alone
for larger ones (vectors of big stores, read memory-mapped); `claims check` hashes everything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from claims import __version__
from claims.errors import StoreError
from claims.tables import CLAIMS, DOCUMENTS
from claims.vectors import (
    ANN_THRESHOLD,
    DELTA_MIN,
    DELTA_SHARE,
    VectorIndex,
    ann_type,
    build_ann,
    read_ann,
    write_ann,
)

if TYPE_CHECKING:
    import numpy as np

SCHEMA_VERSION = 2
MANIFEST = "manifest.json"
LOCK = ".lock"
# schema 1 kept one file per table; schema 2 keeps segments (see segment_file)
DOCUMENTS_FILE = "documents.parquet"
CLAIMS_FILE = "claims.parquet"
VECTORS_FILE = "vectors.faiss"
PAIRS_FILE = "pairs.parquet"
RELATIONS_FILE = "relations.parquet"
GROUPS_FILE = "groups.parquet"
MAX_SEGMENTS = 32  # more than this, and the smallest neighbours are merged
HASH_ON_READ = 64 << 20
_GEN = re.compile(r"^g(\d{6})$")


def segment_file(kind: str, number: int) -> str:
    """kind: documents | claims | vectors | pairs."""
    return f"{kind}-{number:06d}.{'npy' if kind == 'vectors' else 'parquet'}"
# Files that may sit in a folder before it becomes a store (the repo's index/README.md).
_ALLOWED_IN_EMPTY = {"README.md", ".gitignore", ".gitkeep", LOCK}


_CRASH_COUNTS: dict[str, int] = {}


def _crash_point(label: str, half_written: Path | None = None) -> None:
    """Fault injection for the crash tests: CLAIMS_CRASH_AT=<label>[@N] kills the process the
    Nth time it gets here (default the first), as a power cut or kill -9 would; with
    `half_written`, that file is cut to half its size first (a write interrupted midway)."""
    want = os.environ.get("CLAIMS_CRASH_AT")
    if not want or want.split("@")[0] != label:
        return
    _CRASH_COUNTS[label] = _CRASH_COUNTS.get(label, 0) + 1
    if _CRASH_COUNTS[label] == int(want.split("@")[1] if "@" in want else 1):
        if half_written is not None:
            os.truncate(half_written, half_written.stat().st_size // 2)
        os.kill(os.getpid(), signal.SIGKILL)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _write_json_atomic(path: Path, data: dict[str, Any], crash_label: str = "") -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, indent=2) + "\n")
        f.flush()
        os.fsync(f.fileno())
    if crash_label:
        _crash_point(f"mid-{crash_label}", tmp)
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"claims-tracker": __version__}
    for pkg in ("faiss-cpu", "polars", "sentence-transformers", "torch"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            pass
    return out


# --- one writer at a time -------------------------------------------------------------------


@contextlib.contextmanager
def writer_lock(path: str | Path, wait: bool = True,
                on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the store's write lock. With wait=False a busy store is an error at once."""
    p = Path(path)
    p.mkdir(parents=True, exist_ok=True)
    fd = os.open(p / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            if not wait:
                raise StoreError(f"{p} is being written by {holder}; wait for it to finish, "
                                 f"or run again with --wait") from None
            if on_wait:
                on_wait(f"waiting for {holder} to finish writing {p}...")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing releases the lock


# --- migrations -----------------------------------------------------------------------------


def _migrate_0_to_1(path: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Schema 0 kept flat files beside the manifest; 1 keeps them in a generation folder."""
    gen = path / "g000001"
    gen.mkdir(exist_ok=True)
    for name in (DOCUMENTS_FILE, CLAIMS_FILE, VECTORS_FILE):
        if (path / name).exists():
            os.replace(path / name, gen / name)
    _fsync_dir(gen)
    manifest = dict(manifest)
    manifest["schema_version"] = 1
    manifest["generation"] = gen.name
    manifest["files"] = {n: {"bytes": (gen / n).stat().st_size, "sha256": _sha256(gen / n)}
                         for n in (DOCUMENTS_FILE, CLAIMS_FILE, VECTORS_FILE)
                         if (gen / n).exists()}
    _write_json_atomic(gen / MANIFEST, manifest)  # so `repair` can fall back on it
    return manifest


def _migrate_1_to_2(path: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 kept whole tables and one FAISS file; 2 keeps segments (one per commit) and
    .npy vectors. The tables are read, checked, and committed as a new generation."""
    import faiss
    import numpy as np

    old = Store(path, manifest)
    docs, claims = old._read_table(DOCUMENTS_FILE, DOCUMENTS), old._read_table(CLAIMS_FILE,
                                                                                CLAIMS)
    from claims.group import GROUPS
    from claims.relate import PAIRS, RELATIONS

    claims = claims.sort("claim_id")  # schema 2 keeps claims (and vectors) in id order
    vec_file = old._file(VECTORS_FILE)
    vectors = np.zeros((len(claims), old.dimension), dtype=np.float32)
    if len(claims):
        if vec_file is None:
            raise StoreError(f"{path} has claims but no {VECTORS_FILE}; run `claims repair "
                             f"--index {path}` or ingest again into a new --index")
        index = faiss.read_index(str(vec_file))
        ids = faiss.vector_to_array(index.id_map).astype(np.int64)  # type: ignore[attr-defined]
        flat = index.index.reconstruct_n(0, index.ntotal)  # type: ignore[attr-defined]
        row = {int(i): r for r, i in enumerate(ids)}
        missing = [i for i in claims["claim_id"].to_list() if i not in row]
        if missing:
            raise StoreError(f"{vec_file} lacks the vectors of {len(missing)} claims; run "
                             f"`claims repair --index {path}` or ingest into a new --index")
        vectors = flat[[row[int(i)] for i in claims["claim_id"].to_list()]]
    fresh = dict(manifest)
    fresh.update({"schema_version": 2, "files": {}, "segments": [], "pair_segments": [],
                  "next_segment": 1,
                  "index": {"type": "flat", "metric": "inner_product", "size": 0}})
    new = Store(path, fresh)
    new.append(docs, claims, vectors, relations=old._read_table(RELATIONS_FILE, RELATIONS)
               if RELATIONS_FILE in manifest.get("files", {}) else None,
               new_pairs=old._read_table(PAIRS_FILE, PAIRS),
               groups=old._read_table(GROUPS_FILE, GROUPS)
               if GROUPS_FILE in manifest.get("files", {}) else None)
    return new.manifest


# schema version N -> function that turns a version-N store into version N+1
MIGRATIONS: dict[int, Callable[[Path, dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_0_to_1, 1: _migrate_1_to_2}


def _leftover(name: str) -> bool:
    """Files a folder may hold before its first commit: a README, the lock, and what a
    write killed before its first commit left behind."""
    return (name in _ALLOWED_IN_EMPTY or name.startswith(".tmp-") or bool(_GEN.match(name))
            or (name.startswith(".") and name.endswith(".tmp")))


# --- the store --------------------------------------------------------------------------------


@dataclass
class Store:
    """A store folder. `Store.open` for reading; `Store.create_or_open` under `writer_lock`."""

    path: Path
    manifest: dict[str, Any]
    # Tables already read and verified, by (generation, file): each file is hashed once.
    _cache: dict[tuple[str, str], pl.DataFrame] = field(default_factory=dict, repr=False,
                                                        compare=False)
    # Files linked into the generation being written (their checksums are carried over).
    _carried: set[str] = field(default_factory=set, repr=False, compare=False)
    _built: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # --- opening ----------------------------------------------------------------------------

    @staticmethod
    def _read_manifest(path: Path) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise StoreError(f"{path}/{MANIFEST} is unreadable ({type(e).__name__}); "
                             f"run `claims repair --index {path}`") from None
        return data

    @classmethod
    def _upgrade(cls, path: Path, manifest: dict[str, Any], locked: bool) -> dict[str, Any]:
        version = manifest.get("schema_version")
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise StoreError(f"store at {path} has schema version {version}; this claims "
                             f"({__version__}) reads up to {SCHEMA_VERSION}: upgrade "
                             f"claims-tracker, or ingest into a new --index")
        if version == SCHEMA_VERSION:
            return manifest
        with contextlib.nullcontext() if locked else writer_lock(path):
            manifest = cls._read_manifest(path)
            while manifest["schema_version"] < SCHEMA_VERSION:
                manifest = MIGRATIONS[manifest["schema_version"]](path, manifest)
            _write_json_atomic(path / MANIFEST, manifest)
        return manifest

    @classmethod
    def open(cls, path: str | Path, locked: bool = False) -> Store:
        """An existing store; a clear error when there is none. Older schemas are migrated
        (`locked`: the caller already holds the writer lock)."""
        p = Path(path)
        if not (p / MANIFEST).exists():
            if p.is_file() or (p.is_dir() and any(not _leftover(c.name) for c in p.iterdir())):
                raise StoreError(f"{p} is not a claims store (no {MANIFEST}); "
                                 f"point --index at a store or an empty folder")
            raise StoreError(f"no store at {p} — run `claims ingest PATH` first "
                             f"(or point --index / CLAIMS_INDEX at an existing store)")
        return cls(p, cls._upgrade(p, cls._read_manifest(p), locked))

    @classmethod
    def create_or_open(cls, path: str | Path, model: str | None, default_model: str,
                       dimension_of: Callable[[str], int]) -> Store:
        """Open the store at `path`, or start one for `model` (default: `default_model`).

        `dimension_of(model_name)` is only called for a new store. A `model` different from
        the store's is an error, never a silent mix. Call under `writer_lock`.
        """
        p = Path(path)
        if (p / MANIFEST).exists():
            store = cls.open(p, locked=True)
            if model is not None and model != store.model:
                raise StoreError(
                    f"store at {p} was built with embedding model {store.model!r} "
                    f"({store.dimension}-d), not {model!r}; leave --model out to use the "
                    f"store's model, or ingest into a new store with --index DIR")
            return store
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p} is a file, not a store folder; choose another --index")
        if p.exists() and any(not _leftover(c.name) for c in p.iterdir()):
            raise StoreError(f"{p} is not a claims store (no {MANIFEST}) and not empty; "
                             f"point --index at a store or an empty folder")
        name = model or default_model
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "created_at": now,
            "updated_at": now,
            "embedding": {"model": name, "dimension": int(dimension_of(name)),
                          "normalized": True},
            "index": {"type": "flat", "metric": "inner_product", "size": 0},
            "judge_model": None,
            "counts": {"documents": 0, "claims": 0},
            "versions": _versions(),
            "generation": None,
            "files": {},
            "segments": [],
            "pair_segments": [],
            "next_segment": 1,
        }
        p.mkdir(parents=True, exist_ok=True)
        return cls(p, manifest)

    # --- reading ----------------------------------------------------------------------------

    @property
    def model(self) -> str:
        return str(self.manifest["embedding"]["model"])

    @property
    def dimension(self) -> int:
        return int(self.manifest["embedding"]["dimension"])

    def _file(self, name: str, verify_all: bool = False) -> Path | None:
        """A file of the current generation, checked against the manifest; None if absent.
        Files over HASH_ON_READ bytes are hashed only with `verify_all`."""
        gen = self.manifest.get("generation")
        expected = self.manifest.get("files", {}).get(name)
        if not gen or not expected:
            return None
        f = self.path / gen / name
        if not f.exists():
            now = self._read_manifest(self.path).get("generation")
            if now != gen:
                raise StoreError(f"{self.path} changed while it was being read (a writer "
                                 f"committed twice); run the command again")
            raise StoreError(f"{f} is missing; run `claims repair --index {self.path}` to go "
                             f"back to the last intact state, then ingest again")
        size = f.stat().st_size
        if size != expected["bytes"] or (size <= HASH_ON_READ and not verify_all
                                         and _sha256(f) != expected["sha256"]) or \
                (verify_all and _sha256(f) != expected["sha256"]):
            raise StoreError(f"{f} is damaged (size or checksum differs from the manifest); "
                             f"run `claims repair --index {self.path}` to go back to the last "
                             f"intact state, then ingest again")
        return f

    def _read_table(self, name: str, schema: pl.Schema) -> pl.DataFrame:
        # keyed by content (name + checksum): a segment linked into later generations is
        # read and verified once per process
        key = (name, str(self.manifest.get("files", {}).get(name, {}).get("sha256")))
        if key not in self._cache:
            f = self._file(name)
            self._cache[key] = pl.read_parquet(f) if f is not None else \
                pl.DataFrame(schema=schema)
        return self._cache[key]

    def _read_segments(self, kind: str, numbers: list[int], schema: pl.Schema) -> pl.DataFrame:
        key = (kind, str(self.manifest.get("generation")))
        if key not in self._cache:
            parts = [self._read_table(segment_file(kind, n), schema) for n in numbers]
            # one chunk: zero-copy numpy columns and fast row gathers (search results)
            self._cache[key] = pl.concat(parts, how="vertical", rechunk=True) if parts else \
                pl.DataFrame(schema=schema)
        return self._cache[key]

    @property
    def segments(self) -> list[dict[str, Any]]:
        return list(self.manifest.get("segments", []))

    def documents(self) -> pl.DataFrame:
        return self._read_segments("documents", [s["n"] for s in self.segments], DOCUMENTS)

    def claims(self) -> pl.DataFrame:
        return self._read_segments("claims", [s["n"] for s in self.segments], CLAIMS)

    def relations(self) -> pl.DataFrame:
        from claims.relate import RELATIONS

        return self._read_table(RELATIONS_FILE, RELATIONS)

    def pairs(self) -> pl.DataFrame:
        from claims.relate import PAIRS

        return self._read_segments("pairs", list(self.manifest.get("pair_segments", [])),
                                   PAIRS)

    def groups(self) -> pl.DataFrame:
        from claims.group import GROUPS

        return self._read_table(GROUPS_FILE, GROUPS)

    def index(self) -> VectorIndex:
        """Every claim's vector, searchable (memory-mapped; exact or HNSW by size). Built from
        parts cached by file checksum, so a writer's next generation reuses the segments and
        the graph it shares with the last one instead of reading them again."""
        import numpy as np

        key = ("index", str(self.manifest.get("generation")))
        if key not in self._cache:
            ids, vecs = [], []
            for seg in self.segments:
                n = seg["n"]
                ids.append(self._claim_ids(n))
                vecs.append(self._cached(segment_file("vectors", n), "", lambda f: np.load(
                    f, mmap_mode="r")) if seg["claims"] else
                    np.zeros((0, self.dimension), dtype=np.float32))
            ann_meta = self.manifest.get("index", {}).get("ann")
            if ann_meta and not str(ann_meta.get("type", "")).startswith("HNSW"):
                ann_meta = None  # an index type this version does not use: search exactly
            ann = self._cached(ann_meta["file"], "", read_ann) if ann_meta else None
            self._cache[key] = VectorIndex(  # type: ignore[assignment]
                self.dimension, ids, vecs, ann,
                ann_meta["max_id"] if ann_meta else -1,
                ann_meta["ef_search"] if ann_meta else 64)
        return self._cache[key]  # type: ignore[return-value]

    def _cached(self, name: str, part: str, load: Callable[[Path], Any]) -> Any:
        """`load(file)` of a file of this generation, cached by (name#part, checksum): the
        entry lives as long as later generations link the same file."""
        key = (f"{name}#{part}" if part else name,
               str(self.manifest.get("files", {}).get(name, {}).get("sha256")))
        if key not in self._cache:
            f = self._file(name)
            if f is None:
                raise StoreError(f"{name} is not listed in {self.path}/{MANIFEST}; run "
                                 f"`claims repair --index {self.path}`, then ingest again")
            self._cache[key] = load(f)
        return self._cache[key]

    def _claim_ids(self, n: int) -> np.ndarray:
        """The claim ids of one segment (its claim_id column alone: 8 bytes a claim)."""
        import numpy as np

        return self._cached(segment_file("claims", n), "ids", lambda f: pl.read_parquet(
            f, columns=["claim_id"])["claim_id"].to_numpy().astype(np.int64))

    def known_doc_ids(self) -> set[str]:
        out: set[str] = set()
        for seg in self.segments:  # per segment: no concatenation of the whole table
            out.update(self._read_table(segment_file("documents", seg["n"]),
                                        DOCUMENTS)["doc_id"].to_list())
        return out

    def next_claim_id(self) -> int:
        """One past the highest claim id: ids grow with the segments, so the last non-empty
        segment holds it."""
        for seg in reversed(self.segments):
            if seg["claims"]:
                return int(self._claim_ids(seg["n"]).max()) + 1
        return 0

    def _evict(self) -> None:
        """Forget cached tables of other generations (a long ingest commits hundreds)."""
        gen = str(self.manifest.get("generation"))
        files = self.manifest.get("files", {})
        for key in list(self._cache):
            name, tag = key
            name = name.split("#")[0]  # a part of a file ("claims-000003.parquet#ids")
            if name in files:
                if tag != str(files[name].get("sha256")):
                    del self._cache[key]
            elif tag != gen:
                del self._cache[key]

    # --- writing (under writer_lock) ----------------------------------------------------------

    def _generations(self) -> list[str]:
        return sorted(c.name for c in self.path.iterdir() if c.is_dir() and _GEN.match(c.name))

    def index_with(self, claims: pl.DataFrame, vectors: np.ndarray) -> VectorIndex:
        """The store's vectors with these claims' vectors added (nothing is written)."""
        import numpy as np

        if len(claims) != len(vectors):
            raise ValueError("one vector per claim")
        return self.index().with_added(claims["claim_id"].to_numpy().astype(np.int64), vectors)

    def _merge_plan(self, segments: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
        """Runs of neighbouring segments to write as one: the smallest neighbours are merged
        until at most MAX_SEGMENTS remain (each claim is rewritten O(log n) times)."""
        runs = [[s] for s in segments]
        while len(runs) > MAX_SEGMENTS:
            sizes = [sum(s["claims"] + s["documents"] for s in r) for r in runs]
            i = min(range(len(runs) - 1), key=lambda j: sizes[j] + sizes[j + 1])
            runs[i:i + 2] = [runs[i] + runs[i + 1]]
        return runs

    def append(self, documents: pl.DataFrame, claims: pl.DataFrame,
               vectors: np.ndarray | None = None, *,
               index: VectorIndex | None = None, relations: pl.DataFrame | None = None,
               new_pairs: pl.DataFrame | None = None, groups: pl.DataFrame | None = None,
               judge: str | None = None) -> None:
        """Add documents, their claims and the claims' vectors (rows aligned with `claims`)
        as one new segment of a new generation; `relations` and `groups` replace those
        tables, `new_pairs` join the judgement cache. `index` may stand in for `vectors`
        when it already holds them. Unchanged files are hard-linked, not rewritten.
        Call under `writer_lock`."""
        import numpy as np

        if vectors is None:
            if index is None:
                raise ValueError("give the claims' vectors or an index that holds them")
            vectors = index.vectors_of(claims["claim_id"].to_numpy()) if len(claims) else \
                np.zeros((0, self.dimension), dtype=np.float32)
        if len(claims) != len(vectors):
            raise ValueError("one vector per claim")
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        gens = self._generations()
        number = int(_GEN.match(gens[-1]).group(1)) + 1 if gens else 1  # type: ignore[union-attr]
        name = f"g{number:06d}"
        tmp = self.path / f".tmp-{name}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        self._carried, self._built = set(), {}
        next_seg = int(self.manifest.get("next_segment", 1))
        segments = self.segments
        if len(documents) or len(claims):
            segments.append({"n": next_seg, "documents": len(documents), "claims": len(claims)})
            new_seg: dict[str, Any] | None = segments[-1]
            next_seg += 1
        else:
            new_seg = None
        _crash_point("before-vectors")
        kept: list[dict[str, Any]] = []
        for run in self._merge_plan(segments):
            if len(run) == 1 and run[0] is not new_seg:  # unchanged: link it
                for kind in ("documents", "claims", "vectors"):
                    self._carry(segment_file(kind, run[0]["n"]), tmp)
                kept.append(run[0])
                continue
            if len(run) == 1:  # the new segment
                seg, docs, cls_, vecs = run[0], documents.cast(DOCUMENTS), \
                    claims.cast(CLAIMS), vectors
            else:  # merged neighbours (the new one may be among them)
                seg = {"n": next_seg, "documents": sum(s["documents"] for s in run),
                       "claims": sum(s["claims"] for s in run)}
                next_seg += 1
                docs = pl.concat([documents.cast(DOCUMENTS) if s is new_seg else
                                  self._read_table(segment_file("documents", s["n"]), DOCUMENTS)
                                  for s in run], how="vertical")
                cls_ = pl.concat([claims.cast(CLAIMS) if s is new_seg else
                                  self._read_table(segment_file("claims", s["n"]), CLAIMS)
                                  for s in run], how="vertical")
                old_vecs = self.index()
                vecs = np.vstack([vectors if s is new_seg else np.asarray(
                    old_vecs.vectors[[x["n"] for x in self.segments].index(s["n"])])
                    for s in run]).astype(np.float32)
            np.save(tmp / segment_file("vectors", seg["n"]), vecs)
            _crash_point("mid-vectors", tmp / segment_file("vectors", seg["n"]))
            _crash_point("after-vectors")
            cls_.write_parquet(tmp / segment_file("claims", seg["n"]))
            _crash_point("mid-claims", tmp / segment_file("claims", seg["n"]))
            _crash_point("after-claims")
            docs.write_parquet(tmp / segment_file("documents", seg["n"]))
            _crash_point("mid-documents", tmp / segment_file("documents", seg["n"]))
            _crash_point("after-documents")
            kept.append(seg)
        # judged pairs: one more segment; merged into one past MAX_SEGMENTS
        pair_segs = list(self.manifest.get("pair_segments", []))
        if new_pairs is not None and len(new_pairs):
            from claims.relate import PAIRS

            if len(pair_segs) >= MAX_SEGMENTS:
                new_pairs = pl.concat([self.pairs(), new_pairs.cast(PAIRS)], how="vertical")
                pair_segs = []
            new_pairs.cast(PAIRS).write_parquet(tmp / segment_file("pairs", next_seg))
            pair_segs.append(next_seg)
            next_seg += 1
        for n in pair_segs:
            if not (tmp / segment_file("pairs", n)).exists():
                self._carry(segment_file("pairs", n), tmp)
        for table_file, table in ((RELATIONS_FILE, relations), (GROUPS_FILE, groups)):
            if table is not None:
                table.write_parquet(tmp / table_file)
            else:
                self._carry(table_file, tmp)
        total = sum(s["claims"] for s in kept)
        if index is None or index.ntotal != total:  # the caller's index, when it has them
            index = self.index_with(claims, vectors) if len(claims) else self.index()
        index_meta = self._update_ann(tmp, name, total, index)
        files = {}
        for f in sorted(tmp.iterdir()):
            if f.name in self._carried:  # linked, already checked: keep its recorded checksum
                files[f.name] = dict(self.manifest["files"][f.name])
                continue
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
            files[f.name] = {"bytes": f.stat().st_size, "sha256": _sha256(f)}
        self._carried = set()
        built, self._built = self._built, {}
        manifest = dict(self.manifest)
        manifest.update({
            "schema_version": SCHEMA_VERSION,
            "updated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "index": index_meta,
            "counts": {"documents": sum(s["documents"] for s in kept), "claims": total},
            "versions": _versions(),
            "generation": name,
            "previous_generation": self.manifest.get("generation"),
            "segments": kept,
            "pair_segments": pair_segs,
            "next_segment": next_seg,
            "files": files,
        })
        if judge is not None:
            manifest["judge_model"] = judge
        # A copy of the manifest inside the generation lets `repair` rebuild a lost one.
        _write_json_atomic(tmp / MANIFEST, manifest)
        _fsync_dir(tmp)
        _crash_point("before-generation-rename")
        os.replace(tmp, self.path / name)
        _fsync_dir(self.path)
        _crash_point("after-generation-rename")
        _crash_point("before-manifest")
        _write_json_atomic(self.path / MANIFEST, manifest, "manifest")  # the commit point
        _crash_point("after-manifest")
        self.manifest = manifest
        for name, obj in built.items():  # a graph this process built: next commits reuse it
            self._cache[(name, files[name]["sha256"])] = obj
        self._evict()
        self.clean()
        _crash_point("after-clean")

    def _update_ann(self, tmp: Path, gen: str, total: int,
                    current: VectorIndex) -> dict[str, Any]:
        """Keep, extend, build or drop the HNSW index for this commit; its manifest entry."""
        import numpy as np

        meta = {"type": "flat", "metric": "inner_product", "size": total}
        old = self.manifest.get("index", {}).get("ann")
        if old and not str(old.get("type", "")).startswith("HNSW"):
            old = None  # built by an older version: build the graph afresh
        if total < ANN_THRESHOLD:
            return meta
        if old is not None:
            delta = int(sum(int((ids > old["max_id"]).sum()) for ids in current.ids))
            if delta <= max(DELTA_MIN, DELTA_SHARE * (total - delta)):
                self._carry(old["file"], tmp)  # appends stay in the exact delta
                return {**meta, "type": old["type"], "ann": old}
        every = [(i, v) for i, v in zip(current.ids, current.vectors, strict=True) if len(i)]
        if old is not None:  # add the delta to the graph: older claims are not re-added
            add = [(i[i > old["max_id"]], np.asarray(v)[i > old["max_id"]]) for i, v in every]
            add = [(i, v) for i, v in add if len(i)]
            # Add to the graph this process already holds (one copy in memory, not two);
            # the cached graph and index of this generation are dropped so no reader of
            # this process sees them changed.
            base = current.ann if current.ann is not None else \
                read_ann(self._file(old["file"]))  # type: ignore[arg-type]
            self._cache.pop(("index", str(self.manifest.get("generation"))), None)
            self._cache.pop((old["file"], str(self.manifest.get("files", {}).get(
                old["file"], {}).get("sha256"))), None)
        else:
            add, base = every, None
        index, ef, recall = build_ann(add, base=base, every=every)
        max_id = int(max(int(i.max()) for i, _ in every))
        file = f"ann-{gen}.faiss"
        write_ann(index, tmp / file)
        self._built[file] = index
        ann = {"file": file, "type": ann_type(index), "ef_search": ef,
               "recall_at_10": recall, "max_id": max_id}
        return {**meta, "type": ann["type"], "ann": ann}

    def _carry(self, name: str, folder: Path) -> None:
        """Hard-link (or copy) an unchanged, checked file of this generation into `folder`."""
        if name not in self.manifest.get("files", {}):
            return
        previous = self._file(name)
        assert previous is not None
        try:
            os.link(previous, folder / name)
        except OSError:
            shutil.copyfile(previous, folder / name)
        self._carried.add(name)

    def clean(self) -> None:
        """Remove every generation but the current and the previous committed one, and the
        leftovers of crashed writes. Call under `writer_lock`."""
        keep = {self.manifest.get("generation"), self.manifest.get("previous_generation")}
        for old in self._generations():
            if old not in keep:
                shutil.rmtree(self.path / old, ignore_errors=True)
        for c in self.path.iterdir():
            if _leftover(c.name) and not _GEN.match(c.name) and c.name not in _ALLOWED_IN_EMPTY:
                if c.is_dir():
                    shutil.rmtree(c, ignore_errors=True)
                else:
                    c.unlink(missing_ok=True)


def _generation_ok(folder: Path) -> dict[str, Any] | None:
    """The manifest saved with a generation, if every file still matches it."""
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for name, meta in files.items():
        f = folder / name
        if not f.exists() or f.stat().st_size != meta["bytes"] or _sha256(f) != meta["sha256"]:
            return None
    return manifest


def check(path: str | Path) -> list[str]:
    """Problems found in the store (empty when every file matches its checksum)."""
    store = Store.open(path)
    problems = []
    for name in store.manifest.get("files", {}):
        try:
            store._file(name, verify_all=True)
        except StoreError as e:
            problems.append(str(e))
    if not problems:
        claims, index = store.claims(), store.index()
        rows = [len(v) for v in index.vectors]
        ids = [len(i) for i in index.ids]
        segs = [s["claims"] for s in store.segments]
        if index.ntotal != len(claims) or not rows == ids == segs:
            problems.append(f"the vector files hold {sum(rows)} vectors for {len(claims)} "
                            f"claims; run `claims repair --index {path}`")
    return problems


def repair(path: str | Path, wait: bool = True) -> str | None:
    """Point the manifest at the newest generation whose files are intact. Returns its name
    (None when the current one was fine). Claims of later, lost commits can be ingested again:
    documents already in the store are skipped by their content hash."""
    p = Path(path)
    if not p.is_dir():
        raise StoreError(f"no store at {p}: nothing to repair")
    with writer_lock(p, wait=wait):
        try:
            current = Store._read_manifest(p).get("generation")
        except StoreError:
            current = None  # the manifest itself is lost: rebuild it from a generation
        gens = sorted((c for c in p.iterdir() if c.is_dir() and _GEN.match(c.name)),
                      key=lambda c: c.name, reverse=True)
        for g in gens:
            saved = _generation_ok(g)
            if saved is None:
                continue
            if g.name == current and _generation_ok(g) == Store._read_manifest(p):
                return None
            _write_json_atomic(p / MANIFEST, saved)
            Store(p, saved).clean()
            return g.name
        raise StoreError(f"no intact generation left in {p}; ingest again into a new --index")
