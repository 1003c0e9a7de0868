"""One name per organisation across documents.

Within a document `attribute` already reads "the commission said" as the commission it named
before. An outlet that never names it in full ("On Monday the commission said ...", "the
regional electoral commission said", "Kessenmark's electoral commission has rejected ...")
leaves a short form, which this stage reads as the one full name among the other documents'
speakers (and the store's) that has all its words and the same head, where the document also
uses most of the full name's other words, or one of them as a name ("Kessenmark"):
"Kessenmark Regional Electoral Commission". Where two full names fit ("the ministry": the
Ministry of Health and the Ministry of Finance), or none, or the document never mentions what
the full name adds (a school story's "the board" is no Rail Safety Board), the short form
stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claims.attribute import BUSINESS_NAMES, does, named_organisations
from claims.stories import document_names, same_story

_WORD = re.compile(r"[\w-]+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)(?=\s|$)")  # "Kessenmark's", "workers’"
_DETERMINERS = {"the", "a", "an", "its", "their", "our", "this", "that"}
_FUNCTION = _DETERMINERS | {"of", "and", "for", "on", "in", "de", "la", "le"}
# what an institution's name ends with ("the commission", "Kessenmark Regional Electoral
# Commission"); not groups of people ("residents", "officials"), who are no one name
ORG_HEADS = set(
    "ministry council authority agency union party office department court commission "
    "committee company association institute bank fund organization organisation "
    "administration parliament assembly congress senate foundation university hospital "
    "coalition alliance federation network service board bureau secretariat league "
    "railway railways operator utility chamber institution centre center society cooperative "
    "co-operative college consultancy coastguard city town municipality mission inspectorate "
    "directorate police"
    .split())


# the head a short form may use for a full name's ("the union" for the "Kestrian
# Metalworkers' Federation")
HEADS_ALIKE = {"federation": {"union"}}
_PLACE_HEADS = {"city", "town", "municipality"}
# what a name a one-word label begins may end with ("Galeforth Renewables"; not a police
# force named after its place: "Kessenmark" is no "Kessenmark National Police")
_BEGUN_HEADS = (ORG_HEADS - {"police"}) | BUSINESS_NAMES


def _words(name: str) -> list[str]:
    """Lower-case words, a possessive's "'s" dropped ("Kessenmark's" -> "kessenmark")."""
    return [w.lower() for w in _WORD.findall(_POSSESSIVE.sub("", name))]


