"""Rules for clashes NLI models are known to miss, each with a reason a person can read.

- numbers: the same quantity of the same thing stated differently ("800,000 fled since
  December" vs "a million fled since December"; "14 soldiers killed" vs "13 soldiers killed"),
  but not different quantities of different things ("800,000 fled" vs "we cannot accept a
  million more"), nor a part of a whole ("12 posts" vs "up to four of the posts").
  Clock times count too ("the alerts went out at 1:40 a.m." vs "the first alert came at
  2:50 a.m."), with ten minutes' slack and wider ranges for "about", "shortly after", "before".
- negation: one side negates the same predicate the other asserts ("did not store ammonium
  nitrate at the site" vs "ammonium nitrate was stored at the site").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from claims.numbers import (
    MONTHS,
    RANGE_BEFORE,
    RANGE_JOIN,
    WORD_NUMBER,
    extract_quantities,
    word_value,
)
from claims.types import Quantity
from claims.when import WEEKDAYS, Point, dated, earlier, points


@dataclass(frozen=True)
class RuleHit:
    rule: str  # "numbers" | "negation"
    label: str  # "contradiction"
    reason: str


_NEGATORS = {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot",
             "without", "n't"}
# one of them in a text ("did not", "no alert", "hasn't"): the pattern every rule reads. Not
# "cannot": the model-clash gate (`relate._model_clash`) was measured without it, and with it
# one more wrong clash came on the held-out sets
NEGATION = re.compile(r"\b(?:" + "|".join(sorted(_NEGATORS - {"n't", "cannot"})) + r")\b"
                      r"|n[’']t\b", re.IGNORECASE)
_FUNCTION = set(
    "a an the and or but of to in on at by for from with as than that which who this these "
    "those is are was were be been being has have had do does did will would can could may "
    "might must shall should it its their his her our your my they them he she we you i "
    "any there here so very also just only all some said says say told according".split()
)
_APPROX = {"about", "around", "nearly", "almost", "roughly", "some", "approximately",
           "an estimated", "estimated", "closer to", "close to"}
# "just over three hours", "a little under 40 percent": a bound that is near the figure too
_JUST_OVER = {"just over", "a little over", "a little more than", "slightly over",
              "slightly more than"}
_JUST_UNDER = {"just under", "a little under", "a little less than", "slightly under",
               "slightly less than"}
_AT_LEAST = {"more than", "over", "at least", "above", "in excess of", "no fewer than",
             "no less than", "no lower than", "not fewer than", "not less than"} | _JUST_OVER
_AT_MOST = {"up to", "fewer than", "less than", "under", "at most", "below", "no more than",
            "no higher than", "not more than"} | _JUST_UNDER
_VAGUE = {"hundreds", "dozens", "thousands", "millions"}

FRAME_OVERLAP = 0.5  # share of content words two statements must share to be "the same frame"
FRAME_SIMILARITY = 0.55  # or: cosine of their embeddings, when the caller has it
SAME_EVENT = 0.7  # cosine from which two times are of one event whatever the words beside them
NEGATION_OVERLAP = 0.6
APART_WORDS = 0.3  # below this share of common content words, two figures are of two matters
RESTATED_WORDS = 3  # content words the shorter statement needs before `restates` holds


# plurals in -ves of nouns in -f(e) that no verb shares ("midwives" / "midwife"; not "leaves")
_VES = re.compile(r"(?:wi|kni|hal|shel|wol|thie|cal|loa)ves$")


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if _VES.search(w):
        return w[:-3] + "f"
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w[:-1] if w.endswith("e") and len(w) > 3 else w  # "store", "stored" -> "stor"


def _words(text: str) -> list[str]:
    text = re.sub(r"n[’']t\b", " n't", text)
    return re.findall(r"n't|[A-Za-z][A-Za-z’'-]*", text)


def content_words(text: str) -> set[str]:
    return {_stem(w) for w in _words(text)
            if w.lower() not in _FUNCTION and w.lower() not in _NEGATORS}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def word_overlap(a: str, b: str) -> float:
    """Share of the shorter statement's content words that the other also uses."""
    return _overlap(content_words(a), content_words(b))


AMOUNTS = ("count", "percent", "money")  # figures of how much (not times, years, ordinals)


def shared_figure(a: str, b: str, hedged: bool = True) -> str | None:
    """The same figure of the same thing in both ("12 observation posts" twice; "1:40 a.m."
    and "1:40 in the morning"), or (with `hedged`) one figure within the other's hedge ("214
    mm of rain" and "more than 200 mm of rain"): evidence that two close claims report one
    fact, even where the model hesitates. Without `hedged`, the very same figure, qualifier
    and all ("at least 40 people" is not "at most 40 people"). A whole number under SMALL
    counts only where no other amount of the two differs ("the two turbines killed 212
    birds" / "37 bird deaths at the two turbines" share no report)."""
    found = _shared_figures(a, b, hedged)
    for text, values in found:
        if max(values) >= SMALL or any(v != int(v) for v in values):
            return text  # a specific figure: "212 birds", "61.4 percent"
    if found and not _others_differ(a, b, {v for _, values in found for v in values}):
        return found[0][0]  # only a small count ("two turbines"), and nothing else differs
    return None


APPROX_AGREES = 0.1  # "about 39 decibels" holds 38 and 42, not 35: a hedged figure given to
# its last digit is one report of a figure within a tenth of it, and clashes with one further
# away (a seed's writer: "about 39 decibels" / "35 decibels" clash; at 15%, "about 39" held 35)
ROUND_APPROX = 0.15  # ...but a round one ("about 2,000", "some 300", "nearly 40") holds a
# wider span: "about 2,000 people were evacuated" / "2,250 people" is one report
SMALL = 10  # below this, a whole number is as likely what both speak of as what they report


def _precise(value: float) -> bool:
    """Is a figure given to its last digit ("about 39", "about 4.2 million", "some 1,940"),
    not rounded to a 0 or a 5 ("about 40", "about 2,000", "some 300", "nearly 1,950")?"""
    digits = f"{value:.6f}".replace(".", "").rstrip("0").lstrip("0")  # (no "2e+06")
    return len(digits) >= 2 and digits[-1] not in "05"


def _others_differ(a: str, b: str, shared: set[float]) -> bool:
    """Do the two state other amounts of one kind that neither states the other's? ("the
    two turbines killed at least 212 birds" / "37 bird deaths at the two turbines": "two
    turbines" is what both speak of, not what they report)"""
    qa = [q for q in _stated(a) if q.kind in AMOUNTS and q.value not in shared]
    qb = [q for q in _stated(b) if q.kind in AMOUNTS and q.value not in shared]
    va, vb = {q.value for q in qa}, {q.value for q in qb}
    return any(x.kind == y.kind and x.value not in vb and y.value not in va
               for x in qa for y in qb)


# a value before the one stated: "raise its bill credit to 75 crowns, from 25 crowns", "4,000
# florins, up from 1,500 florins", "from 25 to 75 crowns"
_FORMER_BEFORE = re.compile(r"\b(?:up|down)\s+from\s+$", re.IGNORECASE)
_TO_FROM = re.compile(r"\bto\s+(?:about\s+|around\s+|nearly\s+)?\d[^,;.]{0,30},\s+from\s+$",
                      re.IGNORECASE)
_FORMER_AFTER = re.compile(r"\s+to\s+(?:about\s+|around\s+|nearly\s+)?\d")
# ...a change from one value to another ("rose from 25 to 75 crowns"), not a stretch ("open
# from 7 a.m. to 10 p.m.") nor a move ("moved from 40 villages to 3 camps")
_CHANGED = re.compile(r"\b(?:rose|risen|rising|raised?|raising|increased?|increasing|grew|grown|"
                      r"jumped|climbed|went\s+up|gone\s+up|fell|fallen|falling|dropped|cut|"
                      r"reduced?|lowered|decreased?|doubled|tripled|halved|revised|changed)\b"
                      r"[^,;.]{0,60}$", re.IGNORECASE)
# what a thing may hold, not what it held: "licensed to carry up to 250 passengers", "her
# limit of 250 passengers", "a capacity of 40,000"
_CAPACITY = re.compile(r"(?:\b(?:licensed|allowed|permitted|certified|designed|built)\s+to\s+"
                       r"(?:carry|hold|take|seat)(?:\s+up\s+to)?|\b(?:limit|capacity|maximum)\s+"
                       r"of)\s+$", re.IGNORECASE)


_DURATIONS = {_stem(w) for w in "seconds minutes hours days weeks months years".split()}


def _former(text: str, q: Quantity) -> bool:
    if q.kind == "time":
        return False  # "open from 7 a.m. to 10 p.m.": a stretch of time
    before = text[max(0, q.start - 120):q.start]
    if _FORMER_BEFORE.search(before):
        return True
    to = _TO_FROM.search(before)  # "raise its credit to 75 crowns, from 25 crowns"
    if to:
        return bool(_CHANGED.search(before[:to.start()]))
    lead = re.search(r"\bfrom\s+$", before, re.IGNORECASE)
    return bool(lead and _FORMER_AFTER.match(text, q.end)
                and _CHANGED.search(before[:lead.start()]))


def _capacity(text: str, q: Quantity) -> bool:
    if q.unit and _stem(q.unit.split()[-1]) in _DURATIONS:
        return False  # "the legal limit of 72 hours" / "report a breach within 72 hours"
    start = q.start + (len(q.qualifier) + 1 if q.qualifier and q.text.lower().startswith(
        q.qualifier) else 0)  # "up to 250 passengers": the qualifier is the figure's
    return bool(_CAPACITY.search(text[max(0, start - 50):start]))


def _shared_figures(a: str, b: str, hedged: bool) -> list[tuple[str, tuple[float, float]]]:
    """`shared_figure`'s candidates, each with the two values it was found in. Not a former
    value ("up from 1,500 florins") nor what a thing may hold ("licensed to carry up to 250
    passengers") against a figure stated of what is or was."""
    out: list[tuple[str, tuple[float, float]]] = []
    qa = [q for q in _quantities(a) if ((q.kind in AMOUNTS and q.unit) or q.kind == "time")
          and not _denied(a, q)]
    how = {id(q): (_former(a, q), _capacity(a, q)) for q in qa}
    for y in _quantities(b):
        if not ((y.kind in AMOUNTS and y.unit) or y.kind == "time") or _denied(b, y):
            continue
        how_y = (_former(b, y), _capacity(b, y))
        for x in qa:
            if x.kind != y.kind or how[id(x)] != how_y:
                continue
            if x.kind == "time":
                if (x.value == y.value or _dial(x, y) and (x.value - y.value) % 720 == 0) \
                        and x.qualifier == y.qualifier:
                    out.append((_fmt(x), (x.value, y.value)))
                elif hedged and _near_time(x, y):
                    hedge, exact = (x, y) if x.qualifier else (y, x)
                    out.append((f"{_fmt(exact)} within {_fmt(hedge)}", (x.value, y.value)))
                continue
            if not _same_head(x.unit, y.unit) or not _befell_alike(a, x, b, y):
                continue
            if (x.qualifier or y.qualifier) and _head(x.unit) in _DURATIONS and not (
                    x.value == y.value and not (x.qualifier and y.qualifier)):
                continue  # "nearly two hours", "at least twenty minutes": a rough span, and
                # two rough spans are no one report ("72 hours", "30-day" are; so is "around
                # 35 minutes" against "thirty-five minutes")
            if x.value == y.value and (hedged or x.qualifier == y.qualifier):
                out.append((_fmt(x), (x.value, y.value)))
                continue
            if not hedged:
                continue
            hedge, exact = (x, y) if x.qualifier else (y, x)
            if exact.qualifier or not hedge.qualifier or not _compatible(x, y) \
                    or _head(x.unit) != _head(y.unit):
                continue  # (not "11 crew" within "at least nine people": a kind of them)
            near = APPROX_AGREES if hedge.qualifier in _APPROX else 0.25
            if abs(exact.value - hedge.value) <= near * hedge.value:  # "more than 60" is
                out.append((f"{_fmt(exact)} within {_fmt(hedge)}", (x.value, y.value)))  # no
    return out  # report of 3,100


def shared_times(a: str, b: str) -> list[str]:
    """The clock times both state exactly ("at 04:58 and again at 05:10" / "two calls, at 04:58
    and 05:10"): two or more of them are one record, however the rest is worded."""
    return sorted({text for text, (x, y) in _shared_figures(a, b, hedged=False)
                   if re.fullmatch(r"\d{1,2}[:.]\d\d", text) and x == y})


# a bare figure that names something: "Route 37", "the MV Tern 231", "site 37", "No. 12"
_LABELLED = re.compile(r"(?:\b[A-Z][\w’'-]*|\b(?i:route|site|flight|no\.|number|line|gate|"
                       r"platform|room|ward|bus|case|unit|block|bay|pier|berth|exit|road|"
                       r"highway|lot|plot|sector|zone|area|level|grade|category|class|article|"
                       r"section|chapter|page))\s+$")


