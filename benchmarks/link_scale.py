"""Benchmark: bulk linking at scale on DuckDB (and a small Spark run), time and memory.

usage: python benchmarks/link_scale.py [N ...] [--spark N]
  N        claims to generate and link (default 100000 200000 1000000)
  --spark  also link N claims (default 2000) with the Spark engine, local[2]

Synthetic claims: 1 to 6 reports per strike, about 100 claims a day across seven
governorates (more claims cover more days), dates jittered by up to a day, places by
a few hundred metres (some reported only at governorate precision), belligerent
missing in a fifth, counts jittered, text embeddings drawn around one vector per
strike (real embeddings are computed once per claim at process time and stored; their
cost belongs to extraction, measured by benchmarks/extract_throughput.py), a few words
per claim (generic ones and two of its strike's own, weighed by TF-IDF and hashed as
link/words.py does) and, for a third of the strikes, a named victim. Each size
runs in a fresh child process (training, scoring and clustering, as ``link train``
does) so its wall time and peak RSS are its own. Pairwise precision and recall against
the generating strikes are printed as a sanity check.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from itertools import combinations

import numpy as np

from strikewatch.link.cluster import cluster
from strikewatch.link.engines import DuckDBEngine, Engine, SparkEngine
from strikewatch.link.features import LinkClaim, to_table
from strikewatch.link.model import MATCH_THRESHOLD, predict, train

GOVERNORATES = [
    ("Idlib", 35.8, 36.6),
    ("Aleppo", 36.2, 37.4),
    ("Al-Hasakah", 36.6, 40.9),
    ("Raqqa", 35.9, 38.9),
    ("Deir ez-Zor", 35.0, 40.2),
    ("Hama", 35.2, 36.9),
    ("Daraa", 32.8, 36.2),
]
BELLIGERENTS = ["russia", "turkey", "ypg", "us-led-coalition", "israel", "syrian-regime"]
GENERIC_WORDS = [f"word{i}" for i in range(40)]  # the words every report uses


# Claims a day across the region: the density of the worst months of the Syrian war. A
# larger dataset covers more days (or, equally, more regions), not denser days.
CLAIMS_PER_DAY = 100


def synthetic(n: int, seed: int = 11) -> tuple[list[LinkClaim], dict[int, int]]:
    """n claims of about n/3.5 strikes at CLAIMS_PER_DAY, with the strike of each claim."""
    rng = random.Random(seed)
    numbers = np.random.default_rng(seed)
    claims: list[LinkClaim] = []
    truth: dict[int, int] = {}
    start = date(2015, 1, 1)
    strike = 0
    while len(claims) < n:
        strike += 1
        admin1, lat0, lon0 = rng.choice(GOVERNORATES)
        lat, lon = lat0 + rng.uniform(-0.6, 0.6), lon0 + rng.uniform(-0.6, 0.6)
        day = start + timedelta(days=rng.randint(0, max(365, n // CLAIMS_PER_DAY)))
        belligerent = rng.choice(BELLIGERENTS)
        deaths = rng.choice([0, 1, 1, 2, 3, 4, 6, 9, 15])
        centre = numbers.normal(size=512).astype(np.float32)
        own = [f"quarter{strike}", f"family{strike}"]
        victim = [f"victim{strike}|family{strike}"] if strike % 3 == 0 else []
        for _ in range(min(rng.randint(1, 6), n - len(claims))):
            claim_id = len(claims) + 1
            truth[claim_id] = strike
            vector = centre + numbers.normal(scale=0.9, size=512).astype(np.float32)
            vector /= np.linalg.norm(vector)
            precise = rng.random() < 0.8
            claims.append(
                LinkClaim(
                    claim_id=claim_id,
                    strike_date=day + timedelta(days=rng.choice([0, 0, 0, 1, -1])),
                    date_precision="day",
                    latitude=lat + rng.gauss(0, 0.003) if precise else None,
                    longitude=lon + rng.gauss(0, 0.003) if precise else None,
                    geo_precision="place" if precise else "admin1",
                    place=f"village {strike}" if precise else None,
                    admin1=admin1,
                    belligerents=[belligerent] if rng.random() < 0.8 else [],
                    strike_type=["airstrike"],
                    deaths=deaths + rng.choice([0, 0, 1]),
                    embedding=vector,
                    words=rng.sample(GENERIC_WORDS, 6) + own[: rng.randint(1, 2)],
                    names=victim if rng.random() < 0.7 else [],
                )
            )
    return claims, truth


def _pairs(assignment: dict[int, int]) -> set[tuple[int, int]]:
    groups: dict[int, list[int]] = {}
    for item, group in assignment.items():
        groups.setdefault(group, []).append(item)
    return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}


def run_one(n: int, engine: Engine) -> dict[str, float]:
    claims, truth = synthetic(n)
    started = time.perf_counter()
    table = to_table(claims)
    featured = time.perf_counter()
    model = train(engine, table)
    trained = time.perf_counter()
    scored = predict(engine, table, model)
    predicted = time.perf_counter()
    dates = {c.claim_id: c.strike_date for c in claims}
    groups = cluster(
        [c.claim_id for c in claims], scored.pairs, MATCH_THRESHOLD, dates, None, scored.vetoes
    )
    done = time.perf_counter()
    found = {claim_id: i for i, g in enumerate(groups) for claim_id in g}
    true_pairs, found_pairs = _pairs(truth), _pairs(found)
    hit = len(true_pairs & found_pairs)
    return {
        "claims": n,
        "features_s": featured - started,
        "train_s": trained - featured,
        "predict_s": predicted - trained,
        "cluster_s": done - predicted,
        "total_s": done - started,
        "pairs": len(scored.pairs) + len(scored.vetoes),
        "precision": hit / max(len(found_pairs), 1),
        "recall": hit / max(len(true_pairs), 1),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--child":
        engine: Engine = SparkEngine() if argv[2] == "spark" else DuckDBEngine()
        print(json.dumps(run_one(int(argv[1]), engine)))
        return
    spark = None
    if "--spark" in argv:
        i = argv.index("--spark")
        following = argv[i + 1 : i + 2]
        spark = int(following[0]) if following and following[0].isdigit() else 2000
        argv = argv[:i] + argv[i + 1 + (1 if following and following[0].isdigit() else 0) :]
    sizes = [int(a) for a in argv] or [100_000, 200_000, 1_000_000]
    runs = [(n, "duckdb") for n in sorted(sizes)] + ([(spark, "spark")] if spark else [])
    header = (
        "engine   claims  features  train  predict  cluster   total   pairs  P     R     RSS MB"
    )
    print(header)
    previous: dict[str, float] | None = None
    for n, engine in runs:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(n), engine],
            check=True,
            capture_output=True,
            text=True,
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{engine:<7}{r['claims']:>8.0f}{r['features_s']:>10.1f}{r['train_s']:>7.1f}"
            f"{r['predict_s']:>9.1f}{r['cluster_s']:>9.1f}{r['total_s']:>8.1f}{r['pairs']:>8.0f}"
            f"  {r['precision']:.2f}  {r['recall']:.2f}{r['peak_rss_mb']:>8.0f}",
            flush=True,
        )
        if previous is not None and engine == "duckdb" and r["claims"] == 2 * previous["claims"]:
            print(f"        time(2N)/time(N) = {r['total_s'] / previous['total_s']:.2f}")
        previous = r if engine == "duckdb" else previous


if __name__ == "__main__":
    main(sys.argv[1:])
