"""Approval of a refused clock-in: the employee sends the attempt to the object's
approvers; an owner or a manager with `plan` approves it and the shift opens at the
attempt's time, the override logged with the approver."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.attendance.clock_in import ShiftChoice, create_shift, refuse_if_open, resolve_target
from services.attendance.errors import AttemptNotApprovable
from services.attendance.feed import approver_ids, feed_opened
from services.attendance.queries import display_name_of, object_by_id
from services.notify.outbox import CLOCK_IN_APPROVAL, CLOCK_IN_APPROVED, notify
from services.platform.clock import Clock
from services.platform.db.models import (
    AttemptKind,
    AttemptResult,
    ClockInAttempt,
    ClockInOverride,
    Permission,
    Shift,
)
from services.platform.errors import NotFound
from services.platform.local_time import local_hhmm
from services.staff.permissions import actor_in, require_object_permission

# `/start approve_<attempt id>`: the deep link of the approval request's button.
APPROVAL_PAYLOAD_PREFIX = "approve_"


async def request_approval(
    session: AsyncSession, clock: Clock, *, user_id: int, attempt_id: int
) -> None:
    """Send the employee's refused attempt to the owners and the managers with `plan` on
    the object, who can approve it (the message's button opens the approval)."""
    attempt = await session.get(ClockInAttempt, attempt_id, with_for_update=True)
    if attempt is None or attempt.user_id != user_id:
        raise NotFound(what="attempt")
    _ensure_approvable(attempt)
    if attempt.approval_requested_at is not None:
        return
    now = clock.now()
    attempt.approval_requested_at = now
    work_object = await object_by_id(session, attempt.object_id)
    payload = {
        "employee": await display_name_of(session, user_id),
        "object": work_object.name,
        "reason": attempt.reason or "",
        "distance_m": round(attempt.distance_m) if attempt.distance_m is not None else -1,
        "time": local_hhmm(attempt.attempted_at, work_object.timezone),
        "buttons": [
            {
                "text_key": "notify-button-approve-clock-in",
                "start_payload": f"{APPROVAL_PAYLOAD_PREFIX}{attempt.id}",
            }
        ],
    }
    for recipient in await approver_ids(session, work_object):
        await notify(
            session,
            kind=CLOCK_IN_APPROVAL.name,
            dedup_key=f"clock_in_approval:{attempt.id}:u{recipient}",
            not_before=now,
            payload=payload,
            recipient_user_id=recipient,
            organization_id=work_object.organization_id,
        )


def attempt_id_from_payload(payload: str) -> int:
    """The attempt id of an `approve_<id>` deep link."""
    digits = payload.removeprefix(APPROVAL_PAYLOAD_PREFIX)
    if not digits.isdigit():
        raise NotFound(what="attempt")
    return int(digits)


async def attempt_for_approval(
    session: AsyncSession, *, approver_user_id: int, attempt_id: int
) -> tuple[ClockInAttempt, str, str]:
    """The refused attempt, its employee's name and its object's name, for an approver."""
    attempt = await session.get(ClockInAttempt, attempt_id)
    if attempt is None:
        raise NotFound(what="attempt")
    actor = await actor_in(session, approver_user_id, attempt.organization_id)
    work_object = await require_object_permission(
        session, actor, attempt.object_id, Permission.PLAN
    )
    _ensure_approvable(attempt)
    if await _override_of(session, attempt.id) is not None:
        raise AttemptNotApprovable(reason="approved")
    return attempt, await display_name_of(session, attempt.user_id), work_object.name


async def approve_clock_in(
    session: AsyncSession, clock: Clock, *, approver_user_id: int, attempt_id: int
) -> Shift:
    """A manager with `plan` on the object (or an owner) approves a refused attempt: the
    shift opens at the attempt's time, as if the location had been accepted, and the
    override is logged with the approver. An attempt is approved once."""
    attempt, _, _ = await attempt_for_approval(
        session, approver_user_id=approver_user_id, attempt_id=attempt_id
    )
    now = clock.now()
    await refuse_if_open(session, attempt.user_id)
    choice = ShiftChoice(
        planned_shift_id=attempt.planned_shift_id,
        object_id=None if attempt.planned_shift_id else attempt.object_id,
    )
    target = await resolve_target(session, attempt.user_id, choice, attempt.attempted_at)
    override = ClockInOverride(
        attempt_id=attempt.id, approver_user_id=approver_user_id, approved_at=now
    )
    try:
        async with session.begin_nested():
            session.add(override)
    except IntegrityError as error:
        raise AttemptNotApprovable(reason="approved") from error
    shift = await create_shift(session, target, opened_at=attempt.attempted_at)
    override.shift_id = shift.id
    attempt.shift_id = shift.id
    await notify(
        session,
        kind=CLOCK_IN_APPROVED.name,
        dedup_key=f"clock_in_approved:{attempt.id}",
        not_before=now,
        payload={
            "object": target.work_object.name,
            "approver": await display_name_of(session, approver_user_id),
            "time": local_hhmm(shift.opened_at, target.work_object.timezone),
        },
        recipient_user_id=attempt.user_id,
        organization_id=attempt.organization_id,
    )
    await feed_opened(session, shift, target.work_object, now)
    return shift


def _ensure_approvable(attempt: ClockInAttempt) -> None:
    if attempt.kind != AttemptKind.OPEN or attempt.result != AttemptResult.REFUSED:
        raise AttemptNotApprovable(reason="accepted")


async def _override_of(session: AsyncSession, attempt_id: int) -> ClockInOverride | None:
    return await session.scalar(
        select(ClockInOverride).where(ClockInOverride.attempt_id == attempt_id)
    )
