"""Who says what: speaker, reporting verb and content span for each sentence of a document.

Rule-based and document-aware. A reporting verb ("said", "told", "insisted", "according to"...)
outside quotation marks is attributed to the noun phrase next to it; the content is the rest of
the clause with the "X said" wrapper removed. Names are resolved within the document: "Lavrov"
becomes "Sergei Lavrov" (the full name seen earlier), "he"/"she" the last person who spoke
(or the person a sentence since opened with, where the one who spoke is known to be the other
sex), "the top Russian diplomat" the last person whose title shares a word with it, "the
presidency" the last organisation ending in that word, "the company" the one business the
document names, "the report" the one whose owner was named with it. A sentence that is only a
quotation inherits the previous sentence's speaker. Sentences without a reporting verb belong
to the narrator.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claims.numbers import FIGURE_HINT, MONTHS, WORD_NUMBER
from claims.types import Attribution, Sentence
from claims.when import WEEKDAYS

# --- lexicons --------------------------------------------------------------------------------

_VERBS = (
    "say says said saying told tells added adds insisted insists claimed claims stated "
    "accused accuses described describes threatened threatens warned warns denied denies "
    "argued argues announced announces stressed stresses noted called criticised criticized "
    "criticises criticizes dismissed dismisses reported confirmed confirms explained explains "
    "asserted asserts maintained maintains suggested suggests declared declares alleged alleges "
    "urged urges vowed vows pledged pledges promised promises acknowledged acknowledges "
    "admitted admits rejected rejects tweeted wrote writes estimated estimates predicted "
    "predicts blamed blames reiterated reiterates replied responded countered revealed "
    "disclosed demanded demands conceded concedes agreed agrees disputed disputes contended "
    "contends recalled complained complains assured assures asked asks wondered questioned "
    "cautioned cautions adding insisting warning claiming arguing noting stressing accusing "
    "denying describing put puts ruled rules repeated repeats found finds projected projects "
    "forecast forecasts apologised apologized apologises apologizes"
).split()
_VERB_RE = re.compile(r"\b(?:" + "|".join(sorted(set(_VERBS), key=len, reverse=True)) + r")\b")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\b")
# verbs that say no to what follows them ("denied that ...", "rejected claims by ...")
NEGATING_VERBS = {"denied", "denies", "deny", "dismissed", "dismisses", "rejected", "rejects",
                  "disputed", "disputes", "refuted", "refutes"}
# "according to two people with knowledge of the negotiations": sources the writer does not name
_UNNAMED_SOURCES = re.compile(
    r"\s+(?P<who>(?:(?:two|three|four|five|several|multiple|\d+)\s+)?(?:people|persons|sources|"
    r"officials|insiders|diplomats|executives)\s+(?:with\s+(?:direct\s+)?knowledge\s+of|"
    r"familiar\s+with|close\s+to|briefed\s+on)\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
    r"(?=\s*[,.;]|\s*$)")
_INVERTING = {"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "told",
              "explained", "insisted", "continued", "recalled", "warned", "tweeted"}
_PARTICIPLES = {"saying", "adding", "insisting", "warning", "claiming", "arguing", "noting",
                "stressing", "accusing", "denying", "describing", "calling"}
# "Kalder denied that any subcontractor was owed money, saying all payments were up to date":
# a second claim of the same speaker ("reports ..., warning that": the reports warn)
_FURTHER_SAYING = {"saying", "adding", "insisting", "arguing", "noting", "stressing"}
_NOT_SAYING = re.compile(r"\s+(?:to|on|of|up)\b", re.IGNORECASE)  # "adding to the confusion"
_ADDRESSEE_VERBS = {"told", "tells", "assured", "assures", "urged", "urges"}
# "put the cost of the closure at 40 million crowns": an estimate, like "estimated ... at"
_PUT_AT = re.compile(
    r"(?!\s+(?:out|up|forward|off|down|back|on|in|away|together|through|aside|across|"
    r"over|it)\b)"  # "put out a statement at 10 a.m.", "put it at" (what is "it"?)
    r"[^,.;:]{1,80}?\bat\s+[\"“]?(?:[a-z]+\s+){0,2}?(?:[$€£]?\d[\d,.]*|(?:" + WORD_NUMBER
    + r")\b)(?!\s*(?:a\.m|p\.m|o'clock|GMT|UTC)|[\d:])")  # ("put the toll at eleven")
# "repeated that", "repeated on Thursday that", 'repeated: "...'
_REPEATED_THAT = re.compile(r"\s+(?:(?:on\s+[A-Z]\w+|again|yesterday|today|later)\s+)?"
                            r"(?:that\b|[\"“])")
# Verbs that report a claim only in one construction: "put the cost ... at 40 million",
# "the judge ruled that ..."
_ONLY_WHEN = {"put": _PUT_AT, "puts": _PUT_AT,
              "ruled": re.compile(r"\s+that\b"), "rules": re.compile(r"\s+that\b"),
              "repeated": _REPEATED_THAT, "repeats": _REPEATED_THAT}  # not "repeated the test"
_FINDS = {"found", "finds"}  # only an outlet's own finding ("Our reporters found that ..."):
# not what was found ("Police found two bodies"), nor a judge's finding, which would become
# the last speaker a later "he said" refers to
# "The Evening Star quoted Ian Moor as saying that ...": Moor says it
_QUOTED_AS = re.compile(r"\bquoted\s+(?P<who>[^,;:]{1,60}?)\s+as\s+$")
# "Ian Moor was quoted (by the Evening Star) as saying ...": Moor says it
_WAS_QUOTED_AS = re.compile(r"\s+(?:was|were|is|are|has been|had been)\s+quoted\s+"
                            r"(?:by\s+[^,;:]{1,60}?\s+)?as\s+$")
# What a speaker answers rather than states: "rejected that account", "dismissed the claim".
ANSWERED_NOUNS = (r"(?:claims?|accusations?|allegations?|charges?|reports?|account|"
                  r"suggestions?|assertions?|statements?|idea|notion|version|criticism|figures?)")
_ANSWERED_NOUN = r"(?:[\w’'-]+\s+){0,2}?" + ANSWERED_NOUNS
_ANSWERED = r"(?:this|that|the|these|those|such|his|her|its|their)\s+" + _ANSWERED_NOUN
# ("denied that, saying ...": "that" alone is what was said before)
_ANSWER_THEN = re.compile(r"\s*(?:" + _ANSWERED + r"|that|this)\s*(?:,\s*)?$", re.IGNORECASE)
# Verbs that need a subject right before them (nouns too often: "this claim", "the states").
_NOUNISH = {"claims", "demands", "estimates", "reports", "promises", "notes"}
# "projects", "forecasts" report an estimate only before one ("the audit office projects 56
# million", "forecasts a surplus"), else they are nouns ("Many projects were delayed")
_ESTIMATE_NOUNS = {"projects", "forecasts"}
_ESTIMATE_AHEAD = re.compile(r"\s+(?:a|an|the|that|\d[\d,.]*|" + WORD_NUMBER + r")\b",
                             re.IGNORECASE)

_VERBS_OF_CONTENT = {"had", "has", "have", "did", "does", "would", "will"}
_AUX = (
    "had has have did does also again later earlier previously repeatedly then would will "
    "further "
    "publicly separately recently reportedly flatly firmly angrily quickly even once "
    "initially subsequently already still specifically explicitly privately openly now "
    "categorically strongly vehemently emphatically strenuously formally officially "
    "personally immediately swiftly"
).split()
_DAYS = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|weekend|week|month|year|"
         "morning|afternoon|evening|night|day")
_TIME = (r"(?:(?:earlier|later|late|early)\s+)?(?:on|this|last|late|early|that|each|every)\s+"
         r"(?:" + _DAYS + r")(?:\s+(?:morning|afternoon|evening|night))?"
         r"|yesterday|today|tonight|overnight|(?:earlier|later)\s+(?:in|on)\s+the\s+(?:" + _DAYS
         + r")")
_SKIP_LEFT = re.compile(r"(?:\s*,?\s*(?:\b(?:" + "|".join(_AUX) + r"|(?<=\bhas )since|"
                        r"(?<=\bhave )since|(?<=\bhad )since)\b|" + _TIME + r"))+\s*$")
# (not "had", "would": "which she said had been marked" goes on with the content's own verb;
# possessive quantifiers: a long run of spaces is not tried every way)
_SKIP_RIGHT = re.compile(r"^\s*+(?:(?:\b(?:" + "|".join(
    w for w in _AUX if w not in _VERBS_OF_CONTENT) + r")\b|" + _TIME + r")\s*+,?\s*+)+")
# A phrase after the verb that is not content: "said in a statement", "told reporters".
_TAIL_RE = re.compile(
    r"^\s*+(?:[.!?;:]?[\"”’']?\s*+$|,|—|–|\(|(?:" + _TIME + r")\s*+(?:[,.;]|$)|"
    r"(?:in|on|at|during|after|before|while|as|when|from|via|through|to|over|with|without|"
    r"according|but|and|adding|citing|speaking)\b)"
)

_STOP_CAPS = set(
    "But And Or So Yet Meanwhile However Also Still Now Then Earlier Later After Before When "
    "While As If In On At Since Though Although Because Moreover Separately Elsewhere Asked "
    "Speaking For With By From Under Over During Despite Instead Indeed Still Thus Today "
    "Yesterday Last This That These Those It Its There Here Where Why How What Who Which "
    "Nevertheless Nonetheless Furthermore Besides Otherwise Only Even Just Both Either "
    "Neither Not No Yes Until".split()
)
_DETERMINERS = {"the", "a", "an"}
_STOP = set(
    "and or but of to in on at by for from with as than that which who whom whose this these "
    "those is are was were be been being has have had do does did will would can could may "
    "might must shall should not no it its their his her our your my they them he she we you "
    "after before since during until over under about against between into through while "
    "when where because if then so also"
    .split()
)
_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "org"}

_PERSON_TITLES = set(
    "president vice-president vice prime minister secretary secretary-general general "
    "chancellor king queen prince princess sheikh emir mayor governor senator rep. "
    "representative congressman congresswoman chief commissioner director spokesman "
    "spokeswoman spokesperson ambassador envoy commander colonel col. gen. lieutenant captain "
    "judge justice deputy mr mr. mrs mrs. ms ms. dr dr. professor prof. sir lord dame ceo "
    "chairman chairwoman chair head leader speaker pope cardinal bishop imam rabbi father "
    "sergeant officer inspector detective superintendent councillor councilor diplomat "
    "official counterpart premier lawmaker mp attorney prosecutor firefighter manager owner "
    "founder analyst expert economist researcher scientist doctor nurse witness resident "
    "worker activist lawyer editor reporter correspondent "
    "negotiator adviser advisor aide campaigner coordinator administrator engineer "
    "capt capt. lt lt. sgt sgt. gov gov. sen sen. supt supt. insp insp. det det. cmdr cmdr. "
    "adm adm. maj maj. brig brig. gen prof cllr"
    .split()
)
_TITLE_WORDS = _PERSON_TITLES | set(
    "foreign defence defense interior finance economy health environment energy trade "
    "transport justice education labour labor affairs state security fire police army "
    "military navy top senior former acting interim first deputy assistant executive "
    "regional local city national federal provincial district"
    .split()
)
_ORG_WORDS = set(
    "nations ministry council authority authorities agency group union party office "
    "department court commission committee police army forces force company corp corp. inc "
    "inc. ltd ltd. co co. association institute bank fund organization organisation "
    "government administration presidency kremlin embassy parliament assembly congress "
    "senate military navy guard chemicals industries holdings foundation university hospital "
    "front movement coalition alliance federation network watch international service "
    "services media newspaper daily agency broadcaster channel regime opposition rebels "
    "residents witnesses sources officials authorities analysts experts workers activists "
    "campaigners investigators prosecutors doctors firefighters police board bureau "
    "secretariat cabinet team club league airlines motors energy partners news times herald "
    "post tribune press radio tv television statement report railways railway railroad "
    "chamber airways operator utility utilities gazette journal courier chronicle firm "
    "society cooperative co-operative consultancy centre center college coastguard "
    "ferries mutual insurance insurer developer manufacturer carrier supplier lender carmaker "
    "retailer regulator watchdog pollster charity municipality mission inspectorate "
    "directorate"
    .split()
)
_PERSON_ROLE_HEADS = {w for w in _PERSON_TITLES if not w.endswith(".")} - {"head", "official"}
_PERSON_ROLE_HEADS |= set(
    "teacher farmer fisherman driver pilot student mother grandmother grandfather owner "
    "shopkeeper survivor victim neighbour neighbor villager volunteer rescuer geologist "
    "hydrologist specialist surgeon physician historian commentator columnist writer author "
    "pastor priest businessman businesswoman entrepreneur contractor builder consultant "
    "man woman spokesperson veteran mp lawmaker legislator minister executive"
    .split()
)
_ORG_HEADS = _ORG_WORDS
_CITY_HEADS = {"city", "town"}  # "the city said": the city's government (see `_the_city`)
_DESCRIPTOR_MODS = set(
    "top senior chief former deputy local regional state foreign federal national "
    "environmental two three several some many other unnamed anonymous two-time main lead "
    "leading outgoing incoming acting interim longtime veteran company union city town "
    "country's city's party's government's ministry's group's port fire military police "
    "army health security press communications rescue emergency civil defence defense "
    "opposition rebel human rights"
    .split()
)
# a word; "Brodt & Partners", "Ortmann & Sale" are one (a firm's name, see `_kind_of`)
_WORD = re.compile(r"[A-Z][\w’'\-]*(?: & [A-Z][\w’'\-]*\b)+(?! [A-Z])|[A-Za-z0-9][\w’'\-\.]*|"
                   r"[$€£]\d[\w.,]*")  # not "John Smith & Mary Jones"
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|de|del|della|van|von|der|da|di|le|la|du|dos|ter)"
                       r"(?:-[A-Z]\w*)?$")

_DOUBLE_QUOTES = "\"“”«»"
_OPEN_QUOTES = "\"“«"


# --- noun phrases ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _NP:
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    lead: int = -1  # where the whole subject starts, if before `start` ("its chief executive,
    # Marten Haskell,": the name is the NP, the descriptor leads)

    @property
    def first(self) -> int:
        return self.lead if self.lead >= 0 else self.start


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or bool(_PARTICLE.match(tok))


# people named by what they do, in the plural ("international monitors", "two suppliers",
# "midwives"), beside the groups the lists above name; not "people", most often the object
# of a count ("the number of people confirmed dead")
_PEOPLE = re.compile(r"[a-z]{2,}(?:ers|ors|ists|ians)")
# ...and of the endings that name things as often as people, these people only
_PEOPLE_TOO = {"residents", "students", "patients", "parents", "agents", "clients",
               "opponents", "respondents", "correspondents", "participants", "migrants",
               "immigrants", "applicants", "tenants", "merchants", "assistants", "consultants",
               "relatives", "representatives", "executives", "detectives", "midwives"}
_NOT_PEOPLE = {"others", "numbers", "papers", "letters", "matters", "orders", "waters",
               "quarters", "headquarters", "centers", "meters", "computers", "towers",
               "figures", "members", "borders", "powers", "shelters", "chambers", "layers",
               "barriers", "containers", "trailers", "tankers", "bombers", "helicopters",
               "printers", "servers", "routers", "filters", "markers", "sensors",
               "indicators", "reactors", "generators", "doors", "floors", "errors", "colors",
               "mirrors", "corridors", "elevators", "ventilators", "detectors", "motors",
               "tractors", "sectors", "factors", "vectors", "rumors", "tremors", "vapors",
               "odors", "flavors", "corners", "covers", "fibers", "rivers", "answers",
               "registers", "transistors", "processors", "monsters", "disasters", "decoders",
               "liters", "litres", "centimeters", "kilometers", "millimeters", "parameters",
               "characters", "thrillers", "headers", "speakers", "lockers", "boosters"}


def _people(low: str) -> bool:
    return low in _PEOPLE_TOO or bool(_PEOPLE.fullmatch(low)) and low not in _NOT_PEOPLE


def _only_people(tok: str) -> bool:
    """A head word taken only as people named by what they do (not a listed group or role)."""
    low = tok.lower().rstrip(".")
    return _people(low) and not (_is_cap(tok) or low in _PERSON_ROLE_HEADS | _ORG_HEADS)


_CLAUSE_OPENS = re.compile(r"(?:^|[,;:—–(\"“]|\b(?:and|but|while|as|when|after|because)"
                           r")\s*$")  # where a subject may begin
_OF_WHOM = re.compile(r"\b(?:of|for|to|with|by|among|from|against|about|on|at)\s+$",
                      re.IGNORECASE)


def _np_token_ok(tok: str, position_from_end: int) -> bool:
    low = tok.lower().rstrip(".")
    if tok in _STOP_CAPS and position_from_end > 0:
        return False
    if _is_cap(tok):
        return tok not in _STOP_CAPS
    if low in _DETERMINERS:
        return position_from_end > 0
    if position_from_end == 0:
        return low in _PERSON_ROLE_HEADS or low in _ORG_HEADS or low in _CITY_HEADS \
            or _people(low)
    return (low in _DESCRIPTOR_MODS or low in _TITLE_WORDS or low in _ORG_WORDS
            or low.endswith(("’s", "'s")) or low == "of")


_WHEN_WORD = re.compile("|".join((*WEEKDAYS, *MONTHS.split("|")[:12])))  # (not "Jan": a name)
# (not after "from" or "by": "a letter from April Rhodes", "signed by June Harlow")
_WHEN_BEFORE = re.compile(r"(?:\b(?:on|last|this|next|since|until|in|early|late|mid)|\b\d{1,2}"
                          r"(?:st|nd|rd|th)?)\s+$", re.IGNORECASE)  # "On 12 March Brask said"


def _np_left(sentence: str, end: int) -> _NP | None:
    """The noun phrase ending exactly at `end` (the subject of a verb that follows it)."""
    head = sentence[:end]
    if not head.strip() or (end < len(sentence) and sentence[end].isalnum()
                            and head[-1].isalnum()):
        return None  # `end` falls inside a word
    words = list(_WORD.finditer(head))
    if not words:
        return None
    # The phrase must reach the end of `head` (only spaces in between).
    if head[words[-1].end():].strip():
        return None
    low_last = words[-1].group(0).lower()
    if low_last in _PRONOUNS:
        m = words[-1]
        return _NP(m.start(), m.end(), m.group(0), (m.group(0),))
    taken: list[re.Match[str]] = []
    for k in range(len(words) - 1, -1, -1):
        m = words[k]
        if taken and head[m.end():taken[-1].start()].strip():
            break  # punctuation between words ends the phrase
        tok = m.group(0)
        if tok == "and" and 1 <= len(taken) <= 2 and _of_name_before(words, k):
            taken.append(m)  # "the Chamber of Commerce and Industry"
            continue
        if tok == "and" and taken and k >= 2 and _is_cap(words[k - 1].group(0)) \
                and words[k - 1].group(0) not in _STOP_CAPS \
                and _after_the(head, words, k - 1) \
                and (words[k - 2].group(0).lower() == "the"  # one word before "and", or
                     or taken[0].group(0).lower() not in _PARTY_HEADS) \
                and not {w.group(0).lower() for w in words[k - 2:k]} & _ORG_WORDS \
                and not head[words[k - 1].end():m.start()].strip() \
                and all(_is_cap(t.group(0)) for t in taken) \
                and taken[0].group(0).lower() in _ORG_WORDS:  # not "Greenpeace and Birdlife
            # International", "Anna Berg and Selvik Harbour Council": two speakers
            taken.append(m)  # "the Maritime and Energy Workers' Union": one name
            continue
        if tok == "for" and taken and taken[-1].group(0) == "the":  # kept by _for_the_name
            taken.append(m)  # "the Society for the Protection of Birds": one name
            continue
        if not _np_token_ok(tok, len(taken)):
            break
        taken.append(m)
        if tok.lower() in _DETERMINERS and not _for_the_name(words, k, taken):
            break
    taken.reverse()
    taken = _role_of(head, words, taken)
    if len(taken) >= 2 and _WHEN_WORD.fullmatch(taken[0].group(0)) \
            and _WHEN_BEFORE.search(head[:taken[0].start()]):
        taken.pop(0)  # "Last Thursday Aubry had said", "In March Brask said": a day, a name
    if taken and taken[-1].group(0).lower() in _CITY_HEADS and (
            len(taken) != 2 or taken[0].group(0).lower() != "the"):
        return None  # only "the city" itself speaks, not "residents of the old town"
    if taken and _only_people(taken[-1].group(0)) and _OF_WHOM.search(head[:taken[0].start()]):
        return None  # "Relatives of the passengers said": not the passengers
    k = words.index(taken[0]) if taken else 0
    if taken and k >= 2 and words[k - 1].group(0) in ("in", "at", "from") \
            and (_is_cap(words[k - 2].group(0)) or words[k - 1].group(0) == "in"
                 and words[k - 2].group(0) in _ORG_HEADS) \
            and not head[words[k - 2].end():words[k - 1].start()].strip():
        # "Judge Hedda Lorentz of the Administrative Court in Varnholm": a place after a name;
        # "Dr Anna Berg at Varnholm General Hospital": a person at an organisation speaks
        # ("Researchers at the University of Oslo said": the university does); "The defence
        # ministry in Vell said": the ministry, not its city
        before = _np_left(sentence, words[k - 2].end())
        if before is not None and (
                _kind_of(*_split_title(before.tokens)) == "person"
                and _split_title(before.tokens)[1]
                or not any(t.group(0).lower() in _ORG_WORDS for t in taken)):
            return before
    if taken and k >= 2 and words[k - 1].group(0) == "of" and taken[0].group(0) == "the" \
            and re.fullmatch(r"\s+of\s+", head[words[k - 2].end():taken[0].start()]):
        # "Anna Berg of the Red Cross": the person, of an organisation
        person = _np_left(sentence, words[k - 2].end())
        if person is not None and len(_split_title(person.tokens)[1]) >= 2 \
                and _kind_of(*_split_title(person.tokens)) == "person":
            return person
    taken = _person_of(taken)
    if taken and all(t.group(0)[:1].islower() for t in taken) and \
            taken[0].group(0).lower() not in _DETERMINERS and \
            taken[-1].group(0).lower() in _PERSON_ROLE_HEADS | _ORG_HEADS:
        taken = _definite_descriptor(head, words, taken)
    # "of" may not start or end the phrase; a determiner only starts it.
    while taken and taken[0].group(0).lower() in ("of",):
        taken.pop(0)
    if not taken:
        return None
    toks = tuple(m.group(0) for m in taken)
    if all(t.lower() in _DETERMINERS or t.lower() == "of" for t in toks):
        return None
    return _NP(taken[0].start(), taken[-1].end(), head[taken[0].start():taken[-1].end()], toks)


def _role_of(head: str, words: list[re.Match[str]],
             taken: list[re.Match[str]]) -> list[re.Match[str]]:
    """`taken` ("the Energy Networks Authority") with the role at it before it, where one
    is: "the head of the Energy Networks Authority", "the chief executive of the company" (a
    person, by her role at an organisation; not "the residents of the town", nor "the mayor
    of the city", whom the city speaks for)."""
    if not taken or taken[0].group(0).lower() != "the" \
            or taken[-1].group(0).lower() in _CITY_HEADS:
        return taken
    k = words.index(taken[0])
    if k < 3 or words[k - 1].group(0) != "of" \
            or head[words[k - 1].end():taken[0].start()] != " " \
            or head[words[k - 2].end():words[k - 1].start()] != " ":
        return taken
    j = k - 2
    role: list[re.Match[str]] = []
    while j >= 0 and len(role) < 3 and words[j].group(0).islower() \
            and words[j].group(0) not in _DETERMINERS \
            and head[words[j].end():(role[0] if role else words[k - 1]).start()] == " ":
        role.insert(0, words[j])
        j -= 1
    if not role or role[-1].group(0) not in _PERSON_ROLE_HEADS | {"head"} or j < 0 \
            or words[j].group(0).lower() not in _DETERMINERS \
            or head[words[j].end():role[0].start()] != " ":
        return taken
    return [words[j], *role, words[k - 1], *taken]


# Institutions whose names go on "of X and Y" ("Chamber of Commerce and Industry")
_OF_AND_HEADS = {"ministry", "department", "chamber", "secretariat", "institute", "office",
                 "commission", "committee", "council", "agency", "board", "authority",
                 "bureau", "union", "federation", "confederation", "association", "society",
                 "league"}


def _person_of(taken: list[re.Match[str]]) -> list[re.Match[str]]:
    """ "Samir Halloran of Green Coast Alliance" -> "Samir Halloran": a person's name (two
    capitalised words or more, no organisation's or title's word) before "of" speaks."""
    of = next((i for i, t in enumerate(taken) if t.group(0) == "of"), 0)
    left = tuple(t.group(0) for t in taken[:of])
    if of >= 2 and all(_is_cap(t) for t in left) and not any(
            t.lower() in _ORG_WORDS | _TITLE_WORDS | _OF_AND_HEADS for t in left) \
            and _kind_of(*_split_title(left)) == "person":
        return taken[:of]
    return taken


def _for_the_name(words: list[re.Match[str]], k: int, taken: list[re.Match[str]]) -> bool:
    """Is "the" at words[k] inside an institution's name ("the Lorvanian Society for the
    Protection of Birds", "Centre for the Study of Conflict", "the Office of the Data
    Commissioner"): "for" before it and an organisation's word before that, or "of" and an
    institution's head ("Office", "Ministry"), and capitalised words after it?"""
    if k < 2 or words[k].group(0) != "the" or len(taken) < 2 or not _is_cap(taken[-2].group(0)):
        return False
    link, head = words[k - 1].group(0), words[k - 2].group(0)
    return _is_cap(head) and (link == "for" and head.lower() in _ORG_WORDS | _OF_AND_HEADS
                              or link == "of" and head.lower() in _OF_AND_HEADS)


def _of_name_before(words: list[re.Match[str]], k: int) -> bool:
    """Does "and" at words[k] join the end of an institution's name with "of" ("Chamber of
    Commerce and Industry", "Department of Health and Human Services"), not two names
    ("Russia and Turkey", "the University of Oxford and AstraZeneca", "Secretary of State
    Antony Blinken and Sergei Lavrov")? One or two capitalised words on each side."""
    j = k - 1
    while j >= 0 and _is_cap(words[j].group(0)) and words[j].group(0) not in _STOP_CAPS:
        j -= 1
    return 1 <= k - 1 - j <= 2 and j >= 1 and words[j].group(0) == "of" \
        and words[j - 1].group(0).lower() in _OF_AND_HEADS


def _definite_descriptor(head: str, words: list[re.Match[str]],
                         taken: list[re.Match[str]]) -> list[re.Match[str]]:
    """ "the retired teacher", "The national weather service", "the 51-year-old engineer":
    up to three free modifiers between "the" (or a possessive) and a known role noun."""
    i = words.index(taken[0])
    extra: list[re.Match[str]] = []
    for m in reversed(words[max(0, i - 4):i]):
        nxt = extra[-1] if extra else taken[0]
        if head[m.end():nxt.start()].strip():
            return taken
        tok = m.group(0)
        if tok.lower() in _DETERMINERS or tok.lower().endswith(("’s", "'s")):
            return [m, *reversed(extra), *taken]
        if not (tok[:1].islower() or tok[:1].isdigit() or _is_cap(tok) and tok not in
                _STOP_CAPS) or tok.lower() in _STOP:  # "the Vellin fisheries office"
            return taken
        extra.append(m)
    return taken


# words that are no modifier of an organisation's head ("a spokesman for the ministry")
_NOT_MODIFIERS = _STOP | _DETERMINERS | {"said", "says"}


def _np_right(sentence: str, start: int) -> _NP | None:
    """The noun phrase starting at `start` ("said Lavrov", "according to the United Nations")."""
    m0 = re.match(r"\s*", sentence[start:])
    pos = start + (m0.end() if m0 else 0)
    words = list(_WORD.finditer(sentence, pos))
    taken: list[re.Match[str]] = []

    def head_ahead(i: int) -> bool:
        """ "the water board", "the audit office": a modifier of an organisation's head
        word within the next two words, none of them set off by punctuation."""
        for k in range(i + 1, min(i + 3, len(words))):
            if sentence[words[k - 1].end():words[k].start()].strip():
                return False
            tok = words[k].group(0)
            if not tok.islower() or tok in _NOT_MODIFIERS:
                return False
            if tok.rstrip(".,") in _ORG_HEADS:
                return True
        return False

    for i, m in enumerate(words):
        if taken and sentence[taken[-1].end():m.start()].strip():
            break
        if not taken and m.start() != pos:
            break
        tok = m.group(0)
        low = tok.lower().rstrip(".")
        if _is_cap(tok) and tok not in _STOP_CAPS:
            taken.append(m)
        elif low in _DETERMINERS and not taken:
            taken.append(m)
        elif low in _DESCRIPTOR_MODS or low in _TITLE_WORDS or low in _ORG_WORDS \
                or low.endswith(("’s", "'s")) or (low == "of" and taken):
            taken.append(m)
        elif taken and tok.islower() and tok not in _NOT_MODIFIERS and head_ahead(i):
            taken.append(m)
        else:
            break
    while taken and taken[-1].group(0).lower() in ("of", "the", "a", "an"):
        taken.pop()
    if not taken:
        return None
    phrase_end = taken[-1].end()  # "said Samir Halloran of Green Coast Alliance.": the
    taken = _person_of(taken)  # person speaks, the phrase still ends after the organisation
    last = taken[-1].group(0)
    city = len(taken) == 2 and taken[0].group(0).lower() == "the" \
        and last.lower().rstrip(".") in _CITY_HEADS  # "according to the city"
    if not (_is_cap(last) or last.lower().rstrip(".") in _ORG_HEADS | _PERSON_ROLE_HEADS
            or city or _people(last.lower())):
        return None
    toks = [m.group(0) for m in taken]
    if toks[-1].endswith(".") and toks[-1].count(".") == 1 and \
            toks[-1].lower() not in _PERSON_TITLES:
        toks[-1] = toks[-1][:-1]  # the sentence's full stop, not an abbreviation
    text = sentence[taken[0].start():taken[-1].end() - (len(taken[-1].group(0)) - len(toks[-1]))]
    end = taken[0].start() + len(text)
    if phrase_end > taken[-1].end():  # the organisation after "of" (its full stop aside)
        end = phrase_end - (1 if sentence[phrase_end - 1] == "." else 0)
    return _NP(taken[0].start(), end, text, tuple(toks))


# --- document state: names, titles, last speakers ---------------------------------------------


@dataclass
class _Entity:
    name: str
    kind: str  # person | org | unknown
    title_words: set[str] = field(default_factory=set)
    gender: str = ""  # "f" | "m" where the document says so ("Ms", "spokesman", "at his")

    def sex(self) -> str:
        if self.gender:
            return self.gender
        said = {_GENDERED.get(t.rstrip("."), "") for t in self.title_words} - {""}
        return said.pop() if len(said) == 1 else ""


_GENDERED = {"ms": "f", "mrs": "f", "miss": "f", "madam": "f", "mr": "m", "mister": "m",
             "sir": "m", "spokeswoman": "f", "spokesman": "m", "chairwoman": "f",
             "chairman": "m", "businesswoman": "f", "businessman": "m", "congresswoman": "f",
             "congressman": "m"}


@dataclass
class _Doc:
    entities: list[_Entity] = field(default_factory=list)
    last_person: _Entity | None = None
    last_speaker: _Entity | None = None
    ahead: _Doc | None = None  # names from the whole document, for "Venner says" headlines
    aliases: dict[str, _Entity] = field(default_factory=dict)  # "KVWA" -> its full name
    last_org: _Entity | None = None  # the organisation named last ("Its final count")
    subject: _Entity | None = None  # the person a sentence last opened with ("Holtz refused")
    subject_here: _Entity | None = None  # ...if it is the sentence being read
    issued: dict[str, _Entity] = field(default_factory=dict)  # "statement" -> who spoke in it
    org_roles: dict[str, list[_Entity]] = field(default_factory=dict)  # "contractor" -> Kalder
    people_of: dict[str, _Entity] = field(default_factory=dict)  # "investigators" -> the fire
    # service, after "Investigators from the Kaldrian Fire and Rescue Service said"
    org_before: _Entity | None = None  # ...before the sentence being read
    orgs_now: list[_Entity] = field(default_factory=list)  # organisations the sentence names
    orgs_last: list[_Entity] = field(default_factory=list)  # ...the last one before it to name any
    city: str = ""  # "Dravnik": the one city the document is about, for "the city said"
    outlet: str = ""  # "Dravnik Courier": who "our reporters" are

    def acronym(self, short: str) -> _Entity | None:
        """The organisation an acronym stands for: introduced with it ("the Kestrel Valley
        Water Authority (KVWA)") or made of its initials ("Federation of Dock Workers": FDW),
        here or, for a headline, anywhere in the document."""
        if short in self.aliases:
            return self.aliases[short]
        for e in reversed(self.entities):  # by initials: three letters at least ("US")
            if len(short) >= 3 and e.kind == "org" and _initials(e.name) == short:
                return e
        return self.ahead.acronym(short) if self.ahead is not None else None

    def find(self, name: str) -> _Entity | None:
        for e in self.entities:
            if e.name.lower() == name.lower():
                return e
        return None

    def register(self, name: str, kind: str, title_words: set[str]) -> _Entity:
        e = self.find(name)
        if e is None:
            e = _Entity(name, kind, set(title_words))
            self.entities.append(e)
        else:
            e.title_words |= title_words
            if e.kind == "unknown":
                e.kind = kind
        return e

    def longer_name(self, short: str) -> _Entity | None:
        """An earlier full name that ends with `short` ("Lavrov" -> "Sergei Lavrov"), or an
        organisation's that starts with it, where no name ends with it ("Galeforth" ->
        "Galeforth Renewables"; not "Kalder" where Sten Kalder is named too)."""
        parts = short.lower().split()
        best: _Entity | None = None
        for e in self.entities:
            eparts = e.name.lower().split()
            if len(eparts) > len(parts) and eparts[-len(parts):] == parts:
                if best is None or e.kind == "person":
                    best = e
        if best is None and len(parts) == 1 and not (self.ahead and any(
                e.kind == "person" and e.name.lower().split()[-1] == parts[0]
                for e in self.ahead.entities)):  # "Sten Kalder, its founder," later on
            orgs = {e.name: e for e in self.entities if e.kind == "org"
                    and len(e.name.split()) > 1 and e.name.lower().split()[0] == parts[0]}
            if len(orgs) == 1:
                best = next(iter(orgs.values()))
        return best


_ACRONYM_WORD = r"[A-Z][A-Z&]{1,7}"
_ACRONYM = re.compile(_ACRONYM_WORD)
_ACRONYM_AFTER = re.compile(r"\s*\((?P<a>" + _ACRONYM_WORD + r")\)")  # "... Authority (KVWA)"
_ACRONYM_BEFORE = re.compile(r"\s*\(" + _ACRONYM_WORD + r"\)\s*$")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _split_title(tokens: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """('Russian','Foreign','Minister','Sergei','Lavrov') -> (title tokens, name tokens)."""
    toks = [t for t in tokens if t.lower() not in _DETERMINERS]
    name: list[str] = []
    for t in reversed(toks):
        low = t.lower().rstrip(".")
        if (_is_cap(t) and low not in _TITLE_WORDS and t.lower() not in _TITLE_WORDS
                and not t.endswith(("’s", "'s"))):
            name.append(t)
        else:
            break
    name.reverse()
    return toks[: len(toks) - len(name)], name


def _kind_of(title: list[str], name: list[str]) -> str:
    if any(" & " in t for t in name):
        return "org"  # "Brodt & Partners": a firm
    heads = [t.lower() for t in title]
    if "of" in heads[1:] and not name:  # "Office of the Data Commissioner": the word
        head = heads[heads.index("of") - 1].rstrip(".")  # before "of" is the head, not
        if head in _ORG_WORDS - _PERSON_TITLES:  # "commissioner" (but "Bank of England
            return "org"  # Governor Andrew Bailey" is a person)
    lows = {t.lower().rstrip(".") for t in title} | {t.lower() for t in title}
    name_lows = {t.lower().rstrip(".") for t in name}
    if name_lows & _ORG_WORDS or len(name) >= 2 and name[-1].lower().rstrip(".") in BUSINESS_NAMES:
        return "org"  # "Galeforth Renewables", "Tidewater Acoustics": businesses
    if title and title[-1].lower().rstrip(".") in _PERSON_TITLES | {"mr", "mrs", "ms", "dr"}:
        return "person"  # "Union leader Petr Vasko": the title's head word decides
    if lows & _ORG_WORDS - _PERSON_TITLES:
        return "org"
    if lows & _PERSON_TITLES:
        return "person"
    if len(name) >= 2:
        return "person"
    return "unknown"


def _name_ends_within(sentence: str, words: list[re.Match[str]], i: int, n: int) -> bool:
    """Do one to `n` capitalised words start at words[i] and end the name there?"""
    k = i
    while k < len(words) and k - i < n + 1 and _is_cap(words[k].group(0)) \
            and words[k].group(0) not in _STOP_CAPS \
            and (k == i or not sentence[words[k - 1].end():words[k].start()].strip()):
        k += 1
    return 1 <= k - i <= n and (k == len(words) or not _is_cap(words[k].group(0))
                                or bool(sentence[words[k - 1].end():words[k].start()].strip()))


# "Agnes Ruud, the institute's director", "Lars Dahl, a spokesman for the ministry": a role
_ROLE_AFTER = re.compile(r",\s+(?:\d+,\s+)?(?:the|a|an|its|their)\s+(?P<phrase>[^,.;:\"“”()]{1,60})"
                         r"(?=[,.;:]|$)")
_COMPANY_ROLES = {"owner", "contractor", "builder", "consultant", "operator", "supplier"}


def _role_after(text: str, pos: int) -> set[str]:
    """The words of a person's role in an appositive right after `pos` ("Agnes Ruud, the
    institute's director" -> {"institute", "director"}; "Edda Farrow, 54, the finance minister"
    -> {"finance", "minister"}); empty where there is none, where it is a former one, or where
    it is the speaker of a quotation ("awarded to Piet Olsen, the minister said")."""
    m = _ROLE_AFTER.match(text, pos)
    return _role_words(m.group("phrase")) if m else set()


def _role_words(phrase: str, ends: bool = False) -> set[str]:
    """The words of a role phrase, where it names a person's role (one of the role words,
    the last of them no company's, at its end if `ends`) and no former one nor a clause."""
    words = [w.lower() for w in re.findall(r"[\w-]+", _POSSESSIVE_S.sub("", phrase))]
    roles = [w for w in words if w in _PERSON_ROLE_HEADS | _PERSON_TITLES]
    if not roles or ends and roles[-1] != words[-1] or "former" in words \
            or any(w in _VERBS for w in words) or roles[-1] in _COMPANY_ROLES:
        return set()
    return {w for w in words if w not in _STOP}


_POSSESSIVE_S = re.compile(r"(?:'s|’s)\b")
# a role set before the name, lower-case ("Ardenvale's economy minister, Helena Brask, told")
_PERSON_ROLE_BEFORE = re.compile(r"(?:^|[.;:—–(\"“]\s*)(?:(?:the|its|their)\s+|[A-Z][\w-]*(?:'s|’s)"
                                 r"\s+)?(?P<phrase>(?:[a-z-]+\s+){0,3}[a-z-]+),\s*$")  # at a
# clause's start only: not "After talks with the economy minister, Helena Brask said"


def _role_before(text: str, pos: int) -> set[str]:
    """The words of a person's role in an appositive right before `pos`, the name ("Ardenvale's
    economy minister, Helena Brask" -> {"economy", "minister"}), as `_role_after` reads one
    after it: a headline's "minister says" is she."""
    m = _PERSON_ROLE_BEFORE.search(text[:pos])
    return _role_words(m.group("phrase"), ends=True) if m else set()


# what an organisation is called in a story ("the main contractor, Kalder Construction Group";
# "Kalder Construction Group, the firm renovating the stadium"), for "Contractor says" and
# "The company also told the Courier"
_ORG_ROLES = {"contractor", "company", "firm", "pollster", "insurer", "operator", "developer",
              "manufacturer", "carrier", "airline", "supplier", "broadcaster", "newspaper",
              "paper", "charity", "watchdog", "regulator", "consultancy", "consultant", "lender",
              "carmaker", "retailer", "builder", "subcontractor", "utility", "institute",
              "group"}  # ("the patients' group Harnby Maternity Voices ... The group says")
_BUSINESS = {"company", "firm"}  # any business: "the company" is the one the story names
# a group with a cause is no business ("Brennick Fire Action Group", not "Kalder Group")
_CAUSE_WORDS = {"action", "campaign", "residents", "residents'", "citizens", "citizens'",
                "protest", "pressure", "support", "advocacy", "friends", "parents", "victims",
                "families", "survivors", "neighbours", "neighbors"}
_NOT_BUSINESS = {"newspaper", "paper", "broadcaster", "charity", "watchdog", "regulator",
                 "institute", "pollster"}


BUSINESS_NAMES = {"group", "inc", "ltd", "corp", "corporation", "co", "company", "plc", "gmbh",
                   "holdings", "industries", "construction", "chemicals", "motors", "airlines",
                   "airways", "energy", "partners", "works", "advisers", "advisors", "seafoods",
                   "foods", "pharma", "pharmaceuticals", "logistics", "shipping", "mining",
                   "renewables", "petroleum", "resources", "technologies", "systems",
                   "solutions", "software", "labs", "capital", "investments", "ventures",
                   "enterprises", "acoustics", "engineering", "consulting", "consultants",
                   "associates", "ecology", "analytics", "telecom", "communications",
                   "ferries", "mutual", "insurance", "assurance", "transport", "buses",
                   "power", "electric", "utilities", "automotive", "aerospace",
                   "metals", "textiles", "media", "biologics", "biotech", "healthcare",
                   "plastics", "packaging", "electronics", "semiconductors", "aviation",
                   "minerals", "retail", "securities", "properties", "developments",
                   "builders", "contractors", "robotics", "machinery", "automation",
                   "breweries", "dairies", "motorworks", "infrastructure", "haulage"}
# (not "steel", "mills": surnames; not "services", "care": "Kestrian Fire Services", "Orsa
# Valley Primary Care" are no companies)


def _role_key(role: str) -> str:
    return "business" if role in _BUSINESS else role


_ROLE = r"(?:[a-z][\w'’-]*\s+){0,2}?(?P<role>" + "|".join(sorted(_ORG_ROLES)) + r")"
_ROLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts)\s+" + _ROLE + r"(?:,\s*(?:the\s+)?|\s+)$")
_ROLE_AFTER_ORG = re.compile(r"(?:\s*\([A-Z&]+\))?,\s*(?:the|a|an|[A-Z][\w-]+(?:'s|’s))\s+" + _ROLE
                             + r"\b(?![’'])")  # (not "Anna Berg, the company's lawyer")


# roles only a body has (not "a consultant", "the builder", "the developer": people too)
_BODY_ROLES = _ORG_ROLES - {"consultant", "builder", "contractor", "subcontractor", "developer",
                            "supplier", "paper", "carrier"}
# ...said of a name right after it, or of the name before it where nothing follows the role
# but a clause ("X, the company that runs the home"; not "X, a former company director")
_ROLE_ENDS = re.compile(r"\s*(?:[,.;:)]|$|\s(?:that|which|who|whose|\w+ing|\w+ed)\b)")


def _org_roles(sentence: str, start: int, end: int, body: bool = False) -> set[str]:
    """The role words a sentence gives the organisation named at start..end; with `body`,
    only roles a body alone has, said of a name after them or before them with only a clause
    after (`_BODY_ROLES`, `_ROLE_ENDS`)."""
    out = set()
    before = _ROLE_BEFORE.search(sentence[:start])
    if before and (not body or before.group("role") in _BODY_ROLES):
        out.add(before.group("role"))
    after = _ROLE_AFTER_ORG.match(sentence, end)
    if after and (not body or after.group("role") in _BODY_ROLES
                  and _ROLE_ENDS.match(sentence, after.end())):
        out.add(after.group("role"))
    return out


# bodies often listed in pairs ("the Liberal Democrats and Green Party"): two names, where the
# first is two words
_PARTY_HEADS = {"party", "parties", "alliance", "coalition", "front", "movement", "group",
                "league", "bloc"}


def _one_body_ahead(sentence: str, words: list[re.Match[str]], i: int) -> bool:
    """Do the capitalised words from words[i] end in an organisation's word that is no party's
    ("Rescue Service", not "Green Party")?"""
    k = i
    while k < len(words) and _is_cap(words[k].group(0)) and words[k].group(0) not in _STOP_CAPS:
        k += 1
    return k > i and words[k - 1].group(0).lower() not in _PARTY_HEADS


def _after_the(sentence: str, words: list[re.Match[str]], i: int) -> bool:
    """Is words[i] the first or second capitalised word after "the" ("the Maritime and ...",
    "the Kaldrian Fire and ..."), nothing but spaces between?"""
    for k in (i - 1, i - 2):
        if k < 0 or sentence[words[k].end():words[k + 1].start()].strip():
            return False
        if words[k].group(0).lower() == "the":
            return True
        if not _is_cap(words[k].group(0)) or words[k].group(0) in _STOP_CAPS:
            return False
    return False


def _org_name_ahead(sentence: str, words: list[re.Match[str]], i: int) -> bool:
    """Do capitalised words from words[i] on end in an organisation's word ("Energy Workers'
    Union"), with nothing but spaces between them?"""
    k = i
    while k < len(words) and _is_cap(words[k].group(0)) and words[k].group(0) not in _STOP_CAPS \
            and (k == i or not sentence[words[k - 1].end():words[k].start()].strip()):
        k += 1
    return k > i and words[k - 1].group(0).lower() in _ORG_WORDS


def _collect_names(doc: _Doc, sentence: str) -> None:
    """Register every titled or multi-word capitalised name in the sentence."""
    words = list(_WORD.finditer(sentence))
    i = 0
    while i < len(words):
        j = i
        run: list[str] = []
        while j < len(words):
            tok = words[j].group(0)
            if run and sentence[words[j - 1].end():words[j].start()].strip():
                break
            low = tok.lower()
            if (_is_cap(tok) and tok not in _STOP_CAPS) or (run and low in _TITLE_WORDS):
                run.append(tok)
                j += 1
                if tok.endswith(("’s", "'s")):
                    break  # "The Northern Waters Council's spokesperson": the owner's name
            elif run and low == "of" and j + 1 < len(words) and _is_cap(words[j + 1].group(0)):
                run.append(tok)
                j += 1
            elif run and low == "and" and _of_name_before(words, j) \
                    and _name_ends_within(sentence, words, j + 1, 2):
                run.append(tok)  # "Chamber of Commerce and Industry"
                j += 1
            elif run and low == "and" and not {t.lower() for t in run} & _ORG_WORDS \
                    and j >= 2 and _after_the(sentence, words, j - len(run)) \
                    and _org_name_ahead(sentence, words, j + 1) \
                    and (len(run) == 1 or _one_body_ahead(sentence, words, j + 1)):
                run.append(tok)  # "the Maritime and Energy Workers' Union", "the Kaldrian
                j += 1  # Fire and Rescue Service"
            elif run and low in ("for", "of") and j + 2 < len(words) \
                    and words[j + 1].group(0) == "the" and _is_cap(words[j + 2].group(0)) \
                    and run[-1].lower() in (_ORG_WORDS if low == "for" else set()) | _OF_AND_HEADS:
                run += [tok, "the"]  # "the Society for the Protection of Birds", "the Office
                j += 2  # of the Data Commissioner"
            else:
                break
        if len(run) >= 2 and _WHEN_WORD.fullmatch(run[0]) \
                and _WHEN_BEFORE.search(sentence[:words[i].start()]):
            run = run[1:]  # "Last Thursday Aubry had said": Aubry
        if run:
            run = [t[:-2] if t.endswith(("’s", "'s")) else t for t in run]
            if len(run) > 1 and run[-1].endswith(("s'", "s’")):
                run[-1] = run[-1][:-1]  # "Galeforth Renewables' wind farm" (not "Workers'
                # Union", where the apostrophe is inside the name)
            if run[-1].endswith(".") and run[-1].count(".") == 1 and \
                    run[-1].lower() not in _PERSON_TITLES:
                run[-1] = run[-1][:-1]  # "Grey Sound." at the end of a sentence
            title, name = _split_title(tuple(run))
            kind = _kind_of(title, name)
            roled = kind in ("person", "unknown") and name and not title \
                and bool(_org_roles(sentence, words[i].start(), words[j - 1].end(), body=True))
            if roled:  # "the patients' group Harnby Maternity Voices", "the national grid
                kind = "org"  # operator Velgrid": a body, whatever its name
            entity = None
            if roled:
                entity = doc.register(" ".join(name), "org", set())
            elif kind == "org" and not name and "of" not in run and all(
                    t.lower().rstrip(".") in _TITLE_WORDS | _ORG_WORDS for t in title):
                pass  # "Foreign Ministry": no name (but "Tarrow Energy", "Office of the ...")
            elif kind == "org" and any(t.lower() in _ORG_WORDS for t in name) or \
                    kind == "org" and ("of" in run or not name):  # "Institute of Opinion and
                # Social Research", "Tarrow Energy"
                entity = doc.register(" ".join(
                    t for i, t in enumerate(run) if (t.lower() not in _DETERMINERS or i and
                                                     run[i - 1] in ("for", "of"))  # "for the"
                    and not t.endswith(("’s", "'s"))), "org", set())
            elif len(name) >= 2 or (name and kind == "person"):
                entity = doc.register(" ".join(name), kind, {t.lower() for t in title})
            elif len(run) == 1:  # "Tarrow rejects that account": a business named so far by
                short = _short_name(doc, run[0])  # its first word is named again
                if short is not None and short not in doc.orgs_now:
                    doc.orgs_now.append(short)
            if entity is not None and entity.kind == "org":
                doc.last_org = entity
                doc.orgs_now.append(entity)
                roles = _org_roles(sentence, words[i].start(), words[j - 1].end())
                if roles - _NOT_BUSINESS or \
                        entity.name.split()[-1].lower().rstrip(".") in BUSINESS_NAMES \
                        and not {w.lower() for w in entity.name.split()} & _CAUSE_WORDS:
                    roles.add("company")  # "Kalder Construction Group", "Norvik Chemicals",
                    # "X, the firm renovating", "the main contractor, X": a business
                for role in roles:
                    entities = doc.org_roles.setdefault(_role_key(role), [])
                    if entity not in entities:
                        entities.append(entity)
            if entity is not None and entity.kind == "person":  # "Agnes Ruud, the
                entity.title_words |= _role_after(sentence, words[j - 1].end())  # institute's
                # director": {institute, director}; "the economy minister, Helena Brask"
                entity.title_words |= _role_before(sentence, words[i].start())
            acronym = _ACRONYM_AFTER.match(sentence, words[j - 1].end())
            if entity is not None and entity.kind != "person" and acronym:
                doc.aliases[acronym.group("a")] = entity  # not "Dr Anna Berg (WHO)"
        i = max(j, i + 1)


def _short_name(doc: _Doc, word: str) -> _Entity | None:
    """The one organisation named so far whose name begins with `word` ("Tarrow" for "Tarrow
    Energy"), where no other name so far begins or ends with it ("Mark Tarrow")."""
    found = {e.name: e for e in doc.entities if word in (e.name.split()[0], e.name.split()[-1])}
    if len(found) != 1:
        return None
    e = next(iter(found.values()))
    return e if e.kind == "org" and len(e.name.split()) > 1 and e.name.split()[0] == word \
        else None


def _named_by_words(doc: _Doc, words: list[str]) -> _Entity | None:
    """The one organisation whose longer name holds both words of a headline's "Bird
    society" ("the Lorvanian Society for the Protection of Birds"; plurals aside)."""
    want = {w.lower().rstrip("s") for w in words}
    found = {e.name: e for e in doc.entities if e.kind == "org" and len(e.name.split()) > 2
             and want <= {t.lower().rstrip("s") for t in e.name.split()}}
    return next(iter(found.values())) if len(found) == 1 else None


def _org_in_role(doc: _Doc, role: str) -> _Entity | None:
    """The organisation "the company", "the consultancy", "the contractor" is: the one named
    so far in that role ("Galeforth Renewables said ... the company said", though "Halvard
    Ecology" comes later), else the one the whole document names in it (none where it names
    several); among several named so far, the only one of them that the last sentence to name
    an organisation names (none after "X and Y met."). A role no one holds goes to a business
    whose name fits it (`_ROLE_FITS`: "Halvard Ecology" for a consultancy, "Kalder
    Construction Group" for a contractor; none for an operator): the one that sentence names
    ("the bird study it commissioned from Halvard Ecology. The consultancy estimates"), else
    the one of the whole document ("Contractor says" over a story that names one)."""
    def named_last(among: set[str]) -> _Entity | None:  # the only one of them the last
        found = {e.name: e for e in doc.orgs_last if e.name in among}  # sentence to name any
        return next(iter(found.values())) if len(found) == 1 else None  # organisation names

    seen = {e.name: e for e in doc.org_roles.get(_role_key(role), [])}
    last = doc.last_speaker
    near = {e.name for e in (*doc.orgs_last, *doc.orgs_now)}
    if role in _BUSINESS and last is not None and last.kind == "person" and last.name not in \
            seen and not seen.keys() & near and not last.title_words and not last.sex() \
            and len(last.name.split()) >= 2:
        return None  # "Silverbrook Care said ... The company said", where Velgrid was called
        # the grid operator paragraphs before: the last to speak, whom nothing calls a
        # person, may be it
    if len(seen) == 1:
        return next(iter(seen.values()))
    if seen:
        return named_last(set(seen))
    later = {e.name: e for e in (doc.ahead.org_roles.get(_role_key(role), [])
                                 if doc.ahead is not None else [])}
    if len(later) == 1:
        return next(iter(later.values()))
    if later:
        return None  # "The operator said" is no business the story names another part for
    public = _PUBLIC_FITS.get(role)
    if public:  # "The regulator said": the one body named for regulating ("Energy Regulation
        for d in (doc, doc.ahead):  # Office"), so far, else in the whole document
            found = {e.name: e for e in (d.entities if d is not None else [])
                     if e.kind == "org" and public & {w.lower() for w in e.name.split()}}
            if found:
                return next(iter(found.values())) if len(found) == 1 else None
        return None
    fits = _ROLE_FITS.get(role)
    if not fits:
        return None

    def fitting(d: _Doc | None) -> set[str]:
        return {e.name for e in (d.org_roles.get("business", []) if d is not None else [])
                if fits & {w.lower() for w in e.name.split()}}

    last = named_last(fitting(doc))
    if last is not None:
        return last
    every = fitting(doc.ahead)
    if len(every) == 1 and doc.ahead is not None:  # "Contractor says ..." over a story
        return doc.ahead.find(next(iter(every)))  # whose one builder is "Kalder Construction
    return None  # Group"


# the name words of a public body that may be called by a role no one is given in the story
_PUBLIC_FITS = dict.fromkeys(("regulator", "watchdog"), {
    "regulation", "regulatory", "regulator", "commissioner", "ombudsman", "supervisory"})
# the name words of a business that may be called by a role no one is given in the story
_ROLE_FITS = {
    **dict.fromkeys(("consultancy", "consultant"), {
        "consulting", "consultants", "consultancy", "advisers", "advisors", "ecology",
        "acoustics", "engineering", "analytics", "associates"}),
    **dict.fromkeys(("contractor", "builder", "subcontractor"), {
        "construction", "builders", "contractors", "works", "engineering"}),
    "airline": {"airlines", "airways", "air"},
    "insurer": {"insurance", "assurance", "mutual"},
    "carmaker": {"motors", "automotive"},
}


# "Investigators from the ...", "Researchers at the ...": people an organisation's name
# follows, who speak for it then and when the document calls them so again
_GROUP_OF = re.compile(r"\b(?P<who>[A-Za-z]+)\s+(?:from|at|of|with)\s+(?:the\s+)?$")
_GROUPS_OF_PEOPLE = {"investigators", "researchers", "inspectors", "officials", "scientists",
                     "engineers", "experts", "analysts", "auditors", "staff", "doctors"}
_ADJECTIVE = re.compile(r"^[a-z]+(?:ed|ent|ant|al|ous|ive|ic|ful|less|ible|able|ary)$")


def _titled_org(tokens: tuple[str, ...]) -> bool:
    """A business named with a word that also titles people ("Tarrow Energy", as "Energy
    Minister"): every word capitalised, two at least, an organisation's word at the end."""
    toks = [t for t in tokens if t.lower() not in _DETERMINERS]
    return len(toks) >= 2 and all(_is_cap(t) for t in toks) \
        and _kind_of(*_split_title(tuple(toks))) == "org"


def _one_org(doc: _Doc, fits: Callable[[list[str]], bool]) -> _Entity | None:
    """The one organisation the document names, so far or later, whose lower-case name words
    `fits`, registered as named here; None where none or several do."""
    found = {e.name: e for d in (doc, doc.ahead) if d is not None for e in d.entities
             if e.kind == "org" and fits(e.name.lower().split())}
    if len(found) != 1:
        return None
    return doc.register(next(iter(found)), "org", set())


def does(people: str, word: str) -> bool:
    """Is `word` (of an organisation's name) what `people` named by an -or noun do: "monitors"
    / "monitoring", "inspectors" / "inspectorate" or "inspection", "auditors" / "audit",
    "investigators" / "investigation"? Not "officers" / "Office", "journalists" / "Journal",
    "economists" / "Economy", "engineers" / "Engineering" (a business named for its trade)."""
    one = people[:-1] if people.endswith("s") else people
    if not one.endswith("or") or len(one) < 6:
        return False
    return word in (one + "ing", one + "ate", one[:-2], one[:-2] + "ion")


def _office_of(doc: _Doc, role: list[str]) -> _Entity | None:
    """The organisation the document names after a titled office: "Office of the Data
    Commissioner" for "the Data Commissioner"."""
    want = [t.lower() for t in role]
    return _one_org(doc, lambda words: len(words) > len(want) and words[-len(want):] == want
                    and words[-len(want) - 1] in ("of", "the"))


def _descriptor_label(tokens: list[str]) -> str:
    """ "Workers" at a sentence start and "workers" mid-sentence are one speaker."""
    out = list(tokens)
    low = out[0].lower() if out else ""
    proper = any(t[:1].isupper() for t in out[1:])  # "Ministry of Environment" keeps its case
    if out and not proper and (low in _ORG_WORDS or low in _DESCRIPTOR_MODS
                               or low in _TITLE_WORDS):
        out[0] = low
    return " ".join(out)


_SPOKES = {"spokesperson", "spokesman", "spokeswoman", "representative", "statement",
           "spokespeople"}


def _spokesperson_of(tokens: list[str]) -> _NP | None:
    """ "council's spokesperson" -> the NP "the council" (an unnamed voice of an organisation)."""
    if len(tokens) >= 2 and tokens[-1].lower() in _SPOKES:
        owner = tokens[:-1]
        while owner and owner[-1].lower() in (_DESCRIPTOR_MODS | {"chief", "senior"}) - _BODIES:
            owner = owner[:-1]
        if owner and owner[-1].endswith(("’s", "'s")):
            toks = ("the", *owner[:-1], owner[-1][:-2])
            return _NP(0, 0, " ".join(toks), toks)
        if len(owner) == 1 and owner[0].lower() in _BODIES:
            toks = ("the", owner[0])  # "a board spokesman said": the board's
            return _NP(0, 0, " ".join(toks), toks)
    return None


# bodies that have a spokesperson ("a board spokesman"; not "an energy spokesman", a party's
# voice on a policy, nor "a residents' spokesman")
_BODIES = _OF_AND_HEADS | {"police", "army", "navy", "party", "hospital", "company", "court",
                           "government", "council", "union", "university", "airline", "firm",
                           "club", "cooperative", "society", "military", "embassy"}


# what an organisation or a person issues, and "the statement said" later refers back to
_ISSUED_NOUN = r"(?P<what>statement|report|study|review|audit|inquiry|investigation|analysis)\b"
# "said in its preliminary statement", "said in a report" (not "a report by the UN")
_ISSUED = re.compile(r"\b(?:(?:its|their|his|her)\s+(?:[\w-]+\s+){0,2}?" + _ISSUED_NOUN
                     + r"(?!\s+(?:by|from)\b)|(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
                     + _ISSUED_NOUN.replace("?P<what>", "?P<what2>")
                     + r"(?!\s+(?:by|from|of)\b))", re.IGNORECASE)  # ("its review of the
# cuts" is its own; "a report of the inspection" may be anyone's)


def _resolve(doc: _Doc, np: _NP) -> tuple[str, _Entity | None]:
    """Canonical speaker name for a noun phrase, and the entity it denotes; the entity
    becomes the last speaker (and last person), so "she" later in the sentence finds it."""
    name, ent = _resolve_np(doc, np)
    if ent is not None:
        doc.last_speaker = ent
        if ent.kind == "person":
            doc.last_person = ent
        elif ent.kind == "org":
            doc.last_org = ent
    return name, ent


def _titled_ahead(doc: _Doc, role: str, more: set[str]) -> _Entity | None:
    """The one person the whole document gives this role (and one of `more` title words, if
    any), registered here: "The director of the Institute ... has defended the poll" before
    "said Agnes Ruud, the institute's director". Of several, none: the first named need not
    be the one who speaks ("negotiating with Finance Minister Ola Dahl ... Labour Minister
    Lena Holm said")."""
    named = [e for e in (doc.ahead.entities if doc.ahead else [])
             if e.kind == "person" and role in e.title_words
             and (not more or more & e.title_words)]
    if len(named) != 1:
        return None
    # by the full name the document gives her ("Governor Dossel" is "Katrin Dossel")
    full = doc.ahead.longer_name(named[0].name) if doc.ahead is not None \
        and len(named[0].name.split()) == 1 else None
    name = full.name if full is not None and full.kind == "person" else named[0].name
    return doc.register(name, "person", named[0].title_words)


def _resolve_np(doc: _Doc, np: _NP) -> tuple[str, _Entity | None]:
    bare = [t for t in np.tokens if t.lower() not in _DETERMINERS]
    if len(bare) == 1 and _ACRONYM.fullmatch(bare[0]):  # "(the) KVWA said": the organisation
        ent = doc.acronym(bare[0])  # it stands for
        if ent is not None:
            return ent.name, ent
    low = np.text.lower()
    if low == "it":  # "The fire service said ... It said six planes were deployed": the
        last = doc.last_speaker  # organisation that spoke last, where one did, and only as a
        if np.start == 0 and last is not None and last.kind == "org":  # sentence's subject
            return last.name, last  # (not "the attack it disclosed last week")
        return "it", None
    if low in _PRONOUNS:
        target = doc.last_person if _PRONOUNS[low] == "person" else doc.last_speaker
        want = {"she": "f", "he": "m"}.get(low, "")
        here = doc.subject_here
        if want and here is not None and here.sex() in ("", want):
            return here.name, here
        if target is None and doc.subject is not None and doc.subject.sex() in ("", want):
            target = doc.subject  # no one has spoken yet: "Teodor Brun has crossed ... for six
            # years, and he says ..."
        alt = doc.subject
        if want and target is not None and target.sex() not in ("", want) and alt is not None \
                and alt is not target and alt.sex() in ("", want):
            target = alt  # "Maslen told supporters at his ... Holtz refused to concede.
            # '...,' she said": not the last to speak, whom the document calls "he"
        return (target.name, target) if target else (np.text, None)
    title, name = _split_title(np.tokens)
    kind = _kind_of(title, name)
    clean = [t for i, t in enumerate(np.tokens) if t.lower() not in _DETERMINERS
             or i and np.tokens[i - 1] in ("for", "of")]  # "Society for the Protection of
    # Birds", "Office of the Data Commissioner"
    definite = np.tokens[0].lower() == "the"
    owner = _spokesperson_of(clean)
    if owner is not None:  # "the council's spokesperson said": the council says it
        return _resolve_np(doc, owner)
    if [t.lower() for t in clean] in (["city", "hall"], ["town", "hall"]):
        # "City Hall said": the city's government, named like "the city" (not "Hall")
        ent = doc.register(f"{clean[0].capitalize()} of {doc.city}" if doc.city else
                           f"{clean[0].capitalize()} Hall", "org", set())
        return ent.name, ent
    if definite and doc.city and len(clean) == 1 and clean[0].lower() in _CITY_HEADS:
        # "the city said": the city the story is about, where it names one ("City of Dravnik")
        ent = doc.register(f"{clean[0].capitalize()} of {doc.city}", "org", set())
        return ent.name, ent
    role = clean[-1].lower() if clean and (definite or len(clean) == 1) else ""
    if role in _ORG_ROLES and len(clean) <= 2:  # "The company also told", "Contractor says"
        found = _org_in_role(doc, role)
        if found is not None:
            ent = doc.register(found.name, "org", set())
            return ent.name, ent
    issuer = doc.issued.get(clean[0].lower()) if definite and len(clean) == 1 else None
    if issuer is not None:  # "..., the statement said" after "the IEMN said in its
        return issuer.name, issuer  # preliminary statement that ...": the IEMN's
    if not name and len(clean) == 1 and clean[0].lower() in doc.people_of:
        ent = doc.people_of[clean[0].lower()]  # "The investigators said", after
        return ent.name, ent  # "Investigators from the Kaldrian Fire and Rescue Service said"
    doing = clean[-1].lower() if 1 <= len(clean) <= 2 and (not name or len(clean) == 1 == len(
        name) and np.start == 0) else ""  # ("Monitors also reported": a sentence's capital)
    if _people(doing) or doing in _GROUPS_OF_PEOPLE:
        ent = _one_org(doc, lambda words: any(does(doing, w) for w in words))
        if ent is not None:  # "The inspectors said": the one organisation named for what they
            return ent.name, ent  # do ("National Health Inspectorate"; "international
            # monitors": "International Border Monitoring Mission")
    if len(clean) == 2 and clean[1].lower() in _GROUPS_OF_PEOPLE and _is_cap(clean[0]):
        ent = _one_org(doc, lambda words: clean[0].lower() in words[1:])  # "Fire officials
        if ent is not None:  # said": the one organisation named with "Fire" past its first
            return ent.name, ent  # word ("Kaldrian Fire and Rescue Service"); not a place's
            # ("Lundar officials") nor "hospital officials"
    if kind == "org" or (not name and clean and clean[-1].lower() in _ORG_HEADS):
        lead = 0  # "the opposition Dravnik Citizens' Movement", "the main contractor, Kalder
        while name and lead < len(clean) - 1 and not _is_cap(clean[lead]):  # Construction
            lead += 1  # Group": the name, not its description (not "director of the Institute")
        if "of" in clean[:lead]:
            lead = 0
        label = " ".join(clean[lead:]) if name else _descriptor_label(clean)
        of_name = len(title) < len(clean) and title and title[-1].lower() == "of"
        if name and not of_name and "of" not in clean \
                and not any(t.lower() in _ORG_WORDS for t in name):
            label = " ".join(name)  # "Environmental group Green Tide" -> "Green Tide"
        if definite or len(clean) == 1:
            mine = {_POSSESSIVE_S.sub("", t.lower()) for t in clean  # "the weather service"
                    if not _ADJECTIVE.search(t)}  # is no "Fire and Rescue Service"; "the
            # embattled union" is "Tarrow Workers Union"
            for e in reversed(doc.entities):
                if e.kind == "org" and mine <= set(e.name.lower().split()) and \
                        len(e.name.split()) > len(clean):
                    return e.name, e
        elif len(clean) == 2 and clean[1].islower() and doc.ahead is not None:
            holder = _named_by_words(doc.ahead, clean)  # "Bird society says" in a headline
            if holder is not None:
                ent = doc.register(holder.name, "org", set())
                return ent.name, ent
        return label, doc.register(label, "org", set())
    if not name:
        # A descriptor: "the top Russian diplomat" -> the last person sharing a title word.
        words = {t.lower().rstrip(".") for t in clean}
        if not definite and len(clean) == 1 and clean[0].lower() in _PERSON_ROLE_HEADS \
                and doc.last_person is None:  # "..., minister says" in a headline: the one
            ent = _titled_ahead(doc, clean[0].lower(), set())  # person the story calls that
            if ent is not None:  # ("Defence Minister Ilona Brask said")
                return ent.name, ent
        if definite and clean and clean[-1].lower() in _PERSON_ROLE_HEADS:
            people = [e for e in doc.entities if e.kind == "person"]
            for e in reversed(people):
                if words & e.title_words:
                    return e.name, e
            titled = all(_is_cap(t) for t in clean)  # "the Data Commissioner", "The Mayor"
            last = doc.last_person
            if last is not None and not titled:
                return last.name, last  # "the 52-year-old captain": the last person
            # "The director of the Institute ... has defended the poll", before "said Agnes
            # Ruud, the institute's director": the one person the document names by that role
            more = {_POSSESSIVE_S.sub("", w) for w in words} - _STOP - {clean[-1].lower()}
            ent = _titled_ahead(doc, clean[-1].lower(), more)  # ("the police chief" is no
            if ent is not None:  # fire service's chief)
                return ent.name, ent
            office = _office_of(doc, clean) if titled else None
            if office is not None:  # "a spokesman for the Data Commissioner", no commissioner
                return office.name, office  # named: the "Office of the Data Commissioner"
            # else no earlier speaker: "Jonas Berg, 54, said the water was brown. The Mayor
            # said it was safe" is no Jonas Berg
        label = _descriptor_label(clean)
        return label, doc.register(label, "unknown", set())
    full = " ".join(name)
    existing = doc.find(full)
    longer = doc.longer_name(full)
    if longer is None and existing is None and doc.ahead is not None:
        later = doc.ahead.longer_name(full)
        if later is not None:
            longer = doc.register(later.name, later.kind, later.title_words)
    if longer is not None and (existing is None or existing.kind != "person"
                               or len(longer.name) > len(full)):
        longer.title_words |= {t.lower() for t in title}
        return longer.name, longer
    ent = doc.register(full, kind, {t.lower() for t in title})
    return ent.name, ent


# --- sentence analysis -------------------------------------------------------------------------


def _quote_mask(sentence: str) -> list[bool]:
    """True for characters inside double quotation marks."""
    mask = [False] * len(sentence)
    inside = False
    for i, ch in enumerate(sentence):
        if ch in "“«":
            inside = True
        elif ch in "”»":
            mask[i] = inside
            inside = False
            continue
        elif ch == '"':
            mask[i] = True
            inside = not inside
            continue
        mask[i] = inside
    return mask


@dataclass
class _Hit:
    verb_start: int
    verb_end: int
    verb: str
    np: _NP | None  # None: inherited through coordination
    speaker: str
    entity: _Entity | None
    mode: str  # "speaker-first" | "content-first" | "inverted" | "according-prefix"
    wrapper_start: int  # where the "X said" wrapper starts (connector included)
    content_start: int = 0
    content_end: int = 0
    clause: bool = False  # said inside a relative clause (the sentence may go on after it)


_CONNECTOR_LEFT = re.compile(
    r"(?:,\s*|\s+)(?:after|as|while|when|before|because|since|and|but|whereas|although|"
    r"though|even as)\s*$|,\s*$|\s*[—–]\s*$"
)
_QUOTE_END_LEFT = re.compile(r"[,.?!…]?\s*[\"”»’']\s*,?\s*$|,\s*$|[?!]\s*$")


def _prefix_words(text: str) -> int:
    return len(re.findall(r"\w+", text))


_PRESS = (r"(?:reporters|journalists|the\s+press|lawmakers|legislators|parliament|MPs|"
          r"state\s+(?:radio|television|media)|radio|television|the\s+newspaper|the\s+paper)")


def _wrapper_start(sentence: str, subject: int) -> int:
    """Where a speaker-first "X said" wrapper starts, given where its subject starts: at a
    connector or comma before it ("..., and the union said"), else at the subject."""
    conn = _CONNECTOR_LEFT.search(sentence[:subject])
    return conn.start() if conn else subject


# a clause of its own ahead: a subject pronoun, or a determiner's noun and a finite verb
_CLAUSE_AHEAD = (r"(?=\s+(?:(?:he|she|it|they|we|I)\s+(?!said\b|says\b|told\b)|(?:the|its|his|"
                 r"her|their|this|no|all)\s+(?:[\w’'\-]+\s+){1,4}?(?:was|were|is|are|had|has|"
                 r"have|would|will|could|can|did|does|should|might|must|may)\b))")


def _skip_addressee(sentence: str, pos: int) -> int:
    """After "told": skip "reporters", "the Munich Security Conference", "Turkish journalists"."""
    # "told Valley Wire they had received", "told reporters he would": a name or the press
    # right before a subject pronoun (not "told the court what she had seen")
    m = re.match(r"\s*(?:(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}|" + _PRESS
                 + r")(?=\s+(?:he|she|it|they|we|I)\s+(?!said\b|says\b|told\b))",
                 sentence[pos:])
    if m:
        return pos + m.end()
    # "told councillors they would not", "told the committee he would", "told the court the
    # trawler had": one word (or "the" and one word) before a clause of its own
    m = re.match(r"\s*(?!(?:every|any|some|no)(?:one|body)\b)"  # "told everyone she met that"
                 r"(?:him|them|us|me|(?:(?:the|a|an|his|her|their|its)\s+)?[a-z][\w’'\-]*)"
                 + _CLAUSE_AHEAD + r"(?!\s+\S+(?:\s+\S+){0,3}\s+that\b)", sentence[pos:])
    if m:
        return pos + m.end()
    m = re.match(r"\s*(?:(?:the|a|an|his|her|their|its)\s+)?[\w’'\-]+(?:\s+[\w’'\-]+){0,4}?"
                 r"(?=\s*(?:that\b|,|:|$|[.;])|\s+(?:on|in|at|during|after|before|while|as|"
                 r"when|from|via|over|with|earlier|later|last|this|yesterday|today)\b)",
                 sentence[pos:])
    return pos + m.end() if m else pos


# what may follow the addressee before the content: a time ("on Monday"), then "that", a
# subject pronoun, or a colon or comma
_AFTER_ADDRESSEE = re.compile(
    r"(?:\s+(?:in|at)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?"  # "told reporters in Vessen"
    r"(?:\s+(?:" + _TIME + r"))?(?:(?=\s+(?:that|he|she|it|they|we|I)\b|\s*[:,])|"
    + _CLAUSE_AHEAD + ")")


def _content_after(sentence: str, pos: int, verb: str) -> int:
    """Where the content starts after a verb in a speaker-first clause."""
    skip = _SKIP_RIGHT.match(sentence[pos:])
    if skip:
        pos += skip.end()
    if verb in _ADDRESSEE_VERBS:
        after = _skip_addressee(sentence, pos)
        m = _AFTER_ADDRESSEE.match(sentence[after:])
        if m:  # "told reporters that", "told Valley Wire they had received", "told the
            pos = after + m.end()  # Lundar parliament on Monday that"
    m = re.match(r"\s*(?:in a statement|in a tweet|in an interview|on Twitter|on X|"
                 # "said in its preliminary statement that", "said on the second day of a
                 # public hearing in Selvik that": a phrase of where or when, then "that"
                 r"(?:in|on|at|during|after|before)\s+(?:(?!(?:was|were|is|are|had|has|"
                 r"have|been|would|will|least|most)\b)[A-Za-z’'-]+\s+){1,9}?"
                 r"(?=that\b(?!\s+(?:was|were|is|are|had|has|have|would|will)\b)))?"
                 r"(?:\s*,\s*(?:however|though|moreover|meanwhile|instead)\s*,(?=\s*that\b))?"
                 r"\s*,?\s*(?:that\b(?!\s+" + _ANSWERED_NOUN + r"\s*(?:,|$|[.;]))(?!\s*[,.;]))?"
                 r"\s*[:,]?\s*",
                 sentence[pos:], re.IGNORECASE)
    if m:
        pos += m.end()
    return pos


# characters an appositive may run to: a role with a clause of its own ("Felix Ortmann, a
# lawyer whose firm ... is organising a class action on behalf of Tarrow customers, said"),
# where the name opens a clause; anywhere, one this short ("Dr. Hanna Veltri, a lung
# specialist, said")
_ASIDE = 200
_SHORT_ASIDE = 90


def _appositive(sentence: str, end: int) -> _NP | None:
    """ "The harbourmaster, Mr. Edvard Lunde, said" / "Dr. Hanna Veltri, a lung specialist, said":
    the subject is whichever side of the appositive carries a name."""
    left = sentence[:end]
    m = re.search(r",\s*$", left)
    if not m:
        return None
    c2 = m.start()
    c1 = c2
    while True:  # the comma before, not one inside a figure ("about 2,300 signatures")
        c1 = left.rfind(",", 0, c1)
        if c1 < 1 or not (left[c1 - 1].isdigit() and left[c1 + 1:c1 + 2].isdigit()):
            break
    if c1 < 0 or c2 - c1 > _ASIDE or any(q in left[c1:c2] for q in _DOUBLE_QUOTES):
        return None
    age = re.search(r",\s*\d{1,3}\s*$", left[:c1 + 1].rstrip(","))
    if age:  # "Jonas Pell, 44, a dairy farmer, said": skip the age
        c1 = age.start()
    outer = _np_left(sentence, c1)
    inner = _np_right(sentence, c1 + 1)
    inner_whole = inner is not None and not sentence[inner.end:c2].strip(" .")
    named_inner = inner is not None and inner_whole and bool(_split_title(inner.tokens)[1])
    if outer is not None and not named_inner and left.rfind(",", 0, c1) >= 0 and re.search(
            r"\b(?:for|of|to|at|with|from)\s+$", sentence[:outer.start]):
        # "Elin Bakke, a spokeswoman for Mattias Orn, the third-placed candidate, said": the
        # name before the last appositive is inside an earlier one; the subject is before that
        return _appositive(sentence, c1 + 1)
    # "The mayor of Dravnik, Anneli Voss": the outer side is a role of someone or somewhere
    after_role = outer is not None and re.search(
        r"\b(?:for|of|to|at|with|from|in)\s+$", sentence[:outer.start]) is not None or \
        outer is not None and re.search(r"\b[a-z]+\s+(?:for|of|to|at|with|from)\s+",
                                        outer.text) is not None  # "Its coordinator in Vessen,
    # Paulo Renn, said": the name after a role somewhere
    if after_role and named_inner and inner is not None and outer is not None:
        return _NP(inner.start, inner.end, inner.text, inner.tokens, outer.start)  # "The
        # mayor of Dravnik, Anneli Voss, said": the name after the role, which leads
    if outer is not None and c2 - c1 > _SHORT_ASIDE and not _CLAUSE_OPENS.search(
            re.sub(r"\s[-–—]+\s*$", ",", sentence[:outer.start])):
        return None  # a long aside after an object ("Police arrested Tomas Veld, a teacher
        # who had organised the march and was released ..., said the union")
    if outer is not None and (_split_title(outer.tokens)[1] or _titled_org(outer.tokens)):
        return outer
    if inner is not None and inner_whole and _split_title(inner.tokens)[1]:
        # "The group's spokesman, Jonas Falk": the name, introduced with the outer title.
        title = outer.tokens if outer is not None else ()
        return _NP(inner.start, inner.end, inner.text, title + inner.tokens,
                   outer.start if outer is not None else -1)
    return None


# a wire story's dateline ("DRAVNIK, Vessland, March 3 (VNA) - ", "SELVIK, Lorvania - ",
# "KELLBROOK, Ardenne, May 10 -"), its city named; then a discourse word or a day
_DATELINE = re.compile(r"^(?:(?P<city>[A-Z][A-Z.’'-]+(?: [A-Z][A-Z.’'-]+){0,2}),[^.\n]{0,60}?"
                       r"(?:\s[-–—]|:)\s+)?(?:(?:But|And|Meanwhile|However|Yet|Also)\b,?\s*)?"
                       r"(?:(?:On|Earlier on|Late on|Early on|Later on)\s+\w+,\s*)?")

# A wire dateline: "KELLBROOK, Ardenne, May 10 - ", "PORT DUNMERE, Aug. 5 (Coastline Wire) - "
_WIRE_DATELINE = re.compile(  # capitalised words only before the dash (not "UNESCO, the UN
    # cultural agency, has listed ... - ", "NATO, which has 32 members - ")
    r"[A-Z][A-Z.’'-]{2,}(?: [A-Z][A-Z.’'-]+){0,2},(?:\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*,?)?"
    r"(?:\s+(?:" + MONTHS + r")\.?\s+\d{1,2})?"
    r"(?:\s+\([^)\n]{1,40}\))?\s+[-–—]+\s+")


_MESSAGE_BEFORE = re.compile(
    r"\b(?:issued|posted|published|sent|released|put\s+out|wrote)\s+(?:\w+\s+)?(?:a|an|the|its|"
    r"his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|message|letter|post|note|notice|release|"
    r"video|e-?mail|tweet|announcement)(?:\s+(?:on|late on|early on|this|last)\s+\w+)?\s*$")


def _participle(sentence: str, m: re.Match[str], doc: _Doc) -> _Hit | None:
    """ "The water board defended its handling, saying residents were warned": the main
    clause's subject says the participle's content; "The Evening Star quoted Ian Moor as
    saying ...": the one quoted says it."""
    quoted = _QUOTED_AS.search(sentence[:m.start()]) if m.group(0) == "saying" else None
    if quoted:
        who = _np_right(sentence, quoted.start("who"))
        if who is not None and who.end == quoted.end("who"):
            speaker, ent = _resolve(doc, who)
            outlet = _np_left(sentence, quoted.start())  # "..., and the Star quoted"
            return _Hit(quoted.start(), m.end(), "quoted as saying", who, speaker, ent,
                        "speaker-first", wrapper_start=_wrapper_start(
                            sentence, outlet.start if outlet else quoted.start()))
    passive = _WAS_QUOTED_AS.search(sentence[:m.start()]) if m.group(0) == "saying" else None
    if passive:
        who = _np_left(sentence, passive.start())
        if who is not None:
            speaker, ent = _resolve(doc, who)
            return _Hit(passive.start(), m.end(), "quoted as saying", who, speaker, ent,
                        "speaker-first", wrapper_start=_wrapper_start(sentence, who.first))
    if not re.search(r",\s*$", sentence[:m.start()]) and not (
            m.group(0) == "saying"
            and _MESSAGE_BEFORE.search(sentence, max(0, m.start() - 120), m.start())):
        return None  # ("posted a new message on Sunday saying": the message's sender says it)
    lead = _DATELINE.match(sentence)
    np = _np_right(sentence, lead.end() if lead else 0)
    apposed = re.match(r",\s(?![a-z]+(?:ed|ing)\b)(?![^,]*\b(?:and|or)\s+[A-Z])[^,]{1,80}?,"
                       r"\s+(?=[a-z])", sentence[np.end:]) if np else None  # not "based in
    # Bergen" (a participle: the main verb after it goes unread) nor "Kovar and Lund" (many)
    if np is not None and apposed:  # "Anneli Voss, the mayor of Dravnik, has denied ...,
        np = _appositive(sentence, np.end + apposed.end()) or np  # saying ..."
    elif np is None or np.start >= m.start() or not re.match(r"\s+[a-z]", sentence[np.end:]):
        return None  # "Transcript: Rosk on ..., warning shots": no clause, no speaker
    if np.start >= m.start():
        return None
    speaker, ent = _resolve(doc, np)
    return _Hit(m.start(), m.end(), m.group(0), np, speaker, ent, "speaker-first",
                wrapper_start=len(sentence[:m.start()].rstrip(" ,")))


# between a reporting verb and the subject of what it reports: "that", or nothing, after an
# aside ("said, however, that Kesmira had agreed only to a visit")
_EMBEDDING_GAP = re.compile(r"\s*(?:,\s*(?:however|though|also|too|moreover|meanwhile|instead|"
                            r"nevertheless|furthermore|in\s+fact|in\s+turn|separately|again)"
                            r"\s*,\s*)?(?:that\s*)?")


def _drop_embedded(sentence: str, hits: list[_Hit]) -> list[_Hit]:
    """ "He added that Marvessa had agreed to stop": Marvessa's "agreed" is part of what he
    said, not a claim of its own. A hit whose subject follows an earlier speaker-first verb
    with only "that" (or nothing) in between is embedded."""
    out: list[_Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.mode == "speaker-first" and h.np is not None and \
                h.mode == "speaker-first" and h.np.start >= prev.verb_end:
            between = sentence[prev.verb_end:h.np.start]
            skip = _SKIP_RIGHT.match(between)
            rest = between[skip.end():] if skip else between
            if _EMBEDDING_GAP.fullmatch(rest):
                continue
        out.append(h)
    return out


# "The Gazette's tally puts Maslen 2,870 votes ahead", "The IOSR poll, based on interviews
# with 14,200 voters, gave Holtz 49.1 percent", "A Varnholm Gazette review ... has found that",
# "An exit poll by the Institute of ... had put Holtz ahead": a count, poll or review states
# what its owner found; the owner speaks
_REPORT_NOUN = (r"(?:tally|count|poll|survey|review|figures|data|report|study|analysis|"
                r"estimate|audit|investigation|inquiry|projection|forecast|census)")
_REPORT_MODS = ("final", "official", "own", "latest", "new", "preliminary", "exit", "first",
                "second", "independent", "internal", "annual", "provisional", "full")
_REPORT_SUBJECT = re.compile(
    r"(?:^|(?<=[;:])\s*|,?\s++and\s+)"  # (possessive: not every way through a run of spaces)
    r"(?P<subject>(?:(?P<its>Its|Their)\s+|(?:The|A|An)\s+)?"
    r"(?:(?P<owner>(?:[\w-]+\s+){0,3}[\w-]+)(?:'s|’s)\s+|"  # "The electoral commission's"
    r"(?P<name>(?:[A-Z][\w&-]*\s+){1,4}))?"  # "A Varnholm Gazette", "The IOSR"
    r"(?:(?:" + "|".join(_REPORT_MODS) + r")\s+){0,2}" + _REPORT_NOUN + r")"
    # "An exit poll by the Institute of ...", "A Gazette review of the signed protocols from all
    # 1,032 polling stations ... has found"
    r"(?:\s+by\s+(?P<by>[^,;]{2,80}?)|\s+of\s+(?:[^,;\"“”]|(?<=\d),(?=\d)){2,120}?"
    # "An independent study commissioned by the board from Tidewater Acoustics": its author's
    r"|\s+(?:commissioned|ordered)\s+(?:by\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?\s+)?"
    r"from\s+(?P<source>[A-Z][^,;]{1,80}?))?"
    r"(?:\s*,(?:[^,\"“”]|(?<=\d),(?=\d)){1,100},)?"  # ", published on Tuesday,"
    r"\s+(?:(?:has|had|have)\s+)?(?P<verb>puts|put|gives|gave|given|shows|show|showed|shown|"
    r"found|finds|suggests|suggest|suggested|concluded|concludes|says|said)\b")


_WHEN = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                   r"February|March|April|May|June|July|August|September|October|November|"
                   r"December|year|week|month|today|yesterday|tonight|weekend|\d{4})\b",
                   re.IGNORECASE)
_PEOPLE_GROUPS = {"residents", "witnesses", "sources", "officials", "analysts", "experts",
                  "workers", "activists", "campaigners", "investigators", "prosecutors",
                  "doctors", "firefighters", "rebels", "opposition"}


def _named(doc: _Doc, word: str) -> bool:
    """Does the document (here or further on) name something `word`?"""
    return any(d is not None and (d.find(word) or d.longer_name(word))
               for d in (doc, doc.ahead))


def _report_owner(sentence: str, m: re.Match[str], doc: _Doc) -> tuple[str, _Entity | None]:
    """Who owns the count or poll of a `_REPORT_SUBJECT` match ("" where no one does)."""
    by = "by" if m.group("by") else "source"
    if m.group(by):  # the whole name, its acronym aside
        toks = tuple(t for t in re.sub(r"\s*\([^)]*\)", "", m.group(by)).split()
                     if t.lower() not in _DETERMINERS)
        if not toks:
            return "", None
        if not _is_cap(toks[0]):  # "a report by the mission": the body the story names so
            if len(toks) > 2 or not re.match(r"(?:the|its|their)\s", m.group(by), re.I):
                return "", None
            name, ent = _resolve_np(doc, _NP(m.start(by), m.end(by), m.group(by),
                                             tuple(m.group(by).split())))
            return (name, ent) if ent is not None and ent.kind == "org" else ("", None)
        if re.search(r"\(" + _ACRONYM_WORD + r"\)", m.group(by)):  # "the Centre for Social
            named = doc.register(" ".join(toks), "org", set())  # Surveys (CSS)": one name
            return named.name, named
        return _resolve(doc, _NP(m.start(by), m.end(by), " ".join(toks), toks))
    if m.group("its"):  # "Its final count": the organisation named last, before this sentence
        ent = doc.org_before
        if ent is None or ent.name.lower() in _PEOPLE_GROUPS:  # "Their survey": residents'?
            return "", None
        return ent.name, ent
    group = "owner" if m.group("owner") else "name" if m.group("name") else ""
    noun = m.group("subject").split()[-1].lower()
    if not group and m.group("subject").startswith("The") and noun in doc.issued:
        ent = doc.issued[noun]  # "The report found" after "the Office's final report"
        return ent.name, ent
    if not group or _WHEN.search(m.group(group)):
        return "", None  # "Tuesday's count", "Last year's census", "The January census"
    words = m.group(group).split()
    if group == "name" and (all(w.lower() in _REPORT_MODS for w in words) or (
            m.start(group) == 0 and len(words) == 1 and not _named(doc, words[0])
            and re.search(r"(?:ed|ing)$|^(?:Damning|Secret|Draft|Critical)$", words[0]))):
        return "", None  # the headlines "Final audit says", "Leaked audit says": no name
    if group == "name" and len(words) == 1 and not _ACRONYM.fullmatch(words[0]):
        known = doc.find(words[0]) or doc.longer_name(words[0])
        made = re.search(r"\b(?:poll|tally|survey|review|audit|analysis|study)$",
                         m.group("subject"))
        if known is not None and known.kind != "org" or known is None and not made:
            return "", None  # "The Varnholm data", "The Covid data": a place, a topic ("A
            # Reuters tally", "The Gallup poll": what an organisation makes)
    if group == "owner":
        words = ["the", *words]  # "the electoral commission": a descriptor to resolve
    np = _np_left(sentence, m.start(group) + len(m.group(group).rstrip()))
    if np is None:
        toks = tuple(words)
        np = _NP(m.start(group), m.start(group) + len(m.group(group).rstrip()), " ".join(toks),
                 toks)
    return _resolve(doc, np)


def looks_like_person(name: str) -> bool:
    """A person's name as a speaker label: two to four capitalised words, none an
    organisation's ("Pavel Anker"; not "Kellbrook General Hospital", "Velmora police", or a
    single word, which may be either: "Lavrov", "Russia")."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(_is_cap(w) for w in words) and not any(
        w.lower() in _ORG_WORDS or w.lower() in ("of", "and") for w in words)


def titled(text: str, name: str) -> bool:
    """Does `text` give `name` a person's title ("Mayor Edda Farrow", "Dr Anna Berg") or a
    role ("Anna Berg, the institute's director")?"""
    at = text.find(name)
    if at < 0:
        return False
    before = text[:at].split()[-1:]
    title = before[0].lower().rstrip(".") if before else ""
    if title in _PERSON_TITLES | _PERSON_ROLE_HEADS and title not in _COMPANY_ROLES:
        return True
    return bool(_role_after(text, at + len(name)))


_CLAUSE_VERBS = {"says", "said", "suggests", "suggest", "suggested", "concluded", "concludes"}


def report_lead(wrapper: str) -> str:
    """ "Its final count, published on Tuesday, gave" where the words before a claim's content
    (`wrapper`) end with a count or poll that states it; "" otherwise. Its content alone
    ("Maslen a lead of 3,968 votes") says little without it."""
    last = None
    for m in _REPORT_SUBJECT.finditer(wrapper):
        last = m
    if last is None or not re.fullmatch(r"\s*(?:that\s*)?", wrapper[last.end():]):
        return ""
    if wrapper[last.end():].strip() or last.group("verb") in _CLAUSE_VERBS:
        return ""  # "The report found that ...", "the review said ...": a whole statement
    return wrapper[last.start("subject"):last.end()]


def _report_hits(sentence: str, doc: _Doc, mask: list[bool]) -> list[_Hit]:
    out = []
    for m in _REPORT_SUBJECT.finditer(sentence):
        if mask[m.start("verb")]:
            continue
        after = sentence[m.end():m.end() + 80]
        if m.group("verb") in ("put", "puts") and not (
                re.match(r".{1,60}?\b(?:at|ahead|behind)\b", after) and FIGURE_HINT.search(after)
                or re.match(r"\s+(?:[A-Z][\w-]+\s+){1,3}(?:\w+ly\s+)?(?:ahead|behind)\b", after)):
            continue  # "put forward a plan at the meeting", "put the dispute behind it"; not
            # "put Holtz narrowly ahead"
        speaker, ent = _report_owner(sentence, m, doc)
        if not speaker:
            continue
        if ent is not None:
            doc.issued[m.group("subject").split()[-1].lower()] = ent
        subject = m.start("subject")
        np = _NP(subject, m.end("subject"), m.group("subject"), tuple(m.group("subject").split()))
        out.append(_Hit(m.start("verb"), m.end("verb"), m.group("verb"), np, speaker, ent,
                        "speaker-first", _wrapper_start(sentence, subject)))
    return out


# "the Independent Election Monitoring Network (IEMN), which said ...", "The commission, which
# denied hiding anything, has published ...": the one the relative clause is about says it
_RELATIVE = re.compile(r",\s*(?:which|who)\s*$")
_INTERRUPTING = re.compile(r",\s*(?:which|who)\b(?:[^,;:\"“”]|(?<=\d),(?=\d)|"
                           r",(?=[^,;:\"“”]{1,40}?\s(?:and|or)\s[^,;:\"“”]{1,80}?,\s*$)"
                           r"){1,200},\s*$")  # (a list inside: "which employs most of the
# contract cleaners, fitters and warehouse staff at the site,")
# not "the doctor, who asked not to be named, said", "the union, which called a strike": what a
# relative clause with these verbs says is no claim
_NOT_IN_RELATIVE = {"asked", "asks", "wondered", "questioned", "urged", "urges", "demanded",
                    "demands", "called", "agreed", "agrees", "promised", "promises", "pledged",
                    "pledges", "vowed", "vows", "put", "puts", "reported", "wrote", "writes",
                    "recalled", "described", "describes", "criticised", "criticized",
                    "criticises", "criticizes", "threatened", "threatens", "ruled", "rules"}


def _relative_hit(sentence: str, m: re.Match[str], relative: re.Match[str],
                  doc: _Doc) -> _Hit | None:
    end = relative.start()
    if m.group(0) in _NOT_IN_RELATIVE or re.match(r"\s+(?:not\s+)?to\s", sentence[m.end():]):
        return None  # "who declined to be named", "which asked not to be identified"
    acronym = _ACRONYM_BEFORE.search(sentence[:end])
    np = _np_left(sentence, acronym.start() if acronym else end)
    if np is None:
        return None
    speaker, ent = _resolve(doc, np)
    return _Hit(m.start(), m.end(), m.group(0), np, speaker, ent, "speaker-first", end,
                clause=True)


_FIGURES_FROM = re.compile(r"\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?" + _REPORT_NOUN
                           # "a preliminary report published on Wednesday by the Office"
                           + r"(?:\s+(?:published|released|issued)(?:\s+[\w-]+){0,3}?)?"
                           + r"\s+(?:from|by|of)\s+")
# "according to a copy released by Aldravia's defence ministry", "according to records from
# the port authority": who released them (not "a copy seen by the Herald")
_COPY_FROM = re.compile(r"\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:copy|log|documents?|records)"
                        r"\s+(?:(?:released|published|issued|provided|supplied|shared)\s+"
                        r"(?:on\s+\w+\s+)?by|from|by)\s+")
_OWNED_FIGURES = re.compile(r"\s+(?:the\s+)?(?P<owner>(?:[\w-]+\s+){0,3}?[\w-]+)(?:'s|’s)\s+"
                            r"(?:[\w-]+\s+)?" + _REPORT_NOUN + r"\b")


# "By the union's count, ...", "By her account, ...", "By the office's reckoning, ...": whose
# the claim is, said before it
_BY_ACCOUNT = re.compile(r"^\W*(?:(?:But|And|Yet)\s+)?(?P<by>[Bb]y)\s+(?:the\s+)?"
                         r"(?P<owner>(?:[\w-]+\s+){0,3}?[\w-]+?(?=(?:'s|’s)\s)|his|her|their)"
                         r"(?:'s|’s)?\s+(?:own\s+)?(?:count|account|reckoning|estimate|tally|"
                         r"calculations?|figures|measure)\s*,")
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}


# a relative clause between a subject and its verb, no commas: "The group that runs the shelter
# said", "A man who lives near the port said" (not "the report that the ministry published")
_RESTRICTIVE = re.compile(r"\s+(?:(?:that|who|which)\s+(?!(?:the|a|an|it|he|she|they|we|i|you|"
                          r"this|these|those|its|their|his|her|our)\b)[a-z]+\b|(?!(?:during|"
                          r"including|according|following|regarding|concerning|being|nothing|"
                          r"something|anything|everything|morning|evening)\b)[a-z]{2,}ing\s+"
                          r"(?!(?:" + "|".join(sorted(_PERSON_ROLE_HEADS | _ORG_HEADS | {
                              "staff", "chief", "head", "officer", "officers"})) + r")\b))"
                          r"[^,;:\"“”()]{0,80}$")  # a participle and what follows it ("The union
# representing nurses says"), not a noun before a role ("The EU fishing commissioner said")
# an outlet's own reporting: "Our reporters found that", "our analysis found", "our review
# said" (with a reporting verb)
_OUR_OWN = re.compile(r"\b[Oo]ur\s+(?:own\s+)?(?:reporters|journalists|correspondents|review|"
                      r"analysis|investigation|reporting|staff)\s*$")
# the subject's own verb and what it did, no clause or quotation of its own: "accepted the
# 14-kilometre figure", "arrested two men on Monday"
_OWN_VERB = re.compile(r"(?P<of>\s+(?:of|from|at)\s+(?:the\s+)?[\w'’&-]+(?:\s+[\w'’&-]+){0,5}?)?"
                       r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b[^,;:\"“”()]{0,80}$")  # (after a
# name, whom they speak for: "Sofia Reinholt of the metalworkers' union welcomed the offer
# but"; not "Most of the workers accepted the offer but")
# set off by a comma (", hours after the Commission finished counting and said"), not "said
# the dam was safe after the police arrived and added ...": that is still her "and added"
_CLAUSE_VERB = re.compile(r"(?:\s*\([A-Z&]+\))?\s+(?:\w+\s+){0,2}?\w+(?:ed|s)(?:\s+\w+){0,3}")
_SUBORDINATE = re.compile(r",\s*(?:[\w-]+\s+){0,2}?(?:after|before|when|while|as|because|"
                          r"since|until)\s+")


def _find_hits(sentence: str, doc: _Doc) -> list[_Hit]:
    mask = _quote_mask(sentence)
    hits: list[_Hit] = []
    # "according to X"
    for m in _ACCORDING_RE.finditer(sentence):
        if mask[m.start()]:
            continue
        owned = _OWNED_FIGURES.match(sentence, m.end())
        source = _FIGURES_FROM.match(sentence, m.end()) or _COPY_FROM.match(sentence, m.end())
        np: _NP | None
        if owned and _WHEN.search(owned.group("owner")):
            continue  # "according to last year's figures": no one's
        if owned:  # "according to the commission's figures": the commission
            toks = tuple(owned.group("owner").split())
            if not _is_cap(toks[0]):
                toks = ("the", *toks)
            np = _NP(owned.start("owner"), owned.end("owner"), " ".join(toks), toks)
        elif source:  # "according to figures from the Red Cross"
            np = _np_right(sentence, source.end())
        else:
            anon = _UNNAMED_SOURCES.match(sentence, m.end())
            np = _NP(anon.start("who"), anon.end("who"), anon.group("who"), tuple(
                anon.group("who").split())) if anon else _np_right(sentence, m.end())
        if np is None:
            continue
        rest = sentence[np.end:]
        src = re.match(r"\s+(?:from|by|of)\s+", rest)
        if np.tokens[-1].lower() in ("statement", "report", "tally", "count", "figures",
                                     "estimate", "estimates", "data") and src:
            np2 = _np_right(sentence, np.end + src.end())
            if np2 is not None:
                np = np2
        speaker, ent = _resolve(doc, np)
        before = sentence[:m.start()]
        prefix_only = not re.search(r"\w", re.sub(r"^\W*(?:But|And|Meanwhile|However|Yet)\b",
                                                   "", before))
        mode = "according-prefix" if prefix_only else "content-first"
        hits.append(_Hit(m.start(), m.end(), "according to", np, speaker, ent, mode,
                         wrapper_start=m.start() if prefix_only else
                         len(before.rstrip(" ,")), content_start=0, content_end=np.end))
    by = _BY_ACCOUNT.match(sentence)
    if by is not None and not hits:  # "By the union's count, the ship had not had ..."
        owner = by.group("owner")
        toks = tuple(owner.split())
        if toks[0].lower() in _POSSESSIVE_PRONOUNS:
            toks = (_POSSESSIVE_PRONOUNS[toks[0].lower()],)
        elif not _is_cap(toks[0]):
            toks = ("the", *toks)
        np = _NP(by.start("owner"), by.end("owner"), " ".join(toks), toks)
        speaker, ent = _resolve(doc, np)
        if ent is not None or toks[0] not in ("he", "she", "they"):
            hits.append(_Hit(by.start("by"), by.end("by"), "according to", np, speaker, ent,
                             "according-prefix", wrapper_start=by.start("by"),
                             content_start=0, content_end=by.end()))
    reports = _report_hits(sentence, doc, mask)
    hits.extend(reports)
    for m in _VERB_RE.finditer(sentence):
        if mask[m.start()] or any(r.verb_start == m.start() for r in reports):
            continue
        verb = m.group(0)
        only = _ONLY_WHEN.get(verb)
        if only is not None and not only.match(sentence, m.end()):
            continue  # "put pressure on", "police ruled out arson": no claim
        if verb in _FINDS and not (doc.outlet and _OUR_OWN.search(
                _SKIP_LEFT.sub("", sentence[:m.start()]))):
            continue
        left = sentence[:m.start()]
        if verb in _PARTICIPLES:
            hit = _participle(sentence, m, doc)
            if hit is not None:
                hits.append(hit)
            continue
        skip = _SKIP_LEFT.search(left)
        subj_end = skip.start() if skip else len(left)
        relative = _RELATIVE.search(left[:subj_end])
        if relative:
            hit = _relative_hit(sentence, m, relative, doc)
            if hit is not None:
                hits.append(hit)
            continue
        restrictive = _RESTRICTIVE.search(left[:subj_end])
        if restrictive and (mask[restrictive.start()] or _VERB_RE.search(restrictive.group(0))):
            restrictive = None  # a clause with a reporting verb of its own ("Residents living
            # near the plant say the company admitted")
        if restrictive:
            sub = _np_left(sentence, restrictive.start())  # "The residents' association that
            group = _GROUP_OF.search(sentence[:sub.start]) if sub is not None else None
            if sub is not None and _OF_WHOM.search(sentence[:sub.start]) and not (
                    group and group.group("who").lower() in _GROUPS_OF_PEOPLE):
                sub = None  # "A lawyer for the man facing charges said": not the man; but
                # "Researchers at Merrow University who mapped the burn scar said": theirs
            if sub is not None and _only_people(sub.tokens[-1]) and not _CLAUSE_OPENS.search(
                    sentence[:sub.start]):
                sub = None  # people who open no clause are an object ("Police confronted
                # protesters who threw stones and said"), not the subject
            if sub is not None and (_is_cap(sub.tokens[-1]) or sub.tokens[-1].lower()  # represents
                                    in _ORG_HEADS | _PERSON_ROLE_HEADS  # neighbours ... says"
                                    or _people(sub.tokens[-1].lower())):
                speaker, ent = _resolve(doc, sub)
                hits.append(_Hit(m.start(), m.end(), verb, sub, speaker, ent, "speaker-first",
                                 _wrapper_start(sentence, sub.first)))
                continue
        own = _OUR_OWN.search(left[:subj_end]) if doc.outlet else None
        if own and not mask[own.start()]:  # "Our reporters also found that": the outlet
            ent = doc.register(doc.outlet, "org", set())
            np = _NP(own.start(), own.end(), own.group(0).strip(), tuple(own.group(0).split()))
            hits.append(_Hit(m.start(), m.end(), verb, np, ent.name, ent, "speaker-first",
                             _wrapper_start(sentence, own.start())))
            continue
        acronym = _ACRONYM_BEFORE.search(left[:subj_end])  # "the Authority (KVWA) said"
        if acronym:
            subj_end = acronym.start()
        np = _np_left(sentence, subj_end + (1 if sentence[subj_end:subj_end + 1] == " " else 0)) \
            if subj_end > 0 else None
        if np is None and subj_end > 0:
            np = _np_left(sentence, subj_end)
        if np is not None and np.tokens[-1].lower() in ("and", "but"):
            np = None
        if np is None and subj_end > 0:
            np = _appositive(sentence, subj_end)
        if skip and sentence[subj_end:m.start()].lstrip().startswith(","):
            # "Anneli Voss, the mayor of Dravnik, has denied": the comma before "has" closes
            # an appositive (not "Dravnik, has")
            comma = sentence.index(",", subj_end)
            opened = max((c.start() for c in _CLAUSE_COMMA.finditer(sentence, 0, comma)),
                         default=-1)
            relative = _INTERRUPTING.search(sentence, 0, comma + 1)
            if relative:  # "The union, which represents 4,000 drivers, has said"
                np = _np_left(sentence, relative.start()) or np
            elif opened > 0:
                np = _appositive(sentence, comma + 1) or np
        if np is None and subj_end > 0:  # "The doctor, who asked not to be named, said"
            inter = _INTERRUPTING.search(left[:subj_end])
            if inter:
                np = _appositive(sentence, inter.start() + 1) or _np_left(sentence,
                                                                          inter.start())
                # "Rutger Vann, Heskline's chief executive, who was heckled ..., told"
        if np is not None and verb in _NOUNISH and np.tokens[0].lower() in _DETERMINERS \
                and np.tokens[-1].lower() not in _ORG_HEADS | _PERSON_ROLE_HEADS:
            np = None
        if np is not None and verb in _NOUNISH and _REJECTED_AS.search(sentence, 0, np.start):
            np = None  # "dismissed as "fiction" Aldravian claims that ...": what is dismissed
        if verb in _ESTIMATE_NOUNS and not _ESTIMATE_AHEAD.match(sentence, m.end()):
            np = None  # "Many projects were delayed", "Early forecasts put ...": nouns
        if np is not None:
            speaker, ent = _resolve(doc, np)
            lead = np.first  # "and its chief executive, Marten Haskell, says"
            owner = re.search(r"\b(?:its|his|her|their|our|my)\s+$", sentence[:lead],
                              re.IGNORECASE)
            if owner:
                lead = owner.start()
            before_np = sentence[:lead]
            after = sentence[m.end():]
            quoted_before = bool(re.search(r"[\"”»]\s*,?\s*$|[,.?!]\s*[\"”»]\s*$", before_np))
            comma_before = bool(re.search(r",\s*$|[—–]\s*$", before_np))
            tail_pos = m.end()
            if verb in _ADDRESSEE_VERBS:
                tail_pos = _skip_addressee(sentence, m.end())
            tail = sentence[tail_pos:]
            has_that = bool(re.match(r"\s*+(?:(?:" + _TIME + r")\s*+)?,?\s*+that\b", after))
            # (possessive: a long run of spaces is not tried every way)
            is_tail = bool(_TAIL_RE.match(tail)) and not has_that
            if quoted_before and not has_that:
                mode = "content-first"
            elif comma_before and is_tail and _prefix_words(before_np) >= 3:
                mode = "content-first"
            else:
                mode = "speaker-first"
            wrapper = _wrapper_start(sentence, lead) if mode == "speaker-first" else lead
            if mode == "content-first":
                wrapper = len(before_np.rstrip(" ,—–"))
            hits.append(_Hit(m.start(), m.end(), verb, np, speaker, ent, mode, wrapper))
            continue
        # coordination: "Erdogan dismissed this claim and said ..."
        coord = re.search(r"(?:,\s*|\s+)(?:and|but)\s+(?:(?:" + "|".join(_AUX) + r")\s+)?$", left)
        if coord and hits and hits[-1].verb_end <= coord.start() and \
                hits[-1].mode == "speaker-first":
            prev = hits[-1]
            speaker, ent = prev.speaker, prev.entity
            # "Holtz declared herself the winner, hours after the Commission (KREC) finished
            # counting and said ...": the subject of the clause the verb ends says it
            clauses = list(_SUBORDINATE.finditer(sentence, prev.verb_end, coord.start()))
            sub = _np_right(sentence, clauses[-1].end()) if clauses else None
            # its subject, then its verb, straight into "and said" (no comma between)
            if sub is not None and not mask[sub.start] and sentence[coord.start()] != "," \
                    and _CLAUSE_VERB.fullmatch(sentence[sub.end:coord.start()]) \
                    and not _POSSESSIVE_S.search(sub.text):
                speaker, ent = _resolve(doc, sub)
            hits.append(_Hit(m.start(), m.end(), verb, None, speaker, ent,
                             "speaker-first", coord.start()))
            continue
        if coord and not hits:  # "Galeforth accepted the figure but said ...": the subject
            dateline = _DATELINE.match(sentence)  # of the clause before says it
            sub = _np_right(sentence, dateline.end() if dateline else 0)
            own = _OWN_VERB.match(sentence[sub.end:coord.start()]) if sub is not None else None
            if sub is not None and not mask[sub.start] and own is not None and (
                    not own.group("of") or len(_split_title(sub.tokens)[1]) >= 2):
                speaker, ent = _resolve(doc, sub)
                hits.append(_Hit(m.start(), m.end(), verb, sub, speaker, ent,
                                 "speaker-first", _wrapper_start(sentence, sub.first)))
                continue
        # inversion: '"...," said Lavrov.' (only before the end or a tail: not "said residents had")
        if verb in _INVERTING and _QUOTE_END_LEFT.search(left) and left.strip():
            np = _np_right(sentence, m.end())
            if np is not None and _TAIL_RE.match(sentence[np.end:]):
                speaker, ent = _resolve(doc, np)
                hits.append(_Hit(m.start(), m.end(), verb, np, speaker, ent, "inverted",
                                 len(left.rstrip(" ,"))))
    hits = _drop_embedded(sentence, sorted(hits, key=lambda h: h.verb_start))
    if any(h.verb not in _PARTICIPLES for h in hits):
        # "He claimed that ..., warning that ...": the participle belongs to the clause; but
        # in "She rejected that account, saying the alert came at 2:50" the clause only
        # answers someone, and what follows "saying" is her own claim.
        hits = [h for i, h in enumerate(hits) if h.verb not in _PARTICIPLES or (
            i > 0 and hits[i - 1].mode == "speaker-first" and (_ANSWER_THEN.fullmatch(
                sentence[hits[i - 1].verb_end:h.wrapper_start + 1])
                or h.verb in _FURTHER_SAYING and h.speaker == hits[i - 1].speaker
                and not _NOT_SAYING.match(sentence[h.verb_end:])))]
    hits.sort(key=lambda h: h.verb_start)
    return hits


_LEADING_DISCOURSE = re.compile(
    r"^(?:(?:But|And|Meanwhile|However|Yet|So|Still|Also)\b,?\s*)+")


_DANGLING = re.compile(r",\s+(?:which|who|whom)\s*$|,\s+(?:a|an)\s+(?:figure|claim|number|"
                       r"estimate|account|charge|allegation|version)\s*$")  # "..., a figure [the
# board disputes]": another's claim about it begins


_WITHOUT_DOING = re.compile(r",\s+without\s+(?:giving|saying|naming|providing|offering|"
                            r"citing|explaining|elaborating|specifying)\b")


def _trim_span(sentence: str, s: int, e: int) -> tuple[int, int]:
    """Trim spaces, trailing punctuation and quotation marks that wrap the whole content."""
    while s < e and (sentence[s].isspace() or sentence[s] in ",:;—–"):
        s += 1
    while e > s and (sentence[e - 1].isspace() or sentence[e - 1] in ",.;:—–"):
        e -= 1
    dangling = _DANGLING.search(sentence, s, e)  # "a copy of the alert, which [she said ...]"
    if dangling and dangling.start() > s:
        e = dangling.start()
    aside = _WITHOUT_DOING.search(sentence, s, e)  # "..., without giving an amount": the
    if aside and aside.start() > s:  # writer's, not the speaker's
        e = aside.start()
    for _ in range(2):
        inner = sentence[s:e]
        if len(inner) >= 2 and inner[0] in _OPEN_QUOTES and inner[-1] in _DOUBLE_QUOTES \
                and not any(c in _DOUBLE_QUOTES for c in inner[1:-1]):
            s, e = s + 1, e - 1
        elif len(inner) >= 2 and inner[0] in _OPEN_QUOTES and inner[-2] in ",.?!" and \
                inner[-1] in _DOUBLE_QUOTES and not any(c in _DOUBLE_QUOTES for c in inner[1:-1]):
            s, e = s + 1, e - 2
        while e > s and (sentence[e - 1].isspace() or sentence[e - 1] in ",;:—–"):
            e -= 1
    return s, e


_CLAUSE_COMMA = re.compile(r"(?<!\d),|,(?!\d)")  # not the comma inside "4,000"


# after a relative clause the sentence goes on with its own verb ("The union, which says ...,
# will meet", "..., which said ..., arrived on Monday"); not "missing, damaged or destroyed"
_GOES_ON = re.compile(r",\s*(?:has|have|had|was|were|is|are|will|would|did|does|can|could|also|"
                      r"both|then|\w+ed)\b(?!\s+(?:or|and)\b)")


def _clause_end(sentence: str, start: int) -> int | None:
    """Where a relative clause from `start` ends: the first comma outside quotation marks and
    numbers that the sentence goes on after with a verb."""
    mask = _quote_mask(sentence)
    for c in _CLAUSE_COMMA.finditer(sentence, start):
        if not mask[c.start()] and _GOES_ON.match(sentence, c.start()):
            return c.start()
    return None


# a comma, then a lower-case word or two right before the next report's speaker ("twelve
# dead, lorry firm denies"): not a list's last items ("costly, slow and")
_NEXT_SUBJECT_LEAD = re.compile(r",\s*(?:(?!(?:and|or|but|then|nor|so|yet)\b)[a-z][\w’'-]*\s+)"
                                r"{1,2}$")


def _assign_content(sentence: str, hits: list[_Hit]) -> None:
    for i, h in enumerate(hits):
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        prev = hits[i - 1] if i > 0 else None
        if h.mode == "speaker-first":
            start = _content_after(sentence, h.verb_end, h.verb)
            end = nxt.wrapper_start if nxt and nxt.wrapper_start > start else len(sentence)
            if nxt and nxt.mode == "content-first" and nxt.wrapper_start <= start:
                end = len(sentence)
            stop = _clause_end(sentence, start) if h.clause else None
            if stop is not None and stop < end:  # "which denied hiding anything, has published"
                end = stop
            elif nxt and end == nxt.wrapper_start:  # "governor says twelve dead, lorry firm
                lead = _NEXT_SUBJECT_LEAD.search(sentence, start, end)  # denies ...": the
                if lead:  # words after the comma begin the next speaker's name
                    end = lead.start()
        elif h.mode == "according-prefix":
            np_end = h.np.end if h.np else h.verb_end
            appos = re.match(r",\s*(?:a|an|the)\s[^,\"“”]{1,80}(?=,)", sentence[np_end:])
            if appos:  # "According to Dr. Brandt, a hydrologist at ..., the board ..."
                np_end += appos.end()
            comma = sentence.find(",", np_end)
            start = comma + 1 if comma >= 0 else np_end
            end = nxt.wrapper_start if nxt and nxt.wrapper_start > start else len(sentence)
        else:  # content-first and inverted: the content precedes the wrapper
            start = 0
            if prev is not None and prev.mode in ("content-first", "inverted"):
                start = prev.content_end
            lead = _LEADING_DISCOURSE.match(sentence[start:])
            if lead:
                start += lead.end()
            end = h.wrapper_start
        h.content_start, h.content_end = _trim_span(sentence, start, end)


def _is_bare_quote(sentence: str) -> bool:
    s = sentence.strip()
    return (len(s) >= 2 and s[0] in _OPEN_QUOTES and s.rstrip(".")[-1:] in _DOUBLE_QUOTES
            and sum(c in _DOUBLE_QUOTES for c in s) == 2) or (
        len(s) >= 2 and s[0] in _OPEN_QUOTES and s[-1] in _DOUBLE_QUOTES)


TURN = re.compile(r"^([A-Z][A-Z.'’ -]{1,60}[A-Z.]):\s+")  # "ROSK: ", a transcript turn's label


# Where a document says which city it is about: its dateline (`_DATELINE`), "the mayor of
# Dravnik", "the city of Dravnik", "Dravnik's city council", "Dravnik City Hall"
_CITY_NAMED = re.compile(
    r"\b(?:[Mm]ayor|[Cc]ity|[Tt]own|[Mm]unicipality)\s+of\s+(?P<b>[A-Z][a-z-]+"
    r"(?: [A-Z][a-z-]+(?! [A-Z]))?)\b|\b(?P<c>[A-Z][a-z-]+)(?:'s|’s)?\s+(?:[Cc]ity|[Tt]own)\s+"
    r"(?:[Cc]ouncil|[Hh]all)\b")
_NOT_PLACES = {w.lower() for w in _STOP_CAPS} | {
    "the", "a", "an", "new", "our", "your", "my", "his", "her", "their", "its", "every",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "last", "next", "this", "that"}


def _the_city(sentences: list[Sentence]) -> str:
    """The one city the document names ("Dravnik"), else ""."""
    found = set()
    for s in sentences:
        m = _DATELINE.match(s.text)
        if m and m.group("city"):
            found.add(m.group("city").title())  # "DRAVNIK, Vessland, March 3 (VNA) -"
        for m in _CITY_NAMED.finditer(s.text):
            name = m.group("b") or m.group("c")
            if name.split()[0].lower() not in _NOT_PLACES:  # not "Tuesday's city council"
                found.add(name)
    return found.pop() if len(found) == 1 else ""


class Attributor:
    """Attributes the sentences of one document, in order (it keeps who spoke last)."""

    def __init__(self, sentences: list[Sentence] | None = None, outlet: str | None = None
                 ) -> None:
        self._doc = _Doc(outlet=outlet_name(outlet))
        self._prev: list[Attribution] = []
        self._prev_paragraph = -1
        self._turn: tuple[str, str] | None = None  # transcript: (speaker, label) of this turn
        self._transcript = False
        if sentences:
            ahead = _Doc()
            for s in sentences:
                _collect_names(ahead, s.text)
            self._doc.ahead = ahead
            self._transcript = sum(1 for s in sentences if TURN.match(s.text)) >= 2
            self._doc.city = _the_city(sentences)

    def _transcript_turn(self, sentence: Sentence) -> Attribution | None:
        """ "ROSK: No shots were fired." - the speaker label of a transcript turn."""
        m = TURN.match(sentence.text)
        if m:
            toks = tuple(w.capitalize() if w.isupper() else w for w in m.group(1).split())
            speaker, _ = _resolve(self._doc, _NP(0, 0, " ".join(toks), toks))
            if speaker.isupper() and (" " in speaker or len(speaker) > 4):
                # a name the document only writes in capitals: "MARA QUIST", then "QUIST"
                speaker = " ".join(w.capitalize() for w in speaker.split())
            self._turn = (speaker, m.group(1))
            start = m.end()
        elif self._turn and sentence.paragraph == self._prev_paragraph:
            start = 0
        else:
            self._turn = None
            return None
        s, e = _trim_span(sentence.text, start, len(sentence.text))
        return Attribution(speaker=self._turn[0], mention=self._turn[1] if m else None,
                           verb=None, start=sentence.start + s, end=sentence.start + e)

    def attribute(self, sentence: Sentence) -> list[Attribution]:
        """Attributions for one sentence; offsets are in the document text."""
        text = sentence.text
        self._doc.org_before = self._doc.last_org  # "Its final count": named before this one
        if self._doc.orgs_now:
            self._doc.orgs_last = self._doc.orgs_now
        self._doc.orgs_now = []
        _collect_names(self._doc, text)
        for m in _NEW_REPORT.finditer(text):  # "A second report, commissioned by ...": not
            self._doc.issued.pop(m.group("what").lower(), None)  # the one named before
        # "The Municipal Audit Office's final report came out": "The report found" is its
        for m in _OWNED_REPORT.finditer(text):
            owner = self._doc.find(re.sub(r"^(?:The|A|An)\s+", "", m.group("owner")))
            if owner is not None:
                self._doc.issued[m.group("what").lower()] = owner
        for m in _REPORT_BY.finditer(text):
            role = re.match(r"(?:the\s+)?(?:[a-z-]+\s+){1,3}(?=[A-Z])", text[m.end():])
            np = _np_right(text, m.end()) or (  # "signed by the structural engineer Mira
                _np_right(text, m.end() + role.end()) if role else None)  # Kallas"
            author = _resolve_np(self._doc, np)[1] if np is not None else None
            if author is not None and author.kind in ("org", "person"):
                self._doc.issued[m.group("what").lower()] = author
        subject = _person_subject(self._doc, text)
        self._doc.subject_here = subject if _EMBEDDED_SAID.search(text) else None  # "Lena
        # Daskal, whose brother ..., has set up an association ..., which she said already had
        # 80 members": she is Lena Daskal (not in "Anna Ruud, a survivor, was in the bar, she
        # said", where whoever spoke before says it)
        if subject is not None:  # "Holtz refused to concede. '...,' she said": she is Holtz
            self._doc.subject = subject  # where the last to speak is a "he"
        if self._transcript:
            turn = self._transcript_turn(sentence)
            self._prev_paragraph = sentence.paragraph
            if turn is not None:
                self._prev = [turn]
                return [turn]
        hits = [h for h in _find_hits(text, self._doc) if h.speaker != "it"]  # no one known
        _assign_content(text, hits)
        out: list[Attribution] = []
        dateline = _WIRE_DATELINE.match(text)
        after_dateline = dateline.end() if dateline else 0  # no part of what anyone says
        for h in hits:
            start = max(h.content_start, after_dateline)
            if h.content_end <= start:
                continue
            out.append(Attribution(speaker=h.speaker, mention=h.np.text if h.np else None,
                                   verb=h.verb, start=sentence.start + start,
                                   end=sentence.start + h.content_end))
            if h.entity is not None:
                self._doc.last_speaker = h.entity
                if h.entity.kind == "org" and h.np is not None:
                    group = _GROUP_OF.search(text[:h.np.start])
                    if group and group.group("who").lower() in _GROUPS_OF_PEOPLE:
                        self._doc.people_of[group.group("who").lower()] = h.entity
                if h.entity.kind == "person":
                    self._doc.last_person = h.entity
                    if h.mode == "speaker-first" and not h.entity.gender:
                        words = text[h.verb_start:h.content_end]  # "told supporters at his
                        that = re.search(r"\bthat\b", words)  # headquarters that": to "that"
                        h.entity.gender = _wrapper_gender(
                            words[:that.start()] if that else text[h.verb_start:h.content_start])
        out += self._claims_rejected(text, sentence.start, out)
        issuers = [(h.verb_start, h.entity) for h in hits if h.entity is not None]
        for m in _ISSUED.finditer(text) if issuers else ():  # the speaker whose verb it
            before = [i for i in issuers if i[0] < m.start()]  # follows ("..., the Office
            issuer = max(before, key=lambda i: i[0]) if before else issuers[0]  # said on
            self._doc.issued[(m.group("what") or m.group("what2")).lower()] = issuer[1]  # Friday
            # in its review"), else the first
        if not out and _is_bare_quote(text) and self._prev and self._prev[-1].speaker:
            s, e = _trim_span(text, 0, len(text))
            last = self._prev[-1]
            out.append(Attribution(speaker=last.speaker, mention=None, verb=None,
                                   start=sentence.start + s, end=sentence.start + e))
        if not out and not _GENRE_LABEL.match(text):
            s, e = _trim_span(text, after_dateline, len(text))
            out.append(Attribution(speaker=None, mention=None, verb=None,
                                   start=sentence.start + s, end=sentence.start + e))
        if _RETRACTED.match(text):
            out = []  # what a correction notice retracts is no one's claim, not even "the
            # report"'s ("Correction: An earlier version of this report said 71.")
        self._prev = out
        return out


    def _claims_rejected(self, text: str, offset: int, found: list[Attribution]
                         ) -> list[Attribution]:
        """ "The commission rejected claims by the Kessenmark First party that ballots were
        left out": the rejected claim is the party's own, a claim of its own."""
        out = []
        for a in found:
            if a.verb is None or a.verb.lower() not in _REJECTING:
                continue
            s, e = a.start - offset, a.end - offset
            m = _CLAIMS_BY.match(text, s, e)
            np = _np_right(text, m.end()) if m else None
            that = re.compile(r"\s+that\s+").match(text, np.end, e) if np else None
            if np is None or that is None or that.end() >= e:
                continue
            named = np
            if len(np.tokens) > 2 and np.tokens[-1].islower() and _is_cap(np.tokens[-2]):
                head = text.rfind(np.tokens[-1], np.start, np.end)  # "the Kessenmark First
                named = _NP(np.start, head, text[np.start:head].rstrip(),  # party": its name
                            np.tokens[:-1])
            speaker, _ = _resolve_np(self._doc, named)
            out.append(Attribution(speaker=speaker, mention=np.text, verb="claims",
                                   start=offset + that.end(), end=a.end))
        return out


_REJECTING = NEGATING_VERBS | {"contested", "contests", "challenged", "challenges"}
# "He dismissed as "fiction" Aldravian claims that ...": the claims dismissed "as" something
# are the verb's object, not a subject's verb ("disputed union claims that staff were forced"
# keeps the union's claim)
DISMISSED_AS = r"as\s+(?:[\"“][^\"”]{1,40}[\"”]|\w+(?:\s+and\s+\w+)?)\s+"
_REJECTED_AS = re.compile(r"\b(?:" + "|".join(sorted(NEGATING_VERBS)) + r")\s+" + DISMISSED_AS
                          + "$", re.IGNORECASE)
_CLAIMS_BY = re.compile(r"(?:the\s+)?(?:claims?|allegations?|accusations?|assertions?|"
                        r"suggestions?)\s+(?:made\s+)?by\s+", re.IGNORECASE)


# "Transcript: chief auditor Helga Rimmer on the stadium bill", "Watch: ...": a title that
# says what follows, no claim of anyone's (a title that is a claim stays: "Water board says")
_GENRE_LABEL = re.compile(r"(?:Transcript|Interview|Q\s*&\s*A|Watch|Listen|Video|Podcast|Live|"
                          r"Timeline|Factbox|Fact\s+box|Explainer|Profile|Obituary|In\s+pictures|"
                          r"Photos)\s*[:|]\s", re.IGNORECASE)


# "Correction, May 15: An earlier version of this article gave the number ... as 71.", "An
# article on May 11 said Veltmann had received 42 million marks": what the outlet printed and
# now retracts, no claim of anyone's (the sentence after it, "The correct figure is 17", is)
_NOTICE = (r"(?:(?:Correction|Clarification)s?(?:\s*[,(—–-][^:]{0,40}|\s+on\s+[^:]{1,40})?|"
           r"Editor[’']s\s+note)\s*:\s*")
_VERSION = r"An?\s+(?:earlier|previous|original)\s+version\s+of\s+this\s+"
_RETRACTED = re.compile(r"(?:" + _NOTICE + r")?" + _VERSION + r"(?:article|story)\b|" + _NOTICE
                        + r"(?:" + _VERSION + r"report|(?:An?|The)\s+(?:article|story|report))\b",
                        re.IGNORECASE)  # (not "An earlier version of this report found ...":
# an inspectors' report, unless a correction notice says so)


_OWNED_REPORT = re.compile(r"(?P<owner>(?:[A-Z][\w&-]*\s+(?:of\s+)?){0,4}[A-Z][\w&-]*)(?:'s|’s)"
                           r"\s+(?:[\w-]+\s+){0,2}?" + _ISSUED_NOUN)


_NEW_REPORT = re.compile(r"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){0,2}?" + _ISSUED_NOUN)
# "according to a report by the Valdane Care Inspectorate", "The report, dated November 9 and
# signed by the structural engineer Mira Kallas": whose "the report" is from here on (not
# "commissioned by": who asked for it)
_REPORT_BY = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,2}?"
                        + _ISSUED_NOUN + r"(?:\s*,(?:[^,;:\"“”]|(?<=\d),(?=\s\d)){1,60}?\s+and)?"
                        r"(?:\s+(?:published|released|issued|written|signed|prepared|compiled)"
                        r"(?:\s+[\w-]+){0,3}?)?\s+by\s+")


