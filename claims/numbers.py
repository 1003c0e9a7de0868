"""Pull quantities out of claim content: value, counted noun or unit, qualifier, exact words.

"800,000 people" -> 800000 people; "a million more people" -> 1e6 people;
"up to four of the posts" -> 4 posts (up to); "3.6 million Syrians" -> 3.6e6 Syrians;
"a 2018 deal" -> 2018 (year). These feed the numeric conflict rules.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claims.types import Quantity

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
_VAGUE = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6}
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "dollars": "USD", "euros": "EUR",
             "dollar": "USD", "euro": "EUR",
             "pounds": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP"}

_QUALIFIER = (r"(?P<qual>no more than|no fewer than|no less than|no higher than|no lower than|"
              r"not more than|not fewer than|not less than|"
              r"in excess of|above|below|"
              r"more than|fewer than|less than|at least|at most|up to|as many as|"
              r"as few as|about|around|nearly|almost|roughly|some|approximately|over|under|"
              r"just over|just under|a little over|a little under|a little more than|"
              r"a little less than|slightly over|slightly under|slightly more than|"
              r"slightly less than|an estimated|estimated|closer to|close to)\s+")
# "never saw more than 110 people", "did not employ over 40", "hasn't paid less than": a
# comparative under a negation bounds the figure the other way
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:never|not|nobody)|n[’']t)\s+(?:(?:be|been|see|saw|seen|count|counted|record|"
    r"recorded|find|found|employ|employed|hire|hired|have|has|had|get|got|receive|received|pay|"
    r"paid|take|took|taken|reach|reached|hold|held|carry|carried|sell|sold|win|won|number|"
    r"numbered|exceed|top|there|ever|cost|costs|kill|killed|lose|lost|spend|spent|earn|earned|"
    r"make|made|raise|raised|attract|attracted|draw|drew|drawn|injure|injured|displace|"
    r"displaced|evacuate|evacuated|last|lasted|weigh|weighed)\s+){0,2}$",
    re.IGNORECASE)  # not "would not say whether",
# "did not deny that", "had not eaten for", "never before have"
_TURNED = {"more than": "no more than", "over": "no more than", "above": "no more than",
           "in excess of": "no more than", "fewer than": "no fewer than",
           "less than": "no less than", "under": "no fewer than", "below": "no fewer than"}
# "twelve", "forty-eight", "a hundred": one spelled-out number (see word_value)
WORD_NUMBER = "|".join(sorted(_UNITS, key=len, reverse=True))
_DIGIT_WORD = "zero|oh|one|two|three|four|five|six|seven|eight|nine"
# a figure may be here: digits or a number word ("a mile and a half", "two warning shots")
FIGURE_HINT = re.compile(r"\d|\b(?:" + WORD_NUMBER + r"|half|thousand|million|billion)\b",
                         re.IGNORECASE)
_NUMBER = (
    r"(?P<cur>[$€£])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|dozens|hundreds|thousands|millions"
    r"|(?:" + WORD_NUMBER + r")(?:[- ](?:" + WORD_NUMBER + r"))?\s+point(?:\s+(?:" + _DIGIT_WORD
    + r"))+"  # spoken decimals: "three point nine million", "forty-one point two percent"
    r"|(?:a|an|" + WORD_NUMBER + r")(?:[- ](?:" + WORD_NUMBER + r"))?"
    r"(?:(?<=hundred)\s+and\s+(?:" + WORD_NUMBER + r")(?:-(?:" + WORD_NUMBER + r"))?"
    r"(?!\s+(?:hundred|thousand|million|billion)\b))?)"  # not "one hundred and two hundred"
    r"(?P<half>\s+and\s+a\s+half(?![\w-]))?"  # "two and a half million", "one and a half miles"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|k|m)\b"
    r"(?P<half_scale>\s+and\s+a\s+half(?![\w-]))?)?"  # "a million and a half"
    r"(?P<pct>\s*(?:%|percent\b|per cent\b)|-per-?cent\b)?"
)
_PATTERN = re.compile(r"(?<![\w.,:])(?:" + _QUALIFIER + r")?" + _NUMBER + r"(?!\w|:\d)",
                      re.IGNORECASE)

# Clock times: "1:40 a.m.", "2 a.m.", "1:40 in the morning", "14:30". Value: minutes after
# midnight; a bare "2" or "14" is not a time.
# "at eleven in the morning": a spelled-out hour, a time only with the part of the day
_HOURS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split())}
_HOUR_WORDS = "|".join(sorted(_HOURS, key=len, reverse=True))
# the hours a part of the day has, where no "at" says a time is meant
_PLAUSIBLE = {"in the morning": set(range(1, 12)), "in the afternoon": {12, 1, 2, 3, 4},
              "in the evening": set(range(6, 12)), "at night": {8, 9, 10, 11, 12, 1, 2, 3}}
_TIME = re.compile(
    r"(?<![\w.,:])(?:(?P<qual>about|around|shortly after|shortly before|just after|just before|"
    r"before|after|by|until)\s+)?(?P<h>[01]?\d|2[0-3]|" + _HOUR_WORDS + r")"
    r"(?::(?P<m>[0-5]\d))?"
    r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?|\s+(?P<part>in the morning|in the afternoon|"
    r"in the evening|at night))?(?![\w:])", re.IGNORECASE)

# "a 30-day pause", "a 5-million-euro fine": a unit joined to its number by a hyphen
_JOINING = "and|on|in|of|or|to|by|per|for|at|a|an|the|one"  # "one-on-one", "one-in-100"
_HYPHEN_UNIT = re.compile(r"-(?:(?P<scale>thousand|million|billion|trillion)-)?"
                          r"(?P<unit>(?!(?:" + _JOINING + r")\b)[A-Za-z]+)\b", re.IGNORECASE)

_AGED = re.compile(r"-old\b", re.IGNORECASE)  # "58-year-old woman", "the 80-year-old dam"
# "people aged 75 or over", "children under the age of 12", "aged between 18 and 25": an age
_AGED_BEFORE = re.compile(r"\b(?:aged|ages?\s+of)\s+(?:between\s+(?:\d+\s+and\s+)?)?$",
                          re.IGNORECASE)

# "a mile and a half", "an hour and a half" (1.5); "half a mile", "half a million people" (0.5)
_AND_A_HALF = re.compile(r"(?<![\w.,])(?:" + _QUALIFIER + r")?(?:an?|one)\s+(?P<unit>[a-z]+)"
                         r"\s+and\s+a\s+half(?![\w-])", re.IGNORECASE)
_HALF_A = re.compile(r"(?<![\w.,])(?:" + _QUALIFIER + r")?half\s+an?\s+(?P<unit>[a-z]+)\b",
                     re.IGNORECASE)

# Words that end a counted noun phrase ("800,000 people have fled" -> "people").
_STOP = set(
    "a an the and or but of to in on at by for from with without since until into onto over "
    "under after before during as than that which who whom whose this these those there here "
    "is are was were be been being has have had do does did will would can could may might "
    "must shall should not no it its their his her our your my they them he she we you i "
    "if when while where because so then also only just more less most least per each every "
    "earlier later ago last this next year years month months week weeks day days "
    "aboard abroad ashore overboard inside outside home away ahead today tonight yesterday "
    "overnight altogether apiece alone".split()  # "11 crew aboard": the crew
)
_PLURALS = {"people", "children", "men", "women", "police", "personnel", "staff", "troops",
            "cattle", "livestock"}
_ED_NOUNS = {"displaced", "injured", "wounded", "dead", "killed", "detained", "missing",
             "arrested", "evacuated", "hospitalised", "hospitalized", "bed", "shed", "seed"}
_FILLERS = {"more", "additional", "other", "extra", "further", "new", "of", "the"}


MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")  # capitalised: not "may"
_MONTH_BEFORE = re.compile(r"\b(?:" + MONTHS + r")\.?\s+$")
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTHS + r")\b\.?")


def _is_day(text: str, m: re.Match[str]) -> bool:
    """Is the number a day of a month ("June 29", "3 March", "the 3rd of May")?"""
    raw = m.group("num")
    if not raw.isdigit() or not 1 <= int(raw) <= 31 or m.group("qual") or m.group("scale") \
            or m.group("pct") or m.group("cur"):
        return False
    return bool(_MONTH_BEFORE.search(text, max(0, m.start("num") - 20), m.start("num"))
                or _MONTH_AFTER.match(text[m.end("num"):m.end("num") + 40]))


def word_value(word: str) -> float | None:
    whole, point, decimals = word.lower().partition(" point ")
    if point:  # "three point nine" -> 3.9 (each word after "point" one digit)
        digits = [_UNITS.get(d, 0 if d == "oh" else -1) for d in decimals.split()]
        value = word_value(whole)
        if value is None or not digits or any(not 0 <= d <= 9 for d in digits):
            return None
        return value + float("0." + "".join(str(int(d)) for d in digits))
    parts = [p for p in re.split(r"[- ]+", word.lower()) if p != "and"]  # "two hundred and
    total = 0.0  # twelve"
    for p in parts:
        if p in ("a", "an"):
            continue  # "a hundred", "a dozen": the article counts only alone ("a" -> 1)
        if p in _UNITS:
            v = _UNITS[p]
            total = total * v if p in ("hundred", "dozen") and total else total + v
        else:
            return None
    return total or (1.0 if parts[-1] in ("a", "an") else 0.0)


def _counted_noun(text: str, pos: int) -> tuple[str, int]:
    """The noun after a number: 'observation posts', 'people'. Returns (noun, end offset)."""
    words = list(re.finditer(r"[A-Za-z][A-Za-z’'\-]*", text[pos:pos + 80]))
    out: list[str] = []
    end = pos
    i = 0
    gap_ok = True
    for m in words:
        between = text[end:pos + m.start()] if out or i else text[pos:pos + m.start()]
        if re.search(r"[^\s]", between):  # punctuation ends the phrase
            break
        w = m.group(0)
        lw = w.lower()
        if not out and lw in _FILLERS and gap_ok:
            i += 1
            end = pos + m.end()
            continue
        if lw in _STOP or len(out) >= 2 or lw in _UNITS or lw in _SCALES:
            break  # ("eight hundred of the twelve hundred jobs": another figure)
        if lw.endswith("ed") and lw not in _ED_NOUNS:
            break  # "800,000 fled", "people died": a verb, not the counted noun
        if out and (out[-1].lower().endswith("s") or out[-1].lower() in _PLURALS):
            break  # "Turks earlier": the noun already ended
        out.append(w)
        end = pos + m.end()
        gap_ok = False
    return " ".join(out), end


# ("did not ask the police to close the Sedden Bridge until 17:51": the "not" may be a clause
# away; tuning sets: one written-down agreement more, nothing lost)
_NOT_UNTIL = re.compile(r"(?:\b(?:not|never)\b|n[’']t\b)[^,;.]{0,70}$", re.IGNORECASE)


_NONE_BEFORE = re.compile(r"(?:\b(?:no|not|never|nothing|nobody|none)\b|n[’']t\b)[^,;.]{0,60}$",
                          re.IGNORECASE)


def _time_qualifier(span: str, m: re.Match[str]) -> str:
    """A clock time's qualifier; "did not arrive until 19:02" is at 19:02, not by it."""
    groups = m.groupdict()
    qual = (groups.get("qual") or groups.get("qual2") or groups.get("qual3") or "").lower()
    qual = "until" if qual == "till" else qual
    if qual == "until" and _NOT_UNTIL.search(span, max(0, m.start() - 60), m.start()):
        return ""
    if qual == "before" and _NONE_BEFORE.search(span, max(0, m.start() - 80), m.start()):
        return ""  # "no alert was raised before a quarter past two": the first came at it
    return qual


