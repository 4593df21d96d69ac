"""The LCMCR Gibbs sampler and its chain diagnostics."""

from __future__ import annotations

import math

import numpy as np
import pytest

from strikewatch.assess.estimate import estimate_lcmcr
from strikewatch.assess.mse_lcmcr import effective_size, sample_lcmcr, split_rhat
from strikewatch.assess.mse_simulate import SCENARIOS, simulate_histories


def test_effective_size_of_independent_and_sticky_chains() -> None:
    rng = np.random.default_rng(1)
    noise = rng.normal(size=4000)
    assert effective_size(noise) == pytest.approx(4000, rel=0.25)
    sticky = np.empty(4000)
    sticky[0] = 0.0
    for i in range(1, 4000):
        sticky[i] = 0.9 * sticky[i - 1] + noise[i]
    # AR(1) with rho 0.9: n (1 - rho) / (1 + rho), about 210.
    assert 100 < effective_size(sticky) < 400


def test_split_rhat_flags_a_drifting_chain() -> None:
    rng = np.random.default_rng(2)
    assert split_rhat(rng.normal(size=2000)) < 1.05
    assert split_rhat(np.linspace(0, 10, 2000) + rng.normal(size=2000)) > 1.1


def test_sampler_gives_draws_of_the_unrecorded() -> None:
    histories = simulate_histories(SCENARIOS["independent"], seed=0)
    patterns, counts = histories.arrays()
    sample = sample_lcmcr(patterns, counts, classes=5, iterations=800, burn_in=200, seed=1)
    assert sample.unrecorded.shape == (800,)
    assert sample.unrecorded.min() >= 0
    assert 1.0 <= sample.occupied_classes <= 5.0
    middle = histories.observed + float(np.median(sample.unrecorded))
    assert 700 < middle < 1500


def test_lcmcr_covers_heterogeneous_populations() -> None:
    scenario = SCENARIOS["heterogeneous"]
    covered = 0
    for seed in range(4):
        result = estimate_lcmcr(
            simulate_histories(scenario, seed), seed=seed, iterations=3000, burn_in=1000
        )
        covered += result.lower <= scenario.size <= result.upper
    assert covered >= 3


def test_one_class_sampler_matches_the_exact_posterior() -> None:
    # With K = 1 the model is the classical M_t model; under p(N) ~ 1/N and Beta(1, 1)
    # priors its posterior of N has a closed form to check the Gibbs sampler against.
    histories = simulate_histories(SCENARIOS["independent"], seed=4)
    patterns, counts = histories.arrays()
    observed = int(counts.sum())
    on_list = (patterns * counts[:, None]).sum(axis=0)
    sizes = np.arange(observed, 5 * observed)
    log_post = np.array(
        [
            -math.log(n)
            + math.lgamma(n + 1)
            - math.lgamma(n - observed + 1)
            + sum(math.lgamma(1 + k) + math.lgamma(1 + n - k) - math.lgamma(2 + n) for k in on_list)
            for n in sizes
        ]
    )
    weights = np.exp(log_post - log_post.max())
    cdf = np.cumsum(weights / weights.sum())
    exact = [float(sizes[np.searchsorted(cdf, q)]) for q in (0.025, 0.5, 0.975)]
    sample = sample_lcmcr(patterns, counts, classes=1, iterations=20000, burn_in=1000, seed=1)
    drawn = [observed + float(np.quantile(sample.unrecorded, q)) for q in (0.025, 0.5, 0.975)]
    assert drawn == pytest.approx(exact, abs=8)
