"""Availability and time off over the real database (PostgreSQL and SQLite): statements,
the batch book, requests and decisions, and what approved time off does to planning."""

import asyncio
from datetime import date, time
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from services.availability.queries import availability_book, my_availability
from services.availability.rules import VerdictKind
from services.availability.statements import clear_weekday, set_exception, set_weekday
from services.planning.bookings import assign_employee, book_slot
from services.planning.errors import OnTimeOff, OutsideAvailability
from services.planning.queries import assignable_employees
from services.platform.db.models import (
    AvailabilityKind,
    AvailabilityOverride,
    OutboxMessage,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    TimeOffKind,
    TimeOffStatus,
)
from services.platform.errors import DomainError, InvalidInput, PermissionDenied
from services.platform.i18n import translator_for
from services.reports.export import report_workbook
from services.reports.figures import build_report
from services.reports.periods import PeriodKind, ReportPeriod
from services.reports.scope import ReportScope
from services.staff.permissions import actor_in
from services.time_off.errors import TimeOffHasShifts, TimeOffInPast, TimeOffNotPending
from services.time_off.queries import pending_time_off, time_off_by_person
from services.time_off.requests import (
    HeldShifts,
    approve_time_off,
    decline_time_off,
    request_time_off,
    withdraw_time_off,
)
from tests.conftest import ON_BOTH_DATABASES
from tests.support.planning import (
    allow_split_shifts,
    make_employee,
    make_object,
    make_slot,
    make_world,
)

pytestmark = ON_BOTH_DATABASES

# The clock stands on Monday 2 March 2026, 09:00 UTC.
TUESDAY = date(2026, 3, 3)
WEDNESDAY = date(2026, 3, 4)


async def _world(session, clock, **world):
    world = await make_world(session, clock, **world)
    ivan, _ = await make_employee(
        session, world.organization, [world.work_object], telegram_id=1, first_name="Ivan"
    )
    return world, ivan


async def _kinds(session) -> list[tuple[str, int]]:
    rows = await session.execute(
        select(OutboxMessage.kind, OutboxMessage.recipient_user_id).order_by(OutboxMessage.id)
    )
    return [tuple(row) for row in rows]


async def test_the_book_gives_each_person_their_verdict_in_three_queries(session, clock):
    world, ivan = await _world(session, clock)
    anna, _ = await make_employee(
        session, world.organization, [world.work_object], telegram_id=2, first_name="Anna"
    )
    await set_weekday(
        session,
        user_id=ivan.id,
        organization_id=world.organization.id,
        weekday=TUESDAY.weekday(),
        kind=AvailabilityKind.AVAILABLE,
        start=time(14),
        end=time(22),
    )
    await set_weekday(
        session,
        user_id=anna.id,
        organization_id=world.organization.id,
        weekday=TUESDAY.weekday(),
        kind=AvailabilityKind.PREFERRED,
    )
    slot = await make_slot(session, clock, world.owner, world.work_object, day=TUESDAY)
    book = await availability_book(
        session,
        world.organization.id,
        [ivan.id, anna.id, world.owner.id],
        slot.starts_at,
        slot.ends_at,
    )
    moscow = ZoneInfo("Europe/Moscow")
    assert (
        book.verdict(ivan.id, slot.starts_at, slot.ends_at, moscow).kind is VerdictKind.UNAVAILABLE
    )
    assert book.verdict(anna.id, slot.starts_at, slot.ends_at, moscow).kind is VerdictKind.PREFERRED
    assert book.verdict(world.owner.id, slot.starts_at, slot.ends_at, moscow).is_free
    candidates = {
        c.name: c.verdict.kind
        for c in await assignable_employees(session, user_id=world.owner.id, slot_id=slot.id)
    }
    assert candidates == {"Ivan": VerdictKind.UNAVAILABLE, "Anna": VerdictKind.PREFERRED}


