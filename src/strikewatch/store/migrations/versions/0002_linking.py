"""linking: models, events, review queue, declarations, embeddings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 01:27:41.641004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "link_models",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column(
            "settings",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("trained_on", sa.Integer(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_models")),
    )
    op.create_table(
        "claim_embeddings",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_embeddings_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_embeddings")),
    )
    op.create_table(
        "declarations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("belligerent", sa.String(length=32), nullable=True),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column(
            "reasons",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("admits_civilian_harm", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_declarations_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incidents.id"], name=op.f("fk_declarations_incident_id_incidents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declarations")),
        sa.UniqueConstraint("claim_id", "incident_id", name=op.f("uq_declarations_claim_id")),
    )
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_declarations_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_declarations_incident_id"), ["incident_id"], unique=False
        )

    op.create_table(
        "link_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("from_incident_id", sa.Integer(), nullable=True),
        sa.Column("to_incident_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("probability", sa.Float(), nullable=True),
        sa.Column(
            "reasons",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_link_events_claim_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["from_incident_id"],
            ["incidents.id"],
            name=op.f("fk_link_events_from_incident_id_incidents"),
        ),
        sa.ForeignKeyConstraint(
            ["to_incident_id"],
            ["incidents.id"],
            name=op.f("fk_link_events_to_incident_id_incidents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_events")),
    )
    with op.batch_alter_table("link_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_link_events_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_link_events_to_incident_id"), ["to_incident_id"], unique=False
        )

    op.create_table(
        "review_queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claim_a_id", sa.Integer(), nullable=False),
        sa.Column("claim_b_id", sa.Integer(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column(
            "reasons",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decided_by", sa.String(length=128), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_a_id"], ["claims.id"], name=op.f("fk_review_queue_claim_a_id_claims")
        ),
        sa.ForeignKeyConstraint(
            ["claim_b_id"], ["claims.id"], name=op.f("fk_review_queue_claim_b_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_queue")),
        sa.UniqueConstraint("claim_a_id", "claim_b_id", name=op.f("uq_review_queue_claim_a_id")),
    )
    with op.batch_alter_table("review_queue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_queue_status"), ["status"], unique=False)

    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("strike_status", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("is_active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.create_index(batch_op.f("ix_incidents_is_active"), ["is_active"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_is_active"))
        batch_op.drop_column("is_active")
        batch_op.drop_column("strike_status")

    with op.batch_alter_table("review_queue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_queue_status"))

    op.drop_table("review_queue")
    with op.batch_alter_table("link_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_link_events_to_incident_id"))
        batch_op.drop_index(batch_op.f("ix_link_events_claim_id"))

    op.drop_table("link_events")
    with op.batch_alter_table("declarations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_declarations_incident_id"))
        batch_op.drop_index(batch_op.f("ix_declarations_claim_id"))

    op.drop_table("declarations")
    op.drop_table("claim_embeddings")
    op.drop_table("link_models")
