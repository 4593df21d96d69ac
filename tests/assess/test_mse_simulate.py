"""Simulated populations: sizes, strata and list dependence are what the scenario says."""

from __future__ import annotations

from strikewatch.assess.mse_simulate import (
    SCENARIOS,
    Dependence,
    Scenario,
    Stratum,
    simulate_histories,
)


def _odds_ratio(counts: dict[tuple[int, ...], int], a: int, b: int, size: int) -> float:
    table = [[0, 0], [0, 0]]
    for pattern, count in counts.items():
        table[pattern[a]][pattern[b]] += count
    table[0][0] += size - sum(counts.values())
    return table[1][1] * table[0][0] / (table[1][0] * table[0][1])


def test_histories_are_seeded_and_no_larger_than_the_population() -> None:
    scenario = SCENARIOS["heterogeneous"]
    first = simulate_histories(scenario, 7)
    assert first == simulate_histories(scenario, 7)
    assert first != simulate_histories(scenario, 8)
    assert 0 < first.observed <= scenario.size
    assert len(first.lists) == 5


def test_dependence_raises_the_odds_of_being_on_both_lists() -> None:
    base = Stratum(1.0, (0.3, 0.3, 0.3))
    plain = simulate_histories(Scenario("plain", 20000, (base,)), 1)
    linked = simulate_histories(Scenario("linked", 20000, (base,), (Dependence(0, 1, 5.0),)), 1)
    assert 0.8 < _odds_ratio(plain.counts, 0, 1, 20000) < 1.25
    assert 4.0 < _odds_ratio(linked.counts, 0, 1, 20000) < 6.2
    assert 0.8 < _odds_ratio(linked.counts, 0, 2, 20000) < 1.25
