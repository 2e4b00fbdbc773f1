from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Index, Numeric, String, text
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class ShiftStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    AUTO_CLOSED = "auto_closed"


_OPEN = text("status = 'open'")


class Shift(Base):
    """Work actually done: opened with a location check, closed by the employee, a
    manager or the auto-close job. Rate, lateness, fine and the object's lateness and
    early-arrival rules are frozen at open, so that a later correction applies the rules
    the employee worked under."""

    __tablename__ = "shifts"
    __table_args__ = (
        # One open shift per employee, whatever the number of taps or devices.
        Index(
            "uq_shifts_one_open_per_user",
            "user_id",
            unique=True,
            postgresql_where=_OPEN,
            sqlite_where=_OPEN,
        ),
        Index("ix_shifts_status_scheduled_end", "status", "scheduled_end_at"),
        # "On shift now" at an object, oldest first.
        Index(
            "ix_shifts_open_by_object",
            "object_id",
            "opened_at",
            postgresql_where=_OPEN,
            sqlite_where=_OPEN,
        ),
        # The daily summary and reports: an object's shifts opened in a day or period.
        Index("ix_shifts_object_opened", "object_id", "opened_at"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    user_id: Mapped[int] = belongs_to("users")
    membership_id: Mapped[int] = belongs_to("memberships", index=True)
    object_id: Mapped[int] = belongs_to("objects", index=True)
    # A planned shift is worked at most once; None for a spontaneous shift.
    planned_shift_id: Mapped[int | None] = refers_to("planned_shifts", unique=True)
    planned_start_at: Mapped[datetime | None]
    opened_at: Mapped[datetime]
    paid_from: Mapped[datetime]
    # Planned end, else the object's closing time, at most opening + the object's maximum
    # shift length (auto-close).
    scheduled_end_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    hourly_rate: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    rate_source: Mapped[str] = mapped_column(String(16))
    late_minutes: Mapped[int] = mapped_column(default=0)
    late_fine: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0.00"))
    # The object's rules at clock-in.
    late_grace_minutes: Mapped[int] = mapped_column(default=0)
    late_fine_per_minute: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0.00"))
    pay_early_arrival: Mapped[bool] = mapped_column(default=False)
    worked_minutes: Mapped[int | None]
    pay: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    status: Mapped[ShiftStatus] = mapped_column(String(16), default=ShiftStatus.OPEN)
    # Who closed it (the employee or a manager); None when the auto-close job did.
    closed_by_user_id: Mapped[int | None] = refers_to("users")
    close_reason: Mapped[str | None] = mapped_column(String(500))
    # Auto-closed, so its end is a guess: shown as "needs review" until corrected.
    needs_review: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[CreatedAt]
    # Breaks (C21), set at close: minutes of recorded breaks within the paid time, and
    # the minutes not paid as breaks (recorded unpaid ones, or the required break
    # deducted when none was recorded). A correction keeps the deduction.
    break_minutes: Mapped[int] = mapped_column(default=0)
    unpaid_break_minutes: Mapped[int] = mapped_column(default=0)


class AttemptKind(StrEnum):
    OPEN = "open"
    CLOSE = "close"


class AttemptResult(StrEnum):
    ACCEPTED = "accepted"
    REFUSED = "refused"


class ClockInAttempt(Base):
    """Every location sent to open or close a shift, accepted or refused (the audit)."""

    __tablename__ = "clock_in_attempts"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    membership_id: Mapped[int] = belongs_to("memberships")
    object_id: Mapped[int] = belongs_to("objects", index=True)
    planned_shift_id: Mapped[int | None] = refers_to("planned_shifts")
    shift_id: Mapped[int | None] = refers_to("shifts")
    kind: Mapped[AttemptKind] = mapped_column(String(8))
    latitude: Mapped[float]
    longitude: Mapped[float]
    distance_m: Mapped[float | None]
    horizontal_accuracy: Mapped[float | None]
    is_live: Mapped[bool]
    sent_at: Mapped[datetime]
    result: Mapped[AttemptResult] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(32))
    attempted_at: Mapped[datetime]
    approval_requested_at: Mapped[datetime | None]


class ClockInOverride(Base):
    """A manager's approval of a refused attempt: the shift opened at the attempt's time."""

    __tablename__ = "clock_in_overrides"

    id: Mapped[IntPk]
    attempt_id: Mapped[int] = belongs_to("clock_in_attempts", unique=True)
    approver_user_id: Mapped[int] = belongs_to("users")
    shift_id: Mapped[int | None] = refers_to("shifts")
    approved_at: Mapped[datetime]
