"""Declared strikes: a belligerent's own statement of a strike, matched to incidents.

A ministry's daily list ("our aircraft struck positions near X on 3 March") is not a
witness to civilian harm, so it is never merged into an incident as a source; it is
matched to the incidents it plausibly describes: same or next day, same place (or
within 12 km), and the stating belligerent among the alleged ones.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from strikewatch.link.features import families
from strikewatch.store.database import Database
from strikewatch.store.links import StoredClaim
from strikewatch.store.schema import Declaration, Incident

NEAR_KM = 12.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p = math.pi / 180
    h = (
        math.sin((b[0] - a[0]) * p / 2) ** 2
        + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def _score(claim: StoredClaim, incident: Incident) -> tuple[float, list[str]] | None:
    if claim.event_date is None or incident.date is None:
        return None
    gap = abs((claim.event_date - incident.date).days)
    if gap > 1:
        return None
    reasons = ["same day" if gap == 0 else "one day apart"]
    said = set(families(claim.belligerents or []))
    alleged = set(families(incident.belligerents or []))
    if said and alleged and not said & alleged:
        return None
    reasons.append("declarer among the alleged belligerents" if said & alleged else "no actor")
    same_place = claim.place is not None and claim.place == incident.place
    near = (
        claim.latitude is not None
        and incident.latitude is not None
        and claim.longitude is not None
        and incident.longitude is not None
        and _km((claim.latitude, claim.longitude), (incident.latitude, incident.longitude))
        <= NEAR_KM
    )
    if not (same_place or near):
        return None
    reasons.append("same place" if same_place else f"within {NEAR_KM:.0f} km")
    probability = 0.95 if gap == 0 and said & alleged else 0.75
    return probability, reasons


def _candidates(database: Database, day: date) -> list[Incident]:
    with database.sessions() as session:
        return list(
            session.execute(
                select(Incident).where(
                    Incident.is_active.is_(True),
                    Incident.date >= date.fromordinal(day.toordinal() - 1),
                    Incident.date <= date.fromordinal(day.toordinal() + 1),
                )
            ).scalars()
        )


def match_declarations(database: Database, declarations: Sequence[StoredClaim]) -> list[int]:
    """Record each declaration's matching incidents; returns the incidents matched."""
    rows = []
    matched: set[int] = set()
    for claim in declarations:
        if claim.event_date is None:
            continue
        for incident in _candidates(database, claim.event_date):
            scored = _score(claim, incident)
            if scored is None:
                continue
            probability, reasons = scored
            said = families(claim.belligerents or [])
            matched.add(incident.id)
            rows.append(
                {
                    "claim_id": claim.id,
                    "incident_id": incident.id,
                    "belligerent": claim.belligerents[0] if claim.belligerents else None,
                    "probability": probability,
                    "reasons": reasons,
                    "admits_civilian_harm": bool(
                        said and (claim.civilian_deaths_max or claim.civilian_injuries_max)
                    ),
                }
            )
    if rows:
        with database.session() as session:
            session.execute(database.dialect.insert_ignoring_duplicates(Declaration), rows)
    return sorted(matched)
