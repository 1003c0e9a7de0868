"""The judge's contract, with a tiny NLI model built here (label order from its config)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.errors import InputError, ModelError
from claims.judge import judge_pairs, read_pairs_tsv

runner = CliRunner()


def build_tiny_nli(path: Path, id2label: dict[int, str], favour: int) -> Path:
    """A 1-layer BERT classifier whose output always favours label index `favour`."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    from claims.embed import model_location

    tokenizer = AutoTokenizer.from_pretrained(model_location("all-MiniLM-L6-v2"))
    config = BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=64, num_labels=3,
                        id2label=id2label, label2id={v: k for k, v in id2label.items()})
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([4.0 if i == favour else 0.0 for i in range(3)]))
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> str:
    # Index 0 is "contradiction" here (as in cross-encoder/nli-deberta-v3-base), not entailment.
    path = tmp_path_factory.mktemp("tiny-nli")
    return str(build_tiny_nli(path, {0: "contradiction", 1: "entailment", 2: "neutral"}, 0))


def test_label_order_comes_from_the_models_config(tiny):
    [v] = judge_pairs([("A man sleeps.", "A man is awake.")], name=tiny)
    assert v.label == "contradiction" and v.method == "model"
    assert set(v.scores) == {"entailment", "neutral", "contradiction"}
    assert abs(sum(v.scores.values()) - 1) < 1e-3
    assert v.scores["contradiction"] > 0.9


def test_batches_keep_order_and_length(tiny):
    pairs = [(f"{n} soldiers were killed on Monday.", f"{n} soldiers were killed on Monday.")
             for n in range(1, 80)] + [("14 soldiers killed", "13 soldiers killed")]
    verdicts = judge_pairs(pairs, name=tiny, batch_size=7)
    assert len(verdicts) == len(pairs)
    assert [v.premise for v in verdicts] == [p for p, _ in pairs]
    assert verdicts[-1].method == "numbers"
    assert verdicts[-1].reasons[0] == "numbers: '14 soldiers' vs '13 soldiers' (soldiers)"


def test_rules_override_the_model_and_say_why(tiny_entailing):
    [v] = judge_pairs([("The company did not store ammonium nitrate at the site",
                        "Ammonium nitrate was stored at the site")], name=tiny_entailing)
    assert v.label == "contradiction" and v.method == "negation"
    assert v.reasons[0].startswith("negation:")
    assert any(r.startswith("model ") and "entailment" in r for r in v.reasons)


@pytest.fixture(scope="module")
def tiny_entailing(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("tiny-nli-e")
    return str(build_tiny_nli(path, {0: "entailment", 1: "neutral", 2: "contradiction"}, 0))


def test_contents_are_judged_not_the_wrappers(tiny):
    [v] = judge_pairs([("Russia said Turkey failed to neutralise terrorists in Idlib.",
                        "Turkish Vice-President Fuat Oktay insisted Ankara had fulfilled its "
                        "responsibilities.")], name=tiny)
    assert v.premise == "Turkey failed to neutralise terrorists in Idlib"
    assert v.hypothesis == "Ankara had fulfilled its responsibilities"
    assert "without the attribution wrappers" in v.reasons[-1]


def test_a_model_without_nli_labels_is_refused(tmp_path):
    path = build_tiny_nli(tmp_path / "m", {0: "positive", 1: "negative", 2: "mixed"}, 0)
    with pytest.raises(ModelError, match="entailment, neutral and contradiction"):
        judge_pairs([("a", "b")], name=str(path))


def test_pairs_tsv_needs_both_columns(tmp_path):
    f = tmp_path / "p.tsv"
    f.write_text("id\tpremise\thypothesis\textra\n1\tA\tB\tx\n2\tC\tD\ty\n", encoding="utf-8")
    assert read_pairs_tsv(str(f)) == [("A", "B"), ("C", "D")]
    f.write_text("text_a\ttext_b\nA\tB\n", encoding="utf-8")
    with pytest.raises(InputError, match="'premise' and 'hypothesis'"):
        read_pairs_tsv(str(f))


def test_cli_json_lines_in_input_order(tiny, tmp_path):
    f = tmp_path / "p.tsv"
    rows = [("The dam held.", "The dam collapsed."), ("14 soldiers killed", "13 soldiers killed"),
            ("Prices rose.", "Prices rose.")]
    f.write_text("premise\thypothesis\n" + "".join(f"{p}\t{h}\n" for p, h in rows),
                 encoding="utf-8")
    r = runner.invoke(app, ["judge", "--pairs", str(f), "--judge-model", tiny, "--json",
                            "--index", str(tmp_path / "none")])
    assert r.exit_code == 0, r.output
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["premise"] for o in out] == [p for p, _ in rows]
    assert all({"label", "scores", "similarity", "reasons"} <= set(o) for o in out)
    assert out[2]["similarity"] > 0.99 > out[0]["similarity"]
    assert out[1]["label"] == "contradiction" and out[1]["reasons"][0].startswith("numbers")


