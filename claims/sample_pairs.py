"""The tuning sample sets' written-down answers as judge training pairs.

Each written clash, agreement and numeric non-conflict of a sample set (`seeds/<set>/
_answers.json`) becomes a (premise, hypothesis) pair in the texts the judge reads in `claims
ingest` (`relate.judged_claims`, `judge.without_contrast`), both ways: a clash is
"contradiction", an agreement "entailment", a non-conflict "neutral". Where one side is a
denial, the judge reads the denied statement, so a clash is "entailment" there and an
agreement "contradiction" (relate turns the verdict round). An agreement is entailment both
ways even where one side adds detail, which NLI would call neutral one way. An answer whose
sentences hold more than one pair of claims (and whose speakers do not say which) is left
out, as is a pair written down with two labels. Held-out sets (`labels.HELD_OUT`) are never
read; verdicts on predicted pairs (`_reviewed.json`) are not used either, so they still
measure precision.

    python -m claims.train_judge --data ../shared/data --sample-sets seeds --export-corpus F
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from claims.labels import HELD_OUT, answer_claim_ids, load_answers
from claims.nli_data import Pair

DATASET = "sample_sets"  # the data set name (--weight sample_sets=6)
ANSWERS = "_answers.json"
_LABEL = {"clashes": "contradiction", "agreements": "entailment",
          "numeric_non_conflicts": "neutral"}
_TURNED = {"contradiction": "entailment", "entailment": "contradiction", "neutral": "neutral"}


def held_out(folder: Path) -> bool:
    """Is this sample set held out (by its name, or the name of the folder it links to)?"""
    return folder.name in HELD_OUT or folder.resolve().name in HELD_OUT


def tuning_sets(root: Path) -> list[Path]:
    """The sample sets under `root` (or `root` itself, if it is one) that may be trained on:
    not held out."""
    found = [root] if (root / ANSWERS).exists() else \
        sorted(p.parent for p in root.glob(f"*/{ANSWERS}"))
    return [folder for folder in found if not held_out(folder)]


def answer_pairs(folder: Path) -> list[Pair]:
    """A tuning set's written answers as judge training pairs (both ways)."""
    from claims.judge import without_contrast
    from claims.pipeline import ingest
    from claims.relate import judged_claims
    from claims.store import Store

    if held_out(folder):
        raise ValueError(f"{folder.name} is a held-out sample set: never trained on")
    with tempfile.TemporaryDirectory() as tmp:
        ingest([str(folder)], str(Path(tmp) / "index"), relate=False)
        claims = Store.open(Path(tmp) / "index").claims()
    judged = judged_claims(claims)
    ids = answer_claim_ids(claims)
    answers = load_answers(folder)
    labelled: dict[tuple[str, str], set[str]] = {}
    for key, label in _LABEL.items():
        for item in answers.get(key, []):
            pairs = [(a, b) for a in ids(item["a"], item.get("a_speaker"))
                     for b in ids(item["b"], item.get("b_speaker")) if a != b]
            if len(pairs) != 1:  # not found, or not saying which of a sentence's claims
                continue
            ja, jb = judged[pairs[0][0]], judged[pairs[0][1]]
            said = _TURNED[label] if ja.denied != jb.denied else label
            ta, tb = without_contrast(ja.text), without_contrast(jb.text)
            labelled.setdefault((ta, tb), set()).add(said)
            labelled.setdefault((tb, ta), set()).add(said)
    dataset = f"{DATASET}/{folder.name}"
    return [Pair(p, h, next(iter(labels)), dataset) for (p, h), labels in labelled.items()
            if len(labels) == 1]
