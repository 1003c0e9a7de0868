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
from claims.rules import AMOUNTS
from claims.types import Quantity

# "the number is", "the true figure was", "the official figure stood at", "the number at"
# (what "The union put the number at 8,000" leaves): a bare figure noun that points back.
# Not "the number of displaced people is 1,200" (it names its own matter), nor "the death
# toll was 41" or "the phone number is 555" (a noun that says what is counted,
# which the claim before it may not count).
_POINTS_BACK = re.compile(
    r"^(?:the\s+|(?:(?:the|our|its|their|his|her)\s+(?:[\w-]+\s+){0,2}[\w-]+|"  # "the
    r"(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,2})(?:'s|’s|s'|’)\s+|"  # commission's", "Holtz's"
    r"(?:our|its|their|his|her|my)\s+)?"  # "our" (not "Nobody believes the commission's")
    r"(?:(?:true|real|actual|correct|right|accurate|official|final|new|revised|"
    r"overall)\s+)?(?:number|figure|total|count|tally)\s+"
    r"(?:is|was|are|were|stood at|stands at|had been|has been|would be|will be|at)\s+"
    r"(?:(?:actually|really|in fact|now|only|just)\s+)?", re.IGNORECASE)
# between two figures of one answer ("6,300 tonnes, or 87.5 percent"), and after the last (an
# end, or another clause: "the number is 1,200 and that many residents have gone to stay with
# relatives"). Anything else ("4.9 percent a year earlier", "1,200 in 2019", "20, not 30")
# says more than the claim before it, so the answer is not restated.
_BETWEEN = re.compile(r"\s*(?:,\s*)?(?:or|and)?\s*$")
_AFTER = re.compile(r"\s*(?:[.;!]\s*)?$|\s*,?\s+(?:and|but)\s+(?:that\s+)?[a-z]")
LOOK_BACK = 3  # claims before it in the same document where the figure it answers may be
NEAR = 300  # characters between the end of the claim answered and the answer, at most


def answered_figures(content: str) -> list[Quantity]:
    """The figures of a claim that only states figures of something said before ("the true
    figure was 6,300 tonnes, or 87.5 percent"); [] for any other claim."""
    m = _POINTS_BACK.match(content)
    if m is None:
        return []
    figures = [q for q in extract_quantities(content) if q.kind in AMOUNTS]
    if not figures or figures[0].start != m.end():
        return []
    if any(not _BETWEEN.fullmatch(content[x.end:y.start])
           for x, y in zip(figures, figures[1:], strict=False)):
        return []
    return figures if _AFTER.match(content[figures[-1].end:]) else []


def _fits(answer: Quantity, stated: Quantity) -> bool:
    """Can `answer` be a figure of what `stated` counts? Same kind, and the same unit where
    the answer names one ("1,200" fits "about 3,000 people"; "6,300 tonnes" fits "8,060
    tonnes", not "112 percent")."""
    if answer.kind != stated.kind:
        return False
    return not answer.unit or answer.unit.lower() == stated.unit.lower()


def restate(antecedent: str, figures: Sequence[Quantity]) -> str | None:
    """`antecedent` with its figures replaced, in order, by the answering `figures` that fit
    them, each used once; None where none fits, or where an answer without a unit could be
    either of two figures ("the number is 20" after "400 homes ... and 12 people"). "Lundar
    vessels have landed 8,060 tonnes of Grey Sound cod this year, or 112 percent of the Lundar
    share of 7,200 tonnes" with "6,300 tonnes, or 87.5 percent" -> "... landed 6,300 tonnes
    ..., or 87.5 percent of the Lundar share of 7,200 tonnes"."""
    stated = extract_quantities(antecedent)
    if any(not f.unit and sum(q.kind == f.kind for q in stated) > 1 for f in figures):
        return None
    free = list(figures)
    out, pos = [], 0
    for q in stated:
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


def restated(claims: Sequence[tuple[str, int, int]]) -> dict[int, str]:
    """One document's claims as (text, start, end), in document order -> {position: restated
    text} for the claims whose figures answer a claim just before them (up to LOOK_BACK
    claims back and NEAR characters away, the nearest whose figures they fit)."""
    out = {}
    for i, (text, start, _) in enumerate(claims):
        figures = answered_figures(text)
        if not figures:
            continue
        for prev in range(i - 1, max(-1, i - 1 - LOOK_BACK), -1):
            before, _, end = claims[prev]
            if start - end > NEAR:
                break
            if answered_figures(before):
                continue  # two answers in a row answer the same figure, not each other
            again = restate(before, figures)
            if again is not None:
                out[i] = again
                break
    return out


def restated_claims(claims: Iterable[tuple[int, str, str, int, int]]) -> dict[int, str]:
    """(claim id, document id, text, start, end) in document order, any number of documents
    -> {claim id: restated text} (see `restated`)."""
    docs: dict[str, list[tuple[int, tuple[str, int, int]]]] = {}
    for claim_id, doc_id, text, start, end in claims:
        docs.setdefault(doc_id, []).append((claim_id, (text, start, end)))
    out = {}
    for rows in docs.values():
        for i, text in restated([c for _, c in rows]).items():
            out[rows[i][0]] = text
    return out
