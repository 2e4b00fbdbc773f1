"""Drafts of a week: the solver fills the free places as draft assignments (re-running
replaces the draft and keeps everything published), a planner changes or drops single
ones, and publishing turns the draft into planned shifts and tells each person once about
their week. Fills and publishes of one organization take turns (its row is locked), so
two planners never interleave a draft."""

import asyncio
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ColumnElement

from services.notify.outbox import SCHEDULE_PUBLISHED, notify
from services.planning.bookings import place_on_slot
from services.planning.errors import AlreadyOnSlot, NotOnObject, ShiftOverlap, SlotFull, SlotInPast
from services.planning.planners import require_planner_on
from services.planning.slots import live_slot
from services.planning.work_rules import hourly_rate, week_of
from services.platform.clock import Clock
from services.platform.db.models import (
    DraftAssignment,
    Membership,
    Organization,
    Permission,
    TimeSlot,
    WorkObject,
)
from services.platform.errors import NotFound, PermissionDenied
from services.platform.local_time import local_hhmm
from services.scheduling.errors import NotAllowedHere
from services.scheduling.explain import EmptyPlace, why_empty
from services.scheduling.queries import load_week, replacement_candidates
from services.scheduling.solver import DEFAULT_TIME_LIMIT_S, Solution, solve, time_limit_for
from services.staff.permissions import actor_in, object_permissions


async def planned_objects(
    session: AsyncSession, user_id: int, organization_id: int, object_id: int | None
) -> list[int]:
    """The objects a fill covers: the one asked for, or every live object of the
    organization the actor plans."""
    if object_id is not None:
        _, work_object = await require_planner_on(session, user_id, object_id)
        if work_object.organization_id != organization_id:
            raise NotFound()
        return [object_id]
    actor = await actor_in(session, user_id, organization_id)
    ids = await session.scalars(
        select(WorkObject.id)
        .where(WorkObject.organization_id == organization_id, WorkObject.archived.is_(False))
        .order_by(WorkObject.id)
    )
    planned = [
        candidate
        for candidate in ids
        if Permission.PLAN.value in await object_permissions(session, actor, candidate)
    ]
    if not planned:
        raise PermissionDenied()
    return planned


async def _one_at_a_time(session: AsyncSession, organization_id: int) -> None:
    await session.execute(
        select(Organization.id).where(Organization.id == organization_id).with_for_update()
    )


def _scope(
    organization_id: int, object_ids: list[int], week: tuple[date, ...]
) -> tuple[ColumnElement[bool], ...]:
    return (
        DraftAssignment.organization_id == organization_id,
        DraftAssignment.object_id.in_(object_ids),
        DraftAssignment.slot_id.in_(
            select(TimeSlot.id).where(TimeSlot.local_date.between(week[0], week[-1]))
        ),
    )


@dataclass(frozen=True)
class FillResult:
    solution: Solution
    empty: list[EmptyPlace]
    object_names: dict[int, str]
    object_ids: list[int]
    time_limit_s: float


async def fill_week(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    week: tuple[date, ...],
    object_id: int | None = None,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
) -> FillResult:
    """Fill the free places of the week's slots (one object or all the actor plans) with
    a new draft, replacing the previous draft; planned shifts stay as they are."""
    object_ids = await planned_objects(session, user_id, organization_id, object_id)
    await _one_at_a_time(session, organization_id)
    loaded = await load_week(session, clock, organization_id, object_ids, week)
    # Seconds of CPU: in a thread (CP-SAT's search leaves the GIL), so the bot's other
    # users are answered meanwhile; the old draft is dropped after it, so that SQLite's
    # write lock is not held while the solver thinks.
    time_limit_s = time_limit_for(loaded.problem, time_limit_s)
    solution = await asyncio.to_thread(solve, loaded.problem, time_limit_s)
    await session.execute(delete(DraftAssignment).where(*_scope(organization_id, object_ids, week)))
    places = {place.index: place for place in loaded.problem.places}
    for index, person_id in solution.assignment.items():
        slot, place = loaded.slots[index], places[index]
        session.add(
            DraftAssignment(
                organization_id=organization_id,
                slot_id=slot.id,
                object_id=slot.object_id,
                membership_id=loaded.memberships[person_id],
                user_id=person_id,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                hourly_rate=hourly_rate(loaded.people[person_id], place),
                created_by_user_id=user_id,
            )
        )
    await session.flush()
    empty = why_empty(loaded.problem, solution.assignment)
    return FillResult(solution, empty, loaded.object_names, object_ids, time_limit_s)


