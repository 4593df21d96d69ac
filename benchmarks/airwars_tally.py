"""Benchmark: Airwars' own incident table through the list importer, tallied exactly.

usage: python benchmarks/airwars_tally.py [INCIDENTS_JSONL] [--out DIR]
  INCIDENTS_JSONL  default ../shared/data/airwars-syria/incidents_all_dev.jsonl

Writes the table as an Airwars-style CSV (outside the repository), ingests it as a user
would (``strikewatch ingest --format csv-list --map incident.FIELD=COLUMN``), processes
it, and compares ``strikewatch tally`` with the sums of the published minimums and
maximums computed directly from the file: per belligerent for the "likely" grades
(confirmed + fair), and for all graded incidents. Prints each row and whether it is equal.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "airwars-syria" / "incidents_all_dev.jsonl"
COLUMNS = [
    "airwars_id",
    "incident_code",
    "date",
    "belligerents",
    "assessment",
    "deaths_min",
    "deaths_max",
]
MAP = {
    # Airwars' own id: a few incident codes name two records.
    "id": "airwars_id",
    "text": "incident_code",
    "incident.date": "date",
    "incident.belligerents": "belligerents",
    "incident.grade": "assessment",
    "incident.civilian_deaths_min": "deaths_min",
    "incident.civilian_deaths_max": "deaths_max",
}


def _names(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value or "").split(",") if v.strip()]


def expected(rows: list[dict[str, object]], grades: set[str]) -> dict[str, tuple[int, int, int]]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        if str(row.get("assessment") or "").lower() not in grades:
            continue
        low, high = row.get("civilian_deaths_min"), row.get("civilian_deaths_max")
        for name in _names(row.get("belligerents")) or ["unknown"]:
            entry = sums[name]
            entry[0] += 1
            entry[1] += int(str(low)) if low is not None else 0
            entry[2] += int(str(high)) if high is not None else (int(str(low)) if low else 0)
    return {k: (v[0], v[1], v[2]) for k, v in sums.items()}


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print(__doc__)
        return 0
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else ROOT / "eval-out" / "tally"
    paths = [a for a in argv if not a.startswith("--") and a != str(out)]
    source = Path(paths[0]) if paths else DEFAULT
    out.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    table = out / "incidents.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    row["airwars_id"],
                    row["incident_code"],
                    row.get("date") or "",
                    ", ".join(_names(row.get("belligerents"))),
                    row.get("assessment") or "",
                    "" if row.get("civilian_deaths_min") is None else row["civilian_deaths_min"],
                    "" if row.get("civilian_deaths_max") is None else row["civilian_deaths_max"],
                ]
            )
    db = out / "tally.db"
    for stale in out.glob("tally.db*"):
        stale.unlink()
    sw = [sys.executable, "-m", "strikewatch", "--db", f"sqlite:///{db}"]
    maps = [arg for field, column in MAP.items() for arg in ("--map", f"{field}={column}")]
    subprocess.run(
        [*sw, "ingest", str(table), "--format", "csv-list", "--source", "Airwars", *maps],
        check=True,
    )
    subprocess.run([*sw, "process"], check=True)
    failures = 0
    for label, grades, option in (
        ("likely (confirmed+fair)", {"confirmed", "fair"}, "confirmed,fair"),
        ("alleged (all but discounted)", {"confirmed", "fair", "weak", "contested"}, "alleged"),
    ):
        done = subprocess.run(
            [*sw, "tally", "--by", "belligerent", "--grades", option, "--format", "json"],
            check=True,
            capture_output=True,
            text=True,
        )
        ours = {
            r["belligerent"]: (r["incidents"], r["civilian_deaths_min"], r["civilian_deaths_max"])
            for r in json.loads(done.stdout)["rows"]
            if "belligerent" in r
        }
        theirs = expected(rows, grades)
        print(f"== {label}")
        for name in sorted(set(ours) | set(theirs)):
            same = ours.get(name) == theirs.get(name)
            failures += not same
            print(
                f"{name:<28} ours {ours.get(name)}  published {theirs.get(name)}  "
                f"{'equal' if same else 'DIFFERENT'}"
            )
    print("all equal" if not failures else f"{failures} rows differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
