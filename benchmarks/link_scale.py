"""Benchmark: bulk linking at scale on DuckDB (and a small Spark run), time and memory.

usage: python benchmarks/link_scale.py [N ...] [--spark N]
  N        claims to generate and link (default 100000 200000 1000000)
  --spark  also link N claims (default 2000) with the Spark engine, local[2]

Synthetic claims: 1 to 6 reports per strike, about 100 claims a day across seven
governorates (more claims cover more days), dates jittered by up to a day (a tenth
undated, with only their publication day), places by a few hundred metres (a fifth only
at governorate precision), belligerent missing in a fifth, counts jittered, text
embeddings drawn around one vector per strike (real embeddings are computed once per
claim at process time and stored; their cost belongs to extraction, measured by
benchmarks/extract_throughput.py; as in bulk linking, they are compared along the 256
main directions fitted at training, link/projection.py), and a short invented Arabic
report text per claim:
generic words, its strike's own quarter and family, and for a third of the strikes a
named victim (some with common family names, whose keys recur across strikes). Names and
words are read from the texts as link/text_features.py reads them, once per claim, and
stored: the "texts" column is that one-time cost; "total" is a run on stored features
(every bulk run after the first). Each size runs in a fresh child process (training,
scoring and clustering, as ``link train`` does) so its wall time and peak RSS are its
own. Pairwise precision and recall against the generating strikes are printed as a
sanity check; "named" is the share of claims a victim name was read from.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations

import numpy as np

from strikewatch.link.cluster import cluster
from strikewatch.link.engines import DuckDBEngine, Engine, SparkEngine
from strikewatch.link.features import LinkClaim, to_table
from strikewatch.link.model import MATCH_THRESHOLD, predict, train
from strikewatch.link.projection import Projection
from strikewatch.link.text_features import read

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
# Invented words and names for the synthetic report texts (no real person or place).
GENERIC_WORDS = [
    "قصف", "غارة", "جوية", "طيران", "حربي", "مدنيين", "مقتل", "إصابة", "أطفال", "نساء",
    "منزل", "سوق", "مدرسة", "مشفى", "مسجد", "طريق", "سيارة", "ناشطون", "محليون", "مصادر",
    "أهلية", "حصيلة", "ضحايا", "جرحى", "فرق", "الدفاع", "المدني", "انتشلت", "أنقاض", "حي",
    "شمالي", "جنوبي", "شرقي", "غربي", "صباح", "مساء", "اليوم", "أمس", "مجزرة", "صواريخ",
]  # fmt: skip
GIVEN = ["سامر", "خالد", "محمود", "يوسف", "عمر", "أحمد", "بلال", "حسن", "زياد", "ماهر",
         "نادر", "وليد", "رامي", "فادي", "هاني", "جمال", "كريم", "سليم", "طارق"]  # fmt: skip
FAMILY_NAMES = ["النجار", "الحداد", "الخطيب", "العمر", "السيد", "الحلبي", "الشامي", "الأحمد",
                "المصري", "الحسن", "الزين", "الراشد", "العلي", "البكري", "الناصر"]  # fmt: skip


LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def spelled(number: int) -> str:
    """A number as an invented word of Arabic letters (the linker reads no digits)."""
    out = ""
    while True:
        number, digit = divmod(number, len(LETTERS))
        out = LETTERS[digit] + out
        if not number:
            return out


def spelled_family(rng: random.Random) -> str:
    return f"ال{spelled(rng.randrange(5000))}ي"


def report_text(rng: random.Random, strike: int, victim: str | None) -> str:
    """A short invented report: generic words, the strike's own quarter, perhaps a victim."""
    words = " ".join(rng.sample(GENERIC_WORDS, 12))
    own = f"حارة {spelled(strike)}ان وآل {spelled(strike)}وني"
    named = f" واستشهد الطفل {victim} جراء القصف." if victim else ""
    return f"{words} على {own}.{named} {' '.join(rng.sample(GENERIC_WORDS, 8))}"


# Claims a day across the region: the density of the worst months of the Syrian war. A
# larger dataset covers more days (or, equally, more regions), not denser days.
CLAIMS_PER_DAY = 100
# Claims with no strike date, only their report's publication day (compared with their
# governorate's month: the costliest blocking rule).
UNDATED = 0.1