_AT_BEFORE = re.compile(r"\bat\s+$")


# (the look-backs below search a few characters before a figure, with search's pos and endpos:
# not the whole text before it, for each of a long text's figures)
def _clock_times(span: str, start: int) -> list[Quantity]:
    out = []
    for m in _TIME.finditer(span):
        part = (m.group("part") or "").lower()
        h = m.group("h").lower()
        hour = _HOURS[h] if h in _HOURS else int(h)
        ap = (m.group("ap") or "").lower()
        said_at = m.group("qual") or _AT_BEFORE.search(span, max(0, m.start() - 20), m.start())
        if not (m.group("m") or ap or part) or h in _HOURS and (
                not part or not said_at and hour not in _PLAUSIBLE[part]):
            continue  # a bare number ("eleven"; "arrested five in the afternoon" counts)
        if ap or part:
            if hour > 12:
                continue  # "14 p.m." is not a time
            hour = _on_the_clock(hour, ap, part)  # "twelve at night" is midnight
        # "at 5:25" (not "05:25", "17:25", "5:25 p.m."): read on a 12-hour dial, like "ten
        # past five"
        dial = not (ap or part) and 1 <= hour <= 12 and h[0] != "0"
        out.append(Quantity(value=float(hour * 60 + int(m.group("m") or 0)),
                            unit="12h" if dial else "",
                            kind="time", qualifier=_time_qualifier(span, m),
                            text=m.group(0), start=start + m.start(), end=start + m.end()))
    return out


