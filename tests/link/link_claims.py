"""An invented claim as the linker sees it, for tests of its table and comparisons."""

from __future__ import annotations

from datetime import date

from strikewatch.link.features import LinkClaim


def claim(claim_id: int, **changes: object) -> LinkClaim:
    """A dated, placed claim of an invented strike; ``changes`` override its fields."""
    values: dict[str, object] = {
        "claim_id": claim_id,
        "strike_date": date(2023, 4, 5),
        "date_precision": "day",
        "latitude": 36.0,
        "longitude": 38.0,
        "geo_precision": "place",
        "place": "Tell Demo",
        "admin1": "Aleppo",
        "belligerents": ["united-states", "unknown"],
        "strike_type": ["airstrike", "unknown"],
        "deaths": 4,
    }
    values.update(changes)
    return LinkClaim(**values)  # type: ignore[arg-type]
