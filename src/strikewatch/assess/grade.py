"""Assess incidents: summary, ranges and grade from their claims, stored with history.

``assess_incident`` is pure (evidence in, values out) so ``verify`` can recompute every
stored figure the same way; ``assess_incidents`` writes the values that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from strikewatch.assess.ranges import harm_ranges
from strikewatch.assess.rubric import assess
from strikewatch.link.assign import SUMMARY_FIELDS
from strikewatch.link.summary import ClaimFacts, summarise
from strikewatch.store.database import Database
from strikewatch.store.history import update_versioned
from strikewatch.store.incident_claims import (
    ClaimEvidence,
    DeclarationEvidence,
    active_incident_ids,
    incident_claims,
    incident_declarations,
)
from strikewatch.store.schema import Incident

# What assessment owns on an incident: the linker's summary fields, then the grade.
ASSESSED_FIELDS = (*SUMMARY_FIELDS, "grade", "strike_status", "rubric_version", "reasons")


def _facts(claim: ClaimEvidence) -> ClaimFacts:
    details = claim.details
    return ClaimFacts(
        claim_id=claim.claim_id,
        event_date=claim.event_date,
        date_precision=claim.date_precision,
        place=claim.place,
        place_ar=details.get("place_ar"),
        admin1=details.get("admin1"),
        latitude=claim.latitude,
        longitude=claim.longitude,
        geo_precision=claim.geo_precision,
        belligerents=claim.belligerents,
        strike_type=claim.strike_type,
        deaths=claim.civilian_deaths,
        injuries=claim.civilian_injuries,
        kind=claim.kind,
        details=details,
    )


def _ungraded_record(claims: Sequence[ClaimEvidence]) -> bool:
    record = claims[0].details.get("imported_incident") if len(claims) == 1 else None
    return isinstance(record, dict) and not record.get("grade")


def assess_incident(
    claims: Sequence[ClaimEvidence], declarations: Sequence[DeclarationEvidence] = ()
) -> dict[str, Any]:
    """Every assessed field of one incident (the names of ASSESSED_FIELDS)."""
    values = summarise([_facts(c) for c in claims])
    ranges = harm_ranges(claims)
    values.update(ranges.values)
    if _ungraded_record(claims):
        # A published record its publisher left ungraded stays ungraded: strikewatch has no
        # evidence of its own to grade it with.
        values.update(grade=None, strike_status=None, rubric_version=None)
        values["reasons"] = ["a published incident record without a grade", *ranges.reasons]
        values["support"] = {**values["support"], "sources": 1}
        return {k: values[k] for k in ASSESSED_FIELDS}
    assessment = assess(claims, declarations)
    if assessment.grade.value == "contested":
        values["attribution"] = "contested"
    values["grade"] = assessment.grade.value
    values["strike_status"] = assessment.strike_status
    values["rubric_version"] = assessment.rubric_version
    values["reasons"] = [*assessment.reasons, *values["reasons"], *ranges.reasons]
    values["support"] = {**values["support"], "sources": assessment.independent_sources}
    return {k: values[k] for k in ASSESSED_FIELDS}


@dataclass
class AssessSummary:
    incidents: int = 0
    changed: int = 0


def assess_incidents(
    database: Database, incident_ids: Sequence[int] | None = None, *, changed_by: str = "assessor"
) -> AssessSummary:
    """Assess the named incidents (all active ones by default); store what changed."""
    ids = list(incident_ids) if incident_ids is not None else active_incident_ids(database)
    summary = AssessSummary(incidents=len(ids))
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        claims = incident_claims(database, part)
        declarations = incident_declarations(database, part)
        now = datetime.now(UTC)
        with database.session() as session:
            for incident_id in part:
                if not claims[incident_id]:
                    continue
                values = assess_incident(claims[incident_id], declarations[incident_id])
                incident = session.get(Incident, incident_id)
                assert incident is not None
                changes = {k: v for k, v in values.items() if getattr(incident, k) != v}
                if changes:
                    changes["updated_at"] = now
                    update_versioned(
                        session, incident, changes, changed_by=changed_by, reason="assessed"
                    )
                    summary.changed += 1
    return summary
