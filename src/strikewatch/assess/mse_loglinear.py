"""Log-linear capture-recapture: AIC-averaged Poisson models with profile-likelihood intervals.

The model set is the hierarchical models made of the main effects plus a subset of the
two-way interactions, each with and without a term for heterogeneous capture: all of them
up to 4 lists; with more lists, those a forward search by AIC visits from both starts
(the chosen models and all their neighbours on the way). The heterogeneity term is
Rcapture's "Gamma3.5" (Rivest and Baillargeon 2007): a column log(3.5 + s) in the number
s of lists a death is on, the log-linear form of capture chances spread like a Gamma
distribution across people. Pairwise interactions cannot describe a hard-to-record
group (Darroch's quadratic s²/2 lies in their span, this column does not). Each model is
a Poisson GLM fitted by statsmodels on the observed cells; the all-zero cell is
extrapolated from it. Models are averaged with Akaike weights, and the interval is the
model-averaged profile-likelihood interval of Fletcher and Turek (2012) built on
Cormack's (1992) multinomial profile likelihood for the population size, so that it
carries both the uncertainty of the fitted model and the Poisson chance in how many
were never recorded.
"""

from __future__ import annotations

import itertools
import math
import warnings
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
from numpy.typing import NDArray

# Up to 4 lists all 64 models are fitted; from 5 lists (1,024 models and more) a forward
# search by AIC picks the models instead.
EXHAUSTIVE_LISTS = 4
# The lightest models, together holding this share of the Akaike weight, are left out:
# they can move the interval's tail probabilities by no more than this share.
NEGLIGIBLE_WEIGHT = 0.01
# A coefficient this large means the fit ran off to a boundary (an empty overlap).
MAX_COEFFICIENT = 15.0
PROFILE_POINTS = 81
PROFILE_HALF_WIDTH = 9.0  # in standard errors of log(unrecorded) around the estimate


# The Gamma heterogeneity column's shape parameter, fixed as in Rcapture ("Gamma3.5"):
# it cannot be estimated from the capture patterns.
GAMMA_SHAPE = 3.5
Interactions = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ModelSpec:
    """One model of the set: its two-way interactions and whether capture is heterogeneous."""

    interactions: Interactions = ()
    heterogeneous: bool = False

    def parameters(self, lists: int) -> int:
        """Give the number of coefficients, intercept included."""
        return 1 + lists + len(self.interactions) + int(self.heterogeneous)


@dataclass(frozen=True)
class ModelFit:
    """One log-linear model: its terms, Akaike weight and population estimate."""

    interactions: Interactions
    heterogeneous: bool
    aic: float
    weight: float
    unrecorded: float


@dataclass(frozen=True)
class LoglinearResult:
    """The averaged estimate of the unrecorded count, its interval and the models used."""

    unrecorded: float
    lower: float
    upper: float
    models: tuple[ModelFit, ...]
    dropped: int
    upper_open: bool


def design_matrix(patterns: NDArray[np.int64], spec: ModelSpec) -> NDArray[np.float64]:
    """Give the GLM design: intercept, one column per list, per interaction, heterogeneity."""
    columns = [np.ones(len(patterns)), *patterns.T.astype(np.float64)]
    columns += [(patterns[:, a] * patterns[:, b]).astype(np.float64) for a, b in spec.interactions]
    if spec.heterogeneous:
        # Zero at s = 0, so the intercept is still the log of the unrecorded count.
        seen = patterns.sum(axis=1).astype(np.float64)
        columns.append(np.log(GAMMA_SHAPE) - np.log(GAMMA_SHAPE + seen))
    return np.column_stack(columns)


def candidate_models(lists: int) -> list[ModelSpec]:
    """Give every model of main effects, a subset of two-way interactions and optionally
    the heterogeneity term that has no more coefficients than there are observed cells."""
    pairs = list(itertools.combinations(range(lists), 2))
    subsets = [m for size in range(len(pairs) + 1) for m in itertools.combinations(pairs, size)]
    cells = 2**lists - 1
    specs = [ModelSpec(m, h) for h in (False, True) for m in subsets]
    return [spec for spec in specs if spec.parameters(lists) <= cells]


Fit = tuple[ModelSpec, NDArray[np.float64], float, float]


