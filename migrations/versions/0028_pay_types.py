"""pay types of a contract version: by the hour, a monthly salary, by the hour plus a
bonus per shift and/or per period

Revision ID: 0028
Revises: 0025
Create Date: 2026-12-03 12:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028"
down_revision: str | Sequence[str] | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AMOUNTS = ("monthly_salary", "shift_bonus", "period_bonus")


def upgrade() -> None:
    with op.batch_alter_table("contract_terms") as batch_op:
        batch_op.add_column(
            sa.Column("pay_type", sa.String(length=16), nullable=False, server_default="hourly")
        )
        for column in AMOUNTS:
            batch_op.add_column(
                sa.Column(column, sa.Numeric(precision=12, scale=2), nullable=True)
            )


def downgrade() -> None:
    with op.batch_alter_table("contract_terms") as batch_op:
        for column in reversed(AMOUNTS):
            batch_op.drop_column(column)
        batch_op.drop_column("pay_type")
