"""Points in time a text names, and which of two comes first.

"on February 21" -> Feb 21; "the fourth of March" -> Mar 4; "22:40 on Saturday, March 6" ->
Mar 6 (Saturday), 22:40; "in September 2027" -> Sep 2027; "the spring of 2028" -> Mar-May 2028;
"before 2029" -> 2029. Each point keeps what it says and nothing more: a month without a year
is compared with another month as the same year's (one story's dates), never with a year.

dateparser's `search_dates` was tried first and read "the fourth of March" as the day it ran
and "March 2028" as this year's March: it fills what a text leaves out, and the comparison
here must know what was left out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claims.numbers import extract_quantities

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split())}
_MONTHS |= {m[:3]: i for m, i in list(_MONTHS.items())} | {"sept": 9}
_MONTH = r"(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = {d: i for i, d in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_WEEKDAY = r"(?P<w>" + "|".join(_WEEKDAYS) + r")"
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    .split())}
_ORDINALS |= {f"twenty-{w}": 20 + i for w, i in list(_ORDINALS.items()) if i < 10}
_ORDINALS |= {"thirtieth": 30, "thirty-first": 31}
_ORDINAL = r"(?P<o>" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")"
_DAY = r"(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d|,\d)"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
# (not winter: "the winter of 2028" runs into 2029, or is it 2027's?)

# one date, most specific first; each group is optional where the text may leave it out
_DATE = re.compile(
    r"\b(?:" + _WEEKDAY + r",?\s+(?:the\s+)?)?(?:"
    + _DAY + r"\s+(?:of\s+)?" + _MONTH.replace("?P<m>", "?P<m1>") + r"(?:,?\s+" + _YEAR.replace(
        "?P<y>", "?P<y1>") + r")?"
    + r"|(?:the\s+)?" + _ORDINAL + r"\s+of\s+" + _MONTH.replace("?P<m>", "?P<m2>")
    + r"(?:,?\s+" + _YEAR.replace("?P<y>", "?P<y2>") + r")?"
    + r"|" + _MONTH.replace("?P<m>", "?P<m3>") + r"\s+(?:the\s+)?(?:" + _DAY.replace(
        "?P<d>", "?P<d3>") + r"|" + _ORDINAL.replace("?P<o>", "?P<o3>") + r")(?!\d)"
    + r"(?:,?\s+" + _YEAR.replace("?P<y>", "?P<y3>") + r")?"
    + r"|(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)\s+)?"
    + _MONTH.replace("?P<m>", "?P<m4>") + r"(?:\s+of)?\s+" + _YEAR.replace("?P<y>", "?P<y4>")
    + r"|(?:the\s+)?(?P<s>spring|summer|autumn|fall)\s+(?:of\s+)?"
    + _YEAR.replace("?P<y>", "?P<y5>")
    + r")\b", re.IGNORECASE)
# a year alone is a point in time only after a word that makes it one ("before 2029", "in
# 2027"; not "2029 homes")
_YEAR_ALONE = re.compile(r"\b(?:in|before|until|till|by|since|after|from|during|"
                         r"early|late|mid|end\s+of|start\s+of)\s+" + _YEAR, re.IGNORECASE)
# a weekday alone: "on Friday", "on the Friday"
_WEEKDAY_ALONE = re.compile(r"\bon\s+(?:the\s+)?" + _WEEKDAY + r"\b(?!,?\s+(?:the\s+)?\d)",
                            re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    """A point or stretch of time as a text states it; None where the text does not say."""

    start: int
    end: int
    text: str
    year: int | None = None
    months: tuple[int, int] | None = None  # first and last month it may be in
    day: int | None = None
    weekday: int | None = None  # Monday = 0
    minute: int | None = None  # minutes after midnight
    dial: bool = False  # a clock time read on a 12-hour dial ("ten past five")


def _group(m: re.Match[str], *names: str) -> str | None:
    for n in names:
        if m.group(n):
            return m.group(n)
    return None


def _dates(text: str) -> list[Point]:
    out = []
    for m in _DATE.finditer(text):
        month_word = _group(m, "m1", "m2", "m3", "m4")
        year = _group(m, "y1", "y2", "y3", "y4", "y5")
        day = _group(m, "d", "d3")
        ordinal = _group(m, "o", "o3")
        weekday = m.group("w")
        if m.group("s"):
            months: tuple[int, int] | None = _SEASONS[m.group("s").lower()]
        elif month_word:
            k = month_word.lower().rstrip(".")
            n = _MONTHS[k]
            if k == "may" and not (day or ordinal or year):
                continue
            months = (n, n)
        else:
            continue
        out.append(Point(m.start(), m.end(), m.group(0), int(year) if year else None, months,
                         int(day) if day else _ORDINALS[ordinal.lower()] if ordinal else None,
                         _WEEKDAYS[weekday.lower()] if weekday else None))
    for m in _YEAR_ALONE.finditer(text):
        s = m.start("y")
        if not any(p.start <= s < p.end for p in out):
            out.append(Point(s, m.end(), m.group("y"), int(m.group("y"))))
    for m in _WEEKDAY_ALONE.finditer(text):
        s = m.start("w")
        if not any(p.start <= s < p.end for p in out):
            out.append(Point(s, m.end(), m.group("w"), weekday=_WEEKDAYS[m.group("w").lower()]))
    return out


# "22:40 on Saturday, March 6", "at 02:15 on Thursday, March 4": a time and the day it fell on
_ON_DAY = re.compile(r"^\s*(?:(?:in\s+the\s+|on\s+the\s+)?(?:morning|afternoon|evening|night)"
                     r"(?:\s+of)?\s*)?,?\s*(?:on\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def points(text: str) -> tuple[Point, ...]:
    """The points in time a text names, in order: dates (a clock time joined to the day just
    after it) and clock times."""
    dates = sorted(_dates(text), key=lambda p: p.start)
    out = []
    used = set()
    for q in extract_quantities(text):
        if q.kind != "time":
            continue
        day = next((d for d in dates if d.start >= q.end and id(d) not in used
                    and _ON_DAY.match(text[q.end:d.start])), None)
        minute = int(q.value)
        if day is None:
            out.append(Point(q.start, q.end, q.text, minute=minute, dial=q.unit == "12h"))
            continue
        used.add(id(day))
        out.append(Point(q.start, day.end, text[q.start:day.end], day.year, day.months,
                         day.day, day.weekday, minute, q.unit == "12h"))
    out += [d for d in dates if id(d) not in used]
    return tuple(sorted(out, key=lambda p: p.start))


SLACK = 10  # minutes: "nearly nine o'clock" may be 8:55


def _minutes_before(x: int, xdial: bool, y: int, ydial: bool) -> bool:
    """Is clock time x surely more than SLACK minutes before y? A time on a 12-hour dial
    may be either half of the day: it must come first read either way."""
    xs = (x, x + 720) if xdial and x < 720 else (x,)
    ys = (y, y + 720) if ydial and y < 720 else (y,)
    if xdial and ydial:  # both on the dial: the same half of the day, as a reader takes them
        return x + SLACK < y
    return all(a + SLACK < b for a in xs for b in ys)


def _clock_only(p: Point, q: Point) -> bool:
    """One of the two a clock time alone, the other a time too: taken as the same day's
    ("received the warning at ten past five" / "no warning before the ship left at ten past
    six on Friday evening")."""
    def bare(x: Point) -> bool:
        return x.year is None and x.months is None and x.weekday is None
    return p.minute is not None and q.minute is not None and (bare(p) or bare(q))


def earlier(p: Point, q: Point) -> bool:
    """Is `p` surely earlier than `q`, by what both of them state? A part only one of them
    states says nothing ("in March" is not before "2029": no year; "March 5" is before "March
    6"; a year, month and day are compared only where both give them, from the largest)."""
    if p.year is not None and q.year is not None and p.year != q.year:
        return p.year < q.year
    if (p.year is None) != (q.year is None) and (p.months is None or q.months is None):
        return False  # "2029" / "in March": nothing in common to compare
    if p.months is not None and q.months is not None:
        if p.months[1] < q.months[0]:
            return True
        if p.months != q.months or p.months[0] != p.months[1]:
            return False  # later, overlapping, or a season in both
        if p.day is not None and q.day is not None and p.day != q.day:
            return p.day < q.day
        if (p.day is None) != (q.day is None):
            return False
    elif (p.months is not None or q.months is not None) and not _clock_only(p, q):
        return False  # "on March 4" / "at 2:15": which day's?
    if p.weekday is not None and q.weekday is not None and p.weekday != q.weekday:
        return False  # "on Friday" / "until Saturday": which week's?
    if (p.weekday is None) != (q.weekday is None) and not _clock_only(p, q):
        return False  # "at 22:40" / "on Saturday"
    if p.minute is not None and q.minute is not None:
        return _minutes_before(p.minute, p.dial, q.minute, q.dial)
    return False
