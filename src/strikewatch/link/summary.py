"""An incident's when, where, who and what, from the claims linked to it.

The linker needs these to match later reports live and to export incidents; the
assessment stage refines attribution, ranges and grade with source credibility.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from strikewatch.link.features import families

GEO_RANK = {"exact": 0, "place": 1, "district": 2, "admin1": 3, "country": 4, "unknown": 5}
DATE_RANK = {"day": 0, "week": 1, "month": 2, "unknown": 3}


@dataclass(frozen=True)
class ClaimFacts:
    """What a claim says, as the summary needs it."""

    claim_id: int
    event_date: date | None
    date_precision: str
    place: str | None
    place_ar: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str
    belligerents: Sequence[str] = ()
    strike_type: Sequence[str] = ()
    deaths: tuple[int | None, int | None] = (None, None)
    injuries: tuple[int | None, int | None] = (None, None)
    children: tuple[int | None, int | None] = (None, None)
    women: tuple[int | None, int | None] = (None, None)
    kind: str = "other"
    details: dict[str, Any] = field(default_factory=dict)


def _span(values: Sequence[tuple[int | None, int | None]]) -> tuple[int | None, int | None]:
    lows = [low for low, _ in values if low is not None]
    highs = [high if high is not None else low for low, high in values if low is not None]
    return (min(lows), max(h for h in highs if h is not None)) if lows else (None, None)


def summarise(claims: Sequence[ClaimFacts]) -> dict[str, Any]:
    """Incident fields (interfaces.md names) and the reasons for them."""
    reasons: list[str] = []
    dated = [c for c in claims if c.event_date is not None]
    best_date_rank = min((DATE_RANK.get(c.date_precision, 3) for c in dated), default=3)
    best_dated = [c for c in dated if DATE_RANK.get(c.date_precision, 3) == best_date_rank]
    votes = Counter(c.event_date for c in best_dated)
    # The most reported date; on a tie the earliest (later reports repeat an earlier strike).
    chosen_date = min(votes, key=lambda d: (-votes[d], d)) if votes else None
    if chosen_date is not None and len(votes) > 1:
        reasons.append(
            f"date {chosen_date.isoformat()}: {votes[chosen_date]} of {len(best_dated)} dated "
            "claims"
        )
    located = [c for c in claims if c.geo_precision != "unknown" and (c.admin1 or c.place)]
    best_geo = min((GEO_RANK.get(c.geo_precision, 5) for c in located), default=5)
    candidates = [c for c in located if GEO_RANK.get(c.geo_precision, 5) == best_geo]
    place_votes = Counter((c.place, c.admin1) for c in candidates)
    where = (
        next(c for c in candidates if (c.place, c.admin1) == place_votes.most_common(1)[0][0])
        if candidates
        else None
    )
    bel_votes = Counter(f for c in claims for f in set(families(c.belligerents)))
    named = [b for c in claims for b in c.belligerents if b != "unknown"]
    ranked = sorted(set(named), key=lambda b: (-named.count(b), b))
    attribution = "contested" if len(bel_votes) > 1 else "single"
    if len(bel_votes) > 1:
        reasons.append(
            "attribution contested: " + ", ".join(f"{b} ({n})" for b, n in bel_votes.most_common())
        )
    types = Counter(t for c in claims for t in set(c.strike_type) if t != "unknown")
    deaths = _span([c.deaths for c in claims])
    support = {
        "date": [votes[chosen_date] if chosen_date else 0, len(best_dated)],
        "place": [place_votes.most_common(1)[0][1] if place_votes else 0, len(candidates)],
        "belligerents": [
            bel_votes.most_common(1)[0][1] if bel_votes else 0,
            sum(1 for c in claims if families(c.belligerents)),
        ],
        "claims": [len(claims), len(claims)],
    }
    return {
        "support": support,
        "date": chosen_date,
        "date_precision": (next(c.date_precision for c in best_dated) if best_dated else "unknown"),
        "place": where.place if where else None,
        "place_ar": where.place_ar if where else None,
        "admin1": where.admin1 if where else None,
        "latitude": where.latitude if where else None,
        "longitude": where.longitude if where else None,
        "geo_precision": where.geo_precision if where else "unknown",
        "belligerents": ranked,
        "attribution": attribution if ranked else None,
        "strike_type": [t for t, _ in types.most_common()],
        "civilian_deaths_min": deaths[0],
        "civilian_deaths_max": deaths[1],
        "civilian_injuries_min": _span([c.injuries for c in claims])[0],
        "civilian_injuries_max": _span([c.injuries for c in claims])[1],
        "children_killed_min": _span([c.children for c in claims])[0],
        "children_killed_max": _span([c.children for c in claims])[1],
        "women_killed_min": _span([c.women for c in claims])[0],
        "women_killed_max": _span([c.women for c in claims])[1],
        "reasons": reasons,
    }
