"""Signs in the overlaps themselves that some deaths are much harder to record than others.

Take the deaths that at least one *other* list recorded: all four cells of the 2x2 table
of lists A and B are then seen. If every death had the same chance of being recorded by
each list and the lists worked independently, being on A would say nothing about being
on B there (odds ratio 1). When some deaths are easy to record and others hard, the easy
ones pile up on every list, so most pairs of lists overlap more than that (odds ratios
above 1). One list drawing on another raises one pair only, hence the share of pairs.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

# Pairs share records, so z is over-dispersed. On 1,000 simulated populations of each
# scenario (docs/estimation.md) these flag 3-4 % of those where everyone had the same
# chances, 4 % of those with one list drawing on another, and all but one with a
# hard-to-record half seen by 5 lists (40 % with 3 lists).
MIN_Z = 3.0
MIN_POSITIVE_PAIRS = 0.75
SOFT_UPPER_LIMIT = "The upper limit is soft"


@dataclass(frozen=True)
class HeterogeneitySignal:
    """The pooled odds ratio of pairs of lists among deaths other lists recorded."""

    odds_ratio: float
    z: float
    positive_pairs: float

    @property
    def shown(self) -> bool:
        """Give whether the data show heterogeneous capture (most pairs, clearly)."""
        return self.z >= MIN_Z and self.positive_pairs >= MIN_POSITIVE_PAIRS


def capture_heterogeneity(
    patterns: NDArray[np.int64], counts: NDArray[np.int64]
) -> HeterogeneitySignal | None:
    """Give the heterogeneity signal of capture patterns and counts; None below 3 lists."""
    lists = patterns.shape[1]
    if lists < 3:
        return None
    log_ratios, weights = [], []
    for a, b in itertools.combinations(range(lists), 2):
        others = [j for j in range(lists) if j not in (a, b)]
        seen = patterns[:, others].any(axis=1)
        cells = [
            float(counts[seen & (patterns[:, a] == x) & (patterns[:, b] == y)].sum()) + 0.5
            for x in (0, 1)
            for y in (0, 1)
        ]
        # Haldane's half added to every cell keeps empty overlaps finite.
        log_ratios.append(math.log(cells[0] * cells[3] / (cells[1] * cells[2])))
        weights.append(1.0 / sum(1.0 / cell for cell in cells))
    total = sum(weights)
    pooled = sum(w * r for w, r in zip(weights, log_ratios, strict=True)) / total
    positive = sum(r > 0.0 for r in log_ratios) / len(log_ratios)
    return HeterogeneitySignal(math.exp(pooled), pooled * math.sqrt(total), positive)


def heterogeneity_warning(signal: HeterogeneitySignal, coverage: str) -> str:
    """Give the plain-language warning for a shown signal; ``coverage`` from simulations."""
    return (
        "signs of deaths that are hard to record: the lists overlap more than they would "
        "if every death had the same chance of being recorded (among deaths another list "
        f"also holds, two lists share a death with {signal.odds_ratio:.1f} times the odds "
        f"expected). {SOFT_UPPER_LIMIT}: a group of deaths rarely recorded by any list "
        "may be larger than this interval allows, and then the total is too low "
        f"(simulated populations like this: {coverage})."
    )
