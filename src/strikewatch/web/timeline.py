"""Civilian deaths per period and belligerent, laid out as plain SVG bar charts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strikewatch.assess.tally import LIKELY, TallyIncident, tally_incidents

WIDTH = 900
HEIGHT = 160
MAX_TICKS = 12


def timeline_charts(incidents: Sequence[TallyIncident], period: str) -> list[dict[str, Any]]:
    """One chart per belligerent: for each period, bars for the sums of minimums and maximums.

    Every chart shares the same periods (those with any incident) and the same scale, so
    charts can be compared by eye.
    """
    result = tally_incidents(incidents, by=(period, "belligerent"), grades=LIKELY)
    periods = sorted({row.key[period] for row in result.rows})
    if not periods:
        return []
    top = max(row.civilian_deaths_max for row in result.rows) or 1
    slot = WIDTH / len(periods)
    every = max(1, len(periods) // MAX_TICKS)
    charts: dict[str, dict[str, Any]] = {}
    for row in result.rows:
        name = row.key["belligerent"]
        chart = charts.setdefault(
            name, {"name": name, "width": WIDTH, "height": HEIGHT, "top": top, "bars": []}
        )
        n = periods.index(row.key[period])
        chart["bars"].append(
            {
                "x": round(n * slot + slot * 0.1, 2),
                "w": round(max(slot * 0.8, 1.0), 2),
                "h_min": round(HEIGHT * row.civilian_deaths_min / top, 2),
                "h_max": round(HEIGHT * row.civilian_deaths_max / top, 2),
                "label": row.key[period],
                "min": row.civilian_deaths_min,
                "max": row.civilian_deaths_max,
                "tick": n % every == 0,
            }
        )
    return sorted(charts.values(), key=lambda c: -sum(b["max"] for b in c["bars"]))
