"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24 23:45:57.501578
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "collected_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("archive_path", sa.String(length=256), nullable=False),
        sa.Column("first_seen_as", sa.Text(), nullable=False),
        sa.Column("collected_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_collected_files")),
    )
    op.create_table(
        "evidence",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=128), nullable=False),
        sa.Column("exact", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_evidence")),
    )
    op.create_table(
        "field_reporters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pseudonym", sa.String(length=64), nullable=False),
        sa.Column("identity_sealed", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_reporters")),
        sa.UniqueConstraint("pseudonym", name=op.f("uq_field_reporters_pseudonym")),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=256), nullable=True),
        sa.Column("place_ar", sa.String(length=256), nullable=True),
        sa.Column("admin1", sa.String(length=128), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.String(length=16), nullable=False),
        sa.Column(
            "belligerents",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("attribution", sa.String(length=16), nullable=True),
        sa.Column(
            "strike_type",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("grade", sa.String(length=16), nullable=True),
        sa.Column("rubric_version", sa.String(length=32), nullable=True),
        sa.Column("civilian_deaths_min", sa.Integer(), nullable=True),
        sa.Column("civilian_deaths_max", sa.Integer(), nullable=True),
        sa.Column("civilian_injuries_min", sa.Integer(), nullable=True),
        sa.Column("civilian_injuries_max", sa.Integer(), nullable=True),
        sa.Column("children_killed_min", sa.Integer(), nullable=True),
        sa.Column("children_killed_max", sa.Integer(), nullable=True),
        sa.Column("women_killed_min", sa.Integer(), nullable=True),
        sa.Column("women_killed_max", sa.Integer(), nullable=True),
        sa.Column(
            "reasons",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
        sa.UniqueConstraint("public_id", name=op.f("uq_incidents_public_id")),
    )
    op.create_table(
        "record_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("changed_by", sa.String(length=128), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_versions")),
    )
    with op.batch_alter_table("record_versions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_record_versions_entity", ["entity", "entity_id", "version"], unique=False
        )

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=64), nullable=False),
        sa.Column("publisher", sa.String(length=512), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("platform", "publisher", name=op.f("uq_sources_platform")),
    )
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("importer", sa.String(length=64), nullable=False),
        sa.Column("importer_version", sa.String(length=32), nullable=False),
        sa.Column("collector", sa.String(length=128), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("stored", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("new_versions", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["file_sha256"],
            ["collected_files.sha256"],
            name=op.f("fk_import_runs_file_sha256_collected_files"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_runs")),
    )
    op.create_table(
        "import_problems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("position", sa.String(length=256), nullable=False),
        sa.Column("field", sa.String(length=128), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["import_runs.id"], name=op.f("fk_import_problems_run_id_import_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_problems")),
    )
    with op.batch_alter_table("import_problems", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_import_problems_run_id"), ["run_id"], unique=False)

    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=512), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("platform", sa.String(length=64), nullable=True),
        sa.Column("publisher", sa.String(length=512), nullable=True),
        sa.Column("published_at", sa.String(length=64), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("language_detected", sa.Boolean(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "extra",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("field_reporter_id", sa.Integer(), nullable=True),
        sa.Column("import_run_id", sa.Integer(), nullable=True),
        sa.Column("origin_file_sha256", sa.String(length=64), nullable=True),
        sa.Column("origin_position", sa.String(length=256), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["evidence_sha256"],
            ["evidence.sha256"],
            name=op.f("fk_reports_evidence_sha256_evidence"),
        ),
        sa.ForeignKeyConstraint(
            ["field_reporter_id"],
            ["field_reporters.id"],
            name=op.f("fk_reports_field_reporter_id_field_reporters"),
        ),
        sa.ForeignKeyConstraint(
            ["import_run_id"], ["import_runs.id"], name=op.f("fk_reports_import_run_id_import_runs")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_reports_source_id_sources")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["reports.id"], name=op.f("fk_reports_supersedes_id_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
        sa.UniqueConstraint(
            "source_id", "external_id", "version", name=op.f("uq_reports_source_id")
        ),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reports_current", ["source_id", "external_id", "is_current"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_reports_processed_at"), ["processed_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_reports_visibility"), ["visibility"], unique=False)

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("is_harm_report", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=256), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.String(length=16), nullable=False),
        sa.Column(
            "belligerents",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "strike_type",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("civilian_deaths_min", sa.Integer(), nullable=True),
        sa.Column("civilian_deaths_max", sa.Integer(), nullable=True),
        sa.Column("civilian_injuries_min", sa.Integer(), nullable=True),
        sa.Column("civilian_injuries_max", sa.Integer(), nullable=True),
        sa.Column(
            "details",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_claims_incident_id_incidents")
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_claims_report_id_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("report_id", "ordinal", "version", name=op.f("uq_claims_report_id")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_report_id"), ["report_id"], unique=False)

    op.create_table(
        "custody_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=128), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("import_run_id", sa.Integer(), nullable=True),
        sa.Column(
            "details",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["import_run_id"],
            ["import_runs.id"],
            name=op.f("fk_custody_events_import_run_id_import_runs"),
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_custody_events_report_id_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_events")),
    )
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_custody_events_report_id"), ["report_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("custody_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custody_events_report_id"))

    op.drop_table("custody_events")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_report_id"))
        batch_op.drop_index(batch_op.f("ix_claims_incident_id"))

    op.drop_table("claims")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_visibility"))
        batch_op.drop_index(batch_op.f("ix_reports_processed_at"))
        batch_op.drop_index("ix_reports_current")

    op.drop_table("reports")
    with op.batch_alter_table("import_problems", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_problems_run_id"))

    op.drop_table("import_problems")
    op.drop_table("import_runs")
    op.drop_table("sources")
    with op.batch_alter_table("record_versions", schema=None) as batch_op:
        batch_op.drop_index("ix_record_versions_entity")

    op.drop_table("record_versions")
    op.drop_table("incidents")
    op.drop_table("field_reporters")
    op.drop_table("evidence")
    op.drop_table("collected_files")
