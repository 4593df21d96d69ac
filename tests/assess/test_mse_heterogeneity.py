"""Signs of hard-to-record deaths in the overlaps: pooled odds ratios of pairs of lists."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from numpy.typing import NDArray

from strikewatch.assess.mse_heterogeneity import (
    SOFT_UPPER_LIMIT,
    HeterogeneitySignal,
    capture_heterogeneity,
    heterogeneity_warning,
)
from strikewatch.assess.mse_simulate import SCENARIOS, Scenario, Stratum, simulate_histories


def _expected_table(
    strata: list[tuple[float, tuple[float, ...]]],
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Give patterns and counts equal to their expectation (no sampling noise)."""
    lists = len(strata[0][1])
    patterns = [p for p in itertools.product((0, 1), repeat=lists) if any(p)]
    counts = []
    for pattern in patterns:
        expected = 0.0
        for size, capture in strata:
            chance = 1.0
            for on, p in zip(pattern, capture, strict=True):
                chance *= p if on else 1.0 - p
            expected += size * chance
        counts.append(round(expected))
    return np.array(patterns), np.array(counts)


def test_equal_chances_give_odds_ratios_of_one() -> None:
    signal = capture_heterogeneity(*_expected_table([(20000, (0.3, 0.25, 0.4, 0.2))]))
    assert signal is not None
    assert signal.odds_ratio == pytest.approx(1.0, abs=0.03)
    assert abs(signal.z) < 1.0
    assert not signal.shown


def test_two_groups_raise_every_pair() -> None:
    signal = capture_heterogeneity(
        *_expected_table([(1000, (0.1, 0.15, 0.1, 0.2)), (1000, (0.5, 0.6, 0.55, 0.5))])
    )
    assert signal is not None
    assert signal.odds_ratio > 1.3
    assert signal.positive_pairs == 1.0
    assert signal.shown


def test_simulated_heterogeneity_is_shown_and_independence_is_not() -> None:
    heterogeneous = capture_heterogeneity(
        *simulate_histories(SCENARIOS["heterogeneous"], seed=0).arrays()
    )
    independent = capture_heterogeneity(
        *simulate_histories(SCENARIOS["independent"], seed=0).arrays()
    )
    assert heterogeneous is not None and heterogeneous.shown
    assert independent is not None and not independent.shown


def test_one_list_copying_another_is_not_taken_for_heterogeneity() -> None:
    # Two dependent pairs of six: the pooled z is high, but most pairs are not raised.
    signal = capture_heterogeneity(*simulate_histories(SCENARIOS["dependent"], seed=0).arrays())
    assert signal is not None
    assert signal.z >= 3.0
    assert signal.positive_pairs < 0.75
    assert not signal.shown


def test_two_lists_give_no_signal() -> None:
    two = Scenario("two", 500, (Stratum(1.0, (0.3, 0.4)),))
    assert capture_heterogeneity(*simulate_histories(two, seed=0).arrays()) is None


def test_warning_reads_as_plain_words() -> None:
    text = heterogeneity_warning(HeterogeneitySignal(1.46, 6.0, 1.0), "about 3 times in 4")
    assert SOFT_UPPER_LIMIT in text
    assert "1.5 times the odds" in text
    assert "about 3 times in 4" in text
