"""Embedding speed and quality: claims' Embedder (bf16 where the CPU has it, length-ordered
batches) against `SentenceTransformer.encode` (fp32, the reference) on the same sentences.

    python benchmarks/embedding.py [--data ../shared/data] [--sentences 6000]

Sentences: STS-B dev (both sides, 3000) topped up with MNLI dev-matched sentences, in file
order. Quality: Spearman correlation of cosine vs the STS-B dev gold score, for both paths;
and the per-vector cosine between the two paths. Writes benchmarks/results/embedding.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def stsb(data: Path) -> list[tuple[str, str, float]]:
    rows = []
    with open(data / "similarity" / "stsb" / "sts-dev.csv", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 7:
                rows.append((parts[5], parts[6], float(parts[4])))
    return rows


def sentences(data: Path, n: int, pairs: list[tuple[str, str, float]]) -> list[str]:
    out = [s for a, b, _ in pairs for s in (a, b)]
    for f in sorted((data / "pairs" / "mnli_dev_matched_full").glob("*.tsv")):
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out += [row["premise"], row["hypothesis"]]
                if len(out) >= n:
                    return out[:n]
    return out[:n]


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    rx, ry = np.argsort(np.argsort(x)), np.argsort(np.argsort(y))
    return float(np.corrcoef(rx, ry)[0, 1])


def run(data: Path, n: int) -> dict:
    from sentence_transformers import SentenceTransformer

    from claims.embed import Embedder, model_location
    from claims.precision import precision

    pairs = stsb(data)
    texts = sentences(data, n, pairs)
    ref_model = SentenceTransformer(model_location("all-MiniLM-L6-v2"), device="cpu")
    ours = Embedder()
    ours.encode(texts[:64])
    ref_model.encode(texts[:64])
    t = time.perf_counter()
    ref = ref_model.encode(texts, batch_size=64, normalize_embeddings=True,
                           show_progress_bar=False)
    t_ref = time.perf_counter() - t
    t = time.perf_counter()
    fast = ours.encode(texts)
    t_fast = time.perf_counter() - t
    cos = (ref * fast).sum(1)
    k = 2 * len(pairs)
    gold = np.array([g for _, _, g in pairs])
    result = {
        "sentences": len(texts), "precision": precision(),
        "sentence_transformers_per_s": round(len(texts) / t_ref, 1),
        "claims_per_s": round(len(texts) / t_fast, 1),
        "ratio": round(t_ref / t_fast, 2),
        "stsb_dev_spearman_reference": round(spearman((ref[:k:2] * ref[1:k:2]).sum(1), gold), 4),
        "stsb_dev_spearman_claims": round(spearman((fast[:k:2] * fast[1:k:2]).sum(1), gold), 4),
        "cosine_to_reference_mean": round(float(cos.mean()), 6),
        "cosine_to_reference_min": round(float(cos.min()), 6),
    }
    result["stsb_dev_spearman_delta"] = round(result["stsb_dev_spearman_claims"]
                                              - result["stsb_dev_spearman_reference"], 4)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sentences", type=int, default=6000)
    args = ap.parse_args()
    r = run(args.data, args.sentences)
    for key, value in r.items():
        print(f"{key:<34}{value}")
    out = ROOT / "benchmarks" / "results" / "embedding.json"
    out.write_text(json.dumps(r, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