# Spoken clock times: "ten past five", "a quarter to seven", "half past six", "four o'clock":
# without "a.m."/"p.m." or a part of the day, a time up to 12 is read on a 12-hour dial: its
# unit is "12h" ("ten past five" may be 17:10), and the rules compare it with both readings.
# A 24-hour clock with a dot after "at" ("at 17.25", "at 19.41") is a time only from 13 hours
# or with a.m./p.m. ("closed at 11.45", "traded at 1.16 against the euro" are no times).
_MINUTES = {"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "twenty five": 25,
            "quarter": 15, "a quarter": 15, "half": 30}
_LEAD_WORDS = (r"about|around|shortly after|shortly before|just after|just before|before|after|"
               r"by|until|till")
_TIME_LEAD = (r"(?:(?<=\bat )(?:(?P<qual>about|around)\s+)?|(?<![\w.,:])(?P<qual2>"
              + _LEAD_WORDS + r")\s+)")  # "at ten past five", "by a quarter to seven"
_PART = (r"(?:\s*(?P<ap>[ap])\.?\s?m\b\.?|\s+(?P<part>in the morning|in the afternoon|"
         r"in the evening|at night))?")
_SPOKEN_TIME = re.compile(
    r"(?:" + _TIME_LEAD + r"(?P<mins>twenty[- ]five|a quarter|quarter|half|five|ten|twenty|"
    r"\d{1,2}(?=\s+minutes))(?:\s+minutes)?\s+(?P<dir>past|to)\s+(?P<h>" + _HOUR_WORDS
    + r"|1[0-2]|[1-9])|(?<![\w.,:])(?:(?P<qual3>" + _LEAD_WORDS + r")\s+)?(?P<h2>"
    + _HOUR_WORDS + r"|1[0-2]|[1-9])\s+o['’]clock)"
    + _PART + r"(?![\w:])(?!\s+(?:hours?|minutes?|days?)\b)", re.IGNORECASE)
