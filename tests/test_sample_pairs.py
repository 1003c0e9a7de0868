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
CLOSED = "The Orsa bridge was closed to traffic on Monday, police said."
DENIED = "The council denied that the Orsa bridge was closed on Monday."
NOT_CLOSED = "The Orsa bridge was not closed on Monday, the mayor said."
TWO = "The board said 1,200 people had been displaced, but the mayor said 3,000."
BOARD = "The board says the number is 1,200."


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


def _write_set(root: Path, answers: dict[str, list[dict[str, str]]],
               name: str = "bridge") -> Path:
    folder = root / name
    for outlet, text in (("valley-post", CLOSED), ("river-radio", DENIED),
                         ("city-news", NOT_CLOSED), ("board-wire", f"{TWO}\n\n{BOARD}")):
        (folder / outlet).mkdir(parents=True)
        (folder / outlet / "story.txt").write_text(f"Bridge\n\n{text}\n")
    (folder / "_answers.json").write_text(json.dumps(answers))
    return folder


def test_a_denied_side_turns_the_label_round(tmp_path: Path) -> None:
    clash = answer_pairs(_write_set(tmp_path / "1", {"clashes": [{"a": CLOSED, "b": DENIED}]}))
    # the judge reads the denied statement itself; relate turns its entailment into a clash
    assert len(clash) == 2 and {p.label for p in clash} == {"entailment"}
    assert all("denied" not in p.premise + p.hypothesis for p in clash)
    agree = answer_pairs(_write_set(tmp_path / "2",
                                    {"agreements": [{"a": NOT_CLOSED, "b": DENIED}]}))
    assert len(agree) == 2 and {p.label for p in agree} == {"contradiction"}


def test_a_pair_written_down_twice_with_two_labels_is_left_out(tmp_path: Path) -> None:
    item = {"a": CLOSED, "b": NOT_CLOSED}
    assert len(answer_pairs(_write_set(tmp_path / "1", {"clashes": [item]}))) == 2
    both = _write_set(tmp_path / "2", {"clashes": [item], "agreements": [item]})
    assert answer_pairs(both) == []


def test_an_answer_that_does_not_say_which_claim_of_a_sentence_is_left_out(
        tmp_path: Path) -> None:
    vague = answer_pairs(_write_set(tmp_path / "1", {"agreements": [{"a": TWO, "b": BOARD}]}))
    assert vague == []  # the board's 1,200 or the mayor's 3,000?
    named = answer_pairs(_write_set(tmp_path / "2", {"agreements": [
        {"a": TWO, "a_speaker": "board", "b": BOARD}]}))
    assert [(p.premise, p.label) for p in named if "1,200 people" in p.premise] == [
        ("1,200 people had been displaced", "entailment")]
    assert not any("3,000" in p.premise + p.hypothesis for p in named)


def test_held_out_sets_are_never_read(tmp_path: Path) -> None:
    names = {f.name for f in tuning_sets(SEEDS)}
    assert "idlib" in names and len(names) >= 16
    assert not names & HELD_OUT
    with pytest.raises(ValueError, match="held-out"):
        answer_pairs(SEEDS / sorted(HELD_OUT)[0])
    (tmp_path / "alias").symlink_to(SEEDS / sorted(HELD_OUT)[0])  # nor under another name
    assert tuning_sets(tmp_path) == []
    with pytest.raises(SystemExit, match="no sample set to train on"):
        add_sample_sets(Corpus([], [], {}, {}, {}), tmp_path)


def test_sample_set_pairs_join_the_training_pairs_once_and_not_dev(tmp_path: Path) -> None:
    folder = _write_set(tmp_path, {"clashes": [{"a": CLOSED, "b": DENIED}]})
    dev = [Pair("A man sleeps.", "A man is awake.", "contradiction", "snli/dev")]
    corpus = Corpus([], list(dev), {}, {}, {})
    add_sample_sets(corpus, folder)  # one set's own folder will do
    assert corpus.dev == dev
    assert len(corpus.train) == 2 and corpus.counts == {f"{DATASET}/bridge": 2}
    with pytest.raises(SystemExit, match="already holds"):  # exported with them already
        add_sample_sets(corpus, tmp_path)
    with pytest.raises(SystemExit, match="no such folder"):
        add_sample_sets(corpus, tmp_path / "missing")
