"""Undocumented deaths by multiple systems estimation over linked, overlapping lists.

Documented counts are a floor. When the same deaths (or incidents) are linked across
several organisations' lists, the pattern of overlaps estimates how many no list
recorded. Two methods, each with a 95 % interval and its assumptions spelt out:
log-linear capture-recapture (``estimate_loglinear``) and the Bayesian latent-class
model LCMCR (``estimate_lcmcr``). docs/estimation.md explains how to read them.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from strikewatch.assess.mse_heterogeneity import capture_heterogeneity, heterogeneity_warning
from strikewatch.assess.mse_lcmcr import CHAINS, sample_lcmcr
from strikewatch.assess.mse_loglinear import EXHAUSTIVE_LISTS, chapman, fit_loglinear

# A pair of lists sharing fewer records than this tells little about their dependence.
SPARSE_OVERLAP = 5
FEW_RECORDS = 50
# Below these the chain's interval rests on too few independent draws.
MIN_EFFECTIVE_SIZE = 100.0
MAX_RHAT = 1.1
NOT_CONVERGED = "did not converge"

COMMON_ASSUMPTIONS = (
    "Closed population: every list covers the same deaths (same place, period and "
    "definition); a death outside the lists' common scope is not estimated.",
    "Perfect linkage: a death recorded by several lists was linked into one record, "
    "and different deaths were never merged; linkage errors bias the estimate.",
    "Every record is a real death within scope; false or duplicated records inflate it.",
    "The estimate is of deaths no list recorded, not of deaths no one knows of; "
    "documented counts remain the floor.",
)
LOGLINEAR_ASSUMPTIONS = (
    "Dependence between lists is described by pairwise interactions and, where some "
    "deaths are harder to record than others, by a heterogeneity term in the number of "
    "lists a death is on (Gamma-spread chances), averaged over models by Akaike weight; "
    "there is no other three-way or higher dependence.",
    "Deaths on the same lists were alike in how easily they were recorded, up to that "
    "heterogeneity term.",
)
LCMCR_ASSUMPTIONS = (
    "Deaths fall into at most K latent groups; within a group the lists record "
    "independently, so dependence between lists is allowed only through who is "
    "easy or hard to record.",
    "The population size has the prior p(N) ~ 1/N; the interval is a Bayesian credible interval.",
)
HETEROGENEITY_WARNING = (
    "With only three lists, deaths that are hard to record and lists that depend on each other "
    "leave the same traces and cannot be told apart: on simulated populations with a "
    "hard-to-record half the log-linear interval held the true total 85 % of the time "
    "with 3 lists (98 % with 5), its total too low; compare with the LCMCR estimate."
)
# Two lists: no dependence and no heterogeneity can be modelled at all.
CHAPMAN_WARNING = (
    "Two lists cannot show whether some deaths are harder to record than others, or "
    "whether the lists depend on each other; either makes this estimate too low."
)

# How often the 95 % interval held the true total on simulated populations with a
# hard-to-record half (benchmarks/mse_coverage.py, docs/estimation.md).
LOGLINEAR_HETEROGENEOUS_COVERAGE = (
    "the log-linear interval held the true total about 49 times in 50 with 5 lists, "
    "17 in 20 with 3 lists"
)
LCMCR_HETEROGENEOUS_COVERAGE = (
    "the LCMCR interval held the true total about 3 times in 4 with 5 lists, 1 in 2 with 3 lists"
)

DEPENDENCE_WARNING = (
    "LCMCR underestimates when one list draws directly on another (e.g. copies its "
    "records): it reads the extra overlap as easy-to-record deaths (simulations: "
    "coverage about 53 %, total too low); compare with the log-linear estimate."
)


@dataclass(frozen=True)
class CaptureHistories:
    """How many linked records appear on each combination of lists."""

    lists: tuple[str, ...]
    counts: dict[tuple[int, ...], int]

    def __post_init__(self) -> None:
        if len(self.lists) < 2 or len(set(self.lists)) != len(self.lists):
            raise ValueError("capture histories need at least two distinct list names")
        for pattern, count in self.counts.items():
            if len(pattern) != len(self.lists) or set(pattern) - {0, 1}:
                raise ValueError(f"capture pattern {pattern} does not match {self.lists}")
            if not any(pattern):
                raise ValueError("the all-zero pattern is what is estimated, not data")
            if count < 0:
                raise ValueError(f"negative count for capture pattern {pattern}")

    @classmethod
    def from_memberships(
        cls, lists: Sequence[str], memberships: Iterable[Iterable[str]]
    ) -> CaptureHistories:
        """Give the histories of linked records, one iterable of list names per record."""
        names = tuple(lists)
        position = {name: i for i, name in enumerate(names)}
        tally: Counter[tuple[int, ...]] = Counter()
        for number, record in enumerate(memberships):
            on = set(record)
            unknown = on - position.keys()
            if unknown:
                raise ValueError(f"record {number} names unknown lists {sorted(unknown)}")
            if not on:
                raise ValueError(f"record {number} is on no list")
            tally[tuple(int(name in on) for name in names)] += 1
        return cls(names, dict(tally))

    @property
    def observed(self) -> int:
        """Give the number of distinct documented records."""
        return sum(self.counts.values())

    def arrays(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Give the observed patterns (rows of 0/1) and their counts, empty cells included."""
        patterns = [p for p in itertools.product((0, 1), repeat=len(self.lists)) if any(p)]
        counts = [self.counts.get(p, 0) for p in patterns]
        return np.array(patterns, dtype=np.int64), np.array(counts, dtype=np.int64)

    def overlap(self, first: int, second: int) -> int:
        """Give how many records lists ``first`` and ``second`` share."""
        return sum(c for p, c in self.counts.items() if p[first] and p[second])

    def on_list(self, index: int) -> int:
        """Give how many records list ``index`` holds."""
        return sum(c for p, c in self.counts.items() if p[index])