_DOTTED_TIME = re.compile(r"(?<=\bat )(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)(?![\d.]\d)" + _PART
                          + r"(?![\w:])(?!\s*(?:%|(?:percent|per|degrees|each|a\s+share|"
                          r"against|[a-z]*(?:grams|metres|meters)|kg|km|points?)\b))",
                          re.IGNORECASE)

# A 24-hour clock read out after "at": "at nineteen forty-one" (19:41), "at seventeen hundred
# hours"; from 13 hours only ("at five twenty" may be a price or a dial time).
_TENS = r"(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
_SPOKEN_24 = re.compile(
    r"(?<=\bat )(?P<h>thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty(?:[- ](?:one|two|three))?)\s+(?:(?P<hundred>hundred)\s+hours|(?:oh[- ]"
    r"(?P<oh>one|two|three|four|five|six|seven|eight|nine)|(?P<m>" + _TENS + r"|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))(?:\s+hours)?)"
    r"(?![\w-])(?!\s+(?!(?:on|in|and|when|as|after|before|but|while|with|from|by|the|that)\b)"
    r"[a-z])", re.IGNORECASE)  # not "at nineteen hundred people", "at sixteen fifty euros"
# ...nor a price or a level: "closed at sixteen fifty", "priced at nineteen ninety-nine"
_NO_TIME_BEFORE = re.compile(r"\b(?:priced?|prices|closed|closing|traded|trading|costs?|sold|"
                             r"stood|estimated|put|valued|pegged|set|fixed|capped|rose|fell|"
                             r"opened)\b[^.;]{0,20}$", re.IGNORECASE)


