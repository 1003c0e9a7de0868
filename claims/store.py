"""The on-disk store: manifest.json, vectors.faiss and Parquet tables, written atomically.

Layout of a store folder:
    manifest.json       schema version, embedding model and dimension, index type, versions
    documents.parquet   one row per document (doc_id = content hash)
    claims.parquet      one row per claim (claim_id = FAISS id)
    vectors.faiss       inner-product index over L2-normalised claim vectors, ids = claim_id

Every file is written to a temporary name and renamed into place; the manifest goes last.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from claims import __version__
from claims.errors import StoreError
from claims.tables import CLAIMS, DOCUMENTS

if TYPE_CHECKING:
    import numpy as np

SCHEMA_VERSION = 1
MANIFEST = "manifest.json"
DOCUMENTS_FILE = "documents.parquet"
CLAIMS_FILE = "claims.parquet"
VECTORS_FILE = "vectors.faiss"
INDEX_TYPE = "IDMap2,Flat"
# Files that may sit in a folder before it becomes a store (the repo's index/README.md).
_ALLOWED_IN_EMPTY = {"README.md", ".gitignore", ".gitkeep"}


def _atomic_write(path: Path, write: Any) -> None:
    """Call write(tmp_path), fsync, then rename over `path`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"claims-tracker": __version__}
    for pkg in ("faiss-cpu", "polars", "sentence-transformers", "torch"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            pass
    return out


@dataclass
class Store:
    """A store folder. Open with `Store.open` (read) or `Store.create_or_open` (ingest)."""

    path: Path
    manifest: dict[str, Any]

    # --- opening ----------------------------------------------------------------------------

    @staticmethod
    def _read_manifest(path: Path) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise StoreError(f"{path}/{MANIFEST} is unreadable ({e}); restore the store from a "
                             f"backup or re-run `claims ingest` into a new --index") from None
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise StoreError(f"store at {path} has schema version {version}, this claims "
                             f"reads version {SCHEMA_VERSION}; re-ingest into a new --index")
        return data

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """An existing store; a clear error when there is none."""
        p = Path(path)
        if not (p / MANIFEST).exists():
            if p.exists() and any(c.name not in _ALLOWED_IN_EMPTY for c in p.iterdir()) \
                    if p.is_dir() else p.exists():
                raise StoreError(f"{p} is not a claims store (no {MANIFEST}); "
                                 f"point --index at a store or an empty folder")
            raise StoreError(f"no store at {p} — run `claims ingest PATH` first "
                             f"(or point --index / CLAIMS_INDEX at an existing store)")
        return cls(p, cls._read_manifest(p))

    @classmethod
    def create_or_open(cls, path: str | Path, model: str | None, default_model: str,
                       dimension_of: Any) -> Store:
        """Open the store at `path`, or create it for `model` (default: `default_model`).

        `dimension_of(model_name) -> int` is only called when a store is created.
        A `model` different from the store's is an error, never a silent mix.
        """
        p = Path(path)
        if (p / MANIFEST).exists():
            store = cls.open(p)
            built = store.model
            if model is not None and model != built:
                raise StoreError(
                    f"store at {p} was built with embedding model {built!r} "
                    f"({store.dimension}-d), not {model!r}; leave --model out to use the "
                    f"store's model, or ingest into a new store with --index DIR")
            return store
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p} is a file, not a store folder; choose another --index")
        if p.exists() and any(c.name not in _ALLOWED_IN_EMPTY for c in p.iterdir()):
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
            "index": {"type": INDEX_TYPE, "metric": "inner_product", "size": 0},
            "judge_model": None,
            "counts": {"documents": 0, "claims": 0},
            "versions": _versions(),
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

    def _read_table(self, name: str, schema: pl.Schema) -> pl.DataFrame:
        f = self.path / name
        if not f.exists():
            return pl.DataFrame(schema=schema)
        try:
            return pl.read_parquet(f)
        except Exception as e:
            raise StoreError(f"{f} is damaged ({type(e).__name__}); re-run `claims ingest` "
                             f"into a new --index") from None

    def documents(self) -> pl.DataFrame:
        return self._read_table(DOCUMENTS_FILE, DOCUMENTS)

    def claims(self) -> pl.DataFrame:
        return self._read_table(CLAIMS_FILE, CLAIMS)

    def index(self) -> Any:
        """The FAISS index (an empty one for a new store)."""
        import faiss

        f = self.path / VECTORS_FILE
        if not f.exists():
            return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dimension))
        try:
            return faiss.read_index(str(f))
        except Exception as e:
            raise StoreError(f"{f} is damaged ({str(e)[:80]}); re-run `claims ingest` into "
                             f"a new --index") from None

    def known_doc_ids(self) -> set[str]:
        f = self.path / DOCUMENTS_FILE
        if not f.exists():
            return set()
        return set(pl.read_parquet(f, columns=["doc_id"])["doc_id"].to_list())

    def next_claim_id(self) -> int:
        f = self.path / CLAIMS_FILE
        if not f.exists():
            return 0
        ids = pl.read_parquet(f, columns=["claim_id"])["claim_id"]
        return int(ids.max()) + 1 if len(ids) else 0  # type: ignore[arg-type,operator]

    # --- writing ----------------------------------------------------------------------------

    def append(self, documents: pl.DataFrame, claims: pl.DataFrame, vectors: np.ndarray) -> None:
        """Add documents, their claims and the claims' vectors (rows aligned with `claims`)."""
        import faiss
        import numpy as np

        if len(claims) != len(vectors):
            raise ValueError("one vector per claim")
        index = self.index()
        if len(claims):
            ids = claims["claim_id"].to_numpy().astype(np.int64)
            index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)
        all_docs = pl.concat([self.documents(), documents.cast(DOCUMENTS)], how="vertical")
        all_claims = pl.concat([self.claims(), claims.cast(CLAIMS)], how="vertical")
        _atomic_write(self.path / VECTORS_FILE, lambda t: faiss.write_index(index, t))
        _atomic_write(self.path / CLAIMS_FILE, lambda t: all_claims.write_parquet(t))
        _atomic_write(self.path / DOCUMENTS_FILE, lambda t: all_docs.write_parquet(t))
        self.manifest["updated_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.manifest["index"]["size"] = int(index.ntotal)
        self.manifest["counts"] = {"documents": len(all_docs), "claims": len(all_claims)}
        self.manifest["versions"] = _versions()
        text = json.dumps(self.manifest, indent=2) + "\n"
        _atomic_write(self.path / MANIFEST, lambda t: Path(t).write_text(text, encoding="utf-8"))
