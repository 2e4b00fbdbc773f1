"""Pay periods: how the organization's settings cut its local dates into periods (the span
arithmetic is pure) and the stored period of a date, created on first use. Reading never
creates one: before anything is written to it, the current period is shown as it would
be created. Dates are local dates of the organization's timezone."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import BindParameter

from services.platform.clock import Clock
from services.platform.db.models import (
    Organization,
    OrganizationPayrollSettings,
    PayPeriod,
    PayPeriodKind,
    PayPeriodStatus,
)
from services.platform.db.session import dialect_insert
from services.platform.errors import NotFound
from services.staff.memberships import organization_today

DEFAULT_ANCHOR = date(2024, 1, 1)  # a Monday: weekly periods run Monday to Sunday
DEFAULT_PAY_DAY_OFFSET = 3
MAX_PAY_DAY_OFFSET = 31


@dataclass(frozen=True)
class PeriodSpan:
    start: date
    end: date  # included

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def _last_day_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def period_span(kind: PayPeriodKind, anchor: date, day: date) -> PeriodSpan:
    """The period of `kind` that contains `day`. Weekly and biweekly periods repeat every
    7 or 14 days from `anchor` (forwards and backwards); semi-monthly ones are the
    1st–15th and the 16th–last day of the month; monthly ones are calendar months."""
    if kind in (PayPeriodKind.WEEKLY, PayPeriodKind.BIWEEKLY):
        length = 7 if kind == PayPeriodKind.WEEKLY else 14
        start = anchor + timedelta(days=((day - anchor).days // length) * length)
        return PeriodSpan(start, start + timedelta(days=length - 1))
    if kind == PayPeriodKind.SEMI_MONTHLY:
        if day.day <= 15:
            return PeriodSpan(day.replace(day=1), day.replace(day=15))
        return PeriodSpan(day.replace(day=16), _last_day_of_month(day))
    return PeriodSpan(day.replace(day=1), _last_day_of_month(day))


def pay_day_of(end: date, offset_days: int) -> date:
    return end + timedelta(days=offset_days)


def _default_settings(organization_id: int) -> OrganizationPayrollSettings:
    """Monthly periods paid 3 days later, until the organization changes them."""
    return OrganizationPayrollSettings(
        organization_id=organization_id,
        period_kind=PayPeriodKind.MONTHLY,
        anchor_date=DEFAULT_ANCHOR,
        pay_day_offset_days=DEFAULT_PAY_DAY_OFFSET,
    )


async def payroll_settings(
    session: AsyncSession, organization_id: int
) -> OrganizationPayrollSettings:
    """The organization's settings; monthly periods paid 3 days later until changed."""
    settings = await session.get(OrganizationPayrollSettings, organization_id)
    return settings or _default_settings(organization_id)


async def period_by_id(session: AsyncSession, period_id: int) -> PayPeriod:
    period = await session.get(PayPeriod, period_id)
    if period is None:
        raise NotFound(what="period")
    return period


def _stored_containing(organization_id: int, day: date) -> Select[PayPeriod]:
    return select(PayPeriod).where(
        PayPeriod.organization_id == organization_id,
        PayPeriod.start_date <= day,
        PayPeriod.end_date >= day,
    )


def _period_of_day_statement() -> Select:
    """The statement of `_period_of_day`, built once (it is read on every main menu):
    parameters `organization_id` and `day`."""
    organization_id: BindParameter[int] = bindparam("organization_id")
    day: BindParameter[date] = bindparam("day")
    stored = aliased(PayPeriod)
    previous_end = (
        select(func.max(PayPeriod.end_date))
        .where(PayPeriod.organization_id == organization_id, PayPeriod.end_date < day)
        .scalar_subquery()
    )
    next_start = (
        select(func.min(PayPeriod.start_date))
        .where(PayPeriod.organization_id == organization_id, PayPeriod.start_date > day)
        .scalar_subquery()
    )
    return (
        select(stored, OrganizationPayrollSettings, previous_end, next_start)
        .select_from(Organization)
        .outerjoin(
            stored,
            and_(
                stored.organization_id == Organization.id,
                stored.start_date <= day,
                stored.end_date >= day,
            ),
        )
        .outerjoin(
            OrganizationPayrollSettings,
            OrganizationPayrollSettings.organization_id == Organization.id,
        )
        .where(Organization.id == organization_id)
    )


_PERIOD_OF_DAY = _period_of_day_statement()


async def _period_of_day(
    session: AsyncSession, organization_id: int, day: date
) -> tuple[PayPeriod | None, PayPeriod]:
    """The stored period containing `day` (None if none) and the one `day` would get were
    none stored: the settings' span, clipped so that it never overlaps a period cut under
    earlier settings (not added to the session, its id None). One query."""
    parameters = {"organization_id": organization_id, "day": day}
    row = (await session.execute(_PERIOD_OF_DAY, parameters)).first()
    if row is None:
        raise NotFound(what="organization")
    found, settings, previous, following = row
    settings = settings or _default_settings(organization_id)
    span = period_span(PayPeriodKind(settings.period_kind), settings.anchor_date, day)
    start = max(span.start, previous + timedelta(days=1)) if previous else span.start
    end = min(span.end, following - timedelta(days=1)) if following else span.end
    unstored = PayPeriod(
        organization_id=organization_id,
        kind=settings.period_kind,
        start_date=start,
        end_date=end,
        pay_day=pay_day_of(end, settings.pay_day_offset_days),
        status=PayPeriodStatus.OPEN,
    )
    return found, unstored


async def period_for_date(session: AsyncSession, organization_id: int, day: date) -> PayPeriod:
    """The organization's period containing `day`, created on first use (as
    `_period_of_day` cuts it). Returned share-locked: a period cannot close while an
    entry is being added to it."""
    containing = (
        _stored_containing(organization_id, day)
        .with_for_update(read=True)
        .execution_options(populate_existing=True)
    )
    period = await session.scalar(containing)
    if period is not None:
        return period
    _, new = await _period_of_day(session, organization_id, day)
    await session.execute(
        dialect_insert(session)(PayPeriod)
        .values(
            organization_id=new.organization_id,
            kind=new.kind,
            start_date=new.start_date,
            end_date=new.end_date,
            pay_day=new.pay_day,
            status=new.status,
        )
        .on_conflict_do_nothing(index_elements=["organization_id", "start_date"])
    )
    period = await session.scalar(containing)
    assert period is not None
    return period


async def current_period(session: AsyncSession, clock: Clock, organization_id: int) -> PayPeriod:
    """The period of the organization's local date today, for reading: the stored one, or
    the one today would get, unstored (id None) until something is written to it."""
    stored, unstored = await _period_of_day(
        session, organization_id, await organization_today(session, clock, organization_id)
    )
    return stored or unstored


async def open_current_period(
    session: AsyncSession, clock: Clock, organization_id: int
) -> PayPeriod:
    """The period of the organization's local date today, stored (created if new)."""
    today = await organization_today(session, clock, organization_id)
    return await period_for_date(session, organization_id, today)
