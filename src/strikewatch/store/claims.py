"""Claims: stored per report version; re-extraction adds versions, never overwrites."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict
from datetime import UTC, date, datetime

from sqlalchemy import func, select, update

from strikewatch.model import ClaimDraft, Visibility
from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Incident, Report


def count_pending(database: Database, *, reprocess: bool = False) -> int:
    """How many current reports ``pending_reports`` would yield."""
    stmt = select(func.count()).select_from(Report).where(Report.is_current.is_(True))
    if not reprocess:
        stmt = stmt.where(Report.processed_at.is_(None))
    with database.sessions() as session:
        return int(session.scalar(stmt) or 0)


def pending_reports(
    database: Database, *, chunk: int = 500, reprocess: bool = False
) -> Iterator[list[Report]]:
    """Current reports not yet processed (all of them with ``reprocess``), a chunk at a time."""
    last_id = 0
    while True:
        with database.sessions() as session:
            stmt = (
                select(Report)
                .where(Report.id > last_id, Report.is_current.is_(True))
                .order_by(Report.id)
                .limit(chunk)
            )
            if not reprocess:
                stmt = stmt.where(Report.processed_at.is_(None))
            rows = list(session.execute(stmt).scalars())
        if not rows:
            return
        yield rows
        last_id = rows[-1].id


def save_claims(
    database: Database, extracted: Sequence[tuple[int, list[ClaimDraft]]], extractor_version: str
) -> int:
    """Store each report's claims and mark it processed; returns claims written.

    A report processed again (a new extractor) keeps its earlier claims as old versions.
    """
    written = 0
    now = datetime.now(UTC)
    with database.session() as session:
        report_ids = [report_id for report_id, _ in extracted]
        previous: dict[tuple[int, int], int] = {}
        for report_id, ordinal, version in session.execute(
            select(Claim.report_id, Claim.ordinal, Claim.version).where(
                Claim.report_id.in_(report_ids), Claim.is_current.is_(True)
            )
        ):
            previous[(report_id, ordinal)] = version
        if previous:
            session.execute(
                update(Claim)
                .where(Claim.report_id.in_(report_ids), Claim.is_current.is_(True))
                .values(is_current=False)
            )
        rows = []
        for report_id, claims in extracted:
            for claim in claims:
                values = asdict(claim)
                values["event_date"] = (
                    date.fromisoformat(claim.event_date) if claim.event_date else None
                )
                values["date_precision"] = str(claim.date_precision)
                values["geo_precision"] = str(claim.geo_precision)
                version = previous.get((report_id, claim.ordinal), 0) + 1
                rows.append(
                    {
                        **values,
                        "report_id": report_id,
                        "version": version,
                        "is_current": True,
                        "extractor_version": extractor_version,
                        "created_at": now,
                    }
                )
        if rows:
            session.execute(Claim.__table__.insert(), rows)  # type: ignore[attr-defined]
            written = len(rows)
        session.execute(update(Report).where(Report.id.in_(report_ids)).values(processed_at=now))
    return written


def iter_claims(
    database: Database, *, include_private: bool = False, chunk: int = 2000
) -> Iterator[tuple[Claim, Report, Incident | None]]:
    """Current claims of current reports with their incident (if linked), in report order."""
    last = (0, -1)
    while True:
        with database.sessions() as session:
            stmt = (
                select(Claim, Report, Incident)
                .join(Report, Claim.report_id == Report.id)
                .join(Incident, Claim.incident_id == Incident.id, isouter=True)
                .where(Claim.is_current.is_(True), Report.is_current.is_(True))
                .where(
                    (Claim.report_id > last[0])
                    | ((Claim.report_id == last[0]) & (Claim.ordinal > last[1]))
                )
                .order_by(Claim.report_id, Claim.ordinal)
                .limit(chunk)
            )
            if not include_private:
                stmt = stmt.where(Report.visibility == str(Visibility.PUBLIC))
            rows = [(c, r, incident) for c, r, incident in session.execute(stmt)]
        if not rows:
            return
        yield from rows
        last = (rows[-1][0].report_id, rows[-1][0].ordinal)