async def drop_draft(session: AsyncSession, *, user_id: int, draft_id: int) -> None:
    """A planner takes one person off the draft; the place is empty again."""
    draft = await session.get(DraftAssignment, draft_id)
    if draft is None:
        raise NotFound()
    await require_planner_on(session, user_id, draft.object_id)
    await session.delete(draft)
    await session.flush()


# What can change between drafting and publishing: the slot deleted, filled or started,
# the person booked elsewhere or taken off the object.
_NO_LONGER_ALLOWED = (NotFound, SlotFull, SlotInPast, ShiftOverlap, AlreadyOnSlot, NotOnObject)


async def change_draft(
    session: AsyncSession, clock: Clock, *, user_id: int, draft_id: int, new_user_id: int
) -> DraftAssignment:
    """A planner puts someone else on a drafted place: only a person the hard rules allow
    there (`replacement_candidates`), at their own rate."""
    draft = await session.get(DraftAssignment, draft_id, with_for_update=True)
    if draft is None:
        raise NotFound()
    await require_planner_on(session, user_id, draft.object_id)
    if new_user_id not in dict(await replacement_candidates(session, clock, draft)):
        raise NotAllowedHere()
    slot = await session.get(TimeSlot, draft.slot_id)
    assert slot is not None
    loaded = await load_week(
        session, clock, draft.organization_id, [draft.object_id], week_of(slot.local_date)
    )
    person = loaded.people[new_user_id]
    place = next(p for p in loaded.problem.places if p.slot_id == draft.slot_id)
    draft.user_id = new_user_id
    draft.membership_id = loaded.memberships[new_user_id]
    draft.hourly_rate = hourly_rate(person, place)
    await session.flush()
    return draft


@dataclass(frozen=True)
class PublishResult:
    published: int
    skipped: int  # drafts the week no longer allows (the slot filled or the person busy)
    people: int


async def publish_week(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    week: tuple[date, ...],
    object_id: int | None = None,
) -> PublishResult:
    """Every draft of the week becomes a planned shift under planning's placement rules
    (a draft the week no longer allows is skipped); each person is told once, with
    their new shifts of the week."""
    object_ids = await planned_objects(session, user_id, organization_id, object_id)
    await _one_at_a_time(session, organization_id)
    drafts = list(
        await session.scalars(
            select(DraftAssignment)
            .where(*_scope(organization_id, object_ids, week))
            .order_by(DraftAssignment.starts_at, DraftAssignment.id)
        )
    )
    shifts_of: dict[int, list[str]] = defaultdict(list)
    first_shift: dict[int, int] = {}
    skipped = 0
    for draft in drafts:
        membership = await session.get(Membership, draft.membership_id)
        work_object = await session.get(WorkObject, draft.object_id)
        assert membership is not None and work_object is not None
        try:
            slot = await live_slot(session, draft.slot_id, lock=True)
            planned = await place_on_slot(session, clock, slot, membership)
        except _NO_LONGER_ALLOWED:
            skipped += 1
            continue
        finally:
            await session.delete(draft)
        first_shift.setdefault(draft.user_id, planned.id)
        shifts_of[draft.user_id].append(_shift_line(work_object, slot))
    for person_id, lines in shifts_of.items():
        await notify(
            session,
            kind=SCHEDULE_PUBLISHED.name,
            dedup_key=f"schedule-published:{person_id}:{first_shift[person_id]}",
            not_before=clock.now(),
            recipient_user_id=person_id,
            organization_id=organization_id,
            payload={"count": len(lines), "shifts": "\n".join(lines)},
        )
    await session.flush()
    return PublishResult(len(drafts) - skipped, skipped, len(shifts_of))


def _shift_line(work_object: WorkObject, slot: TimeSlot) -> str:
    start = local_hhmm(slot.starts_at, work_object.timezone)
    end = local_hhmm(slot.ends_at, work_object.timezone)
    return f"{slot.local_date:%d.%m} {start}–{end} {work_object.name}"
