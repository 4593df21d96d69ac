"""Sources with their report counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from strikewatch.model import Visibility
from strikewatch.store.database import Database
from strikewatch.store.schema import Report, Source


@dataclass(frozen=True)
class SourceCount:
    platform: str
    publisher: str
    reports: int
    versions: int
    private: int
    first_ingested: datetime | None
    last_ingested: datetime | None


def count_sources(database: Database) -> list[SourceCount]:
    """Every source with its current reports, edit versions and private reports."""
    stmt = (
        select(
            Source.platform,
            Source.publisher,
            func.count(Report.id).filter(Report.is_current.is_(True)),
            func.count(Report.id),
            func.count(Report.id).filter(
                Report.visibility == str(Visibility.PRIVATE), Report.is_current.is_(True)
            ),
            func.min(Report.ingested_at),
            func.max(Report.ingested_at),
        )
        .join(Report, Report.source_id == Source.id, isouter=True)
        .group_by(Source.id, Source.platform, Source.publisher)
        .order_by(func.count(Report.id).desc(), Source.platform, Source.publisher)
    )
    with database.sessions() as session:
        return [
            SourceCount(p, pub, n, total, priv, first, last)
            for p, pub, n, total, priv, first, last in session.execute(stmt)
        ]
