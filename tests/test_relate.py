"""Candidates, the judgement cache, incremental updates, grouping and the CLI for conflicts and
groups. The judge here is a tiny model built in the test (its verdicts are fixed), so these
tests are about the machinery; the shipped judge's quality is measured in benchmarks/."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re

import numpy as np
import polars as pl
import pytest
from typer.testing import CliRunner

from claims import relate
from claims.cli import app
from claims.group import build_groups
from claims.judge import Judgement
from claims.pipeline import ingest
from claims.relate import (
    RELATIONS,
    _judged_key,
    candidates,
    denials,
    figure_candidates,
    judged,
    judged_claims,
    timing_candidates,
)
from claims.store import Store
from claims.vectors import VectorIndex
from tests.test_judge import build_tiny_nli

runner = CliRunner()


def unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_candidates_are_nearest_neighbours_above_the_floor_each_pair_once():
    vecs = [unit([1, 0, 0]), unit([0.9, 0.1, 0]), unit([0.8, 0.2, 0]), unit([0, 0, 1])]
    index = VectorIndex(3).with_added(np.array([10, 11, 12, 13], dtype=np.int64),
                                      np.vstack(vecs))
    got = candidates(index, [10, 11, 12, 13], k=1, floor=0.5)
    assert {(c.a, c.b) for c in got} == {(10, 11), (11, 12)}
    assert all(c.similarity >= 0.5 for c in got)
    got = candidates(index, [10], k=5, floor=0.5)  # only pairs with the claims asked about
    assert {(c.a, c.b) for c in got} == {(10, 11), (10, 12)}


def test_claims_stating_one_figure_are_candidates_however_far_apart():
    contents = {i: judged(t, None, None) for i, t in enumerate([
        "A recount in 86 polling stations has cut the governor's lead",
        "the court ordered a recount in 86 stations",
        "the ferry will resume service on Friday",  # no figure
        "the ferry carried 86 passengers",  # 86 of something else
        "Turnout was 61 percent", "61 percent backed the plan", "61 percent said no",
        "three people were riding a bus", "three people were drinking champagne",  # too common
    ])}
    vecs = np.vstack([unit(np.eye(9)[i]) for i in range(9)])  # all orthogonal: cosine 0
    index = VectorIndex(9).with_added(np.arange(9, dtype=np.int64), vecs)
    got = figure_candidates(contents, list(range(9)), index, peers=2)
    assert [(c.a, c.b, c.similarity) for c in got] == [(0, 1, 0.0)]
    assert figure_candidates(contents, [2, 3], index, peers=2) == []  # only the claims asked
    # a figure three claims state is too common to tie them at peers=2, not at 3
    assert {(c.a, c.b) for c in figure_candidates(contents, [4], index, peers=3)} == \
        {(4, 5), (4, 6)}


def test_a_figure_hedged_on_one_side_still_ties_the_claims():
    contents = {i: judged(t, None, None) for i, t in enumerate([
        "hackers had stolen the addresses of about 1.2 million customers",
        "the records of 1.2 million customers were taken",
        "the records of 1.2 million accounts were taken",  # 1.2 million of something else
        "more than 1.2 million customers were affected",  # bounded: one figure too
    ])}
    index = VectorIndex(4).with_added(np.arange(4, dtype=np.int64), np.eye(4, dtype="float32"))
    assert [(c.a, c.b) for c in figure_candidates(contents, [0, 1, 2, 3], index)] == [
        (0, 1), (0, 3), (1, 3)]
    # hedged and not together too many: each wording still ties its own (as before)
    texts = [f"{h}1.2 million customers were affected in region {n}"
             for n, h in enumerate(["", "", "", "", "about ", "about ", "about "])]
    contents = {i: judged(t, None, None) for i, t in enumerate(texts)}
    index = VectorIndex(7).with_added(np.arange(7, dtype=np.int64), np.eye(7, dtype="float32"))
    got = {(c.a, c.b) for c in figure_candidates(contents, list(range(7)), index)}
    assert got == {(a, b) for a in range(4) for b in range(a + 1, 4)} | {(4, 5), (4, 6), (5, 6)}


def test_ingest_judges_claims_that_state_one_figure_beyond_the_neighbours(
        tmp_path, judge_says_contradiction):
    """ "43 percent of Grey Sound cod" and "his country's share will rise to 43 percent" are at
    cosine 0.17 under the bundled MiniLM, below the candidate floor; the figure ties them."""
    (tmp_path / "a.txt").write_text(
        "The Lundar Isles will be allowed to catch 43 percent of Grey Sound cod from next "
        "year.\n\nThe harbour master said the ferry would resume service on Friday.",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Aasgard insisted his country's share will rise to 43 percent in 2027.",
        encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], index,
           judge=judge_says_contradiction)
    store = Store.open(index)
    claims = store.claims()
    contents = judged_claims(claims)
    by_text = {r["content"]: r["claim_id"] for r in claims.iter_rows(named=True)}
    a = next(i for t, i in by_text.items() if "Grey Sound" in t)
    b = next(i for t, i in by_text.items() if "2027" in t)
    assert _judged_key(contents[a], contents[b]) in set(store.pairs()["key"])


def test_a_time_said_to_have_come_first_pairs_claims_beyond_the_neighbours():
    contents = {i: judged(t, None, None) for i, t in enumerate([
        "There was no alert about this attack before the fourth of March",
        "analysts had raised an alert about the data transfers on February 21",
        "an alert was raised on March 9",  # later: no clash
        "the ferry will resume service on Friday",  # no clash with anything
    ])}
    contents[4] = judged("an alert had been raised on February 21", None, "denied")  # denied
    index = VectorIndex(5).with_added(np.arange(5, dtype=np.int64), np.eye(5, dtype="float32"))
    assert [(c.a, c.b, c.similarity) for c in timing_candidates(
        contents, list(range(5)), index)] == [(0, 1, 0.0)]  # however far apart
    assert [(c.a, c.b) for c in timing_candidates(contents, [1], index)] == [(0, 1)]
    assert timing_candidates(contents, [2, 3], index) == []  # only the claims asked about


def test_ingest_flags_a_thing_done_before_the_time_another_says_it_first_happened(tmp_path):
    """ "no alert ... before the fourth of March" and "raised an alert ... on February 21" are
    at cosine 0.3 under the bundled MiniLM: neither is among the other's nearest claims, and
    the shipped judge finds no contradiction. The dates do."""
    (tmp_path / "a.txt").write_text(
        "Tarrow Energy said there was no alert about this attack before the fourth of March."
        "\n\nThe harbour master said the ferry would resume service on Friday.\n\nTarrow "
        "Energy said its billing servers had been shut down and that customers would be "
        "told by email.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "The union said Veradyne's analysts had raised an alert about unusually large data "
        "transfers from Tarrow Energy's billing servers on February 21.", encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], index)
    store = Store.open(index)
    text = dict(store.claims().select("claim_id", "content").iter_rows())
    clashes = [(text[a], text[b], m, r[0]) for a, b, m, r in store.relations().filter(
        pl.col("kind") == "contradict").select("a", "b", "method", "reasons").iter_rows()]
    assert len(clashes) == 1, clashes
    a, b, method, reason = clashes[0]
    assert {"fourth of March" in a + b, "February 21" in a + b, method} == {True, "numbers"}
    assert reason.startswith("dates:")


def claims_frame(rows):
    return pl.DataFrame([{"claim_id": i, "source": s, "speaker": sp,
                          "published": dt.date(2026, 3, d)} for i, s, sp, d in rows])


def relations(rows):
    return pl.DataFrame([{"a": a, "b": b, "kind": k, "score": sc, "similarity": 0.8,
                          "method": "model", "reasons": [], "judged_at": None}
                         for a, b, k, sc in rows], schema=RELATIONS)


def test_grouping_makes_sides_from_agreement_and_groups_from_clashes():
    claims = claims_frame([(0, "a", "X", 1), (1, "b", "Y", 2), (2, "c", "X", 3),
                           (3, "d", "Z", 4), (4, "a", "W", 5), (5, "b", None, 6),
                           (6, "e", "V", 7)])
    rels = relations([(0, 1, "agree", 0.9), (1, 2, "agree", 0.8), (3, 4, "agree", 0.9),
                      (2, 3, "contradict", 0.95), (5, 6, "agree", 0.7)])
    groups = build_groups(claims, rels)
    first = groups.row(0, named=True)
    assert first["contested"] and first["sides"] == [[0, 1, 2], [3, 4]]
    assert first["side_sources"] == [3, 2] and first["side_speakers"] == [2, 2]
    assert first["canonical"] == 1  # the claim agreeing most strongly with its side
    assert (first["first_seen"], first["last_seen"]) == (dt.date(2026, 3, 1),
                                                          dt.date(2026, 3, 5))
    second = groups.row(1, named=True)
    assert not second["contested"] and second["sides"] == [[5, 6]]
    assert len(groups) == 2  # a lone claim forms no group


def claim_rows(rows, sentence=""):
    return pl.DataFrame([{"claim_id": i, "doc_id": "d", "speaker": sp, "verb": v,
                          "content": text, "sentence_start": sent, "start": start,
                          "end": start + len(text), "sentence": sentence}
                         for i, (sp, v, text, sent, start) in enumerate(rows)])


def test_an_answer_after_but_in_the_same_sentence_answers_the_accusation():
    sentence = ('She accused the commission of "cooking the books", but its chairwoman, Lidia '
                'Starke, said the recount had found "human errors, not fraud".')

    def rows(first_verb, second_speaker="Lidia Starke"):
        return claim_rows([
            ("Irena Holtz", first_verb, 'the commission of "cooking the books"', 0, 12),
            (second_speaker, "said", 'the recount had found "human errors, not fraud"', 0,
             sentence.index("the recount")),
        ], sentence)

    [(a, b, reason)] = denials(rows("accused"))
    assert (a, b) == (1, 0) and "after 'but'" in reason
    assert denials(rows("said")) == []  # "X said ..., but Y said ...": a contrast, no answer
    assert denials(rows("accused", "Irena Holtz")) == []  # the same speaker goes on
    # an answer says no; a "but" across ";" joins nothing
    week = "Holtz alleged the count was rigged, but the commission said it would take a week."
    assert denials(claim_rows([
        ("Irena Holtz", "alleged", "the count was rigged", 0, 13),
        ("commission", "said", "it would take a week", 0, week.index("it would")),
    ], week)) == []
    quiet = "Holtz alleged the count was rigged, but the commission said it would not comment."
    assert denials(claim_rows([
        ("Irena Holtz", "alleged", "the count was rigged", 0, 13),
        ("commission", "said", "it would not comment", 0, quiet.index("it would")),
    ], quiet)) == []  # "not", and no answer
    semi = "Holtz alleged fraud; but later the court said there was no fraud."
    assert denials(claim_rows([
        ("Irena Holtz", "alleged", "fraud", 0, 13),
        ("court", "said", "there was no fraud", 0, semi.index("there was")),
    ], semi)) == []


def test_a_rebuttal_in_the_same_sentence_answers_the_accusation():
    claims = claim_rows([
        ("Fuat Oktay", "insisted", "Ankara had fulfilled its responsibilities", 0, 10),
        ("Russia", "accused", "Turkey of failing to neutralise terrorists", 0, 80),
        ("United Nations", "says", "800,000 people have fled", 200, 220),
    ])
    [(a, b, reason)] = denials(claims)
    assert (a, b) == (0, 1) and reason.startswith("rebuttal: Fuat Oktay insisted")
    # a plain "says" is answered only with a word in common: a headline's two reports
    headline = "Governor says twelve dead, lorry firm denies its truck was overweight"
    assert denials(claim_rows([
        ("Katrin Dossel", "says", "twelve dead", 0, 14),
        ("Dreyer Haulage", "denies", "its truck was overweight", 0, headline.index("its")),
    ], headline)) == []
    assert len(denials(claim_rows([
        ("Katrin Dossel", "says", "the truck was overweight", 0, 14),
        ("Dreyer Haulage", "denies", "its truck was overweight", 0, 50),
    ]))) == 1


def test_a_denial_of_this_claim_answers_the_last_claim_by_someone_else():
    claims = claim_rows([
        ("Russia", "said", "Turkey failed to neutralise terrorists", 0, 0),
        ("Recep Tayyip Erdogan", "dismissed", "this claim", 100, 110),
        ("Recep Tayyip Erdogan", "said", "Turkish forces would fight", 100, 140),
        ("Green Tide", "denied", "that the water was clean", 200, 210),  # no anaphor: no pair
    ])
    [(a, b, reason)] = denials(claims)
    assert (a, b) == (1, 0) and reason.startswith("denial: Recep Tayyip Erdogan dismissed")


def test_denying_ever_seeing_such_reports_answers_the_claim_about_them():
    claims = claim_rows([
        ("Gregor Aldane", "claimed", "the government had ignored two engineering reports", 0,
         0),
        ("Paulo Venner", "denied", "ever seeing such reports", 100, 100),
        ("Paulo Venner", "denied", "seeing the minister", 200, 200),  # no report: no pair
        ("Paulo Venner", "denied", "leaking the report to journalists", 300, 300),  # an act
    ])
    [(a, b, reason)] = denials(claims)
    assert (a, b) == (1, 0) and "answering Gregor Aldane" in reason


def test_calling_the_claim_false_answers_the_last_claim_by_someone_else():
    claims = claim_rows([
        ("Gregor Aldane", "accused", "the government of cutting the budget for inspections",
         0, 0),
        ("Interior Ministry", "said", "the claim was false and that inspection funding had "
         "risen every year", 100, 110),
        ("Interior Ministry", "said", "the dam was inspected in March", 200, 210),  # no answer
    ])
    [(a, b, reason)] = denials(claims)
    assert (a, b) == (1, 0) and reason.startswith("denial: Interior Ministry said 'the claim")


@pytest.mark.parametrize("verb, answer", [
    (None, "That is simply untrue"),  # a transcript's answer to the question before it
    ("said", "was untrue"),  # "Ms Vitt said that was untrue": the wrapper took "that"
    ("said", "That's simply not true"),
    ("said", "That is incorrect"),
    ("called", '"completely false"'),  # "Heskline called that "completely false""
])
def test_saying_that_is_untrue_answers_the_last_claim_by_someone_else(verb, answer):
    claims = claim_rows([
        ("Annika Rost", "said", "three crew members had been sent home before the crossing",
         0, 0),
        ("Heskline Ferries", verb, answer, 100, 100),
    ])
    [(a, b, reason)] = denials(claims)
    assert (a, b) == (1, 0) and "answering Annika Rost" in reason


@pytest.mark.parametrize("verb, content", [
    (None, "It does not tell you the result was wrong"),  # no answer to anyone
    ("said", "the forecast was wrong"),  # of what it names, not of the claim before
    ("said", "completely false"),  # only "called" takes what is called false as its object
    ("called", "the report completely false and misleading in parts"),
    ("said", "That was wrong"),  # "wrong" judges as often as it denies
    ("said", "That is misleading"),
    ("said", "that was not untrue"),  # an admission
    ("called", "not false"),
])
def test_what_is_not_a_bare_that_is_untrue_answers_nothing(verb, content):
    claims = claim_rows([
        ("Annika Rost", "said", "three crew members had been sent home before the crossing",
         0, 0),
        ("Heskline Ferries", verb, content, 100, 100),
    ])
    assert denials(claims) == []


@pytest.fixture(scope="module")
def judge_says_contradiction(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("judge")
    return str(build_tiny_nli(path, {0: "contradiction", 1: "entailment", 2: "neutral"}, 0))


DOC_A = ("The mayor said the harbour was closed to all shipping on Monday.\n\n"
         "Police said 40 firefighters fought the blaze at the port.\n\n"
         "The union said the harbour was not closed on Monday.")
DOC_B = "Port officials said 60 firefighters fought the blaze at the harbour."


def test_relations_are_cached_and_updated_incrementally(tmp_path, judge_says_contradiction):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(DOC_B, encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / "a")], index, judge=judge_says_contradiction)
    store = Store.open(index)
    first_pairs = len(store.pairs())
    assert first_pairs >= 1  # pairs inside one document are candidates too
    assert store.manifest["judge_model"] == judge_says_contradiction
    claims_before = len(store.claims())
    ingest([str(tmp_path / "b")], index)  # uses the store's judge
    store = Store.open(index)
    new_claims = len(store.claims()) - claims_before
    judged_now = len(store.pairs()) - first_pairs
    assert 1 <= judged_now <= 8 * new_claims  # about k per new claim, never n^2
    rels = store.relations()
    assert len(rels) and set(rels["kind"]) == {"contradict"}
    assert len(store.groups()) >= 1
    # Rebuilding judges nothing already cached for the same judge...
    before = Store.open(index).manifest["generation"]
    r = runner.invoke(app, ["relate", "--index", index, "--json"])
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert summary["judged"] == 0 and summary["relations"] == len(rels)
    # ...and links the unchanged claims and vectors into the new generation, not rewrites.
    after = Store.open(index).manifest["generation"]
    for name in ("claims-000001.parquet", "vectors-000001.npy", "documents-000001.parquet"):
        old_file = tmp_path / "index" / before / name
        assert (tmp_path / "index" / after / name).stat().st_ino == old_file.stat().st_ino


@pytest.mark.parametrize("setting, value", [("K", 0), ("CANDIDATE_FLOOR", 1.01)])
def test_ingest_reads_k_and_the_candidate_floor_when_it_runs(tmp_path, monkeypatch,
                                                             judge_says_contradiction,
                                                             setting, value):
    """benchmarks/relations.py --k sets relate.K: no neighbour (or none close enough) is no
    pair to judge."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(DOC_A, encoding="utf-8")
    monkeypatch.setattr(relate, setting, value)
    ingest([str(tmp_path / "a")], str(tmp_path / "index"), judge=judge_says_contradiction)
    assert len(Store.open(tmp_path / "index").claims()) == 3
    assert len(Store.open(tmp_path / "index").pairs()) == 0


