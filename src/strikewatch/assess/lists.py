"""Capture histories from the store: which organisations' reports documented each incident.

Each source (a publisher on a platform) is a list; each incident is a record; a record
is on a list when a report of that source was linked to it. Multiple systems estimation
then estimates how many incidents of the same kind no chosen list documented.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from strikewatch.assess.estimate import CaptureHistories
from strikewatch.model import Visibility
from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Incident, Report


def incident_memberships(
    database: Database, *, since: date | None = None, until: date | None = None
) -> dict[int, set[str]]:
    """For each active incident in the period, the publishers whose public reports it has."""
    stmt = (
        select(Incident.id, Report.publisher)
        .join(Claim, Claim.incident_id == Incident.id)
        .join(Report, Claim.report_id == Report.id)
        .where(
            Incident.is_active.is_(True),
            Claim.is_current.is_(True),
            Report.is_current.is_(True),
            Report.visibility == str(Visibility.PUBLIC),
            Report.publisher.is_not(None),
        )
    )
    if since is not None:
        stmt = stmt.where(Incident.date >= since)
    if until is not None:
        stmt = stmt.where(Incident.date <= until)
    found: dict[int, set[str]] = {}
    with database.sessions() as session:
        for incident_id, publisher in session.execute(stmt):
            found.setdefault(incident_id, set()).add(str(publisher))
    return found


def capture_histories(
    memberships: dict[int, set[str]], lists: Sequence[str] | None = None, top: int = 4
) -> CaptureHistories:
    """The histories over the named lists, or over the ``top`` sources with most records."""
    if not lists:
        counts = Counter(p for members in memberships.values() for p in members)
        lists = [name for name, _ in counts.most_common(top)]
    chosen = set(lists)
    records = [members & chosen for members in memberships.values() if members & chosen]
    return CaptureHistories.from_memberships(list(lists), records)