def _head(words: list[str]) -> str:
    """What an organisation is: its last word, or the word before "of" ("ministry" in
    "Ministry of Health")."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def short_form(label: str) -> bool:
    """A speaker label that names an organisation by what it is ("commission", "The
    regional electoral commission", "Kessenmark's electoral commission"), not by its name."""
    words = [w for w in label.split() if w.lower() not in _DETERMINERS]
    if not words or words[-1].lower() not in ORG_HEADS:
        return False
    if len(words) == 1:  # "Commission rejects opposition claim": a headline's capital
        return True
    rest = words[1:] if _POSSESSIVE.search(words[0]) else words  # "Kessenmark's ..."
    return all(w[:1].islower() for w in rest)


def _full_name(label: str) -> bool:
    """An organisation's own name: two words or more, capitalised, no possessive
    ("Kessenmark Regional Electoral Commission", "Ministry of Health")."""
    words = label.split()
    return len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper() \
        and not _POSSESSIVE.search(words[-1]) and _head(_words(label)) in ORG_HEADS


# bodies a proper name is called by ("the Kessenmark First party"), not "the Maslen
# administration" or "the Varnholm council" (a person's, a place's)
KIND_HEADS = {"party", "union", "group", "alliance", "coalition", "movement", "league",
              "federation", "network", "association"}
_PROPER = re.compile(r"(?<=[a-z,;] )[A-Z][\w-]+")  # a capital inside a sentence: a name
_NAMED_KIND = re.compile(r"((?:[A-Z][\w'’&-]*\s+){1,5})(" + "|".join(sorted(KIND_HEADS)) + r")\b")


def kinds(names: Iterable[str], texts: Iterable[str]) -> dict[str, str]:
    """{name: what it is} for the names the texts call "the <name> <kind>": "the Kessenmark
    First party" makes "Kessenmark First" a party, "the Rail Workers union" a union."""
    names = set(names)
    out: dict[str, str] = {}
    for text in texts:
        for m in _NAMED_KIND.finditer(text):
            words = m.group(1).split()
            for i in range(len(words)):  # "The Kessenmark First": the longest known name
                if " ".join(words[i:]) in names:
                    out.setdefault(" ".join(words[i:]), m.group(2))
                    break
    return out


def canonical(labels: Iterable[str], names: Iterable[str], text: str | None = None,
              kind: dict[str, str] | None = None) -> dict[str, str]:
    """{short form: full name} for every short form among `labels` that exactly one full name
    among `labels` and `names` has all the words of, with the same head word, or one name
    `kind` says is such a thing ("the party": "Kessenmark First", called "the Kessenmark First
    party"). Where `text` (the document the short forms come from) is given, it must use most
    of the words the full name adds, or one of them as a name ("Kessenmark" for "the regional
    electoral commission"; a teachers' story's "the union" with only "workers" is no Rail
    Workers Union)."""
    labels = set(labels)
    full = {n: _words(n) for n in (*labels, *names) if _full_name(n)}
    called = {n: [*_words(n), head] for n, head in (kind or {}).items() if n not in full}
    used = {w[:5] for w in _words(text)} if text is not None else None  # "region's": regional
    proper = {w.lower()[:5] for w in _PROPER.findall(text)} if text is not None else set()
    out = {}
    for label in labels:
        if not short_form(label):
            continue
        mine = [w for w in _words(label) if w not in _DETERMINERS]
        named = {_POSSESSIVE.sub("", w).lower() for w in label.split()  # "Kessenmark's"
                 if w[:1].isupper()} - {mine[-1]}
        fits: list[str] = []
        alike: list[str] = []
        for name, words in (*full.items(), *called.items()):
            head = words[-1] if name in called else _head(words)
            like = mine[-1] in HEADS_ALIKE.get(head, ())
            if like:  # "the union": a "... Federation", where no "... Union" fits
                words, head = [*words, mine[-1]], mine[-1]
            more = {w[:5] for w in set(words) - set(mine) - _FUNCTION}
            if mine[-1] in _PLACE_HEADS and "of" not in words:
                continue  # "the city" is a "City of Dravnik", no "Manchester City"
            if head == mine[-1] and set(mine) <= set(words) and (  # most of what it adds,
                    used is None or not more or 2 * len(more & used) > len(more)  # or a name
                    or more & proper or named & set(words)  # ("Kessenmark's commission"),
                    or len(mine) >= 2):  # or a word besides
                # its head ("the fire service": "Kaldrian Fire and Rescue Service")
                (alike if like else fits).append(name)
        fits = fits or alike
        if len(fits) == 1:
            out[label] = fits[0]
    out.update(first_words(labels, (*labels, *names)))
    return out


def story_forms(labels_by_doc: dict[str, set[str]], texts: dict[str, str],
                known: Iterable[str] = (), kind: dict[str, str] | None = None, *,
                told: dict[str, frozenset[str]] | None = None,
                named: dict[str, set[str]] | None = None) -> dict[tuple[str, str], str]:
    """{(document, short form): full name} for the short forms of every document: first as
    `canonical` reads them against all the names (`known`: the store's too), checked against
    the document's own words; then a short form still short is read as the one full name
    with its head and all its words that a document of the same story (`told`: each
    document's names, default `stories.document_names` of `texts`; `same_story`) gives a
    speaker, whatever words the document uses: "The union representing Tarrow Energy's IT
    staff says" is the Carvenian Union of Technical Staff another outlet names in its report
    of the same breach, where a union of another story, or two unions in this one, leave
    "union" as it was. `named`: the organisations each document names in full without their
    speaking (default `attribute.named_organisations` of each text: "Beata Lund of the
    Carvenian Union of Technical Staff said")."""
    if told is None:
        told = document_names(texts.items())
    if named is None:
        named = {doc: named_organisations(text) for doc, text in texts.items()}
    names = {n for labels in labels_by_doc.values() for n in labels} | set(known)
    holders: dict[str, dict[str, set[str]]] = {}  # head -> full name -> its documents
    for doc, labels in labels_by_doc.items():
        for label in labels | named.get(doc, set()):
            if _full_name(label):
                holders.setdefault(_head(_words(label)), {}).setdefault(label, set()).add(doc)
    out: dict[tuple[str, str], str] = {}
    for doc, labels in labels_by_doc.items():
        mapped = canonical(labels, names, texts.get(doc), kind)
        rest = {label for label in labels if label not in mapped and short_form(label)}
        mine = told.get(doc, frozenset())
        of_story = {name for docs_of in holders.values() for name, docs in docs_of.items()
                    if any(d == doc or mine and told.get(d) and same_story(mine, told[d])
                           for d in docs)}  # (a document that names nothing tells no story)
        heads = {_words(label)[-1] for label in rest}
        story = {name for name in of_story if {_head(_words(name)),
                                               *HEADS_ALIKE.get(_head(_words(name)), ())} & heads}
        if story:
            mapped.update({short: full for short, full in canonical(rest, story).items()
                           if short in rest})
        mapped.update(_people_of(labels - set(mapped), of_story))  # "Monitors say"
        mapped.update(_tail_names(labels - set(mapped), of_story))  # "Meteorological
        # Institute"
        mapped.update(formal_ministries(labels - set(mapped), texts.values()))
        out.update({(doc, short): full for short, full in mapped.items()})
    return out


# the ministries whose formal names are the same everywhere ("the defence ministry" is the
# "Ministry of Defence"; an economy ministry may be "of Economy", "of Economic Affairs", ...)
_MINISTRIES = {"defence": "Defence", "defense": "Defense", "foreign": "Foreign Affairs",
               "interior": "the Interior"}
_MINISTRY_LABEL = re.compile(r"^(?:the\s+)?(?P<who>(?-i:[A-Z])[\w-]*)(?P<of>'s|’s)?\s+"
                             r"(?P<area>" + "|".join(_MINISTRIES) + r")\s+ministry$",
                             re.IGNORECASE)
_DEMONYM_ENDS = ("an", "ian", "ish", "ese", "i")


def formal_ministries(labels: Iterable[str], texts: Iterable[str]) -> dict[str, str]:
    """{"Kesmira's defence ministry": "Kesmiran Ministry of Defence", "Aldravian interior
    ministry": "Aldravian Ministry of the Interior"}: a country's defence, foreign or
    interior ministry by its formal name, the country by the one adjective the texts make of
    it ("Kesmiran"), else by its name ("Lessany Ministry of Foreign Affairs")."""
    found = {label: m for label in labels if (m := _MINISTRY_LABEL.match(label))}
    if not found:
        return {}
    words = {w for text in texts for w in re.findall(r"\b[A-Z][a-z]+\b", text)}
    out = {}
    for label, m in found.items():
        who = m.group("who")
        if m.group("of"):  # "Kesmira's": "Kesmiran", where the texts say it
            stem = who.rstrip("aeiouy")
            made = {w for w in words if w != who and w.startswith(stem) and len(stem) >= 4
                    and w[len(stem):].lower().lstrip("aeiouy") in ("n", "sh", "se", "")
                    and w.endswith(_DEMONYM_ENDS) and not w.endswith("ia")}
            who = made.pop() if len(made) == 1 else who
        elif not who.endswith(_DEMONYM_ENDS):
            continue  # "the Vell defence ministry": which country's?
        out[label] = f"{who} Ministry of {_MINISTRIES[m.group('area').lower()]}"
    return out


def _tail_names(labels: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """{"Meteorological Institute": "Kestrian Meteorological Institute"}: a capitalised
    organisation's name of two words or more that is the end of exactly one longer full name
    among `names` (its country's or city's name left off)."""
    names = list(names)
    out = {}
    for label in labels:
        words = label.split()
        if len(words) < 2 or not _full_name(label):
            continue
        found = {n for n in names if len(n.split()) > len(words)
                 and n.split()[-len(words):] == words}
        if len(found) == 1:
            out[label] = found.pop()
    return out


def _people_of(labels: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """{"Monitors": "International Border Monitoring Mission"}: a label of one or two words
    for people named by what they do ("Monitors", "International monitors", "the
    inspectors") that is the one full name among `names` with a word for that work
    (`attribute.does`: "Monitoring", "Inspectorate")."""
    names = list(names)
    out = {}
    for label in labels:
        words = [w for w in _words(label) if w not in _DETERMINERS]
        if not 1 <= len(words) <= 2 or not words[-1].endswith("ors"):
            continue
        found = {n for n in names if any(does(words[-1], w) for w in _words(n))}
        if len(found) == 1:
            out[label] = found.pop()
    return out


def first_words(labels: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """{"Galeforth": "Galeforth Renewables"}: a one-word label that is the first word of
    exactly one organisation's name among `names` (a wire record that only ever says
    "Galeforth", where another document names the company in full), or of one company's
    shorter than all the others ("Veltmann Automotive", not its parts "Veltmann Marsk Ltd"
    and "Veltmann Marsk Pension Fund"), and the last word of no other name ("Kalder", where
    "Sten Kalder" speaks too)."""
    wanted = {label for label in labels
              if " " not in label and label[:1].isupper() and not label.isupper()}
    if not wanted:
        return {}
    begun: dict[str, set[str]] = {}
    ended: set[str] = set()
    for name in names:  # one pass: the store may know many names
        words = name.split()
        if len(words) >= 2:
            ended.add(words[-1])
            if words[0] in wanted and words[-1].lower() in _BEGUN_HEADS:
                begun.setdefault(words[0], set()).add(name)
    out = {}
    for label in wanted - ended:
        found = sorted(begun.get(label, ()), key=lambda n: len(n.split()))
        if len(found) == 1 or len(found) >= 2 and _group_of(found):
            out[label] = found[0]
    return out


def _group_of(found: list[str]) -> bool:
    """Is the first (shortest) of these names a company whose parts the others are: the one
    company among them ("Veltmann Automotive"; "Veltmann Marsk Pension Fund"), or one whose
    others, two or more, are named alike ("Veltmann Marsk Ltd", "Veltmann Marsk Pension
    Fund")? Not one of two companies ("Samsung Biologics", "Samsung Electronics Co"), nor
    "Port Authority" among other ports."""
    head, *rest = [n.split() for n in found]
    if head[-1].lower() not in BUSINESS_NAMES or any(len(r) <= len(head) for r in rest):
        return False
    if not any(r[-1].lower() in BUSINESS_NAMES for r in rest):
        return True
    return len(rest) >= 2 and all(r[1] == rest[0][1] != head[1] for r in rest)