def _on_the_clock(hour: int, ap: str, part: str) -> int:
    """The hour on a 24-hour clock: "2 ... at night" is 2:00, "twelve at night" midnight."""
    ap = ap or ("a" if part == "in the morning" or (part == "at night" and hour < 6)
                else "p" if part else "")
    if not ap:
        return hour
    return hour % 12 + (12 if ap == "p" and not (part == "at night" and hour == 12) else 0)


def _spoken_times(span: str, start: int) -> list[Quantity]:
    out = []
    for m in _SPOKEN_TIME.finditer(span):
        h = (m.group("h") or m.group("h2")).lower()
        hour = _HOURS[h] if h in _HOURS else int(h)
        mins = 0
        if m.group("mins"):
            raw = m.group("mins").lower()
            mins = _MINUTES[raw] if raw in _MINUTES else int(raw)
            if m.group("dir").lower() == "to":
                hour, mins = hour - 1 if hour > 1 else 12, 60 - mins
        part = (m.group("part") or "").lower()
        ap = (m.group("ap") or "").lower()
        said = bool(ap or part)
        hour = _on_the_clock(hour, ap, part)
        out.append(Quantity(value=float(hour * 60 + mins), unit="" if said else "12h",
                            kind="time", qualifier=_time_qualifier(span, m),
                            text=m.group(0), start=start + m.start(), end=start + m.end()))
    for m in _SPOKEN_24.finditer(span):
        if _NO_TIME_BEFORE.search(span[max(0, m.start() - 40):m.start()]):
            continue
        hour = int(word_value(m.group("h")) or 0)
        mins = int(word_value(m.group("oh") or m.group("m") or "") or 0)
        out.append(Quantity(value=float(hour * 60 + mins), unit="", kind="time",
                            qualifier="", text=m.group(0), start=start + m.start(),
                            end=start + m.end()))
    for m in _DOTTED_TIME.finditer(span):
        hour = int(m.group("h"))
        part = (m.group("part") or "").lower()
        ap = (m.group("ap") or "").lower()
        if hour <= 12 and not (ap or part):
            continue  # "closed at 11.45": a price or an index as likely as a time
        if hour <= 12:
            hour = _on_the_clock(hour, ap, part)
        out.append(Quantity(value=float(hour * 60 + int(m.group("m"))), unit="", kind="time",
                            qualifier="", text=m.group(0), start=start + m.start(),
                            end=start + m.end()))
    return out


_PERIODS = {"day", "week", "month", "year"}
_HALF_OF = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9,
            "trillion": 1e12}  # "half a million people": the unit is the noun after


def _halves(span: str, start: int) -> list[Quantity]:
    """ "a mile and a half" (1.5 mile), "half a mile" (0.5 mile), "half a million people"."""
    out = []
    for pattern, half in ((_AND_A_HALF, 1.5), (_HALF_A, 0.5)):
        for m in pattern.finditer(span):
            unit, end, word = m.group("unit"), m.end(), m.group("unit").lower()
            value, kind = half, "count"
            if word in _HALF_OF:  # "half a million people"; "a million and a half" is left
                if half > 1:  # to the number pattern
                    continue
                value, (unit, end) = half * _HALF_OF[word], _counted_noun(span, end)
            elif word in _SCALES or word in _STOP and word not in _PERIODS:
                continue  # "half a m", "half an of"; but "a day and a half" is 1.5 days
            if unit.lower() in _CURRENCY:  # "half a million euros"
                kind, unit = "money", _CURRENCY[unit.lower()]
            out.append(Quantity(value=value, unit=unit, kind=kind,
                                qualifier=(m.group("qual") or "").lower(),
                                text=span[m.start():end], start=start + m.start(),
                                end=start + end))
    return out


# "by more than a third", "less than half its capacity", "two thirds of the vote": a share
# (not "a third time", "a quarter past five", "half an hour")
_FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3,
              "one third": 100 / 3, "two thirds": 200 / 3, "a quarter": 25.0,
              "one quarter": 25.0, "three quarters": 75.0}
_FRACTION = re.compile(r"(?<![\w.,:-])(?:" + _QUALIFIER + r")?(?P<f>"
                       + "|".join(sorted(_FRACTIONS, key=len, reverse=True))
                       + r")(?=\s+(?:of|its|their|his|her|the)\b|\s*[,.;:)\"”]|\s*$)",
                       re.IGNORECASE)


