"""Breaks on a real shift at "Кофейня" (300 ₽/h, Moscow), on PostgreSQL and SQLite:
a break and "back", a second tap refused, closing during a break ends it, unpaid breaks
come off the paid minutes (and the payslip line says so), a required break is deducted
only when none was recorded, paid breaks are not deducted, and racing taps start exactly
one break."""

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from services.attendance.breaks import AlreadyOnBreak, NotOnBreak, end_break, start_break
from services.attendance.clock_out import close_shift
from services.payroll.ledger import record_shift_entries
from services.platform.clock import ManualClock
from services.platform.db.models import LedgerEntry, LedgerEntryType, Shift, ShiftBreak
from tests.conftest import ON_BOTH_DATABASES
from tests.support.shifts import add_planned_shift, make_shift_world, open_at_the_cafe


async def _on_shift(session_factory, clock: ManualClock, **object_fields):
    world = await make_shift_world(session_factory, check_location_on_close=False, **object_fields)
    planned = await add_planned_shift(session_factory, world, clock.now(), timedelta(hours=12))
    async with session_factory() as session, session.begin():
        await open_at_the_cafe(session, clock, world.employee.id, planned.id)
    return world


async def _act(session_factory, action, clock, world) -> None:
    async with session_factory() as session, session.begin():
        await action(session, clock, user_id=world.employee.id)


async def _close(session_factory, clock, world) -> Shift:
    async with session_factory() as session, session.begin():
        result = await close_shift(session, clock, user_id=world.employee.id, report=None)
        assert result.shift is not None
        return result.shift


@ON_BOTH_DATABASES
async def test_unpaid_breaks_come_off_the_paid_minutes(session_factory, clock: ManualClock):
    world = await _on_shift(session_factory, clock, required_break_after_hours=6)
    clock.advance(timedelta(hours=3))
    await _act(session_factory, start_break, clock, world)
    with pytest.raises(AlreadyOnBreak):
        await _act(session_factory, start_break, clock, world)
    clock.advance(timedelta(minutes=20))
    await _act(session_factory, end_break, clock, world)
    with pytest.raises(NotOnBreak):
        await _act(session_factory, end_break, clock, world)
    clock.advance(timedelta(hours=3))
    await _act(session_factory, start_break, clock, world)
    clock.advance(timedelta(minutes=10))
    # Closed during the second break: it ends at the close.
    shift = await _close(session_factory, clock, world)
    # 6 h 30 min paid span − 30 min of breaks = 360 min × 300 / 60 = 1800.00; a break was
    # recorded, so the required one is not deducted on top.
    assert (shift.break_minutes, shift.unpaid_break_minutes) == (30, 30)
    assert (shift.worked_minutes, shift.pay) == (360, Decimal("1800.00"))
    async with session_factory() as session, session.begin():
        breaks = list(await session.scalars(select(ShiftBreak).order_by(ShiftBreak.id)))
        assert [b.ended_at is not None for b in breaks] == [True, True]
        assert breaks[1].ended_at == shift.closed_at
        entry = await session.scalar(
            select(LedgerEntry).where(LedgerEntry.type == LedgerEntryType.SHIFT_PAY)
        )
        assert entry is not None and (entry.minutes, entry.amount) == (360, Decimal("1800.00"))
        assert {
            "unpaid_break_minutes": "30",
            "break_minutes": "30",
        }.items() <= entry.details.items()
        reloaded = await session.get(Shift, shift.id)
        assert reloaded is not None
        assert await record_shift_entries(session, reloaded) == 0


@ON_BOTH_DATABASES
async def test_a_required_break_is_deducted_only_when_none_was_recorded(
    session_factory, clock: ManualClock
):
    world = await _on_shift(
        session_factory, clock, required_break_after_hours=6, required_break_minutes=30
    )
    clock.advance(timedelta(hours=7))
    shift = await _close(session_factory, clock, world)
    # 420 min, no break recorded in more than 6 h: 30 min are not paid → 390 min, 1950.00.
    assert (shift.break_minutes, shift.unpaid_break_minutes) == (0, 30)
    assert (shift.worked_minutes, shift.pay) == (390, Decimal("1950.00"))


@ON_BOTH_DATABASES
async def test_paid_breaks_are_not_deducted(session_factory, clock: ManualClock):
    world = await _on_shift(session_factory, clock, breaks_paid=True, required_break_after_hours=6)
    clock.advance(timedelta(hours=4))
    await _act(session_factory, start_break, clock, world)
    clock.advance(timedelta(minutes=15))
    await _act(session_factory, end_break, clock, world)
    clock.advance(timedelta(hours=3))
    shift = await _close(session_factory, clock, world)
    assert (shift.break_minutes, shift.unpaid_break_minutes) == (15, 0)
    assert shift.worked_minutes == 7 * 60 + 15


async def test_racing_break_taps_start_exactly_one_break(session_factory, clock: ManualClock):
    world = await _on_shift(session_factory, clock)
    clock.advance(timedelta(hours=2))

    async def tap() -> str:
        try:
            await _act(session_factory, start_break, clock, world)
        except AlreadyOnBreak:
            return "refused"
        return "started"

    results = await asyncio.gather(*(tap() for _ in range(10)))
    assert sorted(results) == ["refused"] * 9 + ["started"]
    async with session_factory() as session:
        assert len(list(await session.scalars(select(ShiftBreak)))) == 1
