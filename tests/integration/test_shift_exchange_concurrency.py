"""Open places, give-aways and swaps hold their rules under concurrency, on PostgreSQL
and on the embedded default's SQLite: many sessions at once, each its own transaction, as
many bot replicas (or the three processes of the embedded default) would run them."""

import asyncio
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from services.exchange.offers import offer_shift, take_offered_shift
from services.exchange.open_places import take_open_place
from services.exchange.swaps import answer_swap, propose_swap
from services.planning.bookings import book_slot
from services.planning.queries import count_planned
from services.platform.db.models import ExchangeStatus, PlannedShift, PlannedShiftStatus, ShiftSwap
from services.platform.errors import DomainError
from tests.conftest import ON_BOTH_DATABASES
from tests.support.planning import (
    make_employee,
    make_object,
    make_planned_shift,
    make_slot,
    make_world,
)

pytestmark = ON_BOTH_DATABASES

TUESDAY = date(2026, 3, 3)
WEDNESDAY = date(2026, 3, 4)


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


async def _slot(session, clock, world, day=TUESDAY, start=time(9), end=time(18), places=1):
    return await make_slot(
        session, clock, world.owner, world.work_object, day=day, start=start, end=end, places=places
    )


async def _planned(session, clock, world, user, day=TUESDAY, **times) -> PlannedShift:
    return await make_planned_shift(session, clock, world, user, day=day, **times)


async def _holder(session_factory, planned_shift_id: int) -> int:
    async with session_factory() as session:
        planned_shift = await session.get(PlannedShift, planned_shift_id)
        assert planned_shift is not None and planned_shift.status == PlannedShiftStatus.PLANNED
        return planned_shift.user_id


async def _overlapping_pairs(session_factory) -> int:
    """Pairs of planned shifts of one person that overlap in time."""
    other = aliased(PlannedShift)
    async with session_factory() as session:
        return int(
            await session.scalar(
                select(func.count())
                .select_from(PlannedShift)
                .join(
                    other,
                    (other.user_id == PlannedShift.user_id)
                    & (other.id > PlannedShift.id)
                    & (other.starts_at < PlannedShift.ends_at)
                    & (other.ends_at > PlannedShift.starts_at),
                )
                .where(
                    PlannedShift.status == PlannedShiftStatus.PLANNED,
                    other.status == PlannedShiftStatus.PLANNED,
                )
            )
            or 0
        )


async def test_twenty_employees_taking_the_last_open_place(session_factory, clock):
    async with session_factory() as session:
        world = await make_world(session, clock)
        early, _ = await make_employee(
            session, world.organization, [world.work_object], telegram_id=99
        )
        employees = [
            (await make_employee(session, world.organization, [world.work_object], telegram_id=n))[
                0
            ]
            for n in range(100, 120)
        ]
        slot = await _slot(session, clock, world, places=2)
        await book_slot(session, clock, user_id=early.id, slot_id=slot.id)
        await session.commit()

    results = await asyncio.gather(
        *(
            _attempt(
                session_factory,
                take_open_place,
                clock=clock,
                user_id=e.id,
                slot_id=slot.id,
            )
            for e in employees
        )
    )

    assert results.count("ok") == 1
    assert results.count("slot-full") == 19
    async with session_factory() as session:
        assert await count_planned(session, slot.id) == 2


async def test_twenty_colleagues_taking_one_give_away(session_factory, clock):
    async with session_factory() as session:
        world = await make_world(session, clock)
        anna, _ = await make_employee(
            session, world.organization, [world.work_object], telegram_id=99
        )
        colleagues = [
            (await make_employee(session, world.organization, [world.work_object], telegram_id=n))[
                0
            ]
            for n in range(100, 120)
        ]
        given = await _planned(session, clock, world, anna)
        offer = await offer_shift(session, clock, user_id=anna.id, planned_shift_id=given.id)
        await session.commit()

    results = await asyncio.gather(
        *(
            _attempt(
                session_factory,
                take_offered_shift,
                clock=clock,
                user_id=c.id,
                offer_id=offer.id,
            )
            for c in colleagues
        )
    )

    assert results.count("ok") == 1
    assert results.count("offer-gone") == 19
    winner = colleagues[results.index("ok")]
    assert await _holder(session_factory, given.id) == winner.id


