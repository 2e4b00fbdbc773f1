"""a contract's own scheduling limits (hours a day and a week, days in a row) and its
weekly target hours

Revision ID: 0029
Revises: 0027
Create Date: 2026-12-03 14:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0029"
down_revision: str | Sequence[str] | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("max_day_hours", "max_week_hours", "max_consecutive_days", "target_week_hours")


def upgrade() -> None:
    with op.batch_alter_table("contract_terms") as batch_op:
        for column in COLUMNS:
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contract_terms") as batch_op:
        for column in reversed(COLUMNS):
            batch_op.drop_column(column)
