"""Capture histories from linked incidents, and the estimate command over them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from strikewatch.assess import capture_histories, incident_memberships
from strikewatch.cli import app
from strikewatch.store.database import Database


def test_memberships_name_public_sources_of_each_incident(demo_database: Database) -> None:
    memberships = incident_memberships(demo_database)
    assert len(memberships) >= 30
    everyone = {p for members in memberships.values() for p in members}
    assert not any(p.startswith("field-reporter") for p in everyone)  # private: never a list
    histories = capture_histories(memberships, top=3)
    assert len(histories.lists) == 3
    on_some = sum(1 for members in memberships.values() if members & set(histories.lists))
    assert histories.observed == on_some == sum(histories.counts.values())


def test_estimate_command_prints_intervals_and_caveats(
    demo_database: Database, tmp_path: Path
) -> None:
    url = demo_database.settings.database_url
    result = CliRunner().invoke(app, ["--db", url, "estimate", "--method", "loglinear"])
    assert result.exit_code == 0, result.output
    assert "loglinear: about" in result.output and "95% interval" in result.output
    assert "assumes: Closed population" in result.output
    unknown = CliRunner().invoke(app, ["--db", url, "estimate", "--lists", "nobody,none"])
    assert unknown.exit_code != 0
