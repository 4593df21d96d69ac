"""Benchmark: extraction throughput (claims_for) on one core, in reports per second.

usage: python benchmarks/extract_throughput.py [SOURCES_JSONL] [--repeat N]
  SOURCES_JSONL  default ../shared/data/airwars-syria/sources.jsonl when present, else the
                 bundled demo corpus's reports JSON Lines.

Times the extraction stage alone (relevance, digest split, dates, places, counts,
belligerents, strike type and targets) in this one process, after a warm-up that loads the
lexicons and the gazetteer; linking and database writes are not included.
"""

from __future__ import annotations

import json
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


def main(argv: list[str]) -> None:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    paths = [a for a in argv if not a.startswith("--") and not a.isdigit()]
    path = Path(paths[0]) if paths else (CORPUS if CORPUS.exists() else DEMO)
    reports = load(path)
    gazetteer = Gazetteer.default()
    for report in reports[:50]:
        claims_for(report, gazetteer=gazetteer)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for report in reports:
            claims_for(report, gazetteer=gazetteer)
        best = min(best, time.process_time() - started)
    chars = sum(len(r.text) for r in reports) / max(len(reports), 1)
    print(f"{path.name}: {len(reports)} reports, {chars:.0f} characters on average")
    print(
        f"extraction: {best:.2f} s CPU for all, {1000 * best / len(reports):.2f} ms a report, "
        f"{len(reports) / best:.0f} reports/s on one core (best of {repeat})"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
