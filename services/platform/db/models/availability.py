"""Availability (weekly and per date), time off, the notes planners leave when they plan
someone outside their availability, and private calendar feeds.

Local times here are wall-clock times: they are read in the timezone of the object a
shift is at, so one statement ("Mondays 09:00–18:00") holds at every object of the
organization. A window whose end is not after its start runs past midnight.
"""

from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class AvailabilityKind(StrEnum):
    AVAILABLE = "available"
    PREFERRED = "preferred"  # available, and would like to work then
    UNAVAILABLE = "unavailable"


_WINDOW_BOTH_OR_NONE = "(start_time IS NULL) = (end_time IS NULL)"


class WeeklyAvailability(Base):
    """What an employee states for one weekday (0 = Monday) in one organization: the
    kind, and a local window (`start_time`–`end_time`) or none for the whole day.
    A weekday without a row has no statement: the employee counts as available."""

    __tablename__ = "weekly_availability"
    __table_args__ = (
        UniqueConstraint("organization_id", "user_id", "weekday"),
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint(_WINDOW_BOTH_OR_NONE, name="window_both_or_none"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    weekday: Mapped[int]
    kind: Mapped[AvailabilityKind] = mapped_column(String(16))
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    updated_at: Mapped[CreatedAt]


class AvailabilityException(Base):
    """A statement for one local date that replaces the weekday's (a free Saturday, a
    doctor's appointment until noon)."""

    __tablename__ = "availability_exceptions"
    __table_args__ = (
        UniqueConstraint("organization_id", "user_id", "on_date"),
        CheckConstraint(_WINDOW_BOTH_OR_NONE, name="window_both_or_none"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    on_date: Mapped[date]
    kind: Mapped[AvailabilityKind] = mapped_column(String(16))
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[CreatedAt]


class TimeOffKind(StrEnum):
    VACATION = "vacation"
    SICK = "sick"
    UNPAID = "unpaid"
    OTHER = "other"


class TimeOffStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"


class TimeOffRequest(Base):
    """Time off an employee asks for: local dates `first_day`..`last_day` (inclusive),
    whole days, or on each of them only `start_time`–`end_time` (part of a day).
    Dates and times are read in the timezone of the object a shift is at.

    `starts_at`/`ends_at` is a UTC envelope that holds the span in every timezone
    (from UTC+14 to UTC−12), so that "time off near this shift" is one indexed range
    query; the exact span is decided by `services.availability.rules`."""

    __tablename__ = "time_off_requests"
    __table_args__ = (
        CheckConstraint("last_day >= first_day", name="days_in_order"),
        CheckConstraint(_WINDOW_BOTH_OR_NONE, name="window_both_or_none"),
        Index("ix_time_off_requests_org_user_span", "organization_id", "user_id", "starts_at"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    membership_id: Mapped[int] = belongs_to("memberships", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    kind: Mapped[TimeOffKind] = mapped_column(String(16))
    status: Mapped[TimeOffStatus] = mapped_column(String(16), default=TimeOffStatus.REQUESTED)
    first_day: Mapped[date]
    last_day: Mapped[date]
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    comment: Mapped[str] = mapped_column(String(500), default="")
    decided_by_user_id: Mapped[int | None] = refers_to("users")
    decided_at: Mapped[datetime | None]
    decision_comment: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[CreatedAt]


class AvailabilityOverride(Base):
    """A planner put someone on a shift outside their availability, or breaking a rule of
    work, and said why."""

    __tablename__ = "availability_overrides"

    id: Mapped[IntPk]
    planned_shift_id: Mapped[int] = belongs_to("planned_shifts", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    decided_by_user_id: Mapped[int | None] = refers_to("users")
    # What the planner overrode: `unavailable` (availability), `time_off`, or the rule of
    # work broken (`services.planning.work_rules.Reason`: `rest`, `week_hours`, …).
    verdict: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[CreatedAt]


class CalendarFeed(Base):
    """A person's private calendar URL token; rotating it replaces the row's token,
    so the old URL stops working at once."""

    __tablename__ = "calendar_feeds"
    __table_args__ = (
        Index("uq_calendar_feeds_token", "token", unique=True),
        Index("uq_calendar_feeds_user", "user_id", unique=True),
    )

    id: Mapped[IntPk]
    user_id: Mapped[int] = belongs_to("users")
    token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[CreatedAt]
    rotated_at: Mapped[datetime | None]
