"""The claims behind each incident, with what assessment needs of their reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Declaration, Incident, Report


@dataclass(frozen=True)
class ClaimEvidence:
    """One claim of an incident and the report it came from."""

    claim_id: int
    report_id: int
    external_id: str
    publisher: str | None
    platform: str | None
    kind: str
    visibility: str
    url: str | None
    published_at: str | None
    report_extra: dict[str, Any]
    text: str
    span: tuple[int | None, int | None]
    event_date: date | None
    date_precision: str
    place: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str
    belligerents: list[str]
    strike_type: list[str]
    civilian_deaths: tuple[int | None, int | None]
    civilian_injuries: tuple[int | None, int | None]
    details: dict[str, Any]


PRIVATE_LABEL = "a private report"


def public_name(claim: ClaimEvidence) -> str:
    """How reasons may name a claim's report: its id, or nothing that identifies it."""
    return claim.external_id if claim.visibility == "public" else PRIVATE_LABEL


def public_publisher(claim: ClaimEvidence) -> str:
    """How reasons may name a claim's source: its publisher, never a field reporter's."""
    if claim.visibility != "public":
        return PRIVATE_LABEL
    return claim.publisher or f"{claim.platform or claim.kind}:{claim.external_id}"


@dataclass(frozen=True)
class DeclarationEvidence:
    claim_id: int
    belligerent: str | None
    probability: float
    admits_civilian_harm: bool
    reasons: list[str]


def active_incident_ids(database: Database) -> list[int]:
    with database.sessions() as session:
        return list(
            session.execute(
                select(Incident.id).where(Incident.is_active.is_(True)).order_by(Incident.id)
            ).scalars()
        )


def incident_claims(
    database: Database, incident_ids: Sequence[int]
) -> dict[int, list[ClaimEvidence]]:
    """Current claims of current reports for each incident, in report order."""
    found: dict[int, list[ClaimEvidence]] = {i: [] for i in incident_ids}
    with database.sessions() as session:
        for start in range(0, len(incident_ids), 500):
            part = list(incident_ids[start : start + 500])
            rows = session.execute(
                select(Claim, Report)
                .join(Report, Claim.report_id == Report.id)
                .where(
                    Claim.incident_id.in_(part),
                    Claim.is_current.is_(True),
                    Report.is_current.is_(True),
                )
                .order_by(Report.id, Claim.ordinal)
            )
            for claim, report in rows:
                assert claim.incident_id is not None
                found[claim.incident_id].append(
                    ClaimEvidence(
                        claim_id=claim.id,
                        report_id=report.id,
                        external_id=report.external_id,
                        publisher=report.publisher,
                        platform=report.platform,
                        kind=report.kind,
                        visibility=report.visibility,
                        url=report.url,
                        published_at=report.published_at,
                        report_extra=dict(report.extra or {}),
                        text=report.text,
                        span=(claim.span_start, claim.span_end),
                        event_date=claim.event_date,
                        date_precision=claim.date_precision,
                        place=claim.place,
                        latitude=claim.latitude,
                        longitude=claim.longitude,
                        geo_precision=claim.geo_precision,
                        belligerents=list(claim.belligerents or []),
                        strike_type=list(claim.strike_type or []),
                        civilian_deaths=(claim.civilian_deaths_min, claim.civilian_deaths_max),
                        civilian_injuries=(
                            claim.civilian_injuries_min,
                            claim.civilian_injuries_max,
                        ),
                        details=dict(claim.details or {}),
                    )
                )
    return found


def incident_declarations(
    database: Database, incident_ids: Sequence[int]
) -> dict[int, list[DeclarationEvidence]]:
    """Declared strikes matched to each incident."""
    found: dict[int, list[DeclarationEvidence]] = {i: [] for i in incident_ids}
    with database.sessions() as session:
        for start in range(0, len(incident_ids), 500):
            part = list(incident_ids[start : start + 500])
            for row in session.execute(
                select(Declaration).where(Declaration.incident_id.in_(part))
            ).scalars():
                found[row.incident_id].append(
                    DeclarationEvidence(
                        row.claim_id,
                        row.belligerent,
                        row.probability,
                        row.admits_civilian_harm,
                        list(row.reasons or []),
                    )
                )
    return found
