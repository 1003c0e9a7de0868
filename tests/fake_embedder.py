"""A stand-in embedder for tests about the store, not about embeddings: deterministic unit
vectors from a hash of the text, no model to load (so a subprocess starts in a second)."""

from __future__ import annotations

import hashlib

import numpy as np


class HashEmbedder:
    def __init__(self, name: str = "all-MiniLM-L6-v2", batch_size: int = 64) -> None:
        self.name = name
        self.dimension = 384

    def encode(self, texts, progress=None):  # noqa: ANN001 - mirrors claims.embed.Embedder
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, t in enumerate(texts):
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:8], "little")
            v = np.random.default_rng(seed).standard_normal(self.dimension)
            out[i] = v / np.linalg.norm(v)
        if progress:
            progress(len(texts), len(texts))
        return out


def install(monkeypatch_or_module) -> None:  # noqa: ANN001
    """Use HashEmbedder for ingest (pytest monkeypatch, or None to patch for good)."""
    import claims.pipeline

    if monkeypatch_or_module is None:
        claims.pipeline.Embedder = HashEmbedder  # type: ignore[misc,assignment]
    else:
        monkeypatch_or_module.setattr(claims.pipeline, "Embedder", HashEmbedder)
