"""Rows passed between stages: frozen dataclasses, one per concept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One ingested text. `id` is a hash of `text`, so the same text is the same document."""

    id: str
    source: str
    uri: str
    title: str | None
    published: dt.date | None
    text: str


@dataclass(frozen=True)
class Sentence:
    """A sentence and its character offsets in the document text."""

    start: int
    end: int
    text: str
    paragraph: int = 0  # index of the blank-line separated paragraph it sits in


@dataclass(frozen=True)
class Quantity:
    """A number pulled out of a claim: 800,000 people, 14 Turks, 12 observation posts."""

    value: float
    unit: str  # counted noun or unit ("people", "observation posts", "%"); "" when none
    kind: str  # count | percent | money | year | ordinal | time | age
    qualifier: str  # "", "more than", "up to", "about", "at least", ...
    text: str  # the words it came from
    start: int  # offsets in the document text
    end: int


@dataclass(frozen=True)
class Attribution:
    """Who says what inside one sentence; offsets are in the document text."""

    speaker: str | None  # canonical name ("Sergei Lavrov"); None for the narrator
    mention: str | None  # as written ("The top Russian diplomat", "he")
    verb: str | None  # reporting verb as written ("said", "according to"); None for the narrator
    start: int  # content span
    end: int


@dataclass(frozen=True)
class Claim:
    """One claim: a sentence's content with its speaker, ready to embed and store."""

    id: int
    doc_id: str
    source: str
    published: dt.date | None
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int  # content span in the document text
    end: int
    speaker: str | None
    mention: str | None
    verb: str | None
    content: str
    numbers: tuple[Quantity, ...] = field(default_factory=tuple)
