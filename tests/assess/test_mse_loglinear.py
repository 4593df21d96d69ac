"""Log-linear capture-recapture: the model set, closed forms, and coverage on simulations."""

from __future__ import annotations

import numpy as np
import pytest

from strikewatch.assess.estimate import CaptureHistories, estimate_loglinear
from strikewatch.assess.mse_loglinear import candidate_models, chapman, fit_loglinear, fit_models
from strikewatch.assess.mse_simulate import SCENARIOS, simulate_histories


def test_model_set_is_every_interaction_subset_up_to_four_lists() -> None:
    # With and without heterogeneity; with 3 lists the saturated model has no room for it.
    assert len(candidate_models(3)) == 8 + 7
    assert len(candidate_models(4)) == 64 + 64
    assert all(m.parameters(3) <= 7 for m in candidate_models(3))
    histories = simulate_histories(SCENARIOS["dependent"], seed=0)
    fits, dropped = fit_models(*_arrays(histories))
    assert len(fits) + dropped == 128


def test_five_lists_are_searched_not_enumerated() -> None:
    histories = simulate_histories(SCENARIOS["heterogeneous"], seed=0)
    fits, dropped = fit_models(*_arrays(histories))
    interactions = [f[0].interactions for f in fits]
    assert () in interactions
    assert {f[0].heterogeneous for f in fits} == {False, True}
    assert len(fits) + dropped < 2048
    # Heterogeneity shows as many positive interactions: the search goes past three.
    assert max(len(i) for i in interactions) >= 4


def _arrays(histories: CaptureHistories) -> tuple[np.ndarray, np.ndarray]:
    patterns, counts = histories.arrays()
    return patterns, counts.astype(np.float64)


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
    assert saturated
    closed_form = 50 * 40 * 45 * 10 / (30 * 20 * 15)
    assert all(m.unrecorded == pytest.approx(closed_form, rel=1e-6) for m in saturated)
    assert result.lower <= result.unrecorded <= result.upper


def test_heterogeneity_term_extrapolates_beyond_pairwise_interactions() -> None:
    # Gamma-spread capture chances: cells fall with s as 1/(3.5 + s)^k; the heterogeneity
    # model fits them exactly and recovers the unrecorded cell, which no pairwise model can.
    patterns = np.array([p for p in np.ndindex(2, 2, 2, 2) if any(p)])
    seen = patterns.sum(axis=1)
    counts = 4000.0 * 0.6**seen * (3.5 / (3.5 + seen)) ** 4.0
    result = fit_loglinear(patterns, counts, level=0.95)
    assert result is not None
    heaviest = max(result.models, key=lambda m: m.weight)
    assert heaviest.heterogeneous and heaviest.interactions == ()
    assert heaviest.unrecorded == pytest.approx(4000.0, rel=1e-6)


def test_intervals_cover_independent_populations() -> None:
    scenario = SCENARIOS["independent"]
    covered = 0
    for seed in range(20):
        result = estimate_loglinear(simulate_histories(scenario, seed))
        covered += result.lower <= scenario.size <= result.upper
    assert covered >= 17


def test_random_sparse_tables_never_crash() -> None:
    rng = np.random.default_rng(11)
    patterns: list[tuple[int, ...]] = [
        (1, 0, 0),
        (0, 1, 0),
        (1, 1, 0),
        (0, 0, 1),
        (1, 0, 1),
        (0, 1, 1),
        (1, 1, 1),
    ]
    for _ in range(25):
        counts = {p: int(c) for p, c in zip(patterns, rng.integers(0, 6, 7), strict=True)}
        if not any(counts.values()):
            continue
        result = estimate_loglinear(CaptureHistories(("A", "B", "C"), counts))
        if np.isnan(result.total):
            assert "no log-linear model could be fitted" in result.warnings[0]
        else:
            assert result.observed <= result.lower <= result.total <= result.upper