async def test_statements_replace_each_other_and_can_be_cleared(session, clock):
    world, ivan = await _world(session, clock)
    org = world.organization.id
    for kind in (AvailabilityKind.UNAVAILABLE, AvailabilityKind.PREFERRED):
        await set_weekday(session, user_id=ivan.id, organization_id=org, weekday=0, kind=kind)
    await set_exception(
        session,
        user_id=ivan.id,
        organization_id=org,
        on_date=WEDNESDAY,
        kind=AvailabilityKind.AVAILABLE,
        start=time(22),
        end=time(6),
    )
    mine = await my_availability(session, user_id=ivan.id, organization_id=org, since=TUESDAY)
    assert mine.weekly[0].kind is AvailabilityKind.PREFERRED
    assert mine.exceptions[0][1].window == (time(22), time(6))
    await clear_weekday(session, user_id=ivan.id, organization_id=org, weekday=0)
    mine = await my_availability(session, user_id=ivan.id, organization_id=org, since=TUESDAY)
    assert mine.weekly == {}
    with pytest.raises(InvalidInput):
        await set_weekday(
            session,
            user_id=ivan.id,
            organization_id=org,
            weekday=1,
            kind=AvailabilityKind.AVAILABLE,
            start=time(9),
            end=time(9),
        )


async def test_assigning_outside_availability_needs_a_reason_that_is_kept(session, clock):
    world, ivan = await _world(session, clock)
    await set_weekday(
        session,
        user_id=ivan.id,
        organization_id=world.organization.id,
        weekday=TUESDAY.weekday(),
        kind=AvailabilityKind.UNAVAILABLE,
    )
    slot = await make_slot(session, clock, world.owner, world.work_object, day=TUESDAY)
    membership_id = (await assignable_employees(session, user_id=world.owner.id, slot_id=slot.id))[
        0
    ].membership_id
    with pytest.raises(OutsideAvailability):
        await assign_employee(
            session, clock, user_id=world.owner.id, slot_id=slot.id, membership_id=membership_id
        )
    planned = await assign_employee(
        session,
        clock,
        user_id=world.owner.id,
        slot_id=slot.id,
        membership_id=membership_id,
        availability_reason="Nobody else can open the café",
    )
    override = await session.scalar(select(AvailabilityOverride))
    assert override is not None
    assert (override.planned_shift_id, override.reason, override.verdict) == (
        planned.id,
        "Nobody else can open the café",
        "unavailable",
    )


async def test_a_request_is_decided_by_planners_of_the_employee_objects_only(session, clock):
    world, ivan = await _world(session, clock)
    other_object = await make_object(session, world.organization, name="Бар")
    planner, _ = await make_employee(
        session,
        world.organization,
        [world.work_object],
        telegram_id=3,
        first_name="Petr",
        role="manager",
        permissions=[Permission.PLAN.value],
    )
    stranger, _ = await make_employee(
        session,
        world.organization,
        [other_object],
        telegram_id=4,
        first_name="Vera",
        role="manager",
        permissions=[Permission.PLAN.value],
    )
    request = await request_time_off(
        session,
        clock,
        user_id=ivan.id,
        organization_id=world.organization.id,
        kind=TimeOffKind.VACATION,
        first_day=TUESDAY,
        last_day=WEDNESDAY,
        comment="Sea",
    )
    assert await _kinds(session) == [
        ("time_off_requested", world.owner.id),
        ("time_off_requested", planner.id),
    ]
    assert [
        v.id
        for v in await pending_time_off(
            session, user_id=planner.id, organization_id=world.organization.id
        )
    ] == [request.id]
    assert (
        await pending_time_off(session, user_id=stranger.id, organization_id=world.organization.id)
        == []
    )
    with pytest.raises(PermissionDenied):
        await decline_time_off(session, clock, user_id=stranger.id, request_id=request.id)
    await decline_time_off(
        session, clock, user_id=planner.id, request_id=request.id, comment="Inventory"
    )
    assert request.status == TimeOffStatus.DECLINED
    assert (await _kinds(session))[-1] == ("time_off_decided", ivan.id)
    with pytest.raises(TimeOffNotPending):
        await approve_time_off(session, clock, user_id=planner.id, request_id=request.id)