async def test_two_swaps_of_the_same_shift_at_once_at_most_one_happens(session_factory, clock):
    """Anna and Boris both propose to Vera to swap for her Wednesday shift; Vera accepts
    both at the same moment (two devices): one swap happens, the other finds the shift
    changed hands; nobody holds two shifts or loses one."""
    for round_number in range(5):
        async with session_factory() as session:
            world = await make_world(session, clock, owner_telegram_id=10 + round_number * 10)
            people = [
                (
                    await make_employee(
                        session,
                        world.organization,
                        [world.work_object],
                        telegram_id=1000 + round_number * 10 + n,
                    )
                )[0]
                for n in range(3)
            ]
            anna, boris, vera = people
            day = date(2026, 3, 3 + round_number * 3)
            anna_shift = await _planned(session, clock, world, anna, day=day)
            boris_shift = await _planned(
                session, clock, world, boris, day=day, start=time(19), end=time(23)
            )
            vera_shift = await _planned(
                session, clock, world, vera, day=date(2026, 3, 4 + round_number * 3)
            )
            swaps = [
                await propose_swap(
                    session,
                    clock,
                    user_id=proposer.id,
                    planned_shift_id=shift.id,
                    partner_shift_id=vera_shift.id,
                )
                for proposer, shift in ((anna, anna_shift), (boris, boris_shift))
            ]
            await session.commit()

        results = await asyncio.gather(
            *(
                _attempt(
                    session_factory,
                    answer_swap,
                    clock=clock,
                    user_id=vera.id,
                    swap_id=swap.id,
                    accept=True,
                )
                for swap in swaps
            )
        )

        # The loser finds the shift changed while it holds its swap, or, when it comes
        # after the winner (SQLite runs them one after the other), the swap retired.
        assert results.count("ok") == 1
        refusal = next(result for result in results if result != "ok")
        assert refusal in ("shift-changed", "swap-gone")
        winner, loser = (anna, boris) if results[0] == "ok" else (boris, anna)
        winner_shift = anna_shift if winner is anna else boris_shift
        loser_shift = boris_shift if winner is anna else anna_shift
        assert await _holder(session_factory, vera_shift.id) == winner.id
        assert await _holder(session_factory, winner_shift.id) == vera.id
        assert await _holder(session_factory, loser_shift.id) == loser.id
        async with session_factory() as session:
            winner_swap = await session.get(ShiftSwap, swaps[0 if winner is anna else 1].id)
            loser_swap = await session.get(ShiftSwap, swaps[1 if winner is anna else 0].id)
        assert winner_swap is not None and loser_swap is not None
        assert winner_swap.status == ExchangeStatus.DONE
        # Marked stale, unless the losing transaction held it at that moment.
        if refusal == "swap-gone":
            assert loser_swap.status == ExchangeStatus.STALE
        else:
            assert loser_swap.status in (ExchangeStatus.STALE, ExchangeStatus.PROPOSED)
    assert await _overlapping_pairs(session_factory) == 0


async def test_a_swap_and_a_take_of_the_same_shift_at_once(session_factory, clock):
    """Anna gives her shift away and also proposed it to Boris for a swap: Boris accepts
    while Gleb takes the give-away. Exactly one of them gets Anna's shift."""
    for round_number in range(5):
        async with session_factory() as session:
            world = await make_world(session, clock, owner_telegram_id=10 + round_number * 10)
            anna, boris, gleb = [
                (
                    await make_employee(
                        session,
                        world.organization,
                        [world.work_object],
                        telegram_id=2000 + round_number * 10 + n,
                    )
                )[0]
                for n in range(3)
            ]
            day = date(2026, 3, 3 + round_number * 2)
            anna_shift = await _planned(session, clock, world, anna, day=day)
            boris_shift = await _planned(
                session, clock, world, boris, day=date(2026, 3, 4 + round_number * 2)
            )
            swap = await propose_swap(
                session,
                clock,
                user_id=anna.id,
                planned_shift_id=anna_shift.id,
                partner_shift_id=boris_shift.id,
            )
            offer = await offer_shift(
                session, clock, user_id=anna.id, planned_shift_id=anna_shift.id
            )
            await session.commit()

        results = await asyncio.gather(
            _attempt(
                session_factory,
                answer_swap,
                clock=clock,
                user_id=boris.id,
                swap_id=swap.id,
                accept=True,
            ),
            _attempt(
                session_factory,
                take_offered_shift,
                clock=clock,
                user_id=gleb.id,
                offer_id=offer.id,
            ),
        )

        assert results.count("ok") == 1
        assert set(results) <= {"ok", "shift-changed", "swap-gone", "offer-gone"}
        holder = await _holder(session_factory, anna_shift.id)
        assert holder == (boris.id if results[0] == "ok" else gleb.id)
        assert await _holder(session_factory, boris_shift.id) == (
            anna.id if results[0] == "ok" else boris.id
        )


