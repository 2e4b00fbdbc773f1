"""Use cases of time off: request, withdraw, approve (releasing or keeping the planned
shifts in the span) and decline. One transaction each; the callers commit."""

from collections.abc import Sequence
from datetime import date, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.availability.queries import time_off_span_of
from services.availability.rules import time_off_envelope, time_off_overlapping, validate_window
from services.notify.outbox import TIME_OFF_DECIDED, TIME_OFF_REQUESTED, notify
from services.planning.bookings import active_membership, lock_user
from services.planning.planners import planner_user_ids
from services.planning.rules import clean_comment
from services.planning.slots import cancel_without_fine
from services.platform.clock import Clock
from services.platform.db.models import (
    CancellationInitiator,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Organization,
    PlannedShift,
    PlannedShiftStatus,
    TimeOffKind,
    TimeOffRequest,
    TimeOffStatus,
    User,
    WorkObject,
)
from services.platform.errors import InvalidInput, NotFound, PermissionDenied
from services.platform.local_time import hhmm, local_today
from services.time_off.errors import (
    TimeOffHasShifts,
    TimeOffInPast,
    TimeOffNotPending,
    TimeOffTooLong,
)

MAX_DAYS = 366


class HeldShifts(StrEnum):
    """What an approval does with the employee's planned shifts in the span."""

    RELEASE = "release"  # cancelled without a fine: their places are open again
    KEEP = "keep"


def request_payload(request: TimeOffRequest, name: str) -> dict[str, str]:
    """The variables of time-off notifications (dates as people read them)."""
    window = (
        f" {hhmm(request.start_time)}–{hhmm(request.end_time)}"
        if request.start_time is not None and request.end_time is not None
        else ""
    )
    return {
        "name": name,
        "kind": str(request.kind),
        "first": request.first_day.strftime("%d.%m.%Y"),
        "last": request.last_day.strftime("%d.%m.%Y") + window,
        "comment": request.comment,
        "decision_comment": request.decision_comment,
    }


async def request_time_off(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    kind: TimeOffKind,
    first_day: date,
    last_day: date,
    start: time | None = None,
    end: time | None = None,
    comment: str = "",
) -> TimeOffRequest:
    """An employee asks for time off from `first_day` to `last_day` (local dates), whole
    days or only `start`–`end` on each of them; not for days already past in the
    organization's timezone, at most a year. Whoever may decide is told."""
    membership = await active_membership(session, user_id, organization_id)
    if membership is None:
        raise PermissionDenied()
    if last_day < first_day:
        raise InvalidInput(field="dates", reason="order")
    try:
        validate_window(start, end)
    except ValueError as error:
        raise InvalidInput(field="window", reason="empty") from error
    organization = await session.get(Organization, organization_id)
    assert organization is not None
    if last_day < local_today(clock.now(), organization.timezone):
        raise TimeOffInPast()
    if (last_day - first_day).days + 1 > MAX_DAYS:
        raise TimeOffTooLong(limit=MAX_DAYS)
    starts_at, ends_at = time_off_envelope(first_day, last_day)
    request = TimeOffRequest(
        organization_id=organization_id,
        membership_id=membership.id,
        user_id=user_id,
        kind=kind,
        status=TimeOffStatus.REQUESTED,
        first_day=first_day,
        last_day=last_day,
        start_time=start,
        end_time=end,
        starts_at=starts_at,
        ends_at=ends_at,
        comment=clean_comment(comment),
    )
    session.add(request)
    await session.flush()
    employee = await session.get(User, user_id)
    assert employee is not None
    for decider_id in await time_off_deciders(session, membership):
        await notify(
            session,
            kind=TIME_OFF_REQUESTED.name,
            dedup_key=f"time-off-requested:{request.id}:{decider_id}",
            not_before=clock.now(),
            recipient_user_id=decider_id,
            organization_id=organization_id,
            payload=request_payload(request, employee.display_name),
        )
    return request


