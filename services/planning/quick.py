"""Planning in few taps: one shift for one employee at once (the slot made or found on the
way), the times a planner is likely to want (the object's weekly templates for that
weekday, then its most recent slots), a week copied with its people onto the next one
(previewed first, conflicts named), and a slot's own rate."""

from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import SHIFT_ASSIGNED, notify
from services.planning.bookings import place_on_slot
from services.planning.errors import AlreadyOnSlot, SlotExists, SlotInPast
from services.planning.planners import require_planner_on
from services.planning.queries import count_planned
from services.planning.slots import create_slot, generate_slots, live_slot, slot_payload
from services.platform.clock import Clock
from services.platform.db.models import (
    Membership,
    PlannedShift,
    PlannedShiftStatus,
    TimeSlot,
    User,
    WeeklyTemplate,
    WeeklyTemplateItem,
)
from services.platform.errors import DomainError, NotFound
from services.platform.local_time import local_today, monday_of
from services.platform.validation import parse_money

MAX_TIME_CHOICES = 6
_RECENT_SLOTS = 50

Times = tuple[time, time]


async def likely_times(
    session: AsyncSession, *, user_id: int, object_id: int, local_date: date
) -> list[Times]:
    """The (start, end) a planner likely wants on that day: the object's weekly template
    items of that weekday first, then the times of its most recently created slots,
    each once, at most `MAX_TIME_CHOICES`."""
    await require_planner_on(session, user_id, object_id)
    templated = await session.execute(
        select(WeeklyTemplateItem.start_time, WeeklyTemplateItem.end_time)
        .join(WeeklyTemplate, WeeklyTemplate.id == WeeklyTemplateItem.template_id)
        .where(
            WeeklyTemplate.object_id == object_id,
            WeeklyTemplateItem.weekday == local_date.weekday(),
        )
        .order_by(WeeklyTemplateItem.start_time)
    )
    recent = await session.execute(
        select(TimeSlot.start_time, TimeSlot.end_time)
        .where(TimeSlot.object_id == object_id)
        .order_by(TimeSlot.id.desc())
        .limit(_RECENT_SLOTS)
    )
    found = [(start, end) for start, end in [*templated, *recent]]
    return list(dict.fromkeys(found))[:MAX_TIME_CHOICES]


async def plan_shift(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    object_id: int,
    local_date: date,
    start: time,
    end: time,
    membership_id: int,
) -> PlannedShift:
    """An owner or a manager with `plan` puts an employee on the object at that day and
    times in one go: onto the live slot with those times, made when there is none; a full
    slot gets one more place, since the planner asked for this person there. The rules of
    assignment hold (the employee's objects, no overlap, not in the past); the employee
    is told."""
    _, work_object = await require_planner_on(session, user_id, object_id)
    slot = await _slot_at(session, object_id, local_date, start, end)
    if slot is None:
        try:
            async with session.begin_nested():
                slot = await create_slot(
                    session,
                    clock,
                    user_id=user_id,
                    object_id=object_id,
                    local_date=local_date,
                    start_time=start,
                    end_time=end,
                )
        except SlotExists:
            slot = await _slot_at(session, object_id, local_date, start, end)
    assert slot is not None
    slot = await live_slot(session, slot.id, lock=True)
    membership = await session.get(Membership, membership_id)
    if membership is None or membership.organization_id != work_object.organization_id:
        raise NotFound(what="membership")
    booked = await count_planned(session, slot.id)
    if booked >= slot.max_employees:
        slot.max_employees = booked + 1
    planned = await place_on_slot(session, clock, slot, membership)
    await notify(
        session,
        kind=SHIFT_ASSIGNED.name,
        dedup_key=f"shift-assigned:{planned.id}",
        not_before=clock.now(),
        recipient_user_id=planned.user_id,
        organization_id=work_object.organization_id,
        payload=slot_payload(work_object, slot),
    )
    return planned


async def set_slot_rate(
    session: AsyncSession, *, user_id: int, slot_id: int, rate: str
) -> TimeSlot:
    """The slot's own hourly rate (the "slot rate": it wins over the object's rate and
    loses to a contract rate); 0 clears it. Shifts already opened keep their frozen rate."""
    slot = await live_slot(session, slot_id, lock=True)
    await require_planner_on(session, user_id, slot.object_id)
    value = parse_money(rate, field="rate")
    slot.rate_override = value if value > Decimal("0") else None
    await session.flush()
    return slot