def bare_figure(a: str, b: str) -> str | None:
    """A specific count one side states of a thing and the other states bare ("recorded 37
    bird deaths" / "Our cameras recorded thirty-seven"; "4.2 million customers" / "Now it is
    4.2 million"): not a small whole number, a year or a round figure ("40", "3,000"), unless
    written with a decimal ("4.2 million"). Evidence of one report only where the judge also
    finds entailment (`relate.entailed_figure`)."""
    def specific(text: str, q: Quantity) -> bool:
        return q.kind == "count" and q.value >= SMALL and not q.qualifier and (
            q.value % 10 != 0 or "." in q.text) and not (
            not q.unit and _LABELLED.search(text[max(0, q.start - 40):q.start]))

    qa = [q for q in _stated(a) if specific(a, q)]
    qb = [q for q in _stated(b) if specific(b, q)]
    for x in qa:
        for y in qb:
            if x.value == y.value and bool(x.unit) != bool(y.unit):
                return _fmt(x if x.unit else y)
    return None


def figures_unshared(a: str, b: str) -> bool:
    """Both state figures (or times) and share none: two facts, whatever the judge's
    entailment ("Now it is 59 million" / "The mayor's figure is still 52 million"). A small
    count ("one farmhouse") is no figure here. Two figures both given as "about" one, within
    APPROX_AGREES of each other, are one ("at most about 600,000 dalers" / "no more than about
    610,000 dalers"; tuning sets: 1 more written-down agreement, nothing else changed)."""
    def figures(text: str) -> list[Quantity]:  # (not a former value: "75 crowns, from 25")
        return [q for q in _stated(text) if (q.kind == "time" or q.kind in AMOUNTS and not (
            q.kind == "count" and q.value < SMALL)) and not _former(text, q)]

    def one(x: Quantity, y: Quantity) -> bool:
        return x.value == y.value or (
            x.kind == y.kind != "time" and x.qualifier in _APPROX and y.qualifier in _APPROX
            and abs(x.value - y.value) <= APPROX_AGREES * max(x.value, y.value))

    fa, fb = figures(a), figures(b)
    return bool(fa and fb) and not any(one(x, y) for x in fa for y in fb)


NEAR_TIME = 10.0  # minutes: "at about two o'clock" reports 13:58, not 13:40


def _near_time(x: Quantity, y: Quantity) -> bool:
    """One clock time given as "about" the other, a few minutes apart ("the protection system
    tripped at about two o'clock" / "had tripped at 13:58")."""
    hedge, exact = (x, y) if x.qualifier else (y, x)
    if hedge.qualifier not in ("about", "around") or exact.qualifier:
        return False
    shifts = (0.0, 720.0, -720.0) if _dial(x, y) else (0.0,)
    return any(abs(hedge.value + d - exact.value) <= NEAR_TIME for d in shifts)


def figure_keys(text: str) -> set[tuple[str, str, float, str]]:
    """The figures a statement states, as keys two statements of one figure share (kind,
    what it counts, value, qualifier): "86 polling stations" and "a recount in 86 stations",
    "43%" and "43 percent". Amounts with a unit only, as `shared_figure` compares."""
    return {(q.kind, _head(q.unit), q.value, q.qualifier) for q in extract_quantities(text)
            if q.kind in AMOUNTS and q.unit and not _denied(text, q)}


# "put Holtz ahead by 1.9 percentage points", "leads by 0.7 points", "a lead of 3 points"
_MARGIN = re.compile(r"\b(?:ahead|lead|leads|led|leading|behind|trails?|trailed|trailing)\b"
                     r"[^.;]{0,30}?\bby\s+(?P<n>\d+(?:\.\d+)?)\s+(?:percentage\s+)?points?\b"
                     r"|\b(?:lead|margin|gap)\s+of\s+(?P<m>\d+(?:\.\d+)?)\s+(?:percentage\s+)?"
                     r"points?\b", re.IGNORECASE)


def margin_figure(a: str, b: str) -> str | None:
    """A lead in points on one side that is the difference of two shares on the other ("put
    Holtz ahead by 1.9 percentage points" / "gave Holtz 49.1 percent and Maslen 47.2
    percent"): "49.1 - 47.2 = 1.9 points"; None otherwise."""
    for x, y in ((a, b), (b, a)):
        m = _MARGIN.search(x)
        if m is None:
            continue
        lead = float(m.group("n") or m.group("m"))
        behind = re.match(r"behind|trail", m.group(0), re.IGNORECASE) is not None
        # who leads ("put Holtz ahead"): named in both, with the largest of the other's shares
        # (the smallest, for "trails"), which are shares of one vote, not a change
        names = [w for w in re.findall(r"\b[A-Z][a-z]+\b", x[max(0, m.start() - 40):m.start()])
                 if w.lower() not in _FUNCTION]  # not "The"
        at = y.find(names[-1]) if names else -1
        shares = [q for q in _stated(y) if q.kind == "percent" and not q.qualifier]
        if at < 0 or len(shares) < 2 or re.search(r"\b(?:from|fell|rose|up|down)\b", y):
            continue
        near = min(shares, key=lambda s: abs(s.start - at))
        other = (min if not behind else max)(
            (s for s in shares if s is not near), key=lambda s: abs(s.value - near.value))
        top = near.value == (min if behind else max)(s.value for s in shares)
        if top and abs(abs(near.value - other.value) - lead) < 0.051:
            hi, lo = max(near.value, other.value), min(near.value, other.value)
            return f"{hi:g} - {lo:g} = {lead:g} points"
    return None



def ratio_figure(a: str, b: str) -> str | None:
    """A part of a whole on one side that is the share the other states ("761,700 of the
    region's 1,240,500 registered voters had cast a ballot" / "turnout at 61.4 percent"), to
    the share's own precision, which must be a tenth or finer: "761,700 of 1,240,500 = 61.4
    percent"; None otherwise."""
    for x, y in ((a, b), (b, a)):
        counts = [q for q in _stated(x) if q.kind == "count"]
        shares = [q for q in _stated(y) if q.kind == "percent"]
        if len(shares) != 1 or shares[0].qualifier not in ("", *_APPROX) \
                or _is_change(y, shares[0]):
            continue  # one share, stated as it is ("no higher than 57 percent, well below the
            # commission's figure of 61.4 percent" cites the share it disputes; "rose by 25
            # percent" is a change)
        for part, whole in zip(counts, counts[1:], strict=False):
            if not _whole(x, whole) or not 0 < part.value < whole.value:
                continue
            ratio = 100 * part.value / whole.value
            for share in shares:
                digits = re.search(r"\d+(?:\.(\d+))?", share.text)
                decimals = len(digits.group(1) or "") if digits else 0
                if not decimals:
                    continue  # a whole share is too often one by chance (3 of 12: "25 percent")
                if abs(ratio - share.value) <= 0.5 * 10 ** -decimals + 1e-9:
                    return f"{part.value:,.0f} of {whole.value:,.0f} = {share.value:g} percent"
    return None


def restates(a: str, b: str) -> bool:
    """Every content word of the shorter statement is in the longer one, with no negation on
    one side only ("ammonium nitrate was stored at the site" / "ammonium nitrate had been
    stored at the site in breach of its permit"): the longer says what the shorter says, and
    more. The judge tends to call such pairs neutral both ways."""
    return _restated_share(a, b) == 1.0


def _restated_share(a: str, b: str) -> float:
    """Share of the shorter statement's content words the longer also says, where both say
    yes or both say no and the shorter has RESTATED_WORDS at least; 0.0 otherwise."""
    if _negated(_words(a)) != _negated(_words(b)):
        return 0.0
    ca, cb = content_words(a), content_words(b)
    if min(len(ca), len(cb)) < RESTATED_WORDS:
        return 0.0
    return _overlap(ca, cb)


MOSTLY_SAME_WORDS = 0.6  # share of the shorter's content words that makes a near restatement


def mostly_restates(a: str, b: str) -> bool:
    """Most (MOSTLY_SAME_WORDS) of the shorter statement's content words are in the longer,
    with no negation on one side only and no figure of the shorter missing from the longer
    ("Schools in the eastern districts were closed on Tuesday" / "Schools near the port were
    closed on Tuesday and Wednesday"; not "Lundar vessels have taken 112 percent of their
    share" / "the Lundar share will rise to 43%"). The judge calls many such pairs neutral."""
    if _restated_share(a, b) < MOSTLY_SAME_WORDS:
        return False
    fa = {q.value for q in extract_quantities(a)}
    fb = {q.value for q in extract_quantities(b)}
    small, big = (fa, fb) if len(content_words(a)) <= len(content_words(b)) else (fb, fa)
    return small <= big


def _masked(text: str, quantities: list[Quantity], offset: int = 0) -> str:
    out, pos = [], 0
    for q in quantities:
        out.append(text[pos:q.start - offset])
        pos = q.end - offset
    out.append(text[pos:])
    return " ".join(out)


_PEOPLE = {_stem(w) for w in (  # one counted thing: "2,000 residents" = "2,000 people"
    "people persons residents civilians inhabitants villagers citizens locals individuals"
    .split())}


# people counted by what befell them: "twelve dead", "40 injured" are twelve, 40 people
_BEFALLEN = {_stem(w) for w in "dead injured wounded hurt missing".split()}


def _head(unit: str) -> str:
    head = _stem(unit.split()[-1]) if unit else ""
    return "people" if head in _PEOPLE or head in _BEFALLEN and " " not in unit else head


def _befell_alike(a: str, x: Quantity, b: str, y: Quantity) -> bool:
    """Where one side counts people by what befell them ("twelve dead"), the other tells of
    the same ("twelve people have died"; not "40 injured" / "40 people were killed")."""
    def befell(q: Quantity) -> str:
        head = _stem(q.unit.split()[-1]) if q.unit else ""
        return _sense(head) if head in _BEFALLEN and " " not in q.unit else ""

    bx, by = befell(x), befell(y)
    if bx and by:
        return bx == by
    return not (bx or by) or (bx or by) in (_clause_words(b, y) if bx else _clause_words(a, x))


def _same_head(a: str, b: str) -> bool:
    """One counted thing: the same head word, or one a kind of the other ("seabirds" and
    "birds", "dockworkers" and "workers"; not units: "kilometres" and "metres")."""
    ha, hb = _head(a), _head(b)
    return ha == hb or _narrower(ha, hb) is not None


# people of one kind: "five workers" are at most "three people" (a clash), "40 firefighters"
# within "2,000 people" (none)
_KINDS_OF_PEOPLE = {_stem(w) for w in (
    "workers staff employees passengers patients children pupils students soldiers officers "
    "firefighters rescuers volunteers tourists fishermen miners nurses doctors teachers "
    "protesters demonstrators migrants refugees prisoners detainees crew".split())}
# (not "survivors", "victims", "voters", "members": what they did or were is what is counted,
# "188 survivors" are no part of "26 people confirmed dead")


def _narrower(ha: str, hb: str) -> str | None:
    """The head of the two that is a kind of the other ("seabird" of "bird", "workers" of
    "people"), or None."""
    if {ha, hb} & _KINDS_OF_PEOPLE and "people" in (ha, hb) and ha != hb:
        return hb if ha == "people" else ha
    short, long = sorted((ha, hb), key=len)
    if short == long or len(short) < 4 or not long.endswith(short) or short in _MEASURES \
            or long in _MEASURES:
        return None
    return long


def _kind_of(a: str, b: str) -> str | None:
    """The unit of the two that names a kind of the other's thing with words before it
    ("water-bombing aircraft" of "aircraft", "former customers" of "customers"), or None."""
    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) == len(wb):
        return None
    (long, lw), (_, sw) = sorted(((a, wa), (b, wb)), key=lambda u: -len(u[1]))
    return long if lw[-len(sw):] == sw else None


def _restated(kind: str, other: str) -> bool:
    """Does the other side say the words that make `kind` a kind ("unsafe" of "unsafe
    buildings" in "30 buildings that were unsafe"; "dead" in "birds that had died";
    "Kesmiran" in "Kesmir's army said")?"""
    words = _words(other)
    said = {_stem(_ALIKE.get(w.lower(), w.lower())) for w in words}
    names = {w.lower()[:5] for w in words if w[:1].isupper()}
    return all(w.lower()[:5] in names if w[:1].isupper()  # a name: "Kesmiran" / "Kesmir's"
               else _stem(_ALIKE.get(w.lower(), w.lower())) in said
               for w in re.findall(r"[\w-]+", kind)[:-1])


_ALIKE = {"dead": "die", "died": "die", "dies": "die", "dying": "die", "killed": "kill"}


@dataclass(frozen=True)
class _Range(Quantity):
    """ "between 900 and 1,400 seabirds": one figure from `value` to `high`."""

    high: float = 0.0


def _quantities(text: str) -> list[Quantity]:
    """The figures of a text, a range's two ends ("at least 900", "up to 1,400" from
    `extract_quantities`) made one figure again, so that "fewer than 500 birds" clashes with
    "between 900 and 1,400 seabirds" and "fewer than 1,000 birds" does not."""
    qs = extract_quantities(text)
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        lo = qs[i]
        hi = qs[i + 1] if i + 1 < len(qs) else None
        if hi is not None and lo.qualifier == "at least" and hi.qualifier == "up to" \
                and lo.kind == hi.kind and lo.unit == hi.unit \
                and RANGE_JOIN.match(text[lo.end:hi.start]):
            lead = RANGE_BEFORE.search(text[:lo.start])
            start = lead.start() if lead else lo.start  # "between 900 and 1,400 seabirds"
            out.append(_Range(value=lo.value, unit=hi.unit, kind=hi.kind, qualifier="between",
                              text=text[start:hi.end], start=start, end=hi.end, high=hi.value))
            i += 2
            continue
        out.append(lo)
        i += 1
    return out


