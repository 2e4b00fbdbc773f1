"""Placing people on slots: an employee books, a planner assigns, takes off or moves;
the placement checks (own object, capacity, no overlap) that exchange reuses.

The rules that must hold under concurrency live in the database: the slot row is locked
(`SELECT … FOR UPDATE`) while its planned shifts are counted and a new one is added, and
an exclusion constraint forbids overlapping planned shifts of one user (PostgreSQL; on
SQLite the same check is made here, in the use case).
"""

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.availability.queries import person_verdict
from services.availability.rules import Verdict, VerdictKind
from services.contracts.errors import ContractEnded
from services.contracts.queries import contract_last_day
from services.documents.errors import DocumentExpired
from services.documents.queries import expired_document
from services.notify.outbox import (
    SHIFT_ASSIGNED,
    SHIFT_BOOKED,
    SHIFT_MOVED,
    SHIFT_UNASSIGNED,
    notify,
)
from services.planning.errors import (
    AlreadyOnSlot,
    BreaksWorkRule,
    NotOnObject,
    OnTimeOff,
    OutsideAvailability,
    SelfBookingOff,
    ShiftAlreadyOpened,
    ShiftNotPlanned,
    ShiftOverlap,
    SlotFull,
    SlotInPast,
)
from services.planning.planners import planner_user_ids, require_planner_on, work_object_of
from services.planning.rules import clean_comment
from services.planning.slots import live_slot, slot_payload
from services.planning.work_limits import planned_work, work_rules_for
from services.planning.work_rules import Reason, Work, hours_text, schedule_refusal
from services.platform.clock import Clock
from services.platform.db.models import (
    AvailabilityOverride,
    CancellationApproval,
    CancellationInitiator,
    Membership,
    MembershipObject,
    MembershipStatus,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    ShiftCancellation,
    TimeSlot,
    User,
)
from services.platform.db.models.planning import PLANNED_SHIFTS_NO_OVERLAP
from services.platform.errors import NotFound
from services.platform.local_time import local_hhmm


