"""Conflicts and agreements found on the labelled sample sets, against their answers.

    python benchmarks/relations.py [--judge-model M] [--k 8] [--floor 0.45] [--sets a,b]
                                   [--tuning] [-v]

Builds one store per set in a temporary folder (real embeddings, real judge) and prints, per
set: clash recall, agreement recall, clash and agreement precision against the written-down
clashes and agreements (lower bounds: not every true clash or agreement is written down),
clashes between sentences written as agreeing and agreements between sentences written as
clashing, numeric non-conflicts wrongly flagged, precision counting also the predictions
outside the answers that were reviewed afterwards (`_reviewed.json`) and how many predictions
have no verdict, pairs judged, judgements (a pair judged both ways counts two) and seconds.
Writes
benchmarks/results/relations.json. `--tuning` reads the tuning sets only (never the held-out
ones), prints their rows and totals and writes nothing: for trying a change without seeing
the held-out figures.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from claims import relate
from claims.labels import HELD_OUT, RelationScore, score_relations
from claims.pipeline import ingest
from claims.store import Store

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--judge-model", default=None)
    ap.add_argument("--k", type=int, default=relate.K)
    ap.add_argument("--floor", type=float, default=relate.FLOOR)
    ap.add_argument("--model-clash", type=float, default=relate.MODEL_CLASH)
    ap.add_argument("--model-clash-similarity", type=float, default=relate.MODEL_CLASH_SIMILARITY)
    ap.add_argument("--sets", default=None, help="comma-separated folder names under seeds/")
    ap.add_argument("--tuning", action="store_true",
                    help="tuning sets only: print their totals, write nothing")
    ap.add_argument("-v", action="store_true", help="list what was missed")
    args = ap.parse_args()
    relate.K, relate.FLOOR = args.k, args.floor
    relate.MODEL_CLASH, relate.MODEL_CLASH_SIMILARITY = args.model_clash, \
        args.model_clash_similarity
    folders = [f for f in sorted((ROOT / "seeds").iterdir()) if (f / "_answers.json").exists()]
    if args.sets:
        folders = [f for f in folders if f.name in args.sets.split(",")]
    if args.tuning:
        folders = [f for f in folders if f.name not in HELD_OUT]
    rows = []
    for folder in folders:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            ingest([str(folder)], str(Path(tmp) / "index"), judge=args.judge_model)
            seconds = time.perf_counter() - t
            store = Store.open(Path(tmp) / "index")
            s = score_relations(folder, store.claims(), store.relations(), store.groups())
            pairs = store.pairs()
            rows.append({"set": folder.name, "held_out": folder.name in HELD_OUT,
                         "claims": len(store.claims()),
                         "pairs_judged": len(pairs),
                         "judgements": len(pairs) + pairs["label_ba"].is_not_null().sum(),
                         "seconds": round(seconds, 1),
                         "clashes": s.clashes, "clashes_found": s.clashes_found,
                         "agreements_found": s.agreements_found,
                         "clash_recall": round(s.clash_recall, 3),
                         "agreements": s.agreements,
                         "agreement_recall": round(s.agreement_recall, 3),
                         "predicted_clashes": s.predicted_clashes,
                         "clash_precision_vs_labels": round(s.clash_precision, 3),
                         "clashes_between_agreeing_sentences": s.predicted_clashes_wrong,
                         "predicted_agreements": s.predicted_agreements,
                         "agreement_precision_vs_labels": round(s.agreement_precision, 3),
                         "agreements_between_clashing_sentences": s.predicted_agreements_wrong,
                         "non_conflicts_flagged": s.non_conflicts_flagged,
                         "clash_methods": s.clash_methods, **reviewed(s)})
            if args.v:
                for m in s.missed:
                    print("  missed", folder.name, m)
    cols = ["set", "claims", "pairs_judged", "judgements", "clash_recall", "agreement_recall",
            "predicted_clashes", "clash_precision_vs_labels",
            "clashes_between_agreeing_sentences", "predicted_agreements",
            "agreement_precision_vs_labels", "agreements_between_clashing_sentences",
            "non_conflicts_flagged", "clash_precision_reviewed", "unreviewed_clashes",
            "agreement_precision_reviewed", "unreviewed_agreements", "seconds"]
    print("  ".join(cols))
    for r in rows:
        print("  ".join(str(r[c]) for c in cols))
    share = by_method([r for r in rows if r["set"] not in HELD_OUT])
    print("clash precision by method, tuning sets (relate.CLASH_SHARE): " + ", ".join(
        f"{m} {v['share']} ({v['right']} of {v['right'] + v['wrong']})" for m, v in share.items()))
    if args.tuning:
        print(totals(rows))
        return
    together = one_store(folders, args.judge_model)
    print(f"all {together['sets']} sets in one store: {together['cross_set_clashes']} of "
          f"{together['clashes']} clashes and {together['cross_set_agreements']} of "
          f"{together['agreements']} agreements are between claims of two sets (two stories)")
    out = ROOT / "benchmarks" / "results" / "relations.json"
    out.write_text(json.dumps({"k": args.k, "floor": args.floor, "judge": args.judge_model,
                               "model_clash": args.model_clash,
                               "model_clash_similarity": args.model_clash_similarity,
                               "sets": rows, "clash_share_tuning": share,
                               "one_store": together}, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


def totals(rows: list[dict[str, Any]]) -> str:
    """One line: written-down clashes and agreements found, and reviewed precision, summed."""
    def whole(key: str) -> int:
        return sum(r[key] for r in rows)
    judged_c = whole("predicted_clashes") - whole("unreviewed_clashes")
    judged_a = whole("predicted_agreements") - whole("unreviewed_agreements")
    return (f"tuning sets: clashes {whole('clashes_found')} of {whole('clashes')} found, "
            f"{whole('clashes_right')} of {judged_c} right ({whole('unreviewed_clashes')} "
            f"unreviewed); agreements {whole('agreements_found')} of {whole('agreements')} found, "
            f"{whole('agreements_right')} of {judged_a} right "
            f"({whole('unreviewed_agreements')} unreviewed)")


def by_method(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Right and wrong predicted clashes per method over the sets, and the share right."""
    tally: dict[str, list[int]] = {}
    for r in rows:
        for method, (right, wrong) in r["clash_methods"].items():
            t = tally.setdefault(method, [0, 0])
            t[0], t[1] = t[0] + right, t[1] + wrong
    return {m: {"right": r, "wrong": w, "share": round(r / (r + w), 2) if r + w else None}
            for m, (r, w) in sorted(tally.items())}


