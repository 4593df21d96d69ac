"""The text embeddings the linker compares, reduced to their main directions.

Scoring a million claims moves every candidate pair's two embeddings through the engine's
join: at 512 numbers each they were most of its work. The directions along which a store's
reports differ are far fewer; trained with the model, a projection onto the DIMENSIONS
main ones of its claims' embeddings keeps what the comparison reads. On the development
corpus linking scored the same with 256 (pairwise F1 0.569, B-cubed 0.687, grade agreement
0.437, against 0.569, 0.688 and 0.438 with the whole vectors) and lost 0.03 of pairwise F1
with 128 (benchmarks/airwars_eval.py).

The directions are those along which the claims' embeddings vary most (the top right
singular vectors of the centred sample); the vectors themselves are projected as they are
and scaled to unit length again where the table is made. Directions of the embeddings as
they are (not centred), the closest subspace to the vectors themselves, linked a little
worse on the development corpus (pairwise F1 0.566, grade agreement 0.432 against 0.437).
A store with fewer than MIN_CLAIMS embedded claims keeps the full vectors: their main
directions would be the few claims' own, not those of the reports to come. The projection
is saved with the model (like the vocabulary), so bulk and live linking compare alike.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

DIMENSIONS = 256
MIN_CLAIMS = 4 * DIMENSIONS
# The main directions of this many claims' embeddings are those of all (a sample keeps
# the fit to a second at a million claims).
SAMPLE = 25_000
_SLICE = 65_536

Vectors = npt.NDArray[np.float32]


def _encode(array: Vectors) -> str:
    return base64.b64encode(np.asarray(array, dtype="<f4").tobytes()).decode("ascii")


def _decode(text: str, shape: tuple[int, ...]) -> Vectors:
    return np.frombuffer(base64.b64decode(text), dtype="<f4").reshape(shape).astype(np.float32)


@dataclass(frozen=True)
class Projection:
    """The main directions (rows of ``basis``) of embeddings; none: vectors unchanged."""

    basis: Vectors | None = None  # DIMENSIONS x the embedding's own size

    def size(self, whole: int) -> int:
        """How many numbers a projected embedding has (``whole`` when none is fitted)."""
        return whole if self.basis is None else int(self.basis.shape[0])

    @classmethod
    def fit(cls, rows: Sequence[Vectors | None], dimensions: int = DIMENSIONS) -> Projection:
        """The projection of these embeddings (none when too few claims carry one)."""
        vectors = [row for row in rows if row is not None and bool(row.any())]
        if len(vectors) < max(MIN_CLAIMS, 4 * dimensions) or dimensions >= vectors[0].size:
            return cls()
        chosen = np.random.default_rng(0).permutation(len(vectors))[:SAMPLE]
        sample = np.stack([vectors[i] for i in sorted(chosen)]).astype(np.float64)
        centred = sample - sample.mean(axis=0)
        _, _, directions = np.linalg.svd(centred, full_matrices=False)
        basis = directions[:dimensions]
        # A singular vector's sign is arbitrary: fix it so a refit gives the same basis.
        signs = np.sign(basis[np.arange(len(basis)), np.abs(basis).argmax(axis=1)])
        return cls((basis * signs[:, None]).astype(np.float32))

    def apply(self, rows: Sequence[Vectors | None]) -> list[Vectors | None]:
        """Each embedding in the reduced space (rows without one stay without)."""
        if self.basis is None:
            return list(rows)
        present = [i for i, row in enumerate(rows) if row is not None and bool(row.any())]
        reduced = np.empty((len(present), self.basis.shape[0]), dtype=np.float32)
        # In slices: a million embeddings stacked at once would hold gigabytes twice.
        for at in range(0, len(present), _SLICE):
            chunk = present[at : at + _SLICE]
            stacked = np.stack([rows[i] for i in chunk]).astype(np.float32)  # type: ignore[misc]
            reduced[at : at + len(chunk)] = stacked @ self.basis.T
        out: list[Vectors | None] = [None] * len(rows)
        for n, i in enumerate(present):
            out[i] = reduced[n]
        return out

    def to_json(self) -> dict[str, Any]:
        if self.basis is None:
            return {}
        rows, size = self.basis.shape
        return {"dimensions": int(rows), "size": int(size), "basis": _encode(self.basis)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Projection:
        if not data:
            return cls()
        shape = (int(data["dimensions"]), int(data["size"]))
        return cls(_decode(data["basis"], shape))