def test_conflicts_and_groups_cli(tmp_path, judge_says_contradiction):
    (tmp_path / "herald").mkdir()
    (tmp_path / "herald" / "2026-03-03-a.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "2026-03-05-b.txt").write_text(DOC_B, encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path)], index, judge=judge_says_contradiction)
    r = runner.invoke(app, ["conflicts", "--index", index, "--json"])
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows
    claim_keys = {"claim_id", "sentence", "content", "speaker", "source", "published", "doc_id"}
    for row in rows:
        assert {"a", "b", "kind", "score", "method", "reasons"} <= set(row)
        assert claim_keys <= set(row["a"]) and claim_keys <= set(row["b"])
    scores = [row["score"] for row in rows]
    assert scores == sorted(scores, reverse=True)
    numeric = [row for row in rows if row["method"] == "numbers"]
    assert numeric and "40 firefighters" in numeric[0]["reasons"][0]
    for row in numeric:  # the sides come in the order the reason quotes them
        first, second = re.search(r"'(.+?)' vs '(.+?)'", row["reasons"][0]).groups()
        assert first in row["a"]["content"] and second in row["b"]["content"]
    def shown(*options: str) -> list[dict]:
        r = runner.invoke(app, ["conflicts", "--index", index, "--json", *options])
        assert r.exit_code == 0, r.output
        return [json.loads(line) for line in r.stdout.splitlines()]

    wire = shown("--source", "wire")
    assert wire and len(wire) < len(rows)
    assert all("wire" in (x["a"]["source"], x["b"]["source"]) for x in wire)
    assert shown("--speaker", "nobody") == []
    late = shown("--since", "2026-03-04")
    assert late and all(max(x["a"]["published"], x["b"]["published"]) >= "2026-03-04"
                        for x in late)
    both = shown("--source", "wire", "--speaker", "Port Officials")  # case does not matter
    assert both and all(any(s["source"] == "wire" and s["speaker"] == "port officials"
                            for s in (x["a"], x["b"])) for x in both)
    assert shown("--source", "herald", "--speaker", "port officials") == []
    # by what found the clash
    by_numbers = shown("--method", "numbers")
    assert by_numbers and all(x["method"] == "numbers" for x in by_numbers)
    assert len(by_numbers) < len(rows)  # the judge's clash ("closed" / "not closed") left out
    both = shown("--method", "Numbers", "--method", "model")
    assert {x["method"] for x in both} <= {"numbers", "model"} and len(both) > len(by_numbers)
    # the score is how often such clashes were right on the seeds: a rule's clash first, and
    # --min-score 0.5 leaves out the model's alone
    methods = [x["method"] for x in rows]
    assert "model" in methods and methods.index("numbers") < methods.index("model")
    from claims.relate import CLASH_SHARE, share_keys  # ...as relations.parquet holds it too
    store = Store.open(index)
    stored = store.relations().filter(pl.col("kind") == "contradict")
    assert stored.height and [CLASH_SHARE[k] for k in share_keys(stored, store.claims())] \
        == stored["score"].to_list()
    sure = shown("--min-score", "0.5")
    assert sure and {x["method"] for x in sure} <= {"numbers", "negation", "denial"}
    assert len(sure) == len([x for x in rows if x["method"] != "model"])
    r = runner.invoke(app, ["conflicts", "--index", index, "--method", "rules"])
    said = " ".join(r.output.replace("│", " ").split())  # (the error box wraps lines)
    assert r.exit_code == 2 and "unknown rules: use numbers, negation, denial, model" in said
    r = runner.invoke(app, ["conflicts", "--index", index], env={"COLUMNS": "250"})
    assert r.exit_code == 0 and "firefighters" in r.stdout
    # each side says who said it and how ("police said", as a denial would say "denied")
    assert "police said (herald, 2026-03-03)" in r.stdout
    assert "showing" not in r.stderr  # every clash is shown...
    r = runner.invoke(app, ["conflicts", "--index", index, "--limit", "1"])
    assert r.exit_code == 0  # ...and a list cut short says so, on stderr
    assert f"showing 1 of {len(rows)} clashes; --limit N shows more" in r.stderr
    for score in ("5", "-1"):  # a score is a share: out of range is a usage error
        r = runner.invoke(app, ["conflicts", "--index", index, "--min-score", score])
        assert r.exit_code == 2 and "--min-score" in r.output
    r = runner.invoke(app, ["groups", "--index", index, "--json", "--contested"])
    groups = [json.loads(line) for line in r.stdout.splitlines()]
    assert groups and all(g["contested"] and len(g["sides"]) >= 2 for g in groups)
    assert {"group_id", "contested", "canonical", "sides", "sources"} <= set(groups[0])
    r = runner.invoke(app, ["groups", "--index", index])
    assert r.exit_code == 0 and "contested" in r.stdout


def test_a_count_that_states_a_claim_is_judged_with_it():
    # the content alone ("Maslen a lead of 3,968 votes") says little without its count
    assert judged("Maslen a lead of 3,968 votes", "Kessenmark Electoral Commission", "gave",
                  "Its final count, published on Tuesday, gave ").text == \
        "Its final count, published on Tuesday, gave Maslen a lead of 3,968 votes"
    assert judged("the water was safe", "Anna Berg", "said", "Anna Berg said that ").text == \
        "the water was safe"
    # ...but a report that found or said a whole statement needs no lead ("The report found
    # that the first shells came from the north-east" says what the shells did)
    assert judged("the first shells came from the north-east", "Monitoring Mission", "found",
                  "Last week's report by the mission found that ").text == \
        "the first shells came from the north-east"
    assert judged("faults had been logged on June 28", "Inspectorate", "said",
                  "The report said ").text == "faults had been logged on June 28"


def test_a_subject_pronoun_is_judged_as_the_speaker():
    from claims.relate import with_subject

    assert with_subject("it had treated 17 people for injuries", "Kellbrook General Hospital") \
        == "Kellbrook General Hospital had treated 17 people for injuries"
    assert with_subject("they would not comment", "Velmora police") == \
        "Velmora police would not comment"
    assert with_subject("Ankara had fulfilled its responsibilities", "Fuat Oktay") == \
        "Ankara had fulfilled its responsibilities"  # no pronoun: as written
    assert with_subject("it rained all night", None) == "it rained all night"  # no speaker
    # "I" and "we" become the speaker, and the verb agrees with it
    assert with_subject("I do not see how anyone arrives at 52 million", "Helga Rimmer") == \
        "Helga Rimmer does not see how anyone arrives at 52 million"
    assert with_subject("we have never billed twice", "Kalder Construction Group") == \
        "Kalder Construction Group has never billed twice"
    assert with_subject("we are not safe here", "residents") == "residents are not safe here"
    # one who speaks for someone else: "he" may be that one, and is left as it is
    assert with_subject("he had congratulated the governor", "Elin Bakke",
                        "Elin Bakke, a spokeswoman for Mattias Orn, denied that ") == \
        "he had congratulated the governor"
    assert with_subject("she would appeal", "Tom Lind", "Berg's lawyer, Tom Lind, said ") == \
        "she would appeal"
    assert with_subject("she would appeal", "Anna Berg", "Anna Berg said on Monday that ") == \
        "Anna Berg would appeal"
    assert with_subject("it would appeal", "Velmora police",  # not a person's pronoun
                        "A spokesman for Velmora police said ") == "Velmora police would appeal"
    # "they" after a person's name, "it" after a titled one: someone or something else
    assert with_subject("they were being held under seal", "Pavel Anker",
                        "Pavel Anker said ") == "they were being held under seal"
    assert with_subject("it was safe", "Edda Farrow", "Mayor Edda Farrow said ") == \
        "it was safe"
    assert with_subject("it had paid a bond", "Skerrow Seafoods",  # a company's "owner" role
                        "Skerrow Seafoods, the vessel's owner, said ") == \
        "Skerrow Seafoods had paid a bond"
    # only the speaker's own clause says whom they speak for
    assert with_subject("he would appeal", "Teodor Maslen",
                        "Orn's lawyer said the case was closed, and Teodor Maslen said ") == \
        "Teodor Maslen would appeal"
    # in the speaker's own words (a quotation, a transcript's turn) only "I" and "we" are the
    # speaker: '"He signed every one of them," Varo told the court', "It was still dark"
    from claims.relate import judged

    assert judged("He signed every one of them", "Ilona Varo", "told", '"').text == \
        "He signed every one of them"
    assert judged("It was still dark", "Josip Varn", None).text == "It was still dark"
    assert judged("I never signed a single transfer", "Viktor Hallan", None).text == \
        "Viktor Hallan never signed a single transfer"
    assert judged("he never signed any transfer", "Viktor Hallan", "told",
                  "Hallan told the court that ").text == "Viktor Hallan never signed any transfer"


def test_the_same_figure_of_the_same_thing_makes_close_claims_agree():
    from claims.judge import Judgement
    from claims.relate import _combine
    from claims.rules import shared_figure

    a = "The Turkish military has 12 observation posts in the northwestern province of Idlib"
    b = "Turkey has 12 observation posts in Idlib as part of the 2018 agreement"
    assert shared_figure(a, b) == "12 observation posts"
    assert shared_figure(a, "up to four of the posts are surrounded") is None
    assert shared_figure("800,000 people fled", "800,000 dollars were sent") is None
    unsure = Judgement("neutral", {"entailment": 0.1, "neutral": 0.5, "contradiction": 0.4},
                       None, ("model",), a, b)
    kind, _, method, reasons = _combine(unsure, unsure, similarity=0.82)
    assert (kind, method) == ("agree", "numbers") and "12 observation posts" in reasons[0]
    # from the floor on (0.45): "put the figure at 35 decibels" / "will produce thirty-five
    # decibels" were 0.49 apart
    assert _combine(unsure, unsure, similarity=0.47)[0] == "agree"
    assert _combine(unsure, unsure, similarity=0.44)[0] == "neutral"  # not close enough


def test_the_model_alone_clashes_only_where_one_side_says_no_or_the_figures_differ():
    from claims.judge import Judgement
    from claims.relate import _combine

    sure = {"entailment": 0.05, "neutral": 0.1, "contradiction": 0.85}

    def verdict(a: str, b: str, similarity: float) -> str:
        return _combine(Judgement("contradiction", sure, None, ("model",), a, b),
                        Judgement("contradiction", sure, None, ("model",), b, a), similarity)[0]

    # two facts of one story, which the model calls a contradiction both ways
    assert verdict("the rain had exceeded anything the dam was built to withstand",
                   "Army engineers were sent to shore up the remaining section of the dam",
                   0.65) == "neutral"
    assert verdict("The port was closed to all traffic on Tuesday",
                   "The port reopened to limited traffic on Friday morning", 0.83) == "neutral"
    # one side says no, or the two give different figures: the model's clash stands
    assert verdict("the fire alarms had worked properly", "they heard no alarm at all",
                   0.65) == "contradict"
    assert verdict("the records of 1.2 million customers were taken",
                   "it held 6 million customer records from Tarrow", 0.7) == "contradict"
    # ...but only with a lower-case word in common: a "no" about something else beside a
    # name in common is no clash
    assert verdict("Aster was a genuine scouting agency", "Nobody mentioned Aster",
                   0.65) == "neutral"
    assert verdict('the call had been "about energy prices, not about Marsk"',
                   "The Business Daily says Marsk made a profit in 2026", 0.65) == "neutral"
    # nor is a near-paraphrase an agreement where the model leans to a clash
    assert verdict("the rain had exceeded anything the dam was built to withstand",
                   "The rainfall was heavy, but it was well within the dam's design limits",
                   0.87) == "neutral"


def test_the_model_entailing_both_ways_is_no_agreement_where_one_side_says_no_to_the_other():
    from claims.judge import Judgement
    from claims.relate import _combine

    sure = {"entailment": 0.72, "neutral": 0.2, "contradiction": 0.08}

    def verdict(a: str, b: str) -> str:
        return _combine(Judgement("entailment", sure, None, ("model",), a, b),
                        Judgement("entailment", sure, None, ("model",), b, a), 0.57)[0]

    vacant = "your authority says seven of Harnby's sixteen midwife posts are vacant"
    assert verdict("no Harnby midwife had been redeployed", vacant) != "agree"
    # both say no, or the "no" is of something the other does not speak of: agreements
    assert verdict("no Harnby midwife had been redeployed",
                   "Harnby midwives had not been redeployed to other units") == "agree"
    assert verdict("seven Harnby midwife posts are vacant and no locum was found",
                   vacant) == "agree"


def test_a_former_value_or_what_a_ship_may_carry_is_no_shared_figure():
    from claims.judge import Judgement
    from claims.relate import _combine

    unsure = {"entailment": 0.3, "neutral": 0.5, "contradiction": 0.2}
    for a, b, agree in [
        ("it would pay 1,500 florins to every household that had been evacuated",
         "it would pay 4,000 florins to every evacuated household, up from 1,500 florins", False),
        ("it will give affected customers a 25-crown credit on their next bill",
         "it would raise its bill credit for affected customers to 75 crowns, from 25 crowns",
         False),
        ("the credit rose from 25 crowns to 75 crowns", "a credit of 75 crowns", True),
        ("the vessel was carrying 212 passengers and 14 crew",
         "The ship, which is licensed to carry up to 250 passengers, rolled onto its side", False),
        ("the ship had still been well within her limit of 250 passengers",
         "between 240 and 255 passengers had been on board", False),
        ("the ferry is licensed to carry up to 250 passengers",
         "her limit of 250 passengers", True),
        ("the law requires companies to report a breach within 72 hours",
         "the notification arrived within the legal limit of 72 hours", True),
        # a stretch of time, a move, "to ..., from" with no change, an event: what was
        ("polling stations were open from 7 a.m. to 10 p.m.",
         "polling stations opened at 7 a.m.", True),
        ("residents were moved from 40 villages to 3 camps",
         "40 villages were emptied", True),
        ("the charity went to 12 schools, from 4 villages", "children from 4 villages", True),
        ("residents were evacuated, according to police, from 300 homes near the river",
         "300 homes near the river were evacuated", True),
        ("rescuers were able to carry 40 miners out of the shaft",
         "40 miners were brought out of the shaft", True),
    ]:
        j = Judgement("neutral", unsure, None, ("model",), a, b)
        assert (_combine(j, j, similarity=0.84)[0] == "agree") == agree, (a, b)
    # nor do words alike make one statement of a former value and the value now
    a = "it will give affected customers a year of free credit monitoring and a 25-crown credit"
    b = "it would raise its credit for affected customers to 75 crowns, from 25 crowns, and " \
        "give them a year of free credit monitoring"
    j = Judgement("neutral", unsure, None, ("model",), a, b)
    assert _combine(j, j, similarity=0.84)[0] == "neutral"
    b = "it will give affected customers a year of free credit monitoring and a credit"
    j = Judgement("neutral", unsure, None, ("model",), a, b)
    assert _combine(j, j, similarity=0.84)[0] == "agree"


def test_far_apart_two_times_to_the_minute_in_both_are_one_record():
    from claims.relate import _combine

    j = functools.partial(_model_says, sure=0.6)
    a = "We called at 04:58 and again at 05:10. Nobody picked up"
    b = "The log of the hotline shows two calls from the Aldravian side, at 04:58 and 05:10"

    kind, _, method, reasons = _combine(j("neutral", a, b), j("neutral", b, a), 0.37)
    assert (kind, method) == ("agree", "numbers") and "04:58 and 05:10" in reasons[0]
    # one time alone, or a contradiction either way: no
    one = "The log of the hotline shows a call from the Aldravian side at 04:58"
    assert _combine(j("neutral", a, one), j("neutral", one, a), 0.37)[0] == "neutral"
    assert _combine(j("neutral", a, b), j("contradiction", b, a), 0.37)[0] == "neutral"


def test_far_apart_the_same_figure_agrees_where_the_judge_finds_entailment_one_way():
    from claims.relate import _combine

    j = functools.partial(_model_says, sure=0.6)
    a = "The Lundar Isles will be allowed to catch 43 percent of Grey Sound cod from next year"
    b = "his country's share will rise to 43 percent in 2027"

    kind, _, method, reasons = _combine(j("entailment", a, b), j("neutral", b, a), 0.16)
    assert (kind, method) == ("agree", "numbers") and "43 percent" in reasons[0]
    assert _combine(j("neutral", a, b), j("neutral", b, a), 0.16)[0] == "neutral"  # no entailment
    assert _combine(j("entailment", a, b), j("contradiction", b, a), 0.16)[0] == "neutral"
    other = "the share will rise to 45 percent in 2027"  # another figure: nothing shared
    assert _combine(j("entailment", a, other), j("neutral", other, a), 0.16)[0] == "neutral"
    # a specific figure one side states bare ("Now it is 4.2 million"), not a round one
    a = "the data of 4.2 million customers had been stolen, not 1.2 million as first reported"
    for bare, agree in (("Now it is 4.2 million", True), ("Now it is 4 million", False)):
        kind, _, _, reasons = _combine(j("entailment", a, bare), j("neutral", bare, a), 0.34)
        assert (kind == "agree") == agree
    kind, _, _, reasons = _combine(j("entailment", "it recorded 37 bird deaths in 2026",
                                     "Our cameras recorded thirty-seven"),
                                   j("neutral", "", ""), 0.38)
    assert kind == "agree" and "37 bird deaths" in reasons[0]
    assert _combine(j("entailment", "40 people died", "it was 40"), j("neutral", "", ""),
                    0.38)[0] == "neutral"  # a round figure: anything may be 40
    assert _combine(j("entailment", "The wind farm recorded 37 bird deaths",
                      "The wind farm is on Route 37"), j("neutral", "", ""),
                    0.38)[0] == "neutral"  # a figure that names something


def test_entailment_one_way_agrees_only_where_sure_or_close():
    from claims.judge import Judgement
    from claims.relate import _combine

    a = "the ferry's stern door had been left open when she sailed from Hesk"
    b = "investigators examined the stern door of the ferry in the dock at Hesk on Monday"

    def verdict(entailment: float, similarity: float) -> str:
        sure = {"entailment": entailment, "neutral": 0.9 - entailment, "contradiction": 0.1}
        unsure = {"entailment": 0.2, "neutral": 0.7, "contradiction": 0.1}
        return _combine(Judgement("entailment", sure, None, ("model",), a, b),
                        Judgement("neutral", unsure, None, ("model",), b, a), similarity)[0]

    assert verdict(0.75, 0.61) == "agree"  # sure
    assert verdict(0.5, 0.66) == "agree"  # close
    assert verdict(0.5, 0.61) == "neutral"  # neither: a coin toss on the seeds


def test_a_denial_and_a_statement_that_it_did_not_happen_agree():
    from claims.judge import Judgement
    from claims.relate import _combine, also_denies, judged

    denial = judged("any of its shells fell on Brezna", "Kesmira", "denied")
    other = "No Kesmiran shell was fired before twenty to six, and no Kesmiran shell fell on Brezna"
    assert also_denies(denial.text, other)
    # the judge reads past the "no" and finds the statement entailed: no clash for that
    sure = {"entailment": 0.95, "neutral": 0.04, "contradiction": 0.01}
    kind, _, method, reasons = _combine(
        Judgement("entailment", sure, None, ("model",), other, denial.text),
        Judgement("entailment", sure, None, ("model",), denial.text, other), 0.69, denial.text,
        denial.said)
    assert (kind, method) == ("agree", "denial") and "both reject" in reasons[0]
    # no denial of it: a bound ("no more than"), another matter, a denied "without"
    assert not also_denies("the jobs figure was right",
                           "The union says no more than three hundred of the jobs will go")
    assert not also_denies("the ferry was overloaded",
                           "The stern door of the ferry was not fully closed")
    assert not also_denies("some one had boarded without a ticket",
                           "a dozen survivors had gone straight home without registering")
    # a "no" or "not" about something else, or an aside
    for other in ("Police used tear gas on the marchers without warning",
                  "Police used tear gas on the marchers for no reason",
                  "Police never stopped using tear gas on the marchers",
                  "Not only had police used tear gas on the marchers, they had charged"):
        assert not also_denies("police had used tear gas on the marchers", other), other
    assert also_denies("police had used tear gas on the marchers",
                       "police had not used tear gas on the marchers")
    assert also_denies("the guards stopped the convoy", "the guards did not stop the convoy")


def test_a_store_written_before_shows_a_clash_score_as_now():
    from claims.relate import CLASH_SHARE, DAYS_APART, shown_scores

    now = dt.datetime.now(dt.UTC)
    rels = pl.DataFrame([{"a": a, "b": b, "kind": k, "score": 0.96, "similarity": 0.7,
                          "method": m, "reasons": [], "judged_at": now}
                         for a, b, k, m in ((1, 2, "contradict", "model"),
                                            (1, 2, "agree", "model"),
                                            (1, 2, "contradict", "numbers"),
                                            (1, 3, "contradict", "numbers"),
                                            (1, 4, "contradict", "numbers"))], schema=RELATIONS)
    day = dt.date(2026, 3, 3)
    claims = pl.DataFrame({"claim_id": [1, 2, 3, 4], "published": [
        day, day, day + dt.timedelta(days=2), None]})
    # a figure clash between claims published on different days scores lower: either figure
    # may have been updated; where a date is unknown, as any figure clash
    shown = shown_scores(rels, claims)
    assert shown["score"].to_list() == [
        CLASH_SHARE["model"], 0.96, CLASH_SHARE["numbers"], CLASH_SHARE[DAYS_APART],
        CLASH_SHARE["numbers"]]
    assert CLASH_SHARE[DAYS_APART] < CLASH_SHARE["numbers"]
    # ...and says why among its reasons, once however often it is shown
    assert shown["reasons"].to_list()[3] == [
        "published 2 days apart: the later figure may be an update"]
    assert [r for rs in shown["reasons"].to_list() for r in rs] == shown["reasons"].to_list()[3]
    assert shown_scores(shown, claims).equals(shown)
    # days as times of day, as text, or unknown: one day apart at most, no error
    stamps = pl.DataFrame({"claim_id": [1, 2, 3, 4], "published": [
        dt.datetime(2026, 3, 3, 9), dt.datetime(2026, 3, 3, 23), dt.datetime(2026, 3, 5, 1),
        None]})
    assert shown_scores(rels, stamps)["score"].to_list() == shown["score"].to_list()
    for odd in ([None] * 4, ["2026-03-03", "x", None, "y"]):
        kept = shown_scores(rels, pl.DataFrame({"claim_id": [1, 2, 3, 4], "published": odd}))
        assert kept.height == rels.height


def test_a_denied_statement_is_judged_as_denied_and_turns_the_verdict_round():
    from claims.judge import Judgement
    from claims.relate import _combine, judged

    denial = judged("toxic smoke had reached residential streets", "Ilse Dravant", "denied")
    statement = judged("toxic smoke had reached residential streets", "Ilse Dravant", "said")
    assert denial.denied and not statement.denied
    assert denial.text == statement.text and denial.key != statement.key  # cached apart
    assert judged("Norvik Chemicals of skipping safety inspections", "union", "accused").text \
        == "Norvik Chemicals had been skipping safety inspections"
    assert judged("Marvessa of piracy", "Aasgard", "accused").text == "Marvessa of piracy"

    def verdict(label: str, p: float) -> Judgement:
        rest = (1 - p) / 2
        scores = {k: (p if k == label else rest)
                  for k in ("entailment", "neutral", "contradiction")}
        return Judgement(label, scores, None, (f"model: {label}",),
                         "toxic smoke reached homes near the port", denial.text)

    # the statements say the same thing: one side denying it is a clash
    same = verdict("entailment", 0.9)
    kind, _, method, reasons = _combine(same, same, 0.8, denied=denial.text)
    assert (kind, method) == ("contradict", "denial") and "toxic smoke" in reasons[0]
    assert _combine(same, same, 0.8)[0] == "agree"
    # denying X and saying not-X agree; the reason quotes the denial as said
    opposite = verdict("contradiction", 0.95)
    kind, _, _, reasons = _combine(opposite, opposite, 0.8, denied=denial.text,
                                   said="any toxic smoke had reached residential streets")
    assert kind == "agree" and "both reject 'any toxic smoke" in reasons[0]
    # ...but not where the two share few words (the judge's "contradiction" between "Three
    # workers were hospitalised with smoke inhalation" and the denied statement)
    elsewhere = Judgement("contradiction", opposite.scores, None, ("model",),
                          "Three workers were hospitalised with smoke inhalation", denial.text)
    assert _combine(elsewhere, elsewhere, 0.8, denied=denial.text)[0] == "neutral"
    # a loose match is not enough to set a denial against a statement, unless the judge is
    # sure the statement says what is denied (FAR_DENIAL), or fairly sure (NEAR_DENIAL) and
    # the two are about the same matter (cosine >= FLOOR)
    likely = verdict("entailment", 0.8)
    assert _combine(likely, likely, 0.44, denied=denial.text)[0] != "contradict"
    assert _combine(likely, likely, 0.5, denied=denial.text)[0] == "contradict"
    assert _combine(same, same, 0.44, denied=denial.text)[0] == "contradict"
    loose = verdict("entailment", 0.6)
    assert _combine(loose, loose, 0.5, denied=denial.text)[0] != "contradict"


def test_the_model_alone_needs_a_close_pair_or_both_directions():
    from claims.judge import Judgement
    from claims.relate import _combine

    def clash(p: float) -> Judgement:
        return Judgement("contradiction" if p >= 0.45 else "neutral",
                         {"entailment": 0.05, "neutral": 0.95 - p, "contradiction": p},
                         None, ("model",), "no alert was sent", "the alert was sent at 1:40")

    assert _combine(clash(0.9), clash(0.35), 0.65)[0] == "contradict"  # close: one way will do
    assert _combine(clash(0.9), clash(0.1), 0.65)[0] == "neutral"  # ...unless the other way
    # all but rules it out: a contradiction holds both ways, so the judge is guessing
    assert _combine(clash(0.9), clash(0.35), 0.55)[0] == "neutral"  # loose, one way only
    assert _combine(clash(0.9), clash(0.6), 0.55)[0] == "contradict"  # loose, both ways
    assert _combine(clash(0.9), clash(0.6), 0.4)[0] == "neutral"  # not about the same matter


def test_one_side_saying_no_to_the_other_clashes_a_little_further_apart():
    """Between claims about the same matter (cosine 0.4 to 0.5) a clash the model leans to
    both ways counts where one side says no to what the other says, with a word in common
    ("No customer's password has been exposed" / "the stolen files contain passwords that
    can be cracked in an afternoon", 0.48)."""
    from claims.judge import Judgement
    from claims.relate import FLOOR, NEGATED_SIMILARITY, _combine

    def clash(p: float, premise: str, hypothesis: str) -> Judgement:
        return Judgement("contradiction", {"entailment": 0.05, "neutral": 0.95 - p,
                                           "contradiction": p}, None, ("model",), premise,
                         hypothesis)

    no = "No customer's password has been exposed"
    yes = "the stolen files contain passwords that can be cracked in an afternoon"
    kind, _, _, reasons = _combine(clash(0.84, no, yes), clash(0.59, yes, no), 0.48)
    assert kind == "contradict" and "says no to what the other says" in reasons[0]
    assert _combine(clash(0.84, no, yes), clash(0.4, yes, no), 0.48)[0] == "neutral"  # one way
    # below the both-ways gate (0.5), not below the floor of claims about the same matter
    assert NEGATED_SIMILARITY == FLOOR < 0.48
    assert _combine(clash(0.84, no, yes), clash(0.59, yes, no), FLOOR - 0.01)[0] == "neutral"
    # both sides say yes (or both no), or no word in common: the model alone is not enough
    other = "the stolen files were offered for sale on a forum"
    assert _combine(clash(0.84, other, yes), clash(0.59, yes, other), 0.48)[0] == "neutral"
    apart = "No bank details were taken"
    assert _combine(clash(0.84, apart, yes), clash(0.59, yes, apart), 0.48)[0] == "neutral"
    # the word in common must be one the negation covers, not the shared topic
    for no, yes in [("Nobody has claimed responsibility for the attack",
                     "The attack killed 12 people"),
                    ("The ferry had never failed an inspection", "The ferry sank in calm weather"),
                    ("The vaccine was not linked to any deaths",
                     "The vaccine was recalled after reports of side effects")]:
        assert _combine(clash(0.84, no, yes), clash(0.59, yes, no), 0.48)[0] == "neutral", no


def test_entailment_both_ways_agrees_only_between_claims_about_the_same_matter():
    from claims.judge import Judgement
    from claims.relate import _combine

    def entails(premise: str, hypothesis: str) -> Judgement:
        return Judgement("entailment", {"entailment": 0.6, "neutral": 0.3, "contradiction": 0.1},
                         None, ("model",), premise, hypothesis)

    same = entails("the dam passed its last inspection in March",
                   "the dam had been inspected in March")
    assert _combine(same, same, 0.8)[0] == "agree"
    assert _combine(same, same, 0.5)[0] == "neutral"  # far apart: the judge is unsure
    # close and "entailed", but two different facts of one story with no words in common
    apart = entails("Each displaced household will receive an initial payment of 2,000 crowns",
                    "the government would provide 40 million crowns in emergency aid")
    assert _combine(apart, apart, 0.8)[0] == "neutral"
    assert _combine(apart, apart.__class__("neutral", apart.scores, None, (), apart.hypothesis,
                                           apart.premise), 0.8)[0] == "neutral"  # one way too


def test_agreement_does_not_chain_two_claims_that_clash_onto_one_side():
    """0 ~ 1 and 1 ~ 2, but 0 clashes with 2: 1 joins the side it agrees with more strongly,
    and the clash between 0 and 2 stays visible as a contested group."""
    claims = claims_frame([(0, "a", "X", 1), (1, "b", "Y", 2), (2, "c", "Z", 3),
                           (3, "d", "W", 4)])
    rels = relations([(0, 1, "agree", 0.9), (1, 2, "agree", 0.7), (0, 2, "contradict", 0.95),
                      (2, 3, "agree", 0.8)])
    groups = build_groups(claims, rels)
    assert len(groups) == 1
    g = groups.row(0, named=True)
    assert g["contested"] and sorted(g["sides"]) == [[0, 1], [2, 3]]
    # the same relations in another order give the same sides
    again = build_groups(claims, rels.reverse())
    assert sorted(again.row(0, named=True)["sides"]) == [[0, 1], [2, 3]]


def test_a_clash_the_model_is_sure_of_both_ways_counts_between_claims_worded_apart():
    from claims.judge import judge_pairs
    from claims.relate import FLOOR, _combine

    def both_ways(a: str, b: str, similarity: float) -> tuple[str, float, str, list[str]]:
        ab, = judge_pairs([(a, b)], similarities=[similarity], strip_wrappers=False)
        ba, = judge_pairs([(b, a)], similarities=[similarity], strip_wrappers=False)
        return _combine(ab, ba, similarity)

    # the shipped judge on a pair the embeddings put far apart (cosine 0.40 with MiniLM; with
    # "two warning shots" the numbers rule finds it first: two shots against none)
    kind, _, _, reasons = both_ways("warning shots were fired across the trawler's bow",
                                    "No shots were fired at any point", 0.40)
    assert kind == "contradict" and "worded apart (cosine 0.40)" in reasons[0]
    assert 0.40 < FLOOR  # it is the far-clash rule that found it, not the usual gate


def test_far_apart_claims_clash_only_if_sure_both_ways_and_sharing_a_common_word():
    from claims.judge import Judgement
    from claims.relate import _combine

    def clash(p: float, premise: str, hypothesis: str) -> Judgement:
        return Judgement("contradiction" if p >= 0.45 else "neutral",
                         {"entailment": 0.05, "neutral": 0.95 - p, "contradiction": p},
                         None, ("model",), premise, hypothesis)

    a, b = "text alerts were sent to about 4,000 phones", "they had received no alert at all"
    assert _combine(clash(0.96, a, b), clash(0.96, b, a), 0.38)[0] == "contradict"
    assert _combine(clash(0.96, a, b), clash(0.6, b, a), 0.38)[0] == "neutral"  # one way only
    # sure both ways, but nothing in common except a name: not the same matter
    c, d = "I will say that to any Judge", "Judge Melin ordered the vessel to stay in port"
    assert _combine(clash(0.96, c, d), clash(0.96, d, c), 0.34)[0] == "neutral"
    assert _combine(clash(0.96, a, b), clash(0.96, b, a), 0.2)[0] == "contradict"  # the
    # floor of candidates (CANDIDATE_FLOOR) is what keeps claims this far apart from the judge


def test_an_entailment_found_only_in_the_reverse_direction_makes_an_agreement():
    from claims.relate import PAIRS, Candidate, Judged, judge_candidates

    # the shipped judge: neutral from a to b, entailment from b to a (cosine 0.64 with MiniLM)
    contents = {1: Judged("3,100 people were still unable to return home on Wednesday"),
                2: Judged("four people have died and 3,100 remain out of their homes")}
    relations, cache = judge_candidates([Candidate(1, 2, 0.64)], contents,
                                        pl.DataFrame(schema=PAIRS), "claims-judge")
    assert cache["label_ab"].to_list() == ["neutral"]
    assert cache["label_ba"].to_list() == ["entailment"]  # the reverse was judged
    assert relations["kind"].to_list() == ["agree"]


def test_a_question_is_related_to_nothing(tmp_path, judge_says_contradiction):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "shots.txt").write_text(
        "Were warning shots fired at the trawler?\n\n"
        "The union said warning shots were fired at the trawler.\n\n"
        "The ministry said no warning shots were fired at the trawler.", encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / "wire")], index, judge=judge_says_contradiction)
    store = Store.open(index)
    claims = store.claims()
    question = claims.filter(pl.col("content").str.ends_with("?"))["claim_id"].to_list()
    assert len(question) == 1 and len(claims) == 3
    rels = store.relations()
    assert len(rels) >= 1  # the two statements clash (this judge calls everything a clash)
    assert not set(question) & set(rels["a"].to_list() + rels["b"].to_list())


