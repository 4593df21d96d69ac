"""Benchmark: ingest N generated reports JSON Lines into SQLite; rate and peak memory.

usage: python benchmarks/ingest_jsonl.py [N ...]   (default: 25000 50000 100000 200000)

Each size runs ``strikewatch ingest`` in a fresh process on a fresh SQLite database, as a
user would, and reports wall time, reports/s and the child's peak RSS — so memory staying
flat as the file grows is visible in the last column. Half the reports carry no language,
so language detection is part of the cost.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AR = [
    "قصف",
    "طيران",
    "حربي",
    "على",
    "بلدة",
    "في",
    "ريف",
    "إدلب",
    "الجنوبي",
    "فجر",
    "اليوم",
    "أدى",
    "إلى",
    "مقتل",
    "مدنيين",
    "بينهم",
    "أطفال",
    "وإصابة",
    "آخرين",
    "بجروح",
]
EN = [
    "airstrike",
    "hit",
    "a",
    "house",
    "in",
    "the",
    "village",
    "killing",
    "civilians",
    "including",
    "children",
    "witnesses",
    "said",
    "on",
    "Sunday",
    "night",
    "coalition",
]


def generate(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            arabic = i % 3 != 0
            words = rng.choices(AR if arabic else EN, k=rng.randint(20, 60))
            record: dict[str, str] = {
                "id": f"bench-{i}",
                "text": " ".join(words),
                "kind": "social_post",
                "platform": "x",
                "publisher": f"@bench_{i % 200}",
                "published_at": f"2024-0{1 + i % 9}-1{i % 10}T0{i % 10}:00:00+03:00",
                "url": f"https://x.com/bench_{i % 200}/status/{10**15 + i}",
            }
            if i % 2:
                record["language"] = "ar" if arabic else "en"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run(n: int, workdir: Path) -> dict[str, float]:
    source = workdir / f"reports-{n}.jsonl"
    generate(source, n)
    db = workdir / f"bench-{n}.db"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "strikewatch", "--db", f"sqlite:///{db}", "ingest", str(source)],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "reports": n,
        "mb": source.stat().st_size / 1e6,
        "seconds": seconds,
        "per_second": n / seconds,
        "peak_rss_mb": max(peak_kib, before) / 1024,
    }


def main(argv: list[str]) -> None:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return
    if not all(a.isdigit() for a in argv):
        sys.exit(f"not a report count: {next(a for a in argv if not a.isdigit())} (see --help)")
    sizes = [int(a) for a in argv] or [25_000, 50_000, 100_000, 200_000]
    print(f"{'reports':>8} {'file MB':>8} {'seconds':>8} {'reports/s':>10} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(sizes):
            # ru_maxrss of children is a running maximum: ascending sizes make each row's
            # peak that run's own (a smaller earlier run cannot exceed it).
            r = run(n, Path(tmp))
            print(
                f"{r['reports']:>8.0f} {r['mb']:>8.1f} {r['seconds']:>8.1f} "
                f"{r['per_second']:>10.0f} {r['peak_rss_mb']:>12.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
