"""Benchmark: extraction throughput (claims_for) on one core, in reports per second.

usage: python benchmarks/extract_throughput.py [SOURCES_JSONL] [--repeat N] [--limit N]
  SOURCES_JSONL  default ../shared/data/airwars-syria/sources.jsonl when present, else the
                 bundled demo corpus's reports JSON Lines.
  --limit N      time only the first N reports (0: none, for an instruction count's baseline).

Wall time on a shared virtual machine varies by a third within an hour. For a number that
does not, count instructions: run under valgrind with --repeat 1 --limit 400 and again with
--limit 0; the difference is the extraction of 400 reports (docs/measurements.md).

Times the extraction stage alone (relevance, digest split, dates, places, counts,
belligerents, strike type and targets) in this one process, after a warm-up that loads the
lexicons and the gazetteer; linking and database writes are not included.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

from strikewatch.extract import ReportInput, claims_for
from strikewatch.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "airwars-syria" / "sources.jsonl"
DEMO = ROOT / "src" / "strikewatch" / "demo" / "data" / "reports.jsonl"


def load(path: Path) -> list[ReportInput]:
    reports = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            reports.append(
                ReportInput(
                    external_id=str(record.get("source_id") or record.get("id")),
                    text=record.get("text") or "",
                    language=record.get("language"),
                    kind=record.get("kind"),
                    published_at=record.get("published_at") or record.get("publication_date"),
                    url=record.get("url"),
                    publisher=record.get("publisher"),
                )
            )
    return reports


def _count(argv: list[str], name: str, default: int | None) -> int | None:
    if name not in argv:
        return default
    at = argv.index(name) + 1
    value = argv[at] if at < len(argv) else ""
    if not value.isdigit():
        raise SystemExit(f"extract_throughput: {name} takes a whole number, not {value!r}")
    return int(value)


def main(argv: list[str]) -> None:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return
    repeat = _count(argv, "--repeat", 3) or 1
    limit = _count(argv, "--limit", None)
    paths = [a for a in argv if not a.startswith("--") and not a.isdigit()]
    path = Path(paths[0]) if paths else (CORPUS if CORPUS.exists() else DEMO)
    reports = load(path)
    warm_up, reports = reports[:50], reports if limit is None else reports[:limit]
    gazetteer = Gazetteer.default()
    for report in warm_up:
        claims_for(report, gazetteer=gazetteer)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for report in reports:
            claims_for(report, gazetteer=gazetteer)
        best = min(best, time.process_time() - started)
    if not reports or best <= 0:
        print(f"{path.name}: no report timed")
        return
    chars = sum(len(r.text) for r in reports) / max(len(reports), 1)
    print(f"{path.name}: {len(reports)} reports, {chars:.0f} characters on average")
    # The interpreter's build moves this number by a tenth or more (docs/measurements.md).
    print(f"python {platform.python_version()} at {os.path.realpath(sys.executable)}")
    print(
        f"extraction: {best:.2f} s CPU for all, {1000 * best / len(reports):.2f} ms a report, "
        f"{len(reports) / best:.0f} reports/s on one core (best of {repeat})"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