def test_a_model_clash_that_rests_on_figures_counting_different_things_is_dropped():
    from claims.relate import PAIRS, Candidate, Judged, judge_candidates

    # the shipped judge calls each pair a contradiction (cosines as given). The rain was
    # counted over different stretches of time; the sums are of two matters (few words in
    # common); with the figures made equal the judge sees no clash: dropped. Turnout and "30
    # percent of voters" may count one thing (the numbers rule passes over them only because
    # the words next to the figures differ): the judge's clash stands.
    contents = {1: Judged("Repairing the dam would cost at least 60 million crowns"),
                2: Judged("the government would provide 40 million crowns in emergency aid "
                          "and a further 15 million crowns for temporary housing"),
                3: Judged("214 mm of rain had fallen on the upper Sarn valley in the 48 hours "
                          "before the breach"),
                4: Judged("140 mm of rain had fallen on the upper valley in the 24 hours "
                          "before the dam failed"),
                5: Judged("Turnout in the referendum was 48 percent"),
                6: Judged("Only 30 percent of voters cast a ballot in the referendum"),
                7: Judged("Two people died in the flood"),
                8: Judged("Nobody died in the flood")}
    cands = [Candidate(1, 2, 0.63), Candidate(3, 4, 0.76), Candidate(5, 6, 0.75),
             Candidate(7, 8, 0.8)]
    relations, cache = judge_candidates(cands, contents, pl.DataFrame(schema=PAIRS),
                                        "claims-judge")
    assert cache["label_ab"].to_list() == ["contradiction"] * 4
    dropped = cache.filter(pl.col("method") == "numbers")
    assert dropped["kind"].to_list() == ["neutral", "neutral"]
    assert "once the figures match" in dropped["reasons"][0][0]
    assert relations.select("a", "b", "kind").rows() == [(5, 6, "contradict"),
                                                         (7, 8, "contradict")]


