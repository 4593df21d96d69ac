"""The public entry of multiple systems estimation: histories, both methods, their warnings."""

from __future__ import annotations

import itertools

import pytest

from strikewatch.assess.estimate import (
    DEPENDENCE_WARNING,
    HETEROGENEITY_WARNING,
    CaptureHistories,
    estimate,
    estimate_lcmcr,
    estimate_loglinear,
)
from strikewatch.assess.mse_heterogeneity import SOFT_UPPER_LIMIT
from strikewatch.assess.mse_simulate import (
    SCENARIOS,
    Dependence,
    Scenario,
    Stratum,
    simulate_histories,
)


def expected_independent(size: int, capture: tuple[float, ...]) -> CaptureHistories:
    """Histories equal to their expectation under independent lists (rounded)."""
    counts = {}
    for pattern in itertools.product((0, 1), repeat=len(capture)):
        if any(pattern):
            chance = 1.0
            for on, p in zip(pattern, capture, strict=True):
                chance *= p if on else 1.0 - p
            counts[pattern] = round(size * chance)
    return CaptureHistories(tuple(f"org{i}" for i in range(len(capture))), counts)


def test_from_memberships_counts_each_pattern() -> None:
    histories = CaptureHistories.from_memberships(
        ["SNHR", "VDC", "Airwars"],
        [["SNHR"], ["SNHR", "VDC"], ("VDC", "SNHR"), {"Airwars"}, ["Airwars", "SNHR", "VDC"]],
    )
    assert histories.counts == {(1, 0, 0): 1, (1, 1, 0): 2, (0, 0, 1): 1, (1, 1, 1): 1}
    assert histories.observed == 5
    assert histories.overlap(0, 1) == 3


def test_from_memberships_refuses_unknown_lists_and_empty_records() -> None:
    with pytest.raises(ValueError, match="unknown lists"):
        CaptureHistories.from_memberships(["A", "B"], [["A"], ["C"]])
    with pytest.raises(ValueError, match="on no list"):
        CaptureHistories.from_memberships(["A", "B"], [["A"], []])
    with pytest.raises(ValueError, match="all-zero"):
        CaptureHistories(("A", "B"), {(0, 0): 3})


def test_loglinear_recovers_size_of_an_independent_table() -> None:
    result = estimate_loglinear(expected_independent(2000, (0.4, 0.3, 0.35, 0.25)))
    assert result.method == "loglinear"
    assert result.total == pytest.approx(2000, rel=0.03)
    assert result.lower < 2000 < result.upper
    assert result.undocumented == pytest.approx(result.total - result.observed)
    assert any("Closed population" in a for a in result.assumptions)


def test_two_lists_use_chapman_and_say_so() -> None:
    histories = CaptureHistories(("A", "B"), {(1, 0): 30, (0, 1): 20, (1, 1): 30})
    result = estimate_loglinear(histories)
    assert result.total == pytest.approx(61 * 51 / 31 - 1)
    assert result.lower < result.total < result.upper
    assert "only 2 lists" in result.warnings[0]
    both = estimate(histories)
    assert [r.method for r in both] == ["loglinear"]
    assert any("LCMCR was not run" in w for w in both[0].warnings)
    with pytest.raises(ValueError, match="at least 3 lists"):
        estimate_lcmcr(histories)


def test_sparse_table_with_empty_overlaps_does_not_crash() -> None:
    histories = CaptureHistories(
        ("A", "B", "C"), {(1, 0, 0): 40, (0, 1, 0): 25, (0, 0, 1): 12, (1, 0, 1): 6, (0, 1, 1): 3}
    )
    result = estimate_loglinear(histories)
    assert result.total >= result.observed
    assert result.lower <= result.total <= result.upper
    assert any("sparse overlaps: A and B share only 0" in w for w in result.warnings)


def test_lcmcr_is_reproducible_and_covers_a_small_population() -> None:
    histories = simulate_histories(SCENARIOS["independent"], seed=3)
    first = estimate_lcmcr(histories, seed=5, iterations=2000, burn_in=500)
    second = estimate_lcmcr(histories, seed=5, iterations=2000, burn_in=500)
    assert first == second
    assert first.lower <= 1000 <= first.upper
    assert first.lower <= first.total <= first.upper
    assert "K=10" in first.model


def test_estimate_runs_both_methods_and_rejects_unknown_ones() -> None:
    histories = expected_independent(800, (0.5, 0.4, 0.3))
    results = estimate(histories, methods=("loglinear",))
    assert [r.method for r in results] == ["loglinear"]
    with pytest.raises(ValueError, match="unknown estimation methods"):
        estimate(histories, methods=("jackknife",))


def test_disagreeing_methods_are_flagged() -> None:
    # Strong direct dependence (lists copying each other) in a large population: LCMCR,
    # which models dependence only through heterogeneity, falls short of the log-linear
    # model that has the interactions.
    copying = Scenario(
        "copying",
        4000,
        (Stratum(1.0, (0.25, 0.3, 0.2, 0.35)),),
        (Dependence(0, 1, 8.0), Dependence(2, 3, 6.0)),
    )
    histories = simulate_histories(copying, seed=1)
    loglinear, lcmcr = estimate(histories)
    assert lcmcr.upper < loglinear.lower
    assert any("do not overlap" in w for w in loglinear.warnings)
    assert any("do not overlap" in w for w in lcmcr.warnings)


def test_hard_to_record_deaths_make_the_upper_limit_soft() -> None:
    heterogeneous = simulate_histories(SCENARIOS["heterogeneous"], seed=1)
    loglinear = estimate_loglinear(heterogeneous)
    lcmcr = estimate_lcmcr(heterogeneous, iterations=1000, burn_in=250)
    for result in (loglinear, lcmcr):
        (soft,) = [w for w in result.warnings if SOFT_UPPER_LIMIT in w]
        assert "times the odds" in soft
    assert "LCMCR" in next(w for w in lcmcr.warnings if SOFT_UPPER_LIMIT in w)
    # The fixed warnings stay.
    assert HETEROGENEITY_WARNING in loglinear.warnings
    assert DEPENDENCE_WARNING in lcmcr.warnings


def test_equal_chances_leave_the_upper_limit_alone() -> None:
    independent = simulate_histories(SCENARIOS["independent"], seed=3)
    for result in (
        estimate_loglinear(independent),
        estimate_lcmcr(independent, iterations=1000, burn_in=250),
    ):
        assert not any(SOFT_UPPER_LIMIT in w for w in result.warnings)


def test_empty_histories_are_refused() -> None:
    empty = CaptureHistories(("A", "B", "C"), {})
    with pytest.raises(ValueError, match="no records"):
        estimate_loglinear(empty)
    with pytest.raises(ValueError, match="no records"):
        estimate_lcmcr(empty)
