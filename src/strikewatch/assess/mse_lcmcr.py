"""Bayesian non-parametric latent-class capture-recapture (LCMCR), a numpy Gibbs sampler.

The model is Manrique-Vallier's (2016), as used by HRDAG: every person belongs to one of
K latent classes with a truncated stick-breaking prior (concentration alpha ~ Gamma(a, b));
within a class the lists record people independently with probabilities lambda ~ Beta(1, 1);
the population size has the prior p(N) ~ 1/N, which makes the number never recorded,
given the rest, negative binomial. People with the same capture pattern are exchangeable,
so the sampler works on pattern counts: one multinomial draw per pattern and iteration,
whatever the number of records.

Several chains run side by side (vectorised: four take 1.3 to 2 times as long as one)
from starts spread apart, so that split R-hat compares chains that began in different
places and the effective sample size counts all of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

# Manrique-Vallier's and the LCMCR R package's defaults.
ALPHA_SHAPE = 0.25
ALPHA_RATE = 0.25
TINY = 1e-300
CHAINS = 4
# The last chain starts with capture probabilities this fraction of the lists' own
# rates, i.e. with far more unrecorded people than the first.
LOWEST_START = 0.3


@dataclass(frozen=True)
class LcmcrSample:
    """Posterior draws of the unrecorded count (chains x iterations) and their diagnostics."""

    unrecorded: NDArray[np.int64]
    effective_size: float
    split_rhat: float
    occupied_classes: float


def _stick_weights(breaks: NDArray[np.float64]) -> NDArray[np.float64]:
    """Give class weights pi_k = V_k * prod_{l<k} (1 - V_l), one row per chain."""
    weights = breaks.copy()
    weights[:, 1:] *= np.cumprod(1.0 - breaks[:, :-1], axis=1)
    return weights


def _beta(
    first: NDArray[np.float64], second: NDArray[np.float64], rng: np.random.Generator
) -> NDArray[np.float64]:
    """Give Beta(first, second) draws as ratios of Gamma draws.

    One Gamma call for all parameters: numpy's Beta checks each array argument in
    Python, which cost more than the draws themselves here.
    """
    gamma = rng.standard_gamma(np.concatenate([first.ravel(), second.ravel()]))
    x, y = np.split(gamma, 2)
    return (x / np.maximum(x + y, TINY)).reshape(first.shape)


def _starts(
    captured: NDArray[np.float64],
    counts: NDArray[np.int64],
    classes: int,
    chains: int,
    rng: np.random.Generator,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Give each chain's first capture probabilities, sticks and alpha, spread apart."""
    lists = captured.shape[1]
    rates = np.clip((captured * counts[:, None]).sum(0) / counts.sum(), 0.05, 0.95)
    scale = np.geomspace(1.0, LOWEST_START, chains)[:, None, None]
    jitter = rng.uniform(-0.04, 0.04, (chains, lists, classes))
    capture = np.clip(rates[None, :, None] * scale + jitter, 0.01, 0.99)
    alpha = np.geomspace(1.0, 3.0, chains) if chains > 1 else np.ones(1)
    breaks = rng.beta(1.0, alpha[:, None], (chains, classes))
    breaks[:, -1] = 1.0
    return capture, breaks, alpha


