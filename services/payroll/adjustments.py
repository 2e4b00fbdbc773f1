"""Manual money: bonuses and deductions with a reason, and payouts against a payslip's
balance. Each is written once per request key (a double tap writes once) and the
employee is told."""

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import PAYROLL_ADJUSTMENT, PAYROLL_PAYOUT, money_variable, notify
from services.payroll.access import require_money_access
from services.payroll.entries import Cause, Due, write_entry_once
from services.payroll.payslips import period_totals
from services.payroll.periods import period_by_id, period_for_date
from services.payroll.rules import ZERO, money
from services.platform.clock import Clock
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    PayoutMethod,
    PayPeriod,
    PayPeriodStatus,
    Permission,
)
from services.platform.errors import DomainError, InvalidInput, NotFound
from services.platform.local_time import local_today
from services.platform.validation import MAX_MONEY, clean_text
from services.staff.memberships import organization_of
from services.staff.permissions import actor_in

MAX_REASON_LENGTH = 500
PAYOUT_METHODS = tuple(PayoutMethod)


class PeriodClosed(DomainError):
    code = "payroll-period-closed"


class NothingToPay(DomainError):
    code = "payroll-nothing-to-pay"


class OverBalance(DomainError):
    """Params: balance (the most that can be paid)."""

    code = "payroll-over-balance"


def _adjustment_amount(amount: Decimal) -> Decimal:
    if amount <= ZERO or amount > MAX_MONEY:
        raise InvalidInput(field="amount", reason="money", maximum=MAX_MONEY)
    if amount != money(amount):
        raise InvalidInput(field="amount", reason="too-precise")
    return money(amount)


def _work_date_in(period: PayPeriod, today: date) -> date:
    """A manual entry's work date: today, or the period's nearest day when today is
    outside it (its last day when the period is already behind us)."""
    return min(max(today, period.start_date), period.end_date)


async def _open_target_period(
    session: AsyncSession, organization_id: int, today: date, period_id: int | None
) -> PayPeriod:
    """The open period a manual entry goes to: today's unless one is named."""
    if period_id is None:
        period = await period_for_date(session, organization_id, today)
    else:
        found = await session.get(PayPeriod, period_id)
        if found is None or found.organization_id != organization_id:
            raise NotFound(what="period")
        period = await period_for_date(session, organization_id, found.start_date)
    if period.status == PayPeriodStatus.CLOSED:
        raise PeriodClosed()
    return period


async def add_manual_adjustment(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    employee_user_id: int,
    amount: Decimal,
    is_bonus: bool,
    reason: str,
    request_key: str,
    period_id: int | None = None,
) -> LedgerEntry:
    """A manual bonus or deduction (a positive `amount`) with a reason, by an owner or a
    manager with `edit_money` on the employee's objects, into an open period (today's by
    default). `request_key` makes a repeated request (double tap) write once. The
    employee is told."""
    actor = await actor_in(session, user_id, organization_id)
    membership = await require_money_access(session, actor, employee_user_id, Permission.EDIT_MONEY)
    value = _adjustment_amount(amount)
    text = clean_text(reason, field="reason", max_length=MAX_REASON_LENGTH)
    organization = await organization_of(session, organization_id)
    today = local_today(clock.now(), organization.timezone)
    period = await _open_target_period(session, organization_id, today, period_id)
    entry_type = LedgerEntryType.MANUAL_BONUS if is_bonus else LedgerEntryType.MANUAL_DEDUCTION
    cause = Cause(
        key=f"manual:{request_key}",
        organization=organization,
        user_id=employee_user_id,
        membership_id=membership.id,
        work_date=_work_date_in(period, today),
    )
    due = Due(entry_type, value if is_bonus else -value, reason=text)
    entry = await write_entry_once(
        session,
        cause,
        due,
        period,
        cause_key=f"{cause.key}:{entry_type.value}:1",
        author_user_id=user_id,
    )
    now = clock.now()
    await notify(
        session,
        kind=PAYROLL_ADJUSTMENT.name,
        dedup_key=f"payroll_adjustment:{entry.id}",
        not_before=now,
        payload={
            "kind": entry.type,
            "amount": money_variable(value),
            "reason": text,
            "currency": organization.currency,
        },
        recipient_user_id=employee_user_id,
        organization_id=organization.id,
    )
    return entry


async def record_payout(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    period_id: int,
    employee_user_id: int,
    method: PayoutMethod,
    request_key: str,
    amount: Decimal | None = None,
) -> LedgerEntry:
    """Mark money paid (cash, card or bank transfer) against an employee's payslip of a
    period, open or closed: the whole balance when `amount` is None, else at most the
    balance. A `payout` entry is written once per `request_key`; the employee is told."""
    period = await period_by_id(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    membership = await require_money_access(session, actor, employee_user_id, Permission.EDIT_MONEY)
    cause_key = f"payout:{request_key}:payout:1"
    existing = await session.scalar(select(LedgerEntry).where(LedgerEntry.cause_key == cause_key))
    if existing is not None:
        return existing
    organization = await organization_of(session, period.organization_id)
    found = await period_totals(session, period, user_id=employee_user_id)
    balance = found[0].balance if found else ZERO
    value = balance if amount is None else _adjustment_amount(amount)
    if value <= ZERO:
        raise NothingToPay()
    if value > balance:
        raise OverBalance(balance=balance)
    today = local_today(clock.now(), organization.timezone)
    cause = Cause(
        key=f"payout:{request_key}",
        organization=organization,
        user_id=employee_user_id,
        membership_id=membership.id,
        work_date=_work_date_in(period, today),
    )
    due = Due(LedgerEntryType.PAYOUT, -value)
    entry = await write_entry_once(
        session,
        cause,
        due,
        period,
        cause_key=cause_key,
        author_user_id=user_id,
        payout_method=method,
    )
    now = clock.now()
    await notify(
        session,
        kind=PAYROLL_PAYOUT.name,
        dedup_key=f"payroll_payout:{entry.id}",
        not_before=now,
        payload={
            "amount": money_variable(value),
            "method": method.value,
            "start": period.start_date.isoformat(),
            "end": period.end_date.isoformat(),
            "currency": organization.currency,
        },
        recipient_user_id=employee_user_id,
        organization_id=organization.id,
    )
    return entry