def fit_models(patterns: NDArray[np.int64], counts: NDArray[np.float64]) -> tuple[list[Fit], int]:
    """Give the fitted models (interactions, coefficients, AIC, s.e. of the intercept) and
    how many could not be fitted: all of them up to 4 lists, else a forward search."""
    lists = patterns.shape[1]
    cache: dict[ModelSpec, Fit | None] = {}

    def fit(spec: ModelSpec) -> Fit | None:
        if spec not in cache:
            found = _fit_observed(design_matrix(patterns, spec), counts)
            cache[spec] = None if found is None else (spec, *found)
        return cache[spec]

    if lists <= EXHAUSTIVE_LISTS:
        for spec in candidate_models(lists):
            fit(spec)
    else:
        # Forward selection by AIC from independence, with and without heterogeneity;
        # every model it tries is kept for the average, so the neighbours of the chosen
        # models share the weight.
        pairs = list(itertools.combinations(range(lists), 2))
        for heterogeneous in (False, True):
            current = fit(ModelSpec((), heterogeneous))
            while current is not None:
                terms = current[0].interactions
                tried = [
                    fit(ModelSpec(tuple(sorted((*terms, p))), heterogeneous))
                    for p in pairs
                    if p not in terms
                ]
                better = [f for f in tried if f is not None and f[2] < current[2]]
                current = min(better, key=lambda f: f[2]) if better else None
    fits = [f for f in cache.values() if f is not None]
    return fits, len(cache) - len(fits)


def _fit_observed(
    design: NDArray[np.float64], counts: NDArray[np.float64]
) -> tuple[NDArray[np.float64], float, float] | None:
    """Give (coefficients, AIC, s.e. of the intercept) or None when the fit is degenerate."""
    if design.shape[1] > design.shape[0]:
        return None
    # Imported here: statsmodels takes seconds to import, and `import strikewatch` must not.
    from statsmodels.genmod.families import Poisson  # type: ignore[import-untyped]
    from statsmodels.genmod.generalized_linear_model import GLM  # type: ignore[import-untyped]

    with warnings.catch_warnings():
        # Zero cells push interactions to the boundary; statsmodels warns, we judge below.
        warnings.simplefilter("ignore")
        try:
            result = GLM(counts, design, family=Poisson()).fit()
            params = np.asarray(result.params, dtype=np.float64)
            intercept_se = float(np.sqrt(result.cov_params()[0, 0]))
        except (ValueError, np.linalg.LinAlgError, ZeroDivisionError):
            return None
        aic = float(result.aic)
    if not (np.all(np.isfinite(params)) and math.isfinite(aic) and math.isfinite(intercept_se)):
        return None
    if np.max(np.abs(params[1:])) > MAX_COEFFICIENT or intercept_se > 5.0:
        return None
    return params, aic, intercept_se


def _poisson_newton(
    design: NDArray[np.float64], counts: NDArray[np.float64], start: NDArray[np.float64]
) -> NDArray[np.float64] | None:
    """Give the Poisson GLM fitted values from a warm start (None if it fails to converge)."""
    beta = start.copy()
    for _ in range(50):
        mu = np.exp(np.clip(design @ beta, -700.0, 700.0))
        hessian = design.T @ (design * mu[:, None])
        try:
            step = np.linalg.solve(hessian, design.T @ (counts - mu))
        except np.linalg.LinAlgError:
            return None
        # Halve long steps: the profile walks far from the fitted model in its tails.
        largest = float(np.max(np.abs(step)))
        if largest > 2.0:
            step *= 2.0 / largest
        beta += step
        if largest < 1e-9:
            start[:] = beta
            return np.exp(design @ beta)
    return None


