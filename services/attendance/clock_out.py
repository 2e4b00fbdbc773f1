"""Closing a shift: by the employee (with the location check where the object asks for
it), by a manager with a reason, or automatically past its scheduled end. Each close
posts the shift's pay and task bonuses and fines to the payroll ledger."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.attendance.breaks import settle_breaks
from services.attendance.clock_in import ClockInTarget, ClockResult, geofence_of, record_attempt
from services.attendance.errors import LocationRequired, NoOpenShift, ShiftNotOpen
from services.attendance.feed import feed_auto_closed, feed_shift, shift_payload
from services.attendance.queries import count_open_shifts, display_name_of, object_by_id
from services.notify.outbox import SHIFT_AUTO_CLOSED, SHIFT_CLOSED, SHIFT_CLOSED_BY_MANAGER, notify
from services.payroll.ledger import record_shift_entries, record_task_entries
from services.payroll.rules import auto_close_due, pay_for, worked_minutes
from services.places.geo import LocationReport, check_location
from services.platform.clock import Clock
from services.platform.db.models import (
    AttemptKind,
    Membership,
    Permission,
    Shift,
    ShiftStatus,
    WorkObject,
)
from services.platform.errors import InvalidInput, NotFound
from services.platform.observability.metrics import OPEN_SHIFTS
from services.staff.permissions import actor_in, require_object_permission

MAX_CLOSE_REASON_LENGTH = 500


async def close_shift(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    report: LocationReport | None,
) -> ClockResult:
    """The employee closes their open shift. Where the object checks the location on
    close, the same checks as on open apply and the attempt is stored; a refusal leaves
    the shift open and returns the `ClockResult`. Worked minutes count from the paid
    start, less the minutes not paid as breaks (`services.attendance.breaks`); pay =
    minutes × frozen rate / 60, rounded half up to kopecks."""
    shift = await _locked_open_shift_of(session, user_id)
    work_object = await object_by_id(session, shift.object_id)
    now = clock.now()
    attempt, verdict = None, None
    if work_object.check_location_on_close:
        if report is None:
            raise LocationRequired()
        membership = await session.get(Membership, shift.membership_id)
        assert membership is not None
        target = ClockInTarget(membership, work_object, None, None)
        verdict = check_location(report, geofence_of(work_object), now)
        attempt = await record_attempt(
            session, AttemptKind.CLOSE, target, report, verdict, now, shift_id=shift.id
        )
        attempt.planned_shift_id = shift.planned_shift_id
        if not verdict.accepted:
            return ClockResult(None, attempt, verdict)
    await _finish(
        session, shift, work_object, closed_at=now, status=ShiftStatus.CLOSED, closed_by=user_id
    )
    await _settle_pay(session, shift)
    await feed_shift(session, shift, work_object, now, kind=SHIFT_CLOSED.name)
    return ClockResult(shift, attempt, verdict)


async def close_shift_manually(
    session: AsyncSession, clock: Clock, *, user_id: int, shift_id: int, reason: str
) -> Shift:
    """An owner, or a manager with `plan` on the object, closes someone's open shift now,
    with a reason that is kept on the shift and sent to the employee."""
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise InvalidInput(field="reason", reason="empty")
    if len(cleaned) > MAX_CLOSE_REASON_LENGTH:
        raise InvalidInput(field="reason", reason="too-long", limit=MAX_CLOSE_REASON_LENGTH)
    shift = await session.get(Shift, shift_id, with_for_update=True)
    if shift is None:
        raise NotFound(what="shift")
    actor = await actor_in(session, user_id, shift.organization_id)
    work_object = await require_object_permission(session, actor, shift.object_id, Permission.PLAN)
    if shift.status != ShiftStatus.OPEN:
        raise ShiftNotOpen()
    now = clock.now()
    await _finish(
        session, shift, work_object, closed_at=now, status=ShiftStatus.CLOSED, closed_by=user_id
    )
    shift.close_reason = cleaned
    await _settle_pay(session, shift)
    await notify(
        session,
        kind=SHIFT_CLOSED_BY_MANAGER.name,
        dedup_key=f"shift_closed_by_manager:{shift.id}",
        not_before=now,
        payload=shift_payload(shift, work_object)
        | {"closer": await display_name_of(session, user_id), "reason": cleaned},
        recipient_user_id=shift.user_id,
        organization_id=shift.organization_id,
    )
    await feed_shift(session, shift, work_object, now, kind=SHIFT_CLOSED.name)
    return shift


async def auto_close_overdue_shifts(session: AsyncSession, clock: Clock) -> list[int]:
    """Close every shift still open past its scheduled end (planned end, the object's
    closing time for a spontaneous shift, at most the object's maximum shift length)
    plus the object's auto-close grace. The shift is closed AT its scheduled end, not
    when this runs; it is marked auto-closed and needing review (its end is a guess until
    corrected), and the employee and the feed are told. Running it twice changes nothing;
    concurrent runs skip each other's rows."""
    now = clock.now()
    overdue = list(
        await session.scalars(
            select(Shift)
            .where(Shift.status == ShiftStatus.OPEN, Shift.scheduled_end_at < now)
            .order_by(Shift.id)
            .with_for_update(skip_locked=True)
        )
    )
    closed: list[int] = []
    for shift in overdue:
        work_object = await object_by_id(session, shift.object_id)
        end = shift.scheduled_end_at
        if not auto_close_due(end, work_object.auto_close_grace_minutes, now):
            continue
        await _finish(
            session,
            shift,
            work_object,
            closed_at=max(end, shift.opened_at),
            status=ShiftStatus.AUTO_CLOSED,
        )
        shift.needs_review = True
        await _settle_pay(session, shift)
        await notify(
            session,
            kind=SHIFT_AUTO_CLOSED.name,
            dedup_key=f"shift_auto_closed:{shift.id}:employee",
            not_before=now,
            payload=shift_payload(shift, work_object)
            | {"employee": await display_name_of(session, shift.user_id)},
            recipient_user_id=shift.user_id,
            organization_id=shift.organization_id,
        )
        await feed_auto_closed(session, shift, work_object, now)
        closed.append(shift.id)
    await session.flush()
    OPEN_SHIFTS.set(await count_open_shifts(session))
    return closed


async def _locked_open_shift_of(session: AsyncSession, user_id: int) -> Shift:
    shift = await session.scalar(
        select(Shift)
        .where(Shift.user_id == user_id, Shift.status == ShiftStatus.OPEN)
        .with_for_update()
    )
    if shift is None:
        raise NoOpenShift()
    return shift


async def _finish(
    session: AsyncSession,
    shift: Shift,
    work_object: WorkObject,
    *,
    closed_at: datetime,
    status: ShiftStatus,
    closed_by: int | None = None,
) -> None:
    """Close the shift at `closed_at`: a running break ends then, and the minutes not
    paid as breaks come off the paid span."""
    await settle_breaks(session, shift, work_object, closed_at)
    shift.closed_at = closed_at
    shift.status = status
    shift.closed_by_user_id = closed_by
    shift.worked_minutes = worked_minutes(shift.paid_from, closed_at, shift.unpaid_break_minutes)
    shift.pay = pay_for(shift.worked_minutes, shift.hourly_rate)


async def _settle_pay(session: AsyncSession, shift: Shift) -> None:
    """Post a finished shift to the payroll ledger: its pay, late fine, task bonuses
    and fines (idempotent by cause)."""
    await session.flush()
    await record_shift_entries(session, shift)
    await record_task_entries(session, shift)