def _fractions(span: str, start: int) -> list[Quantity]:
    return [Quantity(value=round(_FRACTIONS[m.group("f").lower()], 1), unit="%", kind="percent",
                     qualifier=(m.group("qual") or "").lower(), text=m.group(0),
                     start=start + m.start(), end=start + m.end())
            for m in _FRACTION.finditer(span)]


def extract_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Quantities inside text[start:end]; offsets are in `text`."""
    end = len(text) if end is None else end
    span = text[start:end]
    spoken = _spoken_times(span, start)  # "a quarter to seven in the evening", not "seven
    out: list[Quantity] = spoken + [q for q in _clock_times(span, start)  # in the evening"
                                    if not any(s.start < q.end and q.start < s.end
                                               for s in spoken)] + _halves(span, start)
    out += [q for q in _fractions(span, start)
            if not any(o.start < q.end and q.start < o.end for o in out)]
    taken = [(q.start - start, q.end - start) for q in out]
    for m in _PATTERN.finditer(span):
        if any(a <= m.start("num") < b for a, b in taken):
            continue  # the hour of a clock time, the "a" of "a mile and a half"
        raw = m.group("num")
        low = raw.lower()
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        if _is_day(span, m):
            continue  # "June 29", "3 March": a date, not a count
        qual = (m.group("qual") or "").lower()
        if qual in _TURNED and _NEGATED_BEFORE.search(span, max(0, m.start() - 80), m.start()):
            qual = _TURNED[qual]  # "never saw more than 110 people": at most 110
        if low in ("a", "an") and scale == 1.0:
            continue  # the article, not a number
        if low in _VAGUE:
            value, qual = _VAGUE[low], qual or low
        elif raw[0].isdigit():
            value = float(raw.replace(",", ""))
        else:
            v = word_value(raw)
            if v is None:
                continue
            value = v
        if m.group("half") or m.group("half_scale"):  # "a dozen and a half" is 18
            value = value * 1.5 if low.split()[-1] in ("dozen", "hundred") else value + 0.5
        value *= scale
        noun, noun_end = _counted_noun(span, m.end())
        hyphen = _HYPHEN_UNIT.match(span[m.end():])
        if not noun and hyphen and not m.group("pct"):  # "a 30-day pause", "a 5-million-euro
            if hyphen.group("scale"):  # fine"
                value *= _SCALES[hyphen.group("scale").lower()]
            noun, noun_end = hyphen.group("unit"), m.end() + hyphen.end()
        if low == "one" and not (noun or scale != 1.0 or m.group("half") or m.group("pct")):
            continue  # "one of the last ..." is not a count
        kind, unit = "count", noun
        aged = _AGED.match(span, m.end() + hyphen.end()) if hyphen and noun == hyphen.group(
            "unit") else None
        if _AGED_BEFORE.search(span, 0, m.start()) and not noun:
            kind = "age"  # "people aged 75 or over": no count of anything
        elif aged:  # "a 58-year-old woman": an age of a woman, no count of years (a 12-year-old
            who, who_end = _counted_noun(span, aged.end())  # boy's is another's; "the
            if who:  # 58-year-old died": of someone unnamed, nothing to compare)
                unit, noun_end = f"{noun}-old {who}", who_end
            else:
                kind = "age"
        elif m.group("pct"):
            kind, unit = "percent", "%"
        elif m.group("cur") or noun.lower() in _CURRENCY:
            kind = "money"
            unit = _CURRENCY.get(m.group("cur") or noun.lower(), noun)
        elif (re.fullmatch(r"(1[89]|20)\d\d", raw) and scale == 1.0
              and not noun.lower().endswith("s")):
            kind, unit = "year", ""
            noun_end = m.end()
        q_end = noun_end if kind in ("count", "money") and noun else m.end()
        q_start = m.start()
        out.append(Quantity(value=value, unit=unit, kind=kind, qualifier=qual,
                            text=span[q_start:q_end].strip(), start=start + q_start,
                            end=start + q_start + len(span[q_start:q_end].rstrip())))
    zeros = _zeros(span, start, out)  # "not one passenger": none, not one
    out = [q for q in out if not any(z.start <= q.start < z.end for z in zeros)] + zeros
    return _elliptic_units(text, _durations(text, _ranges(text, sorted(out,
                                                                      key=lambda q: q.start))))


# "four years and six months" is four and a half years, "two hours and 15 minutes" 2.25 hours:
# one span of time, not two figures
_LARGER = re.compile(r"^(?:\s+(?P<big>years?|hours?))?\s+and\s+$", re.IGNORECASE)
_SMALLER = {"year": (re.compile(r"(?:\s+months?\b)?", re.IGNORECASE), "month", 12.0),
            "hour": (re.compile(r"(?:\s+minutes?\b)?", re.IGNORECASE), "minute", 60.0)}


def _durations(text: str, qs: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        join = _LARGER.match(text[prev.end:q.start]) if prev and prev.end <= q.start else None
        if prev is not None and join and q.kind == prev.kind == "count":
            # the larger unit once: after the figure ("four years and") or as its unit
            # ("two hours and"), not both
            named, unit = join.group("big") or "", prev.unit or ""
            big = (unit if not named else "" if unit else named).lower().rstrip("s")
            if big in _SMALLER:
                after, small, per = _SMALLER[big]
                tail = after.match(text, q.end)
                size = tail.end() - q.end if tail else 0
                if ((q.unit or "").lower().rstrip("s") == small or not q.unit and size) \
                        and q.value < per:  # (not "2 years and 40 months")
                    out[-1] = replace(prev, value=prev.value + q.value / per,
                                      text=text[prev.start:q.end + size], end=q.end + size)
                    continue
        out.append(q)
    return out


# "from 48 people to 19", "27 votes to 22", "4.2 million customers, not 1.2 million": the
# second figure counts what the first one does
_SAME_UNIT_JOIN = re.compile(r"^\s*,?\s*(?:to|or|not|rather\s+than|instead\s+of)\s+(?:the\s+)?$",
                             re.IGNORECASE)
# "nine of the region's 1,032 polling stations", "612 of the 1,032 stations": a part of the
# whole that follows, counted in its unit ("four of the posts" reads its noun directly)
_PART_JOIN = re.compile(r"^\s+of\s+(?:the|its|their|our|his|her|all)\s+"
                        r"(?:[A-Za-z][\w-]*[’']s\s+)?$", re.IGNORECASE)


_OF_THEM = re.compile(r"^\s+of\s+(?:them|those)\s+", re.IGNORECASE)
# "a review of 412 invoices ... found 57 that appear to bill twice": 57 invoices
_RELATIVE_AFTER = re.compile(r"^\s+(?:that|which)\b", re.IGNORECASE)  # ("the 300 who lost
# their homes" after "4.2 million euros": people, not euros)


_OF_OWN = re.compile(r"\s+of\s+(?:our|its|their|his|her|my|your|the|these|those)\s+",
                     re.IGNORECASE)


def _elliptic_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Bare counts that say what they count only through a figure beside them."""
    out = list(qs)
    for i, q in enumerate(out):
        if q.kind != "count" or q.unit and not re.search(r"[’']s$", q.unit):
            continue  # counts its own noun ("nine of the region's": no noun at all)
        after = out[i + 1] if i + 1 < len(out) else None
        if after is not None and after.kind in ("count", "money") and after.unit \
                and _PART_JOIN.match(text[q.start + len(q.text.split(" of ")[0]):after.start]):
            part = text[q.start:after.start].rstrip()
            out[i] = Quantity(value=q.value, unit=after.unit, kind=after.kind,
                              qualifier=q.qualifier, text=part, start=q.start,
                              end=q.start + len(part))
            continue
        of_them = _OF_THEM.match(text[q.end:q.end + 40]) if not q.unit else None
        noun = _counted_noun(text, q.end + of_them.end())[0] if of_them else ""
        if noun and noun.split()[0].lower() not in _NOT_COUNTED \
                and not noun.lower().endswith("ed"):  # "95 buildings had been
            out[i] = replace(q, unit=noun)  # destroyed, 58 of them homes": 58 homes
            continue
        own = _OF_OWN.match(text[q.end:q.end + 40]) if not q.unit else None
        noun = _counted_noun(text, q.end + own.end())[0] if own else ""
        if noun and noun.split()[0].lower() not in _NOT_COUNTED and not re.search(
                r"(?:ed|[’']s|s[’'])$", noun.lower()) and (
                noun.lower().endswith("s") or noun.lower().split()[-1] in _PLURALS):
            out[i] = replace(q, unit=noun)  # "three of its soldiers": three soldiers (not
            continue  # "nine of the region's", "two of the three", "three of our own said")
        before = out[i - 1] if i else None
        if before is not None and not q.unit and before.kind in ("count", "money") \
                and before.unit and (_SAME_UNIT_JOIN.match(text[before.end:q.start]) or (
                    before.kind == "count" and _RELATIVE_AFTER.match(text[q.end:q.end + 20])
                    and not re.search(r"[.;!?]|\bthe\s*$", text[before.end:q.start]))):
            out[i] = Quantity(value=q.value, unit=before.unit, kind=before.kind,
                              qualifier=q.qualifier, text=q.text, start=q.start, end=q.end)
    return out


