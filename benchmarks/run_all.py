"""Run every benchmark, each in its own process, then gather their results into
benchmarks/results.json and a Markdown table (benchmarks/results.md, shown in the README).

    python benchmarks/run_all.py [--data ../shared/data] [--quick]

--quick skips the 1M-claim store and the 100k ingest (about 5 minutes instead of 20 here);
--full adds a 1M-claim end-to-end ingest (about 35 minutes more).
Every speed figure is a ratio against a baseline measured in the same run of its script.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def run(script: str, *args: str) -> float:
    t = time.perf_counter()
    print(f"== {script} {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args], check=True)
    return round(time.perf_counter() - t, 1)


def table(results: dict) -> str:
    e, j, s = results.get("embedding", {}), results.get("judge", {}), results.get("scale", {})
    sp = j.get("speed", {})
    ship, bf = j.get("shipped", {}), j.get("bf16", {})
    m = s.get("machine", {})
    lines = [f"Machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores, "
             f"precision {m.get('precision', '?')}.", "",
             "| what | figure | baseline (same run) | ratio / note |", "|---|---|---|---|"]
    if e:
        lines.append(f"| embedding, {e['sentences']} sentences | {e['claims_per_s']}/s "
                     f"({e['precision']}) | SentenceTransformer.encode fp32 "
                     f"{e['sentence_transformers_per_s']}/s | {e['ratio']}x; STS-B dev "
                     f"Spearman {e['stsb_dev_spearman_claims']} vs "
                     f"{e['stsb_dev_spearman_reference']} |")
    if sp:
        xn = "xnli_en_test"
        acc = (f"XNLI-en acc {bf.get(xn, {}).get('model', {}).get('accuracy')} vs fp32 "
               f"{ship.get(xn, {}).get('model', {}).get('accuracy')}") if ship else ""
        lines.append(f"| judging, {sp['pairs']} XNLI pairs | {sp['claims_judge_pairs_per_s']}"
                     f"/s ({sp.get('precision_default', '')}) | CrossEncoder fp32 "
                     f"{sp['sentence_transformers_crossencoder_pairs_per_s']}/s | "
                     f"{sp['ratio']}x; {acc} |")
    for row in s.get("sizes", {}).values():
        ing, se = row["ingest"], row["search"]
        lines.append(f"| ingest {ing['claims']} claims (--no-relate) | {ing['wall_s']} s, "
                     f"{ing['claims_per_s']} claims/s, peak RSS {ing['peak_rss_mb']} MB | | "
                     f"CLI process, model load included |")
        lines.append(f"| search at {se['claims']} claims ({se['index']}) | p50 "
                     f"{se['search_p50_ms']} ms, p95 {se['search_p95_ms']} ms | exact search | "
                     f"recall@10 {se['recall_at_10']} |")
    rel = s.get("relate")
    if rel:
        lines.append(f"| relate {rel['claims']} claims (`claims relate`, empty cache) | "
                     f"{rel['relate_s']} s, {rel['claims_per_s']} claims/s, "
                     f"{rel['pairs_cached']} pairs judged, peak RSS {rel['peak_rss_mb']} MB | "
                     f"ingest --no-relate {rel['ingest_no_relate_s']} s | "
                     f"{rel['relate_vs_ingest']}x the ingest time |")
    full = s.get("full_ingest")
    if full:
        lines.append(f"| ingest {full['claims']} claims end to end (--no-relate) | "
                     f"{full['wall_s'] / 60:.1f} min, {full['claims_per_s']} claims/s, peak RSS "
                     f"{full['peak_rss_mb']} MB | | sentences reused "
                     f"{full['passes_over_sentence_pool']}x in new documents |")
    big = s.get("big")
    if big:
        se, add = big["search"], big["add_1k"]
        lines.append(f"| build {big['build']['claims']}-claim store (synthetic, see scale.py) "
                     f"| {big['build']['build_s']} s incl. HNSW | | efSearch {se['ef_search']} |")
        lines.append(f"| search at {se['claims']} claims ({se['index']}) | p50 "
                     f"{se['search_p50_ms']} ms, p95 {se['search_p95_ms']} ms | exact search | "
                     f"recall@10 {se['recall_at_10']} |")
        lines.append(f"| add {add['claims_added']} claims to it | {add['in_process_s']} s, "
                     f"{add['bytes_written'] / 1e6:.1f} MB written | | in-process, model "
                     f"loaded, --no-relate |")
    rel = results.get("relations", {}).get("sets", [])
    if rel:
        lines += ["", "Clashes and agreements on the sample sets against their written-down "
                  "answers (`benchmarks/relations.py`; held out: " + ", ".join(
                      f"`{r['set']}`" for r in rel if r.get("held_out")) + "). Recall counts "
                  "the written-down pairs found. "
                  "Precision \"written\" counts only predictions that match a written-down "
                  "pair (a lower bound: the answers do not list every true pair); \"reviewed\" "
                  "also counts the predictions outside the answers that were read afterwards "
                  "and found right (`_reviewed.json`), over the predictions with a verdict (in "
                  "brackets: predictions without one):", "",
                  "| set | claims | clash recall | agreement recall | clash precision written "
                  "/ reviewed | agreement precision written / reviewed | judgements per "
                  "claim |",
                  "|---|---:|---:|---:|---:|---:|---:|"]

        def reviewed(r: dict[str, Any], kind: str, plural: str) -> str:
            if not r.get(f"{plural}_reviewed"):
                return ""
            left = r[f"unreviewed_{plural}"]
            return f" / {r[f'{kind}_precision_reviewed']}" + (f" ({left})" if left else "")

        for r in rel:
            per = r.get("judgements", r["pairs_judged"]) / max(1, r["claims"])
            lines.append(f"| {r['set']} | {r['claims']} | {r['clash_recall']} "
                         f"({r['clashes']}) | {r['agreement_recall']} ({r['agreements']}) | "
                         f"{r['clash_precision_vs_labels']}"
                         f"{reviewed(r, 'clash', 'clashes')} | "
                         f"{r['agreement_precision_vs_labels']}"
                         f"{reviewed(r, 'agreement', 'agreements')} | {per:.1f} |")
        for name, rows in (("tuning sets", [r for r in rel if not r.get("held_out")]),
                           ("held out", [r for r in rel if r.get("held_out")])):
            if not rows or any("clashes_right" not in r for r in rows):
                continue

            def total(key: str, rows: list[dict[str, Any]] = rows) -> int:
                return sum(int(r[key]) for r in rows)

            def share(right: str, of: str, left: str, rows: list[dict[str, Any]] = rows) -> str:
                known = total(of, rows) - total(left, rows)
                out = f"{total(right, rows) / known:.3f}" if known else "-"
                return out + (f" ({total(left, rows)})" if total(left, rows) else "")

            found = sum(round(r["clash_recall"] * r["clashes"]) for r in rows)
            agreed = sum(round(r["agreement_recall"] * r["agreements"]) for r in rows)
            lines.append(
                f"| **{name}** | {total('claims')} | {found / max(1, total('clashes')):.3f} "
                f"({total('clashes')}) | {agreed / max(1, total('agreements')):.3f} "
                f"({total('agreements')}) | "
                f"/ {share('clashes_right', 'predicted_clashes', 'unreviewed_clashes')} | "
                f"/ {share('agreements_right', 'predicted_agreements', 'unreviewed_agreements')}"
                f" | |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--full", action="store_true",
                    help="also ingest 1M claims end to end (about 35 minutes here)")
    args = ap.parse_args()
    took = {
        "embedding": run("embedding.py", "--data", args.data),
        "judge": run("judge.py", "--data", args.data),
        "attribution": run("attribution.py"),
        "relations": run("relations.py"),
        "scale": run("scale.py", "--data", args.data,
                     *(["--sizes", "10000", "--big", "0"] if args.quick else [])),
        "relate": run("scale.py", "--data", args.data, "--relate", "5000"),
    }
    if args.full:
        took["full_ingest"] = run("scale.py", "--data", args.data, "--full", "1000000")
    gather(took)


def gather(took: dict | None = None) -> None:
    results = {name: json.loads((RESULTS / f"{name}.json").read_text())
               for name in ("embedding", "judge", "attribution", "relations", "scale")
               if (RESULTS / f"{name}.json").exists()}
    if took:
        results["seconds"] = took
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    md = table(results)
    (ROOT / "benchmarks" / "results.md").write_text(md)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "readme_table.py")], check=True)
    print(md)


if __name__ == "__main__":
    if sys.argv[1:] == ["--gather"]:
        gather()
    else:
        main()
