from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Index,
    Numeric,
    SmallInteger,
    String,
    Time,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class TimeSlot(Base):
    """A planned piece of work at an object: local date and times (the end may be on the
    next day), with the UTC instants computed once through the object's timezone.
    One object never has two live slots with the same local date and times; a deleted
    slot keeps its row (`deleted_at`) so that cancellations and fines keep their history."""

    __tablename__ = "time_slots"
    __table_args__ = (
        Index(
            "uq_time_slots_live_object_date_times",
            "object_id",
            "local_date",
            "start_time",
            "end_time",
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        CheckConstraint("max_employees >= 1", name="max_employees_positive"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    id: Mapped[IntPk]
    object_id: Mapped[int] = belongs_to("objects", index=True)
    local_date: Mapped[date]
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    rate_override: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    max_employees: Mapped[int] = mapped_column(default=1)
    note: Mapped[str] = mapped_column(String(500), default="")
    # The slot's shifts get only the slot's own tasks, not the object's task templates.
    ignore_object_tasks: Mapped[bool] = mapped_column(default=False)
    deleted_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]


class PlannedShiftStatus(StrEnum):
    PLANNED = "planned"
    CANCELLED = "cancelled"


_PLANNED = text("status = 'planned'")


class PlannedShift(Base):
    """An employee on a slot. `starts_at`/`ends_at` copy the slot's so that overlap rules
    can be enforced by the database: on PostgreSQL an exclusion constraint forbids two
    overlapping planned shifts of one user, whatever the object or organization."""

    __tablename__ = "planned_shifts"
    __table_args__ = (
        # Shift reminders (every tick): planned shifts starting within the next hours.
        Index(
            "ix_planned_shifts_planned_starts",
            "starts_at",
            postgresql_where=_PLANNED,
            sqlite_where=_PLANNED,
        ),
        # "Not clocked in" alerts (every tick): planned shifts going on now.
        Index(
            "ix_planned_shifts_planned_ends",
            "ends_at",
            "starts_at",
            postgresql_where=_PLANNED,
            sqlite_where=_PLANNED,
        ),
        # The daily summary and reports: an object's planned shifts of a day or period.
        Index("ix_planned_shifts_object_starts", "object_id", "starts_at"),
    )

    id: Mapped[IntPk]
    slot_id: Mapped[int] = belongs_to("time_slots", index=True)
    object_id: Mapped[int] = belongs_to("objects", index=True)
    membership_id: Mapped[int] = belongs_to("memberships", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    status: Mapped[PlannedShiftStatus] = mapped_column(
        String(16), default=PlannedShiftStatus.PLANNED
    )
    cancelled_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]


PLANNED_SHIFTS_NO_OVERLAP = "ex_planned_shifts_user_overlap"

PlannedShift.__table__.append_constraint(  # type: ignore[attr-defined]
    ExcludeConstraint(
        (PlannedShift.__table__.c.user_id, "="),  # type: ignore[attr-defined]
        (
            func.tstzrange(
                PlannedShift.__table__.c.starts_at,  # type: ignore[attr-defined]
                PlannedShift.__table__.c.ends_at,  # type: ignore[attr-defined]
            ),
            "&&",
        ),
        name=PLANNED_SHIFTS_NO_OVERLAP,
        using="gist",
        where="status = 'planned'",
    ).ddl_if(dialect="postgresql")
)


class WeeklyTemplate(Base):
    """A named week of time ranges for one object, applied to a date range to make slots."""

    __tablename__ = "weekly_templates"

    id: Mapped[IntPk]
    object_id: Mapped[int] = belongs_to("objects", index=True)
    title: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[CreatedAt]


class WeeklyTemplateItem(Base):
    """One weekday × time range of a template (weekday 0 = Monday)."""

    __tablename__ = "weekly_template_items"
    __table_args__ = (
        UniqueConstraint("template_id", "weekday", "start_time", "end_time"),
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("max_employees >= 1", name="max_employees_positive"),
    )

    id: Mapped[IntPk]
    template_id: Mapped[int] = belongs_to("weekly_templates", index=True)
    weekday: Mapped[int] = mapped_column(SmallInteger)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    max_employees: Mapped[int] = mapped_column(default=1)
    rate_override: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))


class CancellationReason(Base):
    """A reason an employee may give for cancelling a planned shift (per organization)."""

    __tablename__ = "cancellation_reasons"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    title: Mapped[str] = mapped_column(String(128))
    needs_document: Mapped[bool] = mapped_column(default=False)
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[CreatedAt]


class CancellationApproval(StrEnum):
    NOT_NEEDED = "not_needed"
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


class CancellationInitiator(StrEnum):
    EMPLOYEE = "employee"
    PLANNER = "planner"
    SLOT_DELETED = "slot_deleted"
    DISMISSAL = "dismissal"
    TIME_OFF = "time_off"  # released when the employee's time off was approved


class ShiftCancellation(Base):
    """Why and how a planned shift was cancelled, once per planned shift.

    `fine_amount` is the short-notice fine computed at cancellation time; payroll charges
    it unless the document was approved or is still awaiting a decision
    (`services.payroll.rules.chargeable_fine`)."""

    __tablename__ = "shift_cancellations"

    id: Mapped[IntPk]
    planned_shift_id: Mapped[int] = belongs_to("planned_shifts", unique=True)
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    initiator: Mapped[CancellationInitiator] = mapped_column(String(16))
    cancelled_by_user_id: Mapped[int | None] = refers_to("users")
    reason_id: Mapped[int | None] = refers_to("cancellation_reasons")
    comment: Mapped[str] = mapped_column(String(500), default="")
    short_notice: Mapped[bool] = mapped_column(default=False)
    fine_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    # The media flow of the document (its media rows carry the same flow_id).
    document_flow_id: Mapped[str | None] = mapped_column(String(32))
    approval_status: Mapped[CancellationApproval] = mapped_column(
        String(16), default=CancellationApproval.NOT_NEEDED
    )
    decided_by_user_id: Mapped[int | None] = refers_to("users")
    decided_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]


class OrganizationPlanningSettings(Base):
    """Planning settings of an organization that live outside the shared table."""

    __tablename__ = "organization_planning_settings"

    organization_id: Mapped[int] = belongs_to("organizations", primary_key=True)
    cancellation_fine: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0.00"))
    # Planned hours an employee may take on in one week (Monday–Sunday); None: no cap.
    weekly_hours_cap: Mapped[int | None]
