"""The cap on incident deductions of a pay period: when a period closes, deductions
beyond the organization's share of the employee's pay for it (20% by default, the
Labour Code's limit for employees) are held back in that period and carried over to
the next, as two ledger lines the payslip shows. Settled like every cause, so closing
computes it once."""

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.entries import Cause, CauseDues, Due, settle
from services.payroll.ledger import FINE_TYPES
from services.payroll.periods import payroll_settings
from services.payroll.rules import ZERO, money
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    OrganizationPayrollSettings,
    PayPeriod,
)
from services.platform.validation import Quantity, require_in_range
from services.staff.memberships import organization_of
from services.staff.permissions import Actor, require_owner

DEFAULT_CAP_PERCENT = Decimal(20)
CAPPED_TYPES = (LedgerEntryType.INCIDENT_DEDUCTION, LedgerEntryType.DEDUCTION_CARRIED_OVER)
# Money that is not pay for work: what the cap is not a share of.
NOT_EARNINGS = (*FINE_TYPES, LedgerEntryType.PAYOUT, LedgerEntryType.EXPENSE_COMPENSATION)


def held_back(deductions: Decimal, earnings: Decimal, cap_percent: Decimal) -> Decimal:
    """What of `deductions` (positive) exceeds `cap_percent` of `earnings`."""
    cap = money(max(earnings, ZERO) * cap_percent / 100)
    return max(deductions - cap, ZERO)


async def cap_percent_of(session: AsyncSession, organization_id: int) -> Decimal | None:
    settings = await session.get(OrganizationPayrollSettings, organization_id)
    return settings.deduction_cap_percent if settings is not None else DEFAULT_CAP_PERCENT


async def hold_back_over_cap(session: AsyncSession, period: PayPeriod) -> int:
    """Before `period` closes: per employee with capped deductions in it, hold back what
    exceeds the cap and carry it over into the next period. Returns rows written."""
    percent = await cap_percent_of(session, period.organization_id)
    if percent is None:
        return 0
    sums: dict[tuple[int, int], dict[bool, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    rows = await session.execute(
        select(
            LedgerEntry.user_id,
            LedgerEntry.membership_id,
            LedgerEntry.type,
            func.sum(LedgerEntry.amount),
        )
        .where(
            LedgerEntry.pay_period_id == period.id,
            LedgerEntry.type.in_(CAPPED_TYPES) | LedgerEntry.type.not_in(NOT_EARNINGS),
        )
        .group_by(LedgerEntry.user_id, LedgerEntry.membership_id, LedgerEntry.type)
    )
    for user_id, membership_id, entry_type, total in rows:
        sums[(user_id, membership_id)][entry_type in CAPPED_TYPES] += Decimal(total or 0)
    organization = await organization_of(session, period.organization_id)
    items: list[CauseDues] = []
    for (user_id, membership_id), by_kind in sums.items():
        excess = held_back(-by_kind[True], by_kind[False], percent)
        if excess == ZERO:
            continue
        for key, day, due in (
            (
                f"deduction-cap:{period.id}:{user_id}",
                period.end_date,
                Due(
                    LedgerEntryType.DEDUCTION_HELD_BACK, excess, reason=f"{percent.normalize():f}%"
                ),
            ),
            (
                f"deduction-carry:{period.id}:{user_id}",
                period.end_date + timedelta(days=1),
                Due(LedgerEntryType.DEDUCTION_CARRIED_OVER, -excess),
            ),
        ):
            cause = Cause(
                key=key,
                organization=organization,
                user_id=user_id,
                membership_id=membership_id,
                work_date=day,
            )
            items.append((cause, [due]))
    return await settle(session, items)


async def set_deduction_cap(session: AsyncSession, actor: Actor, percent: int | None) -> int | None:
    """The owner sets the cap (a share of the period's pay, 1–100%) or lifts it (None)."""
    require_owner(actor)
    if percent is not None:
        require_in_range(
            int(percent), field="cap", quantity=Quantity.PERCENT, minimum=1, maximum=100
        )
    settings = await session.get(OrganizationPayrollSettings, actor.organization_id)
    if settings is None:
        settings = await payroll_settings(session, actor.organization_id)
        session.add(settings)
    settings.deduction_cap_percent = None if percent is None else Decimal(percent)
    await session.flush()
    return percent
