"""Does one claim entail, contradict or leave open another? An NLI cross-encoder plus rules.

The default model is trained by `claims.train_judge` and ships inside the package
(`claims/models/judge/`: fp16 safetensors, tokenizer, `judge.json` with the calibration
temperature and decision thresholds chosen on dev data). Any Hugging Face NLI cross-encoder can
be named instead (path or hub id); its label order is read from its config.

Pairs are judged on their *content*: "Russia said Turkey failed to neutralise terrorists" and
"Oktay said Ankara fulfilled its responsibilities" are both true as reports; their contents
clash. Rules (numbers, negation) override the model where it is known to miss, and say why.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from claims.errors import ModelError
from claims.nli_data import LABELS  # one label order for training and judging
from claims.rules import apply_rules

SHIPPED_MODEL = Path(__file__).resolve().parent / "models" / "judge"
DEFAULT_JUDGE = "claims-judge"  # the name the shipped model goes by in manifests and output

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Judgement:
    """The verdict on one (premise, hypothesis) pair."""

    label: str  # entailment | neutral | contradiction
    scores: dict[str, float]  # calibrated probability per label
    similarity: float | None  # cosine of the two embeddings
    reasons: tuple[str, ...]  # what decided it, first; then what else was noticed
    premise: str = ""  # the texts actually judged (contents, wrappers removed)
    hypothesis: str = ""
    method: str = "model"  # model | numbers | negation


@dataclass
class _Loaded:
    name: str
    model: Any
    tokenizer: Any
    order: list[str]  # our label for each output index
    temperature: float = 1.0
    thresholds: dict[str, float] | None = None
    max_length: int = 256
    meta: dict[str, Any] = field(default_factory=dict)


def _label_order(config: Any, name: str) -> list[str]:
    id2label = {int(k): str(v).lower() for k, v in (config.id2label or {}).items()}
    order = []
    for i in range(len(id2label)):
        raw = id2label.get(i, "")
        match = next((lab for lab in LABELS if raw.startswith(lab[:7])), None)
        if match is None:
            raise ModelError(f"judge model {name!r} has labels {sorted(id2label.values())}; "
                             f"an NLI model needs entailment, neutral and contradiction")
        order.append(match)
    if sorted(order) != sorted(LABELS):
        raise ModelError(f"judge model {name!r} has labels {order}; it must have exactly "
                         f"entailment, neutral and contradiction")
    return order


def model_location(name: str | None) -> tuple[str, str]:
    """(display name, path or hub id) of the judge to load."""
    if name in (None, "", DEFAULT_JUDGE):
        if not (SHIPPED_MODEL / "config.json").exists():
            raise ModelError(f"the shipped judge model is missing from {SHIPPED_MODEL}; "
                             f"reinstall claims-tracker or pass --judge-model")
        return DEFAULT_JUDGE, str(SHIPPED_MODEL)
    assert name is not None
    return name, name


INT8_SUFFIX = ":int8"


def load(name: str | None = None, precision: str | None = None) -> _Loaded:
    """Load a judge model once per process, on the CPU in `precision` ("fp32" or "bf16";
    default: claims.precision's choice for this CPU). A name ending in ":int8" gives the
    same model with its linear layers dynamically quantised to int8 (smaller, faster)."""
    from claims.precision import precision as default_precision

    return _load(name, precision or default_precision())


@lru_cache(maxsize=4)
def _load(name: str | None, precision: str) -> _Loaded:
    from claims.embed import _quiet_hub
    from claims.precision import torch_dtype

    if name and name.endswith(INT8_SUFFIX):
        import torch

        base = _load(name[: -len(INT8_SUFFIX)] or None, "fp32")
        qmodel = torch.ao.quantization.quantize_dynamic(base.model, {torch.nn.Linear},
                                                        dtype=torch.qint8)
        return _Loaded(base.name + INT8_SUFFIX, qmodel, base.tokenizer, base.order,
                       base.temperature, base.thresholds, base.max_length, base.meta)
    _quiet_hub()
    display, where = model_location(name)
    try:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        tokenizer = AutoTokenizer.from_pretrained(where)
        model = AutoModelForSequenceClassification.from_pretrained(
            where, dtype=torch.float32).to(torch_dtype(precision))
    except Exception as e:
        raise ModelError(
            f"cannot load judge model {display!r} ({type(e).__name__}: {str(e)[:160]}); give "
            f"a local folder with an NLI cross-encoder, or leave --judge-model out to use "
            f"the shipped one") from None
    model.eval()
    loaded = _Loaded(display, model, tokenizer, _label_order(model.config, display))
    meta_file = Path(where) / "judge.json"
    if meta_file.exists():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        loaded.temperature = float(meta.get("temperature", 1.0))
        loaded.thresholds = meta.get("thresholds")
        loaded.max_length = int(meta.get("max_length", 256))
        loaded.meta = meta
    return loaded


def _decide(probs: dict[str, float], thresholds: dict[str, float] | None) -> str:
    if not thresholds:
        return max(probs, key=lambda k: probs[k])
    c_ok = probs["contradiction"] >= thresholds["contradiction"]
    e_ok = probs["entailment"] >= thresholds["entailment"]
    if c_ok and (not e_ok or probs["contradiction"] > probs["entailment"]):
        return "contradiction"
    return "entailment" if e_ok else "neutral"


def model_scores(pairs: Sequence[tuple[str, str]], name: str | None = None,
                 batch_size: int = 32, progress: Progress | None = None,
                 precision: str | None = None) -> list[dict[str, float]]:
    """Calibrated label probabilities for each pair, in input order.

    Pairs are tokenised a chunk at a time (in order of character length) and batched in order
    of token count, so a batch carries almost no padding: about 1.2x the pairs/s of batching
    by character length (benchmarks/judge.py)."""
    import torch

    judge = load(name, precision)
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    out: list[dict[str, float]] = [{} for _ in pairs]
    chunk = batch_size * 64
    done = 0
    with torch.inference_mode():
        for c in range(0, len(order), chunk):
            part = order[c:c + chunk]
            enc = judge.tokenizer([pairs[i][0] for i in part], [pairs[i][1] for i in part],
                                  truncation=True, max_length=judge.max_length)
            by_tokens = sorted(range(len(part)), key=lambda r: len(enc["input_ids"][r]))
            for start in range(0, len(by_tokens), batch_size):
                rows = by_tokens[start:start + batch_size]
                batch = judge.tokenizer.pad({k: [v[r] for r in rows] for k, v in enc.items()},
                                            return_tensors="pt")
                logits = judge.model(**batch).logits.float() / judge.temperature
                probs = torch.softmax(logits, dim=-1).tolist()
                for r, row in zip(rows, probs, strict=True):
                    out[part[r]] = {judge.order[k]: float(p) for k, p in enumerate(row)}
                done += len(rows)
                if progress:
                    progress(done, len(order))
    return out


def content_of(text: str) -> str:
    """The content of a one-sentence claim with its "X said" wrapper removed."""
    from claims.attribute import attribute_sentences
    from claims.split import split_sentences

    sentences = split_sentences(text)
    if len(sentences) != 1:
        return text.strip()
    atts = attribute_sentences(sentences)[0]
    if len(atts) == 1 and atts[0].speaker:
        return text[atts[0].start:atts[0].end]
    return text.strip()


# "human errors, not fraud", "confirm the result, not change it", "for the court, not for
# observers": a corrective "not" that says what the claim is not, after what it is
_CONTRAST = re.compile(
    r"\s*,\s*not\s+(?!(?:only|just|merely|least|all|even|yet|always|because|if|when|until|since|"
    r"so|as|to|one|a\s+single|any|every|everyone|everybody|anyone|anybody|much|many|enough|once|"
    r"everything|anything)\b)(?P<tail>(?:[^,;:.!?\"“”()]|[,.](?=\d))+)"
    r"(?=[\"”]?\s*(?:[,;:.!?()]|$))", re.IGNORECASE)
# ...not a clause of its own: "By noon, not one polling station had opened"
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|did|does|do|will|would|can|could|"
                     r"should|may|might|must|shall)\b", re.IGNORECASE)


def without_contrast(text: str) -> str:
    """The text the model reads: a corrective "..., not Y" tail dropped. The model takes any
    "not" as a sign of contradiction ("the recount had found "human errors, not fraud"" /
    "the network had found no evidence of systematic fraud", 0.87 both ways); what a claim
    says is what comes before it. The rules still read the whole text ("2,870 votes, not the
    3,968 announced")."""
    return _CONTRAST.sub(lambda m: m.group(0) if _clause(m.group("tail")) else "", text)


# "not a storm warning", "not a planned attack" say what it is not; "not a vote changed",
# "not a word of it true", "not a warning in sight", "not a crown more" say something
_A_CLAUSE = re.compile(r"an?\s+(?:single\s+)?[\w-]+\s+(?:\w{2,}ed\b|(?:of|in|to|at|on|for)\b)",
                       re.IGNORECASE)
_MORE = re.compile(r"\b(?:more|less|fewer|further|again|else|longer|later|sooner|earlier)\b",
                   re.IGNORECASE)


def _clause(tail: str) -> bool:
    return bool(_FINITE.search(tail)) or bool(re.match(r"an?\s", tail, re.IGNORECASE)) and (
        bool(_A_CLAUSE.match(tail)) or bool(_MORE.search(tail)))


def judge_pairs(pairs: Sequence[tuple[str, str]], *, name: str | None = None,
                similarities: Sequence[float | None] | None = None,
                strip_wrappers: bool = True, batch_size: int = 32,
                progress: Progress | None = None) -> list[Judgement]:
    """Judge a batch of (premise, hypothesis) pairs; one Judgement per pair, in order.

    `similarities` (cosine of the two embeddings) helps the numeric rule decide whether two
    numbers describe the same thing; pass them when you have them.
    """
    texts = [(content_of(p), content_of(h)) if strip_wrappers else (p, h) for p, h in pairs]
    scores = model_scores([(without_contrast(p), without_contrast(h)) for p, h in texts],
                          name=name, batch_size=batch_size, progress=progress)
    judge = load(name)
    sims = list(similarities) if similarities is not None else [None] * len(pairs)
    out: list[Judgement] = []
    for (p, h), (cp, ch), probs, sim in zip(pairs, texts, scores, sims, strict=True):
        model_label = _decide(probs, judge.thresholds)
        model_reason = f"model {judge.name}: {model_label} ({probs[model_label]:.2f})"
        hits = apply_rules(cp, ch, sim)
        reasons: list[str] = []
        if hits:
            label, method = hits[0].label, hits[0].rule
            reasons = [h.reason for h in hits] + [model_reason]
        else:
            label, method = model_label, "model"
            reasons = [model_reason]
        if (cp, ch) != (p.strip(), h.strip()):
            reasons.append("judged the contents, without the attribution wrappers")
        out.append(Judgement(label, {k: round(v, 4) for k, v in probs.items()}, sim,
                             tuple(reasons), cp, ch, method))
    return out


def pair_similarities(pairs: Sequence[tuple[str, str]], embedding_model: str) -> list[float]:
    """Cosine similarity of each pair's two texts under an embedding model."""
    from claims.embed import Embedder

    texts = sorted({t for pair in pairs for t in pair})
    vectors = Embedder(embedding_model).encode(texts)
    row = {t: i for i, t in enumerate(texts)}
    return [round(float(vectors[row[p]] @ vectors[row[h]]), 4) for p, h in pairs]


def read_pairs_tsv(path: str) -> list[tuple[str, str]]:
    """(premise, hypothesis) rows of a TSV with a header naming both columns."""
    import csv
    import sys

    from claims.errors import InputError

    csv.field_size_limit(sys.maxsize)
    try:
        f = open(path, encoding="utf-8", newline="") if path != "-" else None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    with f or contextlib.nullcontext(sys.stdin) as stream:  # never close stdin
        reader = csv.DictReader(stream, delimiter="\t")
        cols = {c.strip().lower(): c for c in reader.fieldnames or []}
        if "premise" not in cols or "hypothesis" not in cols:
            raise InputError(f"{path}: needs a header with 'premise' and 'hypothesis' columns "
                             f"(found: {', '.join(reader.fieldnames or []) or 'none'})")
        rows = []
        for n, row in enumerate(reader, start=2):
            p, h = row.get(cols["premise"]), row.get(cols["hypothesis"])
            if p is None or h is None:
                raise InputError(f"{path}:{n}: row has fewer columns than the header")
            rows.append((p, h))
    return rows


def judge_texts(rows: Sequence[tuple[str, str]], *, name: str | None = None,
                index: str | None = None, strip_wrappers: bool = True,
                progress: Progress | None = None) -> list[Judgement]:
    """Judge pairs of texts as `claims judge` does: similarity under the store's embedding
    model (the default one when there is no store at `index`), then model and rules."""
    from claims.embed import DEFAULT_MODEL
    from claims.store import MANIFEST, Store

    embedding_model = DEFAULT_MODEL
    if index is not None and (Path(index) / MANIFEST).exists():
        embedding_model = Store.open(index).model
    sims = pair_similarities(rows, embedding_model) if rows else []
    return judge_pairs(rows, name=name, similarities=sims, strip_wrappers=strip_wrappers,
                       progress=progress)
