"""Clock-in use cases: one open shift per employee under 100 concurrent attempts (on
PostgreSQL and SQLite), approvals and manual closing by permission, auto-close of
spontaneous shifts at the object's maximum length, and the open-shifts gauge."""

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from services.attendance.approvals import approve_clock_in, request_approval
from services.attendance.clock_in import ShiftChoice, open_shift, today_options
from services.attendance.clock_out import close_shift_manually
from services.attendance.errors import AttemptNotApprovable, ShiftAlreadyOpen, ShiftNotOpen
from services.jobs import SCHEDULED_JOBS
from services.places.geo import LocationReport
from services.platform.clock import ManualClock
from services.platform.db.models import (
    ClockInAttempt,
    MembershipRole,
    OutboxMessage,
    Permission,
    Shift,
    ShiftStatus,
)
from services.platform.errors import PermissionDenied
from services.platform.observability.metrics import CLOCK_IN_ATTEMPTS, OPEN_SHIFTS
from services.platform.scheduler import Scheduler
from services.ratings.rules import rating_buttons
from tests.conftest import ON_BOTH_DATABASES
from tests.support.planning import make_employee
from tests.support.shifts import CAFE, add_planned_shift, make_shift_world, north_of


def here(clock: ManualClock, metres: float = 0) -> LocationReport:
    point = north_of(CAFE, metres)
    return LocationReport(point[0], point[1], sent_at=clock.now())


@ON_BOTH_DATABASES
async def test_100_simultaneous_open_attempts_open_exactly_one_shift(
    session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory)
    planned = await add_planned_shift(session_factory, world, clock.now())

    async def attempt() -> str:
        async with session_factory() as session:
            try:
                await open_shift(
                    session,
                    clock,
                    user_id=world.employee.id,
                    choice=ShiftChoice(planned_shift_id=planned.id),
                    report=here(clock),
                )
                await session.commit()
            except ShiftAlreadyOpen as error:
                await session.commit()
                return f"already:{error.params['shift_id']}"
            return "opened"

    results = await asyncio.gather(*(attempt() for _ in range(100)))

    async with session_factory() as session:
        shifts = list(await session.scalars(select(Shift)))
    assert len(shifts) == 1
    assert results.count("opened") == 1
    assert set(results) - {"opened"} == {f"already:{shifts[0].id}"}


async def test_two_objects_one_employee_still_one_open_shift(
    session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory, allow_spontaneous_shifts=True)
    planned = await add_planned_shift(session_factory, world, clock.now())
    async with session_factory() as session, session.begin():
        await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(planned_shift_id=planned.id),
            report=here(clock),
        )
    async with session_factory() as session:
        with pytest.raises(ShiftAlreadyOpen):
            await open_shift(
                session,
                clock,
                user_id=world.employee.id,
                choice=ShiftChoice(object_id=world.work_object.id),
                report=here(clock),
            )
        options = await today_options(session, world.employee.id, clock.now())
    assert options.open_shift_id is not None and options.planned == []


async def test_manager_without_plan_cannot_approve_nor_close(
    session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory)
    planned = await add_planned_shift(session_factory, world, clock.now())
    async with session_factory() as session, session.begin():
        viewer, _ = await make_employee(
            session,
            world.organization,
            [world.work_object],
            telegram_id=7010,
            role=MembershipRole.MANAGER,
            permissions=[Permission.VIEW.value],
        )
        refused = await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(planned_shift_id=planned.id),
            report=here(clock, 900),
        )
        assert refused.attempt is not None
        await request_approval(
            session, clock, user_id=world.employee.id, attempt_id=refused.attempt.id
        )
    assert refused.attempt is not None
    async with session_factory() as session:
        with pytest.raises(PermissionDenied):
            await approve_clock_in(
                session, clock, approver_user_id=viewer.id, attempt_id=refused.attempt.id
            )
    async with session_factory() as session, session.begin():
        shift = await approve_clock_in(
            session, clock, approver_user_id=world.owner.id, attempt_id=refused.attempt.id
        )
    async with session_factory() as session:
        with pytest.raises(AttemptNotApprovable):
            await approve_clock_in(
                session, clock, approver_user_id=world.manager.id, attempt_id=refused.attempt.id
            )
        with pytest.raises(PermissionDenied):
            await close_shift_manually(
                session, clock, user_id=viewer.id, shift_id=shift.id, reason="no"
            )
    async with session_factory() as session, session.begin():
        await close_shift_manually(
            session, clock, user_id=world.owner.id, shift_id=shift.id, reason="ушла"
        )
    async with session_factory() as session:
        with pytest.raises(ShiftNotOpen):
            await close_shift_manually(
                session, clock, user_id=world.owner.id, shift_id=shift.id, reason="again"
            )


