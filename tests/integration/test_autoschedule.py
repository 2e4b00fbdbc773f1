"""Fill the week on the real databases (PostgreSQL and the embedded SQLite): approved time
off and weekly availability keep people off places and are given as reasons, planned
shifts stay, a dropped draft frees its place, publishing plans and tells each person once,
sales are recorded once per day and kind; a contract's own limit holds for the solver
and for manual planning alike."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from services.planning.bookings import assign_employee, book_slot
from services.planning.errors import BreaksWorkRule
from services.planning.work_limits import work_rules_for
from services.planning.work_rules import Reason, week_of
from services.platform.db.models import (
    AvailabilityKind,
    AvailabilityOverride,
    DailySales,
    DraftAssignment,
    OutboxMessage,
    PlannedShift,
    TimeOffKind,
    TimeOffRequest,
    TimeOffStatus,
    WeeklyAvailability,
)
from services.platform.errors import InvalidInput
from services.scheduling.drafts import drop_draft, fill_week, publish_week
from services.scheduling.queries import draft_summary
from services.scheduling.sales import SalesLine, record_sales, week_labor
from services.staff.contract_limits import set_contract_limit
from services.staff.permissions import actor_in
from tests.conftest import ON_BOTH_DATABASES
from tests.support.planning import make_employee, make_planned_shift, make_slot, make_world

WEEK = week_of(date(2026, 3, 2))
TUESDAY, WEDNESDAY = date(2026, 3, 3), date(2026, 3, 4)


@ON_BOTH_DATABASES
async def test_a_week_is_filled_around_time_off_availability_and_planned_shifts(
    session_factory, clock
) -> None:
    async with session_factory() as session:
        world = await make_world(session, clock)
        world.work_object.base_hourly_rate = Decimal("300.00")
        anna, anna_membership = await make_employee(
            session, world.organization, [world.work_object], telegram_id=8101, first_name="Anna"
        )
        boris, _ = await make_employee(
            session, world.organization, [world.work_object], telegram_id=8102, first_name="Boris"
        )
        vera, _ = await make_employee(
            session, world.organization, [world.work_object], telegram_id=8103, first_name="Vera"
        )
        session.add(
            TimeOffRequest(
                organization_id=world.organization.id,
                membership_id=anna_membership.id,
                user_id=anna.id,
                kind=TimeOffKind.VACATION,
                status=TimeOffStatus.APPROVED,
                first_day=TUESDAY,
                last_day=TUESDAY,
                starts_at=datetime(2026, 3, 2, 21, 0, tzinfo=clock.now().tzinfo),
                ends_at=datetime(2026, 3, 3, 21, 0, tzinfo=clock.now().tzinfo),
            )
        )
        session.add(
            WeeklyAvailability(
                organization_id=world.organization.id,
                user_id=vera.id,
                weekday=TUESDAY.weekday(),
                kind=AvailabilityKind.AVAILABLE,
                start_time=time(9),
                end_time=time(17),
            )
        )
        # Boris works Tuesday 08–18: the evening would leave him no rest; someone else, then.
        await make_planned_shift(session, clock, world, boris, day=TUESDAY, start=time(8))
        evening = await make_slot(
            session,
            clock,
            world.owner,
            world.work_object,
            day=TUESDAY,
            start=time(18),
            end=time(23),
        )
        await make_slot(session, clock, world.owner, world.work_object, day=WEDNESDAY, places=2)
        await session.commit()

        result = await fill_week(
            session,
            clock,
            user_id=world.owner.id,
            organization_id=world.organization.id,
            week=WEEK,
            object_id=world.work_object.id,
        )
        await session.commit()
        assert result.solution.filled == 2 and result.solution.fill_proven_best
        [empty] = result.empty
        assert empty.place.slot_id == evening.id
        reasons = {person.name: refusal.reason for person, refusal in empty.candidates if refusal}
        assert reasons == {
            "Anna": Reason.TIME_OFF,
            "Boris": Reason.REST,
            "Vera": Reason.UNAVAILABLE,
        }

        summary = await draft_summary(
            session, clock, world.organization.id, [world.work_object.id], WEEK
        )
        assert (summary.filled, summary.places, summary.cost) == (2, 3, Decimal("5400.00"))
        first, _ = summary.lines
        await drop_draft(session, user_id=world.owner.id, draft_id=first.draft_id)
        await session.commit()

        published = await publish_week(
            session,
            clock,
            user_id=world.owner.id,
            organization_id=world.organization.id,
            week=WEEK,
            object_id=world.work_object.id,
        )
        await session.commit()
        assert (published.published, published.skipped, published.people) == (1, 0, 1)
        assert await session.scalar(select(func.count(DraftAssignment.id))) == 0
        assert await session.scalar(select(func.count(PlannedShift.id))) == 2
        notices = await session.scalar(
            select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == "schedule-published")
        )
        assert notices == 1


@ON_BOTH_DATABASES
async def test_sales_are_one_figure_per_day_and_kind_and_set_labor_against_cost(
    session_factory, clock
) -> None:
    async with session_factory() as session:
        world = await make_world(session, clock)
        world.work_object.base_hourly_rate = Decimal("300.00")
        ivan, _ = await make_employee(
            session, world.organization, [world.work_object], telegram_id=8201
        )
        await make_planned_shift(session, clock, world, ivan, day=TUESDAY)
        await session.commit()
        for amount in ("9000", "5400"):
            await record_sales(
                session,
                clock,
                user_id=world.owner.id,
                organization_id=world.organization.id,
                lines=[SalesLine(world.work_object.name, TUESDAY, Decimal(amount))],
            )
            await session.commit()
        assert await session.scalar(select(func.count(DailySales.id))) == 1
        _, [tuesday] = await week_labor(
            session, world.organization.id, [world.work_object.id], WEEK
        )
        # 09:00–18:00 at 300 ₽ is 2,700 ₽ of labor against an expected 5,400 ₽.
        assert (tuesday.cost, tuesday.sales, tuesday.expected, tuesday.percent) == (
            Decimal("2700.00"),
            Decimal("5400.00"),
            True,
            Decimal("50.0"),
        )


@ON_BOTH_DATABASES
async def test_a_contracts_own_week_limit_holds_for_the_solver_and_for_manual_planning(
    session_factory, clock
) -> None:
    async with session_factory() as session:
        world = await make_world(session, clock)
        ivan, membership = await make_employee(
            session, world.organization, [world.work_object], telegram_id=8301
        )
        tuesday = await make_slot(session, clock, world.owner, world.work_object, day=TUESDAY)
        wednesday = await make_slot(session, clock, world.owner, world.work_object, day=WEDNESDAY)
        owner = await actor_in(session, world.owner.id, world.organization.id)
        with pytest.raises(InvalidInput):
            await set_contract_limit(
                session, owner, clock, membership.id, name="max_week_hours", value="200"
            )
        await set_contract_limit(
            session, owner, clock, membership.id, name="max_week_hours", value="12"
        )
        await session.commit()

        result = await fill_week(
            session,
            clock,
            user_id=world.owner.id,
            organization_id=world.organization.id,
            week=WEEK,
            object_id=world.work_object.id,
        )
        await session.commit()
        assert result.solution.filled == 1 and result.solution.fill_proven_best
        [empty] = result.empty
        [(_, refusal)] = empty.candidates
        assert refusal is not None and refusal.reason is Reason.WEEK_HOURS

        await book_slot(session, clock, user_id=ivan.id, slot_id=tuesday.id)
        with pytest.raises(BreaksWorkRule) as refused:
            await book_slot(session, clock, user_id=ivan.id, slot_id=wednesday.id)
        assert refused.value.params == {"reason": "week_hours", "hours": "18", "limit": "12"}
        with pytest.raises(BreaksWorkRule):
            await assign_employee(
                session,
                clock,
                user_id=world.owner.id,
                slot_id=wednesday.id,
                membership_id=membership.id,
            )
        # A planner may still assign, giving a reason, which is kept.
        await assign_employee(
            session,
            clock,
            user_id=world.owner.id,
            slot_id=wednesday.id,
            membership_id=membership.id,
            availability_reason="Inventory",
        )
        override = await session.scalar(select(AvailabilityOverride))
        assert override is not None and (override.verdict, override.reason) == (
            "week_hours",
            "Inventory",
        )
        # Without its own limit the contract is under the organization's 48 hours again.
        await set_contract_limit(
            session, owner, clock, membership.id, name="max_week_hours", value=None
        )
        rules = await work_rules_for(session, world.organization.id, membership.id, TUESDAY)
        assert rules.limits.max_week_minutes == 48 * 60