@pytest.mark.parametrize("denied, statement", [
    ("any pause had been agreed", "a pause had been agreed"),  # one thing: "a"
    ("any accredited party agent had been barred", "an accredited party agent had been barred"),
    ("any money had been paid", "some money had been paid"),  # not counted
    ("any children were hurt", "some children were hurt"),  # many, by the verb
    ("any of the crew had been sent home", "some of the crew had been sent home"),
    ("any unit had been moved", "a unit had been moved"),
    ("any hour was lost", "an hour was lost"),
    ("Any shots were fired at all", "Some shots were fired"),
    ("anyone was hurt", "someone was hurt"),
    ("ever seeing such reports", "seeing such reports"),
    ("the dam had been inspected", "the dam had been inspected"),
    ("the gates were kept closed at all times", "the gates were kept closed at all times"),
    ("in any case the firm had paid", "in any case the firm had paid"),
    ("any shots were fired at all, and the crew fled", "some shots were fired, and the crew fled"),
])
def test_what_a_denial_denies_is_judged_as_a_statement(denied, statement):
    from claims.relate import as_statement, judged

    assert as_statement(denied) == statement
    rewritten = judged(denied, "Annika Rosk", "denied")
    assert (rewritten.text, rewritten.denied) == (statement, True)
    assert rewritten.key == judged(statement, "Annika Rosk", "denied").key  # one cache entry
    assert rewritten.said == ("" if denied == statement else denied)  # the words as said
    assert judged(denied, "Annika Rosk", "said").text == denied  # only a denial is rewritten