async def test_spontaneous_shift_without_hours_is_auto_closed_at_the_objects_maximum_length(
    engine, session_factory, clock: ManualClock, settings
) -> None:
    world = await make_shift_world(session_factory, allow_spontaneous_shifts=True, opening_hours={})
    opened_at = clock.now()
    async with session_factory() as session, session.begin():
        await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(object_id=world.work_object.id),
            report=here(clock),
        )
    scheduler = Scheduler(
        engine=engine,
        session_factory=session_factory,
        clock=clock,
        settings=settings,
        jobs=SCHEDULED_JOBS,
    )
    clock.advance(timedelta(hours=12, minutes=29))  # 12 h by default, then 30 min of grace
    done = await scheduler.tick()
    assert done is not None and done["auto_close_shifts"] == 0
    assert OPEN_SHIFTS._value.get() == 1

    clock.advance(timedelta(minutes=2))
    done = await scheduler.tick()
    assert done is not None and done["auto_close_shifts"] == 1
    assert OPEN_SHIFTS._value.get() == 0
    async with session_factory() as session:
        shift = await session.scalar(select(Shift))
        feed = {
            row.recipient_user_id: row.payload
            for row in await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "shift_auto_closed")
            )
        }
    assert shift is not None and shift.status == ShiftStatus.AUTO_CLOSED and shift.needs_review
    assert shift.closed_at == opened_at + timedelta(hours=12)
    assert shift.worked_minutes == 720 and shift.pay == Decimal("3600.00")
    # The owner may correct it from the notification; Max only plans: both may rate it
    # in one tap. The employee and the report chat just read it.
    correct = {"text_key": "notify-button-correct-shift", "start_payload": f"fix_{shift.id}"}
    rate = rating_buttons(shift.id)
    assert feed[world.owner.id]["buttons"] == [correct, rate]
    assert feed[world.manager.id]["buttons"] == [rate]
    assert "buttons" not in feed[world.employee.id] and "buttons" not in feed[None]


async def test_an_objects_shorter_maximum_closes_a_forgotten_shift_sooner(
    session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(
        session_factory, allow_spontaneous_shifts=True, opening_hours={}, max_shift_hours=6
    )
    async with session_factory() as session, session.begin():
        result = await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(object_id=world.work_object.id),
            report=here(clock),
        )
    assert result.shift is not None
    assert result.shift.scheduled_end_at == clock.now() + timedelta(hours=6)


async def test_every_attempt_is_audited_and_counted(session_factory, clock: ManualClock) -> None:
    world = await make_shift_world(session_factory)
    planned = await add_planned_shift(session_factory, world, clock.now())
    refused_before = CLOCK_IN_ATTEMPTS.labels("open", "refused", "too-far")._value.get()
    async with session_factory() as session, session.begin():
        for metres in (500, 1000, 20):
            await open_shift(
                session,
                clock,
                user_id=world.employee.id,
                choice=ShiftChoice(planned_shift_id=planned.id),
                report=here(clock, metres),
            )
    async with session_factory() as session:
        count = await session.scalar(select(func.count()).select_from(ClockInAttempt))
        results = list(
            await session.scalars(select(ClockInAttempt.result).order_by(ClockInAttempt.id))
        )
    assert count == 3 and results == ["refused", "refused", "accepted"]
    refused_after = CLOCK_IN_ATTEMPTS.labels("open", "refused", "too-far")._value.get()
    assert refused_after - refused_before == 2
