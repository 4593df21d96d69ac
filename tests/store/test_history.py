"""Corrections never overwrite history."""

from __future__ import annotations

from datetime import date

import pytest

from strikewatch.store.database import Database
from strikewatch.store.history import history, update_versioned
from strikewatch.store.schema import Incident


def test_corrections_keep_every_earlier_state(database: Database) -> None:
    with database.session() as session:
        incident = Incident(
            public_id="SW-0001",
            date=date(2023, 6, 11),
            civilian_deaths_min=3,
            civilian_deaths_max=5,
        )
        session.add(incident)
        session.flush()
        incident_id = incident.id
    with database.session() as session:
        incident = session.get_one(Incident, incident_id)
        update_versioned(
            session,
            incident,
            {"civilian_deaths_max": 7},
            changed_by="analyst:rana",
            reason="hospital list names 7",
        )
    with database.session() as session:
        incident = session.get_one(Incident, incident_id)
        update_versioned(
            session,
            incident,
            {"date": date(2023, 6, 10)},
            changed_by="analyst:omar",
            reason="strike was before midnight",
        )
    with database.sessions() as session:
        current = session.get_one(Incident, incident_id)
    assert (current.version, current.civilian_deaths_max, current.date) == (3, 7, date(2023, 6, 10))
    versions = history(database, "incident", incident_id)
    assert [
        (v.version, v.data["civilian_deaths_max"], v.data["date"], v.changed_by) for v in versions
    ] == [(1, 5, "2023-06-11", "analyst:rana"), (2, 7, "2023-06-11", "analyst:omar")]


def test_unknown_field_is_refused(database: Database) -> None:
    with database.session() as session:
        incident = Incident(public_id="SW-0002")
        session.add(incident)
        session.flush()
        with pytest.raises(ValueError, match="no changeable field 'deaths'"):
            update_versioned(session, incident, {"deaths": 3}, changed_by="x")
