"""Which number format the CPU models run in: bf16 where the processor computes it natively.

On a CPU with AVX-512 BF16 or AMX, PyTorch runs MiniLM in bfloat16 about 2.8x faster than
sentence-transformers in float32 (encoder and judge alike), with vectors at cosine 0.9999 to the
float32 ones and the same judge labels (benchmarks/embedding.py and benchmarks/judge.py measure
both). Elsewhere bf16 would be emulated and slow, so float32 stays. `CLAIMS_PRECISION=fp32`
(the reference path) or `=bf16` overrides the choice.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

CHOICES = ("auto", "fp32", "bf16")


@lru_cache(maxsize=1)
def cpu_has_bf16() -> bool:
    """True when the processor has native bfloat16 arithmetic (Linux: /proc/cpuinfo flags)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_bf16", "amx_bf16"})
    except OSError:
        pass
    return False


def precision() -> str:
    """"fp32" or "bf16": the setting of CLAIMS_PRECISION, or what this CPU does best."""
    choice = os.environ.get("CLAIMS_PRECISION", "auto").strip().lower() or "auto"
    if choice not in CHOICES:
        from claims.errors import InputError

        raise InputError(f"CLAIMS_PRECISION={choice!r}: use one of {', '.join(CHOICES)}")
    if choice == "auto":
        return "bf16" if cpu_has_bf16() else "fp32"
    return choice


def torch_dtype(choice: str | None = None) -> Any:
    import torch

    return torch.bfloat16 if (choice or precision()) == "bf16" else torch.float32
