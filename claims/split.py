"""Split a document into sentences with exact character offsets.

Paragraphs (blank-line separated, so a headline is its own sentence) are cut first, then pysbd
(a rule-based splitter that knows abbreviations and keeps a quotation together with its
attribution) splits each paragraph. Offsets are recomputed by search, so every sentence is
exactly `text[start:end]`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.types import Sentence

# pysbd builds its regular expressions from strings on every call (about 2,800 distinct
# patterns on news text), more than the `re` module's cache of 512 holds, so it recompiled
# them for every document: a larger cache made splitting and attribution 20 % faster here.
if getattr(re, "_MAXCACHE", 0) < 4096:
    re._MAXCACHE = 4096  # type: ignore[attr-defined]

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
# Markdown furniture at the start of a line that is not part of the sentence.
_LEADING_MARKUP = re.compile(r"^(?:#{1,6}[ \t]+|[-*+][ \t]+|>[ \t]*|\d+\.[ \t]+)")
_HAS_WORD = re.compile(r"\w")


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    m = _LEADING_MARKUP.match(text, start, end)
    if m:
        start = m.end()
    return start, end


_QUOTE_CLOSE = re.compile(r"[?!.,…][\"”’»]$")
_ATTRIBUTION_TAIL = re.compile(r"^(?:[a-z]|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s+"
                               r"(?:said|says|asked|asks|added|adds|told|wrote|replied|"
                               r"insisted|continued|recalled|wondered|shouted)\b)")


def _attach_tails(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """ '"Where was the warning?" Farrow asked.' is one sentence, not two."""
    out: list[Sentence] = []
    for s in sentences:
        prev = out[-1] if out else None
        if (prev is not None and _QUOTE_CLOSE.search(prev.text) and len(s.text.split()) <= 8
                and "\n\n" not in text[prev.end:s.start] and _ATTRIBUTION_TAIL.match(s.text)):
            out[-1] = Sentence(prev.start, s.end, text[prev.start:s.end], prev.paragraph)
        else:
            out.append(s)
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; each is `text[start:end]` with surrounding space trimmed."""
    return _attach_tails(text, _split(text))


def _split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for para, (p_start, p_end) in enumerate(_paragraphs(text)):
        p_start, p_end = _trim(text, p_start, p_end)
        if p_start >= p_end:
            continue
        paragraph = text[p_start:p_end]
        cursor = 0
        for piece in _segmenter().segment(paragraph):
            piece = piece.strip()
            if not piece:
                continue
            found = paragraph.find(piece, cursor)
            if found < 0:  # the splitter altered the text; keep the rest as one sentence
                break
            s, e = _trim(text, p_start + found, p_start + found + len(piece))
            cursor = found + len(piece)
            if s < e and _HAS_WORD.search(text, s, e):
                out.append(Sentence(s, e, text[s:e], para))
        if cursor < len(paragraph):
            s, e = _trim(text, p_start + cursor, p_end)
            if s < e and _HAS_WORD.search(text, s, e):
                if out and out[-1].end > s:
                    continue
                out.append(Sentence(s, e, text[s:e], para))
    return out
