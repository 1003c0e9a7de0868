"""The tuning sample sets' written answers as judge training pairs (claims.sample_pairs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.labels import HELD_OUT
from claims.nli_data import Corpus, Pair
from claims.sample_pairs import DATASET, answer_pairs, tuning_sets
from claims.train_judge import add_sample_sets

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _labels(pairs: list[Pair], a: str, b: str) -> list[str]:
    return [p.label for p in pairs if a in p.premise and b in p.hypothesis]


def test_the_seed_article_s_written_answers_become_pairs_both_ways() -> None:
    pairs = answer_pairs(SEEDS / "idlib")
    # Oktay against Russia: a written clash, in the texts the judge reads (no "X said")
    assert _labels(pairs, "fulfilled its responsibilities", "neutralise terrorists") \
        == ["contradiction"]
    assert _labels(pairs, "neutralise terrorists", "fulfilled its responsibilities") \
        == ["contradiction"]
    assert not any("said" in p.premise.split()[:3] for p in pairs)
    # the UN's two "800,000 fled": an agreement; "a million more": a numeric non-conflict
    assert _labels(pairs, "800,000 people have fled", "800,000 Syrians") == ["entailment"]
    assert _labels(pairs, "800,000 people have fled", "a million more people") == ["neutral"]
    assert {p.dataset for p in pairs} == {f"{DATASET}/idlib"}


def _write_set(root: Path, clash: dict[str, str]) -> Path:
    folder = root / "bridge"
    (folder / "valley-post").mkdir(parents=True)
    (folder / "river-radio").mkdir()
    (folder / "valley-post" / "closure.txt").write_text(
        "Bridge closed\n\nThe Orsa bridge was closed to traffic on Monday, police said.\n")
    (folder / "river-radio" / "denial.txt").write_text(
        "Council denies closure\n\nThe council denied that the Orsa bridge was closed on "
        "Monday.\n")
    (folder / "_answers.json").write_text(json.dumps({"clashes": [clash]}))
    return folder


def test_a_clash_with_a_denial_is_an_entailment_of_the_denied_statement(tmp_path: Path) -> None:
    folder = _write_set(tmp_path, {
        "a": "The Orsa bridge was closed to traffic on Monday, police said.",
        "b": "The council denied that the Orsa bridge was closed on Monday."})
    pairs = answer_pairs(folder)
    # the judge reads the denied statement itself; relate turns its entailment into a clash
    assert len(pairs) == 2
    assert {p.label for p in pairs} == {"entailment"}
    assert all("denied" not in p.premise + p.hypothesis for p in pairs)


def test_held_out_sets_are_never_read() -> None:
    names = {f.name for f in tuning_sets(SEEDS)}
    assert "idlib" in names and len(names) >= 16
    assert not names & HELD_OUT
    with pytest.raises(ValueError, match="held-out"):
        answer_pairs(SEEDS / sorted(HELD_OUT)[0])


def test_sample_set_pairs_join_the_training_pairs_not_dev(tmp_path: Path) -> None:
    _write_set(tmp_path, {
        "a": "The Orsa bridge was closed to traffic on Monday, police said.",
        "b": "The council denied that the Orsa bridge was closed on Monday."})
    dev = [Pair("A man sleeps.", "A man is awake.", "contradiction", "snli/dev")]
    corpus = Corpus([], list(dev), {}, {}, {})
    add_sample_sets(corpus, tmp_path)
    assert corpus.dev == dev
    assert len(corpus.train) == 2 and corpus.counts == {f"{DATASET}/bridge": 2}