@pytest.mark.parametrize("verb, content, statement", [
    ("dismissed", 'as "fiction" Aldravian claims that its soldiers had taken the summit',
     "its soldiers had taken the summit"),
    ("rejected", "as baseless reports that troops had crossed the border",
     "troops had crossed the border"),
    ("rejects", "opposition claim that 31,000 Brezen ballots went uncounted",
     "31,000 Brezen ballots went uncounted"),
    # the claimant's pronoun stays: it is not the denier's ("rejected Aldravian claims that
    # they had captured the pass")
    ("denied", "claims that it had paid a ransom", "it had paid a ransom"),
    ("dismissed", 'as "fiction" Aldravian army claims that its soldiers had taken the summit',
     "its soldiers had taken the summit"),
    ("dismissed", "the claim", "the claim"),  # what claim: `denials` finds it
    ("denied", "reports of a leak", "reports of a leak"),  # no "that": the reports themselves
    ("denied", "claims that were made in the report", "claims that were made in the report"),
])
def test_what_dismissed_claims_say_is_what_is_denied(verb, content, statement):
    from claims.relate import judged

    rewritten = judged(content, "Tarrow Energy", verb)
    assert (rewritten.text, rewritten.denied) == (statement, True)
    assert rewritten.said == ("" if content == statement else content)
    assert judged(content, "Tarrow Energy", "said").text == content  # not where it is said


