"""Tallies: sums of incident minimums and maximums, checked against hand-summed tables."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from strikewatch.assess import tally
from strikewatch.assess.tally import TallyIncident, tally_incidents
from strikewatch.ingest import ImportOptions, ingest_paths
from strikewatch.pipeline import process
from strikewatch.store.database import Database

# An invented, Airwars-shaped incident table (no real event, figure or place of harm).
ROWS = [
    ("XX001", "2021-03-02", "Russian Military", "Fair", "2", "4", "Idlib"),
    ("XX002", "2021-03-09", "Russian Military", "Contested", "1", "1", "Idlib"),
    ("XX003", "2021-07-15", "Turkish Military", "Fair", "0", "3", "Aleppo"),
    ("XX004", "2022-01-20", "Turkish Military", "Confirmed", "5", "5", "Al-Hasakah"),
    ("XX005", "2022-02-01", "Russian Military, Iranian Military", "Fair", "7", "12", "Hama"),
    ("XX006", "2022-05-05", "Turkish Military", "Weak", "1", "2", "Raqqa"),
    ("XX007", "2022-06-30", "Turkish Military", "Discounted", "3", "3", "Raqqa"),
    ("XX008", "2022-08-08", "Russian Military", "Fair", "", "", "Idlib"),
]
HEADER = [
    "incident_code",
    "date",
    "belligerents",
    "assessment",
    "deaths_min",
    "deaths_max",
    "region",
    "summary",
]
MAP = {
    "id": "incident_code",
    "incident.date": "date",
    "incident.belligerents": "belligerents",
    "incident.grade": "assessment",
    "incident.civilian_deaths_min": "deaths_min",
    "incident.civilian_deaths_max": "deaths_max",
    "incident.admin1": "region",
}


def _write(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for row in ROWS:
            writer.writerow([*row, f"INVENTED test incident {row[0]}"])


def _hand_sum(grades: set[str], belligerent: str | None = None) -> tuple[int, int, int]:
    low = high = count = 0
    for _code, _, belligerents, grade, dmin, dmax, _ in ROWS:
        if grade.lower() not in grades:
            continue
        if belligerent and belligerent not in [b.strip() for b in belligerents.split(",")]:
            continue
        count += 1
        low += int(dmin or 0)
        high += int(dmax or dmin or 0)
    return count, low, high


def test_published_incident_table_tallies_to_its_own_sums(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "incidents.csv"
    _write(path)
    summary = ingest_paths(
        database, [path], "csv-list", ImportOptions(column_map=MAP, source_name="Test Monitor")
    )
    assert summary.ok and summary.total("stored") == len(ROWS)
    process(database)
    likely = tally(database, by=("belligerent",))
    assert (
        likely.total.incidents,
        likely.total.civilian_deaths_min,
        likely.total.civilian_deaths_max,
    ) == _hand_sum({"confirmed", "fair"})
    rows = {r.key["belligerent"]: r for r in likely.rows}
    assert (
        rows["Russian Military"].incidents,
        rows["Russian Military"].civilian_deaths_min,
        rows["Russian Military"].civilian_deaths_max,
    ) == _hand_sum({"confirmed", "fair"}, "Russian Military")
    everything = tally(database, by=("grade",), grades=())
    assert everything.total.incidents == len(ROWS)
    assert {r.key["grade"]: r.incidents for r in everything.rows} == {
        "fair": 4,
        "contested": 1,
        "confirmed": 1,
        "weak": 1,
        "discounted": 1,
    }


def test_bad_cells_of_an_incident_table_are_reported_by_row_and_field(
    sqlite_database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerow(["XX1", "2021-01-01", "Russian Military", "Fair", "two", "3", "Idlib", ""])
        writer.writerow(["XX2", "2021-01-02", "Russian Military", "Great", "1", "3", "Idlib", ""])
        writer.writerow(["XX3", "2021-01-03", "Russian Military", "Fair", "1", "3", "Idlib", ""])
    summary = ingest_paths(sqlite_database, [path], "csv-list", ImportOptions(column_map=MAP))
    problems = {(p.position, p.field) for f in summary.files for p in f.problems}
    assert problems == {
        ("row 1 (line 2)", "incident.civilian_deaths_min"),
        ("row 2 (line 3)", "incident.grade"),
    }
    assert summary.total("stored") == 1


def _incident(i: int, day: str, who: list[str], grade: str, low: int, high: int) -> TallyIncident:
    return TallyIncident(f"I{i}", date.fromisoformat(day), who, "Idlib", grade, (low, high), (0, 0))


def test_tally_by_period_and_selection() -> None:
    incidents = [
        _incident(1, "2020-01-05", ["russia"], "fair", 1, 2),
        _incident(2, "2020-02-05", ["russia", "syrian-regime"], "contested", 3, 9),
        _incident(3, "2021-01-05", ["turkey"], "confirmed", 4, 4),
        _incident(4, "2021-06-05", ["turkey"], "discounted", 8, 8),
    ]
    by_year = tally_incidents(incidents, by=("year",), grades=("fair", "confirmed"))
    assert [
        (r.key["year"], r.civilian_deaths_min, r.civilian_deaths_max) for r in by_year.rows
    ] == [
        ("2020", 1, 2),
        ("2021", 4, 4),
    ]
    alleged = tally_incidents(
        incidents, by=("belligerent",), grades=("fair", "contested", "confirmed", "weak")
    )
    rows = {r.key["belligerent"]: r for r in alleged.rows}
    assert rows["russia"].civilian_deaths_max == 11 and rows["syrian-regime"].incidents == 1
    assert alleged.total.civilian_deaths_max == 15  # incident 2 counted once in the total
    window = tally_incidents(
        incidents, by=("month",), grades=(), since=date(2020, 2, 1), until=date(2021, 1, 31)
    )
    assert [r.key["month"] for r in window.rows] == ["2020-02", "2021-01"]
    with pytest.raises(ValueError, match="cannot tally by colour"):
        tally_incidents(incidents, by=("colour",))