def reviewed(s: RelationScore) -> dict[str, float | int | None]:
    """Precision counting the reviewed predictions too (`_reviewed.json`); None where no
    prediction outside the answers has a verdict."""
    clashes = s.reviewed_clashes_right + s.reviewed_clashes_wrong
    agreements = s.reviewed_agreements_right + s.reviewed_agreements_wrong
    return {"clash_precision_reviewed": round(s.clash_precision_reviewed, 3)
            if clashes else None, "clashes_reviewed": clashes,
            "unreviewed_clashes": s.unreviewed_clashes,
            "clashes_right": s.predicted_clashes_labelled + s.reviewed_clashes_right,
            "agreement_precision_reviewed": round(s.agreement_precision_reviewed, 3)
            if agreements else None, "agreements_reviewed": agreements,
            "unreviewed_agreements": s.unreviewed_agreements,
            "agreements_right": s.predicted_agreements_labelled + s.reviewed_agreements_right}


def one_store(folders: list[Path], judge: str | None) -> dict[str, int]:
    """Every set ingested, one after another, into one store (as `claims ingest seeds/`
    does): relations between claims of two sets relate two stories, and are all wrong."""
    set_of: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        index = str(Path(tmp) / "index")
        for folder in folders:
            ingest([str(folder)], index, judge=judge)
            docs = Store.open(index).documents()["doc_id"].to_list()
            set_of.update({d: folder.name for d in docs if d not in set_of})
        store = Store.open(index)
        doc_of = dict(store.claims().select("claim_id", "doc_id").iter_rows())
        rels = store.relations().select("a", "b", "kind").rows()
    cross = [kind for a, b, kind in rels if set_of[doc_of[a]] != set_of[doc_of[b]]]
    return {"sets": len(folders),
            "clashes": sum(k == "contradict" for _, _, k in rels),
            "cross_set_clashes": cross.count("contradict"),
            "agreements": sum(k == "agree" for _, _, k in rels),
            "cross_set_agreements": cross.count("agree")}


if __name__ == "__main__":
    main()