def test_a_denial_of_what_another_states_for_sure_clashes_however_far_apart():
    from claims.relate import FLOOR, PAIRS, Candidate, judge_candidates, judged

    # the shipped judge: the pause entails "some pause had been agreed" (0.91); cosine 0.42
    # with MiniLM. Judged as "any pause had been agreed" it read as a negative (0.86
    # contradiction) and the denial was lost.
    contents = {1: judged("the two governments had also agreed to a 30-day pause on boardings "
                          "in the disputed strip of the Grey Sound", "Helene Marchal", "said"),
                2: judged("any pause had been agreed", "Annika Rosk", "denied")}
    for order in ((1, 2), (2, 1)):  # the denied statement is entailed forwards or backwards
        relations, _ = judge_candidates([Candidate(*order, 0.42)], contents,
                                        pl.DataFrame(schema=PAIRS), "claims-judge")
        assert 0.42 < FLOOR
        assert relations.select("kind", "method").rows() == [("contradict", "denial")]
        assert "denies 'any pause had been agreed'" in relations["reasons"][0][0]  # as said


def test_a_far_denial_needs_a_common_word_and_no_contradiction_either_way():
    from claims.judge import Judgement
    from claims.relate import NEAR_DENIAL, far_denial

    def says(label: str, p: float, premise: str, hypothesis: str) -> Judgement:
        scores = {"entailment": 0.02, "neutral": 0.02, "contradiction": 0.02, label: p}
        return Judgement(label, scores, None, ("model",), premise, hypothesis)

    denied = "some pause had been agreed"
    other = "the two governments agreed to a 30-day pause on boardings"
    sure = says("entailment", 0.95, other, denied)
    assert far_denial(sure, says("neutral", 0.9, denied, other), denied) == 0.95
    assert far_denial(sure, says("contradiction", 0.9, denied, other), denied) is None
    apart = "Marvessa signed new quotas for the Lundar Isles"  # no word in common
    assert far_denial(says("entailment", 0.95, apart, denied),
                      says("neutral", 0.9, denied, apart), denied) is None
    fair = says("entailment", 0.73, other, denied)  # sure enough only for claims close by
    assert far_denial(fair, says("neutral", 0.9, denied, other), denied) is None
    assert far_denial(fair, says("neutral", 0.9, denied, other), denied, NEAR_DENIAL) == 0.73


def test_a_denial_is_turned_round_only_where_the_judge_is_sure_enough():
    from claims.judge import Judgement
    from claims.relate import DENIAL_SURE, _combine

    def says(p: float, premise: str, hypothesis: str) -> Judgement:
        label = "entailment" if p >= 0.35 else "neutral"
        return Judgement(label, {"entailment": p, "neutral": 0.95 - p, "contradiction": 0.05},
                         None, ("model",), premise, hypothesis)

    denied = "its repairs played some part in Sunday's breach of the dam"
    other = "Sunday's breach of the dam began where its repairs were made"
    weak = _combine(says(0.44, other, denied), says(0.1, denied, other), 0.71, denied)
    assert 0.44 < DENIAL_SURE and weak[0] == "neutral"
    sure = _combine(says(0.74, other, denied), says(0.1, denied, other), 0.71, denied)
    assert sure[:3:2] == ("contradict", "denial")


def test_the_very_same_figure_with_words_in_common_agrees_however_far_apart():
    from claims.relate import FLOOR, PAIRS, Candidate, Judged, judge_candidates

    contents = {1: Judged("his country's share will rise to 43 percent in 2027"),
                2: Judged('the talks had been "constructive" and that the Lundar share would '
                          "rise to 43% next year"),
                3: Judged("3,100 people were still unable to return home on Wednesday"),
                4: Judged("about 3,000 people have been displaced"),  # 3,100 within its hedge
                5: Judged("The court fined the owner 250,000 euros"),
                6: Judged("The new stadium cost 250,000 euros to build"),  # only the figure
                7: Judged("at least 40 people died in the fire"),
                8: Judged("at most 40 people died in the fire")}  # not the same figure
    cands = [Candidate(1, 2, 0.41), Candidate(3, 4, 0.44), Candidate(5, 6, 0.3),
             Candidate(7, 8, 0.4)]
    assert all(c.similarity < FLOOR for c in cands)
    relations, _ = judge_candidates(cands, contents, pl.DataFrame(schema=PAIRS), "claims-judge")
    assert relations.select("a", "b", "kind", "method").rows() == [(1, 2, "agree", "numbers")]
    assert "'43 percent' in both" in relations["reasons"][0][0]


def test_a_speaker_updating_its_own_figure_is_no_clash(tmp_path, judge_says_contradiction):
    """The commission's Monday lead and its final count are one count going on; the
    Gazette's tally against the final count is a clash."""
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "count.txt").write_text(
        "The electoral commission said Berg had a lead of 5,214 votes over Lind on Monday.\n\n"
        "Its final count gave Berg a lead of 3,968 votes over Lind, the electoral commission "
        "said.\n\n"
        "The Gazette said Berg had a lead of 2,870 votes over Lind.", encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / "wire")], index, judge=judge_says_contradiction)
    store = Store.open(index)
    said = {f: r["claim_id"] for r in store.claims().iter_rows(named=True)
            for f in ("5,214", "3,968", "2,870") if f in r["content"]}
    clashes = {frozenset((r["a"], r["b"])) for r in store.relations()
               .filter(pl.col("kind") == "contradict").iter_rows(named=True)}
    assert frozenset((said["3,968"], said["2,870"])) in clashes
    assert frozenset((said["5,214"], said["2,870"])) in clashes
    assert frozenset((said["5,214"], said["3,968"])) not in clashes


def test_only_a_final_or_revised_figure_of_the_same_named_speaker_is_an_update():
    from claims.relate import without_updates

    sentences = [
        ("the union", "About 5,000 workers joined the strike on Monday, the union said."),
        ("the union", "The strike, the latest in a series of walkouts, involved 12,000 workers, "
                      "the union said."),
        ("police", "Police said 50 people were arrested on Saturday."),
        ("police", "Police said 200 people were arrested on the final day of the protests."),
        ("she", "Turnout was 61 percent, she said."),
        ("she", "The final turnout figure was 55 percent, she said."),
        ("ministry", "The ministry said 40 people had died."),
        ("ministry", "The ministry revised its estimate to 52 dead."),
        ("Tarrow", "Tarrow said hackers had stolen the data of about 1.2 million customers."),
        ("Tarrow", "Tarrow said the data of 4.2 million customers had been stolen, not 1.2 "
                   "million as it first reported."),
        ("Tarrow", "Tarrow said the data of 1.2 million customers had been stolen."),
        ("Greyfen", "Greyfen said it held the data of 4.2 million customers, not 1.2 million "
                    "as Tarrow first reported."),
        ("Ek", "Ek said the bridge would cost 25 million crowns."),  # (10, 11: Greyfen above)
        ("Ek", "Ek said the bridge would cost 40 million crowns, just as he had previously "
               "said."),  # a figure restated is no revision
    ]
    claims = pl.DataFrame({"claim_id": range(len(sentences)),
                           "speaker": [s for s, _ in sentences],
                           "sentence": [t for _, t in sentences],
                           "content": [t for _, t in sentences],
                           "published": [dt.date(2027, 9, 15)] * len(sentences)})
    now = dt.datetime.now(dt.UTC)
    rels = pl.DataFrame([{"a": i, "b": i + 1, "kind": "contradict", "score": 0.9,
                          "similarity": 0.7, "method": "numbers", "reasons": ["numbers"],
                          "judged_at": now} for i in range(0, len(sentences), 2)],
                        schema=RELATIONS)
    kept = without_updates(rels, claims)
    # the ministry's revised estimate and Tarrow's own figure "not ... as it first reported"
    # are updates; another speaker's figure against Tarrow's is a clash, as is Ek's restated
    assert kept["a"].to_list() == [0, 2, 4, 10, 12]
    from claims.relate import _UPDATED
    for revised in ("4.2 million customers, not 1.2 million, as it first reported",
                    "4.2 million customers rather than 1.2 million as it first reported"):
        assert _UPDATED.search(revised), revised


def test_a_running_count_of_another_day_is_no_clash():
    from claims.relate import without_updates

    day1, day2 = dt.date(2027, 9, 15), dt.date(2027, 9, 16)
    rows = [  # (speaker, content, published, the clash's reason)
        ("coastguard", "The death toll rose to 21, with 24 people still missing", day1,
         "numbers: '24 people' vs '19'"),
        (None, "26 people were now confirmed dead and 19 were still missing", day2, ""),
        ("coastguard", "The death toll rose to 21, with 24 people still missing", day1,
         "numbers: '24 people' vs '19 people'"),
        ("police", "19 people were still missing", day1, ""),  # the same day: a clash
        ("Heskline", "212 passengers were on board and 19 were still missing", day1,
         "numbers: '212 passengers' vs '255 passengers'"),  # "still" is the missing's
        ("coastguard", "255 passengers were on board", day2, ""),
        ("Heskline", "the company now says the ferry carried 212 passengers", day1,
         "numbers: '212 passengers' vs '255 passengers'"),  # "now says": no running count
        ("coastguard", "the ferry carried 255 passengers", day2, ""),
        ("police", "the death toll on Tuesday stood at 21", day1,
         "numbers: '21' vs '30 people'"),  # one day named by both
        ("ministry", "30 people died on Tuesday", day2, ""),
        ("officials", "four people have died and 3,100 remain out of their homes", day2,
         "numbers: 'four people' vs 'Two people'"),  # "have died": so far
        ("police", "Two people died and about 1,500 were forced from their homes", day1, ""),
    ]
    claims = pl.DataFrame({"claim_id": range(len(rows)), "speaker": [r[0] for r in rows],
                           "sentence": [r[1] for r in rows], "content": [r[1] for r in rows],
                           "published": [r[2] for r in rows]})
    now = dt.datetime.now(dt.UTC)
    rels = pl.DataFrame([{"a": i, "b": i + 1, "kind": "contradict", "score": 0.9,
                          "similarity": 0.7, "method": "numbers", "reasons": [rows[i][3]],
                          "judged_at": now} for i in range(0, len(rows), 2)],
                        schema=RELATIONS)
    assert without_updates(rels, claims)["a"].to_list() == [2, 4, 6, 8]  # not 0, 10