def _compatible(x: Quantity, y: Quantity) -> bool:
    """Could both statements be true of one quantity? (A time read on a 12-hour dial, "ten
    past five", is both 5:10 and 17:10.)"""
    lo_x, hi_x = _range(x)
    lo_y, hi_y = _range(y)
    shifts = (0.0, 720.0, -720.0) if _dial(x, y) else (0.0,)
    return any(lo_x <= hi_y + d and lo_y + d <= hi_x for d in shifts)


def _dial(x: Quantity, y: Quantity) -> bool:
    """Two clock times, one of them read on a 12-hour dial ("ten past five" / "17.10")."""
    return x.kind == y.kind == "time" and "12h" in (x.unit, y.unit)


_TIME_SLACK = 10.0  # minutes: "1:40" and "1:45" are one report of a time


def _time_range(q: Quantity) -> tuple[float, float]:
    v, slack = q.value, _TIME_SLACK
    if q.qualifier in ("about", "around"):
        return v - 30, v + 30
    if q.qualifier in ("shortly after", "just after"):
        return v - slack, v + 45
    if q.qualifier in ("shortly before", "just before"):
        return v - 45, v + slack
    if q.qualifier in ("before", "by", "until"):
        return 0.0, v + slack
    if q.qualifier == "after":
        return v - slack, 24 * 60.0
    return v - slack, v + slack


def _range(q: Quantity) -> tuple[float, float]:
    if q.kind == "time":
        return _time_range(q)
    if isinstance(q, _Range):
        return q.value, q.high
    if q.qualifier in _APPROX:
        near = APPROX_AGREES if _precise(q.value) else ROUND_APPROX
        return q.value * (1 - near), q.value * (1 + near)
    if q.qualifier in _JUST_OVER:  # "a little over three hours" is no five hours
        return q.value, q.value * (1 + ROUND_APPROX)
    if q.qualifier in _JUST_UNDER:
        return q.value * (1 - ROUND_APPROX), q.value
    if q.qualifier in _AT_LEAST:
        return q.value, float("inf")
    if q.qualifier in _AT_MOST:
        return 0.0, q.value
    return q.value, q.value


def _fmt(q: Quantity) -> str:
    if q.unit and q.text.endswith((" of the", "’s", "'s")):  # a part: "nine of the region's"
        return f"{q.text} {q.unit}"  # -> "nine of the region's polling stations"
    return q.text or f"{q.value:g}"


# Units that say how much, not of what: "15 percent", "2,000 crowns", "42 tonnes", "2,000
# people". Two such figures are one quantity only if the words around them say so too.
_MEASURES = {_stem(w) for w in (
    "tonnes tons kg kilograms grams mm cm km kilometres kilometers metres meters miles "
    "nautical litres liters barrels hectares acres hours days weeks months years minutes "
    "doses crowns kroner kronor francs yen rupees pesos dollars euros pounds florins guilders "
    "marks dinars dirhams lira lire shekels zlotys forints rand roubles rubles yuan rupiah "
    "ringgit baht leva lei hryvnias tenge naira shillings cedis kwacha riyals rials taka reais "
    "ducats thalers dalers daalders escudos pesetas drachmas lats litai kunas korunas tolars "
    "schillings sucres cruzeiros".split())}  # (old currencies too: a story may use any)
_CLAUSE_END = re.compile(r"[,;:()\"“”—–]|\.(?:\s|$)|\b(?:and|but|while|whereas|which|who|"
                         r"when|where|after|before|because|although|though|if)\b",
                         re.IGNORECASE)
_WINDOW_WORDS = 3  # content words each side of a figure that say what it counts
_DAY_WORDS = {_stem(w) for w in (
    "monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night "
    "today yesterday tonight midday noon lunchtime day").split()}  # (not months: "the march")
# "in the 48 hours before the breach", "over two days": the stretch a figure was counted over.
_SPAN = re.compile(r"\b(?:in|over|within|during)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?"
                   r"(?P<n>\d+(?:\.\d+)?|(?:a|an|" + WORD_NUMBER + r")(?:[- ](?:" + WORD_NUMBER
                   + r"))?)\s*-?\s*(?P<u>hours?|days?|weeks?|months?|years?)\b", re.IGNORECASE)
_SPAN_HOURS = {"hour": 1, "day": 24, "week": 168, "month": 730, "year": 8760}
# verbs of stating a figure say nothing of what it counts ("put the final cost at 49 million
# crowns" / "puts the overrun at 21 million crowns")
_STATING_WORDS = set(
    "put puts putting estimated estimating projected reckon reckons reckoned calculated "
    "calculating gave giving cited quoted".split())  # not nouns ("the project", "an estimate")
# words that add to a figure without saying what it counts ("owed a further 9.5 million crowns
# in extra costs" / "approved an extra 14 million crowns": two sums)
_ADDING = {"extra", "further", "additional", "another", "more"}
_SKIP = _FUNCTION | _NEGATORS | _STATING_WORDS | _ADDING


def _generic(q: Quantity) -> bool:
    """A figure whose unit does not say what is counted (a share, a sum, a weight, people; a
    time says nothing of what happened at it: "the warning was issued at 4 p.m." / "received
    at ten past five" are two events)."""
    if q.kind == "time":
        return True
    return q.kind in ("percent", "money") or not q.unit or _head(q.unit) == "people" \
        or _stem(q.unit.split()[-1]) in _MEASURES


def _quoted(s: str) -> bool:
    """Is `s` only a quotation mark (and spaces)? One right at a figure quotes the figure, not
    a sentence: 'the overrun at "more than 80 percent" of the original budget'."""
    # ('had fallen "by about a quarter"': the words the quotation opens with are the figure's)
    return re.fullmatch(r"\s*[\"“”]\s*(?:(?:by|at|to|of|from|only|just)\s+)*", s) is not None


# words of one thing done to people ("five people had died" / "the death toll at four" /
# "four people were killed"): one word of context
_SENSES = {**dict.fromkeys(("died", "die", "dies", "dead", "death", "kill", "perish", "fataliti",
                            "toll"), "die"),
           **dict.fromkeys(("injur", "hurt", "wound"), "injur"),
           **dict.fromkeys(("arrest", "detain"), "arrest"),
           # "1,800 people had been evacuated" / "3,000 people had been displaced" (not
           # "homes": "trapped in their homes" is no evacuation)
           **dict.fromkeys(("evacuat", "evacuation", "displac", "relocat", "fled"), "evacuat")}

# "forced from their homes", "moved out of their homes", "left their homes": evacuated
_OUT_OF_HOMES = re.compile(r"\b(?:(?:forced|moved|driven|ordered|taken)\s+(?:out\s+of|from)|"
                           r"(?:had\s+)?left)\s+(?:their|his|her)\s+homes?\b",
                           re.IGNORECASE)


def _sense(word: str) -> str:
    stem = _stem(word)
    return _SENSES.get(stem, stem)


def _context(text: str, q: Quantity, others: list[Quantity]) -> set[str]:
    """The content words next to a figure inside its clause ("1,200 people had been
    displaced" -> {displac}; "cut by 15 percent next year" -> {cut, next, year}; a quotation
    mark right at the figure ends nothing: 'at "more than 80 percent" of the budget'). A
    time takes its whole clause: what happened at it may be words away ("the first alert
    reached town hall at 2:50 a.m.")."""
    left, right = _clause_sides(text, q, others)
    words = [_sense(w) for w in _words(left) if w.lower() not in _SKIP]
    after = [_sense(w) for w in _words(right) if w.lower() not in _SKIP]
    if q.kind == "time":  # what happened at a time is its clause's: "the first alert reached
        # town hall at 2:50 a.m." / "alerts went out at 1:40"; the day is not what happened
        return (set(words) | set(after)) - _DAY_WORDS  # ("switched off at 12:15 on Saturday"
        # / "the first emergency call came at 14:05 on Saturday")
    return set(words[-_WINDOW_WORDS:]) | set(after[:_WINDOW_WORDS])


def _clause_sides(text: str, q: Quantity, others: list[Quantity]) -> tuple[str, str]:
    """The text of a figure's clause before and after it; the other figures end it too."""
    left = text[:q.start]
    cut = [m.end() for m in _CLAUSE_END.finditer(left) if not _quoted(left[m.start():])] \
        + [o.end for o in others if o.end <= q.start]
    right = text[q.end:]
    stops = [m.start() for m in _CLAUSE_END.finditer(right) if not _quoted(right[:m.end()])] \
        + [o.start - q.end for o in others if o.start >= q.end]
    return (_OUT_OF_HOMES.sub("evacuated", left[max(cut, default=0):]),  # what it says, not
            _OUT_OF_HOMES.sub("evacuated", right[:min(stops, default=len(right))]))  # offsets


def _clause_words(text: str, q: Quantity) -> set[str]:
    """The content words of a figure's whole clause, what it counts aside (other figures do
    not end it): "no household in the three communities had yet received a single florin"
    -> {three, communiti, yet, receiv, singl, florin}."""
    left, right = _clause_sides(text, q, [])
    return {_sense(w) for w in _words(left + " " + right) if w.lower() not in _SKIP}


_DENIED = re.compile(r"\b(?:not|rather than|instead of|never)\s+(?:(?:by|at|to|of|from)\s+)?"
                     r"(?:the\s+|a\s+|an\s+)?$",
                     re.IGNORECASE)


# "well below the commission's figure of 61.4 percent", "more than the official count of":
# another's figure, stated to set the statement's own against it (not "under the official
# estimate of", "the row over the figure of": according to it, about it)
_SET_AGAINST = re.compile(r"\b(?:below|above|than|short\s+of)\s+(?:the\s+)?"
                          r"(?:[\w’'-]+\s+){0,3}?(?:figure|estimate|count|number|total|"
                          r"tally|claim)\s+of\s+$", re.IGNORECASE)


def _denied(text: str, q: Quantity) -> bool:
    """ "28 tonnes, not the 42 tonnes claimed": a figure stated only to reject it, or to set
    the statement's own against it ("no higher than 57 percent, well below the commission's
    figure of 61.4 percent")."""
    before = text[max(0, q.start - 120):q.start]  # a look back, not the whole text
    return bool(_DENIED.search(before) or _SET_AGAINST.search(before))


# "The maximum fine for the offences is", "a limit of", "will cap rents at": the figure that
# follows is a bound ("at maximum capacity turned away 40" and "the limit cost 2 million" are not)
_BOUND = re.compile(r"\b(?P<b>maximum|minimum|ceiling|cap|limit)\b(?:\s+[\w’'-]+){0,4}?"
                    r"\s+(?:is|was|are|were|of|at)\s*$", re.IGNORECASE)


def _bound(text: str, q: Quantity) -> str:
    """ "up to" for a figure stated as a maximum ("The maximum fine is 400,000 euros"), "at
    least" for a minimum, "" otherwise (or where the figure has its own qualifier)."""
    if q.qualifier or q.kind == "time":
        return ""
    m = _BOUND.search(text[:q.start])
    if m is None:
        return ""
    return "at least" if m.group("b").lower() == "minimum" else "up to"


# "has cut Maslen's lead in the election by 412 votes": a change of a count ("won by 3,968
# votes" is a margin, "rescued by 40 soldiers" an agent: no change verb heads the "by")
_CHANGE_VERB = (r"\b(?:cut|cuts|moved?|moves|moving|rose|rise[sn]?|rising|fell|fallen|"
                r"falls?|increased?|increases|decreased?|decreases|reduced?|reduces|"
                r"dropped|drops?|grew|grown|grows?|narrowed|narrows?|widened|widens?|"
                r"shrank|shrunk|shrinks?|raised?|raises|lowered|lowers?|swelled|"
                r"climbed|climbs?)\b"
                # no other verb between it and "by" ("climbed ... and won the seat by",
                # "were rescued by"; "in the disputed district by" is fine)
                r"(?:(?:\s+(?!(?:won|lost|and|or|was|were|is|are|been|be|led|beat)\b)"
                r"[\w'’-]+){1,8}?(?<!ed))?")
_CHANGED_BY = re.compile(_CHANGE_VERB + r"\s+by\s*$", re.IGNORECASE)
# "raises the compensation fund to 6 million florins", "the death toll rose to four": the
# level a change reached, where other figures may be the level before it
_CHANGED_TO = re.compile(_CHANGE_VERB + r"\s+to\s*$", re.IGNORECASE)


# a figure promised, required or guaranteed ("undertook to keep \"at least 1,000 full-time
# jobs\"", "guaranteeing the deficit \"up to 48 million marks\"", "required Veltmann to keep"):
# what should be, not what is
_PROMISED = re.compile(r"\b(?P<word>required|requires|require|obliged|obliges|undertook|"
                       r"undertakes|undertaken|promised|promises|promise|pledged|pledges|"
                       r"pledge|vowed|vows|guaranteed|guarantees|guaranteeing|committed|"
                       r"commits)\b(?P<between>[^.;:,]{0,60})$", re.IGNORECASE)
