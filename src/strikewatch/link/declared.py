"""Declared strikes: a belligerent's own statement of a strike, matched to incidents.

A ministry's daily list ("our aircraft struck positions near X on 3 March") is not a
witness to civilian harm, so it is never merged into an incident as a source; it is
matched to the incidents it plausibly describes: same or next day, same place (or
within 12 km), and the stating belligerent among the alleged ones.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from importlib.resources import files

from sqlalchemy import select

from strikewatch.extract.actors import find_belligerents
from strikewatch.gazetteer import distance_km
from strikewatch.link.features import families
from strikewatch.normalise import fold_for_match
from strikewatch.store.database import Database
from strikewatch.store.links import StoredClaim, claim_texts
from strikewatch.store.schema import Declaration, Incident

NEAR_KM = 12.0
GOVERNORATE_ONLY = 0.6


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_km(a[0], a[1], b[0], b[1])


def declarer(claim: StoredClaim) -> list[str]:
    """Who issued the statement: named by its publisher ("Turkish Ministry of Defence"),
    else the actor the statement names. A statement that blames another party names that
    party in its text; its publisher still says who is speaking."""
    if claim.publisher:
        found = find_belligerents(claim.publisher, language=None).belligerents
        if found:
            return list(found)
    return list(claim.belligerents or [])


def _score(claim: StoredClaim, incident: Incident) -> tuple[float, list[str]] | None:
    if claim.event_date is None or incident.date is None:
        return None
    gap = abs((claim.event_date - incident.date).days)
    if gap > 1:
        return None
    reasons = ["same day" if gap == 0 else "one day apart"]
    said = set(families(declarer(claim)))
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
    if same_place or near:
        reasons.append("same place" if same_place else f"within {NEAR_KM:.0f} km")
        return (0.95 if gap == 0 and said & alleged else 0.75), reasons
    vague = claim.latitude is None  # resolved to a governorate at best: no point to compare
    governorate = (claim.details or {}).get("admin1")
    if vague and governorate and governorate == incident.admin1 and said & alleged:
        # The statement names only the governorate ("near Palmyra" resolved no closer):
        # a candidate only, kept when it is the sole incident of that day there.
        reasons.append("same governorate (the statement names no closer place)")
        return GOVERNORATE_ONLY, reasons
    return None


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


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    raw = tomllib.loads(files("strikewatch.link").joinpath("declarations.toml").read_text("utf-8"))
    return (
        tuple(fold_for_match(c) for c in raw["admission"]),
        tuple(fold_for_match(c) for c in raw["denial"]),
    )


def admits_harm(claim: StoredClaim, text: str) -> bool:
    """Does the statement admit civilian harm by its own side (not deny it, not blame others)?"""
    if not (claim.civilian_deaths_max or claim.civilian_injuries_max):
        return False
    folded = fold_for_match(text)
    admission, denial = _cues()
    return any(c in folded for c in admission) and not any(c in folded for c in denial)


def match_declarations(database: Database, declarations: Sequence[StoredClaim]) -> list[int]:
    """Record each declaration's matching incidents; returns the incidents matched."""
    texts = claim_texts(database, [c.id for c in declarations])
    rows = []
    matched: set[int] = set()
    for claim in declarations:
        if claim.event_date is None:
            continue
        found = [
            (incident, scored)
            for incident in _candidates(database, claim.event_date)
            if (scored := _score(claim, incident)) is not None
        ]
        if sum(1 for _, (p, _) in found if p == GOVERNORATE_ONLY) > 1:
            # Several strikes in that governorate that day: the statement fits none surely.
            found = [(i, scored) for i, scored in found if scored[0] != GOVERNORATE_ONLY]
        speaker = declarer(claim)
        for incident, (probability, reasons) in found:
            matched.add(incident.id)
            rows.append(
                {
                    "claim_id": claim.id,
                    "incident_id": incident.id,
                    "belligerent": speaker[0] if speaker else None,
                    "probability": probability,
                    "reasons": reasons,
                    "admits_civilian_harm": admits_harm(claim, texts.get(claim.id, "")),
                }
            )
    if rows:
        with database.session() as session:
            session.execute(database.dialect.insert_ignoring_duplicates(Declaration), rows)
    return sorted(matched)
