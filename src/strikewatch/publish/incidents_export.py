"""The incident record every export shares (interfaces.md fields); writers: formats.py."""

from __future__ import annotations

from typing import Any

from strikewatch.store.schema import Incident

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
