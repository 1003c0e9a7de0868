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


def test_embedder_matches_sentence_transformers_encode_the_reference_path():
    from sentence_transformers import SentenceTransformer

    from claims.embed import DEFAULT_MODEL, model_location

    texts = seed_sentences()
    ours = Embedder().encode(texts)  # token-ordered batches, this CPU's precision
    ref = SentenceTransformer(model_location(DEFAULT_MODEL), device="cpu").encode(
        texts, normalize_embeddings=True)
    cosine = (ours * ref).sum(axis=1)
    assert cosine.min() >= 0.99, texts[int(cosine.argmin())]


def test_a_model_with_a_dense_head_gives_what_its_own_encode_gives(tmp_path):
    """Batching by token count runs every module of the model, not just MiniLM's."""
    from sentence_transformers import SentenceTransformer, models

    from claims.embed import DEFAULT_MODEL, _plain_text_model, model_location

    base = SentenceTransformer(model_location(DEFAULT_MODEL), device="cpu")
    dense = models.Dense(in_features=384, out_features=64)
    custom = SentenceTransformer(modules=[base[0], base[1], dense], device="cpu")
    custom.save(str(tmp_path / "custom"))
    assert _plain_text_model(custom)
    with_prompt = SentenceTransformer(modules=[base[0], base[1]], device="cpu",
                                      prompts={"query": "query: "}, default_prompt_name="query")
    assert not _plain_text_model(with_prompt)  # prompts: sentence-transformers encodes
    texts = seed_sentences()[:40]
    ours = Embedder(str(tmp_path / "custom"), precision="fp32").encode(texts)
    ref = custom.encode(texts, normalize_embeddings=True)
    assert ours.shape == (40, 64)
    assert np.allclose(ours, ref, atol=1e-4)


def test_judge_scores_do_not_depend_on_the_batch_a_pair_lands_in():
    pairs = seed_pairs()[:60]
    together = J.model_scores(pairs, precision="fp32")
    alone = [J.model_scores([p], precision="fp32")[0] for p in pairs[:12]]
    for a, b in zip(together, alone, strict=False):
        assert all(abs(a[k] - b[k]) < 1e-3 for k in a)
