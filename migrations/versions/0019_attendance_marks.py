"""attendance marks: a manager's "absent" or "opened for them" on a planned shift of
the day, with the reason (the Today board)

Revision ID: 0019
Revises: 0022
Create Date: 2026-12-03 11:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from services.platform.db.base import UTCDateTime

revision: str = "0019"
down_revision: str | Sequence[str] | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "attendance_marks",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("organization_id", BIG_ID, nullable=False),
        sa.Column("planned_shift_id", BIG_ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("author_user_id", BIG_ID, nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("shift_id", BIG_ID, nullable=True),
        sa.Column("fine_amount", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("marked_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "created_at",
            UTCDateTime(timezone=True),
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_attendance_marks_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["planned_shift_id"],
            ["planned_shifts.id"],
            name=op.f("fk_attendance_marks_planned_shift_id_planned_shifts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_user_id"],
            ["users.id"],
            name=op.f("fk_attendance_marks_author_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["shifts.id"],
            name=op.f("fk_attendance_marks_shift_id_shifts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance_marks")),
        sa.UniqueConstraint(
            "planned_shift_id", "kind", name=op.f("uq_attendance_marks_planned_shift_id_kind")
        ),
    )
    op.create_index(
        op.f("ix_attendance_marks_organization_id"), "attendance_marks", ["organization_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_attendance_marks_organization_id"), table_name="attendance_marks")
    op.drop_table("attendance_marks")
