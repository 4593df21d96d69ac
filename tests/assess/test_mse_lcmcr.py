"""The LCMCR Gibbs sampler and its chain diagnostics."""

from __future__ import annotations

import math

import numpy as np
import pytest
from numpy.typing import NDArray
from scipy.optimize import minimize
from scipy.special import logsumexp
from scipy.stats import multivariate_t, nbinom

from strikewatch.assess.estimate import MAX_RHAT, MIN_EFFECTIVE_SIZE, estimate_lcmcr
from strikewatch.assess.mse_lcmcr import (
    ALPHA_RATE,
    ALPHA_SHAPE,
    CHAINS,
    effective_size,
    sample_lcmcr,
    split_rhat,
)
from strikewatch.assess.mse_simulate import SCENARIOS, Scenario, Stratum, simulate_histories


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


def test_diagnostics_of_several_chains_see_chains_that_disagree() -> None:
    rng = np.random.default_rng(3)
    agreeing = rng.normal(size=(4, 2000))
    assert split_rhat(agreeing) < 1.05
    assert effective_size(agreeing) == pytest.approx(8000, rel=0.25)
    # Each chain mixes well on its own, but one sits somewhere else.
    apart = agreeing + np.array([0.0, 0.0, 0.0, 2.0])[:, None]
    assert split_rhat(apart) > 1.1
    assert effective_size(apart) < 100


def test_sampler_gives_draws_of_the_unrecorded() -> None:
    histories = simulate_histories(SCENARIOS["independent"], seed=0)
    patterns, counts = histories.arrays()
    sample = sample_lcmcr(patterns, counts, classes=5, iterations=800, burn_in=200, seed=1)
    assert sample.unrecorded.shape == (CHAINS, 800)
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


def test_default_settings_converge_where_one_chain_did_not() -> None:
    # One chain of 20,000 (the sampler before several chains) gave an effective sample
    # size of 43 here, and the estimate said it did not converge.
    patterns, counts = simulate_histories(SCENARIOS["dependent"], seed=0).arrays()
    sample = sample_lcmcr(patterns, counts, classes=10, iterations=20_000, burn_in=5000, seed=0)
    assert sample.effective_size >= MIN_EFFECTIVE_SIZE
    assert sample.split_rhat <= MAX_RHAT


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


def _log_posterior(
    eta: NDArray[np.float64], patterns: NDArray[np.float64], counts: NDArray[np.int64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Give the K = 2 model's log posterior density, with N summed out, and p(missed).

    ``eta`` holds, per row, logit lambda (lists x 2, row-major) and logit V_1. Summing
    N out under p(N) ~ 1/N leaves the conditional likelihood prod_x (p_x / (1 - p_0))^n_x;
    integrating alpha ~ Gamma(a, b) out of V_1 ~ Beta(1, alpha) leaves
    p(V_1) ~ 1 / ((1 - V_1) (b - log(1 - V_1))^(a + 1)).
    """
    lists = patterns.shape[1]
    logit = eta[:, : 2 * lists].reshape(-1, lists, 2)
    log_on, log_off = -np.logaddexp(0.0, -logit), -np.logaddexp(0.0, logit)
    log_v, log_not_v = -np.logaddexp(0.0, -eta[:, -1]), -np.logaddexp(0.0, eta[:, -1])
    log_weights = np.stack([log_v, log_not_v], axis=1)
    per_class = np.einsum("pj,djk->dpk", patterns, log_on) + np.einsum(
        "pj,djk->dpk", 1.0 - patterns, log_off
    )
    log_pattern = logsumexp(per_class + log_weights[:, None, :], axis=2)
    missed = np.exp(logsumexp(log_off.sum(axis=1) + log_weights, axis=1))
    with np.errstate(divide="ignore"):
        likelihood = log_pattern @ counts - counts.sum() * np.log1p(-missed)
    prior = (log_on + log_off).sum(axis=(1, 2)) + log_v
    prior -= (ALPHA_SHAPE + 1.0) * np.log(ALPHA_RATE - log_not_v)
    return likelihood + prior, missed


def _importance_quantiles(
    patterns: NDArray[np.int64], counts: NDArray[np.int64], levels: list[float]
) -> tuple[list[int], float]:
    """Give posterior quantiles of N by importance sampling, and the effective draws.

    The proposal is a Student t around the posterior mode and its label-swapped twin;
    N given the other parameters is observed + NegBin(observed, 1 - p_0).
    """
    rng = np.random.default_rng(0)
    floats = patterns.astype(np.float64)
    dimension = 2 * patterns.shape[1] + 1

    def loss(x: NDArray[np.float64]) -> float:
        return -float(_log_posterior(x[None, :], floats, counts)[0][0])

    starts = [minimize(loss, rng.normal(-1.0, 1.0, dimension), method="BFGS") for _ in range(6)]
    mode = min(starts, key=lambda fit: float(fit.fun)).x
    h = 1e-4
    step = h * np.eye(dimension)
    hessian = np.array(
        [
            [
                loss(mode + a + b) - loss(mode + a - b) - loss(mode - a + b) + loss(mode - a - b)
                for b in step
            ]
            for a in step
        ]
    ) / (4 * h * h)
    # Widened and heavy-tailed so that the proposal covers the posterior's tails.
    spread = 1.5 * np.linalg.inv(hessian)
    swap = np.append(np.arange(dimension - 1).reshape(-1, 2)[:, ::-1].ravel(), dimension - 1)
    sign = np.append(np.ones(dimension - 1), -1.0)
    twins = [
        multivariate_t(mode, spread, df=5, seed=rng),
        multivariate_t(
            sign * mode[swap], np.outer(sign, sign) * spread[np.ix_(swap, swap)], df=5, seed=rng
        ),
    ]
    eta = np.concatenate([twin.rvs(20_000) for twin in twins])
    log_proposal = np.logaddexp(*(twin.logpdf(eta) for twin in twins)) - math.log(2.0)
    log_target, missed = _log_posterior(eta, floats, counts)
    weights = np.exp(log_target - log_proposal - (log_target - log_proposal).max())
    weights /= weights.sum()
    observed = int(counts.sum())
    found = []
    for level in levels:
        low, high = 0, 20 * observed
        while low < high:
            middle = (low + high) // 2
            if float(weights @ nbinom.cdf(middle, observed, 1.0 - missed)) >= level:
                high = middle
            else:
                low = middle + 1
        found.append(observed + low)
    return found, float(1.0 / (weights @ weights))


def test_two_class_sampler_matches_importance_sampling() -> None:
    # The mixture parts of the sampler (the weighted p_0 of the negative binomial draw,
    # the classes of the unrecorded, the stick-breaking and alpha updates) checked
    # against an independent computation of the same K = 2 posterior.
    scenario = Scenario(
        "two groups",
        2000,
        (
            Stratum(0.5, (0.2, 0.25, 0.2, 0.3, 0.2)),
            Stratum(0.5, (0.5, 0.55, 0.45, 0.6, 0.4)),
        ),
    )
    patterns, counts = simulate_histories(scenario, seed=0).arrays()
    levels = [0.25, 0.5, 0.75]
    expected, effective = _importance_quantiles(patterns, counts, levels)
    assert effective > 200
    sample = sample_lcmcr(patterns, counts, classes=2, iterations=40_000, burn_in=2000, seed=1)
    drawn = [int(counts.sum()) + float(np.quantile(sample.unrecorded, q)) for q in levels]
    # 2.5 % is about 50 deaths, several Monte Carlo errors; each of those parts broken
    # on purpose moved the quartiles by 9 % or more.
    assert drawn == pytest.approx(expected, rel=0.025)
