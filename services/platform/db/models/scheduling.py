"""Auto-scheduling: draft assignments waiting to be published, the organization's
scheduling limits, objects' travel times and the daily sales labor cost is set against."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Numeric, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class DraftAssignment(Base):
    """A person the solver put on a free place of a slot: not a plan yet (no reminders, no
    pay) until a planner publishes it, which turns it into a planned shift."""

    __tablename__ = "draft_assignments"
    __table_args__ = (UniqueConstraint("slot_id", "user_id"),)

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    slot_id: Mapped[int] = belongs_to("time_slots", index=True)
    object_id: Mapped[int] = belongs_to("objects", index=True)
    membership_id: Mapped[int] = belongs_to("memberships")
    user_id: Mapped[int] = belongs_to("users", index=True)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    hourly_rate: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    created_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]


class OrganizationSchedulingSettings(Base):
    """The limits the auto-scheduler keeps (defaults until an owner changes them)."""

    __tablename__ = "organization_scheduling_settings"
    __table_args__ = (
        CheckConstraint("min_rest_hours BETWEEN 0 AND 24", name="rest_range"),
        CheckConstraint("max_day_hours BETWEEN 1 AND 24", name="day_range"),
        CheckConstraint("max_week_hours BETWEEN 1 AND 168", name="week_range"),
        CheckConstraint("max_consecutive_days BETWEEN 1 AND 14", name="days_range"),
    )

    organization_id: Mapped[int] = belongs_to("organizations", primary_key=True)
    min_rest_hours: Mapped[int] = mapped_column(default=11)
    max_day_hours: Mapped[int] = mapped_column(default=12)
    max_week_hours: Mapped[int] = mapped_column(default=48)
    max_consecutive_days: Mapped[int] = mapped_column(default=6)
    overtime_week_hours: Mapped[int] = mapped_column(default=40)
    # Labor cost as a share of sales the owner aims at; None: no target.
    target_labor_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))


class ObjectTravelTime(Base):
    """Minutes it takes to get to or from an object; between two objects the longer one
    must pass between two shifts of one person."""

    __tablename__ = "object_travel_times"
    __table_args__ = (CheckConstraint("travel_minutes >= 0", name="travel_not_negative"),)

    object_id: Mapped[int] = belongs_to("objects", primary_key=True)
    travel_minutes: Mapped[int] = mapped_column(default=0)


class DailySales(Base):
    """An object's sales on a local date: the actual figure, or an expected one for a
    day still ahead (one of each per day)."""

    __tablename__ = "daily_sales"
    __table_args__ = (
        UniqueConstraint("object_id", "local_date", "expected"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    id: Mapped[IntPk]
    object_id: Mapped[int] = belongs_to("objects", index=True)
    local_date: Mapped[date]
    expected: Mapped[bool] = mapped_column(default=False)
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    entered_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]
