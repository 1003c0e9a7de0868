"""Scale: end-to-end ingest, search latency and recall, and incremental adds, by store size.

    python benchmarks/scale.py [--data ../shared/data] [--sizes 10000,100000] [--big 1000000]
    python benchmarks/scale.py --relate 5000   # time `claims relate` on 5,000 sentences' claims

Corpus (synthetic, built here): unique sentences (30-250 characters) from every premise and
hypothesis in `shared/data/pairs`, shuffled with a fixed seed, ten to a document, 20 outlets,
dates over two years, written as JSON Lines and ingested with `claims ingest --no-relate` in a
subprocess (wall time and peak RSS of that process). Judging is measured in benchmarks/judge.py.

Search: 200 held-out sentences as queries through `claims.search.search` in one process with the
model loaded (query embedding included): p50/p95 latency, and recall@10 of the store's index
against exact search over the same vectors.

The `--big` store (default 1M claims) is built from the largest ingested store: its real claims
and vectors, plus synthetic claims whose vectors are normalised mixtures of two real vectors
(weights 0.5-0.9 on the first), i.e. claims "between" real ones, so the neighbourhoods stay
realistic. On it: search as above, then 1k new real claims ingested into it (time in-process
with the model loaded, and via the CLI), and the bytes that commit wrote.

Writes benchmarks/results/scale.json.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = [f"outlet-{i:02d}" for i in range(20)]


def sentence_pool(data: Path, seed: int = 5) -> list[str]:
    seen: dict[str, None] = {}
    csv.field_size_limit(sys.maxsize)
    for f in sorted((data / "pairs").glob("*/*.tsv*")):
        opener = gzip.open if f.suffix == ".gz" else open
        with opener(f, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
            for row in csv.DictReader(fh, delimiter="\t"):
                for key in ("premise", "hypothesis"):
                    s = " ".join((row.get(key) or "").split())
                    if 30 <= len(s) <= 250 and s[-1] in ".!?\"'":
                        seen[s] = None
    pool = list(seen)
    random.Random(seed).shuffle(pool)
    return pool


def write_corpus(sentences: list[str], path: Path, start_day: int = 0) -> int:
    import datetime as dt

    with open(path, "w", encoding="utf-8") as f:
        for i in range(0, len(sentences), 10):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=(start_day + i // 10) % 730)
            f.write(json.dumps({"text": " ".join(sentences[i:i + 10]),
                                "source": OUTLETS[(i // 10) % len(OUTLETS)],
                                "published": day.isoformat()}) + "\n")
    return (len(sentences) + 9) // 10


def _timed(cmd: list[str], what: str) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MB, stdout) of a subprocess."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{what} failed: {err[-2000:]}")
    return wall, round(usage.ru_maxrss / 1024), out


def relate_figures(corpus: Path, index: Path) -> dict:
    """`claims relate` on a store ingested with --no-relate: every claim's neighbours judged
    from an empty cache. Baseline in the same run: that ingest's own wall time."""
    from claims.store import Store

    ing = run_ingest(corpus, index)
    wall, rss, _ = _timed([sys.executable, "-m", "claims", "relate", "--index", str(index),
                           "--json"], "relate")
    store = Store.open(index)
    judged = len(store.pairs())
    rels = store.relations()
    return {"claims": ing["claims"], "ingest_no_relate_s": ing["wall_s"],
            "relate_s": round(wall, 1), "peak_rss_mb": rss, "pairs_cached": judged,
            "claims_per_s": round(ing["claims"] / wall, 1),
            "relate_vs_ingest": round(wall / ing["wall_s"], 2),
            "clashes": int((rels["kind"] == "contradict").sum()),
            "agreements": int((rels["kind"] == "agree").sum())}


def run_ingest(corpus: Path, index: Path) -> dict:
    cmd = [sys.executable, "-m", "claims", "ingest", str(corpus), "--index", str(index),
           "--no-relate", "--json"]
    wall, rss, out = _timed(cmd, "ingest")
    summary = json.loads(out.strip().splitlines()[-1])
    return {"wall_s": round(wall, 1), "peak_rss_mb": rss,
            "claims": summary.get("claims_added", summary.get("claims")),
            "summary": summary}


