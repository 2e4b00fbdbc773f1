"""The payroll ledger (C7): append-only money entries, pay periods, the organization's
payroll settings and the payslips frozen when a period closes."""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, BigId, CreatedAt, IntPk, belongs_to, refers_to


class LedgerEntryType(StrEnum):
    SHIFT_PAY = "shift_pay"
    LATE_FINE = "late_fine"
    TASK_BONUS = "task_bonus"
    TASK_FINE = "task_fine"
    CANCELLATION_FINE = "cancellation_fine"
    MANUAL_BONUS = "manual_bonus"
    MANUAL_DEDUCTION = "manual_deduction"
    PAYOUT = "payout"
    # Incidents and requests (`services.incidents`): a deduction the employee accepted
    # or that was upheld; what the period's deduction cap held back of it (positive, in
    # that period) and carried over (negative, into the next period); a refunded expense.
    INCIDENT_DEDUCTION = "incident_deduction"
    DEDUCTION_HELD_BACK = "deduction_held_back"
    DEDUCTION_CARRIED_OVER = "deduction_carried_over"
    EXPENSE_COMPENSATION = "expense_compensation"
    # Overtime and holiday rates (C21): the extra over the shift pay, (multiplier − 1) ×
    # rate × minutes, explained by `details`.
    OVERTIME_PREMIUM = "overtime_premium"
    HOLIDAY_PREMIUM = "holiday_premium"
    # A manager marked the employee absent and charged the no-show fine.
    ABSENCE_FINE = "absence_fine"
    # Pay types (`services.payroll.pay_types`), written when a period closes: a monthly
    # salary's share of the period, a bonus per shift with every mandatory task done,
    # a bonus per period.
    SALARY = "salary"
    SHIFT_BONUS = "shift_bonus"
    PERIOD_BONUS = "period_bonus"


class PayPeriodKind(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    SEMI_MONTHLY = "semi_monthly"
    MONTHLY = "monthly"


class PayPeriodStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class PayoutMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    BANK_TRANSFER = "bank_transfer"


class OrganizationPayrollSettings(Base):
    """How an organization's pay periods are cut. Weekly and biweekly periods start on
    `anchor_date` and every 7 or 14 days from it; semi-monthly ones are the 1st–15th and
    the 16th–last day; monthly ones are calendar months. The pay day is
    `pay_day_offset_days` after a period's last day: the scheduler closes it then."""

    __tablename__ = "organization_payroll_settings"

    organization_id: Mapped[int] = belongs_to("organizations", primary_key=True)
    period_kind: Mapped[PayPeriodKind] = mapped_column(String(16), default=PayPeriodKind.MONTHLY)
    anchor_date: Mapped[date]
    pay_day_offset_days: Mapped[int] = mapped_column(default=3)
    # Incident deductions of a period may take at most this share of its pay (the
    # Labour Code's 20% for employees); the rest is carried over. None: no cap.
    deduction_cap_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), default=20)


class PayPeriod(Base):
    """A span of local dates (the organization's timezone), both ends included. Open
    periods take entries; a closed one is frozen: its payslips are written and any entry
    for its dates that arrives later goes to the next open period."""

    __tablename__ = "pay_periods"
    __table_args__ = (
        UniqueConstraint("organization_id", "start_date"),
        CheckConstraint("end_date >= start_date", name="ends_after_start"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    kind: Mapped[PayPeriodKind] = mapped_column(String(16))
    start_date: Mapped[date]
    end_date: Mapped[date]
    pay_day: Mapped[date]
    status: Mapped[PayPeriodStatus] = mapped_column(String(16), default=PayPeriodStatus.OPEN)
    closed_at: Mapped[datetime | None]
    closed_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]


class LedgerEntry(Base):
    """One movement of an employee's money, never updated or deleted.

    Sign convention: `amount` is what the entry adds to what the organization owes the
    employee. `shift_pay`, `task_bonus` and `manual_bonus` are positive; `late_fine`,
    `task_fine`, `cancellation_fine`, `manual_deduction` and `payout` are negative. A
    correction never edits an entry: it adds a reversal (same type, opposite amount and
    minutes, `reverses_entry_id` pointing at the original) and, when something is still
    due, a new entry. `cause_key` is unique: whatever runs twice creates nothing twice."""

    __tablename__ = "ledger_entries"
    __table_args__ = (
        Index("ix_ledger_entries_period_user", "pay_period_id", "user_id"),
        Index("ix_ledger_entries_cause", "cause"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    pay_period_id: Mapped[int] = belongs_to("pay_periods")
    user_id: Mapped[int] = belongs_to("users")
    membership_id: Mapped[int] = belongs_to("memberships")
    type: Mapped[LedgerEntryType] = mapped_column(String(24))
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    # The local date (organization's timezone) of what caused it: it picks the period.
    work_date: Mapped[date]
    object_id: Mapped[int | None] = refers_to("objects")
    shift_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("shifts.id"), index=True)
    # A `shift_tasks.id`; no foreign key so that this revision does not depend on the
    # tasks revision (Alembic cannot order two dependencies on the clock-in revision).
    task_id: Mapped[int | None] = mapped_column(BigId)
    cancellation_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("shift_cancellations.id"), index=True
    )
    # Shift pay: the paid minutes and the frozen hourly rate; late fine: the late minutes.
    minutes: Mapped[int | None]
    hourly_rate: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    payout_method: Mapped[PayoutMethod | None] = mapped_column(String(16))
    author_user_id: Mapped[int | None] = refers_to("users")
    reason: Mapped[str] = mapped_column(String(500), default="")
    # What the entry is about ("shift:12"), shared by its reversals and re-entries.
    cause: Mapped[str] = mapped_column(String(64))
    cause_key: Mapped[str] = mapped_column(String(96), unique=True)
    reverses_entry_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("ledger_entries.id"), unique=True
    )
    # Its work date belongs to a period that was already closed when it was recorded.
    late_for_closed_period: Mapped[bool] = mapped_column(default=False)
    # The facts the amount was computed from, as they were then (a late fine's grace and
    # rate per minute, an overtime line's multiplier …): the payslip explains the line
    # with them even after the rules change. Keys are per entry type.
    details: Mapped[dict[str, str] | None] = mapped_column(JSON)
    created_at: Mapped[CreatedAt]


class Payslip(Base):
    """An employee's totals for a closed period, frozen when it closed. Payouts keep
    coming after closing, so what was paid is read from the ledger, not from here."""

    __tablename__ = "payslips"
    __table_args__ = (UniqueConstraint("pay_period_id", "user_id"),)

    id: Mapped[IntPk]
    pay_period_id: Mapped[int] = belongs_to("pay_periods")
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    user_id: Mapped[int] = belongs_to("users")
    membership_id: Mapped[int] = belongs_to("memberships")
    minutes: Mapped[int]
    gross: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    fines: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    bonuses: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    net: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    created_at: Mapped[CreatedAt]
