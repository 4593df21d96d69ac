"""Bayesian non-parametric latent-class capture-recapture (LCMCR), a numpy Gibbs sampler.

The model is Manrique-Vallier's (2016), as used by HRDAG: every person belongs to one of
K latent classes with a truncated stick-breaking prior (concentration alpha ~ Gamma(a, b));
within a class the lists record people independently with probabilities lambda ~ Beta(1, 1);
the population size has the prior p(N) ~ 1/N, which makes the number never recorded,
given the rest, negative binomial. People with the same capture pattern are exchangeable,
so the sampler works on pattern counts: one multinomial draw per pattern and iteration,
whatever the number of records.
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


@dataclass(frozen=True)
class LcmcrSample:
    """Posterior draws of the unrecorded count and the chain's diagnostics."""

    unrecorded: NDArray[np.int64]
    effective_size: float
    split_rhat: float
    occupied_classes: float


def _stick_weights(breaks: NDArray[np.float64]) -> NDArray[np.float64]:
    """Give class weights pi_k = V_k * prod_{l<k} (1 - V_l)."""
    remaining = np.concatenate([[1.0], np.cumprod(1.0 - breaks[:-1])])
    weights: NDArray[np.float64] = breaks * remaining
    return weights


def sample_lcmcr(
    patterns: NDArray[np.int64],
    counts: NDArray[np.int64],
    *,
    classes: int,
    iterations: int,
    burn_in: int,
    seed: int,
) -> LcmcrSample:
    """Give posterior draws of the unrecorded count after ``burn_in`` discarded iterations."""
    rng = np.random.default_rng(seed)
    captured = patterns.astype(np.float64)
    missed = 1.0 - captured
    observed = int(counts.sum())
    lists = patterns.shape[1]
    # Start near the data: the lists' own capture rates, spread a little between classes.
    rates = np.clip((captured * counts[:, None]).sum(0) / observed, 0.05, 0.95)
    capture = np.clip(rates[:, None] + rng.uniform(-0.04, 0.04, (lists, classes)), 0.01, 0.99)
    breaks = rng.beta(1.0, 1.0, classes)
    breaks[-1] = 1.0
    weights = _stick_weights(breaks)
    alpha = 1.0
    draws = np.empty(iterations, dtype=np.int64)
    occupied = 0.0
    for step in range(burn_in + iterations):
        log_capture = np.log(np.maximum(capture, TINY))
        log_miss = np.log(np.maximum(1.0 - capture, TINY))
        log_weights = np.log(np.maximum(weights, TINY))
        # Class of every recorded person, drawn pattern by pattern.
        logp = captured @ log_capture + missed @ log_miss + log_weights
        logp -= logp.max(axis=1, keepdims=True)
        probs = np.exp(logp)
        probs /= probs.sum(axis=1, keepdims=True)
        assigned = rng.multinomial(counts, probs)
        recorded_by = captured.T @ assigned
        # The unrecorded: how many (negative binomial under p(N) ~ 1/N) and their classes.
        missed_by_class = np.exp(log_miss.sum(axis=0)) * weights
        p_missed = float(min(missed_by_class.sum(), 1.0 - 1e-12))
        unrecorded = int(rng.negative_binomial(observed, 1.0 - p_missed))
        hidden = rng.multinomial(unrecorded, missed_by_class / missed_by_class.sum())
        members = assigned.sum(axis=0) + hidden
        capture = rng.beta(1.0 + recorded_by, 1.0 + members - recorded_by)
        later = np.concatenate([np.cumsum(members[::-1])[::-1][1:], [0]])
        # Keep V_k below 1 so that log(1 - V_k) in the update of alpha stays finite.
        breaks = np.minimum(rng.beta(1.0 + members, alpha + later), 1.0 - 1e-12)
        breaks[-1] = 1.0
        weights = _stick_weights(breaks)
        rate = ALPHA_RATE - float(np.log1p(-breaks[:-1]).sum())
        alpha = float(rng.gamma(ALPHA_SHAPE + classes - 1, 1.0 / rate))
        if step >= burn_in:
            draws[step - burn_in] = unrecorded
            occupied += float(np.count_nonzero(members))
    trace = draws.astype(np.float64)
    return LcmcrSample(
        draws, effective_size(trace), split_rhat(trace), occupied / max(iterations, 1)
    )


def effective_size(trace: NDArray[np.float64]) -> float:
    """Give the effective sample size of a chain (Geyer's initial positive sequence)."""
    n = len(trace)
    centred = trace - trace.mean()
    variance = float(centred @ centred) / n
    if variance <= 0.0:
        return float(n)
    spectrum = np.fft.rfft(centred, 2 * n)
    autocorrelation = np.fft.irfft(spectrum * np.conj(spectrum))[:n] / (n * variance)
    total = 0.0
    for lag in range(1, n - 1, 2):
        pair = autocorrelation[lag] + autocorrelation[lag + 1]
        if pair <= 0.0:
            break
        total += pair
    return n / (1.0 + 2.0 * total)


def split_rhat(trace: NDArray[np.float64], pieces: int = 4) -> float:
    """Give the split R-hat of a single chain cut into ``pieces`` (Gelman et al. 2013)."""
    length = len(trace) // pieces
    if length < 2:
        return math.nan
    chunks = trace[: length * pieces].reshape(pieces, length)
    within = float(chunks.var(axis=1, ddof=1).mean())
    between = float(length * chunks.mean(axis=1).var(ddof=1))
    if within <= 0.0:
        return 1.0
    pooled = (length - 1) / length * within + between / length
    return math.sqrt(pooled / within)