async def test_time_off_in_the_past_is_refused(session, clock):
    world, ivan = await _world(session, clock)
    with pytest.raises(TimeOffInPast):
        await request_time_off(
            session,
            clock,
            user_id=ivan.id,
            organization_id=world.organization.id,
            kind=TimeOffKind.SICK,
            first_day=date(2026, 2, 20),
            last_day=date(2026, 3, 1),
        )


async def test_approved_time_off_blocks_booking_and_assignment(session, clock):
    world, ivan = await _world(session, clock)
    await allow_split_shifts(session, world)
    request = await request_time_off(
        session,
        clock,
        user_id=ivan.id,
        organization_id=world.organization.id,
        kind=TimeOffKind.OTHER,
        first_day=TUESDAY,
        last_day=TUESDAY,
        start=time(8),
        end=time(12),
    )
    await approve_time_off(session, clock, user_id=world.owner.id, request_id=request.id)
    morning = await make_slot(
        session, clock, world.owner, world.work_object, day=TUESDAY, start=time(10), end=time(14)
    )
    evening = await make_slot(
        session, clock, world.owner, world.work_object, day=TUESDAY, start=time(14), end=time(20)
    )
    with pytest.raises(OnTimeOff):
        await book_slot(session, clock, user_id=ivan.id, slot_id=morning.id)
    candidate = (await assignable_employees(session, user_id=world.owner.id, slot_id=morning.id))[0]
    assert candidate.verdict.kind is VerdictKind.TIME_OFF
    with pytest.raises(OnTimeOff):
        await assign_employee(
            session,
            clock,
            user_id=world.owner.id,
            slot_id=morning.id,
            membership_id=candidate.membership_id,
            availability_reason="urgent",
        )
    assert (await book_slot(session, clock, user_id=ivan.id, slot_id=evening.id)).id
    await withdraw_time_off(session, clock, user_id=ivan.id, request_id=request.id)
    assert (await _kinds(session))[-1] == ("time_off_withdrawn", world.owner.id)
    assert (await book_slot(session, clock, user_id=ivan.id, slot_id=morning.id)).id is not None


@pytest.mark.parametrize("held", [HeldShifts.RELEASE, HeldShifts.KEEP])
async def test_approval_over_held_shifts_asks_and_then_releases_or_keeps(session, clock, held):
    world, ivan = await _world(session, clock)
    slot = await make_slot(session, clock, world.owner, world.work_object, day=WEDNESDAY)
    planned = await book_slot(session, clock, user_id=ivan.id, slot_id=slot.id)
    request = await request_time_off(
        session,
        clock,
        user_id=ivan.id,
        organization_id=world.organization.id,
        kind=TimeOffKind.SICK,
        first_day=WEDNESDAY,
        last_day=WEDNESDAY,
    )
    with pytest.raises(TimeOffHasShifts) as refused:
        await approve_time_off(session, clock, user_id=world.owner.id, request_id=request.id)
    assert refused.value.params == {"count": 1}
    released = await approve_time_off(
        session, clock, user_id=world.owner.id, request_id=request.id, held=held
    )
    await session.refresh(planned)
    assert request.status == TimeOffStatus.APPROVED
    if held is HeldShifts.RELEASE:
        assert [s.id for s in released] == [planned.id]
        assert planned.status == PlannedShiftStatus.CANCELLED
    else:
        assert released == [] and planned.status == PlannedShiftStatus.PLANNED


