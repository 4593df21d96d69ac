"""Pairs too unlikely to share an incident, kept as 8 bytes a pair.

Most pairs a blocking rule brings together are plainly different strikes; clustering
needs them only to refuse a merge (``cluster.VETO_PROBABILITY``). A million claims give
tens of millions of them, so they are kept as one sorted array of 64-bit keys rather
than as Python objects (which took over 20 GB at that size).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

_SHIFT = np.int64(32)


def _keys(low: NDArray[np.int64], high: NDArray[np.int64]) -> NDArray[np.int64]:
    keys: NDArray[np.int64] = (low << _SHIFT) | high
    return keys


def sorted_unique(keys: NDArray[np.int64]) -> NDArray[np.int64]:
    """``np.unique`` by sorting: numpy 2's hashing ``unique`` took 2.4 s on 2.5 million
    keys, a sort and a comparison 0.03 s."""
    ordered = np.sort(keys)
    if ordered.size < 2:
        return ordered
    kept: NDArray[np.int64] = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]
    return kept


class Vetoes:
    """A set of claim-id pairs (ids below 2**31), with a fast test between two groups."""

    def __init__(self, left: Iterable[int] = (), right: Iterable[int] = ()) -> None:
        a = np.fromiter(left, dtype=np.int64)
        b = np.fromiter(right, dtype=np.int64)
        self.keys: NDArray[np.int64] = sorted_unique(_keys(np.minimum(a, b), np.maximum(a, b)))

    @classmethod
    def from_arrays(cls, left: NDArray[np.int64], right: NDArray[np.int64]) -> Vetoes:
        """The vetoes of two aligned id arrays (no Python objects on the way)."""
        found = cls()
        low, high = np.minimum(left, right), np.maximum(left, right)
        found.keys = sorted_unique(_keys(low.astype(np.int64), high.astype(np.int64)))
        return found

    def __len__(self) -> int:
        return int(self.keys.size)

    def __contains__(self, pair: object) -> bool:
        if not isinstance(pair, tuple) or len(pair) != 2:
            return False
        return self.between([pair[0]], [pair[1]])

    def between(self, group_a: Sequence[int], group_b: Sequence[int]) -> bool:
        """Whether any pair across the two groups is vetoed."""
        if not self.keys.size:
            return False
        a = np.asarray(group_a, dtype=np.int64)[:, None]
        b = np.asarray(group_b, dtype=np.int64)[None, :]
        wanted = _keys(np.minimum(a, b), np.maximum(a, b)).ravel()
        at = np.searchsorted(self.keys, wanted).clip(max=self.keys.size - 1)
        return bool((self.keys[at] == wanted).any())