def test_one_speakers_amount_grown_by_a_later_day_is_an_update():
    from claims.relate import without_updates
    from claims.rules import numeric_conflict

    day1, day2 = dt.date(2027, 8, 16), dt.date(2027, 8, 20)  # (within a week: one Monday)
    pairs = [  # (earlier, later): speaker, content, published
        (("Kaldrian Fire Service", "the fire had burned 2,100 hectares", day1),
         ("Kaldrian Fire Service", "the area burned had reached 6,300 hectares", day2)),
        (("Harlen Power", "it would pay 1,500 florins to every evacuated household", day1),
         ("Harlen Power", "it would pay 4,000 florins to every evacuated household", day2)),
        # a smaller figure later: one account against the other
        (("Kaldrian Fire Service", "Around 60 firefighters were sent to the scene", day1),
         ("Kaldrian Fire Service", "the blaze was fought by 40 firefighters", day2)),
        # "Officials" are many people, not one who updates a figure
        (("Officials", "40 firefighters fought the fire", day1),
         ("Officials", "60 firefighters fought the fire", day2)),
        # another speaker's larger figure: a clash
        (("Kaldrian Fire Service", "the fire had burned 6,800 hectares", day1),
         ("researchers", "the fire had burned about 9,100 hectares", day2)),
        # the same day: a clash
        (("Kaldrian Fire Service", "the fire had burned 2,100 hectares", day1),
         ("Kaldrian Fire Service", "the fire had burned 6,300 hectares", day1)),
        # a clock time runs on anyway: a clash
        (("Harlen Power", "the line was switched off at 12:15", day1),
         ("Harlen Power", "the line was switched off at 15:40", day2)),
        # both name one day's count: a clash
        (("Kaldrian Fire Service", "12 workers were injured in the blast on Monday", day1),
         ("Kaldrian Fire Service", "15 workers were injured in the blast on Monday", day2)),
        # the same name, but one of them no name by its letters: kept, whichever comes first
        (("harlen power", "it would pay 1,500 florins to every evacuated household", day1),
         ("Harlen Power", "it would pay 4,000 florins to every evacuated household", day2)),
    ]
    rows = [side for pair in pairs for side in pair]
    claims = pl.DataFrame({"claim_id": range(len(rows)), "speaker": [r[0] for r in rows],
                           "sentence": [r[1] for r in rows], "content": [r[1] for r in rows],
                           "published": [r[2] for r in rows]})
    now = dt.datetime.now(dt.UTC)
    hits = [numeric_conflict(rows[i][1], rows[i + 1][1], 0.8) for i in range(0, len(rows), 2)]
    assert all(hits), hits
    rels = pl.DataFrame([{"a": 2 * n + 1, "b": 2 * n, "kind": "contradict", "score": 0.9,
                          "similarity": 0.8, "method": "numbers", "reasons": [hit.reason],
                          "judged_at": now} for n, hit in enumerate(hits) if hit],
                        schema=RELATIONS)  # (the later claim first: order is no matter)
    assert without_updates(rels, claims)["b"].to_list() == [4, 6, 8, 10, 12, 14, 16]  # not 0, 2
    swapped = rels.with_columns(a=pl.col("b"), b=pl.col("a"))
    assert without_updates(swapped, claims)["a"].to_list() == [4, 6, 8, 10, 12, 14, 16]


def test_a_demand_states_nothing_to_agree_or_clash_with(tmp_path, judge_says_contradiction):
    from claims.relate import requests

    assert requests("called", "on the board to reject the application")
    assert requests("urged", "both sides to return to the table")
    assert requests("called", "for her resignation")
    assert not requests("called", 'the exit poll "a guess dressed up as science"')
    assert not requests("said", "on Monday the board would rule")
    # a sentence asked for is no sentence passed, whatever its figures
    assert requests("asked", "the court to send Viktor Hallan to prison for six years")
    assert not requests("asked", "whether 300 jobs would go")  # a question, reported
    assert not requests("asked", "whether residents would have to leave their homes")
    assert not requests("asked", "the minister whether she intended to cut 300 jobs")
    assert not requests("called", "for an inquiry into how 212 birds died")  # a fact inside
    (tmp_path / "a.txt").write_text(
        "Edith Vane called on the board to reject the application.\n\n"
        "The board said it would reject the application in October.", encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / "a.txt")], index, judge=judge_says_contradiction)
    store = Store.open(index)
    demand = store.claims().filter(pl.col("verb") == "called")["claim_id"].to_list()
    assert len(demand) == 1
    rels = store.relations()
    assert not len(rels.filter(pl.col("a").is_in(demand) | pl.col("b").is_in(demand)))


@pytest.fixture(scope="module")
def judge_says_entailment(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("judge_entails")
    return str(build_tiny_nli(path, {0: "contradiction", 1: "entailment", 2: "neutral"}, 1))


def test_a_bare_that_is_untrue_relates_only_to_the_claim_it_answers(tmp_path,
                                                                    judge_says_entailment):
    (tmp_path / "a.txt").write_text(  # one story (the names they share), two answers
        "The union told Tarrow Energy in Carvenia that only eleven crew were aboard.\n\n"
        '"That is simply untrue," Rutger Vann said.', encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "The auditors in Carvenia said Tarrow Energy had paid the agency twice.\n\n"
        "Ilona Varo said that was untrue.", encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path)], index, judge=judge_says_entailment)
    store = Store.open(index)
    claims = store.claims()
    bare = claims.filter(pl.col("content").str.contains("untrue"))["claim_id"].to_list()
    assert len(bare) == 2
    rels = store.relations().filter(pl.col("a").is_in(bare) | pl.col("b").is_in(bare))
    assert sorted(rels["method"].to_list()) == ["denial", "denial"]  # each its own answer
    assert not len(rels.filter(pl.col("a").is_in(bare) & pl.col("b").is_in(bare)))


def test_a_far_clash_needs_one_side_to_say_no():
    """Worded apart (cosine below the floor), the model's sure contradiction both ways counts
    only where one side says the other's is not so."""
    from claims.judge import Judgement
    from claims.relate import far_clash

    def both(a, b):
        sure = {"contradiction": 0.95, "entailment": 0.02, "neutral": 0.03}
        return (Judgement("contradiction", sure, 0.3, (), a, b),
                Judgement("contradiction", sure, 0.3, (), b, a))

    assert far_clash(*both("No shots were fired at any point",
                           "two warning shots were fired across the bow"))
    assert not far_clash(*both('fishing would be "banned outright" inside the site',
                               "the boats landed fish worth 31 million florins last year"))


def test_a_demand_with_a_fact_in_it_is_still_judged():
    from claims.relate import requests

    assert not requests("urged", "the board to reject the plan, saying the turbines would kill "
                                 "1,400 seabirds a year")
    assert not requests("called", "for an inquiry into how 212 birds died")


def test_clashes_equal_to_two_decimals_keep_one_order_rule_first():
    """Scores a hundredth apart are the float noise of the processor the models ran on (AVX2
    against AVX-512): the report and `claims conflicts` order them as shown, a rule's clash
    (its reason says more) before the model's alone, then by claim ids."""
    from claims.conflicts import strongest_first

    def clash(score, method, a, b):
        return {"score": score, "method": method, "a": {"claim_id": a}, "b": {"claim_id": b}}

    model, rule = clash(0.9104, "model", 1, 2), clash(0.9098, "negation", 3, 4)
    strong = clash(0.95, "model", 5, 6)
    for noisy in ([model, rule, strong], [rule, strong, model], [strong, model, rule]):
        assert sorted(noisy, key=strongest_first) == [strong, rule, model]
    tied = [clash(0.91, "model", 9, 2), clash(0.91, "model", 1, 7)]
    assert [c["a"]["claim_id"] for c in sorted(tied, key=strongest_first)] == [1, 9]


def test_a_named_speaker_going_on_is_no_clash_with_themself():
    """The model's clash between two claims of one speaker named by name in one document is
    that speaker going on ("hackers had stolen the names ..." / "No passwords ... were
    taken"), not a clash; one name quoted by two outlets, a figure stated two ways, a
    negation, two speakers, "she" and "Witnesses" (many people) still clash."""
    from claims.relate import without_self_clashes

    rows = [  # claim_id, doc_id, speaker
        (0, "d1", "Tarrow Energy"), (1, "d1", "Tarrow Energy"),  # one speaker, one document
        (2, "d1", "Tarrow Energy"), (3, "d2", "Tarrow Energy"),  # two documents
        (4, "d1", "Jana Mirov"), (5, "d1", "Tarrow Energy"),  # two speakers
        (6, "d1", "she"), (7, "d1", "she"),  # who "she" is is not known
        (8, "d1", "Tarrow Energy"), (9, "d1", "tarrow energy"),  # a figure stated two ways
        (10, "d1", "Tarrow Energy"), (11, "d1", "Tarrow Energy"),  # ...a statement negated
        (12, "d1", "Witnesses"), (13, "d1", "Witnesses"),  # no one name
    ]
    claims = pl.DataFrame(rows, schema={"claim_id": pl.Int64, "doc_id": pl.String,
                                        "speaker": pl.String}, orient="row")
    now = dt.datetime.now(dt.UTC)
    rels = pl.DataFrame([{"a": i, "b": i + 1, "kind": "contradict", "score": 0.9,
                          "similarity": 0.5, "method": {8: "numbers", 10: "negation"}.get(
                              i, "model"), "reasons": ["x"], "judged_at": now}
                         for i in range(0, 14, 2)]
                        + [{"a": 1, "b": 2, "kind": "agree", "score": 0.9, "similarity": 0.5,
                            "method": "model", "reasons": ["x"], "judged_at": now}],
                        schema=RELATIONS)
    kept = without_self_clashes(rels, claims)
    assert kept.filter(pl.col("kind") == "contradict")["a"].to_list() == [2, 4, 6, 8, 10, 12]
    assert len(kept.filter(pl.col("kind") == "agree")) == 1  # agreements are not touched