async def time_off_deciders(session: AsyncSession, membership: Membership) -> list[int]:
    """Who decides on a member's time off: the owners, and the managers who plan at least
    one of the member's objects (nobody decides on their own time off)."""
    objects = await session.scalars(
        select(WorkObject)
        .join(MembershipObject, MembershipObject.object_id == WorkObject.id)
        .where(MembershipObject.membership_id == membership.id)
    )
    deciders: set[int] = set()
    for work_object in objects:
        deciders.update(await planner_user_ids(session, work_object))
    owners = await session.scalars(
        select(Membership.user_id).where(
            Membership.organization_id == membership.organization_id,
            Membership.role == MembershipRole.OWNER,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )
    deciders.update(owners)
    deciders.discard(membership.user_id)
    return sorted(deciders)


async def _locked_request(session: AsyncSession, request_id: int) -> TimeOffRequest:
    request = await session.scalar(
        select(TimeOffRequest)
        .where(TimeOffRequest.id == request_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if request is None:
        raise NotFound()
    return request


async def _require_decider(
    session: AsyncSession, request: TimeOffRequest, user_id: int
) -> Membership:
    membership = await session.get(Membership, request.membership_id)
    assert membership is not None
    if user_id not in await time_off_deciders(session, membership):
        raise PermissionDenied()
    return membership


async def held_shifts(
    session: AsyncSession, request: TimeOffRequest, *, lock: bool = False
) -> list[PlannedShift]:
    """The member's planned shifts (not started yet or not) that the time off covers,
    each read in its object's timezone; with `lock`, locked in id order."""
    query = (
        select(PlannedShift, WorkObject.timezone)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .where(
            PlannedShift.user_id == request.user_id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            WorkObject.organization_id == request.organization_id,
            PlannedShift.starts_at < request.ends_at,
            PlannedShift.ends_at > request.starts_at,
        )
        .order_by(PlannedShift.id)
    )
    if lock:
        query = query.with_for_update(of=PlannedShift)
    span = (time_off_span_of(request),)
    return [
        planned_shift
        for planned_shift, timezone in await session.execute(query)
        if time_off_overlapping(
            span, planned_shift.starts_at, planned_shift.ends_at, ZoneInfo(timezone)
        )
    ]


async def held_shift_count(session: AsyncSession, *, request_id: int) -> int:
    """How many planned shifts of the employee a request's time off covers (read only)."""
    request = await session.get(TimeOffRequest, request_id)
    if request is None:
        raise NotFound()
    return len(await held_shifts(session, request))


async def approve_time_off(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    request_id: int,
    held: HeldShifts | None = None,
    comment: str = "",
) -> Sequence[PlannedShift]:
    """An owner or a planning manager of the employee's objects approves a request. When
    the employee holds planned shifts in the span, `held` must say whether they are
    released (cancelled without a fine, their places open again) or kept
    (`TimeOffHasShifts` otherwise). Locks: the request, the shifts (ids ascending), then
    the employee (`lock_user`, the lock every placement takes), and the shifts are read
    again under it, so that a booking committed meanwhile is seen. Returns the released
    shifts."""
    request = await _locked_request(session, request_id)
    if request.status != TimeOffStatus.REQUESTED:
        raise TimeOffNotPending()
    await _require_decider(session, request, user_id)
    await held_shifts(session, request, lock=True)
    await lock_user(session, request.user_id)
    shifts = await held_shifts(session, request, lock=True)
    if shifts and held is None:
        raise TimeOffHasShifts(count=len(shifts))
    now = clock.now()
    released = shifts if held is HeldShifts.RELEASE else []
    for planned_shift in released:
        cancel_without_fine(
            session,
            planned_shift,
            organization_id=request.organization_id,
            initiator=CancellationInitiator.TIME_OFF,
            by_user_id=user_id,
            now=now,
        )
    await _decide(session, clock, request, user_id, TimeOffStatus.APPROVED, comment)
    return released


async def decline_time_off(
    session: AsyncSession, clock: Clock, *, user_id: int, request_id: int, comment: str = ""
) -> None:
    """An owner or a planning manager of the employee's objects declines a request."""
    request = await _locked_request(session, request_id)
    if request.status != TimeOffStatus.REQUESTED:
        raise TimeOffNotPending()
    await _require_decider(session, request, user_id)
    await _decide(session, clock, request, user_id, TimeOffStatus.DECLINED, comment)


async def _decide(
    session: AsyncSession,
    clock: Clock,
    request: TimeOffRequest,
    user_id: int,
    status: TimeOffStatus,
    comment: str,
) -> None:
    request.status = status
    request.decided_by_user_id = user_id
    request.decided_at = clock.now()
    request.decision_comment = clean_comment(comment)
    await session.flush()
    decider = await session.get(User, user_id)
    assert decider is not None
    await notify(
        session,
        kind=TIME_OFF_DECIDED.name,
        dedup_key=f"time-off-decided:{request.id}",
        not_before=clock.now(),
        recipient_user_id=request.user_id,
        organization_id=request.organization_id,
        payload={**request_payload(request, decider.display_name), "status": status.value},
    )


async def withdraw_time_off(
    session: AsyncSession, clock: Clock, *, user_id: int, request_id: int
) -> None:
    """The employee withdraws their request, or approved time off that has not begun
    (shifts released by the approval stay released)."""
    request = await _locked_request(session, request_id)
    if request.user_id != user_id:
        raise NotFound()
    organization = await session.get(Organization, request.organization_id)
    assert organization is not None
    today = local_today(clock.now(), organization.timezone)
    pending = request.status == TimeOffStatus.REQUESTED
    upcoming = request.status == TimeOffStatus.APPROVED and request.first_day > today
    if not (pending or upcoming):
        raise TimeOffNotPending()
    request.status = TimeOffStatus.CANCELLED
    await session.flush()