# ...not what a promise says happened ("guaranteed that 300 jobs had been cut"), nor what a
# task took ("required 40 hours", "committed 40 burglaries": no "to" before the figure)
_FACT_BETWEEN = re.compile(r"\b(?:that|had|has|have|was|were|is|are|been)\b", re.IGNORECASE)
_TO_DO = {"required", "requires", "require", "committed", "commits"}


def _promised(text: str, q: Quantity) -> bool:
    m = _PROMISED.search(text[max(0, q.start - 80):q.start])
    if m is None or _FACT_BETWEEN.search(m.group("between")):
        return False
    return m.group("word").lower() not in _TO_DO or bool(re.search(r"\bto\b", m.group("between")))


def _reached(text: str, q: Quantity) -> bool:
    """Is the figure the level a change reached, the level before it unsaid? ("rose from 40
    to 55 euros" says it: 45 clashes with both). A level: a sum, a share, a bare count ("the
    death toll rose to four"); not whom or where to ("cut benefits to 12,000 families",
    "moved the residents to 12 shelters")."""
    if q.kind == "count" and q.unit and _stem(q.unit.split()[-1]) not in _MEASURES:
        return False
    m = _CHANGED_TO.search(text[:q.start])
    return m is not None and not re.search(r"\bfrom\b", m.group(), re.IGNORECASE) \
        and not re.match(r",?\s+from\b", text[q.end:])


def _is_change(text: str, q: Quantity) -> bool:
    """ "cut by 15 percent", "cut the lead by 412 votes": a change, not a level ("will cut 400
    jobs" states how many, like "600 jobs would be cut")."""
    before = text[:q.start]
    if q.kind == "percent":
        return re.search(r"\bby\s*$", before) is not None
    return q.kind in ("count", "money") and _CHANGED_BY.search(before) is not None


# "a recount in 86 polling stations", "turned away at more than 60 polling stations", "from
# all 1,032 polling stations": how many places something happened in, not the thing counted
# ("sank with 40 passengers on board" counts the passengers)
_SCOPE = re.compile(r"\b(?:in|at|from|across)\s+(?:all\s+|the\s+|every\s+)?$", re.IGNORECASE)


def _scope(text: str, q: Quantity) -> bool:
    return q.kind == "count" and _SCOPE.search(text[:q.start]) is not None


# "23 polling stations that opened more than an hour late", "at least 23 polling stations
# visited by its observers": a relative clause or participle that says which of them are counted
_RESTRICTED = re.compile(r"^\s*(?:(?:that|which|who|where)\s+|(?=[a-z]+ed\s+by\b))",
                         re.IGNORECASE)


# "a further 15 million crowns", "9 million euros more", "the first 14 million": a portion of a
# sum or count, not the whole (one of the same portion is compared: "an extra 14 million" / "an
# additional 12 million"; "another 300" / "500 more"). Not "the remaining 30 miners": what is
# left is a level ("12 miners remained trapped")
_PORTION = re.compile(r"\b(?P<p>further|additional|extra|another|first|initial)\s+$",
                      re.IGNORECASE)
_PORTIONS = {"first": "first", "initial": "first"}


def _portion(text: str, q: Quantity) -> str:
    """The portion a figure is ("first", "more"), or "" for a whole."""
    m = _PORTION.search(text[:q.start])
    if m:
        return _PORTIONS.get(m.group("p").lower(), "more")
    more = re.search(r"\d\s+more\b", q.text) or re.match(r"\s+more\b(?!\s+than)", text[q.end:])
    return "more" if more else ""  # "500 more people", "9 million euros more"


_TOLD = re.compile(r"\b(?:told|tell|tells|warned|warns|warn|assured|assures|informed|informs|"
                   r"notified|reminded|urged|asked|persuaded|convinced)\s+$", re.IGNORECASE)


def _modifiers(q: Quantity) -> set[str]:
    """The words of a count's unit before its head ("unsafe" of "12 unsafe buildings")."""
    return {_stem(w) for w in _words(q.unit)[:-1] if w.lower() not in _SKIP} if q.unit else set()


def _restriction(text: str, q: Quantity) -> set[str]:
    """The content words of what restricts a count to some of its things ("23 polling
    stations that opened more than an hour late" -> {open, hour, late}), or none (not what
    they were told: "warned 40 hospitals that funding would end")."""
    if q.kind != "count" or not q.unit or _TOLD.search(text[:q.start]):
        return set()
    m = _RESTRICTED.match(text[q.end:])
    if m is None:
        return set()
    rest = text[q.end + m.end():]
    stop = _CLAUSE_END.search(rest)
    words = [_stem(w) for w in _words(rest[:stop.start() if stop else len(rest)])
             if w.lower() not in _SKIP and w.lower() not in _COMPARATIVES]
    return set(words[:_WINDOW_WORDS + 1])


_COMPARATIVES = {"more", "less", "fewer", "than"}


_OF_LIMIT = re.compile(r"^[\"”’']?\s+(?:of|above|over|below|under)\s+(?:[\w’'-]+\s+){0,4}?"
                       r"(?P<limit>share(?!\s+capital)|quota|target|limit|allowance|allocation|"
                       r"budget|capacity)\b", re.IGNORECASE)


# an overrun is a share of the budget too: "puts the overrun at 37 percent", "a 37 percent
# overrun", "37 percent over budget"
_OVERRUN_BEFORE = re.compile(r"\boverruns?\s+(?:(?:is|was|at|of|to|stands\s+at|reached)\s+)?"
                             r"(?:(?:about|around|nearly|almost|some|roughly)\s+)?$", re.IGNORECASE)
_OVERRUN_AFTER = re.compile(r"^\s+(?:cost\s+)?(?:overruns?|over\s+(?:the\s+)?budget)\b",
                            re.IGNORECASE)


def _of_limit(text: str, q: Quantity) -> bool:
    """ "112 percent of their agreed share", "47 percent above the original budget", "the
    overrun at 37 percent": a share of a limit, not a share of the whole ("Marvessa holds 60%
    of the catch")."""
    return _limit_of(text, q) is not None


def _limit_of(text: str, q: Quantity) -> str | None:
    """The limit a share is of ("share", "budget"; an overrun's is the budget), else None."""
    if q.kind != "percent":
        return None
    m = _OF_LIMIT.match(text[q.end:])
    if m:
        return m.group("limit").lower()
    if _OVERRUN_BEFORE.search(text[:q.start]) or _OVERRUN_AFTER.match(text[q.end:]):
        return "budget"
    return None


# "nine of the region's 1,032 polling stations", "612 of the 1,032 stations": the figure after
# "of" is the whole a part is taken from, not a count of what the part counts
_PART_OF = re.compile(r"\b(?:\d[\d,.]*|" + WORD_NUMBER + r")\s+of\s+(?:the\s+|its\s+|their\s+|"
                      r"our\s+|all\s+)?(?:[\w-]+(?:'s|’s)\s+)?$", re.IGNORECASE)


_IN_PHRASE = re.compile(r"\b(?:of|to|for|from|with|by|among|between)\s+$", re.IGNORECASE)


def _is_part(q: Quantity) -> bool:
    return " of the " in f" {q.text} "


# "About 1,100 of those evacuated were allowed to return": a part of a whole named before
# (not "95 buildings had been destroyed, 58 of them homes": homes destroyed, as elsewhere)
_OF_THOSE = re.compile(r"\s+of\s+(?:(?:those|these)\s+(?!(?-i:[A-Z]))[\w-]+(?:ed|en)\b|(?:them|"
                       r"those|these|whom)(?=\s+(?:were|was|are|is|have|has|had|will|would|"
                       r"could|can|did)\b))", re.IGNORECASE)


_ASIDE = re.compile(r"^\s*,[^,;.]{1,60},")


def _of_those(text: str, q: Quantity) -> re.Match[str] | None:
    return _OF_THOSE.match(text, q.end)


# "Brennick, a market town of about 4,200 people", "home to 30,000 residents": how many live
# there, not how many something happened to
_POPULATION = re.compile(r"(?:\b(?:town|city|village|island|country|nation|(?<!in\sthe\s)region|"
                         r"district|community|suburb|municipality|port|settlement|borough|county|"
                         r"province|state)\s+of|\bhome\s+to|\bpopulation\s+of|\bpopulation\s+"
                         r"(?:is|was|of)?\s*)\s*$", re.IGNORECASE)


def _population(text: str, q: Quantity) -> bool:  # (not "in the region of 4,000": about)
    return q.kind == "count" and _POPULATION.search(text[max(0, q.start - 40):q.start]) is not None


def _part_context(text: str, q: Quantity, qs: list[Quantity]) -> set[str]:
    """What a figure counts by the words beside it; for a part of a whole stated after it
    ("nine of the region's 1,032 polling stations opened late"), the words after the whole."""
    those = _of_those(text, q)
    if those:  # the words after "of those evacuated": "were allowed to return" (past an
        right = _ASIDE.sub("", text[those.end():], count=1)  # aside: ", officials said,")
        stop = _CLAUSE_END.search(right)
        after = {_sense(w) for w in _words(right[:stop.start() if stop else len(right)])
                 [:_WINDOW_WORDS] if w.lower() not in _SKIP}
        if after:
            return after
    if _is_part(q):
        whole = next((r for r in qs if r.start >= q.end), None)
        if whole is not None and not text[q.end:whole.start].strip():
            _, right = _clause_sides(text, whole, qs)
            return {_sense(w) for w in _words(right)[:_WINDOW_WORDS] if w.lower() not in _SKIP}
    return _context(text, q, qs)


def _whole(text: str, q: Quantity) -> bool:
    return _PART_OF.search(text[:q.start]) is not None


def _spans(text: str) -> list[tuple[float, int, int]]:
    """(hours, start, end) of every "in the 48 hours" / "over two days" in the text."""
    out = []
    for m in _SPAN.finditer(text):
        n = m.group("n")
        value = float(n) if n[0].isdigit() else word_value(n)
        if value is None:
            continue
        out.append((value * _SPAN_HOURS[m.group("u").lower().rstrip("s")], m.start(), m.end()))
    return out


_COMPARED = (*AMOUNTS, "time")  # the kinds of figure the rules compare


_IN_MONTH = re.compile(r"\b(?:in|during|for)\s+(?:early\s+|late\s+|mid-)?(?P<m>January|February|"
                       r"March|April|May|June|July|August|September|October|November|December)"
                       r"\b")


def _apart_in_time(a: str, b: str) -> bool:
    """Both count over a stretch of time, and not over the same one ("in the 48 hours before"
    vs "in the 24 hours before")."""
    spans_a, spans_b = _spans(a), _spans(b)
    return bool(spans_a and spans_b and not {h for h, _, _ in spans_a}
                & {h for h, _, _ in spans_b})


def _month(text: str, q: Quantity) -> str:
    """The month a figure was counted in, named right after it ("240 workers on site in
    October 2026", "a peak of 118 workers, in September 2026"); "" where none is."""
    m = _IN_MONTH.search(text[q.end:q.end + 40])
    return m.group("m") if m and not re.search(r"[;.]|\b(?:and|but|which|who)\b",
                                               text[q.end:q.end + m.start()]) else ""


