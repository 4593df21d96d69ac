"""Declared strikes: who speaks, what an admission is, and confirmed incidents in the demo."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from strikewatch.link.declared import admits_harm, declarer
from strikewatch.store.database import Database
from strikewatch.store.links import StoredClaim
from strikewatch.store.schema import Declaration, Incident


def statement(publisher: str | None, who: list[str], deaths: int | None = 2) -> StoredClaim:
    values: dict[str, Any] = {
        "id": 1,
        "report_id": 1,
        "incident_id": None,
        "event_date": date(2023, 5, 1),
        "date_precision": "day",
        "place": None,
        "latitude": None,
        "longitude": None,
        "geo_precision": "admin1",
        "belligerents": who,
        "strike_type": [],
        "civilian_deaths_min": deaths,
        "civilian_deaths_max": deaths,
        "civilian_injuries_min": None,
        "civilian_injuries_max": None,
        "details": {"admin1": "Aleppo"},
        "kind": "military_statement",
        "publisher": publisher,
        "is_harm_report": True,
    }
    return StoredClaim(**values)


def test_the_publisher_names_who_speaks() -> None:
    assert declarer(statement("Invented Turkish Ministry of Defence", ["sdf"])) == ["turkey"]
    assert declarer(statement(None, ["russia"])) == ["russia"]


def test_admission_needs_a_cue_a_figure_and_no_denial() -> None:
    claim = statement("Invented Coalition Press Desk", ["us-led-coalition"])
    assert admits_harm(claim, "We regret that the strike unintentionally killed two civilians.")
    assert not admits_harm(claim, "The strike killed two civilians, local sources said.")
    assert not admits_harm(
        claim, "The ministry denied that civilians were hit; we regret any loss of life."
    )
    assert not admits_harm(statement("Press", ["turkey"], deaths=None), "We regret it.")
    assert admits_harm(claim, "نأسف لسقوط ضحايا مدنيين عن طريق الخطأ")
    assert not admits_harm(claim, "نفت الوزارة استهداف المدنيين، وقالت إن الضحايا سقطوا بقذائف")


def test_only_the_admitted_strike_is_confirmed_in_the_demo(demo_database: Database) -> None:
    with demo_database.sessions() as session:
        admitted = (
            session.execute(
                select(Declaration.incident_id).where(Declaration.admits_civilian_harm.is_(True))
            )
            .scalars()
            .all()
        )
        confirmed = (
            session.execute(
                select(Incident.id).where(
                    Incident.grade == "confirmed", Incident.is_active.is_(True)
                )
            )
            .scalars()
            .all()
        )
        declared = session.execute(select(Declaration)).scalars().all()
    assert len(admitted) == 1 and sorted(confirmed) == sorted(admitted)
    assert len({d.claim_id for d in declared}) >= 12
    assert all(d.belligerent in {"turkey", "us-led-coalition", "russia"} for d in declared)
