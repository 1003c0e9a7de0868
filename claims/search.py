"""Similarity search over stored claims, with filters applied inside FAISS."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import polars as pl

from claims.embed import Embedder
from claims.store import Store

RESULT_COLUMNS = ["claim_id", "score", "sentence", "content", "speaker", "verb", "source",
                  "published", "doc_id", "start", "end"]


@dataclass(frozen=True)
class Filters:
    """Which claims a search may return. Strings match case-insensitively."""

    sources: tuple[str, ...] = ()
    speaker: str | None = None  # substring of the speaker's name
    since: dt.date | None = None
    until: dt.date | None = None

    def apply(self, claims: pl.DataFrame) -> pl.DataFrame:
        out = claims
        if self.sources:
            wanted = [s.lower() for s in self.sources]
            out = out.filter(pl.col("source").str.to_lowercase().is_in(wanted))
        if self.speaker:
            out = out.filter(pl.col("speaker").str.to_lowercase()
                             .str.contains(self.speaker.lower(), literal=True))
        if self.since:
            out = out.filter(pl.col("published") >= self.since)
        if self.until:
            out = out.filter(pl.col("published") <= self.until)
        return out

    @property
    def active(self) -> bool:
        return bool(self.sources or self.speaker or self.since or self.until)


def search(store: Store, query: str, k: int = 10, filters: Filters | None = None,
           embedder: Embedder | None = None) -> pl.DataFrame:
    """The k claims nearest to `query` (cosine), best first, as a frame of RESULT_COLUMNS."""
    import numpy as np

    filters = filters or Filters()
    claims = store.claims()
    index = store.index()
    empty = pl.DataFrame(schema={c: claims.schema.get(c, pl.Float32) for c in RESULT_COLUMNS})
    if index.ntotal == 0 or k <= 0:
        return empty
    allowed = None
    if filters.active:
        allowed = filters.apply(claims)["claim_id"].to_numpy().astype(np.int64)
        if len(allowed) == 0:
            return empty
    embedder = embedder or Embedder(store.model)
    qv = embedder.encode([query])
    scores, ids = index.search(qv, min(k, index.ntotal), allowed=allowed)
    found = ids[0][ids[0] >= 0]
    hits = rows_of(claims, found).with_columns(
        pl.Series("score", scores[0][ids[0] >= 0], dtype=pl.Float32))
    return hits.sort("score", descending=True, maintain_order=True).select(RESULT_COLUMNS)


def rows_of(claims: pl.DataFrame, ids: Any) -> pl.DataFrame:
    """The claims with these ids, in that order. The table is sorted by claim_id (segments
    are appended in id order), so this is a binary search, not a join over a million rows."""
    import numpy as np

    col = claims["claim_id"].to_numpy()
    pos = np.searchsorted(col, ids)
    pos = np.minimum(pos, max(len(col) - 1, 0))
    if len(col) and (col[pos] == ids).all():
        return claims[pos.tolist()]
    order = pl.DataFrame({"claim_id": np.asarray(ids, dtype=np.int64)})
    return order.join(claims, on="claim_id", how="left", maintain_order="left")


def stats(store: Store) -> dict[str, object]:
    """Counts for `claims stats`: documents, claims, sources, speakers, dates, model."""
    docs = store.documents()
    claims = store.claims()
    by_source = (claims.group_by("source").agg(pl.len().alias("claims"),
                                                pl.col("doc_id").n_unique().alias("documents"))
                 .sort("source"))
    dates = docs["published"].drop_nulls()
    attributed = claims.filter(pl.col("speaker").is_not_null())
    return {
        "store": str(store.path),
        "documents": len(docs),
        "claims": len(claims),
        "attributed_claims": len(attributed),
        "sources": docs["source"].n_unique() if len(docs) else 0,
        "speakers": attributed["speaker"].n_unique() if len(attributed) else 0,
        "first_published": dates.min().isoformat() if len(dates) else None,  # type: ignore[union-attr]
        "last_published": dates.max().isoformat() if len(dates) else None,  # type: ignore[union-attr]
        "by_source": {r["source"]: {"documents": r["documents"], "claims": r["claims"]}
                      for r in by_source.iter_rows(named=True)},
        "embedding_model": store.model,
        "dimension": store.dimension,
        "index_type": store.manifest["index"]["type"],
        "updated_at": store.manifest.get("updated_at"),
    }
