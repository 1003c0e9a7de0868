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
from dataclasses import dataclass, replace

from claims.numbers import MONTHS, extract_quantities

# the month names the numbers module knows (full, short and "Sept"), each with its number
_MONTHS = {m: "JanFebMarAprMayJunJulAugSepOctNovDec".index(m[:3]) // 3 + 1
           for m in MONTHS.split("|")}
# capitalised only: "they will march 20 kilometres", "the minister may 3 times" are verbs
_MONTH = r"(?P<m>(?-i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS = {d: i for i, d in enumerate(WEEKDAYS)}
_WEEKDAY = r"(?P<w>(?-i:" + "|".join(WEEKDAYS) + r"))"
_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    .split())}
_ORDINALS |= {f"twenty-{w}": 20 + i for w, i in list(_ORDINALS.items()) if i < 10}
_ORDINALS |= {"thirtieth": 30, "thirty-first": 31}
_ORDINAL = r"(?P<o>" + "|".join(  # "twenty-first", "twenty first"
    w.replace("-", "[- ]") for w in sorted(_ORDINALS, key=len, reverse=True)) + r")"
_DAY = r"(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)?"
# a year, not a count ("until 2030 homes are built", "a fall of 2028 points")
_YEAR = (r"(?P<y>(?:19|20)\d\d)(?!\d|,\d)"
         r"(?!\s+(?!(?:was|is|has|as|this|its|his|us|does|says)\b)[a-z]+s\b)")
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
# (not winter: "the winter of 2028" runs into 2029, or is it 2027's?)
_LAST_DAY = {2: 29, 4: 30, 6: 30, 9: 30, 11: 30}  # of a month, where not 31

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
_CHANGED_BY = re.compile(r"\b(?:rose|risen|fell|fallen|grew|grown|\w+ed|up|down)\s+by\s+$",
                         re.IGNORECASE)
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
            months: tuple[int, int] = _SEASONS[m.group("s").lower()]
        elif month_word:
            months = (_MONTHS[month_word.rstrip(".")],) * 2
        else:
            continue
        number = int(day) if day else _ORDINALS[re.sub(r"\s+", "-", ordinal.lower())] \
            if ordinal else None
        if number is not None and not 1 <= number <= _LAST_DAY.get(months[0], 31):
            continue  # "31 February": no day at all
        out.append(Point(m.start(), m.end(), m.group(0), int(year) if year else None, months,
                         number, _WEEKDAYS[weekday] if weekday else None))
    for m in _YEAR_ALONE.finditer(text):
        s = m.start("y")
        if _CHANGED_BY.search(text[:s]):
            continue  # "grew by 2000": a change, no year
        if not any(p.start <= s < p.end for p in out):
            out.append(Point(s, m.end(), m.group("y"), int(m.group("y"))))
    for m in _WEEKDAY_ALONE.finditer(text):
        s = m.start("w")
        if not any(p.start <= s < p.end for p in out):
            out.append(Point(s, m.end(), m.group("w"), weekday=_WEEKDAYS[m.group("w")]))
    return out


# "22:40 on Saturday, March 6", "at 02:15 on Thursday, March 4", "at 10:15 in the morning of
# March 5": a time and the day it fell on
_ON_DAY = re.compile(r"^\s*(?:(?:in\s+the\s+|on\s+the\s+)?(?:morning|afternoon|evening|night)"
                     r"(?:\s+of)?\s*|of\s+)?,?\s*(?:on\s+)?(?:the\s+)?$", re.IGNORECASE)
