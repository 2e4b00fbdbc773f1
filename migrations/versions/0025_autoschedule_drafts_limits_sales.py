"""auto-scheduling: draft assignments, the organization's scheduling limits, objects'
travel times and daily sales

Revision ID: 0025
Revises: 0021
Create Date: 2026-12-03 11:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = "0025"
down_revision: str | Sequence[str] | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
UTC_TIME = services.platform.db.base.UTCDateTime(timezone=True)


def _created_at() -> sa.Column:
    return sa.Column(
        "created_at", UTC_TIME, server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
    )


def _belongs_to(table: str, column: str, owner: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{table}.id"], name=op.f(f"fk_{owner}_{column}_{table}"), ondelete="CASCADE"
    )


def _refers_to(table: str, column: str, owner: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{table}.id"], name=op.f(f"fk_{owner}_{column}_{table}"), ondelete="SET NULL"
    )


def upgrade() -> None:
    op.create_table(
        "draft_assignments",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("organization_id", ID, nullable=False),
        sa.Column("slot_id", ID, nullable=False),
        sa.Column("object_id", ID, nullable=False),
        sa.Column("membership_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("starts_at", UTC_TIME, nullable=False),
        sa.Column("ends_at", UTC_TIME, nullable=False),
        sa.Column("hourly_rate", sa.Numeric(12, 2), nullable=False),
        sa.Column("created_by_user_id", ID, nullable=True),
        _created_at(),
        _belongs_to("organizations", "organization_id", "draft_assignments"),
        _belongs_to("time_slots", "slot_id", "draft_assignments"),
        _belongs_to("objects", "object_id", "draft_assignments"),
        _belongs_to("memberships", "membership_id", "draft_assignments"),
        _belongs_to("users", "user_id", "draft_assignments"),
        _refers_to("users", "created_by_user_id", "draft_assignments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_assignments")),
        sa.UniqueConstraint(
            "slot_id", "user_id", name=op.f("uq_draft_assignments_slot_id_user_id")
        ),
    )
    with op.batch_alter_table("draft_assignments") as batch_op:
        for column in ("organization_id", "slot_id", "object_id", "user_id"):
            batch_op.create_index(batch_op.f(f"ix_draft_assignments_{column}"), [column])

    op.create_table(
        "organization_scheduling_settings",
        sa.Column("organization_id", ID, nullable=False),
        sa.Column("min_rest_hours", sa.Integer(), nullable=False),
        sa.Column("max_day_hours", sa.Integer(), nullable=False),
        sa.Column("max_week_hours", sa.Integer(), nullable=False),
        sa.Column("max_consecutive_days", sa.Integer(), nullable=False),
        sa.Column("overtime_week_hours", sa.Integer(), nullable=False),
        sa.Column("target_labor_percent", sa.Numeric(5, 2), nullable=True),
        sa.CheckConstraint(
            "min_rest_hours BETWEEN 0 AND 24",
            name=op.f("ck_organization_scheduling_settings_rest_range"),
        ),
        sa.CheckConstraint(
            "max_day_hours BETWEEN 1 AND 24",
            name=op.f("ck_organization_scheduling_settings_day_range"),
        ),
        sa.CheckConstraint(
            "max_week_hours BETWEEN 1 AND 168",
            name=op.f("ck_organization_scheduling_settings_week_range"),
        ),
        sa.CheckConstraint(
            "max_consecutive_days BETWEEN 1 AND 14",
            name=op.f("ck_organization_scheduling_settings_days_range"),
        ),
        _belongs_to("organizations", "organization_id", "organization_scheduling_settings"),
        sa.PrimaryKeyConstraint(
            "organization_id", name=op.f("pk_organization_scheduling_settings")
        ),
    )

    op.create_table(
        "object_travel_times",
        sa.Column("object_id", ID, nullable=False),
        sa.Column("travel_minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "travel_minutes >= 0", name=op.f("ck_object_travel_times_travel_not_negative")
        ),
        _belongs_to("objects", "object_id", "object_travel_times"),
        sa.PrimaryKeyConstraint("object_id", name=op.f("pk_object_travel_times")),
    )

    op.create_table(
        "daily_sales",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("object_id", ID, nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("expected", sa.Boolean(), nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("entered_by_user_id", ID, nullable=True),
        _created_at(),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_daily_sales_amount_not_negative")),
        _belongs_to("objects", "object_id", "daily_sales"),
        _refers_to("users", "entered_by_user_id", "daily_sales"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_sales")),
        sa.UniqueConstraint(
            "object_id",
            "local_date",
            "expected",
            name=op.f("uq_daily_sales_object_id_local_date_expected"),
        ),
    )
    with op.batch_alter_table("daily_sales") as batch_op:
        batch_op.create_index(batch_op.f("ix_daily_sales_object_id"), ["object_id"])


def downgrade() -> None:
    op.drop_table("daily_sales")
    op.drop_table("object_travel_times")
    op.drop_table("organization_scheduling_settings")
    op.drop_table("draft_assignments")