def test_cli_single_pair_and_usage_errors(tiny, tiny_entailing, tmp_path):
    r = runner.invoke(app, ["judge", "The port is open.", "The port is closed.",
                            "--judge-model", tiny, "--index", str(tmp_path / "none")])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("contradiction") and "why:" in r.stdout
    assert re.match(r"contradiction \(\d\.\d\d\)", r.stdout)  # the model's own probability
    # a rule that goes against the model says so, not the model's small p(contradiction)
    r = runner.invoke(app, ["judge", "14 soldiers killed", "13 soldiers killed",
                            "--judge-model", tiny_entailing, "--index", str(tmp_path / "none")])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("contradiction (numbers rule)")
    assert "model" in r.stdout and "entailment" in r.stdout  # ...and still shows the model's
    r = runner.invoke(app, ["judge", "only one"])
    assert r.exit_code != 0 and "give PREMISE and HYPOTHESIS" in r.stderr
    r = runner.invoke(app, ["judge", "a", "b", "--judge-model", str(tmp_path / "nothing")])
    assert r.exit_code == 4 and "cannot load judge model" in r.stderr


def test_the_shipped_judge_loads_offline_and_gets_plain_cases_right():
    import os
    import subprocess
    import sys

    code = ("from claims.judge import judge_pairs\n"
            "pairs = [('A man is sleeping in his bed.', 'The man is awake and running outside.'),"
            " ('Two dogs are running on the beach.', 'Animals are outside.'),"
            " ('A woman is cutting vegetables.', 'The woman is preparing food for a party.')]\n"
            "print([v.label for v in judge_pairs(pairs)])")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "HF_HOME": "/nonexistent-cache"}  # nothing cached, nothing fetched
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=300)
    assert out.stdout.strip() == "['contradiction', 'entailment', 'neutral']"


def test_a_corrective_not_is_left_out_of_what_the_model_reads():
    from claims.judge import without_contrast

    assert without_contrast('the recount would "confirm the result, not change it"') == \
        'the recount would "confirm the result"'
    assert without_contrast("That is for the court, not for observers") == \
        "That is for the court"
    # figures with thousands separators are cut whole, not at their comma
    assert without_contrast("Maslen 2,870 votes ahead, not the 3,968 announced by the "
                            "commission") == "Maslen 2,870 votes ahead"
    for kept in ("It was heavy, but not unusual", "the city would not come back",
                 "they were safe, not only the workers but everyone",
                 # a clause of its own after an opening phrase: the claim itself
                 "By noon, not one polling station had opened",
                 "Of the 86 stations recounted, not one showed signs of fraud",
                 "However, not everyone agreed", "In the end, not a single vote changed",
                 "In the end, not a vote changed", "he would ask for that, not a crown more",
                 "The minister gave a long account, not a word of it true",
                 "The storm hit at night, not a warning in sight", "he stayed, not a day longer",
                 "paid out 2 million crowns, not a cent of it to victims",
                 "The count was late, not because staff had failed"):
        assert without_contrast(kept) == kept
    # "not a ..." that says what it is not
    assert without_contrast("What he acknowledged was a routine weather bulletin, not a storm "
                            "warning") == "What he acknowledged was a routine weather bulletin"
    assert without_contrast("It was a fire, not an explosion, officials said") == \
        "It was a fire, officials said"
    assert without_contrast("It was an accident, not a planned attack") == "It was an accident"


def test_the_shipped_judge_does_not_read_a_corrective_not_as_a_clash():
    """The model takes "not" as a sign of contradiction: "That is for the court, not for
    observers" had contradicted "its observers would attend every recount session" (0.90).
    The rules still read the whole text."""
    pair = ("That is for the court, not for observers",
            "its observers would attend every recount session")
    ab, ba = judge_pairs([pair, pair[::-1]], similarities=[0.53, 0.53])
    assert "contradiction" not in (ab.label, ba.label)
    assert ab.premise == pair[0]  # what the judgement reports is the whole text
    rejected = judge_pairs([("Maslen is 2,870 votes ahead, not the 3,968 announced",
                             "Maslen is 3,968 votes ahead")], similarities=[0.8])[0]
    assert rejected.label == "contradiction" and rejected.method == "numbers"