@dataclass(frozen=True)
class WeekConflict:
    employee_name: str
    local_date: date
    start: time
    end: time
    code: str  # the DomainError code that keeps them off (overlap, not on the object, …)


@dataclass(frozen=True)
class WeekCopy:
    source_monday: date
    target_monday: date
    slots: int  # slots of the source week
    people: int  # people who will be placed
    conflicts: list[WeekConflict]


async def preview_week_copy(
    session: AsyncSession, clock: Clock, *, user_id: int, object_id: int
) -> WeekCopy:
    """What "copy last week" would do for the object: this week's slots and people go
    onto next week; each person who could not be placed there (they are planned
    elsewhere then, no longer on the object, the day is past) is a conflict. Writes
    nothing (everything happens in a savepoint rolled back)."""
    transaction = await session.begin_nested()
    try:
        preview, _ = await _copy_week(session, clock, user_id, object_id)
    finally:
        await transaction.rollback()
    return preview


async def copy_week(
    session: AsyncSession, clock: Clock, *, user_id: int, object_id: int
) -> WeekCopy:
    """Copy this week's slots of the object, with their people, onto next week (slots
    already there are reused, nobody is placed twice); the conflicts are skipped and
    returned. Each placed employee is told."""
    result, placed = await _copy_week(session, clock, user_id, object_id)
    _, work_object = await require_planner_on(session, user_id, object_id)
    for planned, slot in placed:
        await notify(
            session,
            kind=SHIFT_ASSIGNED.name,
            dedup_key=f"shift-assigned:{planned.id}",
            not_before=clock.now(),
            recipient_user_id=planned.user_id,
            organization_id=work_object.organization_id,
            payload=slot_payload(work_object, slot),
        )
    return result


async def _copy_week(
    session: AsyncSession, clock: Clock, user_id: int, object_id: int
) -> tuple[WeekCopy, list[tuple[PlannedShift, TimeSlot]]]:
    _, work_object = await require_planner_on(session, user_id, object_id)
    source = monday_of(local_today(clock.now(), work_object.timezone))
    target = source + timedelta(days=7)
    slots = list(
        await session.scalars(
            select(TimeSlot)
            .where(
                TimeSlot.object_id == object_id,
                TimeSlot.local_date >= source,
                TimeSlot.local_date < target,
                TimeSlot.deleted_at.is_(None),
            )
            .order_by(TimeSlot.local_date, TimeSlot.start_time)
        )
    )
    week = timedelta(days=7)
    wanted = [
        (s.local_date + week, s.start_time, s.end_time, s.max_employees, s.rate_override, s.note)
        for s in slots
    ]
    await generate_slots(session, clock, work_object, wanted)
    placed: list[tuple[PlannedShift, TimeSlot]] = []
    conflicts: list[WeekConflict] = []
    for slot in slots:
        day = slot.local_date + week
        copy = await _slot_at(session, object_id, day, slot.start_time, slot.end_time)
        people = await session.execute(
            select(Membership, User)
            .join(PlannedShift, PlannedShift.membership_id == Membership.id)
            .join(User, User.id == Membership.user_id)
            .where(
                PlannedShift.slot_id == slot.id,
                PlannedShift.status == PlannedShiftStatus.PLANNED,
            )
            .order_by(User.first_name)
        )
        for membership, employee in people:
            try:
                if copy is None:
                    raise SlotInPast()
                async with session.begin_nested():
                    locked = await live_slot(session, copy.id, lock=True)
                    placed.append((await place_on_slot(session, clock, locked, membership), locked))
            except AlreadyOnSlot:
                continue
            except DomainError as refusal:
                conflicts.append(
                    WeekConflict(
                        employee.display_name, day, slot.start_time, slot.end_time, refusal.code
                    )
                )
    return WeekCopy(source, target, len(slots), len(placed), conflicts), placed


async def _slot_at(
    session: AsyncSession, object_id: int, local_date: date, start: time, end: time
) -> TimeSlot | None:
    return await session.scalar(
        select(TimeSlot).where(
            TimeSlot.object_id == object_id,
            TimeSlot.local_date == local_date,
            TimeSlot.start_time == start,
            TimeSlot.end_time == end,
            TimeSlot.deleted_at.is_(None),
        )
    )
