"""Incidents with the reports linked to them, read a chunk at a time."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from strikewatch.model import Visibility
from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Incident, Report


def iter_incidents(
    database: Database, *, include_private: bool = False, chunk: int = 1000
) -> Iterator[tuple[Incident, list[str]]]:
    """Each incident with the external ids of its reports (public reports only by default).

    An incident known only from private reports is not public: it is left out unless
    ``include_private``.
    """
    last_id = 0
    while True:
        with database.sessions() as session:
            incidents = list(
                session.execute(
                    select(Incident).where(Incident.id > last_id).order_by(Incident.id).limit(chunk)
                ).scalars()
            )
            if not incidents:
                return
            stmt = (
                select(Claim.incident_id, Report.external_id)
                .join(Report, Claim.report_id == Report.id)
                .where(
                    Claim.incident_id.in_([i.id for i in incidents]),
                    Claim.is_current.is_(True),
                    Report.is_current.is_(True),
                )
                .order_by(Report.id)
            )
            if not include_private:
                stmt = stmt.where(Report.visibility == str(Visibility.PUBLIC))
            reports: dict[int, list[str]] = {}
            for incident_id, external_id in session.execute(stmt):
                if incident_id is None:
                    continue
                ids = reports.setdefault(incident_id, [])
                if external_id not in ids:
                    ids.append(external_id)
        for incident in incidents:
            if incident.id in reports:
                yield incident, reports[incident.id]
        last_id = incidents[-1].id
