"""Sample sets with written-down answers (`seeds/*/_answers.json`) and scoring against them.

An answers file lists each document (path, and `record` for .jsonl/.csv), every sentence with
its claims (speaker, verb, content), and the agreements and clashes between sentences; an
optional `_reviewed.json` holds verdicts on predicted relations the answers do not list (for
precision only). Used by the tests, by `benchmarks/attribution.py` and `relations.py`, and
by `sample_pairs` (judge training pairs from the answers of the sets not `HELD_OUT`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from claims.attribute import TURN, attribute_sentences
from claims.ingest import Defaults, read_text
from claims.relate import share_keys
from claims.speakers import kinds, story_forms
from claims.split import split_sentences
from claims.types import Document

# Sample sets never tuned on, nor trained on: their text is not read, only their figures
# (`benchmarks/relations.py`); the last three were written blind at stop 25 and measured fresh
HELD_OUT = frozenset({"vaccine-recall", "rail-strike", "mine-collapse", "protest-arrests",
                      "river-pollution", "airport-outage"})


def load_answers(folder: Path) -> dict[str, Any]:
    """The parsed `_answers.json` of a sample set."""
    data: dict[str, Any] = json.loads((folder / "_answers.json").read_text(encoding="utf-8"))
    return data


def load_reviewed(folder: Path) -> list[dict[str, Any]]:
    """The verdicts in `_reviewed.json`, if the set has one: relations the tool predicted that
    the answers do not list, each read afterwards and marked "clash", "agree" or "neither".
    They measure precision only; recall counts only the answers written before."""
    file = folder / "_reviewed.json"
    if not file.exists():
        return []
    pairs: list[dict[str, Any]] = json.loads(file.read_text(encoding="utf-8"))["pairs"]
    for item in pairs:
        if item.get("verdict") not in ("clash", "agree", "neither"):
            raise ValueError(f"{file}: verdict must be clash, agree or neither: {item!r}")
    return pairs


def answer_document(folder: Path, path: str, record: int | None) -> Document:
    """The document an answers entry points at, read the way `claims ingest` reads it."""
    file = folder / path
    docs = list(read_text(file.read_text(encoding="utf-8"), ext=file.suffix.lower(),
                          where=str(file), defaults=Defaults(),
                          fallback_source=file.parent.name, warn=lambda _m: None))
    return docs[record or 0]


def _norm(name: str | None) -> str:
    return " ".join((name or "").lower().split())


@dataclass
class AttributionScore:
    """Speaker precision/recall over (sentence, speaker) pairs, plus per-sentence misses."""

    sentences: int = 0
    labelled_claims: int = 0
    predicted_claims: int = 0
    true_positives: int = 0
    content_exact: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted_claims if self.predicted_claims else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.labelled_claims if self.labelled_claims else 1.0


def score_attribution(folder: Path) -> AttributionScore:
    """Split and attribute every labelled document; compare speakers sentence by sentence."""
    answers = load_answers(folder)
    score = AttributionScore()
    by_doc: dict[tuple[str, int | None], list[dict[str, Any]]] = {}
    for s in answers["sentences"]:
        by_doc.setdefault((s["path"], s.get("record")), []).append(s)
    read = {}  # the set's documents attributed, then one name each across them (as ingest)
    for key in by_doc:
        doc = answer_document(folder, *key)
        read[key] = (doc, [a for atts in attribute_sentences(split_sentences(doc.text), doc.source)
                           for a in atts])
    speakers = {a.speaker for _, atts in read.values() for a in atts if a.speaker}
    called = kinds(speakers, [doc.text for doc, _ in read.values()])
    texts = {doc.id: doc.text for doc, _ in read.values()}
    names = story_forms({doc.id: {a.speaker for a in atts if a.speaker}
                         for doc, atts in read.values()}, texts, (), called)
    for (path, record), labelled in by_doc.items():
        doc, attributions = read[(path, record)]
        attributions = [replace(a, speaker=names[(doc.id, a.speaker)])
                        if a.speaker and (doc.id, a.speaker) in names else a
                        for a in attributions]
        cursor = 0
        for item in labelled:
            start = doc.text.find(item["sentence"], cursor)
            if start < 0:
                score.errors.append(f"{path}: sentence not found: {item['sentence'][:60]}")
                continue
            end = start + len(item["sentence"])
            cursor = end
            score.sentences += 1
            got = [a for a in attributions if a.speaker and start <= a.start and a.end <= end]
            want = Counter(_norm(c["speaker"]) for c in item["claims"])
            have = Counter(_norm(a.speaker) for a in got)
            tp = sum((want & have).values())
            score.labelled_claims += sum(want.values())
            score.predicted_claims += sum(have.values())
            score.true_positives += tp
            contents = {doc.text[a.start:a.end] for a in got}
            score.content_exact += sum(1 for c in item["claims"] if c["content"] in contents)
            if want != have:
                score.errors.append(f"{path}: {item['sentence'][:70]!r}: want {dict(want)} "
                                    f"got {dict(have)}")
    return score


@dataclass
class RelationScore:
    """Clashes and agreements written down in a sample set, and how many were found."""

    clashes: int = 0
    clashes_found: int = 0
    agreements: int = 0
    agreements_found: int = 0
    predicted_clashes: int = 0
    predicted_clashes_labelled: int = 0  # predicted clashes that match a written-down clash
    predicted_clashes_wrong: int = 0  # predicted clashes between sentences written as agreeing
    predicted_agreements: int = 0
    predicted_agreements_labelled: int = 0  # ... that match a written-down agreement
    predicted_agreements_wrong: int = 0  # ... between sentences written down as clashing
    non_conflicts_flagged: int = 0  # written-down numeric non-conflicts flagged as clashes
    # predicted, not in the answers, and read afterwards (`_reviewed.json`): found right,
    # found wrong, or not reviewed (predicted since)
    reviewed_clashes_right: int = 0
    reviewed_clashes_wrong: int = 0
    unreviewed_clashes: int = 0
    reviewed_agreements_right: int = 0
    reviewed_agreements_wrong: int = 0
    unreviewed_agreements: int = 0
    # per method of the predicted clashes with a verdict (written down or reviewed): [right,
    # wrong] ("numbers": [92, 39]): what `relate.CLASH_SHARE` is measured from
    clash_methods: dict[str, list[int]] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)

    @property
    def clash_recall(self) -> float:
        return self.clashes_found / self.clashes if self.clashes else 1.0

    @property
    def agreement_recall(self) -> float:
        return self.agreements_found / self.agreements if self.agreements else 1.0

    @property
    def clash_precision(self) -> float:
        """Share of predicted clashes that match one written down (a lower bound: the
        answers do not list every clash a set contains)."""
        if not self.predicted_clashes:
            return 1.0
        return self.predicted_clashes_labelled / self.predicted_clashes

    @property
    def agreement_precision(self) -> float:
        """Share of predicted agreements that match one written down (a lower bound)."""
        if not self.predicted_agreements:
            return 1.0
        return self.predicted_agreements_labelled / self.predicted_agreements

    @property
    def clash_precision_reviewed(self) -> float:
        """Share of predicted clashes that are right, written down or reviewed, among those
        with a verdict (the unreviewed left out)."""
        known = self.predicted_clashes - self.unreviewed_clashes
        return (self.predicted_clashes_labelled + self.reviewed_clashes_right) / known \
            if known else 1.0

    @property
    def agreement_precision_reviewed(self) -> float:
        """The same for predicted agreements."""
        known = self.predicted_agreements - self.unreviewed_agreements
        return (self.predicted_agreements_labelled + self.reviewed_agreements_right) / known \
            if known else 1.0


def answer_claim_ids(claims: Any) -> Callable[[str, str | None], list[int]]:
    """For a claims table: (an answer's sentence, its speaker or None) -> the ids of the
    claims in that sentence (by that speaker)."""
    def key(sentence: str) -> str:
        # a transcript turn with or without its label ("ROSK: No shots were fired."): answers
        # mostly quote it without, verdicts as a claim's sentence reads
        return " ".join(TURN.sub("", sentence, count=1).split())

    by_sentence: dict[str, list[tuple[int, str | None]]] = {}
    for r in claims.select("claim_id", "sentence", "speaker").iter_rows():
        by_sentence.setdefault(key(r[1]), []).append((r[0], _norm(r[2])))

    def ids(sentence: str, speaker: str | None = None) -> list[int]:
        found = by_sentence.get(key(sentence), [])
        return [c for c, s in found if speaker is None or s == _norm(speaker)]

    return ids


def score_relations(folder: Path, claims: Any, relations: Any, groups: Any) -> RelationScore:
    """Compare a store's relations and groups with a sample set's written-down answers."""
    answers = load_answers(folder)
    ids = answer_claim_ids(claims)
    side_of: dict[int, tuple[int, int]] = {}
    for g in groups.iter_rows(named=True):
        for i, side in enumerate(g["sides"]):
            for c in side:
                side_of[c] = (g["group_id"], i)
    kinds: dict[tuple[int, int], str] = {}
    methods: dict[tuple[int, int], str] = {}  # as `relate.CLASH_SHARE` keys them
    for (a, b, kind), key in zip(relations.select("a", "b", "kind").iter_rows(),
                                 share_keys(relations, claims), strict=True):
        kinds[(min(a, b), max(a, b))] = kind
        methods[(min(a, b), max(a, b))] = key

    def pairs(item: dict[str, Any]) -> set[tuple[int, int]]:
        """The claim pairs (smaller id first) an answer's two sentences hold."""
        return {(min(a, b), max(a, b)) for a in ids(item["a"], item.get("a_speaker"))
                for b in ids(item["b"], item.get("b_speaker")) if a != b}

    def related(item: dict[str, Any], kind: str) -> bool:
        return any(kinds.get(pair) == kind or kind == "agree" and pair[0] in side_of
                   and side_of.get(pair[0]) == side_of.get(pair[1]) for pair in pairs(item))

    score = RelationScore()
    clash_pairs: set[tuple[int, int]] = set()
    agree_pairs: set[tuple[int, int]] = set()
    for item in answers.get("clashes", []):
        score.clashes += 1
        if related(item, "contradict"):
            score.clashes_found += 1
        else:
            score.missed.append(f"clash: {item['a'][:60]!r} / {item['b'][:60]!r}")
        clash_pairs |= pairs(item)
    for item in answers.get("agreements", []):
        score.agreements += 1
        if related(item, "agree"):
            score.agreements_found += 1
        else:
            score.missed.append(f"agreement: {item['a'][:60]!r} / {item['b'][:60]!r}")
        agree_pairs |= pairs(item)
    written = clash_pairs | agree_pairs
    for item in answers.get("numeric_non_conflicts", []):
        if related(item, "contradict"):
            score.non_conflicts_flagged += 1
        written |= pairs(item)
    verdict = {pair: item["verdict"] for item in load_reviewed(folder) for pair in pairs(item)}
    for pair, kind in kinds.items():
        if kind == "contradict":
            right = pair in clash_pairs or pair not in written and verdict.get(pair) == "clash"
            if right or pair in written or pair in verdict:
                tally = score.clash_methods.setdefault(methods[pair], [0, 0])
                tally[0 if right else 1] += 1
            score.predicted_clashes += 1
            score.predicted_clashes_labelled += pair in clash_pairs
            score.predicted_clashes_wrong += pair in agree_pairs
        elif kind == "agree":
            score.predicted_agreements += 1
            score.predicted_agreements_labelled += pair in agree_pairs
            score.predicted_agreements_wrong += pair in clash_pairs
        if kind not in ("contradict", "agree") or pair in written:
            continue
        seen = verdict.get(pair)
        if kind == "contradict":
            score.unreviewed_clashes += seen is None
            score.reviewed_clashes_right += seen == "clash"
            score.reviewed_clashes_wrong += seen is not None and seen != "clash"
        else:
            score.unreviewed_agreements += seen is None
            score.reviewed_agreements_right += seen == "agree"
            score.reviewed_agreements_wrong += seen is not None and seen != "agree"
    return score
