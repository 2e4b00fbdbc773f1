"""Correcting a closed shift's times: the shift rules compute lateness, fine, paid time
and pay again, and the ledger settles the difference. An auto-closed shift's
notification links straight to its correction (`/start fix_<shift id>`)."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import PAYROLL_SHIFT_CORRECTED, money_variable, notify
from services.payroll.access import require_money_access
from services.payroll.ledger import Correction, record_shift_entries, record_task_entries
from services.payroll.periods import period_by_id
from services.payroll.rules import (
    ZERO,
    late_fine,
    lateness_minutes,
    paid_from,
    pay_for,
    work_date,
    worked_minutes,
)
from services.platform.clock import Clock
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    Permission,
    Shift,
    ShiftStatus,
    User,
    WorkObject,
)
from services.platform.errors import DomainError, InvalidInput, NotFound
from services.platform.local_time import slot_instants, utc_to_local
from services.staff.permissions import actor_in, objects_with_permission, require_object_permission

# `/start fix_<shift id>`: the "correct" button of an auto-closed shift's notification.
CORRECT_SHIFT_PAYLOAD_PREFIX = "fix_"


class ShiftNotClosed(DomainError):
    code = "payroll-shift-not-closed"


def shift_id_from_payload(payload: str) -> int:
    """The shift id of a `fix_<id>` deep link."""
    digits = payload.removeprefix(CORRECT_SHIFT_PAYLOAD_PREFIX)
    if not digits.isdigit():
        raise NotFound(what="shift")
    return int(digits)


async def correct_shift(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    shift_id: int,
    opened_at: datetime,
    closed_at: datetime,
    reason: str = "",
) -> Shift:
    """An owner (or a manager with `edit_money` on the object) corrects a closed shift's
    times. Lateness, fine, paid time and pay are computed again by the shift rules with
    the rate and the lateness and early-arrival rules frozen on the shift at clock-in
    (not the object's current ones); the break deduction made at close is kept; the
    ledger gets reversals and new entries, never edits; the new pay line names who
    corrected it and `reason`. A corrected shift no longer needs review. The employee is
    told."""
    shift = await session.get(Shift, shift_id, with_for_update=True, populate_existing=True)
    if shift is None:
        raise NotFound(what="shift")
    actor = await actor_in(session, user_id, shift.organization_id)
    work_object = await require_object_permission(
        session, actor, shift.object_id, Permission.EDIT_MONEY
    )
    if shift.status == ShiftStatus.OPEN:
        raise ShiftNotClosed()
    now = clock.now()
    if opened_at.tzinfo is None or closed_at.tzinfo is None:
        raise ValueError("aware datetimes only")
    if closed_at <= opened_at:
        raise InvalidInput(field="times", reason="end-before-start")
    if closed_at > now:
        raise InvalidInput(field="times", reason="in-future")
    lateness = lateness_minutes(shift.planned_start_at, opened_at)
    shift.opened_at = opened_at
    shift.closed_at = closed_at
    shift.paid_from = paid_from(shift.planned_start_at, opened_at, shift.pay_early_arrival)
    shift.late_minutes = lateness
    shift.late_fine = late_fine(lateness, shift.late_grace_minutes, shift.late_fine_per_minute)
    shift.worked_minutes = worked_minutes(shift.paid_from, closed_at, shift.unpaid_break_minutes)
    shift.pay = pay_for(shift.worked_minutes, shift.hourly_rate)
    shift.needs_review = False
    await session.flush()
    author = await session.get(User, user_id)
    correction = Correction(author.display_name if author else "", reason)
    await record_shift_entries(session, shift, author_user_id=user_id, correction=correction)
    await record_task_entries(session, shift)
    await notify(
        session,
        kind=PAYROLL_SHIFT_CORRECTED.name,
        dedup_key=f"payroll_shift_corrected:{shift.id}:{int(now.timestamp())}",
        not_before=now,
        organization_id=shift.organization_id,
        payload={
            "object": work_object.name,
            "date": work_date(
                shift.planned_start_at, shift.opened_at, work_object.timezone
            ).isoformat(),
            "worked_minutes": shift.worked_minutes,
            "pay": money_variable(shift.pay),
        },
        recipient_user_id=shift.user_id,
    )
    return shift


async def correct_shift_local_times(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    shift_id: int,
    start: time,
    end: time,
    reason: str = "",
) -> Shift:
    """`correct_shift` from wall-clock times of the object's timezone on the local date
    the shift opened; an end not after the start is on the next day (a night shift)."""
    shift = await session.get(Shift, shift_id)
    if shift is None:
        raise NotFound(what="shift")
    work_object = await session.get(WorkObject, shift.object_id)
    assert work_object is not None
    zone = ZoneInfo(work_object.timezone)
    opened_at, closed_at = slot_instants(utc_to_local(shift.opened_at, zone)[0], start, end, zone)
    return await correct_shift(
        session,
        clock,
        user_id=user_id,
        shift_id=shift_id,
        opened_at=opened_at,
        closed_at=closed_at,
        reason=reason,
    )


@dataclass(frozen=True)
class CorrectableShift:
    shift_id: int
    local_date: date  # the work date
    object_name: str
    start: time  # local, the object's timezone
    end: time
    worked_minutes: int
    pay: Decimal
    needs_review: bool


def _correctable(shift: Shift, work_object: WorkObject) -> CorrectableShift:
    zone = ZoneInfo(work_object.timezone)
    assert shift.closed_at is not None
    return CorrectableShift(
        shift_id=shift.id,
        local_date=work_date(shift.planned_start_at, shift.opened_at, zone),
        object_name=work_object.name,
        start=utc_to_local(shift.opened_at, zone)[1],
        end=utc_to_local(shift.closed_at, zone)[1],
        worked_minutes=shift.worked_minutes or 0,
        pay=shift.pay or ZERO,
        needs_review=shift.needs_review,
    )


async def correctable_shifts(
    session: AsyncSession, *, user_id: int, period_id: int, employee_user_id: int
) -> list[CorrectableShift]:
    """The employee's finished shifts whose work date is within the period's dates, on
    objects where the viewer may edit money (`edit_money`; owners everywhere), in date
    order."""
    period = await period_by_id(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    await require_money_access(session, actor, employee_user_id, Permission.EDIT_MONEY)
    # Work dates are local dates of each object's zone: a day either side of the
    # period's UTC dates holds every zone's, the exact cut is made below.
    started = func.coalesce(Shift.planned_start_at, Shift.opened_at)
    query = (
        select(Shift, WorkObject)
        .join(WorkObject, WorkObject.id == Shift.object_id)
        .where(
            Shift.organization_id == period.organization_id,
            Shift.user_id == employee_user_id,
            Shift.status != ShiftStatus.OPEN,
            started >= datetime.combine(period.start_date - timedelta(days=1), time(0), UTC),
            started < datetime.combine(period.end_date + timedelta(days=2), time(0), UTC),
        )
        .order_by(Shift.opened_at)
    )
    if not actor.is_owner:
        allowed = [
            o.id for o in await objects_with_permission(session, actor, Permission.EDIT_MONEY)
        ]
        query = query.where(Shift.object_id.in_(allowed))
    rows = await session.execute(query)
    found = [_correctable(shift, work_object) for shift, work_object in rows]
    return [shift for shift in found if period.start_date <= shift.local_date <= period.end_date]


@dataclass(frozen=True)
class CorrectionTarget:
    """Where the correction of one shift opens: its employee's payslip in the period that
    holds the shift's pay."""

    shift: CorrectableShift
    employee_user_id: int
    period_id: int


async def correction_target(
    session: AsyncSession, *, user_id: int, shift_id: int
) -> CorrectionTarget:
    """A finished shift the user may correct (`edit_money` on its object; owners
    everywhere), with the period its pay is in; anyone else gets `NotFound` or
    `PermissionDenied`."""
    shift = await session.get(Shift, shift_id)
    if shift is None:
        raise NotFound(what="shift")
    actor = await actor_in(session, user_id, shift.organization_id)
    work_object = await require_object_permission(
        session, actor, shift.object_id, Permission.EDIT_MONEY
    )
    period_id = await session.scalar(
        select(LedgerEntry.pay_period_id)
        .where(
            LedgerEntry.shift_id == shift.id,
            LedgerEntry.type == LedgerEntryType.SHIFT_PAY,
            LedgerEntry.reverses_entry_id.is_(None),
        )
        .order_by(LedgerEntry.id.desc())
        .limit(1)
    )
    if shift.status == ShiftStatus.OPEN or period_id is None:
        raise ShiftNotClosed()
    return CorrectionTarget(_correctable(shift, work_object), shift.user_id, period_id)
