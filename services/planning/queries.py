"""Read models of planning for dialogs and the Mini App: an employee's schedule and the
free places they may book, an object's day, a slot with its people, whom a planner may
assign."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.availability.queries import availability_book
from services.availability.rules import Verdict
from services.planning.planners import require_planner_on
from services.planning.slots import live_slot
from services.platform.clock import Clock
from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.errors import PermissionDenied
from services.platform.local_time import crosses_midnight
from services.staff.permissions import actor_in, objects_with_permission

SCHEDULE_DAYS = 14


@dataclass(frozen=True)
class PlannedPerson:
    planned_shift_id: int
    membership_id: int
    user_id: int
    name: str


@dataclass(frozen=True)
class SlotView:
    slot_id: int
    object_id: int
    object_name: str
    timezone: str
    local_date: date
    start_time: time
    end_time: time
    starts_at: datetime
    max_employees: int
    people: list[PlannedPerson] = field(default_factory=list)
    rate_override: Decimal | None = None

    @property
    def booked(self) -> int:
        return len(self.people)

    @property
    def crosses_midnight(self) -> bool:
        return crosses_midnight(self.start_time, self.end_time)


@dataclass(frozen=True)
class ScheduleEntry:
    planned_shift_id: int
    object_name: str
    local_date: date
    start_time: time
    end_time: time
    starts_at: datetime


async def my_schedule(session: AsyncSession, clock: Clock, *, user_id: int) -> list[ScheduleEntry]:
    """The user's planned shifts that have not ended and start within the next 14 days,
    in every organization, with dates and times in each object's timezone."""
    now = clock.now()
    rows = await session.execute(
        select(PlannedShift, TimeSlot, WorkObject)
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .where(
            PlannedShift.user_id == user_id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.ends_at > now,
            PlannedShift.starts_at < now + timedelta(days=SCHEDULE_DAYS),
        )
        .order_by(PlannedShift.starts_at)
    )
    return [
        ScheduleEntry(
            planned_shift_id=planned_shift.id,
            object_name=work_object.name,
            local_date=slot.local_date,
            start_time=slot.start_time,
            end_time=slot.end_time,
            starts_at=planned_shift.starts_at,
        )
        for planned_shift, slot, work_object in rows
    ]


@dataclass(frozen=True)
class NextShift:
    """The employee's next planned shift, where it is (for a map link) and when."""

    object_name: str
    address: str
    latitude: float | None
    longitude: float | None
    timezone: str
    starts_at: datetime
    ends_at: datetime


# Read by every main menu, so built once: `user_id`, `now`.
_NEXT_SHIFT = (
    select(PlannedShift, WorkObject)
    .join(WorkObject, WorkObject.id == PlannedShift.object_id)
    .where(
        PlannedShift.user_id == bindparam("user_id"),
        PlannedShift.status == PlannedShiftStatus.PLANNED,
        PlannedShift.starts_at > bindparam("now"),
    )
    .order_by(PlannedShift.starts_at)
    .limit(1)
)


async def next_shift(session: AsyncSession, clock: Clock, *, user_id: int) -> NextShift | None:
    """The user's first planned shift that has not started yet, in any organization."""
    row = (await session.execute(_NEXT_SHIFT, {"user_id": user_id, "now": clock.now()})).first()
    if row is None:
        return None
    planned, work_object = row
    return NextShift(
        object_name=work_object.name,
        address=work_object.address,
        latitude=work_object.latitude,
        longitude=work_object.longitude,
        timezone=work_object.timezone,
        starts_at=planned.starts_at,
        ends_at=planned.ends_at,
    )


async def planned_shifts_by_slot(
    session: AsyncSession, slot_ids: list[int]
) -> dict[int, list[tuple[PlannedShift, User]]]:
    """Each slot's planned (not cancelled) shifts with their employees, in the order they
    were taken; a slot nobody took has an empty list."""
    by_slot: dict[int, list[tuple[PlannedShift, User]]] = {slot_id: [] for slot_id in slot_ids}
    if not slot_ids:
        return by_slot
    rows = await session.execute(
        select(PlannedShift, User)
        .join(User, User.id == PlannedShift.user_id)
        .where(
            PlannedShift.slot_id.in_(slot_ids),
            PlannedShift.status == PlannedShiftStatus.PLANNED,
        )
        .order_by(PlannedShift.created_at, PlannedShift.id)
    )
    for planned_shift, user in rows:
        by_slot[planned_shift.slot_id].append((planned_shift, user))
    return by_slot


async def _people_on(session: AsyncSession, slot_ids: list[int]) -> dict[int, list[PlannedPerson]]:
    return {
        slot_id: [
            PlannedPerson(planned_shift.id, planned_shift.membership_id, user.id, user.display_name)
            for planned_shift, user in planned
        ]
        for slot_id, planned in (await planned_shifts_by_slot(session, slot_ids)).items()
    }


def _slot_view(slot: TimeSlot, work_object: WorkObject, people: list[PlannedPerson]) -> SlotView:
    return SlotView(
        slot_id=slot.id,
        object_id=work_object.id,
        object_name=work_object.name,
        timezone=work_object.timezone,
        local_date=slot.local_date,
        start_time=slot.start_time,
        end_time=slot.end_time,
        starts_at=slot.starts_at,
        max_employees=slot.max_employees,
        people=people,
        rate_override=slot.rate_override,
    )


