"""Changing the payroll settings: how periods are cut and how long after a period's end
it is paid, without rewriting any period already begun."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.periods import DEFAULT_ANCHOR, MAX_PAY_DAY_OFFSET, open_current_period
from services.platform.clock import Clock
from services.platform.db.models import OrganizationPayrollSettings, PayPeriod, PayPeriodKind
from services.platform.validation import Quantity, require_in_range
from services.staff.permissions import actor_in, require_owner


@dataclass(frozen=True)
class PayrollSettingsChange:
    settings: OrganizationPayrollSettings
    current_period: PayPeriod  # kept as it was: its dates, its pay day, its entries
    effective_from: date  # the first day of the first period cut by the new settings


async def update_payroll_settings(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    period_kind: PayPeriodKind,
    pay_day_offset_days: int,
    anchor_date: date = DEFAULT_ANCHOR,
) -> PayrollSettingsChange:
    """The owner chooses how periods are cut and how many days after a period's end it
    is paid. A change never rewrites history: the current period is created under the
    old settings first (if nothing was written to it yet) and keeps its dates and pay day, like
    every period before it; the new settings cut periods from the day after it ends. The
    first new period may be shorter so that new ones line up with the `anchor_date`
    (weeks run Monday to Sunday)."""
    require_owner(await actor_in(session, user_id, organization_id))
    require_in_range(
        pay_day_offset_days,
        field="pay_day",
        quantity=Quantity.DAYS,
        minimum=0,
        maximum=MAX_PAY_DAY_OFFSET,
    )
    current = await open_current_period(session, clock, organization_id)
    settings = await session.get(OrganizationPayrollSettings, organization_id)
    if settings is None:
        settings = OrganizationPayrollSettings(organization_id=organization_id)
        session.add(settings)
    settings.period_kind = period_kind
    settings.anchor_date = anchor_date
    settings.pay_day_offset_days = pay_day_offset_days
    await session.flush()
    return PayrollSettingsChange(settings, current, current.end_date + timedelta(days=1))
