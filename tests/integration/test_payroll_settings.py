"""Changing how pay periods are cut never rewrites history: the current period keeps its
dates, pay day and entries, and the new settings cut periods from the day after it ends.
The organization is in Moscow and starts with monthly periods paid 3 days later; the
clock stands at Tuesday 10 March 2026."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from services.payroll.ledger import record_shift_entries
from services.payroll.periods import payroll_settings, period_for_date
from services.payroll.settings import update_payroll_settings
from services.platform.clock import ManualClock
from services.platform.db.models import (
    LedgerEntry,
    MembershipRole,
    PayPeriod,
    PayPeriodKind,
    Permission,
)
from services.platform.errors import InvalidInput, PermissionDenied
from tests.support.payroll import (
    add_finished_shift,
    add_object,
    add_person,
    local,
    make_payroll_world,
)

CLOCK = ManualClock(local(date(2026, 3, 10), 12, 0))


async def _monthly_world(session):
    world = await make_payroll_world(
        session, period_kind=PayPeriodKind.MONTHLY, pay_day_offset_days=3
    )
    mira = await add_object(session, world, "Мира", rate="300")
    anna = await add_person(session, world, "Anna", [mira])
    return world, mira, anna


async def _change(session, world, *, user_id: int | None = None, offset: int = 2):
    """Switch the organization to weekly periods paid `offset` days after their end."""
    return await update_payroll_settings(
        session,
        CLOCK,
        user_id=user_id or world.owner.id,
        organization_id=world.organization.id,
        period_kind=PayPeriodKind.WEEKLY,
        pay_day_offset_days=offset,
    )


async def _periods(session, organization_id: int) -> list[tuple[date, date, date]]:
    rows = await session.scalars(
        select(PayPeriod)
        .where(PayPeriod.organization_id == organization_id)
        .order_by(PayPeriod.start_date)
    )
    return [(p.start_date, p.end_date, p.pay_day) for p in rows]


async def test_switching_to_weekly_keeps_the_current_month_and_starts_after_it(
    session_factory,
) -> None:
    async with session_factory() as session, session.begin():
        world, mira, anna = await _monthly_world(session)
        march_5 = await add_finished_shift(
            session, anna, mira, local(date(2026, 3, 5), 9, 0), local(date(2026, 3, 5), 13, 0)
        )
        await record_shift_entries(session, march_5)
        change = await _change(session, world)
        assert (change.current_period.start_date, change.current_period.end_date) == (
            date(2026, 3, 1),
            date(2026, 3, 31),
        )
        assert change.effective_from == date(2026, 4, 1)
        # A shift later in March still lands in the monthly period, beside the first one.
        march_20 = await add_finished_shift(
            session, anna, mira, local(date(2026, 3, 20), 9, 0), local(date(2026, 3, 20), 11, 0)
        )
        await record_shift_entries(session, march_20)
        # April: the first week is cut short (1–5 April) so that weeks run Monday–Sunday.
        for day in (date(2026, 4, 2), date(2026, 4, 7)):
            await period_for_date(session, world.organization.id, day)
        assert await _periods(session, world.organization.id) == [
            (date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 3)),
            (date(2026, 4, 1), date(2026, 4, 5), date(2026, 4, 7)),
            (date(2026, 4, 6), date(2026, 4, 12), date(2026, 4, 14)),
        ]
        march = change.current_period
        entries = list(
            await session.scalars(
                select(LedgerEntry.amount).where(LedgerEntry.pay_period_id == march.id)
            )
        )
        assert sorted(entries) == [Decimal("600.00"), Decimal("1200.00")]


async def test_a_period_nobody_looked_at_yet_is_cut_by_the_old_settings(session_factory) -> None:
    """Without the rule the weekly cut would take over 9–15 March, splitting the month
    whose first days were already worked."""
    async with session_factory() as session, session.begin():
        world, _, _ = await _monthly_world(session)
        assert await _periods(session, world.organization.id) == []
        change = await _change(session, world, offset=0)
        assert change.effective_from == date(2026, 4, 1)
        assert await _periods(session, world.organization.id) == [
            (date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 3))
        ]


async def test_only_the_owner_changes_settings_within_limits(session_factory) -> None:
    async with session_factory() as session, session.begin():
        world, mira, _ = await _monthly_world(session)
        manager, _ = await add_person(
            session,
            world,
            "Max",
            [mira],
            role=MembershipRole.MANAGER,
            permissions=[Permission.EDIT_MONEY.value],
        )
        with pytest.raises(PermissionDenied):
            await _change(session, world, user_id=manager.id)
        with pytest.raises(InvalidInput):
            await _change(session, world, offset=32)
        settings = await payroll_settings(session, world.organization.id)
        assert settings.period_kind == PayPeriodKind.MONTHLY