def stage_profile(sentences: list[str]) -> dict:
    """Where ingest time goes, on one corpus: split+attribute, tokenising, the model."""
    from claims.embed import Embedder
    from claims.pipeline import extract_claims
    from claims.types import Document

    docs = [Document(id=f"d{i}", source="x", uri="", title="", published=None,
                     text=" ".join(sentences[i:i + 10])) for i in range(0, len(sentences), 10)]
    t = time.perf_counter()
    claims = [c for d in docs for c in extract_claims(d)]
    t_extract = time.perf_counter() - t
    emb = Embedder()
    texts = [c.content for c in claims]
    emb.encode(texts[:64])
    tok = emb.model.tokenizer
    t = time.perf_counter()
    for i in range(0, len(texts), 64):
        tok(texts[i:i + 64], padding=True, truncation=True, max_length=256)
    t_tok = time.perf_counter() - t
    t = time.perf_counter()
    emb.encode(texts)
    t_embed = time.perf_counter() - t
    return {"claims": len(claims), "split_attribute_per_s": round(len(claims) / t_extract),
            "embed_per_s": round(len(claims) / t_embed),
            "tokenising_share_of_embedding": round(t_tok / t_embed, 3)}


def search_figures(index: Path, queries: list[str]) -> dict:
    from claims.embed import Embedder
    from claims.search import search
    from claims.store import Store
    from claims.vectors import exact_top10

    store = Store.open(index)
    emb = Embedder(store.model)
    t = time.perf_counter()
    vi = store.index()
    claims = store.claims()
    t_open = time.perf_counter() - t
    search(store, queries[0], k=10, embedder=emb)  # warm
    times = []
    for q in queries:
        t = time.perf_counter()
        search(store, q, k=10, embedder=emb)
        times.append((time.perf_counter() - t) * 1000)
    qv = emb.encode(queries)
    _, found = vi.search(qv, 10)
    truth = exact_top10(qv, [(i, v) for i, v in zip(vi.ids, vi.vectors, strict=True) if len(i)])
    recall = float(np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth,
                                                                        strict=True)]))
    return {"claims": len(claims), "index": store.manifest["index"]["type"],
            "ef_search": (store.manifest["index"].get("ann") or {}).get("ef_search"),
            "open_s": round(t_open, 2), "search_p50_ms": round(float(np.percentile(times, 50)), 2),
            "search_p95_ms": round(float(np.percentile(times, 95)), 2),
            "recall_at_10": round(recall, 4), "vectors_total": vi.ntotal}


def build_big(base: Path, out: Path, n_total: int, seed: int = 9) -> dict:
    import polars as pl

    from claims.store import Store, writer_lock

    src = Store.open(base)
    claims, docs = src.claims(), src.documents()
    real = src.index().vectors_of(claims["claim_id"].to_numpy())
    rng = np.random.default_rng(seed)
    extra = n_total - len(claims)
    a = rng.integers(0, len(real), extra)
    b = rng.integers(0, len(real), extra)
    w = rng.uniform(0.5, 0.9, (extra, 1)).astype(np.float32)
    mixed = w * real[a] + (1 - w) * real[b]
    mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
    vectors = np.vstack([real, mixed]).astype(np.float32)
    synth = claims[a.tolist()].with_columns(
        pl.int_range(len(claims), n_total, dtype=pl.Int64).alias("claim_id"))
    all_claims = pl.concat([claims, synth], how="vertical")
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    with writer_lock(out):
        store = Store.create_or_open(out, src.model, src.model, lambda _: src.dimension)
        store.append(docs, all_claims, vectors)
    return {"claims": n_total, "build_s": round(time.perf_counter() - t, 1),
            "ann": Store.open(out).manifest["index"].get("ann")}


def new_bytes(index: Path) -> int:
    """Bytes the last commit wrote: files of the current generation that are not hard links
    to the previous one, plus the manifest."""
    manifest = json.loads((index / "manifest.json").read_text())
    gen = index / manifest["generation"]
    return sum(f.stat().st_size for f in gen.iterdir() if f.stat().st_nlink == 1) + \
        (index / "manifest.json").stat().st_size