def _wrapper_gender(wrapper: str) -> str:
    """ "told supporters at his campaign headquarters ... that": the speaker is a "he"
    ("told her that" says nothing: "her" may be whom they told)."""
    if re.search(r"\b(?:his|himself)\b", wrapper, re.IGNORECASE):
        return "m"
    if re.search(r"\b(?:herself|(?:at|in|from|of|with|on|for)\s+her)\b", wrapper, re.IGNORECASE):
        return "f"
    return ""


# a sentence that opens with a person's name and its verb: "Holtz refused to concede."
# "which she said", "who he said", "as she put it": a pronoun speaker inside the sentence
_EMBEDDED_SAID = re.compile(r"\b(?:which|who|that|as|what)\s+(?:he|she)\s+(?:said|says|told|"
                            r"added|put it|described)\b", re.IGNORECASE)
# a person's name opening a sentence, before a verb ("Holtz refused") or an appositive or
# relative clause ("Lena Daskal, whose brother ...")
_SUBJECT_NAME = re.compile(r"^(?:(?:But|And|Meanwhile|However|Yet|So|Still|Also)\b,?\s*)?"
                           r"(?:(?P<title>Ms|Mrs|Mr|Miss|Dr)\.?\s+)?"
                           r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
                           r"(?:\s+(?=[a-z])|,\s+(?=(?:who|whose|a|an|the|his|her)\b))")