@dataclass(frozen=True)
class Estimate:
    """An estimate of the whole population (documented and undocumented) with its interval."""

    method: str
    observed: int
    total: float
    lower: float
    upper: float
    undocumented: float
    model: str
    assumptions: list[str]
    warnings: list[str]


def _data_warnings(histories: CaptureHistories) -> list[str]:
    """Give warnings about the data themselves: few records, lists that barely overlap."""
    found = []
    if histories.observed < FEW_RECORDS:
        found.append(f"only {histories.observed} records: the interval rests on very little data")
    for a, b in itertools.combinations(range(len(histories.lists)), 2):
        shared = histories.overlap(a, b)
        if shared < SPARSE_OVERLAP:
            found.append(
                f"sparse overlaps: {histories.lists[a]} and {histories.lists[b]} "
                f"share only {shared} records"
            )
    empty = [name for i, name in enumerate(histories.lists) if histories.on_list(i) == 0]
    if empty:
        found.append(f"lists with no records: {', '.join(empty)}")
    return found


def _heterogeneity_warnings(
    patterns: NDArray[np.int64], counts: NDArray[np.int64], coverage: str
) -> list[str]:
    """Give the soft-upper-limit warning when the overlaps show hard-to-record deaths."""
    signal = capture_heterogeneity(patterns, counts)
    return [heterogeneity_warning(signal, coverage)] if signal and signal.shown else []


def _check(histories: CaptureHistories, level: float) -> None:
    if histories.observed == 0:
        raise ValueError("no records: nothing to estimate from")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie between 0 and 1, not {level}")


def estimate_loglinear(histories: CaptureHistories, *, level: float = 0.95) -> Estimate:
    """Give the AIC-averaged log-linear estimate with its profile-likelihood interval."""
    _check(histories, level)
    observed = histories.observed
    found = _data_warnings(histories)
    assumptions = [*COMMON_ASSUMPTIONS, *LOGLINEAR_ASSUMPTIONS]
    if len(histories.lists) == 2:
        first, second = histories.on_list(0), histories.on_list(1)
        both = histories.overlap(0, 1)
        unrecorded, low, high = chapman(first, second, both, level=level)
        found.insert(
            0,
            "only 2 lists: no dependence between them can be modelled; "
            "the lists are assumed independent (Chapman's estimator)",
        )
        assumptions[-2] = "The two lists record deaths independently of each other."
        return Estimate(
            "loglinear",
            observed,
            observed + unrecorded,
            observed + low,
            observed + high,
            unrecorded,
            "Chapman (Lincoln-Petersen), 2 lists",
            assumptions,
            [*found, CHAPMAN_WARNING],
        )
    patterns, counts = histories.arrays()
    result = fit_loglinear(patterns, counts.astype(np.float64), level=level)
    if result is None:
        found.insert(0, "no log-linear model could be fitted: the overlaps are too sparse")
        return Estimate(
            "loglinear",
            observed,
            math.nan,
            float(observed),
            math.inf,
            math.nan,
            "none fitted",
            assumptions,
            found,
        )
    if result.dropped:
        found.append(
            f"{result.dropped} models could not be fitted (empty overlaps) "
            "and were left out of the average"
        )
    if result.upper_open:
        found.append(
            "the data do not bound the total from above: the upper limit is "
            "only where the search stopped"
        )
    found += _heterogeneity_warnings(patterns, counts, LOGLINEAR_HETEROGENEOUS_COVERAGE)
    found.append(HETEROGENEITY_WARNING)
    best = result.models[0]
    names = histories.lists
    terms = ", ".join(f"{names[a]}×{names[b]}" for a, b in best.interactions) or "none"
    search = "every candidate tried" if len(names) <= EXHAUSTIVE_LISTS else "forward search by AIC"
    heterogeneous = sum(m.weight for m in result.models if m.heterogeneous)
    model = (
        f"AIC-averaged over {len(result.models)} hierarchical log-linear models "
        f"(main effects + two-way interactions, with and without a heterogeneity term; "
        f"{search}); heaviest (weight {best.weight:.2f}) has interactions: {terms}"
        f"{' and heterogeneous capture' if best.heterogeneous else ''}; models with "
        f"heterogeneous capture weigh {heterogeneous:.2f}; profile-likelihood interval"
    )
    return Estimate(
        "loglinear",
        observed,
        observed + result.unrecorded,
        observed + result.lower,
        observed + result.upper,
        result.unrecorded,
        model,
        assumptions,
        found,
    )


