"""The fast path (bf16 on the CPU) against the reference path (fp32): same vectors within a
hair, same judge labels. Both run the real bundled models."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claims import judge as J
from claims.embed import Embedder
from claims.precision import precision

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_sentences() -> list[str]:
    out: list[str] = []
    for answers in sorted(SEEDS.glob("*/_answers.json")):
        out += [s["sentence"] for s in json.loads(answers.read_text())["sentences"]]
    return out


def seed_pairs() -> list[tuple[str, str]]:
    """Every pair the sample sets label (agreements, clashes, numeric non-conflicts), both
    directions: the kind of pair the judge meets in use."""
    pairs: list[tuple[str, str]] = []
    for answers in sorted(SEEDS.glob("*/_answers.json")):
        data = json.loads(answers.read_text())
        for key in ("agreements", "clashes", "numeric_non_conflicts"):
            for item in data.get(key, []):
                pairs += [(item["a"], item["b"]), (item["b"], item["a"])]
    return pairs


def test_bf16_vectors_match_fp32_vectors():
    texts = seed_sentences()
    assert len(texts) > 300
    fast = Embedder(precision="bf16").encode(texts)
    ref = Embedder(precision="fp32").encode(texts)
    assert fast.shape == ref.shape and fast.dtype == np.float32
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-4)
    cosine = (fast * ref).sum(axis=1)
    assert cosine.min() >= 0.99, texts[int(cosine.argmin())]
    # and the nearest neighbour of each sentence is the same under both
    assert ((fast @ fast.T).argsort(1)[:, -2] == (ref @ ref.T).argsort(1)[:, -2]).mean() > 0.97


def test_encode_returns_vectors_in_input_order_whatever_the_lengths():
    texts = ["A much longer sentence about the fire at the warehouse in the port.", "Short.",
             "Medium length sentence here."]
    emb = Embedder(precision="fp32")
    together = emb.encode(texts)
    for i, text in enumerate(texts):
        assert np.allclose(together[i], emb.encode([text])[0], atol=1e-5)


def test_bf16_judge_gives_the_fp32_labels():
    pairs = seed_pairs()
    assert len(pairs) > 100
    ref = J.load(None, "fp32")
    fast = J.load(None, "bf16")
    assert fast.model.dtype != ref.model.dtype
    decide = [J._decide(s, ref.thresholds) for s in J.model_scores(pairs, precision="fp32")]
    quick = [J._decide(s, ref.thresholds) for s in J.model_scores(pairs, precision="bf16")]
    same = sum(a == b for a, b in zip(decide, quick, strict=True)) / len(pairs)
    assert same >= 0.98, [(p, a, b) for p, a, b in zip(pairs, decide, quick, strict=True)
                          if a != b]


def test_claims_precision_setting(monkeypatch):
    monkeypatch.setenv("CLAIMS_PRECISION", "fp32")
    assert precision() == "fp32"
    monkeypatch.setenv("CLAIMS_PRECISION", "bf16")
    assert precision() == "bf16"
    monkeypatch.setenv("CLAIMS_PRECISION", "fp8")
    from claims.errors import InputError

    with pytest.raises(InputError, match="CLAIMS_PRECISION"):
        precision()
