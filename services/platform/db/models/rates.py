"""Overtime and holiday rates (C21): the organization's overtime rule with optional
per-object overrides, and the holidays the owner marks."""

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Index, Numeric, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, IntPk, belongs_to

NO_OBJECT = text("object_id IS NULL")


class OvertimeRule(Base):
    """Minutes over a daily and/or a weekly threshold are paid `multiplier` × the rate.
    The row without an object is the organization's rule; a row with an object replaces
    it whole for that object (a NULL threshold there means no such overtime)."""

    __tablename__ = "overtime_rules"
    __table_args__ = (
        # One organization-wide rule; an object's override is unique by `object_id`.
        Index(
            "uq_overtime_rules_organization",
            "organization_id",
            unique=True,
            postgresql_where=NO_OBJECT,
            sqlite_where=NO_OBJECT,
        ),
        CheckConstraint("multiplier >= 1", name="multiplier_at_least_one"),
        CheckConstraint("daily_threshold_minutes > 0", name="daily_threshold_positive"),
        CheckConstraint("weekly_threshold_minutes > 0", name="weekly_threshold_positive"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    object_id: Mapped[int | None] = belongs_to("objects", unique=True)
    daily_threshold_minutes: Mapped[int | None]
    weekly_threshold_minutes: Mapped[int | None]
    multiplier: Mapped[Decimal] = mapped_column(Numeric(4, 2))


class Holiday(Base):
    """A local date (each object's timezone) on which work is paid `multiplier` × the
    rate."""

    __tablename__ = "holidays"
    __table_args__ = (
        UniqueConstraint("organization_id", "day"),
        CheckConstraint("multiplier >= 1", name="multiplier_at_least_one"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations")
    day: Mapped[date]
    multiplier: Mapped[Decimal] = mapped_column(Numeric(4, 2))
    name: Mapped[str] = mapped_column(String(100), default="")
