"""Provenance: recompute every derived figure and re-check every hash; explain a number.

``verify`` is what a sceptical reader would do by hand: take the stored claims, apply the
rubric again, and compare with what is published; hash every original again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from strikewatch.assess.grade import ASSESSED_FIELDS, assess_incident
from strikewatch.assess.tally import LIKELY, TallyIncident, tally_incidents
from strikewatch.errors import IntegrityError, StrikewatchError
from strikewatch.store.archive import EvidenceArchive
from strikewatch.store.database import Database
from strikewatch.store.incident_claims import (
    active_incident_ids,
    incident_claims,
    incident_declarations,
)
from strikewatch.store.schema import CollectedFile, Evidence, Incident

Progress = Callable[[int], None]


@dataclass
class VerifyReport:
    incidents: int = 0
    evidence: int = 0
    files: int = 0
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def _tally_row(incident: Incident, values: dict[str, Any]) -> TallyIncident:
    return TallyIncident(
        incident.public_id,
        values["date"],
        values["belligerents"],
        values["admin1"],
        values["grade"],
        (values["civilian_deaths_min"], values["civilian_deaths_max"]),
        (values["civilian_injuries_min"], values["civilian_injuries_max"]),
    )


def _verify_incidents(database: Database, report: VerifyReport) -> None:
    ids = active_incident_ids(database)
    stored_rows: list[TallyIncident] = []
    recomputed_rows: list[TallyIncident] = []
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        claims = incident_claims(database, part)
        declarations = incident_declarations(database, part)
        with database.sessions() as session:
            for incident_id in part:
                incident = session.get(Incident, incident_id)
                assert incident is not None
                report.incidents += 1
                if not claims[incident_id]:
                    report.mismatches.append(f"{incident.public_id}: active but has no claims")
                    continue
                values = assess_incident(claims[incident_id], declarations[incident_id])
                stored = {k: getattr(incident, k) for k in ASSESSED_FIELDS}
                for key in ASSESSED_FIELDS:
                    if stored[key] != values[key]:
                        report.mismatches.append(
                            f"{incident.public_id}: {key} stored {stored[key]!r}, "
                            f"recomputed {values[key]!r}"
                        )
                stored_rows.append(_tally_row(incident, stored))
                recomputed_rows.append(_tally_row(incident, values))
    for grades in (LIKELY, ()):
        mine = tally_incidents(stored_rows, by=(), grades=grades).total
        theirs = tally_incidents(recomputed_rows, by=(), grades=grades).total
        if (mine.civilian_deaths_min, mine.civilian_deaths_max) != (
            theirs.civilian_deaths_min,
            theirs.civilian_deaths_max,
        ):
            label = "+".join(grades) or "all grades"
            report.mismatches.append(f"tally ({label}): stored and recomputed totals differ")


def _verify_evidence(database: Database, report: VerifyReport) -> None:
    archive = EvidenceArchive(database.settings.archive_dir)
    with database.sessions() as session:
        rows = session.execute(
            select(Evidence.sha256, Evidence.data).execution_options(yield_per=500)
        )
        for sha, data in rows:
            report.evidence += 1
            if hashlib.sha256(data).hexdigest() != sha:
                report.mismatches.append(f"evidence {sha}: stored bytes no longer match the hash")
        for (sha,) in session.execute(select(CollectedFile.sha256)):
            report.files += 1
            try:
                archive.verify(sha)
            except IntegrityError as exc:
                report.mismatches.append(str(exc))


def verify(database: Database) -> VerifyReport:
    """Recompute every incident's figures and grade and every hash; list any mismatch."""
    report = VerifyReport()
    _verify_incidents(database, report)
    _verify_evidence(database, report)
    return report


def explain(database: Database, public_id: str) -> list[str]:
    """Each figure of one incident with the reports behind it, as lines of text."""
    with database.sessions() as session:
        incident = session.execute(select(Incident).where(Incident.public_id == public_id)).scalar()
    if incident is None:
        raise StrikewatchError(f"no incident {public_id!r}")
    claims = incident_claims(database, [incident.id])[incident.id]
    declarations = incident_declarations(database, [incident.id])[incident.id]
    lines = [
        f"{incident.public_id}: {incident.grade or 'not graded'} "
        f"(rubric {incident.rubric_version}), {incident.strike_status or ''}",
        f"date {incident.date} ({incident.date_precision}); place {incident.place} "
        f"({incident.geo_precision}), {incident.admin1}",
        f"belligerents {', '.join(incident.belligerents or []) or 'none named'} "
        f"({incident.attribution or 'n/a'})",
        f"civilian deaths {incident.civilian_deaths_min}–{incident.civilian_deaths_max}; "
        f"injuries {incident.civilian_injuries_min}–{incident.civilian_injuries_max}",
        "reasons:",
        *[f"  - {r}" for r in incident.reasons or []],
        f"reports ({len(claims)}):",
    ]
    for claim in claims:
        if claim.visibility != "public":
            lines.append(f"  - a private report (claim {claim.claim_id}): details withheld")
            continue
        low, high = claim.civilian_deaths
        lines.append(
            f"  - {claim.external_id} [{claim.kind}, {claim.publisher or 'no publisher'}] "
            f"date {claim.event_date} ({claim.date_precision}), place {claim.place}, "
            f"belligerents {', '.join(claim.belligerents) or '-'}, deaths {low}–{high}"
            + (f", {claim.url}" if claim.url else "")
        )
    for declaration in declarations:
        lines.append(
            f"  - declared by {declaration.belligerent} (claim {declaration.claim_id}, "
            f"p={declaration.probability:.2f}): {'; '.join(declaration.reasons)}"
        )
    return lines
