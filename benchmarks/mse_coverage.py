"""Coverage of the 95 % intervals of both MSE methods on simulated populations of known size.

Run: .venv/bin/python benchmarks/mse_coverage.py [--runs 40] [--workers 2] [--iterations 20000]
Prints the settings, then per scenario and method: coverage, median relative error of
the point estimate, median interval width relative to N, seconds per estimate, and how
often the estimate warned that the sampler did not converge (LCMCR) or that the upper
limit is soft (the overlaps show hard-to-record deaths).
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

from strikewatch.assess.estimate import NOT_CONVERGED, estimate_lcmcr, estimate_loglinear
from strikewatch.assess.mse_heterogeneity import SOFT_UPPER_LIMIT
from strikewatch.assess.mse_lcmcr import CHAINS
from strikewatch.assess.mse_simulate import SCENARIOS, simulate_histories

Row = tuple[str, bool, float, float, float, bool, bool]


def run_one(job: tuple[str, int, int, int]) -> tuple[str, int, list[Row]]:
    """Give, for one simulated population, each method's coverage, error, width, time, flags."""
    name, seed, iterations, burn_in = job
    scenario = SCENARIOS[name]
    histories = simulate_histories(scenario, seed)
    size = scenario.size
    rows = []
    started = time.perf_counter()
    loglinear = estimate_loglinear(histories)
    middle = time.perf_counter()
    lcmcr = estimate_lcmcr(histories, seed=seed, iterations=iterations, burn_in=burn_in)
    ended = time.perf_counter()
    for result, seconds in ((loglinear, middle - started), (lcmcr, ended - middle)):
        rows.append(
            (
                result.method,
                result.lower <= size <= result.upper,
                (result.total - size) / size,
                (result.upper - result.lower) / size,
                seconds,
                any(NOT_CONVERGED in w for w in result.warnings),
                any(SOFT_UPPER_LIMIT in w for w in result.warnings),
            )
        )
    return name, histories.observed, rows


def _print_settings(names: list[str], args: argparse.Namespace) -> None:
    print(
        f"runs per scenario {args.runs}, workers {args.workers}, LCMCR K=10, {CHAINS} chains "
        f"of {args.iterations} iterations + burn-in {args.burn_in}, level 0.95"
    )
    for name in names:
        scenario = SCENARIOS[name]
        strata = "; ".join(f"{s.share:.0%} p={s.capture}" for s in scenario.strata)
        links = (
            ", ".join(
                f"list{d.source + 1}->list{d.target + 1} OR {d.odds_ratio}"
                for d in scenario.dependences
            )
            or "none"
        )
        print(
            f"  {name}: N={scenario.size}, {scenario.lists} lists, strata {strata}, "
            f"dependence {links}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="populations per scenario")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--iterations", type=int, default=20_000, help="LCMCR kept iterations per chain"
    )
    parser.add_argument("--burn-in", type=int, default=5_000)
    parser.add_argument("--scenario", action="append", choices=sorted(SCENARIOS))
    args = parser.parse_args()
    names = args.scenario or list(SCENARIOS)
    _print_settings(names, args)
    jobs = [
        (name, seed, args.iterations, args.burn_in) for name in names for seed in range(args.runs)
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(run_one, jobs, chunksize=4))
    print(
        f"{'scenario':<16} {'method':<10} {'coverage':>8} {'rel.err':>8} "
        f"{'width/N':>8} {'s/est':>6} {'observed':>8} {'no-conv':>7} {'soft-up':>7}"
    )
    for name in names:
        mine = [r for r in results if r[0] == name]
        observed = statistics.median(r[1] for r in mine)
        for method in ("loglinear", "lcmcr"):
            rows = [row for r in mine for row in r[2] if row[0] == method]
            coverage = sum(row[1] for row in rows) / len(rows)
            error = statistics.median(row[2] for row in rows)
            width = statistics.median(row[3] for row in rows)
            seconds = statistics.mean(row[4] for row in rows)
            unconverged = sum(row[5] for row in rows) / len(rows)
            soft = sum(row[6] for row in rows) / len(rows)
            print(
                f"{name:<16} {method:<10} {coverage:>8.3f} {error:>+8.3f} "
                f"{width:>8.3f} {seconds:>6.2f} {observed:>8.0f} {unconverged:>7.2f} {soft:>7.2f}"
            )
    print(f"wall time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
