"""Export claims (interfaces.md): JSON Lines or CSV, one row per claim in report order."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from strikewatch.store.claims import iter_claims
from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Report

FORMATS = ("jsonl", "csv")
FIELDS = [
    "claim_id",
    "report_id",
    "incident_id",
    "language",
    "event_date",
    "date_precision",
    "place",
    "latitude",
    "longitude",
    "geo_precision",
    "belligerents",
    "strike_type",
    "civilian_deaths_min",
    "civilian_deaths_max",
    "civilian_injuries_min",
    "civilian_injuries_max",
    "is_harm_report",
]


def claim_record(
    claim: Claim, report: Report, incident_id: str | None = None, *, with_details: bool = True
) -> dict[str, Any]:
    """One claim in the export shape; ``details`` carries spans and reasons."""
    record: dict[str, Any] = {
        "claim_id": f"claim-{claim.id}",
        "report_id": report.external_id,
        "incident_id": incident_id,
        "language": claim.language,
        "event_date": claim.event_date.isoformat() if claim.event_date else None,
        "date_precision": claim.date_precision,
        "place": claim.place,
        "latitude": claim.latitude,
        "longitude": claim.longitude,
        "geo_precision": claim.geo_precision,
        "belligerents": list(claim.belligerents or []),
        "strike_type": list(claim.strike_type or []),
        "civilian_deaths_min": claim.civilian_deaths_min,
        "civilian_deaths_max": claim.civilian_deaths_max,
        "civilian_injuries_min": claim.civilian_injuries_min,
        "civilian_injuries_max": claim.civilian_injuries_max,
        "is_harm_report": claim.is_harm_report,
    }
    if with_details:
        record["span"] = [claim.span_start, claim.span_end]
        record["details"] = claim.details or {}
    return record


def _records(database: Database, include_private: bool) -> Iterator[dict[str, Any]]:
    for claim, report, incident_id in iter_claims(database, include_private=include_private):
        yield claim_record(claim, report, incident_id)


def export_claims(
    database: Database, fmt: str, out: TextIO, *, include_private: bool = False
) -> int:
    """Write every current claim; returns how many."""
    count = 0
    if fmt == "jsonl":
        for record in _records(database, include_private):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        for record in _records(database, include_private):
            for key in ("belligerents", "strike_type"):
                record[key] = ";".join(record[key])
            writer.writerow(record)
            count += 1
    else:
        raise ValueError(f"unknown claims export format {fmt!r}")
    return count