_WEEKDAY = re.compile(r"\b(?:on|by|until)\s+(?:(?:last|next|this)\s+)?"
                      r"(?P<d>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


# a share price or its move: "Its shares closed 11.4 percent lower at 212.60 crowns", "the
# share price fell 3 percent" (not a quota's share, "the Lundar shares of the catch", nor a
# fish stock, "cod stocks have fallen by 23 percent")
_TRADED = re.compile(r"\b(?:shares(?!\s+of\b)|share\s+price|stock\s+price|stock\s+market)\b"
                     r"(?:[^;.]{0,60}?)\b(?:closed|fell|fallen|falls?|rose|risen|rises?|lost|"
                     r"gained|dropped|slid|slumped|jumped|climbed|tumbled|plunged|soared|traded|"
                     r"opened|ended|down|up)\b", re.IGNORECASE)


def _traded(text: str, q: Quantity) -> bool:
    """Is the figure a market's price or move on a trading day (a share or percent in a clause
    on shares that closed, fell or rose)?"""
    if q.kind not in ("percent", "money"):
        return False
    begin = _clause_start(text, q.start)
    return _TRADED.search(text[begin:q.start]) is not None


def _trading_day(text: str, q: Quantity) -> str:
    """The day a market figure is of: a day of the week (`_weekday`) or a date in its clause
    ("on March 3"); "" where none is named."""
    day = _weekday(text, q)
    if day:
        return day
    days = dated(_figure_clause(text, q))
    return f"{days[0].months}/{days[0].day}" if len(days) == 1 else ""


def _weekday(text: str, q: Quantity) -> str:
    """The day of the week a figure holds on, from the words of its clause ("2,800 people were
    still in emergency shelters on Tuesday"); "" where none or two are named, where a
    relative clause after the figure names it ("212 passengers on the ferry that sank on
    Tuesday") or where it is when something began ("on strike since Monday"). A day in a
    relative clause before the figure still counts ("The ferry that sank on Tuesday carried
    212 passengers")."""
    left = text[max(_clause_start(text, q.start), q.start - 60):q.start]
    stop = _CLAUSE_END.search(text, q.end)
    right = text[q.end:min(stop.start() if stop else len(text), q.end + 60)]
    right = re.split(r"\bthat\b", right, maxsplit=1)[0]
    found = {m.group("d").lower() for m in _WEEKDAY.finditer(f"{left} {right}")}
    return found.pop() if len(found) == 1 else ""


_YEAR = re.compile(r"\b(?:in|for|during|by|until)\s+(?P<y>(?:19|20)\d\d)\b|"  # not "since 2009":
                   r"\b(?P<r>last|this|next|previous|coming)\s+year\b|"  # a baseline
                   r"\b(?P<now>(?:now|currently|today)(?!\s+(?:says?|said|estimates?|believes?|"
                   r"thinks?|puts?|claims?|argues?|insists?|admits?|expects?)\b)|current|"
                   r"at present)\b", re.IGNORECASE)
_RELATIVE_YEAR = {"last": "last", "previous": "last", "this": "this", "next": "next",
                  "coming": "next"}


_FUTURE = re.compile(r"\b(?:will|would|shall|going\s+to|expected\s+to|expects?|forecasts?|"
                     r"projects?|predicts?)\b|[’']ll\b", re.IGNORECASE)
# the verb right before the figure (its qualifier and article aside): "killed 212", "had
# counted 64", "were 40" (not "the planned farm has 64")
_PAST = re.compile(r"\b(?:was|were|had|did|\w{3,}ed)(?:\s+(?:only|just|some|about|around|"
                   r"nearly|almost|roughly|at\s+least|more\s+than|fewer\s+than|less\s+than|"
                   r"up\s+to|the|a|an|another|extra|further|additional|its|their))*\s*$",
                   re.IGNORECASE)
# an auxiliary anywhere before the figure in its clause: "was for 64 turbines with a tip
# height of 230 metres"
_WAS = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
# a past verb of stating says when the figure was given, not when it held ("had put the level at
# 45 decibels", "estimated", "projected")
_STATING = re.compile(r"\b(?:had\s+)?(?:put|estimated|projected|calculated|forecast|predicted|"
                      r"expected|reported|claimed|stated|said|quoted|priced|valued|budgeted)\b",
                      re.IGNORECASE)


def _clause_start(text: str, pos: int) -> int:
    """Where the clause that `pos` is in starts."""
    return max([0, *(m.end() for m in _CLAUSE_END.finditer(text[:pos]))])


# a count as it stands, which goes on changing: "19 were still missing", "26 people are now
# confirmed dead", "the death toll rose to 21", "so far", "remain in hospital", "four people
# have died", "the petition had passed 12,000 signatures", "eleven women have given birth
# since the unit closed" (not "now says",
# "the now-closed terminal")
_RUNNING = re.compile(r"\b(?:still|now(?![-‐])(?!\s+(?:says?|said|insists?|admits?|claims?|"
                      r"believes?|accepts?|concedes?|estimates?)\b)|so\s+far|to\s+date|as\s+of|"
                      r"remains?|remained|(?:death|casualty)\s+toll|(?:have|has)\s+(?:now\s+)?"
                      r"(?:died|been\s+(?:killed|found|rescued|evacuated|displaced|injured|hurt|"
                      r"arrested|confirmed|recovered|identified|treated))|(?:have|has|had)\s+"
                      r"(?:now\s+)?(?:passed|topped|surpassed)\s+(?:the\s+)?(?:\d[\d,.]*|"
                      r"(?:[a-z]+-)?(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
                      r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a)(?:\s+(?:hundred|"
                      r"thousand|million))?)|(?:have|has)\s+(?:now\s+)?(?:[\w-]+\s+){1,3}?"
                      r"since(?![^,;.]*\bthat\b))\b", re.IGNORECASE)  # (not "had passed
# the bill by 40 votes", "has insisted since Friday that 58 people died")
_NUMBERS_REASON = re.compile(r"^numbers: (['\"])(?P<x>.*?)\1 vs (['\"])(?P<y>.*?)\3")


def running_figures(reason: str, a: str, b: str) -> bool:
    """Is one of the two figures a numbers clash's reason names a running count in its own
    clause ("26 people were now confirmed dead and 19 were still missing": both; "212
    passengers were on board and 19 were still missing": not the passengers)?"""
    m = _NUMBERS_REASON.match(reason)
    if m is None:
        return False
    for fig in (m.group("x"), m.group("y")):
        for text in (a, b):
            at = text.find(fig)
            if at < 0:
                continue
            stop = _CLAUSE_END.search(text, at + len(fig))
            clause = text[_clause_start(text, at):stop.start() if stop else len(text)]
            if _RUNNING.search(clause):
                return True
    return False


def grown_figure(reason: str, earlier: str, later: str) -> bool:
    """Is the numbers clash's figure in the later statement an amount larger than the one in
    the earlier ("the fire had burned 2,100 hectares" / "it had burned 6,800 hectares" a week
    on; an offer of 1,500 florins, then 4,000)? Not a clock time, which runs on anyway."""
    m = _NUMBERS_REASON.match(reason)
    if m is None:
        return False

    def values(text: str) -> dict[str, float]:
        return {fig: q.value for fig in (m.group("x"), m.group("y")) for q in _stated(text)
                if q.kind in AMOUNTS and _fmt(q) == fig}

    def value(mine: dict[str, float], other: dict[str, float]) -> float | None:
        # the figure this side states and the other does not ("4,000 florins, up from 1,500
        # florins" states both)
        own = [v for fig, v in mine.items() if fig not in other] or list(mine.values())
        return own[0] if own else None

    first, then = values(earlier), values(later)
    before, after = value(first, then), value(then, first)
    return before is not None and after is not None and after > before


def same_weekday(a: str, b: str) -> bool:
    """Do both name one day of the week ("on Tuesday"), and the same?"""
    da = {m.group("d").lower() for m in _WEEKDAY.finditer(a)}
    db = {m.group("d").lower() for m in _WEEKDAY.finditer(b)}
    return len(da) == 1 and da == db


def _reference_time(text: str, q: Quantity) -> bool:
    """A time in a denied clause is a point of reference, not when something happened ("it
    received no storm warning before the Corrin Star left Hesk at ten past six"); not "did not
    arrive until 19:02", which says when it did."""
    before = text[:q.start]
    start = max([0, *(m.end() for m in _MAIN_CLAUSE_END.finditer(before))])
    words = {w.lower() for w in _words(before[start:])}  # "before ... left at" is the denied
    said_when = q.text.lower().startswith("until") or _UNTIL_BEFORE.search(before)  # clause's
    return bool(words & _NEGATORS) and not said_when  # ("not de-energised until about 15:40")


# "broadcast on the coastal radio channel every hour from 4 p.m.": when a repeated thing began,
# not when it happened (two such starts are compared)
_EVERY_FROM = re.compile(r"\bevery\s+(?:\w+\s+)?(?:from|since|starting\s+at)\s*$",
                         re.IGNORECASE)
# a message made ("issued", "published") and a message passed on ("received", "reached"): two
# steps of one message at two times; a sentence that also sends it ("issued at 10:30 and sent to
# the control rooms of all operators") says when it went out
_MESSAGE = re.compile(r"\b(?:warnings?|alerts?|alarms?|bulletins?|notices?|messages?|e-?mails?|"
                      r"forecasts?|advisor(?:y|ies)|orders?)\b", re.IGNORECASE)
_MADE = re.compile(r"\b(?:issued|published|drafted)\b", re.IGNORECASE)
_PASSED = re.compile(r"\b(?:received|reached|arrived|got|acknowledged|delivered)\b",
                     re.IGNORECASE)
_AND_SENT = re.compile(r"\band\s+(?:was\s+|were\s+|then\s+)?(?:sent|passed|relayed|forwarded|"
                       r"broadcast|circulated)\b", re.IGNORECASE)


def _started(text: str, q: Quantity) -> bool:
    return _EVERY_FROM.search(text[:q.start]) is not None


def message_step(clause: str, text: str) -> str:
    """ "made" where the clause tells of a message issued (and its text does not send it on),
    "passed" where of a message received; "" otherwise."""
    if not _MESSAGE.search(clause):
        return ""
    if _MADE.search(clause):
        return "" if _AND_SENT.search(text) else "made"
    return "passed" if _PASSED.search(clause) else ""


def _step(text: str, q: Quantity) -> str:
    return message_step(_figure_clause(text, q), text)


def _figure_clause(text: str, q: Quantity) -> str:
    """The clause a figure is in (`_clause_start` to the next `_CLAUSE_END`)."""
    stop = _CLAUSE_END.search(text, q.end)
    return text[_clause_start(text, q.start):stop.start() if stop else len(text)]


def two_steps(x: str, y: str) -> bool:
    """One a message made, the other one passed on: "issued at 4 p.m." / "received at ten
    past five"."""
    return {x, y} == {"made", "passed"}


_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+(?:about|around|roughly|nearly|almost|some|"
                           r"shortly\s+after|just\s+after)?\s*$", re.IGNORECASE)


_MAIN_CLAUSE_END = re.compile(r"[;:.,]\s|\b(?:and|but|which|who|that)\b", re.IGNORECASE)


def _tense(text: str, q: Quantity) -> str:
    """ "future" where the figure's clause, up to it, forecasts ("the 58 turbines would kill
    between 900 and 1,400 seabirds"), "past" where it reports what happened ("the test
    turbines killed 212 birds", "the society had counted 64"), else "". Where nothing before
    it says, a figure that is its clause's subject takes the verb after it ("your two test
    turbines killed", "the 58 turbines would kill"; not a participle: "the 400 jobs affected
    will disappear"). A forecast and a count of what happened are two figures, not one figure
    stated twice."""
    clause = _STATING.sub("", text[_clause_start(text, q.start):q.start])
    if _FUTURE.search(clause):
        return "future"  # "will have a tip height of 260 metres"
    if _WAS.search(clause) or _PAST.search(clause):
        return "past"
    after = _VERB_AFTER.match(text, q.end)  # the figure is the subject: "the 58 turbines would
    if after is None:  # kill", "your two test turbines killed"
        return ""
    if after.group("v").lower().endswith("ed"):
        stop = _CLAUSE_END.search(text, after.end())
        if _FINITE.search(text, after.end(), stop.start() if stop else len(text)):
            return ""  # a participle: "the 400 jobs affected will disappear", "3,000 people
            # evacuated from the valley would be able to return"
        return "past"
    return "future"


# the verb right after a figure that is its clause's subject: a forecast, or a simple past
# ("were being cut", "was" may be reported speech's present: no tense said)
_VERB_AFTER = re.compile(r"\s+(?P<v>will|would|shall|(?!hundred\b)\w{2,}[^\We]ed)\b",
                         re.IGNORECASE)  # not "exceed", "succeed"
_FINITE = re.compile(r"\b(?:will|would|shall|was|were|is|are|has|have|had|can|could|may|"
                     r"might|must|did|does)\b", re.IGNORECASE)


def _year(text: str, q: Quantity) -> tuple[str, str] | None:
    """When, by year, a figure holds, from the words of its clause: ("year", "2025") for "40
    turbines in 2025", ("relative", "last") for "last year", ("relative", "this") for "now";
    None where the clause says nothing. Explicit and relative years are not compared with
    each other (no one here knows what year "now" is)."""
    left = text[max(_clause_start(text, q.start), q.start - 60):q.start]
    stop = _CLAUSE_END.search(text, q.end)
    right = text[q.end:min(stop.start() if stop else len(text), q.end + 60)]
    found = {("year", m.group("y")) if m.group("y") else ("relative", _RELATIVE_YEAR[
        m.group("r").lower()] if m.group("r") else "this")
        for m in _YEAR.finditer(f"{left} {right}")}
    return found.pop() if len(found) == 1 else None


def _stated(text: str) -> list[Quantity]:
    """The figures a statement states (not the ones it rejects)."""
    return [q for q in _quantities(text) if q.kind in _COMPARED and not _denied(text, q)]


def _frame(a: str, qa: list[Quantity], b: str, qb: list[Quantity]) -> float:
    """Share of content words the two statements have in common, their figures aside."""
    return _overlap(content_words(_masked(a, qa)), content_words(_masked(b, qb)))


def words_beside_figures(a: str, b: str) -> float:
    """Share of the shorter statement's content words the other also uses, their figures
    (and what the figures count) left out: "12 people died in the fire" and "police arrested
    12 people after the protest" share nothing."""
    return _frame(a, _stated(a), b, _stated(b))


_NAME = re.compile(r"\b[A-Z][\w-]+\b")


def _owners(text: str, qs: list[Quantity], other: str) -> dict[int, str]:
    """Whose each of several figures of one kind is, where both statements name the same
    people ("gave Holtz 49.1 percent and Maslen 47.2 percent"; "Maslen ... had 48.6 percent
    of the vote against 47.9 percent for Holtz": the one not named at its figure is the
    other's; "Holtz won 49.1 percent", where she is the only one of them named). id(figure)
    -> name; figures with no owner are left out."""
    theirs = set(_NAME.findall(other))
    names = {w for w in _NAME.findall(text) if w in theirs and w.lower() not in _FUNCTION}
    out: dict[int, str] = {}
    for kind in {q.kind for q in qs}:
        same = [q for q in qs if q.kind == kind]
        if len(same) == 1 and len(names) == 1:  # "Holtz won 49.1 percent"
            out[id(same[0])] = next(iter(names))
        if len(same) < 2:
            continue
        mine: dict[int, str] = {}
        for q in same:  # a name at the figure: "Holtz 49.1 percent", "47.9 percent for Holtz"
            before = re.search(r"\b([A-Z][\w-]+)(?:'s|’s)?\s+$", text[:q.start])
            after = re.match(r"\s+(?:of\s+the\s+vote\s+)?for\s+([A-Z][\w-]+)", text[q.end:])
            for m in (before, after):  # a name the other statement uses too: "the Social
                if m and m.group(1) in names:  # Democrats 31 percent" is no one the SPD's is not
                    mine[id(q)] = m.group(1)
        left = [q for q in same if id(q) not in mine]
        rest = names - set(mine.values())
        if len(left) == 1 and len(rest) == 1 and mine:
            mine[id(left[0])] = rest.pop()  # the one not named at its figure
        if len(set(mine.values())) == len(mine):  # one figure each, or none
            out |= mine
    return out


def numeric_conflict(a: str, b: str, similarity: float | None = None) -> RuleHit | None:
    """The same quantity of the same thing, stated with values that cannot both hold.

    "The same thing": the same unit, the two statements about the same matter (shared words,
    or close embeddings), and for figures whose unit does not say what is counted (shares,
    sums, weights, people) the same words around the figure: "1,200 people had been
    displaced" and "about 3,000 people have been displaced" clash; "Two people died" and
    "2,000 residents had left their homes" do not, nor "cut by 15 percent" and "43 percent of
    the catch" (a change and a level), nor "112 percent of their agreed share" and "60% of the
    catch" (a share used up and a share of the whole). Figures counted over different
    stretches of time ("in the 48 hours before" vs "in the 24 hours before") are not compared.
    """
    if _apart_in_time(a, b) or _apart_in_place(a, b):
        return None

    def figures(text: str) -> list[Quantity]:  # the stretch of time itself is no figure
        spans = _spans(text)
        return [q for q in _quantities(text) if q.kind in _COMPARED
                and not any(s <= q.start < e for _, s, e in spans)]

    qa, qb = figures(a), figures(b)
    if not qa or not qb:
        return None
    bound = {id(q): _bound(a, q) for q in qa} | {id(q): _bound(b, q) for q in qb}

    def subset(x: Quantity, y: Quantity) -> tuple[Quantity, Quantity] | None:
        """(the kind, the whole) where one counts a kind of the other's thing: "64 seabirds"
        of "212 birds", "four water-bombing aircraft" of "Fourteen aircraft" (not "12 unsafe
        buildings" and "30 buildings that were unsafe": one count; not "metric tonnes")."""
        if not (x.unit and y.unit):
            return None
        part = _narrower(_head(x.unit), _head(y.unit))
        if part is not None:
            return (x, y) if _head(x.unit) == part else (y, x)
        kind = _kind_of(x.unit, y.unit)
        if kind is None or _head(kind) in _MEASURES \
                or _restated(kind, b if kind == x.unit else a):
            return None
        return (x, y) if kind == x.unit else (y, x)

    def fits(x: Quantity, y: Quantity) -> bool:
        """Could both hold? A bound holds every figure within it (a fine of 250,000 euros
        and "the maximum fine is 400,000 euros"); two bounds are compared as figures; a
        count of a kind of thing is at most the count of the thing ("64 seabirds" within
        "212 birds"; "between 900 and 1,400 seabirds" not within "fewer than 500 birds")."""
        bx, by = bound[id(x)], bound[id(y)]
        if bx and not by:
            x = replace(x, qualifier=bx)
        elif by and not bx:
            y = replace(y, qualifier=by)
        kind = subset(x, y)
        if kind is not None:
            sub, whole = kind
            return _range(sub)[0] <= _range(whole)[1]
        return _compatible(x, y)

    frame = _frame(a, qa, b, qb)
    owner = _owners(a, qa, b) | _owners(b, qb, a)
    owned_a = {(q.kind, owner[id(q)]) for q in qa if id(q) in owner}
    owned_b = {(q.kind, owner[id(q)]) for q in qb if id(q) in owner}

    def same_thing(x: Quantity, y: Quantity) -> bool:
        if x.kind != y.kind or _is_change(a, x) != _is_change(b, y) \
                or _of_limit(a, x) != _of_limit(b, y) or _portion(a, x) != _portion(b, y):
            return False
        if _population(a, x) != _population(b, y):
            return False  # "a market town of about 4,200 people" / "2,400 people had been
            # evacuated"
        if _promised(a, x) != _promised(b, y):
            return False  # "undertook to keep at least 1,000 jobs" / "would keep about 400
            # jobs": a promise or a requirement against a count
        if _reached(a, x) != _reached(b, y):
            return False  # "raises the fund to 6 million florins" / "offered 4.5 million"
            # (two levels reached are compared: "rose to 14" / "rose to 23")
        mx, my = _month(a, x), _month(b, y)
        if mx and my and mx != my:
            return False  # "in October 2026" / "in September 2026": counted in other months
        dx, dy = _weekday(a, x), _weekday(b, y)
        if dx and dy and dx != dy:
            return False  # "2,800 people were in shelters on Tuesday" / "3,100 on Wednesday"
        day = _trading_day(a, x) if _traded(a, x) or _traded(b, y) else None
        if day is not None and not (day and day == _trading_day(b, y)):
            return False  # "Its shares closed 11.4 percent lower" / "Tarrow shares fell 2.8
            # percent": a market moves every day; two moves are one only on one named day
        yx, yy = _year(a, x), _year(b, y)
        if yx and yy and yx[0] == yy[0] and yx != yy:
            return False  # "40 turbines in 2025" / "55 turbines in 2026"; "last year" / "now"
        if {_tense(a, x), _tense(b, y)} == {"future", "past"}:
            return False  # "the turbines killed 212 birds" / "would kill 900 birds a year"
        ox, oy = owner.get(id(x)), owner.get(id(y))
        if ox != oy and (ox and oy or (x.kind, ox) in owned_b or (y.kind, oy) in owned_a):
            return False  # Maslen's share is not Holtz's (nor another where Holtz's is given)
        if x.kind == "time":
            same_unit = True  # "12h": a clock time on a 12-hour dial
        elif x.unit and y.unit:
            same_unit = _same_head(x.unit, y.unit) and _befell_alike(a, x, b, y)
        else:  # "about 1,500 were forced from their homes", "2,000 residents had left"
            same_unit = not x.unit and not y.unit or "people" in (_head(x.unit), _head(y.unit))
        if not same_unit:
            return False
        if x.kind == "time" and (_reference_time(a, x) or _reference_time(b, y)):
            return False  # "received no storm warning before the ship left at ten past six"
        if x.kind == "time" and (_started(a, x) != _started(b, y)
                                 or two_steps(_step(a, x), _step(b, y))):
            return False  # "broadcast every hour from 4 p.m." is when it began (two starts
            # are compared: "open from 7 a.m." / "from 8 a.m."); "issued at 4 p.m." /
            # "received at ten past five" are two steps of one warning
        if x.kind == "time" and similarity is not None and similarity >= SAME_EVENT:
            return True  # "The fire broke out at 3 a.m." / "The blaze started at 5 a.m."
        if x.value == 0 or y.value == 0:  # none of them: of what they did ("No shots were
            return bool(_clause_words(a, x) & _clause_words(b, y))  # fired" / "two warning
            # shots were fired"; not "no passengers were injured" / "212 were on board")
        if _generic(x) or _generic(y):
            lx, ly = _limit_of(a, x), _limit_of(b, y)
            if lx and ly:  # "the overrun at 37 percent" / "47 percent above the budget"
                return lx == ly
            return bool(_part_context(a, x, qa) & _part_context(b, y, qb))
        rx, ry = _restriction(a, x), _restriction(b, y)
        if rx or ry:  # "23 polling stations that opened late" / "visited 612 polling stations"
            cx, cy = _part_context(a, x, qa), _part_context(b, y, qb)
            ux, uy = _modifiers(x), _modifiers(y)  # "12 unsafe buildings"
            return bool((rx or cx | ux) & (ry or cy | uy)) or len(cx & cy) >= 2
            # ...or the same words around both ("The strike closed 40 schools where ...")
        if _scope(a, x) or _scope(b, y):  # no words beside either: nothing says they differ
            cx, cy = _part_context(a, x, qa), _part_context(b, y, qb)
            return bool(cx & cy) or not (cx or cy)
        return True

    same_matter = frame >= FRAME_OVERLAP or (
        similarity is not None and similarity >= FRAME_SIMILARITY)
    for x in qa:  # one side rejects the figure the other states ("not the 42 tonnes claimed")
        for y in qb:
            if same_matter and x.value == y.value and _denied(a, x) != _denied(b, y) \
                    and x.kind == y.kind and x.unit and _same_head(x.unit, y.unit):
                neg, pos = (x, y) if _denied(a, x) else (y, x)
                return RuleHit("numbers", "contradiction",
                               f"numbers: one side rejects {_fmt(neg)!r}, the other states "
                               f"{_fmt(pos)!r}")
    qa = [q for q in qa if not _denied(a, q)]  # a rejected figure is compared no further
    qb = [q for q in qb if not _denied(b, q)]
    # A figure the other side also states ("40 million crowns" in both, one adding "a further
    # 15 million crowns"; "3,100 people" and "four died and 3,100 remain") is corroborated:
    # it is not set against the other side's other figures.
    # (not by the whole a part is taken from: "nine of the region's 1,032 polling stations"
    # does not corroborate "at least 23 polling stations")
    matched = {id(q) for x in qa for y in qb if fits(x, y) and x.kind == y.kind and (
        subset(x, y) is None or x.value == y.value) and (  # (a kind within the whole confirms
        # neither: "killed 12 soldiers, including four Kesmiran soldiers" / "killed 40")
        same_thing(x, y) or not x.unit or not y.unit or x.value == y.value >= 10)
        and not (_whole(a, x) and x.value != y.value or _whole(b, y) and x.value != y.value)
        and (bool(bound[id(x)]) == bool(bound[id(y)]) or x.value == y.value)  # (a limit
        # confirms no other figure within it: "about 39 decibels, just under the legal limit
        # of 40" / "35 decibels"; the limit itself it does: "above the 40-decibel limit")
        for q in (x, y)}
    for x in qa:
        for y in qb:
            if id(x) in matched or id(y) in matched or x.qualifier in _VAGUE \
                    or y.qualifier in _VAGUE or not same_thing(x, y):
                continue
            if _whole(a, x) or _whole(b, y):
                continue  # "nine of the region's 1,032 polling stations": the whole
            part_x = _is_part(x) or _of_those(a, x) is not None
            part_y = _is_part(y) or _of_those(b, y) is not None
            if (part_x or part_y) and (
                    _is_part(x) and _IN_PHRASE.search(a[:x.start])
                    or _is_part(y) and _IN_PHRASE.search(b[:y.start])
                    or not _part_context(a, x, qa) & _part_context(b, y, qb)):
                continue  # "up to four of the posts are surrounded" / "12 observation posts":
                # a part, unless both count the same happening ("only nine of the region's
                # 1,032 polling stations opened late" / "23 polling stations ... opened late");
                # not a part inside a phrase ("payments to the families of 24 of the 26 people
                # confirmed dead": what follows the whole says nothing of the 24)
            close = frame >= FRAME_OVERLAP or (  # close embeddings only with a unit or a time
                (same_matter or _counted_alike(a, x, qa, b, y, qb, similarity))
                and (bool(x.unit) or bool(y.unit) or x.kind == "time") and not _far_sums(x, y))
            if close and not fits(x, y):
                unit = x.unit or y.unit
                what = f" ({unit})" if unit else ""
                return RuleHit("numbers", "contradiction",
                               f"numbers: {_fmt(x)!r} vs {_fmt(y)!r}{what}")
    return None


LOCAL_FRAME_SIMILARITY = 0.45  # cosine from which one thing counted alike is one matter


def _counted_alike(a: str, x: Quantity, qa: list[Quantity], b: str, y: Quantity,
                   qb: list[Quantity], similarity: float | None) -> bool:
    """Two figures of one thing counted the same way: the same word right before both, or
    right after both ("46 homes had been destroyed" / "61 homes had been destroyed"; "a
    25-crown credit" / "the 75-crown credit"), between statements about the same story
    (cosine >= LOCAL_FRAME_SIMILARITY) whose other words differ: the same matter, whatever
    else each statement adds. Not a word on either side ("Five workers were treated in
    hospital" / "Three workers remain in hospital"; "owed a further 9.5 million crowns in
    extra costs" / "approved an extra 14 million crowns"), nor a name or a time; or the very
    same specific noun counted (`_same_count`), not as a rate."""
    if similarity is None or similarity < LOCAL_FRAME_SIMILARITY or not (x.unit and y.unit):
        return False
    if not _same_head(x.unit, y.unit):
        return False
    before_x, after_x = _beside(a, x, qa)
    before_y, after_y = _beside(b, y, qb)
    return bool(before_x and before_x == before_y or after_x and after_x == after_y) \
        or _same_count(x, y) and not (_rate(a, x) or _rate(b, y))


def _same_count(x: Quantity, y: Quantity) -> bool:
    """The very same noun counted beside both figures, a specific one (not people, a sum or a
    measure) and not a small number ("about 180,000 households were affected" / "left about
    240,000 households without power"; "140 bridges" / "163 bridges"): one count, whatever
    words surround it. Not a narrower count ("some 380 contract workers" / "310 workers"), a
    noun borrowed from another figure ("46 homes" / "95 buildings, 58 of them homes"), nor
    counts further apart than SUM_RATIO ("about 40 soldiers" on a hill / "1,800 soldiers" in
    an exercise). Tuning sets: 5 more written-down clashes, none lost."""
    if x.kind != "count" or y.kind != "count" or _generic(x) or _generic(y) \
            or min(x.value, y.value) < SMALL or max(x.value, y.value) > SUM_RATIO * min(
                x.value, y.value):
        return False
    unit = x.unit.lower()
    return unit == y.unit.lower() and unit in x.text.lower() and unit in y.text.lower()


# "46 vehicles a day", "about 41,000 vehicles a day": a rate, not a count of one happening
_RATE = re.compile(r"\s*(?:a|an|per|each|every)\s+(?:day|week|month|year|hour|shift)\b",
                   re.IGNORECASE)


def _rate(text: str, q: Quantity) -> bool:
    return _RATE.match(text, q.end) is not None


_PLACE_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
# "in Velmora", "at Velmora General Hospital", "in Brennick, Oska and Tullen"
_PLACE = re.compile(r"\b(?i:in|at|near|outside|around)\s+(?:the\s+)?"
                    rf"(?P<name>{_PLACE_NAME}(?:(?:,\s*|,?\s+and\s+){_PLACE_NAME})*)")
_NOT_PLACES = {m.lower() for m in MONTHS.split("|")} | set(
    "monday tuesday wednesday thursday friday saturday sunday christmas easter new year "
    "ramadan eid".split())


def _apart_in_place(a: str, b: str) -> bool:
    """Both statements name where (in, at, near a name) and no name is the same: "In Velmora,
    46 homes had been destroyed" / "in Kellbrook, 61 homes had been destroyed" count two
    places; "at Velmora General Hospital" / "in Velmora" one."""
    def places(text: str) -> set[str]:
        found = set()
        for m in _PLACE.finditer(text):
            if _WHO_SPEAKS_BEFORE.search(text[max(0, m.start() - 30):m.start()]) \
                    or _WHO_SPEAKS_AFTER.match(text[m.end():m.end() + 60]):
                continue  # where it was said: "a spokesman at Norvik Chemicals said"
            for w in m.group("name").split():
                w = _POSSESSIVE_END.sub("", w.strip(",")).lower()  # "Velmora's east"
                if w not in _NOT_PLACES and w != "and":
                    found.add(w)
        return found
    in_a, in_b = places(a), places(b)
    return bool(in_a and in_b and not in_a & in_b)


_POSSESSIVE_END = re.compile(r"[’']s?$")
_WHO_SPEAKS_BEFORE = re.compile(r"\b(?:spokes(?:man|woman|person)|officials?|reporters|"
                                r"journalists|told|said|says|speaking|briefing|conference|"
                                r"statement)\s*$", re.IGNORECASE)
_WHO_SPEAKS_AFTER = re.compile(r"\s*,?\s*(?:\w+\s+){0,2}?(?:said|says|told|reported|"
                               r"announced)\b")


def _beside(text: str, q: Quantity, others: list[Quantity]) -> tuple[str | None, str | None]:
    """The content word right before a figure and right after it, in its clause (lower
    case, not a day or a time of day: "had been destroyed" -> destroy)."""
    left, right = _clause_sides(text, q, others)

    def first(words: list[str]) -> str | None:
        for w in words:
            if w.lower() in _SKIP or not w[:1].islower():
                continue
            sense = _sense(w)
            return None if sense in _DAY_WORDS or sense in _TIME_WORDS else sense
        return None

    return first(_words(left)[::-1]), first(_words(right))


_TIME_WORDS = {_stem(w) for w in "year years month months week weeks last next every".split()}


SUM_RATIO = 5.0  # two sums further apart than this are two sums, unless the statements match


def _far_sums(x: Quantity, y: Quantity) -> bool:
    """Two sums of money (or weights, lengths: amounts in a measure) more than SUM_RATIO
    apart: one story's costs, fines, aid and claims ("the final cost at 49 million crowns" /
    "a further 9.5 million crowns in extra costs"; "about 3 million crowns" for a hall),
    which only the words of the whole statements, not a word beside each, say are one sum.
    Rival estimates of one sum mostly lie closer ("at least 60 million crowns" / "about 25
    million crowns" for the repairs; 200 / 800 million euros of flood damage)."""
    def amount(q: Quantity) -> bool:  # (people too: "800,000 people have fled the region"
        return q.kind == "money" or q.kind == "count" and bool(q.unit) \
            and (_stem(q.unit.split()[-1]) in _MEASURES or _head(q.unit) == "people")
        # / "About 1,200 residents were evacuated from streets near the port": two stories)

    if not (amount(x) and amount(y)):
        return False
    lo, hi = sorted((abs(x.value), abs(y.value)))
    return lo > 0 and hi / lo > SUM_RATIO


def figures_apart(a: str, b: str) -> bool:
    """Do the figures the two state differently count different things, for a reason the
    rules can name: counted over different stretches of time, a change against a level, a
    share used up against a share of the whole, a bound against a figure, different units?
    Where the figures might count one thing (same unit, only the words around them differ),
    a model clash may be a true one that the rules missed ("Turnout was 48 percent" / "Only 30
    percent of voters cast a ballot"), so it is not second-guessed."""
    if _apart_in_time(a, b):
        return True
    qa, qb = _stated(a), _stated(b)
    differing = [(x, y) for x in qa for y in qb if x.kind == y.kind and x.value != y.value]

    def apart(x: Quantity, y: Quantity) -> bool:
        return (_is_change(a, x) != _is_change(b, y) or _of_limit(a, x) != _of_limit(b, y)
                or bool(_bound(a, x)) != bool(_bound(b, y))
                or bool(x.unit) and bool(y.unit) and not _same_head(x.unit, y.unit)
                or _far_sums(x, y) and frame < FRAME_OVERLAP)  # "a hall at about 3 million
        # crowns" / "the stadium will cost 59 million crowns"; not "the festival brought 40
        # million euros" / "brought in just 6 million euros"

    if not differing:
        return False
    frame = _frame(a, qa, b, qb)
    if frame < APART_WORDS:
        return True  # few words in common: figures of different matters
    return all(apart(x, y) for x, y in differing)


def align_figures(a: str, b: str) -> str | None:
    """`b` with each figure that `a` states differently replaced by `a`'s figure of the same
    kind and unit (in order, each of `a`'s figures once; rejected figures left alone); None
    where no figure differs. For asking the judge whether a clash rests on the figures alone:
    "140 mm of rain ... in the 24 hours before the dam failed" becomes "214 mm of rain ... in
    the 48 hours before the dam failed" against "214 mm of rain ... in the 48 hours before the
    breach"."""
    qa, qb = _stated(a), _stated(b)
    free = [x for x in qa if all(x.value != z.value for z in qb)]  # not stated in b
    out, pos = [], 0
    for y in qb:
        if any(x.value == y.value and x.kind == y.kind for x in qa):
            continue  # b's figure is a's too
        same = [x for x in free if y.kind == x.kind and (
            _head(x.unit) == _head(y.unit) if x.unit or y.unit else True)]
        if not same:
            continue
        free.remove(same[0])
        out += [b[pos:y.start], same[0].text]
        pos = y.end
    return "".join(out) + b[pos:] if out else None


def _negated(words: list[str]) -> bool:
    return sum(w.lower() in _NEGATORS for w in words) % 2 == 1


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘]?[A-Z])")


