"""process(): incremental extraction and linking, versions, and what the exports show."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from strikewatch.config import Settings
from strikewatch.demo import demo_paths
from strikewatch.ingest import ingest_paths
from strikewatch.pipeline import ProcessSummary, pending_count, process
from strikewatch.publish import export_claims
from strikewatch.store.database import Database, open_database
from strikewatch.store.schema import Claim, Report


@pytest.fixture(scope="module")
def processed(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Database, ProcessSummary]]:
    """The demo corpus, ingested and processed once (SQLite)."""
    tmp = tmp_path_factory.mktemp("pipeline")
    database = open_database(
        Settings(database_url=f"sqlite:///{tmp / 'sw.db'}", archive_dir=tmp / "a", batch_size=50)
    )
    try:
        assert ingest_paths(database, demo_paths()).ok
        yield database, process(database)
    finally:
        database.close()


def claims_by_report(database: Database, *, current: bool = True) -> dict[int, list[Claim]]:
    found: dict[int, list[Claim]] = {}
    with database.sessions() as session:
        for claim in session.execute(
            select(Claim).where(Claim.is_current.is_(current)).order_by(Claim.id)
        ).scalars():
            found.setdefault(claim.report_id, []).append(claim)
    return found


def exported(database: Database, **options: Any) -> list[dict[str, Any]]:
    out = io.StringIO()
    count = export_claims(database, "jsonl", out, **options)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == count
    return records


def test_every_report_is_processed_once(processed: tuple[Database, ProcessSummary]) -> None:
    database, first = processed
    with database.sessions() as session:
        reports = session.scalar(
            select(func.count()).select_from(Report).where(Report.is_current.is_(True))
        )
        unprocessed = session.scalar(
            select(func.count())
            .select_from(Report)
            .where(Report.is_current.is_(True), Report.processed_at.is_(None))
        )
    assert first.reports == reports and unprocessed == 0
    assert first.link is not None and first.link.incidents > 0
    again = process(database)
    assert again.reports == 0 and again.claims == 0
    assert again.link is not None and again.link.claims == 0


def test_boilerplate_captures_give_one_claim_without_harm(
    processed: tuple[Database, ProcessSummary],
) -> None:
    database, summary = processed
    chrome = [
        claims
        for claims in claims_by_report(database).values()
        if any(c.details.get("boilerplate") for c in claims)
    ]
    assert len(chrome) == summary.boilerplate > 0
    for claims in chrome:
        assert len(claims) == 1
        assert not claims[0].is_harm_report and claims[0].incident_id is None


def test_private_reports_are_processed_but_never_exported(
    processed: tuple[Database, ProcessSummary],
) -> None:
    database, _ = processed
    with database.sessions() as session:
        private = dict(
            session.execute(
                select(Report.id, Report.external_id).where(Report.visibility == "private")
            ).all()
        )
    assert private
    by_report = claims_by_report(database)
    assert all(by_report.get(report_id) for report_id in private)
    assert any(c.is_harm_report for r in private for c in by_report[r])
    shown = {r["report_id"] for r in exported(database)}
    assert shown and not shown & set(private.values())
    every = {r["report_id"] for r in exported(database, include_private=True)}
    assert set(private.values()) <= every


def test_context_fills_from_the_incident_and_says_so(
    processed: tuple[Database, ProcessSummary],
) -> None:
    database, _ = processed
    own = {r["claim_id"]: r for r in exported(database, context=False)}
    filled = exported(database)
    assert [r["claim_id"] for r in filled] == list(own)
    assert all("inferred_from_incident" not in r for r in own.values())
    inferred = Counter(f for r in filled for f in r.get("inferred_from_incident", []))
    # Some demo reports name no belligerent or give no toll: their incident's are taken.
    assert inferred["belligerents"] > 0 and inferred["civilian_deaths_min"] > 0
    for record in filled:
        mine = own[record["claim_id"]]
        taken = set(record.get("inferred_from_incident", []))
        if taken:
            assert record["incident_id"] is not None and record["is_harm_report"]
        for key, value in record.items():
            if key in taken:
                continue
            assert mine.get(key) == value or key == "inferred_from_incident", key
        # What was filled is what the report did not say (or said only weakly).
        if "event_date" in taken:
            assert mine["event_date"] is None or mine["date_precision"] != "day"
        if "civilian_deaths_min" in taken:
            assert mine["civilian_deaths_min"] is None


def test_reprocess_makes_new_claim_versions_and_keeps_old_ones(
    processed: tuple[Database, ProcessSummary],
) -> None:
    database, first = processed
    before = claims_by_report(database)
    summary = process(database, reprocess=True)
    assert summary.reports == first.reports
    after = claims_by_report(database)
    old = claims_by_report(database, current=False)
    assert set(after) == set(before)
    for report_id, claims in before.items():
        kept = {c.id for c in old[report_id]}
        assert {c.id for c in claims} <= kept  # the earlier claims stay, no longer current
        assert not {c.id for c in after[report_id]} & kept
        assert all(c.version == claims[0].version + 1 for c in after[report_id])


def test_repeated_chrome_is_counted_across_runs(sqlite_database: Database, tmp_path: Path) -> None:
    """A capture seen again in a later import is recognised by the key stored earlier."""
    wall = "Log in to continue | Create an account | Forgot your password? | Help"
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "w1", "text": wall}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": "w2", "text": wall + " 12"}) + "\n", encoding="utf-8")
    ingest_paths(sqlite_database, [first])
    process(sqlite_database)
    ingest_paths(sqlite_database, [second])
    process(sqlite_database)
    with sqlite_database.sessions() as session:
        keys = session.execute(select(Report.text_key)).scalars().all()
        later = session.execute(
            select(Claim).join(Report).where(Report.external_id == "w2")
        ).scalar_one()
    assert len(keys) == 2 and keys[0] == keys[1]  # digits do not make a new text
    assert later.details["boilerplate"] and "2 reports" in later.details["reasons"]["relevance"]


def test_ctrl_c_stops_processing_after_the_chunk_being_stored(
    sqlite_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import signal

    import strikewatch.pipeline
    from strikewatch.store.schema import Incident

    assert ingest_paths(sqlite_database, demo_paths()).ok
    extract = strikewatch.pipeline.claims_for
    sent: list[bool] = []

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        if not sent:  # Ctrl-C while the first report of the chunk is read
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)
        return extract(*args, **kwargs)

    monkeypatch.setattr(strikewatch.pipeline, "claims_for", interrupted)
    with pytest.raises(KeyboardInterrupt):
        process(sqlite_database)
    monkeypatch.undo()
    with sqlite_database.session() as session:
        claims = session.scalar(select(func.count()).select_from(Claim))
        incidents = session.scalar(select(func.count()).select_from(Incident))
    # The chunk's claims are stored; linking, which comes after, did not start.
    assert pending_count(sqlite_database) == 0 and claims and incidents == 0
    summary = process(sqlite_database)  # running it again goes on from there
    assert summary.reports == 0 and summary.link.incidents > 0