# "no household had received a single florin", "not one passenger": a count of none
_NONE = re.compile(r"(?<![\w-])(?:[Nn]o|[Zz]ero|[Nn]ot\s+(?:a\s+single|one))\s+(?=[a-z])"
                   r"(?!(?:point|time|stage|way|longer|doubt|matter)\b)")  # "at no point": when


def _zeros(span: str, start: int, found: list[Quantity]) -> list[Quantity]:
    out = []
    for m in _NONE.finditer(span):
        if any(q.start - start <= m.start() < q.end - start for q in found):
            continue
        noun, noun_end = _counted_noun(span, m.end())
        if not noun or noun.split()[0].lower() in _NOT_COUNTED:
            continue  # "no more than 300", "no longer", "no evidence"
        out.append(Quantity(value=0.0, unit=noun, kind="count", qualifier="",
                            text=span[m.start():noun_end], start=start + m.start(),
                            end=start + noun_end))
    return out


_NOT_COUNTED = {"more", "less", "fewer", "longer", "later", "earlier", "sooner", "matter",
                "doubt", "evidence", "sign", "signs", "reason", "comment", "one", "change",
                "need", "way", "time", "plans", "decision", "longer-term", "other"}


# "between 900 and 1,400 seabirds", "from 40 to 50 percent", "900 to 1,400 birds": a range,
# read as its two ends ("at least 900 seabirds", "up to 1,400 seabirds")
RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_CHANGED_FROM = re.compile(
    r"\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|grew|grown|grows|increased|"
    r"increases|decreased|decreases|dropped|drops|climbed|climbs|jumped|jumps|cut|cuts|raised|"
    r"raises|reduced|reduces|lowered|lowers|went|gone|moved|shifted|changed|revised|doubled|"
    r"halved|slashed|boosted|up|down)\b(?:\s+[\w’'-]+){0,4}?\s+from\s+$", re.IGNORECASE)
