"""Place names the extractor met but the gazetteer does not know, for analysts to add."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from strikewatch.store.database import Database
from strikewatch.store.schema import Claim, Report


def unresolved_places(database: Database, *, include_private: bool = False) -> Counter[str]:
    """How many current claims mention each unresolved place name."""
    counts: Counter[str] = Counter()
    stmt = (
        select(Claim.details)
        .join(Report, Claim.report_id == Report.id)
        .where(Claim.is_current.is_(True), Report.is_current.is_(True))
    )
    if not include_private:
        stmt = stmt.where(Report.visibility == "public")
    with database.sessions() as session:
        for details in session.execute(stmt).scalars():
            for name in set((details or {}).get("unresolved_places") or []):
                counts[name] += 1
    return counts
