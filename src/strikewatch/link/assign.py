"""Clusters into incidents: stable ids, a recorded reason for every move, kept history.

A re-clustering keeps an incident's id when the cluster holds most of its claims; a
claim that moves gets a link event (from, to, why); an incident whose summary changes
is updated through ``update_versioned`` so its earlier state stays in history; an
incident left without claims is deactivated, not deleted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from strikewatch.link.summary import ClaimFacts, summarise
from strikewatch.store.database import Database
from strikewatch.store.history import update_versioned
from strikewatch.store.links import StoredClaim
from strikewatch.store.schema import Claim, Incident, LinkEvent

SUMMARY_FIELDS = (
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
    "civilian_deaths_min",
    "civilian_deaths_max",
    "civilian_injuries_min",
    "civilian_injuries_max",
    "children_killed_min",
    "children_killed_max",
    "women_killed_min",
    "women_killed_max",
    "support",
)


@dataclass(frozen=True)
class Placement:
    """Why a claim is in its group: the strongest link to another member, if any."""

    probability: float | None
    reasons: list[str] = field(default_factory=list)


@dataclass
class AssignSummary:
    incidents_created: int = 0
    incidents_updated: int = 0
    incidents_closed: int = 0
    claims_moved: int = 0
    touched: list[int] = field(default_factory=list)  # incidents created or changed


def claim_facts(claim: StoredClaim) -> ClaimFacts:
    details = claim.details or {}

    def pair(name: str) -> tuple[int | None, int | None]:
        return details.get(f"{name}_min"), details.get(f"{name}_max")

    return ClaimFacts(
        claim_id=claim.id,
        event_date=claim.event_date,
        date_precision=claim.date_precision,
        place=claim.place,
        place_ar=details.get("place_ar"),
        admin1=details.get("admin1"),
        latitude=claim.latitude,
        longitude=claim.longitude,
        geo_precision=claim.geo_precision,
        belligerents=claim.belligerents or [],
        strike_type=claim.strike_type or [],
        deaths=(claim.civilian_deaths_min, claim.civilian_deaths_max),
        injuries=(claim.civilian_injuries_min, claim.civilian_injuries_max),
        children=pair("children_killed"),
        women=pair("women_killed"),
        kind=claim.kind,
        details=details,
    )


def _public_id(incident_id: int) -> str:
    return f"SW-{incident_id:06d}"


def _choose_incidents(
    groups: Sequence[Sequence[int]], current: Mapping[int, int | None]
) -> list[int | None]:
    """For each group, the existing incident it continues (largest groups choose first)."""
    chosen: list[int | None] = [None] * len(groups)
    taken: set[int] = set()
    order = sorted(range(len(groups)), key=lambda i: (-len(groups[i]), groups[i][0]))
    for index in order:
        votes = Counter(current[c] for c in groups[index] if current.get(c) is not None)
        for incident_id, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if incident_id is not None and incident_id not in taken:
                chosen[index] = incident_id
                taken.add(incident_id)
                break
    return chosen


def _summary_changes(incident: Incident, summary: dict[str, Any]) -> dict[str, Any]:
    changes = {k: summary[k] for k in SUMMARY_FIELDS if getattr(incident, k) != summary[k]}
    if list(incident.reasons or []) != summary["reasons"]:
        changes["reasons"] = summary["reasons"]
    if not incident.is_active:
        changes["is_active"] = True
    return changes


def assign(
    database: Database,
    groups: Sequence[Sequence[int]],
    claims: Mapping[int, StoredClaim],
    placements: Mapping[int, Placement],
    *,
    method: str,
    changed_by: str = "linker",
) -> AssignSummary:
    """Write the groups as incidents (one transaction)."""
    result = AssignSummary()
    current = {claim_id: claims[claim_id].incident_id for g in groups for claim_id in g}
    chosen = _choose_incidents(groups, current)
    now = datetime.now(UTC)
    touched: set[int] = set()
    before: dict[int, set[int]] = {}
    for claim_id, incident_id in current.items():
        if incident_id is not None:
            before.setdefault(incident_id, set()).add(claim_id)
    with database.session() as session:
        for group, incident_id in zip(groups, chosen, strict=True):
            summary = summarise([claim_facts(claims[c]) for c in group])
            if incident_id is None:
                incident = _create(session, summary, now)
                result.incidents_created += 1
            elif before.get(incident_id) == set(group):
                # Same members as before: nothing for the linker to change (assessment owns
                # the figures and reasons; rewriting them would only add history noise).
                touched.add(incident_id)
                continue
            else:
                found = session.get(Incident, incident_id)
                assert found is not None, f"incident {incident_id} vanished during linking"
                incident = found
                changes = _summary_changes(incident, summary)
                if changes:
                    changes["updated_at"] = now
                    update_versioned(
                        session, incident, changes, changed_by=changed_by, reason=f"{method} link"
                    )
                    result.incidents_updated += 1
            touched.add(incident.id)
            moved = [c for c in group if current.get(c) != incident.id]
            result.claims_moved += len(moved)
            _move(session, moved, current, incident.id, placements, method)
        result.incidents_closed += _close_emptied(session, set(current.values()) - touched, now)
        result.touched = sorted(touched)
    return result


def _create(session: Session, summary: dict[str, Any], now: datetime) -> Incident:
    incident = Incident(public_id="pending", created_at=now, updated_at=now, is_active=True)
    for key in (*SUMMARY_FIELDS, "reasons"):
        setattr(incident, key, summary[key])
    session.add(incident)
    session.flush()
    incident.public_id = _public_id(incident.id)
    return incident


def _move(
    session: Session,
    moved: Sequence[int],
    current: Mapping[int, int | None],
    incident_id: int,
    placements: Mapping[int, Placement],
    method: str,
) -> None:
    if not moved:
        return
    session.execute(update(Claim).where(Claim.id.in_(list(moved))).values(incident_id=incident_id))
    session.add_all(
        LinkEvent(
            claim_id=claim_id,
            from_incident_id=current.get(claim_id),
            to_incident_id=incident_id,
            method=method,
            probability=placements.get(claim_id, Placement(None)).probability,
            reasons=placements.get(claim_id, Placement(None, ["no other report matched"])).reasons,
        )
        for claim_id in moved
    )


def _close_emptied(session: Session, candidates: set[int | None], now: datetime) -> int:
    closed = 0
    for incident_id in sorted(i for i in candidates if i is not None):
        still = session.execute(
            select(Claim.id).where(Claim.incident_id == incident_id, Claim.is_current.is_(True))
        ).first()
        incident = session.get(Incident, incident_id)
        if still is None and incident is not None and incident.is_active:
            update_versioned(
                session,
                incident,
                {"is_active": False, "updated_at": now},
                changed_by="linker",
                reason="every claim moved to other incidents",
            )
            closed += 1
    return closed
