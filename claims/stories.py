"""Which documents tell one story: the names they share.

A store may hold several stories (`claims ingest seeds/` reads thirteen). Claims of two stories
can look alike ("1,200 people had been displaced" by a dam breach, "about 1,800 people had
been evacuated" from a wildfire) and clash on their figures, though nothing ties them. News
about one story names the same places, people and bodies: two documents that share at least
STORY_NAMES capitalised names (or all the names the smaller one has) tell one story; claims of
two documents that do not are never paired. The ten tuning sample sets ingested into one
store (79 documents): 96.0 % of the document pairs of one set tell one story by this test,
100 % of the pairs of two sets do not. All thirteen sets in one store: clashes between
claims of two sets 118 of 427 (at 079bffe, before this rule) -> 0 of 334, agreements 56 -> 0
of 332; on each set alone no written-down clash was lost. Two very close claims of documents
that share a place's name are paired too (`relate.STORY_CLOSE`: an interview that names only
the town its articles name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

STORY_NAMES = 2

# a run of capitalised words: "Velmora General Hospital", "Edda Farrow", "Harlen Power's"
_UP, _LO = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # Latin capitals and small letters: "Åre", "Zürich"
_RUN = re.compile(rf"\b[{_UP}][{_LO}][\w’'-]*(?:\s+[{_UP}][{_LO}][\w’'-]*)*")
_POSSESSIVE = re.compile(r"[’']s$|(?<=s)[’']$")
# a capital that only starts something: a sentence, a quotation, a transcript turn
_STARTERS = set(".!?:;\"“”‘([—–-")
# capitalised words that are not names, in a store too small to write them in lower case
_NOT_NAMES = {w.lower() for w in (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Mr Mrs Ms Dr Sir Madam "
    "The A An This That These Those What Which Who When Where Why How It Its He She They We I "
    "You Our Their His Her In On At For From By With But And Or So If As After Before Yes No "
    "Not Now Then There Here Today Tonight Yesterday Morning Evening Afternoon Night "
    "Minister Ministry Interior President Prime Mayor Governor Chief Director Secretary "
    "General Police Department Office Service Council Court University Hospital Fire Rescue "
    "National Regional State City Union Company Party Government Authority Agency Commission "
    "Board Committee Inspector Inspectorate Officer Spokesman Spokeswoman Association "
    "Society Institute Network Radio News North South East West Central Northern Southern "
    "Eastern Western New Old Great High Low Royal Federal Republic Kingdom").split()}


def names(sentence: str) -> list[tuple[list[str], bool]]:
    """The runs of capitalised words in a sentence, each with whether it starts the sentence,
    a quotation or a transcript turn ("Police said ..."), possessives dropped."""
    return [([_POSSESSIVE.sub("", w) for w in m.group(0).split()], _starts(sentence, m.start()))
            for m in _RUN.finditer(sentence)]


def _starts(sentence: str, at: int) -> bool:
    """Only spaces, or one of _STARTERS, before `at` (a look back, not a scan of the whole
    text before it: a sentence may be very long)."""
    before = sentence[max(0, at - 64):at].rstrip()
    if not before:
        return at <= 64 or not sentence[:at].strip()
    return before[-1] in _STARTERS


_LOWER = re.compile(rf"\b[{_LO}][\w’'-]*")


@dataclass(frozen=True)
class Vocabulary:
    """What a store's sentences tell of its capitalised words: those also written in lower
    case (words, not names) and those written inside a sentence (names, not only a sentence's
    first word)."""

    lower: frozenset[str]
    inside: frozenset[str]


def vocabulary(sentences: pl.Series) -> Vocabulary:
    """The whole store's `Vocabulary` (vectorised: about a second for a million sentences).
    Read from every sentence, not only those of the documents in question, so that a small
    update tells "General Hospital" from a name as the whole store would."""
    lower = sentences.str.extract_all(_LOWER.pattern).explode().drop_nulls().unique()
    inside = sentences.str.extract_all(rf"[{_LO},] [{_UP}][{_LO}][\w’'-]*").explode() \
        .drop_nulls() \
        .str.slice(2).str.replace(r"[’']s$", "").unique()
    return Vocabulary(frozenset(lower.to_list()), frozenset(inside.to_list()))


def document_names(rows: Iterable[tuple[str, str]], known: Vocabulary | None = None,
                   places: set[str] | None = None) -> dict[str, frozenset[str]]:
    """{doc_id: the names of its sentences} from (doc_id, sentence) rows. A name is a
    capitalised word written inside a sentence somewhere and never in lower case (in the rows
    or in `known`): "Velmora General Hospital" and "Kellbrook General Hospital" share no name
    where "general hospital" is written. A given name is no name: one written before two
    different names ("Edda Farrow", "Edda Kovar") and never alone inside a sentence is shared
    by chance ("Galeforth Renewables" keeps "Galeforth", "Harlen Power" and "Harlen Hills"
    keep "Harlen": "power" and "hills" are words; "Brennick Marina" and "Brennick Herald"
    keep "Brennick", written alone as a place in "the fire in Brennick"). `places`: the rows'
    `place_names`, where the caller has them already."""
    rows = list(rows)
    inside_any: set[str] = set(known.inside) if known else set()
    lower: set[str] = set(known.lower) if known else set()
    runs: list[tuple[str, list[str], bool]] = []
    for doc, sentence in rows:
        if known is None:  # (the store's vocabulary has read these sentences already)
            lower.update(_LOWER.findall(sentence))
        for words, starting in names(sentence):
            runs.append((doc, words, starting))
            inside_any.update(words[1:] if starting else words)

    def named(word: str) -> bool:
        return word in inside_any and word.lower() not in lower and word.lower() not in _NOT_NAMES

    followers: dict[str, set[str]] = {}
    for _, words, _ in runs:
        for first, then in zip(words, words[1:], strict=False):
            if named(first) and named(then):
                followers.setdefault(first, set()).add(then)
    alone = place_names(rows) if places is None else places
    given = {w for w, then in followers.items() if len(then) >= 2 and w not in alone}
    found: dict[str, set[str]] = {doc: set() for doc, _ in rows}
    for doc, words, _ in runs:
        found[doc].update(w for w in words if named(w) and w not in given)
    return {doc: frozenset(n) for doc, n in found.items()}


# a name alone after "in", "at", "of", "near", "from", "outside": "the fire in Brennick" (not
# "Edda's bakery", "in Brennick Marina")
_ALONE = re.compile(rf"\b(?:in|at|of|near|from|outside)\s+([{_UP}][{_LO}][\w’'-]*)\b"
                    rf"(?![’'-]|\s+[{_UP}])")


def place_names(rows: Iterable[tuple[str, str]]) -> set[str]:
    """Names written alone where a place is ("in Brennick", "near Oska") in the (doc_id,
    sentence) rows: a place, not a given name, wherever else it stands before a name."""
    return {m.group(1) for _, sentence in rows for m in _ALONE.finditer(sentence)}


def same_story(a: frozenset[str], b: frozenset[str], enough: int = STORY_NAMES) -> bool:
    """Do two documents with these names tell one story? A document with no names at all
    says nothing against it."""
    if not a or not b:
        return True
    return len(a & b) >= min(enough, len(a), len(b))
