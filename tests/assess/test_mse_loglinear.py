"""Log-linear capture-recapture: the model set, closed forms, and coverage on simulations."""

from __future__ import annotations

import numpy as np
import pytest

from strikewatch.assess.estimate import CaptureHistories, estimate_loglinear
from strikewatch.assess.mse_loglinear import MAX_MODELS, candidate_models, chapman, fit_loglinear
from strikewatch.assess.mse_simulate import SCENARIOS, simulate_histories


def test_model_set_is_every_interaction_subset_up_to_four_lists() -> None:
    assert len(candidate_models(3)) == 8
    assert len(candidate_models(4)) == 64
    five = candidate_models(5)
    assert () in five and len(five) <= MAX_MODELS
    assert max(len(m) for m in five) == 3  # 1 + 10 + 45 + 120 = 176 models


def test_chapman_matches_its_formula() -> None:
    unrecorded, low, high = chapman(60, 40, 20, level=0.95)
    assert unrecorded == pytest.approx(61 * 41 / 21 - 1 - 80)
    assert 0.0 < low < unrecorded < high


def test_dependence_between_two_lists_is_picked_up() -> None:
    # Lists A and B share far more than independence allows; C is independent of both.
    # Expected counts for N = 1000 with P(A)=0.4, P(B|A)=0.8, P(B|not A)=0.2, P(C)=0.3.
    a, b_on_a, b_off_a, c = 0.4, 0.8, 0.2, 0.3
    counts: dict[tuple[int, ...], int] = {}
    for pattern in [(1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (1, 0, 1), (0, 1, 1), (1, 1, 1)]:
        pa = a if pattern[0] else 1 - a
        b = b_on_a if pattern[0] else b_off_a
        pb = b if pattern[1] else 1 - b
        pc = c if pattern[2] else 1 - c
        counts[pattern] = round(1000 * pa * pb * pc)
    result = estimate_loglinear(CaptureHistories(("A", "B", "C"), counts))
    assert "A×B" in result.model
    assert result.total == pytest.approx(1000, rel=0.05)
    assert result.lower < 1000 < result.upper


def test_saturated_three_list_model_matches_its_closed_form() -> None:
    patterns = np.array(
        [(1, 0, 0), (0, 1, 0), (1, 1, 0), (0, 0, 1), (1, 0, 1), (0, 1, 1), (1, 1, 1)]
    )
    counts = np.array([50.0, 40.0, 30.0, 45.0, 20.0, 15.0, 10.0])
    result = fit_loglinear(patterns, counts, level=0.95)
    assert result is not None
    saturated = [m for m in result.models if len(m.interactions) == 3]
    closed_form = 50 * 40 * 45 * 10 / (30 * 20 * 15)
    assert all(m.unrecorded == pytest.approx(closed_form, rel=1e-6) for m in saturated)
    assert result.lower <= result.unrecorded <= result.upper


def test_intervals_cover_independent_populations() -> None:
    scenario = SCENARIOS["independent"]
    covered = 0
    for seed in range(20):
        result = estimate_loglinear(simulate_histories(scenario, seed))
        covered += result.lower <= scenario.size <= result.upper
    assert covered >= 17
