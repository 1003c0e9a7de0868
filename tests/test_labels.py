"""Scoring a store's relations against a sample set's written-down answers."""

from __future__ import annotations

import json

import polars as pl

from claims.labels import score_relations


def test_answers_find_transcript_turns_and_count_hits_misses_and_wrong_calls(tmp_path):
    (tmp_path / "_answers.json").write_text(json.dumps({
        "clashes": [
            {"a": "No shots were fired at that vessel.", "b": "Two warning shots were fired."},
            {"a": "The port stayed open.", "b": "The port was closed."},
        ],
        "agreements": [{"a": "Our inspectors counted 42 tonnes of cod.",
                        "b": "Inspectors found 42 tonnes of cod."}],
        "numeric_non_conflicts": [{"a": "Our inspectors counted 42 tonnes of cod.",
                                   "b": "The fine was 42,000 euros."}],
    }), encoding="utf-8")
    sentences = ["ROSK: No shots were fired at that vessel.",  # a transcript turn
                 "Two warning shots were fired.",
                 "ROSK: Our inspectors counted 42 tonnes of cod.",
                 "Inspectors found 42 tonnes of cod.",
                 "The port stayed open.", "The port was closed.",
                 "The fine was 42,000 euros."]
    claims = pl.DataFrame({"claim_id": list(range(1, 8)), "sentence": sentences,
                           "speaker": ["Annika Rosk", None, "Annika Rosk", None, None, None,
                                       None]})
    relations = pl.DataFrame({"a": [1, 3, 3], "b": [2, 4, 7],
                              "kind": ["contradict", "contradict", "contradict"],
                              "method": ["model", "numbers", "numbers"]})
    groups = pl.DataFrame({"group_id": [], "sides": []},
                          schema={"group_id": pl.Int64, "sides": pl.List(pl.List(pl.Int64))})
    score = score_relations(tmp_path, claims, relations, groups)
    assert (score.clashes, score.clashes_found) == (2, 1)  # the transcript turn is found
    assert (score.agreements, score.agreements_found) == (1, 0)
    assert score.predicted_clashes == 3 and score.predicted_clashes_labelled == 1
    assert score.predicted_clashes_wrong == 1  # 3/4 are written down as agreeing
    assert score.non_conflicts_flagged == 1
    assert any("The port stayed open." in m for m in score.missed)


def test_an_answer_naming_a_speaker_counts_only_that_speakers_claim(tmp_path):
    # one sentence, two speakers: the agreement written down is the board's figure, so the
    # mayor's claim in that sentence clashing with the board's figure is no wrong call
    both = "The board said 1,200 people had been displaced, but the mayor said 3,000."
    (tmp_path / "_answers.json").write_text(json.dumps({
        "clashes": [],
        "agreements": [{"a": both, "a_speaker": "Water Board",
                        "b": "The board says the number is 1,200."}],
    }), encoding="utf-8")
    claims = pl.DataFrame({"claim_id": [1, 2, 3],
                           "sentence": [both, both, "The board says the number is 1,200."],
                           "speaker": ["Water Board", "Edda Farrow", "Water Board"]})
    relations = pl.DataFrame({"a": [1, 2], "b": [3, 3], "kind": ["agree", "contradict"],
                              "method": ["numbers", "numbers"]})
    groups = pl.DataFrame({"group_id": [], "sides": []},
                          schema={"group_id": pl.Int64, "sides": pl.List(pl.List(pl.Int64))})
    score = score_relations(tmp_path, claims, relations, groups)
    assert score.agreements_found == 1 and score.predicted_agreements_labelled == 1
    assert score.predicted_clashes == 1 and score.predicted_clashes_wrong == 0


def test_reviewed_verdicts_count_for_precision_not_recall(tmp_path):
    (tmp_path / "_answers.json").write_text(json.dumps({
        "clashes": [{"a": "The port stayed open.", "b": "The port was closed."}],
        "agreements": [{"a": "Two people died.", "b": "The death toll is two."}],
    }), encoding="utf-8")
    (tmp_path / "_reviewed.json").write_text(json.dumps({"pairs": [
        {"a": "The port was closed.", "b": "The port reopened on Friday.", "verdict": "neither"},
        {"a": "Ships sailed all week.", "b": "The port stayed open.", "verdict": "clash"},
        {"a": "Two people died.", "b": "Four people were hurt.", "verdict": "neither"},
    ]}), encoding="utf-8")
    sentences = ["The port stayed open.", "The port was closed.", "The port reopened on Friday.",
                 "Ships sailed all week.", "Two people died.", "The death toll is two.",
                 "Four people were hurt."]
    claims = pl.DataFrame({"claim_id": list(range(1, 8)), "sentence": sentences,
                           "speaker": [None] * 7})
    # predicted clashes: the written one (1-2), one reviewed wrong (2-3), one reviewed right
    # (1-4, written the other way round), one never reviewed (3-7); agreements: the written
    # one (5-6), one reviewed wrong (5-7), one never reviewed (4-6)
    relations = pl.DataFrame({"a": [1, 2, 1, 3, 5, 5, 4], "b": [2, 3, 4, 7, 6, 7, 6],
                              "kind": ["contradict"] * 4 + ["agree"] * 3,
                              "method": ["numbers", "model", "model", "model", "model",
                                         "model", "model"]})
    groups = pl.DataFrame({"group_id": [], "sides": []},
                          schema={"group_id": pl.Int64, "sides": pl.List(pl.List(pl.Int64))})
    score = score_relations(tmp_path, claims, relations, groups)
    assert (score.clashes, score.clashes_found) == (1, 1)  # recall: written answers only
    assert score.clash_precision == 0.25  # 1 of 4 predicted is written down
    assert (score.reviewed_clashes_right, score.reviewed_clashes_wrong,
            score.unreviewed_clashes) == (1, 1, 1)
    assert score.clash_precision_reviewed == 2 / 3  # the unreviewed one left out
    # per method, what has a verdict: numbers 1-2 right; model 1-4 right, 2-3 wrong
    assert score.clash_methods == {"numbers": [1, 0], "model": [1, 1]}
    assert (score.reviewed_agreements_right, score.reviewed_agreements_wrong,
            score.unreviewed_agreements) == (0, 1, 1)
    assert score.agreement_precision_reviewed == 1 / 2


def test_an_answer_quoting_a_turn_label_finds_the_claim(tmp_path):
    """A verdict written from the claim's sentence as stored ("ROSK: ...") counts like one
    written without the label: the reviewed pair is not left unreviewed."""
    (tmp_path / "_answers.json").write_text(json.dumps({"clashes": [], "agreements": []}),
                                            encoding="utf-8")
    (tmp_path / "_reviewed.json").write_text(json.dumps({"pairs": [
        {"a": "ROSK: No shots were fired at that vessel.", "a_speaker": "Annika Rosk",
         "b": "Two warning shots were fired.", "b_speaker": None,
         "predicted": "contradict", "verdict": "clash"}]}), encoding="utf-8")
    claims = pl.DataFrame({"claim_id": [1, 2],
                           "sentence": ["ROSK: No shots were fired at that vessel.",
                                        "Two warning shots were fired."],
                           "speaker": ["Annika Rosk", None]})
    relations = pl.DataFrame({"a": [1], "b": [2], "kind": ["contradict"], "method": ["model"]})
    groups = pl.DataFrame({"group_id": [], "sides": []},
                          schema={"group_id": pl.Int64, "sides": pl.List(pl.List(pl.Int64))})
    score = score_relations(tmp_path, claims, relations, groups)
    assert (score.unreviewed_clashes, score.reviewed_clashes_right) == (0, 1)
