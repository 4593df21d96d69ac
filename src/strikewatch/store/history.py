"""Versioned records: a change to a claim or incident first snapshots what it replaces.

Analysts' corrections (and re-runs of the pipeline) therefore never overwrite history:
``history()`` returns every earlier state with who changed it, when and why.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from strikewatch.store.database import Database
from strikewatch.store.schema import Base, RecordVersion

ENTITIES = {"claims": "claim", "incidents": "incident"}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(record: Base) -> dict[str, Any]:
    """The record's column values as JSON-ready data."""
    mapper = inspect(record).mapper
    return {c.key: _plain(getattr(record, c.key)) for c in mapper.column_attrs}


def update_versioned(
    session: Session,
    record: Any,
    changes: dict[str, Any],
    *,
    changed_by: str,
    reason: str | None = None,
) -> None:
    """Apply ``changes`` to a versioned record, keeping its previous state in history."""
    entity = ENTITIES[record.__tablename__]
    session.add(
        RecordVersion(
            entity=entity,
            entity_id=record.id,
            version=record.version,
            data=snapshot(record),
            changed_by=changed_by,
            reason=reason,
        )
    )
    for key, value in changes.items():
        if not hasattr(record, key) or key in {"id", "version"}:
            raise ValueError(f"{entity} has no changeable field {key!r}")
        setattr(record, key, value)
    record.version += 1


def history(database: Database, entity: str, entity_id: int) -> list[RecordVersion]:
    """Every earlier version of one record, oldest first."""
    with database.sessions() as session:
        return list(
            session.execute(
                select(RecordVersion)
                .where(RecordVersion.entity == entity, RecordVersion.entity_id == entity_id)
                .order_by(RecordVersion.version)
            ).scalars()
        )
