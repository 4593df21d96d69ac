"""Simulated populations of known size, for testing and benchmarking the estimators.

A scenario draws N people into strata (capture heterogeneity), then lets every list
record each person with the stratum's probability, optionally raised for people already
on another list (positive list dependence, e.g. one organisation copying another).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from strikewatch.assess.estimate import CaptureHistories


@dataclass(frozen=True)
class Stratum:
    """A share of the population and each list's chance of recording its members."""

    share: float
    capture: tuple[float, ...]


@dataclass(frozen=True)
class Dependence:
    """List ``target`` records people already on list ``source`` with higher odds."""

    source: int
    target: int
    odds_ratio: float


@dataclass(frozen=True)
class Scenario:
    """A simulated population: its size, strata and list dependences."""

    name: str
    size: int
    strata: tuple[Stratum, ...]
    dependences: tuple[Dependence, ...] = ()

    @property
    def lists(self) -> int:
        """Give the number of lists."""
        return len(self.strata[0].capture)


SCENARIOS = {
    "independent": Scenario("independent", 1000, (Stratum(1.0, (0.25, 0.3, 0.2)),)),
    "dependent": Scenario(
        "dependent",
        1000,
        (Stratum(1.0, (0.25, 0.3, 0.2, 0.35)),),
        (Dependence(0, 1, 4.0), Dependence(2, 3, 3.0)),
    ),
    # Few records and thin overlaps: some pairs of lists share a handful of deaths.
    "sparse": Scenario("sparse", 300, (Stratum(1.0, (0.2, 0.15, 0.25, 0.12)),)),
    # Two strata seen by only three lists: too few lists for the interactions (or the
    # latent classes) to tell heterogeneity apart.
    "heterogeneous-3": Scenario(
        "heterogeneous-3",
        1000,
        (Stratum(0.5, (0.15, 0.2, 0.15)), Stratum(0.5, (0.5, 0.55, 0.45))),
    ),
    "heterogeneous": Scenario(
        "heterogeneous",
        1000,
        (
            Stratum(0.5, (0.15, 0.2, 0.15, 0.25, 0.15)),
            Stratum(0.5, (0.5, 0.55, 0.45, 0.6, 0.4)),
        ),
    ),
}


def simulate_histories(scenario: Scenario, seed: int) -> CaptureHistories:
    """Give the capture histories of one simulated population (its size is scenario.size)."""
    rng = np.random.default_rng(seed)
    shares = np.array([s.share for s in scenario.strata])
    stratum = rng.choice(len(shares), size=scenario.size, p=shares / shares.sum())
    chance = np.array([s.capture for s in scenario.strata])[stratum]
    logit = np.log(chance) - np.log1p(-chance)
    boosts: dict[int, list[Dependence]] = {}
    for dependence in scenario.dependences:
        boosts.setdefault(dependence.target, []).append(dependence)
    captured = np.zeros((scenario.size, scenario.lists), dtype=np.int64)
    # Sources are drawn before their targets so that a target can look at them
    # (a list is never both: chains of copying lists are not simulated).
    order = sorted(range(scenario.lists), key=lambda j: j in boosts)
    for j in order:
        shifted = logit[:, j].copy()
        for dependence in boosts.get(j, []):
            shifted += math.log(dependence.odds_ratio) * captured[:, dependence.source]
        captured[:, j] = rng.random(scenario.size) < 1.0 / (1.0 + np.exp(-shifted))
    seen = captured[captured.any(axis=1)]
    tally = Counter(tuple(int(v) for v in row) for row in seen)
    names = tuple(f"list{j + 1}" for j in range(scenario.lists))
    return CaptureHistories(names, dict(tally))
