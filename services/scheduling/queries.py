"""Read models of scheduling: the week as the solver's `Problem` (free places, people with
their objects, rates, planned shifts and availability), and the draft's summary."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.availability.queries import availability_book
from services.payroll.rules import hours_of, money, pay_for
from services.planning.work_limits import (
    contracts_in_force,
    organization_limits,
    person_limits,
    planned_work,
    target_minutes,
    travel_minutes,
)
from services.planning.work_rules import (
    Person,
    Place,
    Problem,
    Work,
    place_refusal,
    schedule_refusal,
    week_of,
)
from services.platform.clock import Clock
from services.platform.db.models import (
    DraftAssignment,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    PlannedShift,
    PlannedShiftStatus,
    TimeSlot,
    User,
    WorkObject,
)


def utc_envelope(week: tuple[date, ...]) -> tuple[datetime, datetime]:
    """UTC instants around the local dates of the week in any timezone."""
    start = datetime.combine(week[0], time(0), tzinfo=ZoneInfo("UTC")) - timedelta(hours=14)
    end = datetime.combine(week[-1], time(0), tzinfo=ZoneInfo("UTC")) + timedelta(hours=38)
    return start, end


@dataclass
class LoadedWeek:
    problem: Problem
    object_names: dict[int, str]
    slots: dict[int, TimeSlot]  # place index → its slot
    memberships: dict[int, int]  # user id → membership id
    people: dict[int, Person] = field(default_factory=dict)


async def load_week(
    session: AsyncSession,
    clock: Clock,
    organization_id: int,
    object_ids: list[int],
    week: tuple[date, ...],
) -> LoadedWeek:
    """The free places of the objects' slots in the week that have not started, and the
    organization's employees who may work at any of the objects."""
    objects = {
        o.id: o
        for o in await session.scalars(
            select(WorkObject).where(WorkObject.organization_id == organization_id)
        )
    }
    zones = {object_id: ZoneInfo(o.timezone) for object_id, o in objects.items()}
    planned_count = (
        select(func.count(PlannedShift.id))
        .where(
            PlannedShift.slot_id == TimeSlot.id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
        )
        .scalar_subquery()
    )
    rows = await session.execute(
        select(TimeSlot, planned_count)
        .where(
            TimeSlot.object_id.in_(object_ids),
            TimeSlot.local_date.between(week[0], week[-1]),
            TimeSlot.deleted_at.is_(None),
            TimeSlot.starts_at > clock.now(),
        )
        .order_by(TimeSlot.starts_at, TimeSlot.id)
    )
    places: list[Place] = []
    slots: dict[int, TimeSlot] = {}
    for slot, taken in rows:
        work_object = objects[slot.object_id]
        for _ in range(slot.max_employees - taken):
            index = len(places)
            work = Work(slot.object_id, slot.starts_at, slot.ends_at, zones[slot.object_id])
            places.append(
                Place(index, slot.id, work, work_object.base_hourly_rate, slot.rate_override)
            )
            slots[index] = slot
    member_rows = await session.execute(
        select(Membership.id, Membership.user_id, MembershipObject.object_id, User.first_name)
        .join(MembershipObject, MembershipObject.membership_id == Membership.id)
        .join(User, User.id == Membership.user_id)
        .where(
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role == MembershipRole.EMPLOYEE,
            MembershipObject.object_id.in_(object_ids),
        )
    )
    memberships: dict[int, int] = {}
    allowed: dict[int, set[int]] = defaultdict(set)
    names: dict[int, str] = {}
    for membership_id, user_id, object_id, name in member_rows:
        memberships[user_id] = membership_id
        allowed[user_id].add(object_id)
        names[user_id] = name
    contracts = await contracts_in_force(session, list(memberships.values()), week[0])
    start, end = utc_envelope(week)
    booked = await planned_work(session, list(memberships), start, end)
    limits = await organization_limits(session, organization_id)
    book = await availability_book(session, organization_id, memberships, start, end)
    people = {}
    for user_id, membership_id in memberships.items():
        terms = contracts.get(membership_id)
        verdicts = {
            place.index: book.verdict(
                user_id, place.work.starts_at, place.work.ends_at, place.work.zone
            )
            for place in places
            if place.work.object_id in allowed[user_id]
        }
        people[user_id] = Person(
            user_id=user_id,
            name=names[user_id],
            objects=frozenset(allowed[user_id]),
            contract_rate=terms.hourly_rate if terms else None,
            booked=tuple(booked[user_id]),
            target_minutes=target_minutes(terms),
            limits=person_limits(limits, terms),
            verdicts=verdicts,
        )
    problem = Problem(
        week=week,
        places=tuple(places),
        people=tuple(people.values()),
        limits=limits,
        travel_minutes=await travel_minutes(session, list(objects)),
    )
    object_names = {object_id: o.name for object_id, o in objects.items()}
    return LoadedWeek(problem, object_names, slots, memberships, people)


