"""The tuning sample sets' written-down answers as judge training pairs.

Each written clash, agreement and numeric non-conflict of a sample set (`seeds/<set>/
_answers.json`) becomes a (premise, hypothesis) pair in the texts the judge reads in `claims
ingest` (`relate.judged_claims`, `judge.without_contrast`), both ways: a clash is
"contradiction", an agreement "entailment", a non-conflict "neutral". Where one side is a
denial, the judge reads the denied statement, so a clash is "entailment" there and an
agreement "contradiction" (relate turns the verdict round). Held-out sets (`labels.HELD_OUT`)
are never read; verdicts on predicted pairs (`_reviewed.json`) are not used either, so they
still measure precision.

    python -m claims.train_judge --data ../shared/data --sample-sets seeds --export-corpus F
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from claims.labels import HELD_OUT, answer_claim_ids, load_answers
from claims.nli_data import Pair

DATASET = "sample_sets"  # the data set name (--weight sample_sets=6)
_LABEL = {"clashes": "contradiction", "agreements": "entailment",
          "numeric_non_conflicts": "neutral"}
_TURNED = {"contradiction": "entailment", "entailment": "contradiction", "neutral": "neutral"}


def tuning_sets(root: Path) -> list[Path]:
    """The sample set folders under `root` that may be trained on (not held out)."""
    return sorted(p.parent for p in root.glob("*/_answers.json") if p.parent.name not in HELD_OUT)


def answer_pairs(folder: Path) -> list[Pair]:
    """A tuning set's written answers as judge training pairs (both ways; a pair whose two
    texts were written down with different labels is left out)."""
    from claims.embed import Embedder
    from claims.judge import without_contrast
    from claims.pipeline import ingest
    from claims.relate import judged_claims
    from claims.store import Store

    if folder.name in HELD_OUT:
        raise ValueError(f"{folder.name} is a held-out sample set: never trained on")
    with tempfile.TemporaryDirectory() as tmp:
        ingest([str(folder)], str(Path(tmp) / "index"), relate=False)
        store = Store.open(Path(tmp) / "index")
        claims, model = store.claims(), store.model
    judged = judged_claims(claims)
    ids = answer_claim_ids(claims)
    embedder = Embedder(model)
    answers = load_answers(folder)
    labelled: dict[tuple[str, str], set[str]] = {}
    for key, label in _LABEL.items():
        for item in answers.get(key, []):
            pairs = [(a, b) for a in ids(item["a"], item.get("a_speaker"))
                     for b in ids(item["b"], item.get("b_speaker")) if a != b]
            if not pairs:
                continue
            if len(pairs) > 1:  # sentences of several claims: the answer is about the closest
                vectors = embedder.encode([judged[c].text for pair in pairs for c in pair])
                best = max(range(len(pairs)),
                           key=lambda i: float(vectors[2 * i] @ vectors[2 * i + 1]))
                a, b = pairs[best]
            else:
                a, b = pairs[0]
            ja, jb = judged[a], judged[b]
            said = _TURNED[label] if ja.denied != jb.denied else label
            ta, tb = without_contrast(ja.text), without_contrast(jb.text)
            labelled.setdefault((ta, tb), set()).add(said)
            labelled.setdefault((tb, ta), set()).add(said)
    dataset = f"{DATASET}/{folder.name}"
    return [Pair(p, h, next(iter(labels)), dataset) for (p, h), labels in labelled.items()
            if len(labels) == 1]
