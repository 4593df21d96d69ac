"""Export stored reports: JSON Lines in the import format, or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from strikewatch.store.database import Database
from strikewatch.store.reports import iter_reports
from strikewatch.store.schema import Report

FORMATS = ("jsonl", "csv")
CSV_COLUMNS = [
    "id",
    "kind",
    "platform",
    "publisher",
    "published_at",
    "language",
    "url",
    "text",
    "visibility",
    "version",
    "original_sha256",
    "extra",
]


def report_record(report: Report) -> dict[str, Any]:
    """A stored report in the reports JSON Lines shape (interfaces.md), plus provenance."""
    record: dict[str, Any] = {
        "id": report.external_id,
        "text": report.text,
        "kind": report.kind,
        "platform": report.platform,
        "publisher": report.publisher,
        "published_at": report.published_at,
        "language": report.language,
        "url": report.url,
    }
    record = {k: v for k, v in record.items() if v is not None or k in ("id", "text")}
    if report.visibility != "public":
        record["visibility"] = report.visibility
    for key, value in (report.extra or {}).items():
        record.setdefault(key, value)
    record["version"] = report.version
    record["original_sha256"] = report.evidence_sha256
    return record


def _records(database: Database, include_private: bool) -> Iterator[dict[str, Any]]:
    for report in iter_reports(database, include_private=include_private):
        yield report_record(report)


def export_reports(
    database: Database, fmt: str, out: TextIO, *, include_private: bool = False
) -> int:
    """Write every current report; returns how many. Private ones only when asked."""
    count = 0
    if fmt == "jsonl":
        for record in _records(database, include_private):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        known = set(CSV_COLUMNS)
        for record in _records(database, include_private):
            extra = {k: v for k, v in record.items() if k not in known}
            row = {k: record.get(k) for k in CSV_COLUMNS if k != "extra"}
            row["extra"] = json.dumps(extra, ensure_ascii=False) if extra else ""
            writer.writerow(row)
            count += 1
    else:
        raise ValueError(f"unknown report export format {fmt!r}")
    return count