RANGE_JOIN = re.compile(r"^\s*(?:and|to|-|–)\s*$", re.IGNORECASE)


def _ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    out = list(qs)
    for i in range(len(out) - 1):
        lo, hi = out[i], out[i + 1]
        if lo.qualifier or hi.qualifier or lo.kind not in ("count", "percent", "money") \
                or lo.unit and hi.unit and lo.unit != hi.unit or lo.value >= hi.value:
            continue
        join = text[lo.end:hi.start]
        if not RANGE_JOIN.match(join) or "and" in join.lower() \
                and not RANGE_BEFORE.search(text[:lo.start]):
            continue  # "40 and 50" only after "between": "12 injured and 40 dead" is no range
        if _CHANGED_FROM.search(text[:lo.start]):
            continue  # "rose from 40 to 55 euros": a change, now 55
        scale = next((_SCALES[w] for w in hi.text.lower().split() if w in _SCALES
                      and w not in lo.text.lower().split()), 1.0)  # "2 and 3 million"
        if lo.value * scale >= hi.value:
            scale = 1.0  # "between 800,000 and 1.2 million": the low end is whole already
        out[i] = Quantity(value=lo.value * scale, unit=lo.unit or hi.unit, kind=hi.kind,
                          qualifier="at least", text=lo.text, start=lo.start, end=lo.end)
        out[i + 1] = Quantity(value=hi.value, unit=hi.unit, kind=hi.kind, qualifier="up to",
                              text=hi.text, start=hi.start, end=hi.end)
    return out
