"""Planning rules hold under concurrency, on PostgreSQL and on the embedded default's
SQLite: many sessions at once, each its own transaction, as many bot replicas (or the
three processes of the embedded default) would run them."""

import asyncio
import itertools
from datetime import date, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from services.planning.bookings import assign_employee, book_slot, move_planned_shift
from services.planning.cancellations import add_cancellation_reason, cancel_planned_shift
from services.planning.queries import count_planned
from services.platform.db.models import PlannedShift, PlannedShiftStatus
from services.platform.errors import DomainError
from tests.conftest import ON_BOTH_DATABASES
from tests.support.planning import make_employee, make_slot, make_world

pytestmark = ON_BOTH_DATABASES

TOMORROW = date(2026, 3, 3)


async def _attempt(session_factory, use_case, **kwargs) -> str:
    """Run one use case in its own transaction: "ok" or the refusal's code."""
    async with session_factory() as session:
        try:
            await use_case(session, **kwargs)
        except DomainError as error:
            await session.rollback()
            return error.code
        await session.commit()
        return "ok"


async def _planned_on(session_factory, slot_id: int) -> int:
    async with session_factory() as session:
        return await count_planned(session, slot_id)


async def test_fifty_employees_booking_one_place(session_factory, clock):
    async with session_factory() as session:
        world = await make_world(session, clock)
        employees = [
            (await make_employee(session, world.organization, [world.work_object], telegram_id=n))[
                0
            ]
            for n in range(100, 150)
        ]
        slot = await make_slot(session, clock, world.owner, world.work_object, day=TOMORROW)
        await session.commit()

    results = await asyncio.gather(
        *(
            _attempt(session_factory, book_slot, clock=clock, user_id=e.id, slot_id=slot.id)
            for e in employees
        )
    )

    assert results.count("ok") == 1
    assert results.count("slot-full") == 49
    assert await _planned_on(session_factory, slot.id) == 1


async def test_one_employee_booking_two_overlapping_slots_at_once(session_factory, clock):
    async with session_factory() as session:
        world = await make_world(session, clock)
        ivan, _ = await make_employee(
            session, world.organization, [world.work_object], telegram_id=1
        )
        slots = [
            await make_slot(
                session,
                clock,
                world.owner,
                world.work_object,
                day=TOMORROW,
                start=start,
                end=end,
                places=3,
            )
            for start, end in ((time(9), time(15)), (time(14), time(22)))
        ]
        await session.commit()

    for _ in range(5):  # several rounds: the race must be lost every time, not by luck
        results = await asyncio.gather(
            *(
                _attempt(session_factory, book_slot, clock=clock, user_id=ivan.id, slot_id=s.id)
                for s in slots
            )
        )
        assert sorted(results) == ["ok", "shift-overlap"]
        async with session_factory() as session:
            planned = await session.scalars(
                select(PlannedShift).where(PlannedShift.status == PlannedShiftStatus.PLANNED)
            )
            for planned_shift in planned:
                planned_shift.status = PlannedShiftStatus.CANCELLED
            await session.commit()


_round = itertools.count()

operations = st.lists(
    st.tuples(st.sampled_from(["book", "assign", "cancel"]), st.integers(0, 5)),
    min_size=1,
    max_size=14,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(capacity=st.integers(1, 3), batches=st.lists(operations, min_size=1, max_size=3))
async def test_occupancy_never_exceeds_max_under_interleavings(
    session_factory, clock, capacity, batches
):
    """Random book/assign/cancel operations, each batch run concurrently: the slot never
    holds more planned employees than its places."""
    round_number = next(_round)
    async with session_factory() as session:
        world = await make_world(session, clock, owner_telegram_id=10_000 + round_number * 10)
        people = [
            await make_employee(
                session,
                world.organization,
                [world.work_object],
                telegram_id=1_000_000 + round_number * 10 + n,
            )
            for n in range(6)
        ]
        reason = await add_cancellation_reason(
            session,
            user_id=world.owner.id,
            organization_id=world.organization.id,
            title="Планы",
            needs_document=False,
        )
        slot = await make_slot(
            session,
            clock,
            world.owner,
            world.work_object,
            day=TOMORROW + timedelta(days=round_number % 300),
            places=capacity,
        )
        await session.commit()

    async def run(operation: str, index: int) -> str:
        user, membership = people[index]
        if operation == "book":
            return await _attempt(
                session_factory, book_slot, clock=clock, user_id=user.id, slot_id=slot.id
            )
        if operation == "assign":
            return await _attempt(
                session_factory,
                assign_employee,
                clock=clock,
                user_id=world.owner.id,
                slot_id=slot.id,
                membership_id=membership.id,
            )
        async with session_factory() as session:
            planned_id = await session.scalar(
                select(PlannedShift.id).where(
                    PlannedShift.slot_id == slot.id,
                    PlannedShift.user_id == user.id,
                    PlannedShift.status == PlannedShiftStatus.PLANNED,
                )
            )
        if planned_id is None:
            return "nothing-to-cancel"
        return await _attempt(
            session_factory,
            cancel_planned_shift,
            clock=clock,
            user_id=user.id,
            planned_shift_id=planned_id,
            reason_id=reason.id,
        )

    for batch in batches:
        results = await asyncio.gather(*(run(op, index) for op, index in batch))
        assert set(results) <= {
            "ok",
            "slot-full",
            "already-on-slot",
            "shift-not-planned",
            "nothing-to-cancel",
        }
        assert await _planned_on(session_factory, slot.id) <= capacity
    async with session_factory() as session:
        per_user = await session.execute(
            select(PlannedShift.user_id, func.count())
            .where(
                PlannedShift.slot_id == slot.id,
                PlannedShift.status == PlannedShiftStatus.PLANNED,
            )
            .group_by(PlannedShift.user_id)
        )
        assert all(count == 1 for _, count in per_user)


async def test_two_moves_into_the_last_place_one_succeeds(session_factory, clock):
    """Ivan and Maria, each on their own slot, are moved at once into the one free place
    of a third: one move wins, the other is refused and its employee stays where they were."""
    async with session_factory() as session:
        world = await make_world(session, clock)

        async def slot(day: date, places: int = 1) -> int:
            return (
                await make_slot(
                    session, clock, world.owner, world.work_object, day=day, places=places
                )
            ).id

        target = await slot(TOMORROW + timedelta(days=2), places=2)
        gleb = (
            await make_employee(session, world.organization, [world.work_object], telegram_id=3)
        )[1]
        await assign_employee(
            session, clock, user_id=world.owner.id, slot_id=target, membership_id=gleb.id
        )
        planned = {}
        for telegram_id, day in ((1, TOMORROW), (2, TOMORROW + timedelta(days=1))):
            _, membership = await make_employee(
                session, world.organization, [world.work_object], telegram_id=telegram_id
            )
            placed = await assign_employee(
                session,
                clock,
                user_id=world.owner.id,
                slot_id=await slot(day),
                membership_id=membership.id,
            )
            planned[placed.id] = placed.slot_id
        await session.commit()

    results = await asyncio.gather(
        *(
            _attempt(
                session_factory,
                move_planned_shift,
                clock=clock,
                user_id=world.owner.id,
                planned_shift_id=planned_shift_id,
                slot_id=target,
            )
            for planned_shift_id in planned
        )
    )

    assert sorted(results) == ["ok", "slot-full"]
    assert await _planned_on(session_factory, target) == 2
    # The loser keeps their place; the winner's old slot is empty.
    assert sorted([await _planned_on(session_factory, s) for s in planned.values()]) == [0, 1]
