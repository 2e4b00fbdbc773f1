"""notification jobs settings: the object's "not clocked in" alert delay and the
owner's daily summary hour

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-05 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing rows take the defaults of the models.
    with op.batch_alter_table("objects") as batch_op:
        batch_op.add_column(
            sa.Column(
                "not_clocked_in_alert_minutes",
                sa.Integer(),
                nullable=False,
                server_default="10",
            )
        )
    with op.batch_alter_table("notification_preferences") as batch_op:
        batch_op.add_column(
            sa.Column("daily_summary_hour", sa.Integer(), nullable=False, server_default="9")
        )


def downgrade() -> None:
    with op.batch_alter_table("notification_preferences") as batch_op:
        batch_op.drop_column("daily_summary_hour")
    with op.batch_alter_table("objects") as batch_op:
        batch_op.drop_column("not_clocked_in_alert_minutes")