def negation_conflict(a: str, b: str) -> RuleHit | None:
    """One side negates what the other asserts, about the same thing; sentence by sentence
    where a content runs over several ("... 112 percent of their share. We cannot simply
    stand by" does not deny "... 112 percent of the share")."""
    for sa in _SENTENCE_BREAK.split(a.strip()):
        for sb in _SENTENCE_BREAK.split(b.strip()):
            hit = _sentence_negation(sa, sb)
            if hit:
                return hit
    return None


# "Our sample suggests turnout of around 61 percent, so we have no reason to doubt the
# commission": the negation is in the second clause, the turnout in the first.
_CLAUSE_JOIN = re.compile(r",\s+so\s+(?!far\b)|,?\s+(?:but|because|although|though|"
                          r"whereas)\s+|;\s*", re.IGNORECASE)  # not "have so far not"


def _negated_clause(text: str) -> str:
    """The clause of `text` that carries its negation, where it joins several."""
    clauses = _CLAUSE_JOIN.split(text)
    negated = [c for c in clauses if _says_no(c)]
    return negated[0] if len(negated) == 1 and len(clauses) > 1 else text


# a statement's main clause, before "; ", "and that", "but", "because", ", which", ...: its
# "no" is the statement's ("had not been on the list and that no registration appeared" says
# no twice over, not yes; "The company paid the ransom, which it had not disclosed" says yes)
_NEGATED_MAIN_END = re.compile(r";\s*|,?\s+(?:and\s+that|but|because|although|though|whereas)\s+"
                              r"|,\s+(?:which|who)\s+", re.IGNORECASE)


