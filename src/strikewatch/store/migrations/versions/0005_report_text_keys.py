"""report text keys

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 03:31:01.593825
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_key", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_reports_text_key"), ["text_key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_text_key"))
        batch_op.drop_column("text_key")