def synthetic(n: int, seed: int = 11) -> tuple[list[LinkClaim], dict[int, int], list[str]]:
    """n claims of about n/3.5 strikes at CLAIMS_PER_DAY, each claim's strike and text."""
    rng = random.Random(seed)
    numbers = np.random.default_rng(seed)
    claims: list[LinkClaim] = []
    texts: list[str] = []
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
        victim = None
        if strike % 3 == 0:
            # Common family names for some (their keys recur across strikes), rarer ones
            # for the others.
            given, father = rng.choice(GIVEN), rng.choice(GIVEN)
            family = rng.choice(FAMILY_NAMES) if rng.random() < 0.3 else spelled_family(rng)
            victim = f"{given} {father} {family}"
        for _ in range(min(rng.randint(1, 6), n - len(claims))):
            claim_id = len(claims) + 1
            truth[claim_id] = strike
            vector = centre + numbers.normal(scale=0.9, size=512).astype(np.float32)
            vector /= np.linalg.norm(vector)
            precise = rng.random() < 0.8
            dated = rng.random() >= UNDATED
            claims.append(
                LinkClaim(
                    claim_id=claim_id,
                    strike_date=day + timedelta(days=rng.choice([0, 0, 0, 1, -1]))
                    if dated
                    else None,
                    date_precision="day" if dated else "unknown",
                    published=day + timedelta(days=rng.randint(0, 2)),
                    latitude=lat + rng.gauss(0, 0.003) if precise else None,
                    longitude=lon + rng.gauss(0, 0.003) if precise else None,
                    geo_precision="place" if precise else "admin1",
                    place=f"village {strike}" if precise else None,
                    admin1=admin1,
                    belligerents=[belligerent] if rng.random() < 0.8 else [],
                    strike_type=["airstrike"],
                    deaths=deaths + rng.choice([0, 0, 1]),
                    embedding=vector,
                )
            )
            texts.append(report_text(rng, strike, victim if rng.random() < 0.7 else None))
    return claims, truth, texts


def _pairs(assignment: dict[int, int]) -> set[tuple[int, int]]:
    groups: dict[int, list[int]] = {}
    for item, group in assignment.items():
        groups.setdefault(group, []).append(item)
    return {pair for members in groups.values() for pair in combinations(sorted(members), 2)}


def run_one(n: int, engine: Engine) -> dict[str, float]:
    claims, truth, texts = synthetic(n)
    reading = time.perf_counter()
    read_now = [read(text) for text in texts]
    named = sum(bool(f.names) for f in read_now) / n
    claims = [
        replace(c, names=list(f.names), words=list(f.words))
        for c, f in zip(claims, read_now, strict=True)
    ]
    del texts, read_now  # stored by then in a real store, not held
    started = time.perf_counter()
    # As bulk linking trains: the embeddings' main directions, fitted to these claims.
    projection = Projection.fit([c.embedding for c in claims])
    table = to_table(claims, projection=projection)
    featured = time.perf_counter()
    # Clustering needs only the days (link_all keeps the same, not the claims).
    ids = [c.claim_id for c in claims]
    dates = {c.claim_id: c.strike_date for c in claims}
    del claims
    model = train(table, projection=projection)
    trained = time.perf_counter()
    scored = predict(engine, table, model)
    predicted = time.perf_counter()
    del table
    groups = cluster(ids, scored.pairs, MATCH_THRESHOLD, dates, None, scored.vetoes)
    done = time.perf_counter()
    found = {claim_id: i for i, g in enumerate(groups) for claim_id in g}
    true_pairs, found_pairs = _pairs(truth), _pairs(found)
    hit = len(true_pairs & found_pairs)
    return {
        "claims": n,
        "texts_s": started - reading,
        "named": named,
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
    usage = __doc__.split("\n\n")[1]
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return
    if not all(a.isdigit() for a in argv):
        sys.exit(f"not a claim count: {next(a for a in argv if not a.isdigit())}\n{usage}")
    sizes = [int(a) for a in argv] or [100_000, 200_000, 1_000_000]
    runs = [(n, "duckdb") for n in sorted(sizes)] + ([(spark, "spark")] if spark else [])
    header = (
        "engine   claims  texts  features  train  predict  cluster   total     pairs  P     R"
        "     RSS MB  named"
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
            f"{engine:<7}{r['claims']:>8.0f}{r['texts_s']:>7.1f}{r['features_s']:>10.1f}"
            f"{r['train_s']:>7.1f}"
            f"{r['predict_s']:>9.1f}{r['cluster_s']:>9.1f}{r['total_s']:>8.1f}{r['pairs']:>10.0f}"
            f"  {r['precision']:.2f}  {r['recall']:.2f}{r['peak_rss_mb']:>8.0f}"
            f"{r['named']:>7.2f}",
            flush=True,
        )
        if previous is not None and engine == "duckdb" and r["claims"] == 2 * previous["claims"]:
            print(f"        time(2N)/time(N) = {r['total_s'] / previous['total_s']:.2f}")
        previous = r if engine == "duckdb" else previous


if __name__ == "__main__":
    main(sys.argv[1:])
