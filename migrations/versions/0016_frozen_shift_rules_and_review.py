"""rules frozen on a shift at clock-in, auto-closed shifts that need review, the
object's maximum shift length, and the organization a notification concerns

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FROZEN_RULES = ("late_grace_minutes", "late_fine_per_minute", "pay_early_arrival")


def upgrade() -> None:
    with op.batch_alter_table("objects") as batch_op:
        batch_op.add_column(
            sa.Column("max_shift_hours", sa.Integer(), nullable=False, server_default="12")
        )
    with op.batch_alter_table("shifts") as batch_op:
        batch_op.add_column(
            sa.Column("late_grace_minutes", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column(
                "late_fine_per_minute",
                sa.Numeric(precision=12, scale=2),
                nullable=False,
                server_default="0",
            )
        )
        batch_op.add_column(
            sa.Column("pay_early_arrival", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("needs_review", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # Shifts opened before this revision get their object's rules as they are now: the
    # best record there is of the rules at their clock-in.
    for column in FROZEN_RULES:
        op.execute(
            f"UPDATE shifts SET {column} = "
            f"(SELECT objects.{column} FROM objects WHERE objects.id = shifts.object_id)"
        )
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(
            sa.Column(
                "organization_id",
                sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                nullable=True,
            )
        )
        batch_op.create_foreign_key(
            op.f("fk_outbox_organization_id_organizations"),
            "organizations",
            ["organization_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_constraint(
            op.f("fk_outbox_organization_id_organizations"), type_="foreignkey"
        )
        batch_op.drop_column("organization_id")
    with op.batch_alter_table("shifts") as batch_op:
        batch_op.drop_column("needs_review")
        for column in reversed(FROZEN_RULES):
            batch_op.drop_column(column)
    with op.batch_alter_table("objects") as batch_op:
        batch_op.drop_column("max_shift_hours")
