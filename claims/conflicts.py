"""Read the relations and groups back as people and scripts want them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import polars as pl

from claims.relate import shown_scores
from claims.store import Store

CLASH_METHODS = ("numbers", "negation", "denial", "model")  # what found a clash
CLAIM_FIELDS = ["claim_id", "sentence", "content", "speaker", "verb", "source", "published",
                "doc_id", "start", "end"]


@dataclass(frozen=True)
class ConflictFilters:
    """A clash is shown when one of its sides meets every filter (min_score: the clash)."""

    sources: tuple[str, ...] = ()  # the side comes from one of these outlets
    speaker: str | None = None  # the side's speaker contains this
    min_score: float = 0.0
    since: dt.date | None = None  # the side was published on or after
    until: dt.date | None = None
    methods: tuple[str, ...] = ()  # the clash was found by one of these (numbers, model, ...)


def attribution(claim: dict[str, Any]) -> str:
    """Who said it and how, as a reader would say it: "Ilse Dravant denied" (what follows is
    what she denied, not what she asserts), "according to the coastguard", "narrator"."""
    speaker, verb = claim.get("speaker"), " ".join((claim.get("verb") or "").split())
    if not speaker:
        return "narrator"
    if not verb:
        return str(speaker)
    if verb.lower().startswith("according to"):
        return f"according to {speaker}"
    return f"{speaker} {verb}"


# "numbers: '40 firefighters' vs '60 firefighters'", "negation: 'X' denies 'Y'"; a quote
# with an apostrophe in it is written in double quotes (Python's repr)
_QUOTE = r"""(?:'(?P<{0}>[^']+)'|"(?P<{1}>[^"]+)")"""
_QUOTED_PAIR = re.compile(_QUOTE.format("x1", "x2") + " (?:vs|denies) "
                          + _QUOTE.format("y1", "y2"))


def _says(text: str, quote: str) -> bool:
    """Is `quote` in `text` as whole words ('200 people' is not in "1,200 people")?"""
    return re.search(r"(?<![\w,.])" + re.escape(quote) + r"(?![\w])", text) is not None


def in_reason_order(a: dict[str, Any], b: dict[str, Any],
                    reasons: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The two sides in the order the first reason quotes them ("numbers: 'Around 60
    firefighters' vs '40 firefighters'" puts the 60 first), so the sides read as the reason
    does; the judge may have found it either way round."""
    for reason in reasons[:1]:
        m = _QUOTED_PAIR.search(reason)
        if m is None:
            continue
        x, y = m.group("x1") or m.group("x2"), m.group("y1") or m.group("y2")
        if _says(b["content"], x) and _says(a["content"], y) and not _says(a["content"], x):
            return b, a
    return a, b


def _claims_by_id(claims: pl.DataFrame) -> dict[int, dict[str, Any]]:
    return {r["claim_id"]: r for r in claims.select(CLAIM_FIELDS).iter_rows(named=True)}


def _match(c: dict[str, Any], f: ConflictFilters) -> bool:
    """Does this side of a clash meet every filter?"""
    day = c["published"]
    return ((not f.sources or (c["source"] or "").lower() in {s.lower() for s in f.sources})
            and (not f.speaker or f.speaker.lower() in (c["speaker"] or "").lower())
            and (f.since is None or (day is not None and day >= f.since))
            and (f.until is None or (day is not None and day <= f.until)))


def conflicts(store: Store, filters: ConflictFilters | None = None,
              sort: str = "strongest") -> list[dict[str, Any]]:
    """Clashing pairs, each {"a": claim, "b": claim, "kind", "score", "method", "reasons"}."""
    f = filters or ConflictFilters()
    frame = store.claims()  # read once: the claims shown and the days their scores need
    claims = _claims_by_id(frame)
    rels = shown_scores(store.relations(), frame).filter(
        (pl.col("kind") == "contradict") & (pl.col("score") >= f.min_score))
    if f.methods:
        rels = rels.filter(pl.col("method").is_in([m.lower() for m in f.methods]))
    out = []
    for r in rels.iter_rows(named=True):
        reasons = list(r["reasons"] or [])
        a, b = in_reason_order(claims[r["a"]], claims[r["b"]], reasons)
        if not (_match(a, f) or _match(b, f)):  # one side meets them all
            continue
        out.append({"a": a, "b": b, "kind": r["kind"], "score": r["score"],
                    "method": r["method"], "reasons": reasons})
    if sort == "newest":
        out.sort(key=lambda c: max(c["a"]["published"] or dt.date.min,
                                   c["b"]["published"] or dt.date.min), reverse=True)
    else:
        out.sort(key=strongest_first)
    return out


def strongest_first(clash: dict[str, Any]) -> tuple[float, bool, int, int]:
    """Sort key: the score as shown (two decimals), a rule's clash before the model's alone
    (its reason says more), then claim ids. Scores equal to two decimals differ only by the
    float noise of the processor the models ran on, which must not reorder a report."""
    first, second = sorted((clash["a"]["claim_id"], clash["b"]["claim_id"]))
    return (-round(clash["score"], 2), clash["method"] == "model", first, second)


def groups(store: Store, contested_only: bool = False) -> list[dict[str, Any]]:
    """Groups, each {"group_id", "contested", "canonical": claim, "sides": [[claim]], ...}."""
    claims = _claims_by_id(store.claims())
    table = store.groups()
    if contested_only:
        table = table.filter(pl.col("contested"))
    out = []
    for g in table.iter_rows(named=True):
        out.append({
            "group_id": g["group_id"], "contested": g["contested"],
            "canonical": claims[g["canonical"]],
            "sides": [[claims[c] for c in side] for side in g["sides"]],
            "side_sources": g["side_sources"], "side_speakers": g["side_speakers"],
            "sources": g["sources"], "speakers": g["speakers"],
            "first_seen": g["first_seen"], "last_seen": g["last_seen"],
        })
    return out
