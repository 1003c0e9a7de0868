"""Attribution quality on the labelled sample sets: speaker precision/recall per set.

    python benchmarks/attribution.py [-v] [--tuning]

Prints a table and writes benchmarks/results/attribution.json. `-v` prints every sentence whose
speakers differ from the answers', held-out sets too (their text is not for developers' eyes:
add `--tuning`). `--tuning` reads the tuning sets only, prints their totals and writes nothing:
for trying a change without seeing the held-out sets' figures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claims.labels import HELD_OUT, score_attribution

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    verbose = "-v" in sys.argv
    tuning = "--tuning" in sys.argv
    rows = []
    for folder in sorted((ROOT / "seeds").iterdir()):
        if not (folder / "_answers.json").exists() or tuning and folder.name in HELD_OUT:
            continue
        s = score_attribution(folder)
        rows.append({"set": folder.name, "sentences": s.sentences, "labelled": s.labelled_claims,
                     "predicted": s.predicted_claims, "correct": s.true_positives,
                     "precision": round(s.precision, 3), "recall": round(s.recall, 3),
                     "content_exact": s.content_exact})
        if verbose:
            for e in s.errors:
                print("  ", e)
    print(f"{'set':<14}{'sentences':>10}{'labelled':>9}{'predicted':>10}{'correct':>8}"
          f"{'precision':>10}{'recall':>8}{'content=':>9}")
    for r in rows:
        print(f"{r['set']:<14}{r['sentences']:>10}{r['labelled']:>9}{r['predicted']:>10}"
              f"{r['correct']:>8}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['content_exact']:>9}")
    if tuning:
        correct, labelled = sum(r["correct"] for r in rows), sum(r["labelled"] for r in rows)
        predicted = sum(r["predicted"] for r in rows)
        print(f"tuning sets: {correct} of {labelled} speakers (precision "
              f"{correct / max(1, predicted):.3f}, recall {correct / max(1, labelled):.3f}), "
              f"{sum(r['content_exact'] for r in rows)} exact contents; nothing written")
        return
    out = ROOT / "benchmarks" / "results" / "attribution.json"
    out.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
