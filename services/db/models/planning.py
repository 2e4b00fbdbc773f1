from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ForeignKey, Numeric, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from services.db.base import Base, BigId, CreatedAt, IntPk


class TimeSlot(Base):
    """A planned piece of work at an object: local date and times (the end may be on the
    next day), with the UTC instants computed once through the object's timezone."""

    __tablename__ = "time_slots"

    id: Mapped[IntPk]
    object_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("objects.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date]
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    rate_override: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    max_employees: Mapped[int] = mapped_column(default=1)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[CreatedAt]


class PlannedShiftStatus(StrEnum):
    PLANNED = "planned"
    CANCELLED = "cancelled"


class PlannedShift(Base):
    """An employee on a slot. `starts_at`/`ends_at` copy the slot's so that overlap rules
    can be enforced by the database."""

    __tablename__ = "planned_shifts"

    id: Mapped[IntPk]
    slot_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("time_slots.id", ondelete="CASCADE"), index=True
    )
    object_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("objects.id", ondelete="CASCADE"), index=True
    )
    membership_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("memberships.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    status: Mapped[PlannedShiftStatus] = mapped_column(
        String(16), default=PlannedShiftStatus.PLANNED
    )
    created_at: Mapped[CreatedAt]