def test_a_claim_reported_inside_another_is_no_agreement_with_it():
    """Two claims of one document whose words overlap (a claim and one reported inside it,
    "Helena Brask said Veltmann had promised in writing to keep the plant open" / Veltmann's
    "promised ... in writing to keep the plant open") are one statement: their agreement is
    dropped. Claims side by side in one sentence, or in two documents, still agree; a clash
    inside one sentence (a denial of what it reports) stays."""
    from claims.relate import without_echoes

    rows = [  # claim_id, doc_id, start, end of the content span
        (0, "d1", 10, 90), (1, "d1", 40, 90),  # one inside the other
        (2, "d1", 100, 140), (3, "d1", 145, 180),  # side by side
        (4, "d1", 10, 90), (5, "d2", 40, 90),  # two documents
        (6, "d1", 200, 260), (7, "d1", 230, 300),  # overlapping, but a clash
    ]
    claims = pl.DataFrame(rows, schema={"claim_id": pl.Int64, "doc_id": pl.String,
                                        "start": pl.Int64, "end": pl.Int64}, orient="row")
    now = dt.datetime.now(dt.UTC)
    rels = pl.DataFrame([{"a": i, "b": i + 1, "kind": "contradict" if i == 6 else "agree",
                          "score": 0.9, "similarity": 0.8, "method": "model", "reasons": ["x"],
                          "judged_at": now} for i in range(0, 8, 2)], schema=RELATIONS)
    kept = without_echoes(rels, claims)
    assert kept.select("a", "kind").rows() == [(2, "agree"), (4, "agree"), (6, "contradict")]


def test_ingest_relates_no_claim_with_one_reported_inside_it(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Minister says Veltmann broke its word\nsource: kbc-news\npublished: "
        "2028-05-12\n---\nVeltmann Automotive will close its plant in Marsk.\n\nArdenvale's "
        "economy minister, Helena Brask, told KBC that Veltmann Automotive had promised in "
        "writing to keep its Marsk plant open until 2030 in return for regional grants.\n")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / "a.md")], index)
    store = Store.open(index)
    said = {r["speaker"]: r["claim_id"] for r in store.claims().iter_rows(named=True)}
    told, promised = said["Helena Brask"], said["Veltmann Automotive"]  # one inside the other
    assert not store.relations().filter(pl.col("a").is_in([told, promised])
                                        & pl.col("b").is_in([told, promised])).height


def test_one_side_saying_no_covers_what_its_negation_reaches():
    from claims.relate import _one_side_negated

    other = "the line had been switched off at 12:15 on Saturday"
    # a negated subject covers its verb, past the words that say who
    assert _one_side_negated("Nobody in the control room switched that line off at lunchtime",
                             other)
    assert _one_side_negated("No passwords, bank details or card numbers were taken",
                             "the sample contained customers' passwords")
    # a negation that covers none of the other side's words says no to something else
    assert not _one_side_negated("Nobody has claimed responsibility for the attack",
                                 "The attack killed 12 people")
    assert not _one_side_negated("There was no wind in the valley that afternoon", other)
    assert not _one_side_negated("The line was not switched off", "it was not switched off")


def test_claims_of_two_stories_in_one_store_are_never_paired(tmp_path, judge_says_contradiction):
    """A dam breach and a wildfire ingested together: alike claims with different figures,
    no clash between the stories; the same claims in two documents of one story clash."""
    dam = ("Kellbrook officials said 1,200 people had been evacuated from Kellbrook after "
           "the Tessel Dam breach.\n\nThe Tessel Dam had been inspected in March, Kellbrook's "
           "mayor said.")
    fire = ("Brennick officials said 1,800 people had been evacuated from Brennick after the "
            "Oska wildfire.\n\nHarlen Power said its Brennick line had been switched off.")
    fire_2 = ("Brennick's mayor said 2,400 people had been evacuated from Brennick after the Oska "
              "wildfire.\n\nOska residents said the Harlen Power line had sparked.")
    for name, text in (("dam", dam), ("fire", fire), ("fire2", fire_2)):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text, encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / n) for n in ("dam", "fire", "fire2")], index,
           judge=judge_says_contradiction)
    store = Store.open(index)
    doc_of = dict(store.claims().select("claim_id", "doc_id").iter_rows())
    text_of = dict(store.documents().select("doc_id", "text").iter_rows())
    story_of = {d: ("dam" if "Tessel" in t else "fire") for d, t in text_of.items()}
    across = [(a, b) for a, b in store.relations().select("a", "b").iter_rows()
              if story_of[doc_of[a]] != story_of[doc_of[b]]]
    within = [(a, b) for a, b in store.relations().select("a", "b").iter_rows()
              if doc_of[a] != doc_of[b] and story_of[doc_of[a]] == story_of[doc_of[b]]]
    assert not across
    assert within  # the two wildfire documents' claims are still judged together


def test_close_claims_of_documents_sharing_one_name_are_paired(tmp_path, judge_says_contradiction):
    """An interview that names only the town its story is about: too few names for the story
    gate, but a claim very close to an article's claim, and a name in common, is one story's.
    A claim of another story that names the town too, but says something else, is not."""
    docs = {
        "article": "Anneli Voss, the mayor of Dravnik, said the Tannery Road stadium would "
                   "cost 49 million crowns.\n\nKalder Construction said the works at Tannery "
                   "Road were on time, citing Brenning Cost Advisers.",
        "interview": "Helga Rimmer of Dravnik said the new stadium would cost 52 million "
                     "crowns.",
        "ferry": "The Hesk coastguard said the ferry bound for Dravnik had carried 231 "
                 "passengers when she capsized off Brackwater.",
    }
    for name, text in docs.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text, encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / n) for n in docs], index, judge=judge_says_contradiction)
    store = Store.open(index)
    doc_of = dict(store.claims().select("claim_id", "doc_id").iter_rows())
    name_of = {d: next(n for n, t in docs.items() if t[:30] in text)
               for d, text in store.documents().select("doc_id", "text").iter_rows()}
    paired = {frozenset((name_of[doc_of[a]], name_of[doc_of[b]]))
              for a, b in store.relations().select("a", "b").iter_rows()
              if doc_of[a] != doc_of[b]}
    assert frozenset(("article", "interview")) in paired
    assert not any("ferry" in p for p in paired)


def test_a_news_agency_both_stories_name_is_no_shared_place(tmp_path, judge_says_contradiction):
    """Two very close claims of two stories that both cite Reuters: not one story (a shared
    place's name would make them one)."""
    docs = {"dam": "Police in Velmora said the dam had burst. The death toll rose to 46, "
                   "Reuters reported.",
            "fire": "Firefighters near Oska said the wildfire was spreading. The death toll "
                    "rose to 12, Reuters reported."}
    for name, text in docs.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.txt").write_text(text, encoding="utf-8")
    index = str(tmp_path / "index")
    ingest([str(tmp_path / n) for n in docs], index, judge=judge_says_contradiction)
    assert Store.open(index).relations().height == 0


def _model_says(label: str, premise: str, hypothesis: str, sure: float = 0.7) -> Judgement:
    """The judge's model alone, fairly sure (0.7) of `label`."""
    rest = round((1 - sure) / 2, 4)
    scores = {k: (sure if k == label else rest) for k in ("entailment", "neutral", "contradiction")}
    return Judgement(label, scores, None, ("model",), premise, hypothesis)


def test_the_judges_entailment_makes_no_agreement_between_two_different_figures():
    from claims.relate import _combine

    j = _model_says
    a = "Now the stadium cost is 59 million crowns"
    b = "The stadium cost is still 52 million crowns"
    assert _combine(j("entailment", a, b), j("entailment", b, a), 0.7)[0] == "neutral"
    # a small count is no figure of a report ("one farmhouse")
    a = "the farmhouse was closer than 800 metres"
    b = "We got the distance to one farmhouse wrong"
    assert _combine(j("entailment", a, b), j("neutral", b, a), 0.72)[0] == "agree"
    # no figure on one side: the judge decides
    a, b = "the stadium will cost 59 million crowns", "the stadium will cost more than planned"
    assert _combine(j("entailment", a, b), j("entailment", b, a), 0.7)[0] == "agree"
    # two figures both given as "about" one, within a tenth: one figure
    a = "at most about 600,000 dalers could not be matched to an invoice"
    b = "no more than about 610,000 dalers could not be matched to an invoice"
    assert _combine(j("entailment", a, b), j("entailment", b, a), 0.8)[0] == "agree"
    b = "no more than about 700,000 dalers could not be matched to an invoice"
    assert _combine(j("entailment", a, b), j("entailment", b, a), 0.8)[0] == "neutral"


def test_the_judges_entailment_makes_no_agreement_between_claims_with_only_names_in_common():
    from claims.relate import _combine

    j = _model_says
    # names alone in common: two facts of one story, whatever the judge's entailment
    a = "Veltmann broke its word on Marsk"
    b = "closing Marsk would save Veltmann about 35 million marks a year"
    assert _combine(j("entailment", a, b), j("entailment", b, a), 0.7)[0] == "neutral"
    assert _combine(j("entailment", a, b), j("neutral", b, a), 0.7)[0] == "neutral"
    b = "Veltmann had broken the word it gave Marsk"
    assert _combine(j("entailment", a, b), j("entailment", b, a), 0.7)[0] == "agree"


def test_one_weekday_named_in_articles_a_week_apart_is_two_days():
    from claims.relate import without_updates

    rows = [  # (content, published)
        ("Veltmann shares fell 2.4 percent on Monday to 39.16 marks", dt.date(2028, 5, 16)),
        ("Veltmann shares fell 3.1 percent on Monday to 39.25 marks", dt.date(2028, 5, 9)),
        ("Veltmann shares fell 2.4 percent on Monday", dt.date(2028, 5, 10)),  # days apart:
        ("Veltmann shares fell 3.1 percent on Monday", dt.date(2028, 5, 9)),  # one Monday
        ("Veltmann shares fell 2.4 percent on May 8", dt.date(2028, 5, 16)),  # no weekday
        ("Veltmann shares fell 3.1 percent on May 8", dt.date(2028, 5, 9)),
        ("Veltmann shares fell 2.4 percent on Monday, May 8", dt.date(2028, 5, 16)),  # the
        ("Veltmann shares fell 3.1 percent on Monday, May 8", dt.date(2028, 5, 9)),  # date
        ("Veltmann shares fell 2.4 percent on Monday", dt.date(2028, 5, 16)),  # one side's
        ("Veltmann shares fell 3.1 percent on Monday, May 8", dt.date(2028, 5, 9)),  # date
    ]
    claims = pl.DataFrame({"claim_id": range(len(rows)), "speaker": ["KPA", "Herald"] * 5,
                           "sentence": [r[0] for r in rows], "content": [r[0] for r in rows],
                           "published": [r[1] for r in rows]})
    rels = pl.DataFrame([{"a": i, "b": i + 1, "kind": "contradict", "score": 0.9,
                          "similarity": 0.8, "method": "numbers",
                          "reasons": ["numbers: '2.4 percent' vs '3.1 percent' (%)"],
                          "judged_at": dt.datetime.now(dt.UTC)} for i in range(0, len(rows), 2)],
                        schema=RELATIONS)
    assert without_updates(rels, claims)["a"].to_list() == [2, 4, 6]
