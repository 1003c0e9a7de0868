"""Sample sets with written-down answers (`seeds/*/_answers.json`) and scoring against them.

An answers file lists each document (path, and `record` for .jsonl/.csv), every sentence with
its claims (speaker, verb, content), and the agreements and clashes between sentences.
Used by the tests and by `benchmarks/attribution.py`.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claims.attribute import attribute_sentences
from claims.ingest import Defaults, read_text
from claims.split import split_sentences
from claims.types import Document


def load_answers(folder: Path) -> dict[str, Any]:
    """The parsed `_answers.json` of a sample set."""
    data: dict[str, Any] = json.loads((folder / "_answers.json").read_text(encoding="utf-8"))
    return data


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
    for (path, record), labelled in by_doc.items():
        doc = answer_document(folder, path, record)
        sentences = split_sentences(doc.text)
        attributions = [a for atts in attribute_sentences(sentences) for a in atts]
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
