"""The work date of a shift, through real clock-in and clock-out: its pay goes to the
planned start's local date (in the object's timezone), or for an unscheduled shift to the
opening's, and so to that date's pay period — not to the organization's date of the
moment the employee clocked in. The organization is in Moscow with monthly periods."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from services.attendance.clock_in import ShiftChoice, open_shift
from services.attendance.clock_out import close_shift
from services.places.geo import LocationReport
from services.platform.clock import ManualClock
from services.platform.db.models import LedgerEntry, LedgerEntryType, PayPeriod
from services.platform.db.session import SessionFactory
from tests.support.shifts import CAFE, ShiftWorld, add_planned_shift, make_shift_world

MOSCOW = ZoneInfo("Europe/Moscow")
VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")


def at_the_cafe(clock: ManualClock) -> LocationReport:
    return LocationReport(*CAFE, sent_at=clock.now())


async def _pay_booked(session_factory: SessionFactory) -> tuple[date, date]:
    """The work date of the shift's pay and the first day of the period it went to."""
    async with session_factory() as session:
        entry, period_start = (
            await session.execute(
                select(LedgerEntry, PayPeriod.start_date)
                .join(PayPeriod, PayPeriod.id == LedgerEntry.pay_period_id)
                .where(LedgerEntry.type == LedgerEntryType.SHIFT_PAY)
            )
        ).one()
    return entry.work_date, period_start


async def _close_after(
    session_factory: SessionFactory, clock: ManualClock, world: ShiftWorld, hours: int
) -> None:
    clock.advance(timedelta(hours=hours))
    async with session_factory() as session, session.begin():
        await close_shift(session, clock, user_id=world.employee.id, report=at_the_cafe(clock))


async def test_clocking_in_at_2350_for_a_0010_shift_books_it_to_the_planned_day_and_period(
    session_factory: SessionFactory,
) -> None:
    clock = ManualClock(datetime(2026, 3, 31, 23, 50, tzinfo=MOSCOW))
    world = await make_shift_world(session_factory)
    planned = await add_planned_shift(
        session_factory, world, datetime(2026, 4, 1, 0, 10, tzinfo=MOSCOW)
    )
    async with session_factory() as session, session.begin():
        result = await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(planned_shift_id=planned.id),
            report=at_the_cafe(clock),
        )
    assert result.accepted
    await _close_after(session_factory, clock, world, 8)

    assert await _pay_booked(session_factory) == (date(2026, 4, 1), date(2026, 4, 1))


async def test_an_unscheduled_shift_is_booked_to_the_objects_local_date_of_opening(
    session_factory: SessionFactory,
) -> None:
    """05:00 on 1 April in Vladivostok is still 31 March, 22:00, in Moscow."""
    clock = ManualClock(datetime(2026, 4, 1, 5, 0, tzinfo=VLADIVOSTOK))
    world = await make_shift_world(
        session_factory,
        timezone="Asia/Vladivostok",
        allow_spontaneous_shifts=True,
        opening_hours={},
    )
    async with session_factory() as session, session.begin():
        result = await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(object_id=world.work_object.id),
            report=at_the_cafe(clock),
        )
    assert result.accepted
    await _close_after(session_factory, clock, world, 4)

    assert await _pay_booked(session_factory) == (date(2026, 4, 1), date(2026, 4, 1))
