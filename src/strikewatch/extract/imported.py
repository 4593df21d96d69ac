"""A claim from a row of an already-assessed incident table: its values, as published."""

from __future__ import annotations

from typing import Any

from strikewatch.model import ClaimDraft, DatePrecision, GeoPrecision


def imported_claim(incident: dict[str, Any], language: str | None) -> ClaimDraft:
    """The claim a published incident record makes (no extraction: the values are given)."""
    has_point = incident.get("latitude") is not None and incident.get("longitude") is not None
    details: dict[str, Any] = {
        "imported_incident": incident,
        "admin1": incident.get("admin1"),
        "place_ar": incident.get("place_ar"),
        "reasons": {"relevance": "a published incident record (values as given)"},
    }
    for name in ("children_killed", "women_killed"):
        for end in ("min", "max"):
            if incident.get(f"{name}_{end}") is not None:
                details[f"{name}_{end}"] = incident[f"{name}_{end}"]
    return ClaimDraft(
        is_harm_report=True,
        language=language,
        event_date=incident.get("date"),
        date_precision=DatePrecision.DAY if incident.get("date") else DatePrecision.UNKNOWN,
        place=incident.get("place"),
        latitude=incident.get("latitude"),
        longitude=incident.get("longitude"),
        geo_precision=(
            GeoPrecision.EXACT
            if has_point
            else GeoPrecision.ADMIN1
            if incident.get("admin1")
            else GeoPrecision.UNKNOWN
        ),
        belligerents=list(incident.get("belligerents") or []),
        strike_type=list(incident.get("strike_type") or []),
        civilian_deaths_min=incident.get("civilian_deaths_min"),
        civilian_deaths_max=incident.get("civilian_deaths_max"),
        civilian_injuries_min=incident.get("civilian_injuries_min"),
        civilian_injuries_max=incident.get("civilian_injuries_max"),
        details=details,
    )