async def active_membership(
    session: AsyncSession, user_id: int, organization_id: int
) -> Membership | None:
    return await session.scalar(
        select(Membership).where(
            Membership.user_id == user_id,
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )


async def lock_user(session: AsyncSession, user_id: int) -> None:
    """One change of an employee's planned shifts at a time: two concurrent changes that
    would violate the overlap exclusion constraint can otherwise deadlock on its check."""
    await session.execute(select(User.id).where(User.id == user_id).with_for_update(key_share=True))


async def require_works_on(session: AsyncSession, membership: Membership, object_id: int) -> None:
    """The member is active and their contract allows the object, or `NotOnObject`."""
    works_here = await session.scalar(
        select(MembershipObject.id).where(
            MembershipObject.membership_id == membership.id,
            MembershipObject.object_id == object_id,
        )
    )
    if membership.status != MembershipStatus.ACTIVE or works_here is None:
        raise NotOnObject()


async def require_no_overlap(
    session: AsyncSession,
    user_id: int,
    starts_at: datetime,
    ends_at: datetime,
    *,
    ignoring: Sequence[int] = (),
) -> None:
    """The user has no planned shift overlapping the range (apart from `ignoring`)."""
    query = select(PlannedShift.id).where(
        PlannedShift.user_id == user_id,
        PlannedShift.status == PlannedShiftStatus.PLANNED,
        PlannedShift.starts_at < ends_at,
        PlannedShift.ends_at > starts_at,
    )
    if ignoring:
        query = query.where(PlannedShift.id.not_in(ignoring))
    if await session.scalar(query.limit(1)) is not None:
        raise ShiftOverlap()


async def work_rule_breach(
    session: AsyncSession, slot: TimeSlot, membership: Membership
) -> BreaksWorkRule | None:
    """The hard rule of work the slot would break beside the member's other planned
    shifts (rest and travel between shifts, hours a day and a week, days in a row: the
    organization's limits with their contract's own), or None; the same rules the
    auto-scheduler keeps."""
    zone = ZoneInfo((await work_object_of(session, slot.object_id)).timezone)
    work = Work(slot.object_id, slot.starts_at, slot.ends_at, zone)
    rules = await work_rules_for(session, membership.organization_id, membership.id, work.work_date)
    planned = await planned_work(session, [membership.user_id], slot.starts_at, slot.ends_at)
    refusal = schedule_refusal(work, planned[membership.user_id], rules)
    if refusal is None:
        return None
    params: dict[str, str | int] = {"reason": refusal.reason.value}
    if refusal.other is not None:
        other = refusal.other
        params["day"] = other.work_date.strftime("%d.%m")
        params["start"] = local_hhmm(other.starts_at, other.zone)
        params["end"] = local_hhmm(other.ends_at, other.zone)
    elif refusal.reason is Reason.CONSECUTIVE_DAYS:
        params["days"], params["limit"] = refusal.reached, refusal.limit
    else:
        params["hours"], params["limit"] = hours_text(refusal.reached), hours_text(refusal.limit)
    return BreaksWorkRule(**params)


async def slot_verdict(session: AsyncSession, slot: TimeSlot, membership: Membership) -> Verdict:
    """The member's availability for the slot, read in the object's timezone."""
    work_object = await work_object_of(session, slot.object_id)
    return await person_verdict(
        session,
        membership.organization_id,
        membership.user_id,
        slot.starts_at,
        slot.ends_at,
        ZoneInfo(work_object.timezone),
    )


async def check_placement(
    session: AsyncSession,
    clock: Clock,
    slot: TimeSlot,
    membership: Membership,
    *,
    outside_rules: Callable[[BreaksWorkRule], None] | None = None,
) -> Verdict:
    """Whether the member may go on the locked slot now: not in the past, only on their
    objects, never during their approved time off, never after the last day of their
    contract, never with a required document expired by the slot's date, never beyond
    `max_employees`, never overlapping another planned shift of theirs, never breaking
    a hard rule of work (`work_rule_breach`) unless `outside_rules` lets it (it is
    called with the breach and may refuse). Locks the member
    (`lock_user`) so that the answer holds until commit: approving time off takes the
    same lock. Returns the member's availability verdict for the slot."""
    if slot.starts_at <= clock.now():
        raise SlotInPast()
    await lock_user(session, membership.user_id)
    await require_works_on(session, membership, slot.object_id)
    last_day = await contract_last_day(session, membership.id)
    if last_day is not None and slot.local_date > last_day:
        raise ContractEnded(ends_on=last_day.strftime("%d.%m.%Y"))
    expired = await expired_document(session, membership, slot.object_id, slot.local_date)
    if expired is not None:
        title, expires_on = expired
        raise DocumentExpired(title=title, expires_on=expires_on.strftime("%d.%m.%Y"))
    verdict = await slot_verdict(session, slot, membership)
    if verdict.time_off is not None:
        raise OnTimeOff(first_day=verdict.time_off.first_day, last_day=verdict.time_off.last_day)
    on_slot = list(
        await session.scalars(
            select(PlannedShift.user_id).where(
                PlannedShift.slot_id == slot.id,
                PlannedShift.status == PlannedShiftStatus.PLANNED,
            )
        )
    )
    if membership.user_id in on_slot:
        raise AlreadyOnSlot()
    if len(on_slot) >= slot.max_employees:
        raise SlotFull(booked=len(on_slot), max=slot.max_employees)
    await require_no_overlap(session, membership.user_id, slot.starts_at, slot.ends_at)
    breach = await work_rule_breach(session, slot, membership)
    if breach is not None:
        if outside_rules is None:
            raise breach
        outside_rules(breach)
    return verdict


async def apply_planned_change(
    session: AsyncSession, change: Callable[[], Awaitable[None]]
) -> None:
    """Make and flush planned-shift changes in a savepoint; the overlap exclusion
    constraint (a concurrent change of the same user committed first) becomes
    `ShiftOverlap`, and the caller's transaction stays usable."""
    try:
        async with session.begin_nested():
            await change()
            await session.flush()
    except IntegrityError as error:
        if PLANNED_SHIFTS_NO_OVERLAP in str(error.orig):
            raise ShiftOverlap() from error
        raise


async def place_on_slot(
    session: AsyncSession,
    clock: Clock,
    slot: TimeSlot,
    membership: Membership,
    *,
    outside_availability: Callable[[Verdict], None] | None = None,
    outside_rules: Callable[[BreaksWorkRule], None] | None = None,
) -> PlannedShift:
    """Put the member on the locked slot under the rules of `check_placement`;
    `outside_availability` is called first when the slot is outside the member's
    availability (and may refuse), `outside_rules` when it breaks a rule of work."""
    verdict = await check_placement(session, clock, slot, membership, outside_rules=outside_rules)
    if outside_availability is not None and verdict.kind is VerdictKind.UNAVAILABLE:
        outside_availability(verdict)
    planned_shift = PlannedShift(
        slot_id=slot.id,
        object_id=slot.object_id,
        membership_id=membership.id,
        user_id=membership.user_id,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        status=PlannedShiftStatus.PLANNED,
    )

    async def add() -> None:
        session.add(planned_shift)

    await apply_planned_change(session, add)
    return planned_shift


async def assign_employee(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    slot_id: int,
    membership_id: int,
    availability_reason: str = "",
) -> PlannedShift:
    """An owner or a manager with `plan` puts an employee of the object on a slot; the
    employee is told. Outside the employee's stated availability, or breaking a rule of
    work, the planner must give a reason (`OutsideAvailability` or `BreaksWorkRule`
    otherwise), which is kept with the planned shift."""
    slot = await live_slot(session, slot_id, lock=True)
    _, work_object = await require_planner_on(session, user_id, slot.object_id)
    membership = await session.get(Membership, membership_id)
    if membership is None or membership.organization_id != work_object.organization_id:
        raise NotOnObject()
    reason = clean_comment(availability_reason)
    overridden: list[str] = []

    def needs_reason(verdict: Verdict) -> None:
        if not reason:
            raise OutsideAvailability(day=verdict.day)
        overridden.append(verdict.kind.value)

    def rule_needs_reason(breach: BreaksWorkRule) -> None:
        if not reason:
            raise breach
        overridden.append(str(breach.params["reason"]))

    planned_shift = await place_on_slot(
        session,
        clock,
        slot,
        membership,
        outside_availability=needs_reason,
        outside_rules=rule_needs_reason,
    )
    session.add_all(
        AvailabilityOverride(
            planned_shift_id=planned_shift.id,
            user_id=planned_shift.user_id,
            decided_by_user_id=user_id,
            verdict=verdict,
            reason=reason,
        )
        for verdict in overridden
    )
    await notify(
        session,
        kind=SHIFT_ASSIGNED.name,
        dedup_key=f"shift-assigned:{planned_shift.id}",
        not_before=clock.now(),
        recipient_user_id=planned_shift.user_id,
        organization_id=work_object.organization_id,
        payload=slot_payload(work_object, slot),
    )
    return planned_shift


async def book_slot(
    session: AsyncSession, clock: Clock, *, user_id: int, slot_id: int
) -> PlannedShift:
    """An employee books a free place on a slot of one of their objects, where the object
    allows self-booking; the planners of the object are told."""
    slot = await live_slot(session, slot_id, lock=True)
    work_object = await work_object_of(session, slot.object_id)
    if not work_object.allow_self_booking or work_object.archived:
        raise SelfBookingOff()
    membership = await active_membership(session, user_id, work_object.organization_id)
    if membership is None:
        raise NotOnObject()
    planned_shift = await place_on_slot(session, clock, slot, membership)
    employee = await session.get(User, user_id)
    for planner_id in await planner_user_ids(session, work_object):
        await notify(
            session,
            kind=SHIFT_BOOKED.name,
            dedup_key=f"shift-booked:{planned_shift.id}:{planner_id}",
            not_before=clock.now(),
            recipient_user_id=planner_id,
            organization_id=work_object.organization_id,
            payload=slot_payload(
                work_object, slot, employee_name=employee.display_name if employee else ""
            ),
        )
    return planned_shift


async def planned_shift_locked(session: AsyncSession, planned_shift_id: int) -> PlannedShift:
    planned_shift = await session.get(
        PlannedShift, planned_shift_id, with_for_update=True, populate_existing=True
    )
    if planned_shift is None:
        raise NotFound()
    if planned_shift.status != PlannedShiftStatus.PLANNED:
        raise ShiftNotPlanned()
    return planned_shift


async def unassign(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int, comment: str
) -> ShiftCancellation:
    """An owner or a manager with `plan` takes someone off a slot, with a comment and
    without any fine; the employee is told."""
    planned_shift = await planned_shift_locked(session, planned_shift_id)
    _, work_object = await require_planner_on(session, user_id, planned_shift.object_id)
    slot = await live_slot(session, planned_shift.slot_id)
    now = clock.now()
    planned_shift.status = PlannedShiftStatus.CANCELLED
    planned_shift.cancelled_at = now
    cancellation = ShiftCancellation(
        planned_shift_id=planned_shift.id,
        organization_id=work_object.organization_id,
        initiator=CancellationInitiator.PLANNER,
        cancelled_by_user_id=user_id,
        comment=clean_comment(comment),
        short_notice=False,
        approval_status=CancellationApproval.NOT_NEEDED,
    )
    session.add(cancellation)
    await session.flush()
    await notify(
        session,
        kind=SHIFT_UNASSIGNED.name,
        dedup_key=f"shift-unassigned:{planned_shift.id}",
        not_before=now,
        recipient_user_id=planned_shift.user_id,
        organization_id=work_object.organization_id,
        payload=slot_payload(work_object, slot, comment=cancellation.comment),
    )
    return cancellation


async def move_planned_shift(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int, slot_id: int
) -> PlannedShift:
    """An owner or a manager with `plan` on both objects moves an employee from their slot
    to another one (the same object or another of theirs), under the rules of assignment:
    both slots are locked in id order, then the employee (`place_on_slot`), so that two
    moves into the last place cannot both succeed. The old placement is removed only
    together with the new one being made (a savepoint): a refusal leaves the employee
    where they were. A move is no cancellation: no record, no fine, nothing in reports;
    the employee is told where they go now."""
    planned_shift = await planned_shift_locked(session, planned_shift_id)
    if planned_shift.slot_id == slot_id:
        raise AlreadyOnSlot()
    slots = {
        locked_id: await live_slot(session, locked_id, lock=True)
        for locked_id in sorted((planned_shift.slot_id, slot_id))
    }
    old_slot, new_slot = slots[planned_shift.slot_id], slots[slot_id]
    _, old_object = await require_planner_on(session, user_id, old_slot.object_id)
    _, new_object = await require_planner_on(session, user_id, new_slot.object_id)
    if planned_shift.starts_at <= clock.now():
        raise SlotInPast()
    if await session.scalar(select(Shift.id).where(Shift.planned_shift_id == planned_shift.id)):
        raise ShiftAlreadyOpened()  # clocked in early: the shift is being worked
    membership = await session.get(Membership, planned_shift.membership_id)
    assert membership is not None
    async with session.begin_nested():
        # Gone first, so that the old placement neither overlaps nor counts on the new slot.
        await session.delete(planned_shift)
        await session.flush()
        moved = await place_on_slot(session, clock, new_slot, membership)
    await notify(
        session,
        kind=SHIFT_MOVED.name,
        dedup_key=f"shift-moved:{moved.id}",
        not_before=clock.now(),
        recipient_user_id=moved.user_id,
        organization_id=new_object.organization_id,
        payload=slot_payload(
            new_object,
            new_slot,
            **{f"from_{name}": value for name, value in slot_payload(old_object, old_slot).items()},
        ),
    )
    return moved
