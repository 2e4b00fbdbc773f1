"""overtime rules (organization-wide and per object), holidays, and breaks: shift
breaks, the objects' break rules and the break minutes of a closed shift; announcements
with their recipients

Revision ID: 0022
Revises: 0023
Create Date: 2026-12-03 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.platform.db.base

revision: str = "0022"
down_revision: str | Sequence[str] | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NO_OBJECT = sa.text("object_id IS NULL")
RUNNING = sa.text("ended_at IS NULL")
UTC_DATETIME = services.platform.db.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "overtime_rules",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("organization_id", BIG_ID, nullable=False),
        sa.Column("object_id", BIG_ID, nullable=True),
        sa.Column("daily_threshold_minutes", sa.Integer(), nullable=True),
        sa.Column("weekly_threshold_minutes", sa.Integer(), nullable=True),
        sa.Column("multiplier", sa.Numeric(precision=4, scale=2), nullable=False),
        sa.CheckConstraint(
            "multiplier >= 1", name=op.f("ck_overtime_rules_multiplier_at_least_one")
        ),
        sa.CheckConstraint(
            "daily_threshold_minutes > 0", name=op.f("ck_overtime_rules_daily_threshold_positive")
        ),
        sa.CheckConstraint(
            "weekly_threshold_minutes > 0",
            name=op.f("ck_overtime_rules_weekly_threshold_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["object_id"],
            ["objects.id"],
            name=op.f("fk_overtime_rules_object_id_objects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_overtime_rules_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_overtime_rules")),
        sa.UniqueConstraint("object_id", name=op.f("uq_overtime_rules_object_id")),
    )
    op.create_index(
        op.f("ix_overtime_rules_organization_id"), "overtime_rules", ["organization_id"]
    )
    op.create_index(
        "uq_overtime_rules_organization",
        "overtime_rules",
        ["organization_id"],
        unique=True,
        postgresql_where=NO_OBJECT,
        sqlite_where=NO_OBJECT,
    )
    op.create_table(
        "holidays",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("organization_id", BIG_ID, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("multiplier", sa.Numeric(precision=4, scale=2), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.CheckConstraint("multiplier >= 1", name=op.f("ck_holidays_multiplier_at_least_one")),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_holidays_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holidays")),
        sa.UniqueConstraint("organization_id", "day", name=op.f("uq_holidays_organization_id_day")),
    )

    op.create_table(
        "shift_breaks",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("shift_id", BIG_ID, nullable=False),
        sa.Column("started_at", UTC_DATETIME, nullable=False),
        sa.Column("ended_at", UTC_DATETIME, nullable=True),
        sa.Column(
            "created_at",
            UTC_DATETIME,
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["shifts.id"],
            name=op.f("fk_shift_breaks_shift_id_shifts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_breaks")),
    )
    op.create_index(op.f("ix_shift_breaks_shift_id"), "shift_breaks", ["shift_id"])
    op.create_index(
        "uq_shift_breaks_running",
        "shift_breaks",
        ["shift_id"],
        unique=True,
        postgresql_where=RUNNING,
        sqlite_where=RUNNING,
    )
    with op.batch_alter_table("objects") as batch_op:
        batch_op.add_column(
            sa.Column("breaks_paid", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column(
                "required_break_after_hours", sa.Integer(), nullable=False, server_default="0"
            )
        )
        batch_op.add_column(
            sa.Column("required_break_minutes", sa.Integer(), nullable=False, server_default="30")
        )
    with op.batch_alter_table("shifts") as batch_op:
        batch_op.add_column(
            sa.Column("break_minutes", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("unpaid_break_minutes", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_table(
        "announcements",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("organization_id", BIG_ID, nullable=False),
        sa.Column("author_user_id", BIG_ID, nullable=True),
        sa.Column("text", sa.String(length=4000), nullable=False),
        sa.Column("media_type", sa.String(length=16), nullable=True),
        sa.Column("media_file_id", sa.String(length=256), nullable=True),
        sa.Column("needs_ack", sa.Boolean(), nullable=False),
        sa.Column("object_ids", sa.JSON(), nullable=False),
        sa.Column("request_key", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            UTC_DATETIME,
            server_default=sa.text("CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["author_user_id"],
            ["users.id"],
            name=op.f("fk_announcements_author_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_announcements_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_announcements")),
        sa.UniqueConstraint("request_key", name=op.f("uq_announcements_request_key")),
    )
    op.create_index(op.f("ix_announcements_organization_id"), "announcements", ["organization_id"])
    op.create_table(
        "announcement_recipients",
        sa.Column("announcement_id", BIG_ID, nullable=False),
        sa.Column("user_id", BIG_ID, nullable=False),
        sa.Column("acknowledged_at", UTC_DATETIME, nullable=True),
        sa.ForeignKeyConstraint(
            ["announcement_id"],
            ["announcements.id"],
            name=op.f("fk_announcement_recipients_announcement_id_announcements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_announcement_recipients_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "announcement_id", "user_id", name=op.f("pk_announcement_recipients")
        ),
    )
    op.create_index(
        op.f("ix_announcement_recipients_user_id"), "announcement_recipients", ["user_id"]
    )


def downgrade() -> None:
    op.drop_table("announcement_recipients")
    op.drop_table("announcements")
    with op.batch_alter_table("shifts") as batch_op:
        batch_op.drop_column("unpaid_break_minutes")
        batch_op.drop_column("break_minutes")
    with op.batch_alter_table("objects") as batch_op:
        batch_op.drop_column("required_break_minutes")
        batch_op.drop_column("required_break_after_hours")
        batch_op.drop_column("breaks_paid")
    op.drop_index("uq_shift_breaks_running", table_name="shift_breaks")
    op.drop_index(op.f("ix_shift_breaks_shift_id"), table_name="shift_breaks")
    op.drop_table("shift_breaks")
    op.drop_table("holidays")
    op.drop_index("uq_overtime_rules_organization", table_name="overtime_rules")
    op.drop_index(op.f("ix_overtime_rules_organization_id"), table_name="overtime_rules")
    op.drop_table("overtime_rules")
