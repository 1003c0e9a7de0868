"""Labelled pairs from `../shared/data` for training and measuring the judge.

Only folders whose `use` in INDEX.tsv starts with "train or eval" may train the shipped model.
Pairs are deduplicated on the normalised (premise, hypothesis) across all sets, and every pair
that appears in an evaluation set is removed from training, so the benchmark figures are
measured on data the model never saw.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

LABELS = ("entailment", "neutral", "contradiction")

# Kept out of training: benchmark sets, and a set derived from XNLI (eval-only) sentences.
BENCHMARK_FOLDERS = {"rte3_en_3way", "negation_minpairs_xnli_en"}
EMERGENT_HELDOUT_SHARE = 0.3  # share of Emergent claims held out of training for the benchmark


@dataclass(frozen=True)
class Pair:
    premise: str
    hypothesis: str
    label: str  # one of LABELS
    dataset: str  # folder/file


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def pair_key(premise: str, hypothesis: str) -> str:
    return hashlib.sha1(f"{normalise(premise)}\t{normalise(hypothesis)}".encode()).hexdigest()


def _bucket(text: str, salt: str) -> float:
    """A stable number in [0, 1) for a string: splits that do not move between runs."""
    return int(hashlib.sha1((salt + text).encode()).hexdigest()[:8], 16) / 0x100000000


def read_index(data: Path) -> dict[str, str]:
    """folder -> use, from INDEX.tsv."""
    with open(data / "INDEX.tsv", encoding="utf-8", newline="") as f:
        return {row["folder"]: row["use"] for row in csv.DictReader(f, delimiter="\t")}


def _open_tsv(path: Path) -> Iterator[dict[str, str]]:
    raw = gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else \
        open(path, encoding="utf-8", newline="")
    with raw as f:
        csv.field_size_limit(sys.maxsize)
        yield from csv.DictReader(f, delimiter="\t", quotechar='"')


def read_pairs_file(path: Path, dataset: str) -> Iterator[Pair]:
    """3-way pairs of one TSV (2-way `not_entailment` rows are skipped)."""
    for row in _open_tsv(path):
        label = (row.get("label") or row.get("label_3way_from_rte3fr") or "").strip().lower()
        label = {"unknown": "neutral", "entailed": "entailment",
                 "contradict": "contradiction"}.get(label, label)
        p, h = (row.get("premise") or "").strip(), (row.get("hypothesis") or "").strip()
        if label in LABELS and p and h:
            yield Pair(p, h, label, dataset)


def read_sick(path: Path) -> Iterator[Pair]:
    for row in _open_tsv(path):
        label = row["entailment_judgment"].strip().lower()
        yield Pair(row["sentence_A"], row["sentence_B"], label, "sick2014/test")


def _two_way(path: Path) -> bool:
    return any((row.get("label") or "").strip().lower() == "not_entailment"
               for row in _open_tsv(path))


def emergent_split(pairs: list[Pair]) -> tuple[list[Pair], list[Pair]]:
    """(train, held out): Emergent split by claim, so held-out claims are never trained on."""
    train: list[Pair] = []
    held: list[Pair] = []
    for p in pairs:
        (held if _bucket(normalise(p.hypothesis), "emergent") < EMERGENT_HELDOUT_SHARE
         else train).append(p)
    return train, held


@dataclass
class Corpus:
    train: list[Pair]
    dev: list[Pair]
    eval_sets: dict[str, list[Pair]]
    counts: dict[str, int]  # pairs kept for training per dataset (after dedupe)
    licences: dict[str, str]


def eval_sets(data: Path) -> dict[str, list[Pair]]:
    """The benchmark sets: never trained on."""
    pairs = data / "pairs"
    files = {
        "xnli_en_test": pairs / "xnli_en" / "test.tsv",
        "rte3_dev": pairs / "rte3_en_3way" / "rte3_dev_3way.tsv",
        "emergent_heldout": pairs / "emergent" / "train.tsv",
        "sick_test": pairs / "sick2014" / "SICK_test_annotated.txt",
    }
    out: dict[str, list[Pair]] = {}
    for name, path in files.items():
        if not path.exists():
            continue
        if name == "sick_test":
            out[name] = list(read_sick(path))
        elif name == "emergent_heldout":
            out[name] = emergent_split(list(read_pairs_file(path, "emergent/train")))[1]
        else:
            out[name] = list(read_pairs_file(path, str(path.relative_to(pairs))))
    return out


def load_corpus(data: Path, dev_share: float = 0.02) -> Corpus:
    """Training pairs (deduplicated, eval pairs removed), a dev split, and the eval sets."""
    index = read_index(data)
    licences: dict[str, str] = {}
    with open(data / "INDEX.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            licences[row["folder"]] = row.get("licence (as stated at the source)", "")
    evals = eval_sets(data)
    banned = {pair_key(p.premise, p.hypothesis) for s in evals.values() for p in s}
    seen: set[str] = set()
    train: list[Pair] = []
    dev: list[Pair] = []
    counts: dict[str, int] = {}
    for folder, use in sorted(index.items()):
        name = folder.split("/", 1)[-1]
        if not folder.startswith("pairs/") or not use.startswith("train or eval") \
                or name in BENCHMARK_FOLDERS:
            continue
        files = sorted((data / folder).glob("*.tsv")) + sorted((data / folder).glob("*.tsv.gz"))
        for file in files:
            if "heuristic" in file.name:
                continue  # labels made by rule, not by people
            rows = list(read_pairs_file(file, f"{name}/{file.name.split('.')[0]}"))
            if _two_way(file):
                continue  # entailment vs not_entailment: only one side would survive
            if name == "emergent":
                rows = emergent_split(rows)[0]
            for p in rows:
                key = pair_key(p.premise, p.hypothesis)
                if key in seen or key in banned:
                    continue
                seen.add(key)
                (dev if _bucket(key, "dev") < dev_share else train).append(p)
                counts[name] = counts.get(name, 0) + 1
    return Corpus(train, dev, evals, counts, {k.split("/", 1)[-1]: v
                                                for k, v in licences.items()})


def _open_packed(path: Path, mode: str) -> TextIO:
    if path.suffix == ".xz":
        import lzma

        return lzma.open(path, mode, encoding="utf-8")  # type: ignore[return-value]
    return gzip.open(path, mode, encoding="utf-8")  # type: ignore[return-value]


def save_corpus(corpus: Corpus, path: Path) -> None:
    """The training and dev pairs in one compressed JSON Lines file (.xz: ~10 MB for 265k
    pairs; else gzip), so training can run on a machine that has no copy of `shared/data`.
    Eval sets are left out on purpose."""
    import json

    with _open_packed(path, "wt") as f:
        f.write(json.dumps({"counts": corpus.counts, "licences": corpus.licences}) + "\n")
        for split, pairs in (("train", corpus.train), ("dev", corpus.dev)):
            for p in pairs:
                f.write(json.dumps([split, p.premise, p.hypothesis, p.label, p.dataset]) + "\n")


def read_corpus(path: Path) -> Corpus:
    """A corpus written by save_corpus (no eval sets)."""
    import json

    train: list[Pair] = []
    dev: list[Pair] = []
    with _open_packed(path, "rt") as f:
        meta = json.loads(f.readline())
        for line in f:
            split, p, h, label, dataset = json.loads(line)
            (train if split == "train" else dev).append(Pair(p, h, label, dataset))
    return Corpus(train, dev, {}, meta["counts"], meta["licences"])