@dataclass(frozen=True)
class DraftLine:
    draft_id: int
    user_name: str
    object_name: str
    starts_at: datetime
    ends_at: datetime
    timezone: str


@dataclass(frozen=True)
class DraftSummary:
    filled: int
    free_places: int  # places still empty after the draft
    cost: Decimal
    overtime_hours: Decimal
    hours: tuple[tuple[str, Decimal], ...]  # per person: drafted plus planned hours
    lines: tuple[DraftLine, ...]

    @property
    def places(self) -> int:
        return self.filled + self.free_places


async def draft_summary(
    session: AsyncSession,
    clock: Clock,
    organization_id: int,
    object_ids: list[int],
    week: tuple[date, ...],
) -> DraftSummary:
    """What the week's draft adds: places filled of all free ones, its cost, each
    person's hours with their planned shifts, and the overtime over the threshold."""
    drafts = list(
        (
            await session.execute(
                select(DraftAssignment, User.first_name, WorkObject.name, WorkObject.timezone)
                .join(TimeSlot, TimeSlot.id == DraftAssignment.slot_id)
                .join(User, User.id == DraftAssignment.user_id)
                .join(WorkObject, WorkObject.id == DraftAssignment.object_id)
                .where(
                    DraftAssignment.organization_id == organization_id,
                    DraftAssignment.object_id.in_(object_ids),
                    TimeSlot.local_date.between(week[0], week[-1]),
                )
                .order_by(DraftAssignment.starts_at, DraftAssignment.id)
            )
        ).all()
    )
    loaded = await load_week(session, clock, organization_id, object_ids, week)
    cost = Decimal("0.00")
    minutes: dict[int, int] = defaultdict(int)
    names: dict[int, str] = {}
    for draft, name, _, _ in drafts:
        length = int((draft.ends_at - draft.starts_at).total_seconds() // 60)
        cost += pay_for(length, draft.hourly_rate)
        minutes[draft.user_id] += length
        names[draft.user_id] = name
    threshold = loaded.problem.limits.overtime_week_minutes
    overtime = 0
    for user_id in minutes:
        person = loaded.people.get(user_id)
        booked = person.booked if person else ()
        minutes[user_id] += sum(w.minutes for w in booked if w.work_date in week)
        overtime += max(0, minutes[user_id] - threshold)
    return DraftSummary(
        filled=len(drafts),
        free_places=max(0, len(loaded.problem.places) - len(drafts)),
        cost=money(cost),
        overtime_hours=hours_of(overtime),
        hours=tuple(
            sorted(((names[u], hours_of(m)) for u, m in minutes.items()), key=lambda r: r[0])
        ),
        lines=tuple(
            DraftLine(d.id, name, object_name, d.starts_at, d.ends_at, tz)
            for d, name, object_name, tz in drafts
        ),
    )


async def drafted_names_by_slot(session: AsyncSession, slot_ids: list[int]) -> dict[int, list[str]]:
    """Who the current drafts put on each slot (the board marks them as drafts)."""
    drafted: dict[int, list[str]] = defaultdict(list)
    for slot_id, name in await session.execute(
        select(DraftAssignment.slot_id, User.first_name)
        .join(User, User.id == DraftAssignment.user_id)
        .where(DraftAssignment.slot_id.in_(slot_ids))
        .order_by(DraftAssignment.slot_id, DraftAssignment.id)
    ):
        drafted[slot_id].append(name)
    return drafted


async def replacement_candidates(
    session: AsyncSession, clock: Clock, draft: DraftAssignment
) -> list[tuple[int, str]]:
    """Who could take a drafted place instead, under the hard rules, beside their planned
    shifts and their other drafted places of the week (user id, name)."""
    slot = await session.get(TimeSlot, draft.slot_id)
    assert slot is not None
    week = week_of(slot.local_date)
    loaded = await load_week(session, clock, draft.organization_id, [draft.object_id], week)
    place = next((p for p in loaded.problem.places if p.slot_id == draft.slot_id), None)
    if place is None:
        return []
    drafted: dict[int, list[Work]] = defaultdict(list)
    for other in await session.scalars(
        select(DraftAssignment).where(
            DraftAssignment.organization_id == draft.organization_id,
            DraftAssignment.user_id.in_(loaded.people),
            DraftAssignment.id != draft.id,
        )
    ):
        drafted[other.user_id].append(
            Work(other.object_id, other.starts_at, other.ends_at, place.work.zone)
        )
    candidates = []
    for person in loaded.people.values():
        if person.user_id == draft.user_id:
            continue
        refusal = place_refusal(person, place, loaded.problem) or schedule_refusal(
            place.work,
            [*person.booked, *drafted[person.user_id]],
            loaded.problem.rules_for(person),
            kept_days={work.work_date for work in person.booked},
        )
        if refusal is None:
            candidates.append((person.user_id, person.name))
    return sorted(candidates, key=lambda candidate: candidate[1])
