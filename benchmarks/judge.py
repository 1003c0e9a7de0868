"""Judge quality on sets it was not trained on, and its speed against a baseline.

    python benchmarks/judge.py [--data ../shared/data] [--judge-model PATH] [--speed-pairs 1000]
    python benchmarks/judge.py --sample-sets-only [--judge-model PATH]

Quality: XNLI-en test (eval-only) accuracy, RTE-3 dev 3-way accuracy and contradiction F1,
Emergent held-out claims accuracy, SICK test (eval-only) accuracy; for the model alone and with
the rules, in fp32 (reference), in bf16 (the fast path on CPUs with native bf16) and as an int8
(dynamically quantised) copy. In domain: how well the model's probabilities
separate the tuning sample sets' written-down clashes, agreements and numeric non-conflicts
(`claims.sample_pairs`, the texts the judge reads in `claims ingest`; held-out sets are never
read), as the area under the ROC curve of p(contradiction) for clashes against the rest and of
p(entailment) for agreements, each the larger of the two directions. Speed: pairs/second of
`claims.judge` against sentence-transformers' CrossEncoder running the same model on the same
pairs, in this run.
Writes benchmarks/results/judge.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from claims import judge as J
from claims.nli_data import LABELS, eval_sets
from claims.precision import precision as precision_now
from claims.rules import apply_rules

ROOT = Path(__file__).resolve().parent.parent


def f1(pred: list[str], gold: list[str], label: str) -> float:
    tp = sum(p == g == label for p, g in zip(pred, gold, strict=True))
    fp = sum(p == label != g for p, g in zip(pred, gold, strict=True))
    fn = sum(g == label != p for p, g in zip(pred, gold, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def evaluate(name: str | None, sets: dict, precision: str = "fp32") -> dict:
    loaded = J.load(name, precision)
    out = {}
    for set_name, pairs in sets.items():
        texts = [(p.premise, p.hypothesis) for p in pairs]
        gold = [p.label for p in pairs]
        scores = J.model_scores(texts, name=name, precision=precision)
        model = [J._decide(s, loaded.thresholds) for s in scores]
        ruled = [(apply_rules(a, b) or [None])[0] for a, b in texts]
        with_rules = [r.label if r else m for r, m in zip(ruled, model, strict=True)]
        row = {"pairs": len(pairs)}
        for tag, pred in (("model", model), ("model+rules", with_rules)):
            acc = sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold)
            row[tag] = {"accuracy": round(acc, 4),
                        "contradiction_f1": round(f1(pred, gold, "contradiction"), 4),
                        "macro_f1": round(sum(f1(pred, gold, lab) for lab in LABELS) / 3, 4)}
        out[set_name] = row
    return out


def auc(scores: list[float], positive: list[bool]) -> float | None:
    """Area under the ROC curve: the chance that a positive scores above a negative (ties
    count half); None without both."""
    pos = [s for s, p in zip(scores, positive, strict=True) if p]
    neg = [s for s, p in zip(scores, positive, strict=True) if not p]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def sample_sets(name: str | None, root: Path) -> dict:
    """The model's separation of the tuning sets' written answers (see the module's text)."""
    from claims.sample_pairs import answer_pairs, tuning_sets

    folders = tuning_sets(root)
    label: dict[frozenset[str], str] = {}  # one answer (given both ways) -> its label
    for folder in folders:
        for pair in answer_pairs(folder):
            label.setdefault(frozenset((pair.premise, pair.hypothesis)), pair.label)
    keys = [k for k in label if len(k) == 2]  # (not a claim paired with itself)
    texts = [(p, next(iter(k - {p}))) for k in keys for p in sorted(k)]
    scores = J.model_scores(texts, name=name)
    best = {lab: [max(scores[2 * i][lab], scores[2 * i + 1][lab]) for i in range(len(keys))]
            for lab in ("contradiction", "entailment")}
    gold = [label[k] for k in keys]
    return {"sets": len(folders), "pairs": len(keys),
            **{f"{lab}_pairs": gold.count(lab) for lab in LABELS},
            **{f"auc_{lab}": _rounded(auc(best[lab], [g == lab for g in gold]))
               for lab in ("contradiction", "entailment")}}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def speed(name: str | None, pairs: list[tuple[str, str]]) -> dict:
    from sentence_transformers import CrossEncoder

    _, where = J.model_location(name)
    rates = {}
    for precision in ("fp32", "bf16"):
        J.model_scores(pairs[:64], name=name, precision=precision)  # warm up
        t = time.perf_counter()
        J.model_scores(pairs, name=name, precision=precision)
        rates[precision] = len(pairs) / (time.perf_counter() - t)
    import torch

    # Same weights in fp32: the reference path that sentence-transformers users would run.
    ce = CrossEncoder(where, device="cpu", max_length=J.load(name).max_length,
                      model_kwargs={"dtype": torch.float32})
    ce.predict(pairs[:64], batch_size=32, show_progress_bar=False)
    t = time.perf_counter()
    ce.predict(pairs, batch_size=32, show_progress_bar=False)
    base = len(pairs) / (time.perf_counter() - t)
    default = precision_now()
    return {"pairs": len(pairs), "precision_default": default,
            "claims_judge_pairs_per_s": round(rates[default], 1),
            "claims_judge_fp32_pairs_per_s": round(rates["fp32"], 1),
            "claims_judge_bf16_pairs_per_s": round(rates["bf16"], 1),
            "sentence_transformers_crossencoder_pairs_per_s": round(base, 1),
            "ratio": round(rates[default] / base, 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--judge-model", default=None)
    ap.add_argument("--speed-pairs", type=int, default=1000)
    ap.add_argument("--no-int8", action="store_true")
    ap.add_argument("--speed-only", action="store_true", help="skip the quality sets")
    ap.add_argument("--sample-sets-only", action="store_true",
                    help="only the separation of the tuning sample sets' answers")
    ap.add_argument("--sample-sets", type=Path, default=ROOT / "seeds")
    args = ap.parse_args()
    out = ROOT / "benchmarks" / "results" / "judge.json"
    if args.sample_sets_only:
        results = json.loads(out.read_text()) if out.exists() else {}
        results["sample_sets"] = sample_sets(args.judge_model, args.sample_sets)
        out.write_text(json.dumps(results, indent=2) + "\n")
        print(results["sample_sets"])
        return
    sets = eval_sets(args.data)
    xnli = [(p.premise, p.hypothesis) for p in sets.get("xnli_en_test", [])][: args.speed_pairs]
    if args.speed_only and out.exists():
        results = json.loads(out.read_text())
        results["speed"] = speed(args.judge_model, xnli)
        out.write_text(json.dumps(results, indent=2) + "\n")
        print(results["speed"])
        return
    results = {"model": J.model_location(args.judge_model)[0],
               "meta": {k: v for k, v in J.load(args.judge_model).meta.items()
                        if k not in ("datasets",)},
               "shipped": evaluate(args.judge_model, sets),
               "bf16": evaluate(args.judge_model, sets, "bf16")}
    results["speed"] = speed(args.judge_model, xnli)
    results["sample_sets"] = sample_sets(args.judge_model, args.sample_sets)
    if not args.no_int8:
        results["int8_dynamic"] = evaluate((args.judge_model or J.DEFAULT_JUDGE) + J.INT8_SUFFIX,
                                           sets)
    print(f"{'set':<18}{'pairs':>6}  {'variant':<20}{'acc':>7}{'contra F1':>11}{'macro F1':>10}")
    for variant in ("shipped", "bf16", "int8_dynamic"):
        for set_name, row in results.get(variant, {}).items():
            for tag in ("model", "model+rules"):
                m = row[tag]
                print(f"{set_name:<18}{row['pairs']:>6}  {variant + ' ' + tag:<20}"
                      f"{m['accuracy']:>7.3f}{m['contradiction_f1']:>11.3f}{m['macro_f1']:>10.3f}")
    print(f"tuning sample sets: {results['sample_sets']}")
    s = results["speed"]
    print(f"speed on {s['pairs']} XNLI pairs: claims judge {s['claims_judge_pairs_per_s']} "
          f"pairs/s ({s['precision_default']}; fp32 {s['claims_judge_fp32_pairs_per_s']}), "
          f"sentence-transformers CrossEncoder "
          f"{s['sentence_transformers_crossencoder_pairs_per_s']} pairs/s (ratio {s['ratio']})")
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
