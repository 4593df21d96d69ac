"""verify recomputes every figure and hash; explain shows the reports behind a number."""

from __future__ import annotations

import hashlib

from sqlalchemy import select, update

from strikewatch.assess import assess_incidents, explain, verify
from strikewatch.store.database import Database
from strikewatch.store.history import history
from strikewatch.store.schema import Evidence, Incident


def test_verify_passes_then_names_each_tampering(demo_database: Database) -> None:
    sqlite_database = demo_database
    clean = verify(sqlite_database)
    assert clean.ok and clean.incidents >= 30 and clean.evidence >= 250, clean.mismatches[:3]
    with sqlite_database.session() as session:
        incident = session.execute(select(Incident).where(Incident.grade == "fair")).scalar()
        assert incident is not None
        public_id = incident.public_id
        incident.civilian_deaths_max = (incident.civilian_deaths_max or 0) + 100
        sha = session.execute(select(Evidence.sha256)).scalars().first()
        session.execute(update(Evidence).where(Evidence.sha256 == sha).values(data=b"altered"))
    report = verify(sqlite_database)
    assert not report.ok
    assert any(m.startswith(f"{public_id}: civilian_deaths_max stored") for m in report.mismatches)
    assert any(sha in m and "no longer match" in m for m in report.mismatches)
    assert any(m.startswith("tally") for m in report.mismatches)
    assert hashlib.sha256(b"altered").hexdigest() != sha


def test_reassessing_keeps_history_and_explain_cites_reports(demo_database: Database) -> None:
    sqlite_database = demo_database
    with sqlite_database.session() as session:
        incident = session.execute(select(Incident).where(Incident.grade.is_not(None))).scalar()
        assert incident is not None
        incident_id, public_id, grade = incident.id, incident.public_id, incident.grade
        incident.grade = "discounted" if grade != "discounted" else "weak"
    summary = assess_incidents(sqlite_database)
    assert summary.changed == 1
    with sqlite_database.sessions() as session:
        assert session.get(Incident, incident_id).grade == grade  # type: ignore[union-attr]
    snapshots = history(sqlite_database, "incident", incident_id)
    assert snapshots and snapshots[-1].reason == "assessed"
    lines = explain(sqlite_database, public_id)
    assert lines[0].startswith(f"{public_id}: {grade}")
    assert any(line.startswith("  - ") and "deaths" in line for line in lines)
    assert not any("field-reporter" in line for line in lines)
