"""Payslips, read only: per employee and period gross − fines + bonuses = net and
balance = net − paid, with every ledger line that explains them. Totals are summed in SQL
(GROUP BY), a fixed number of statements whatever the number of employees."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Select

from services.payroll.access import money_membership_scope, require_money_access
from services.payroll.ledger import BONUS_TYPES, FINE_TYPES, PAY_TYPES
from services.payroll.periods import current_period, period_by_id
from services.payroll.premiums import PREMIUM_TYPES
from services.payroll.rules import ZERO, as_money
from services.platform.clock import Clock
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    PayoutMethod,
    PayPeriod,
    PayPeriodStatus,
    Payslip,
    Permission,
    Shift,
    User,
    WorkObject,
)
from services.platform.db.models.users import display_name_of
from services.staff.memberships import organization_of
from services.staff.permissions import actor_in


@dataclass(frozen=True)
class PayslipTotals:
    user_id: int
    employee_name: str
    minutes: int
    gross: Decimal
    fines: Decimal  # positive: what fines and deductions took away
    bonuses: Decimal
    net: Decimal
    paid: Decimal

    @property
    def balance(self) -> Decimal:
        return self.net - self.paid


@dataclass(frozen=True)
class PayslipLine:
    entry_id: int
    type: LedgerEntryType
    work_date: date
    object_name: str
    minutes: int | None
    hourly_rate: Decimal | None
    amount: Decimal
    reason: str
    payout_method: PayoutMethod | None
    is_reversal: bool
    late_for_closed_period: bool
    # The pay of an auto-closed shift nobody has corrected yet: its end is a guess.
    needs_review: bool = False
    # What the line is about ("shift:12", "incident:3", …): the card it links to.
    cause: str = ""
    # The facts the amount was computed from (`LedgerEntry.details`: an overtime line's
    # multiplier, a fine's grace …); empty on entries written before they were kept.
    # Times in them are shown in `timezone`.
    details: dict[str, str] = field(default_factory=dict)
    timezone: str = "UTC"


@dataclass(frozen=True)
class PayslipView:
    period: PayPeriod
    currency: str
    totals: PayslipTotals
    lines: list[PayslipLine] = field(default_factory=list)

    @property
    def frozen(self) -> bool:
        return self.period.status == PayPeriodStatus.CLOSED


async def organization_currency(session: AsyncSession, organization_id: int) -> str:
    return (await organization_of(session, organization_id)).currency


def _sum_of(types: Sequence[LedgerEntryType]) -> Any:
    return func.coalesce(
        func.sum(case((LedgerEntry.type.in_(types), LedgerEntry.amount), else_=ZERO)), ZERO
    )


_GROSS = _sum_of([*PAY_TYPES, *PREMIUM_TYPES])
_FINES = -_sum_of(FINE_TYPES)
_BONUSES = _sum_of(BONUS_TYPES)
_PAID = -_sum_of([LedgerEntryType.PAYOUT])
_MINUTES = func.coalesce(
    func.sum(case((LedgerEntry.type == LedgerEntryType.SHIFT_PAY, LedgerEntry.minutes), else_=0)),
    0,
)


def live_totals_query(period_id: int) -> Select[Any]:
    """Per employee of the period: minutes, gross, fines, bonuses, paid — one GROUP BY."""
    return (
        select(
            LedgerEntry.user_id,
            func.min(LedgerEntry.membership_id).label("membership_id"),
            _MINUTES.label("minutes"),
            _GROSS.label("gross"),
            _FINES.label("fines"),
            _BONUSES.label("bonuses"),
            _PAID.label("paid"),
        )
        .where(LedgerEntry.pay_period_id == period_id)
        .group_by(LedgerEntry.user_id)
    )


# The columns that name an employee: a thousand of them read as plain values, not as
# `User` rows the session would have to build and track.
_NAME_COLUMNS = (User.id, User.first_name, User.last_name, User.username, User.telegram_id)


async def period_totals(
    session: AsyncSession,
    period: PayPeriod,
    *,
    user_id: int | None = None,
    scope: Select[Any] | None = None,
) -> list[PayslipTotals]:
    """Totals per employee: frozen on the payslips of a closed period (what was paid is
    always read from the ledger), summed from the ledger for an open one. One query."""
    live = live_totals_query(period.id)
    if user_id is not None:
        live = live.where(LedgerEntry.user_id == user_id)
    if scope is not None:
        live = live.where(LedgerEntry.membership_id.in_(scope))
    live_rows = live.subquery()
    if period.status == PayPeriodStatus.CLOSED:
        query = (
            select(
                *_NAME_COLUMNS,
                Payslip.minutes,
                Payslip.gross,
                Payslip.fines,
                Payslip.bonuses,
                Payslip.net,
                func.coalesce(live_rows.c.paid, ZERO),
            )
            .join(User, User.id == Payslip.user_id)
            .outerjoin(live_rows, live_rows.c.user_id == Payslip.user_id)
            .where(Payslip.pay_period_id == period.id)
        )
        if user_id is not None:
            query = query.where(Payslip.user_id == user_id)
        if scope is not None:
            query = query.where(Payslip.membership_id.in_(scope))
    else:
        query = select(
            *_NAME_COLUMNS,
            live_rows.c.minutes,
            live_rows.c.gross,
            live_rows.c.fines,
            live_rows.c.bonuses,
            live_rows.c.gross - live_rows.c.fines + live_rows.c.bonuses,
            live_rows.c.paid,
        ).join(User, User.id == live_rows.c.user_id)
    rows = await session.execute(query.order_by(User.first_name, User.id))
    return [
        PayslipTotals(
            user_id=user_id,
            employee_name=display_name_of(first_name, last_name, username, telegram_id),
            minutes=int(minutes or 0),
            gross=as_money(gross),
            fines=as_money(fines),
            bonuses=as_money(bonuses),
            net=as_money(net),
            paid=as_money(paid),
        )
        for (
            user_id,
            first_name,
            last_name,
            username,
            telegram_id,
            minutes,
            gross,
            fines,
            bonuses,
            net,
            paid,
        ) in rows
    ]


def _empty_totals(user: User) -> PayslipTotals:
    return PayslipTotals(user.id, user.display_name, 0, ZERO, ZERO, ZERO, ZERO, ZERO)


async def _lines(session: AsyncSession, period_id: int, user_id: int) -> list[PayslipLine]:
    rows = await session.execute(
        select(LedgerEntry, WorkObject.name, WorkObject.timezone, Shift.needs_review)
        .outerjoin(WorkObject, WorkObject.id == LedgerEntry.object_id)
        .outerjoin(Shift, Shift.id == LedgerEntry.shift_id)
        .where(LedgerEntry.pay_period_id == period_id, LedgerEntry.user_id == user_id)
        .order_by(LedgerEntry.work_date, LedgerEntry.id)
    )
    return [
        _line(entry, object_name, timezone, bool(shift_needs_review))
        for entry, object_name, timezone, shift_needs_review in rows
    ]


def _line(
    entry: LedgerEntry, object_name: str | None, timezone: str | None, shift_needs_review: bool
) -> PayslipLine:
    is_reversal = entry.reverses_entry_id is not None
    return PayslipLine(
        entry_id=entry.id,
        type=LedgerEntryType(entry.type),
        work_date=entry.work_date,
        object_name=object_name or "",
        minutes=entry.minutes,
        hourly_rate=entry.hourly_rate,
        amount=entry.amount,
        reason=entry.reason,
        payout_method=PayoutMethod(entry.payout_method) if entry.payout_method else None,
        is_reversal=is_reversal,
        late_for_closed_period=entry.late_for_closed_period,
        needs_review=shift_needs_review
        and entry.type == LedgerEntryType.SHIFT_PAY
        and not is_reversal,
        cause=entry.cause,
        details=entry.details or {},
        timezone=timezone or "UTC",
    )


async def payslip_in(
    session: AsyncSession, period: PayPeriod, *, user_id: int, employee_user_id: int
) -> PayslipView:
    """One employee's payslip for a period with every ledger line: the employee sees
    their own, owners and managers with `view_money` see their employees'. A period not
    stored yet has nothing written to it: its payslip is empty."""
    actor = await actor_in(session, user_id, period.organization_id)
    await require_money_access(session, actor, employee_user_id, Permission.VIEW_MONEY)
    organization = await organization_of(session, period.organization_id)
    employee = await session.get(User, employee_user_id)
    assert employee is not None
    if period.id is None:
        return PayslipView(period, organization.currency, _empty_totals(employee))
    found = await period_totals(session, period, user_id=employee_user_id)
    return PayslipView(
        period=period,
        currency=organization.currency,
        totals=found[0] if found else _empty_totals(employee),
        lines=await _lines(session, period.id, employee_user_id),
    )


async def payslip(
    session: AsyncSession, *, user_id: int, period_id: int, employee_user_id: int
) -> PayslipView:
    """`payslip_in` the stored period `period_id`."""
    period = await period_by_id(session, period_id)
    return await payslip_in(session, period, user_id=user_id, employee_user_id=employee_user_id)


async def current_payslip(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    employee_user_id: int,
) -> PayslipView:
    """`payslip_in` the current period, stored or not yet."""
    period = await current_period(session, clock, organization_id)
    return await payslip_in(session, period, user_id=user_id, employee_user_id=employee_user_id)


async def own_pay_so_far(
    session: AsyncSession, clock: Clock, *, user_id: int, organization_id: int
) -> PayslipView:
    """The user's own payslip totals in the current period, without its lines (the
    employee home shows the net so far): two statements at most."""
    await actor_in(session, user_id, organization_id)
    period = await current_period(session, clock, organization_id)
    organization = await organization_of(session, organization_id)
    employee = await session.get(User, user_id)
    assert employee is not None
    found = await period_totals(session, period, user_id=user_id) if period.id else []
    return PayslipView(
        period, organization.currency, found[0] if found else _empty_totals(employee)
    )


async def period_payslips(
    session: AsyncSession, *, user_id: int, period_id: int
) -> list[PayslipTotals]:
    """Everyone's totals for a period, as far as the viewer may see money (`view_money`).
    A fixed number of statements whatever the number of employees."""
    period = await period_by_id(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    scope = await money_membership_scope(session, actor, Permission.VIEW_MONEY)
    return await period_totals(session, period, scope=scope)


async def recent_periods(
    session: AsyncSession, clock: Clock, *, user_id: int, organization_id: int, limit: int = 12
) -> list[PayPeriod]:
    """The current period (unstored while nothing is written to it) and the ones before
    it, newest first (anyone in the organization: employees see their own payslips in
    them)."""
    await actor_in(session, user_id, organization_id)
    current = await current_period(session, clock, organization_id)
    earlier = await session.scalars(
        select(PayPeriod)
        .where(
            PayPeriod.organization_id == organization_id,
            PayPeriod.start_date < current.start_date,
        )
        .order_by(PayPeriod.start_date.desc())
        .limit(limit - 1)
    )
    return [current, *earlier]
