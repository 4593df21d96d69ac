"""Columns of an already-assessed incident table (Airwars, ACLED, UCDP exports).

A CSV list mapped with ``--map incident.FIELD=COLUMN`` is an incident dataset: each row
becomes a report carrying these values under ``extra["incident"]``, and processing turns
it into one incident as published (its grade and ranges kept), so its tallies can be
checked against the publisher's own sums.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from strikewatch.errors import InputProblem

INTEGER_FIELDS = (
    "civilian_deaths_min",
    "civilian_deaths_max",
    "civilian_injuries_min",
    "civilian_injuries_max",
    "children_killed_min",
    "children_killed_max",
    "women_killed_min",
    "women_killed_max",
)
LIST_FIELDS = ("belligerents", "strike_type")
TEXT_FIELDS = ("code", "place", "place_ar", "admin1", "grade", "strike_status")
FLOAT_FIELDS = ("latitude", "longitude")
INCIDENT_FIELDS = ("date", *TEXT_FIELDS, *FLOAT_FIELDS, *LIST_FIELDS, *INTEGER_FIELDS)
GRADES = ("confirmed", "fair", "weak", "contested", "discounted")


def parse_incident_fields(
    raw: Mapping[str, str], label: str, position: str
) -> dict[str, Any] | InputProblem:
    """Typed incident values from a row's mapped cells, or the problem with one of them."""
    found: dict[str, Any] = {}
    for name, value in raw.items():
        value = value.strip()
        field = f"incident.{name}"
        if name not in INCIDENT_FIELDS:
            return InputProblem(
                label,
                position,
                f"unknown incident field; one of {', '.join(INCIDENT_FIELDS)}",
                field=field,
            )
        if not value:
            continue
        try:
            if name in INTEGER_FIELDS:
                number = int(float(value))
                if number < 0:
                    raise ValueError(value)
                found[name] = number
            elif name in FLOAT_FIELDS:
                found[name] = float(value)
            elif name == "date":
                found[name] = date.fromisoformat(value[:10]).isoformat()
            elif name in LIST_FIELDS:
                found[name] = [v.strip() for v in value.replace(";", ",").split(",") if v.strip()]
            elif name == "grade":
                if value.lower() not in GRADES:
                    raise ValueError(value)
                found[name] = value.lower()
            else:
                found[name] = value
        except ValueError:
            return InputProblem(label, position, "not a valid value for this field", field=field)
    return found
