"""Polars schemas for the store's tables, declared once, and rows <-> frames."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

import polars as pl

from claims.types import Claim, Document

QUANTITY = pl.Struct({
    "value": pl.Float64, "unit": pl.String, "kind": pl.String, "qualifier": pl.String,
    "text": pl.String, "start": pl.Int64, "end": pl.Int64,
})

DOCUMENTS = pl.Schema({  # type: ignore[arg-type]
    "doc_id": pl.String, "source": pl.String, "uri": pl.String, "title": pl.String,
    "published": pl.Date, "ingested_at": pl.Datetime("us", "UTC"), "text": pl.String,
})

CLAIMS = pl.Schema({  # type: ignore[arg-type]
    "claim_id": pl.Int64, "doc_id": pl.String, "source": pl.String, "published": pl.Date,
    "sentence": pl.String, "sentence_start": pl.Int64, "sentence_end": pl.Int64,
    "start": pl.Int64, "end": pl.Int64, "speaker": pl.String, "mention": pl.String,
    "verb": pl.String, "content": pl.String, "numbers": pl.List(QUANTITY),
})


def documents_frame(docs: Sequence[Document], ingested_at: object) -> pl.DataFrame:
    rows = [{"doc_id": d.id, "source": d.source, "uri": d.uri, "title": d.title,
             "published": d.published, "ingested_at": ingested_at, "text": d.text} for d in docs]
    return pl.DataFrame(rows, schema=DOCUMENTS)


def claims_frame(claims: Sequence[Claim]) -> pl.DataFrame:
    rows = []
    for c in claims:
        row = asdict(c)
        row["claim_id"] = row.pop("id")
        row["numbers"] = [asdict(q) for q in c.numbers]
        rows.append(row)
    return pl.DataFrame(rows, schema=CLAIMS)