def sample_lcmcr(
    patterns: NDArray[np.int64],
    counts: NDArray[np.int64],
    *,
    classes: int,
    iterations: int,
    burn_in: int,
    seed: int,
    chains: int = CHAINS,
) -> LcmcrSample:
    """Give ``iterations`` posterior draws per chain after ``burn_in`` discarded ones."""
    rng = np.random.default_rng(seed)
    captured = patterns.astype(np.float64)
    missed = 1.0 - captured
    observed = int(counts.sum())
    capture, breaks, alpha = _starts(captured, counts, classes, chains, rng)
    cells = chains * patterns.shape[1] * classes
    draws = np.empty((chains, iterations), dtype=np.int64)
    occupied = 0.0
    for step in range(burn_in + iterations):
        log_miss = np.log(np.maximum(1.0 - capture, TINY))
        log_weights = np.log(np.maximum(_stick_weights(breaks), TINY))
        # Class of every recorded person, drawn pattern by pattern.
        logp = captured @ np.log(np.maximum(capture, TINY)) + missed @ log_miss
        logp += log_weights[:, None, :]
        logp -= logp.max(axis=2, keepdims=True)
        probs = np.exp(logp)
        probs /= probs.sum(axis=2, keepdims=True)
        assigned = rng.multinomial(counts, probs)
        recorded_by = captured.T @ assigned
        # The unrecorded: NegBin(observed, 1 - p_missed) of them, spread over the classes
        # in proportion to missed_by_class, are, given g ~ Gamma(observed), independent
        # Poisson(g * missed_by_class / (1 - p_missed)) counts per class.
        missed_by_class = np.exp(log_miss.sum(axis=1) + log_weights)
        p_missed = np.minimum(missed_by_class.sum(axis=1), 1.0 - 1e-12)
        scale = rng.standard_gamma(observed, size=chains) / (1.0 - p_missed)
        hidden = rng.poisson(scale[:, None] * missed_by_class)
        members = assigned.sum(axis=1) + hidden
        later = np.cumsum(members[:, ::-1], axis=1)[:, ::-1] - members
        drawn = _beta(
            np.concatenate([(1.0 + recorded_by).ravel(), 1.0 + members[:, :-1].ravel()]),
            np.concatenate(
                [
                    (1.0 + members[:, None, :] - recorded_by).ravel(),
                    (alpha[:, None] + later[:, :-1]).ravel(),
                ]
            ),
            rng,
        )
        capture = drawn[:cells].reshape(capture.shape)
        # Keep V_k below 1 so that log(1 - V_k) in the update of alpha stays finite.
        breaks[:, :-1] = np.minimum(drawn[cells:].reshape(chains, classes - 1), 1.0 - 1e-12)
        rate = ALPHA_RATE - np.log1p(-breaks[:, :-1]).sum(axis=1)
        alpha = rng.standard_gamma(ALPHA_SHAPE + classes - 1, size=chains) / rate
        if step >= burn_in:
            draws[:, step - burn_in] = hidden.sum(axis=1)
            occupied += float(np.count_nonzero(members)) / chains
    return LcmcrSample(
        draws, effective_size(draws), split_rhat(draws), occupied / max(iterations, 1)
    )


def effective_size(traces: NDArray[np.float64] | NDArray[np.int64]) -> float:
    """Give the effective sample size of one chain or of chains x draws (Gelman et al. 2013).

    Autocorrelations are averaged over chains and measured against the pooled variance,
    so chains that disagree count for little; the sum stops at Geyer's initial positive
    sequence.
    """
    chains = np.atleast_2d(np.asarray(traces, dtype=np.float64))
    count, n = chains.shape
    centred = chains - chains.mean(axis=1, keepdims=True)
    spectrum = np.fft.rfft(centred, 2 * n, axis=1)
    autocovariance = np.fft.irfft(spectrum * np.conj(spectrum), axis=1)[:, :n] / n
    within = float(autocovariance[:, 0].mean()) * n / max(n - 1, 1)
    between = float(n * chains.mean(axis=1).var(ddof=1)) if count > 1 else 0.0
    pooled = (n - 1) / n * within + between / n
    if pooled <= 0.0:
        return float(count * n)
    correlation = 1.0 - (within - autocovariance.mean(axis=0)) / pooled
    total = 0.0
    for lag in range(1, n - 1, 2):
        pair = float(correlation[lag] + correlation[lag + 1])
        if pair <= 0.0:
            break
        total += pair
    return float(count * n / (1.0 + 2.0 * total))


def split_rhat(traces: NDArray[np.float64] | NDArray[np.int64], pieces: int = 2) -> float:
    """Give the split R-hat of chains x draws, each chain cut into ``pieces``.

    Gelman et al. (2013); a single chain is a 1-d array.
    """
    chains = np.atleast_2d(np.asarray(traces, dtype=np.float64))
    length = chains.shape[1] // pieces
    if length < 2:
        return math.nan
    chunks = chains[:, : length * pieces].reshape(-1, length)
    within = float(chunks.var(axis=1, ddof=1).mean())
    between = float(length * chunks.mean(axis=1).var(ddof=1))
    if within <= 0.0:
        return 1.0
    pooled = (length - 1) / length * within + between / length
    return math.sqrt(pooled / within)