async def test_days_off_by_person_and_kind_in_a_period(session, clock):
    world, ivan = await _world(session, clock)
    for kind, first, last, window in [
        (TimeOffKind.VACATION, date(2026, 3, 28), date(2026, 4, 5), None),
        (TimeOffKind.SICK, date(2026, 3, 10), date(2026, 3, 10), (time(9), time(13))),
        (TimeOffKind.UNPAID, date(2026, 3, 11), date(2026, 3, 11), None),
    ]:
        request = await request_time_off(
            session,
            clock,
            user_id=ivan.id,
            organization_id=world.organization.id,
            kind=kind,
            first_day=first,
            last_day=last,
            start=window[0] if window else None,
            end=window[1] if window else None,
        )
        if kind is not TimeOffKind.UNPAID:
            await approve_time_off(session, clock, user_id=world.owner.id, request_id=request.id)
    summary = await time_off_by_person(
        session, world.organization.id, date(2026, 3, 1), date(2026, 3, 31)
    )
    assert [(p.name, p.days) for p in summary] == [
        ("Ivan", {TimeOffKind.VACATION: Decimal(4), TimeOffKind.SICK: Decimal("0.5")})
    ]


async def test_the_owner_report_and_its_workbook_show_days_off_by_kind(session, clock):
    world, ivan = await _world(session, clock)
    request = await request_time_off(
        session,
        clock,
        user_id=ivan.id,
        organization_id=world.organization.id,
        kind=TimeOffKind.SICK,
        first_day=date(2026, 3, 3),
        last_day=date(2026, 3, 5),
    )
    await approve_time_off(session, clock, user_id=world.owner.id, request_id=request.id)
    owner = await actor_in(session, world.owner.id, world.organization.id)
    march = ReportPeriod(PeriodKind.CUSTOM, date(2026, 3, 1), date(2026, 3, 31))
    report = await build_report(session, clock, owner, march, ReportScope())
    assert [(p.name, p.days) for p in report.time_off] == [("Ivan", {TimeOffKind.SICK: 3})]
    _, content = report_workbook(report, translator_for("en"))
    sheet = load_workbook(BytesIO(content))["Time off"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        "Employee",
        "Vacation",
        "Sick leave",
        "Unpaid leave",
        "Day off",
        "Total days",
    ]
    assert rows[1] == ["Ivan", 0, 3, 0, 0, 3]


async def test_approval_racing_a_booking_in_its_span_ends_in_exactly_one(session_factory, clock):
    """Both take the employee's lock: either the booking is refused (time off), or the
    approval is (the employee now holds a shift there and the approver must choose)."""
    outcomes = []
    for round_ in range(6):
        async with session_factory() as session:
            world = await make_world(session, clock, owner_telegram_id=9000 + round_)
            ivan, _ = await make_employee(
                session, world.organization, [world.work_object], telegram_id=100 + round_
            )
            slot = await make_slot(session, clock, world.owner, world.work_object, day=TUESDAY)
            request = await request_time_off(
                session,
                clock,
                user_id=ivan.id,
                organization_id=world.organization.id,
                kind=TimeOffKind.VACATION,
                first_day=TUESDAY,
                last_day=TUESDAY,
            )
            await session.commit()

        async def attempt(use_case, **kwargs) -> str:
            async with session_factory() as session:
                try:
                    await use_case(session, clock, **kwargs)
                except DomainError as error:
                    await session.rollback()
                    return error.code
                await session.commit()
                return "ok"

        results = await asyncio.gather(
            attempt(approve_time_off, user_id=world.owner.id, request_id=request.id),
            attempt(book_slot, user_id=ivan.id, slot_id=slot.id),
        )
        assert sorted(results) in (["ok", "time-off-has-shifts"], ["ok", "on-time-off"])
        outcomes.append(tuple(results))
        async with session_factory() as session:
            planned = await session.scalar(
                select(PlannedShift.id).where(
                    PlannedShift.slot_id == slot.id,
                    PlannedShift.status == PlannedShiftStatus.PLANNED,
                )
            )
            assert (planned is not None) == (results[1] == "ok")
