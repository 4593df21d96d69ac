"""Repeat keys of report texts, kept on the reports so repeats are counted by an index."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from sqlalchemy import func, select, update

from strikewatch.store.database import Database
from strikewatch.store.schema import Report


def key_new_reports(database: Database, key: Callable[[str], str], chunk: int = 2000) -> int:
    """Give every current report without a key its key; returns how many were keyed.

    Each report is read once in its life (at its first processing), not at every run.
    """
    keyed = 0
    while True:
        with database.session() as session:
            rows = session.execute(
                select(Report.id, Report.text)
                .where(Report.is_current.is_(True), Report.text_key.is_(None))
                .order_by(Report.id)
                .limit(chunk)
            ).all()
            if rows:  # ORM bulk update by primary key: one executemany for the chunk
                session.execute(
                    update(Report),
                    [{"id": i, "text_key": key(text) if text.strip() else ""} for i, text in rows],
                )
        if not rows:
            return keyed
        keyed += len(rows)


def key_counts(database: Database, keys: Sequence[str]) -> Counter[str]:
    """How many current reports carry each of the given keys."""
    wanted = sorted({k for k in keys if k})
    counts: Counter[str] = Counter()
    with database.sessions() as session:
        for start in range(0, len(wanted), 500):
            rows = session.execute(
                select(Report.text_key, func.count())
                .where(
                    Report.is_current.is_(True),
                    Report.text_key.in_(wanted[start : start + 500]),
                )
                .group_by(Report.text_key)
            )
            for text_key, count in rows:
                counts[str(text_key)] += int(count)
    return counts