def _person_subject(doc: _Doc, sentence: str) -> _Entity | None:
    """The person a sentence opens with as its subject, where the document has named them
    ("Holtz" after "Irena Holtz"): a "she" after it is that person where whoever spoke last is
    a "he" (and the other way round), where no one has spoken yet, or inside its own sentence
    in an embedded "which she said" (`_Doc.subject_here`); None for anything else (an
    organisation, a possessive, a name not seen)."""
    m = _SUBJECT_NAME.match(sentence)
    if m is None:
        return None
    name = m.group("name")
    if name.endswith(("’s", "'s")) or name.split()[0] in _STOP_CAPS:
        return None
    ent = doc.longer_name(name) or doc.find(name)  # "Ms Holtz": Irena Holtz
    if ent is None or ent.kind != "person":
        return None
    title = (m.group("title") or "").lower()
    if title in _GENDERED and not ent.gender:  # "Ms Holtz refused"
        ent.gender = _GENDERED[title]
    return ent


def outlet_name(source: str | None) -> str:
    """An outlet's name from a document's source: "dravnik-courier" -> "Dravnik Courier";
    a name with spaces as it is."""
    if not source:
        return ""
    if " " in source.strip() or not re.search(r"[-_]", source):
        return source.strip() if " " in source.strip() else source.strip().title()
    return " ".join(w.capitalize() for w in re.split(r"[-_]+", source.strip()) if w)


def named_organisations(text: str) -> set[str]:
    """The organisations a document names in full as whom someone speaks for ("Beata Lund of
    the Carvenian Union of Technical Staff told Radio Carvenia", "Beata Lund, general
    secretary of the Carvenian Union of Technical Staff"), for `speakers.story_forms`; not
    every body named ("European Union rules" in a dock strike's story is no "the union")."""
    doc = _Doc()
    for part in re.split(r"(?<=[.!?:;])\s+|\n+", text):
        _collect_names(doc, part)
    return {e.name for e in doc.entities if e.kind == "org" and re.search(
        r"[A-Z][\w’'-]+(?:,[^,.;]{1,60},?)?\s+of\s+(?:the\s+)?" + re.escape(e.name), text)}


def attribute_sentences(sentences: list[Sentence], outlet: str | None = None
                        ) -> list[list[Attribution]]:
    """Attributions for each sentence of one document, in order; `outlet` (the document's
    source) is who "our reporters" are."""
    attributor = Attributor(sentences, outlet)
    return [attributor.attribute(s) for s in sentences]