def estimate_lcmcr(
    histories: CaptureHistories,
    *,
    level: float = 0.95,
    seed: int = 0,
    iterations: int = 20_000,
    burn_in: int = 5_000,
    classes: int = 10,
    chains: int = CHAINS,
) -> Estimate:
    """Give the LCMCR posterior median of the total and its equal-tailed credible interval.

    ``iterations`` and ``burn_in`` are per chain; the chains run side by side.
    """
    _check(histories, level)
    if len(histories.lists) < 3:
        raise ValueError(
            "LCMCR needs at least 3 lists: with 2 the latent classes are not identifiable"
        )
    if iterations < 100 or burn_in < 0 or classes < 1 or chains < 1:
        raise ValueError("need iterations >= 100, burn_in >= 0, classes >= 1 and chains >= 1")
    patterns, counts = histories.arrays()
    sample = sample_lcmcr(
        patterns,
        counts,
        classes=classes,
        iterations=iterations,
        burn_in=burn_in,
        seed=seed,
        chains=chains,
    )
    tail = (1.0 - level) / 2.0
    low, middle, high = np.quantile(sample.unrecorded, [tail, 0.5, 1.0 - tail])
    found = _data_warnings(histories)
    if sample.effective_size < MIN_EFFECTIVE_SIZE or not sample.split_rhat <= MAX_RHAT:
        found.append(
            f"{NOT_CONVERGED}: effective sample size {sample.effective_size:.0f}, "
            f"split R-hat {sample.split_rhat:.2f}; run more iterations"
        )
    if sample.occupied_classes > 0.9 * classes:
        found.append(f"nearly all {classes} latent classes are in use: try more classes")
    if len(histories.lists) == 3:
        found.append(
            "only 3 lists: LCMCR can hardly tell heterogeneous capture apart "
            "(simulations: coverage about 45 %)"
        )
    found += _heterogeneity_warnings(patterns, counts, LCMCR_HETEROGENEOUS_COVERAGE)
    found.append(DEPENDENCE_WARNING)
    observed = histories.observed
    model = (
        f"LCMCR, K={classes} latent classes, {chains} chains of {burn_in} burn-in + "
        f"{iterations} kept iterations, seed {seed}, effective sample size "
        f"{sample.effective_size:.0f}, split R-hat {sample.split_rhat:.2f}"
    )
    return Estimate(
        "lcmcr",
        observed,
        observed + float(middle),
        observed + float(low),
        observed + float(high),
        float(middle),
        model,
        [*COMMON_ASSUMPTIONS, *LCMCR_ASSUMPTIONS],
        found,
    )


def estimate(
    histories: CaptureHistories,
    *,
    methods: Sequence[str] = ("loglinear", "lcmcr"),
    seed: int = 0,
    iterations: int = 20_000,
    burn_in: int | None = None,
) -> list[Estimate]:
    """Give one estimate per method, flagging when the methods disagree.

    ``iterations`` and ``burn_in`` (default a quarter of the iterations) are LCMCR's.
    """
    unknown = set(methods) - {"loglinear", "lcmcr"}
    if unknown:
        raise ValueError(f"unknown estimation methods {sorted(unknown)}")
    results = []
    if "loglinear" in methods:
        results.append(estimate_loglinear(histories))
    if "lcmcr" in methods:
        if len(histories.lists) >= 3 or not results:
            results.append(  # raises with 2 lists
                estimate_lcmcr(
                    histories,
                    seed=seed,
                    iterations=iterations,
                    burn_in=iterations // 4 if burn_in is None else burn_in,
                )
            )
        else:
            note = "LCMCR was not run: it needs at least 3 lists"
            results[0] = dataclasses.replace(results[0], warnings=[*results[0].warnings, note])
    if len(results) == 2 and (
        results[0].upper < results[1].lower or results[1].upper < results[0].lower
    ):
        note = (
            "the log-linear and LCMCR intervals do not overlap: at least one model "
            "misdescribes how the lists depend on each other"
        )
        results = [dataclasses.replace(r, warnings=[*r.warnings, note]) for r in results]
    return results