# "at 9 p.m. Sunday", "at 9 p.m. on Sunday": the day of the week alone
_THEN_WEEKDAY = re.compile(r"^,?\s*(?:on\s+)?(?:the\s+)?" + _WEEKDAY + r"\b", re.IGNORECASE)
_AT = re.compile(r"^\s*,?\s*(?:at\s+)?$", re.IGNORECASE)
# "between 2 and 3 a.m.": a stretch, no time it happened at
_BETWEEN = re.compile(r"\bbetween\s+(?:\S+\s+and\s+)?$", re.IGNORECASE)


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
        if _BETWEEN.search(text[:q.start]):  # ("between 2" and "between 2 and 3 a.m.")
            continue
        day = next((d for d in dates if d.start >= q.end and id(d) not in used
                    and _ON_DAY.match(text[q.end:d.start])), None)
        minute = int(q.value)
        if day is None:
            weekday = _THEN_WEEKDAY.match(text[q.end:])
            end = q.end + weekday.end() if weekday else q.end
            out.append(Point(q.start, end, text[q.start:end], minute=minute,
                             weekday=_WEEKDAYS[weekday.group("w")] if weekday else None,
                             dial=q.unit == "12h"))
            continue
        used.add(id(day))
        out.append(Point(q.start, day.end, text[q.start:day.end], day.year, day.months,
                         day.day, day.weekday, minute, q.unit == "12h"))
    out += [d for d in dates if id(d) not in used]
    out.sort(key=lambda p: p.start)
    joined: list[Point] = []
    for p in out:  # "on March 5 at 1 a.m.": the day, then its time
        d = joined[-1] if joined else None
        if d is not None and d.months and d.minute is None and p.minute is not None \
                and p.months is None and p.weekday is None and _AT.match(text[d.end:p.start]):
            joined[-1] = replace(d, end=p.end, text=text[d.start:p.end], minute=p.minute,
                                 dial=p.dial)
        else:
            joined.append(p)
    return tuple(joined)


def dated(text: str) -> tuple[Point, ...]:
    """The points of `text` that name a day of a month ("on Monday, May 8", "March 3")."""
    return tuple(p for p in points(text) if p.months and p.day is not None)


SLACK = 10  # minutes: "nearly nine o'clock" may be 8:55
# ...but two times on the 24-hour clock, neither hedged, are what they say: "did not fire a
# single round before 05:30" / "opened fire at 05:25" (seeds: 2 more clashes, both right)
PRECISE_SLACK = 2
_HEDGED = re.compile(r"\b(?:about|around|nearly|almost|roughly|approximately|shortly|just|"
                     r"some|circa)\b", re.IGNORECASE)


def _minutes_before(x: int, xdial: bool, y: int, ydial: bool, slack: int = SLACK) -> bool:
    """Is clock time x surely more than `slack` minutes before y? A time on a 12-hour dial
    may be either half of the day: it must come first read either way."""
    xs = (x, x + 720) if xdial and x < 720 else (x,)
    ys = (y, y + 720) if ydial and y < 720 else (y,)
    if xdial and ydial:  # both on the dial: the same half of the day, as a reader takes them
        return x + slack < y
    if not (xdial or ydial) and y - x > 720:
        return False  # "until 23:50" / "at 00:10": most likely the small hours after
    return all(a + slack < b for a in xs for b in ys)


def _clock_only(p: Point, q: Point) -> bool:
    """One of the two a clock time alone, the other a time too: taken as the same day's
    ("received the warning at ten past five" / "no warning before the ship left at ten past
    six on Friday evening")."""
    def bare(x: Point) -> bool:
        return x.year is None and x.months is None and x.weekday is None
    return p.minute is not None and q.minute is not None and (bare(p) or bare(q))


def earlier(p: Point, q: Point) -> bool:
    """Is `p` surely earlier than `q`, by what both of them state? From the largest part both
    give down: "March 5" is before "March 6", "September 2027" before "March 2028". A year only
    one of them gives is taken for the other's too (one story's dates: "March 5, 2031" is before
    "March 10"); a month, day or day of the week only one gives says nothing ("2028" is not
    before "March 2028", "on Friday" not before "Saturday, March 6"). A clock time alone is
    taken as the other's day ("at ten past five" / "ten past six on Friday")."""
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
        precise = not (p.dial or q.dial or _HEDGED.search(p.text) or _HEDGED.search(q.text))
        return _minutes_before(p.minute, p.dial, q.minute, q.dial,
                               PRECISE_SLACK if precise else SLACK)
    return False
