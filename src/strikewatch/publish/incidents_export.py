"""Export incidents (interfaces.md): JSON Lines, CSV or GeoJSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from strikewatch.store.database import Database
from strikewatch.store.incidents import iter_incidents
from strikewatch.store.schema import Incident

FORMATS = ("jsonl", "csv", "geojson")
FIELDS = [
    "id",
    "report_ids",
    "date",
    "date_precision",
    "place",
    "place_ar",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "belligerents",
    "attribution",
    "strike_type",
    "grade",
    "civilian_deaths_min",
    "civilian_deaths_max",
    "civilian_injuries_min",
    "civilian_injuries_max",
    "children_killed_min",
    "children_killed_max",
    "women_killed_min",
    "women_killed_max",
    "reasons",
]
LISTS = ("report_ids", "belligerents", "strike_type", "reasons")


def incident_record(incident: Incident, report_ids: list[str]) -> dict[str, Any]:
    """One incident in the export shape. ``grade`` is absent until it has been assessed."""
    record: dict[str, Any] = {
        "id": incident.public_id,
        "report_ids": report_ids,
        "date": incident.date.isoformat() if incident.date else None,
        "date_precision": incident.date_precision,
        "place": incident.place,
        "place_ar": incident.place_ar,
        "admin1": incident.admin1,
        "latitude": incident.latitude,
        "longitude": incident.longitude,
        "geo_precision": incident.geo_precision,
        "belligerents": list(incident.belligerents or []),
        "attribution": incident.attribution,
        "strike_type": list(incident.strike_type or []),
    }
    if incident.grade is not None:
        record["grade"] = incident.grade
    for field in FIELDS[14:22]:
        record[field] = getattr(incident, field)
    record["reasons"] = list(incident.reasons or [])
    return record


def _records(database: Database, include_private: bool) -> Iterator[dict[str, Any]]:
    for incident, report_ids in iter_incidents(database, include_private=include_private):
        yield incident_record(incident, report_ids)


def export_incidents(
    database: Database, fmt: str, out: TextIO, *, include_private: bool = False
) -> int:
    """Write every incident with a public report; returns how many."""
    count = 0
    records = _records(database, include_private)
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow(
                {k: ";".join(map(str, v)) if k in LISTS else v for k, v in record.items()}
            )
            count += 1
    elif fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [\n')
        for record in records:
            geometry = (
                {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]}
                if record["latitude"] is not None and record["longitude"] is not None
                else None
            )
            feature = {
                "type": "Feature",
                "id": record["id"],
                "geometry": geometry,
                "properties": record,
            }
            out.write(("," if count else "") + json.dumps(feature, ensure_ascii=False) + "\n")
            count += 1
        out.write("]}\n")
    else:
        raise ValueError(f"unknown incidents export format {fmt!r}")
    return count