def _says_no(text: str) -> bool:
    return _negated(_words(_NEGATED_MAIN_END.split(text, maxsplit=1)[0]))


def _sentence_negation(a: str, b: str) -> RuleHit | None:
    na, nb = _says_no(a), _says_no(b)
    if na == nb:
        return None
    if na:
        a = _negated_clause(a)
    else:
        b = _negated_clause(b)
    ca, cb = content_words(a), content_words(b)
    if not ca or not cb:
        return None
    jaccard = len(ca & cb) / len(ca | cb)
    if jaccard >= NEGATION_OVERLAP or (_overlap(ca, cb) >= 0.8 and len(ca & cb) >= 2):
        neg, pos = (a, b) if na else (b, a)
        if _other_owner(neg, pos):
            return None
        return RuleHit("negation", "contradiction",
                       f"negation: {_short(neg)!r} denies {_short(pos)!r}")
    return None


# "no Aldravian troops": a "no" before a thing's name (who it belongs to) and the thing
_NO_NAMED = re.compile(r"\bno\s+(?P<owner>[A-Z][\w-]+)\s+(?P<thing>[a-z][\w-]+)")


def _other_owner(negated: str, other: str) -> bool:
    """Does the negation deny someone else's thing, where the other side names the owner of
    its own ("found about 40 Kesmiran soldiers ... and no Aldravian troops" / "Kesmiran
    troops still on Sokol Hill")? The other side's owner is the run of names before the
    thing ("Kesmiran Army soldiers"), past a sentence's opening word that is no name
    ("Three workers")."""
    words = [w.strip(".,;:\"“”'’()") for w in other.split()]
    for m in _NO_NAMED.finditer(negated):
        owner, thing = _stem(m.group("owner").lower()), _stem(m.group("thing"))
        for i, w in enumerate(words):
            if i == 0 or _stem(w.lower()) != thing:
                continue
            run = []
            for before in reversed(words[:i]):
                if not before[:1].isupper() or before.lower() in _NOT_OWNERS:
                    break
                run.append(_stem(before.lower()))
            if run and owner not in run:
                return True
    return False


_NOT_OWNERS = {"the", "a", "an", "no", "some", "all", "many", "most", "several", "few",
               "our", "their", "its", "his", "her", "two", "three", "four", "five", "six",
               "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands"}


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# "no alert ... was raised before March 4", "did not notify the office until 22:40 on
# Saturday", "would not be ready before March 2028": nothing happened before a time
_BY_THEN = re.compile(r"\b(?:before|until|till|prior\s+to)\s+", re.IGNORECASE)
_BOUND_WORDS = 8  # words from "before" to the time it names ("before the Corrin Star left
# Hesk at ten past six": the time the ship left)
_CLAUSE_STOP = re.compile(r"[;:]|,\s+(?:and|but|when|while|which|who)\b|\band\s+that\b|\bbut\b|"
                          r"\.(?:\s|$)", re.IGNORECASE)
_TO_COME = re.compile(_FUTURE.pattern + r"|\b(?:won[’']t|due\s+to|is\s+to|are\s+to|planned|"
                      r"plans?\s+to)\b", re.IGNORECASE)  # "due to begin", "is to open"