def incremental(index: Path, sentences: list[str], work: Path) -> dict:
    from claims.pipeline import ingest

    corpus = work / "add-1k.jsonl"
    write_corpus(sentences, corpus, start_day=400)
    ingest([str(work / "warm.jsonl")], str(index), relate=False)  # load models, warm
    t = time.perf_counter()
    result = ingest([str(corpus)], str(index), relate=False)
    in_process = time.perf_counter() - t
    return {"claims_added": result.claims_added, "in_process_s": round(in_process, 2),
            "bytes_written": new_bytes(index)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--big", type=int, default=1_000_000)
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: temp)")
    ap.add_argument("--search-only", action="store_true",
                    help="measure search again on the stores a previous run left in --work")
    ap.add_argument("--full", type=int, default=0, metavar="N",
                    help="only: ingest a corpus of about N claims end to end (sentences reused "
                         "in new groupings once the pool runs out) and record time and RSS")
    ap.add_argument("--big-only", action="store_true",
                    help="keep the ingest figures of a previous run (its stores in --work); "
                         "measure search again and rebuild the big store")
    ap.add_argument("--relate", type=int, default=0, metavar="N",
                    help="only: ingest N sentences (about 1.06 claims each) with --no-relate, "
                         "then time `claims relate` on them (every pair judged, empty cache)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = args.work or Path(tempfile.mkdtemp(prefix="claims-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    pool = sentence_pool(args.data)
    queries, add_1k, warm = pool[:200], pool[200:1200], pool[1200:1210]
    out = ROOT / "benchmarks" / "results" / "scale.json"
    if args.full:
        body = pool[1210:]
        sentences: list[str] = []
        shuffle = 0
        while len(sentences) < args.full:
            part = body[:]
            random.Random(100 + shuffle).shuffle(part)  # a new grouping: new documents
            sentences += part
            shuffle += 1
        corpus = work / f"corpus-full-{args.full}.jsonl"
        docs = write_corpus(sentences[:int(args.full * 0.95)], corpus)  # ~1.06 claims/sentence
        index = work / "index-full"
        shutil.rmtree(index, ignore_errors=True)
        ing = run_ingest(corpus, index)
        ing["claims_per_s"] = round(ing["claims"] / ing["wall_s"], 1)
        ing["documents"] = docs
        ing["passes_over_sentence_pool"] = shuffle
        results = json.loads(out.read_text()) if out.exists() else {}
        results["full_ingest"] = ing
        out.write_text(json.dumps(results, indent=2, default=str) + "\n")
        print("full ingest", ing, flush=True)
        return
    if args.relate:
        corpus = work / f"corpus-relate-{args.relate}.jsonl"
        # pool[:1210] are the queries, the 1k add set and the warm-up set
        write_corpus(pool[1210:1210 + args.relate], corpus)
        index = work / "index-relate"
        shutil.rmtree(index, ignore_errors=True)
        row = relate_figures(corpus, index)
        results = json.loads(out.read_text()) if out.exists() else {}
        results["relate"] = row
        out.write_text(json.dumps(results, indent=2, default=str) + "\n")
        print("relate", row, flush=True)
        return
    if args.search_only:
        results = json.loads(out.read_text())
        for n in results["sizes"]:
            results["sizes"][n]["search"] = search_figures(work / f"index-{n}", queries)
            print(n, results["sizes"][n]["search"], flush=True)
        if "big" in results:
            results["big"]["search"] = search_figures(work / "index-big", queries)
            print("big", results["big"]["search"], flush=True)
        out.write_text(json.dumps(results, indent=2, default=str) + "\n")
        return
    write_corpus(warm, work / "warm.jsonl", start_day=500)
    body = pool[1210:]
    print(f"{len(pool)} unique sentences; scratch {work}", flush=True)
    results: dict = {"machine": machine(), "corpus": "shared/data pairs sentences, 10 per doc",
                     "profile_10k": {} if args.big_only else stage_profile(body[:10000]),
                     "sizes": {}}
    print("profile", results["profile_10k"], flush=True)
    largest = None
    if args.big_only:
        previous = json.loads(out.read_text())
        results["profile_10k"] = previous.get("profile_10k", results["profile_10k"])
    for n in sizes:
        index = work / f"index-{n}"
        if args.big_only:
            row = {"ingest": previous["sizes"][str(n)]["ingest"],
                   "search": search_figures(index, queries)}
            results["sizes"][str(n)] = row
            print(n, json.dumps(row), flush=True)
            largest = index
            continue
        corpus = work / f"corpus-{n}.jsonl"
        write_corpus(body[:n], corpus)
        shutil.rmtree(index, ignore_errors=True)
        ing = run_ingest(corpus, index)
        ing["claims_per_s"] = round(ing["claims"] / ing["wall_s"], 1)
        row = {"ingest": ing, "search": search_figures(index, queries)}
        results["sizes"][str(n)] = row
        print(n, json.dumps(row), flush=True)
        largest = index
    if args.big and largest is not None:
        big = work / "index-big"
        row = {"build": build_big(largest, big, args.big)}
        print("big build", row["build"], flush=True)
        row["search"] = search_figures(big, queries)
        print("big search", row["search"], flush=True)
        row["add_1k"] = incremental(big, add_1k, work)
        print("big add", row["add_1k"], flush=True)
        results["big"] = row
    if out.exists():  # keep figures this run did not measure (a --full run, other sizes)
        previous = json.loads(out.read_text())
        for key in ("full_ingest", "big", "relate"):
            if key in previous and key not in results:
                results[key] = previous[key]
        for n, row in previous.get("sizes", {}).items():
            results["sizes"].setdefault(n, row)
    out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


def machine() -> dict:
    import platform

    from claims.precision import precision

    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "precision": precision()}


if __name__ == "__main__":
    main()