def _profile(
    design_full: NDArray[np.float64],
    counts_obs: NDArray[np.float64],
    params: NDArray[np.float64],
    intercept_se: float,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Give a grid of unrecorded counts and the model's cumulative confidence at each.

    The profile log-likelihood of N is Cormack's multinomial one,
    log N! - log (N-n)! + sum_c y_c log(mu_c / N), with the cell of the unrecorded
    set to N - n; its signed root gives a confidence distribution Phi(r).
    """
    observed = float(counts_obs.sum())
    centre = math.exp(params[0])
    spread = math.sqrt(intercept_se**2 + 1.0 / max(centre, 1.0))
    u_centre = math.log(centre + 0.5)
    lower_u = max(math.log(0.51), u_centre - PROFILE_HALF_WIDTH * spread)
    upper_u = u_centre + PROFILE_HALF_WIDTH * spread
    grid = np.exp(np.linspace(lower_u, upper_u, PROFILE_POINTS)) - 0.5
    grid = np.unique(np.concatenate([grid, [centre]]))
    loglik = np.full(len(grid), -np.inf)
    start_index = int(np.searchsorted(grid, centre))
    # Walk outwards from the estimate so that every fit starts next to its answer.
    for indices in (range(start_index, len(grid)), range(start_index - 1, -1, -1)):
        beta = params.copy()
        for i in indices:
            unrecorded = float(grid[i])
            cells = np.concatenate([[unrecorded], counts_obs])
            fitted = _poisson_newton(design_full, cells, beta)
            if fitted is None:
                break
            total = observed + unrecorded
            positive = cells > 0
            loglik[i] = (
                math.lgamma(total + 1.0)
                - math.lgamma(unrecorded + 1.0)
                + float(np.sum(cells[positive] * np.log(fitted[positive] / total)))
            )
    normal = NormalDist()
    if not np.isfinite(loglik).any():
        # No profile fit converged: fall back to a Wald interval on log(unrecorded).
        signed = (np.log(grid + 0.5) - u_centre) / spread
        return grid, np.array([normal.cdf(v) for v in signed])
    best = int(np.argmax(loglik))
    drop = np.maximum(2.0 * (loglik[best] - loglik), 0.0)
    signed = np.where(np.arange(len(grid)) < best, -1.0, 1.0) * np.sqrt(drop)
    confidence = np.maximum.accumulate(np.array([normal.cdf(v) for v in signed]))
    return grid, confidence


def fit_loglinear(
    patterns: NDArray[np.int64], counts: NDArray[np.float64], *, level: float
) -> LoglinearResult | None:
    """Give the AIC-averaged unrecorded count and its interval, or None if no model fits."""
    lists = patterns.shape[1]
    zero = np.zeros((1, lists), dtype=np.int64)
    fits, dropped = fit_models(patterns, counts)
    if not fits:
        return None
    aics = np.array([aic for _, _, aic, _ in fits])
    weights = np.exp(-(aics - aics.min()) / 2.0)
    weights /= weights.sum()
    order = np.argsort(-weights)
    enough = int(np.searchsorted(np.cumsum(weights[order]), 1.0 - NEGLIGIBLE_WEIGHT)) + 1
    keep = [int(i) for i in order[:enough]]
    kept_weights = weights[keep] / weights[keep].sum()
    models: list[ModelFit] = []
    curves: list[tuple[NDArray[np.float64], NDArray[np.float64]]] = []
    for i, weight in zip(keep, kept_weights, strict=True):
        spec, params, aic, intercept_se = fits[i]
        full = design_matrix(np.vstack([zero, patterns]), spec)
        curves.append(_profile(full, counts, params, intercept_se))
        models.append(
            ModelFit(spec.interactions, spec.heterogeneous, aic, float(weight), math.exp(params[0]))
        )
    unrecorded = float(sum(m.weight * m.unrecorded for m in models))
    grid = np.unique(np.concatenate([g for g, _ in curves]))
    averaged = sum(
        (w * np.interp(grid, g, c, left=0.0, right=1.0))
        for w, (g, c) in zip(kept_weights, curves, strict=True)
    )
    tail = (1.0 - level) / 2.0
    averaged = np.maximum.accumulate(np.asarray(averaged, dtype=np.float64))
    lower = float(np.interp(tail, averaged, grid)) if averaged[0] < tail else 0.0
    upper_open = bool(averaged[-1] < 1.0 - tail)
    upper = float(grid[-1]) if upper_open else float(np.interp(1.0 - tail, averaged, grid))
    return LoglinearResult(
        unrecorded,
        min(lower, unrecorded),
        max(upper, unrecorded),
        tuple(models),
        dropped,
        upper_open,
    )


def chapman(first: int, second: int, both: int, *, level: float) -> tuple[float, float, float]:
    """Give Chapman's unrecorded count for two lists and its log-normal interval (Chao 1987)."""
    observed = first + second - both
    total = (first + 1) * (second + 1) / (both + 1) - 1
    variance = (
        (first + 1)
        * (second + 1)
        * (first - both)
        * (second - both)
        / float((both + 1) ** 2 * (both + 2))
    )
    unrecorded = max(total - observed, 0.0)
    z = NormalDist().inv_cdf(1.0 - (1.0 - level) / 2.0)
    if unrecorded <= 0.0 or variance <= 0.0:
        return unrecorded, 0.0, unrecorded + z * math.sqrt(max(variance, 0.0))
    factor = math.exp(z * math.sqrt(math.log(1.0 + variance / unrecorded**2)))
    return unrecorded, unrecorded / factor, unrecorded * factor