# a time that starts or follows something is no time it happened at ("after 2:15", "since
# March", "from at least January 28")
_NOT_AT = re.compile(r"\b(?:after|since|from|following|until|till|before|by)\s+(?:at\s+least\s+"
                     r"|about\s+|around\s+)?$", re.IGNORECASE)
_WORDS_OF_TIME = {_stem(w) for w in [*MONTHS.split("|"), *WEEKDAYS, *(
    "morning afternoon evening night day week month year past quarter half o'clock spring "
    "summer autumn winter early late start end").split()]}


def _clause_of(text: str, start: int, end: int) -> str:
    """The clause a stretch of text is in: from the last clause stop before it to the next."""
    begin = max((m.end() for m in _CLAUSE_STOP.finditer(text[:start])), default=0)
    stop = _CLAUSE_STOP.search(text, end)
    return text[begin:stop.start() if stop else len(text)]


# the act and the things of a "not X before T": "did not notify the Office ... until" ->
# notify, {office, ...}; "received no storm warning before" -> receiv, {storm, warning}; "no
# alert ... was raised before" -> rais, {alert, ...}; "There was no alert about this attack
# before" -> no act, {alert, ...}
_ADVERBS = {"ever", "yet", "even", "still", "actually", "formally", "officially", "publicly",
            "properly", "immediately", "really"}
# part, order or degree: "not fully restored" is no "partially restored", "the last survivors"
# no "the first survivors", "the full report" no "a preliminary report"
_DEGREE = {"first", "second", "third", "last", "final", "full", "fully", "partial", "partially",
           "preliminary", "initial", "interim", "whole", "complete", "completely"}
_FIRST = {"first", "initial", "earliest"}  # the first of a thing, said first on one side only
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|be|being|had|has|have)\s+$", re.IGNORECASE)
_TELLING = {"said", "says", "say", "told"}  # function words elsewhere, acts here ("not told")
_SAME_ACT = [frozenset(group.split()) for group in (  # one act in other words (lemmas)
    "notify inform tell",)]  # (not "alert", "report": nouns too)
# "Residents must not return until March 9", "were told not to return": a rule, not a fact
_OBLIGED = re.compile(r"\b(?:must|should|ought|may|might)\b|\b(?:told|ordered|asked|urged|"
                      r"advised|instructed|allowed|permitted|banned|forbidden)\s+(?:\w+\s+)?"
                      r"(?:not\s+)?(?:to|from)\b", re.IGNORECASE)
# "until an hour before it sank at 11 p.m.": a time before or after the one named
_OFFSET = re.compile(r"\b(?:before|after|earlier|later)\b", re.IGNORECASE)
# "It was not until March 9 that the company disclosed the breach", "Not until March 5 did
# the army withdraw": what did not happen comes after the time
_THAT_THEN = re.compile(r"^\s*,?\s*(?:that|did|was|were|had|would|could|does|do)\b",
                        re.IGNORECASE)
_NOBODY = re.compile(r"^\s*(?:one|body)\b", re.IGNORECASE)  # "No one was arrested"


def _lemmas(words: list[str]) -> frozenset[str]:
    """The words' dictionary forms (simplemma: "withdrew" -> withdraw, "paid" -> pay, "told" ->
    tell), with the acts `_SAME_ACT` takes for one."""
    import simplemma

    found = {simplemma.lemmatize(w.lower(), lang="en") for w in words}
    return frozenset(found.union(*(g for g in _SAME_ACT if g & found)))


@dataclass(frozen=True)
class _Unhappened:
    bound: Point  # the time before which...
    act: frozenset[str]  # ...this was not done (lemmas; empty: "There was no alert")
    things: frozenset[str]  # ...to or by these: the object, else the subject
    clause: str  # the clause, up to the time
    head: str = ""  # with no act, the first thing named ("no alert about this attack")
    names: frozenset[str] = frozenset()  # names of the subject, where `things` are its words
    noun: str = ""  # what there was none of, where an act is named ("no ... shell was fired")


# what "no" names, up to a preposition, a verb, a participle or a stop: "No Kesmiran shell
# was fired"
_NO_PHRASE = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?(?P<head>[\w’'-]+)(?=\s+(?:about|of|on|in|at|"
                        r"for|from|to|with|by|was|were|is|are|had|has|have|been|before|until|"
                        r"till)\b|\s+[\w’'-]+ed\b|\s*[,.;:]|\s*$)",  # "no alert connected
                        re.IGNORECASE)  # with the attack": an alert ("no storm warning": a warning)
# "not fire a single round", "not fire so much as a shot": the act, said with emphasis
_MINIMISER = re.compile(r"\s*[\w’'-]+\s+(?:(?:a|one)\s+single|so\s+much\s+as\s+(?:a|an|one)|"
                        r"even\s+(?:a|one))\s+(?:[\w-]+\s+)?(?:round|shot|shell|bullet|missile|"
                        r"rocket)s?\s*$",
                        re.IGNORECASE)  # (only a shot: "did not pay a single crown" may be
# to the lawyers, "did not receive a single complaint" is about complaints)


@functools.lru_cache(maxsize=65536)
def _not_before(text: str) -> tuple[_Unhappened, ...]:
    """Each "no X before T" / "not X until T" of a text that states a fact (not a rule:
    "must not return until")."""
    if not (_BY_THEN.search(text) and NEGATION.search(text)):
        return ()  # (most texts: no time read)
    out = []
    pts = points(text)
    for m in _BY_THEN.finditer(text):
        bound = next((p for p in pts if p.end > m.end() and p.start >= m.start()
                      and len(text[m.end():p.start].split()) <= _BOUND_WORDS
                      and not _CLAUSE_STOP.search(text, m.end(), p.start)), None)
        if bound is None or _OFFSET.search(text, m.end(), bound.start):
            continue
        begin = max((c.end() for c in _CLAUSE_STOP.finditer(text[:m.start()])), default=0)
        negated = list(NEGATION.finditer(text, begin, m.start()))
        if not negated or _OBLIGED.search(text, begin, m.start()):
            continue
        neg = negated[-1]  # the nearest ("which has never made a loss, did not disclose")
        if _BY_THEN.search(text, neg.end(), m.start()):
            continue  # "did not receive the warning until an hour before it sank": the first
        before = [w for w in _words(text[begin:neg.start()]) if w.lower() not in _FUNCTION]
        after = [w for w in _words(text[neg.end():m.start()])
                 if w.lower() not in _FUNCTION - _TELLING and w.lower() not in _ADVERBS]
        clause = text[begin:m.start()]
        if not after and not text[neg.end():m.start()].strip():  # "It was not until March 9
            rest = text[bound.end:]  # that the company disclosed the breach"
            then = _THAT_THEN.match(rest)
            if then:  # (two words in common with the other: no act read here)
                stop = _CLAUSE_STOP.search(rest, then.end())
                said = rest[then.end():stop.start() if stop else len(rest)]
                out.append(_Unhappened(bound, frozenset(), frozenset(
                    content_words(said) - _WORDS_OF_TIME), clause + " " + said))
            continue
        names: list[str] = []
        noun = ""
        if neg.group(0).lower() in ("no", "none", "nothing", "nobody"):
            # "received no storm warning": the word before; "no alert ... was raised": the
            # participle before the time; "There was no alert": none
            act = [w for w in _words(text[begin:neg.start()])[-1:] if w.lower() not in _FUNCTION]
            last = _words(text[neg.end():m.start()])[-1:]
            if last and _AUXILIARY.search(text[:m.start()].rstrip()[:-len(last[0])]):
                act += last
            things = [w for w in after if w not in act]
            named = _NO_PHRASE.match(text, neg.end())  # "No Kesmiran shell was fired": a
            if act and named and neg.group(0).lower() == "no" \
                    and not _NOBODY.match(text[neg.end():]) \
                    and named.group("head").lower() not in _FUNCTION:  # shell, whoever else
                noun = _stem(named.group("head"))  # is named (not "Nobody was arrested")
            if neg.group(0).lower() == "nobody" or _NOBODY.match(text[neg.end():]):
                things = []  # "No one was arrested": by or to anyone
        else:  # "did not notify the Office", "was not de-energised"
            act, things = after[:1], after[1:]
            if _MINIMISER.match(text, neg.end(), m.start()):  # "Aldravian guns did not fire
                # a single round before 05:30": did not fire, by the subject's name if it has one
                things = [w for w in before if w[0].isupper()] or before
            if not things:  # what it was not done by: "Residents of Holm were not evacuated"
                things, names = before, [w for w in before if w[0].isupper()][1:]
        out.append(_Unhappened(
            bound, _lemmas(act) if act else frozenset(),
            frozenset(_stem(w) for w in things) - _WORDS_OF_TIME, clause,
            "" if act else _stem(things[0]) if things else "", frozenset(names), noun))
    return tuple(out)


def asks(content: str) -> bool:
    """A question ("How much cod was in the hold?" in an interview) states nothing: it
    neither agrees nor clashes with anything (the judge took it as entailed by the answer)."""
    return content.rstrip(" \"'”’)").endswith("?")


@functools.lru_cache(maxsize=65536)
def timing_conflict(a: str, b: str) -> RuleHit | None:
    """One side says something was not done before a time, the other that it was, earlier:
    "There was no alert about this attack before the fourth of March" / "Veradyne's analysts
    had raised an alert ... on February 21"; "did not notify the Office ... until 22:40 on
    Saturday, March 6" / "informed the office on Friday, March 5". "The same thing": the same
    act (by its lemma; "notify", "inform" and "tell" are one) and a word in common with what it
    was done to (or by, where nothing follows: "the line was not de-energised until 15:40" /
    "the line had been de-energised at 12:15", names and all: "Residents of Holm" are not
    "Residents of Dravnik"); with no act ("There was no alert"), the first thing named; the
    same part or degree ("not fully restored" / "partially restored", "the last survivors" /
    "the first survivors"). The earlier time must be stated, not negated, not a bound or a
    start ("after 2:15", "by March 3", "since March"), of that clause's day ("on March 7 at
    9:00" is no time of the day before), the clause's only time ("disclosed it on March 9, a
    week after it learned of it on March 2"), not another step of one message ("received no
    storm warning" / "its warning, issued at four o'clock"), and both a forecast or neither
    ("would not go into the seabed before 2029" / "filed in 2025")."""
    if asks(a) or asks(b):
        return None
    for neg, pos in ((a, b), (b, a)):
        unhappened = _not_before(neg)
        if not unhappened:
            continue
        pts = points(pos)
        for q in pts:
            if _NOT_AT.search(pos[:q.start]) or _BY_THEN.match(q.text) \
                    or re.match(r"(?:after|by)\s", q.text, re.IGNORECASE):
                continue
            clause = _clause_of(pos, q.start, q.end)
            if NEGATION.search(clause):
                continue
            others = [p for p in pts if p is not q and p.text in clause]
            words = content_words(clause)
            raw = _words(clause)
            for u in unhappened:
                if not earlier(q, u.bound) or two_steps(message_step(clause, pos),
                                                        message_step(u.clause, neg)):
                    continue
                if any(not earlier(p, u.bound) for p in others):
                    continue  # "disclosed it on March 9, a week after it learned of it on
                    # March 2", "on March 7 at 9:00": which time is the act's?
                if bool(_TO_COME.search(u.clause) or _TO_COME.search(
                        _clause_of(neg, u.bound.start, u.bound.end))) != bool(
                        _TO_COME.search(clause)):
                    continue  # "would not go into the seabed before 2029" / "filed in 2025"
                if _same_happening(u, words, raw):
                    return RuleHit("numbers", "contradiction",
                                   f"dates: one side says not before {u.bound.text!r}, the "
                                   f"other {q.text!r}")
    return None


def _same_happening(u: _Unhappened, words: set[str], raw: list[str]) -> bool:
    """Do the other clause's words (content stems, and all of them as written) tell of the
    same happening?"""
    mine = {w.lower() for w in _words(u.clause)} & _DEGREE
    theirs = {w.lower() for w in raw} & _DEGREE
    if mine != theirs and (mine or not theirs <= _FIRST):
        return False  # "not fully restored" / "partially restored"; ("the first alert was
        # raised at 1 a.m." / "no alert until 3 a.m." still clash)
    if u.names and not u.names & set(raw) and any(w[0].isupper() for w in raw[1:]):
        return False  # "Residents of Holm" / "Residents of Dravnik"
    if u.noun and u.noun not in words:
        return False  # "No Kesmiran shell was fired" / "Aldravian artillery had fired on
        # Kesmiran positions": no shell
    if u.act:  # the same act, to or by the same thing ("did not arrest the suspect" /
        # "questioned the suspect's brother"; "did not issue a warning" / "issued visas": no)
        return bool(u.act & _lemmas(raw)) and (bool(u.things & words) or not u.things)
    if u.head:  # "There was no alert about this attack": an alert
        return u.head in words
    return len(u.things & words) >= 2  # "It was not until March 9 that the company disclosed
    # the breach": no act read, two words in common


def apply_rules(a: str, b: str, similarity: float | None = None) -> list[RuleHit]:
    """Every rule that fires for the pair, numbers first."""
    return [hit for hit in (numeric_conflict(a, b, similarity), timing_conflict(a, b),
                            negation_conflict(a, b)) if hit]
