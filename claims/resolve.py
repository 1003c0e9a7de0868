"""Figures that answer the figure before them: "Mayor Edda Farrow says about 3,000 people have
been displaced, a figure the Sarn Valley Water Board disputes. The board says the number is
1,200 ..." The board's claim, "the number is 1,200", says nothing by itself: it counts what the
claim before it counts. Read as that claim with its own figure ("1,200 people have been
displaced"), it can be embedded, compared and judged like any other figure: it clashes with the
mayor's 3,000 and agrees with another outlet's "1,200 people had been displaced".

This stage sits between attribution and embedding: `pipeline` embeds the restated text and
`relate` judges it; the claim's content stays the speaker's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from claims.numbers import extract_quantities
from claims.types import Quantity

# "the number is", "the true figure was", "the official death toll stood at": a figure whose
# noun points back ("the number of displaced people is 1,200" names its own matter: not this)
_POINTS_BACK = re.compile(
    r"^(?:the\s+)?(?:(?:true|real|actual|correct|right|accurate|official|final|new|revised)\s+)?"
    r"(?:\w+\s+)?(?:number|figure|total|toll|count|tally)\s+"
    r"(?:is|was|are|were|stood at|stands at|had been|has been|would be|will be)\s+"
    r"(?:(?:actually|really|in fact|now|only|just)\s+)?", re.IGNORECASE)
_COMPARED = ("count", "percent", "money")
LOOK_BACK = 3  # claims before it in the same document where the figure it answers may be


def answered_figures(content: str) -> list[Quantity]:
    """The figures of a claim that only states figures of something said before ("the true
    figure was 6,300 tonnes, or 87.5 percent"); [] for any other claim."""
    m = _POINTS_BACK.match(content)
    if m is None:
        return []
    figures = [q for q in extract_quantities(content) if q.kind in _COMPARED]
    return figures if figures and figures[0].start == m.end() else []


def _fits(answer: Quantity, stated: Quantity) -> bool:
    """Can `answer` be a figure of what `stated` counts? Same kind, and the same unit where
    the answer names one ("1,200" fits "about 3,000 people"; "6,300 tonnes" fits "8,060
    tonnes", not "112 percent")."""
    if answer.kind != stated.kind:
        return False
    return not answer.unit or answer.unit.lower() == stated.unit.lower()


def restate(antecedent: str, figures: Sequence[Quantity]) -> str | None:
    """`antecedent` with its figures replaced, in order, by the answering `figures` that fit
    them, each used once; None where none fits. "Lundar vessels have landed 8,060 tonnes of
    Grey Sound cod this year, or 112 percent of the Lundar share of 7,200 tonnes" with "6,300
    tonnes, or 87.5 percent" -> "... landed 6,300 tonnes ..., or 87.5 percent of the Lundar
    share of 7,200 tonnes"."""
    free = list(figures)
    out, pos = [], 0
    for q in extract_quantities(antecedent):
        fit = next((f for f in free if _fits(f, q)), None)
        if fit is None:
            continue
        free.remove(fit)
        words = fit.text
        if not fit.unit and q.unit and q.text.endswith(q.unit):  # "1,200" + " people"
            words += " " + q.unit
        out += [antecedent[pos:q.start], words]
        pos = q.end
    return "".join(out) + antecedent[pos:] if out else None


def restated(contents: Sequence[str]) -> dict[int, str]:
    """One document's claim contents, in document order -> {position: restated text} for the
    claims whose figures answer a claim just before them (up to LOOK_BACK claims back, the
    nearest whose figures they fit)."""
    out = {}
    for i, content in enumerate(contents):
        figures = answered_figures(content)
        if not figures:
            continue
        for prev in range(i - 1, max(-1, i - 1 - LOOK_BACK), -1):
            if answered_figures(contents[prev]):
                continue  # two answers in a row answer the same figure, not each other
            text = restate(contents[prev], figures)
            if text is not None:
                out[i] = text
                break
    return out


def restated_claims(claims: Iterable[tuple[int, str, str]]) -> dict[int, str]:
    """(claim id, document id, content) in document order, any number of documents ->
    {claim id: restated text} (see `restated`)."""
    docs: dict[str, list[tuple[int, str]]] = {}
    for claim_id, doc_id, content in claims:
        docs.setdefault(doc_id, []).append((claim_id, content))
    out = {}
    for rows in docs.values():
        for i, text in restated([c for _, c in rows]).items():
            out[rows[i][0]] = text
    return out
