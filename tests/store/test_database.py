"""The store on every backend: migrations, versioned reports, sealed identities."""

from __future__ import annotations

from sqlalchemy import inspect, select

from strikewatch.config import Settings
from strikewatch.model import ReportDraft, ReportKind, Visibility
from strikewatch.store.database import Database, open_database, safe_url
from strikewatch.store.reports import Outcome, PreparedReport, ReportWriter, iter_reports
from strikewatch.store.schema import Evidence, FieldReporter, ImportRun, Report


def draft(external_id: str, text: str, **kw: object) -> ReportDraft:
    return ReportDraft(
        external_id=external_id,
        text=text,
        original=text.encode(),
        position=f"line {external_id}",
        kind=ReportKind.SOCIAL_POST,
        platform="x",
        publisher="@p",
        **kw,
    )  # type: ignore[arg-type]


def writer(database: Database) -> ReportWriter:
    with database.session() as session:
        run = ImportRun(importer="test", importer_version="1", collector="test", path="t")
        session.add(run)
        session.flush()
        run_id = run.id
    return ReportWriter(database, run_id=run_id, file_label="t", file_sha256=None)


def test_migrations_create_every_table_and_rerun_cleanly(
    database: Database, settings: Settings
) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert {
        "sources",
        "reports",
        "evidence",
        "collected_files",
        "import_runs",
        "import_problems",
        "custody_events",
        "field_reporters",
        "claims",
        "incidents",
        "record_versions",
        "link_models",
        "link_events",
        "review_queue",
        "declarations",
        "claim_embeddings",
        "alembic_version",
    } <= tables
    open_database(settings).close()  # migrating an up-to-date store is a no-op


def test_migrations_match_the_models(database: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from strikewatch.store.schema import Base

    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == [], "a model changed without a migration"


def test_edit_chain_within_one_batch_versions_in_order(database: Database) -> None:
    w = writer(database)
    batch = [
        PreparedReport(draft("9", "first"), "en", False),
        PreparedReport(draft("9", "second", edit_of="9"), "en", False),
        PreparedReport(draft("9", "third", edit_of="9"), "en", False),
    ]
    result = w.write(batch)
    assert result.outcomes == [Outcome.STORED, Outcome.NEW_VERSION, Outcome.NEW_VERSION]
    with database.sessions() as session:
        rows = list(session.execute(select(Report).order_by(Report.version)).scalars())
    assert [(r.text, r.version, r.is_current) for r in rows] == [
        ("first", 1, False),
        ("second", 2, False),
        ("third", 3, True),
    ]
    assert rows[1].supersedes_id == rows[0].id and rows[2].supersedes_id == rows[1].id


def test_identical_originals_are_kept_once(database: Database) -> None:
    w = writer(database)
    w.write([PreparedReport(draft("1", "same bytes"), "en", False)])
    other_source = draft("1", "same bytes")
    other_source.publisher = "@other"
    w.write([PreparedReport(other_source, "en", False)])
    with database.sessions() as session:
        assert len(list(session.execute(select(Evidence)).scalars())) == 1
        assert len(list(session.execute(select(Report)).scalars())) == 2


def test_private_reports_are_not_listed_unless_asked(database: Database) -> None:
    w = writer(database)
    w.write(
        [
            PreparedReport(draft("pub", "public"), "en", False),
            PreparedReport(draft("priv", "private", visibility=Visibility.PRIVATE), "en", False),
        ]
    )
    assert [r.external_id for r in iter_reports(database)] == ["pub"]
    assert [r.external_id for r in iter_reports(database, include_private=True)] == ["pub", "priv"]


def test_field_reporter_identity_is_opaque_bytes(database: Database) -> None:
    sealed = bytes(range(256))  # whatever the vault sealed; the server never opens it
    with database.session() as session:
        session.add(FieldReporter(pseudonym="falcon-7", identity_sealed=sealed))
    with database.sessions() as session:
        reporter = session.execute(select(FieldReporter)).scalar_one()
    assert reporter.identity_sealed == sealed and reporter.pseudonym == "falcon-7"


def test_passwords_are_masked_in_messages() -> None:
    assert safe_url("postgresql://sw:secret@db/x") == "postgresql://sw:***@db/x"
    assert safe_url("sqlite:///a.db") == "sqlite:///a.db"