async def test_a_swap_never_leaves_anyone_with_overlapping_shifts(session_factory, clock):
    """Boris accepts Anna's swap (he gets her Tuesday 09–18) at the very moment he books
    Tuesday 14–22 elsewhere: one of the two is refused, never both kept."""
    outcomes = set()
    for round_number in range(6):
        async with session_factory() as session:
            world = await make_world(session, clock, owner_telegram_id=10 + round_number * 10)
            anna, boris = [
                (
                    await make_employee(
                        session,
                        world.organization,
                        [world.work_object],
                        telegram_id=3000 + round_number * 10 + n,
                    )
                )[0]
                for n in range(2)
            ]
            day = date(2026, 3, 3 + round_number * 2)
            anna_shift = await _planned(session, clock, world, anna, day=day)
            boris_shift = await _planned(
                session, clock, world, boris, day=date(2026, 3, 4 + round_number * 2)
            )
            evening = await _slot(session, clock, world, day=day, start=time(14), end=time(22))
            swap = await propose_swap(
                session,
                clock,
                user_id=anna.id,
                planned_shift_id=anna_shift.id,
                partner_shift_id=boris_shift.id,
            )
            await session.commit()

        accepted, booked = await asyncio.gather(
            _attempt(
                session_factory,
                answer_swap,
                clock=clock,
                user_id=boris.id,
                swap_id=swap.id,
                accept=True,
            ),
            _attempt(
                session_factory,
                book_slot,
                clock=clock,
                user_id=boris.id,
                slot_id=evening.id,
            ),
        )

        assert sorted([accepted, booked]) == ["ok", "shift-overlap"]
        outcomes.add((accepted, booked))
        assert await _overlapping_pairs(session_factory) == 0
    assert outcomes  # at least one round ran; which side wins is up to the race


async def test_shifts_at_the_same_time_on_two_objects_are_swapped(session_factory, clock):
    """A swap of two shifts that overlap in time (different objects) goes through: the
    exclusion constraint never sees a half-done exchange."""
    async with session_factory() as session:
        world = await make_world(session, clock)
        second_object = await make_object(session, world.organization, name="Склад")
        anna, _ = await make_employee(
            session, world.organization, [world.work_object, second_object], telegram_id=1
        )
        boris, _ = await make_employee(
            session, world.organization, [world.work_object, second_object], telegram_id=2
        )
        anna_shift = await _planned(session, clock, world, anna)
        slot = await make_slot(
            session, clock, world.owner, second_object, day=TUESDAY, start=time(10), end=time(19)
        )
        boris_shift = await book_slot(session, clock, user_id=boris.id, slot_id=slot.id)
        swap = await propose_swap(
            session,
            clock,
            user_id=anna.id,
            planned_shift_id=anna_shift.id,
            partner_shift_id=boris_shift.id,
        )
        await session.commit()

    assert (
        await _attempt(
            session_factory,
            answer_swap,
            clock=clock,
            user_id=boris.id,
            swap_id=swap.id,
            accept=True,
        )
        == "ok"
    )
    assert await _holder(session_factory, anna_shift.id) == boris.id
    assert await _holder(session_factory, boris_shift.id) == anna.id
