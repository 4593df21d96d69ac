"""Places analysts added to the gazetteer, kept in the database so a team shares them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from strikewatch.store.database import Database
from strikewatch.store.schema import UserPlace

PLACE_FIELDS = (
    "name",
    "name_ar",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "precision",
    "country",
    "alternate_names",
)


def add_user_places(database: Database, rows: Sequence[dict[str, Any]], added_by: str) -> int:
    """Store places (same name, governorate and country: kept once); returns how many new."""
    with database.session() as session:
        before = set(session.execute(select(UserPlace.id)).scalars())
        session.execute(
            database.dialect.insert_ignoring_duplicates(UserPlace),
            [{**{k: row.get(k) for k in PLACE_FIELDS}, "added_by": added_by} for row in rows],
        )
        after = set(session.execute(select(UserPlace.id)).scalars())
    return len(after - before)


def user_places(database: Database) -> list[dict[str, Any]]:
    """Every user-added place as a dict of PLACE_FIELDS."""
    with database.sessions() as session:
        rows = session.execute(select(UserPlace).order_by(UserPlace.id)).scalars()
        return [{k: getattr(r, k) for k in PLACE_FIELDS} for r in rows]