async def object_schedule(
    session: AsyncSession, *, user_id: int, object_id: int, local_date: date
) -> list[SlotView]:
    """The object's slots of one local day with who is planned on each."""
    _, work_object = await require_planner_on(session, user_id, object_id, Permission.VIEW)
    slots = list(
        await session.scalars(
            select(TimeSlot)
            .where(
                TimeSlot.object_id == object_id,
                TimeSlot.local_date == local_date,
                TimeSlot.deleted_at.is_(None),
            )
            .order_by(TimeSlot.starts_at, TimeSlot.id)
        )
    )
    people = await _people_on(session, [s.id for s in slots])
    return [_slot_view(slot, work_object, people[slot.id]) for slot in slots]


async def slot_details(session: AsyncSession, *, user_id: int, slot_id: int) -> SlotView:
    slot = await live_slot(session, slot_id)
    _, work_object = await require_planner_on(session, user_id, slot.object_id, Permission.VIEW)
    people = await _people_on(session, [slot.id])
    return _slot_view(slot, work_object, people[slot.id])


async def free_slots(session: AsyncSession, clock: Clock, *, user_id: int) -> list[SlotView]:
    """Slots of the next 14 days the user may book: on their objects that allow
    self-booking, not started, with a free place, not already theirs."""
    now = clock.now()
    my_objects = (
        select(MembershipObject.object_id)
        .join(Membership, Membership.id == MembershipObject.membership_id)
        .where(Membership.user_id == user_id, Membership.status == MembershipStatus.ACTIVE)
    )
    rows = await session.execute(
        select(TimeSlot, WorkObject)
        .join(WorkObject, WorkObject.id == TimeSlot.object_id)
        .where(
            TimeSlot.object_id.in_(my_objects),
            WorkObject.allow_self_booking.is_(True),
            WorkObject.archived.is_(False),
            TimeSlot.deleted_at.is_(None),
            TimeSlot.starts_at > now,
            TimeSlot.starts_at < now + timedelta(days=SCHEDULE_DAYS),
        )
        .order_by(TimeSlot.starts_at, WorkObject.name, TimeSlot.id)
    )
    pairs = list(rows)
    people = await _people_on(session, [slot.id for slot, _ in pairs])
    return [
        _slot_view(slot, work_object, people[slot.id])
        for slot, work_object in pairs
        if len(people[slot.id]) < slot.max_employees
        and all(person.user_id != user_id for person in people[slot.id])
    ]


async def planning_objects(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[WorkObject]:
    """Objects the user may plan in the organization."""
    actor = await actor_in(session, user_id, organization_id)
    return await objects_with_permission(session, actor, Permission.PLAN)


@dataclass(frozen=True)
class AssignCandidate:
    """An employee a planner may put on a slot, with their availability for it."""

    membership_id: int
    user_id: int
    name: str
    verdict: Verdict


async def assignable_employees(
    session: AsyncSession, *, user_id: int, slot_id: int
) -> list[AssignCandidate]:
    """The object's active employees not yet on the slot, with their availability."""
    slot = await live_slot(session, slot_id)
    _, work_object = await require_planner_on(session, user_id, slot.object_id)
    on_slot = select(PlannedShift.membership_id).where(
        PlannedShift.slot_id == slot.id, PlannedShift.status == PlannedShiftStatus.PLANNED
    )
    rows = await _employee_rows(session, work_object, leaving_out=on_slot)
    book = await availability_book(
        session,
        work_object.organization_id,
        [user.id for _, user in rows],
        slot.starts_at,
        slot.ends_at,
    )
    tz = ZoneInfo(work_object.timezone)
    return [
        AssignCandidate(
            membership_id,
            user.id,
            user.display_name,
            book.verdict(user.id, slot.starts_at, slot.ends_at, tz),
        )
        for membership_id, user in rows
    ]


async def object_employees(
    session: AsyncSession, *, user_id: int, object_id: int
) -> list[tuple[int, str]]:
    """(membership id, name) of the object's active employees, for its planners."""
    _, work_object = await require_planner_on(session, user_id, object_id)
    rows = await _employee_rows(session, work_object)
    return [(membership_id, user.display_name) for membership_id, user in rows]


async def _employee_rows(
    session: AsyncSession, work_object: WorkObject, leaving_out: Any = None
) -> list[tuple[int, User]]:
    """(membership id, user) of the object's active employees by name; `leaving_out`: a
    select of membership ids not to offer."""
    query = (
        select(Membership.id, User)
        .join(User, User.id == Membership.user_id)
        .join(MembershipObject, MembershipObject.membership_id == Membership.id)
        .where(
            Membership.organization_id == work_object.organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role == MembershipRole.EMPLOYEE,
            MembershipObject.object_id == work_object.id,
        )
        .order_by(User.first_name, User.id)
    )
    if leaving_out is not None:
        query = query.where(Membership.id.not_in(leaving_out))
    return [(membership_id, user) for membership_id, user in await session.execute(query)]


async def is_owner_of(session: AsyncSession, *, user_id: int, organization_id: int) -> bool:
    """Whether the user owns the organization (owners manage reasons and the fine)."""
    try:
        actor = await actor_in(session, user_id, organization_id)
    except PermissionDenied:
        return False
    return actor.is_owner


async def count_planned(session: AsyncSession, slot_id: int) -> int:
    """How many employees are planned on the slot."""
    return int(
        await session.scalar(
            select(func.count(PlannedShift.id)).where(
                PlannedShift.slot_id == slot_id,
                PlannedShift.status == PlannedShiftStatus.PLANNED,
            )
        )
        or 0
    )
