"""Clock-in and clock-out (C5): opening a planned or spontaneous shift with a location
check, closing it, manager approval of a refused attempt, manual and automatic closing,
who is on shift now, and the live feed to owners, managers and the report chat.

The pay rules themselves live in `services.payroll.rules` (pure); this module applies them
inside one transaction per use case. "One open shift per employee" is the partial unique
index `uq_shifts_one_open_per_user`, not only a check made before inserting.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import (
    CLOCK_IN_APPROVAL,
    CLOCK_IN_APPROVED,
    CLOCK_IN_REFUSED,
    NOT_CLOCKED_IN,
    SHIFT_AUTO_CLOSED,
    SHIFT_CLOSED,
    SHIFT_CLOSED_BY_MANAGER,
    SHIFT_OPENED,
    UserNotification,
    notify,
    notify_many,
)
from services.payroll.ledger import record_shift_entries, record_task_entries
from services.payroll.rules import (
    auto_close_due,
    earliest_open,
    frozen_rate,
    is_openable,
    late_fine,
    lateness_minutes,
    paid_from,
    pay_for,
    scheduled_end,
    worked_minutes,
)
from services.places.geo import Geofence, LocationReport, LocationVerdict, check_location
from services.platform.clock import Clock, ManualClock
from services.platform.db.models import (
    AttemptKind,
    AttemptResult,
    ClockInAttempt,
    ClockInOverride,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    ShiftStatus,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.errors import DomainError, InvalidInput, NotFound
from services.platform.local_time import local_today
from services.platform.observability.metrics import CLOCK_IN_ATTEMPTS, OPEN_SHIFTS
from services.staff.memberships import rate_in_force
from services.staff.permissions import actor_in, objects_with_permission, require_object_permission
from services.staff.users import active_memberships, current_membership
from services.tasks.shift_tasks import attach_tasks_to_shift

if TYPE_CHECKING:
    from services.platform.scheduler import JobContext

MAX_CLOSE_REASON_LENGTH = 500
# `/start approve_<attempt id>`: the deep link of the approval request's button.
APPROVAL_PAYLOAD_PREFIX = "approve_"
# `/start shift_<planned shift id>`: the "open shift" button of a shift reminder.
OPEN_SHIFT_PAYLOAD_PREFIX = "shift_"


class ShiftAlreadyOpen(DomainError):
    """Params: shift_id (the open shift, to show its card)."""

    code = "shift-already-open"


class NoOpenShift(DomainError):
    code = "no-open-shift"


class ShiftNotOpenable(DomainError):
    """Params: reason (ended, worked, cancelled)."""

    code = "shift-not-openable"


class TooEarlyToOpen(DomainError):
    """Params: opens_at (local HH:MM), minutes (the object's early-arrival allowance)."""

    code = "shift-too-early"


class SpontaneousNotAllowed(DomainError):
    code = "spontaneous-not-allowed"


class LocationRequired(DomainError):
    code = "location-required"


class AttemptNotApprovable(DomainError):
    """Params: reason (accepted, approved, not-requested-by-you)."""

    code = "attempt-not-approvable"


class ShiftNotOpen(DomainError):
    code = "shift-not-open"


@dataclass(frozen=True)
class ShiftChoice:
    """What the employee wants to open: a planned shift, or a spontaneous one at an object."""

    planned_shift_id: int | None = None
    object_id: int | None = None


@dataclass(frozen=True)
class OpenableShift:
    planned_shift_id: int
    object_id: int
    object_name: str
    starts_at: datetime
    ends_at: datetime
    timezone: str


@dataclass(frozen=True)
class SpontaneousOption:
    object_id: int
    object_name: str


@dataclass(frozen=True)
class TodayOptions:
    open_shift_id: int | None
    planned: list[OpenableShift]
    spontaneous: list[SpontaneousOption]


@dataclass(frozen=True)
class ClockResult:
    """The outcome of opening or closing: the shift when it went through; the stored
    attempt and the location verdict when a location was checked."""

    shift: Shift | None
    attempt: ClockInAttempt | None = None
    verdict: LocationVerdict | None = None

    @property
    def accepted(self) -> bool:
        return self.shift is not None


@dataclass(frozen=True)
class ShiftCard:
    shift: Shift
    work_object: WorkObject
    employee_name: str
    planned_end_at: datetime | None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.work_object.timezone)

    def local(self, instant: datetime) -> datetime:
        return instant.astimezone(self.zone)


@dataclass(frozen=True)
class _Target:
    membership: Membership
    work_object: WorkObject
    planned: PlannedShift | None
    slot_rate: Decimal | None


# ------------------------------------------------------------------ reading


async def open_shift_of(session: AsyncSession, user_id: int) -> Shift | None:
    return await session.scalar(
        select(Shift).where(Shift.user_id == user_id, Shift.status == ShiftStatus.OPEN)
    )


async def shift_card(session: AsyncSession, shift_id: int) -> ShiftCard:
    shift = await session.get(Shift, shift_id)
    if shift is None:
        raise NotFound(what="shift")
    work_object = await _object(session, shift.object_id)
    employee = await session.get(User, shift.user_id)
    planned = (
        await session.get(PlannedShift, shift.planned_shift_id) if shift.planned_shift_id else None
    )
    return ShiftCard(
        shift=shift,
        work_object=work_object,
        employee_name=employee.display_name if employee else "",
        planned_end_at=planned.ends_at if planned else None,
    )


async def today_options(session: AsyncSession, user_id: int, now: datetime) -> TodayOptions:
    """What the employee can open now: planned shifts starting on today's local date of
    their object (or whose early-arrival window is already open) that have not ended and
    were not worked yet, and the objects that allow spontaneous shifts."""
    open_shift = await open_shift_of(session, user_id)
    rows = await session.execute(
        select(PlannedShift, WorkObject)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .join(Membership, Membership.id == PlannedShift.membership_id)
        .outerjoin(Shift, Shift.planned_shift_id == PlannedShift.id)
        .where(
            PlannedShift.user_id == user_id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.ends_at > now,
            Membership.status == MembershipStatus.ACTIVE,
            WorkObject.archived.is_(False),
            Shift.id.is_(None),
        )
        .order_by(PlannedShift.starts_at)
    )
    planned = [
        OpenableShift(
            planned_shift_id=plan.id,
            object_id=work_object.id,
            object_name=work_object.name,
            starts_at=plan.starts_at,
            ends_at=plan.ends_at,
            timezone=work_object.timezone,
        )
        for plan, work_object in rows
        if is_openable(
            plan.starts_at,
            plan.ends_at,
            now,
            ZoneInfo(work_object.timezone),
            work_object.early_arrival_minutes,
        )
    ]
    spontaneous_objects = await session.scalars(
        select(WorkObject)
        .join(MembershipObject, MembershipObject.object_id == WorkObject.id)
        .join(Membership, Membership.id == MembershipObject.membership_id)
        .where(
            Membership.user_id == user_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role == MembershipRole.EMPLOYEE,
            WorkObject.allow_spontaneous_shifts.is_(True),
            WorkObject.archived.is_(False),
        )
        .order_by(WorkObject.name)
    )
    return TodayOptions(
        open_shift_id=open_shift.id if open_shift else None,
        planned=planned,
        spontaneous=[SpontaneousOption(o.id, o.name) for o in spontaneous_objects],
    )


async def on_shift_now(session: AsyncSession, user_id: int, object_id: int) -> list[ShiftCard]:
    """Open shifts at an object, oldest first, for its owner or a manager with `view`."""
    work_object = await _object(session, object_id)
    actor = await actor_in(session, user_id, work_object.organization_id)
    await require_object_permission(session, actor, object_id, Permission.VIEW)
    shift_ids = await session.scalars(
        select(Shift.id)
        .where(Shift.object_id == object_id, Shift.status == ShiftStatus.OPEN)
        .order_by(Shift.opened_at)
    )
    return [await shift_card(session, shift_id) for shift_id in shift_ids]


async def watched_objects(session: AsyncSession, user: User) -> list[WorkObject]:
    """Objects of the user's current organization whose shifts they may watch (`view`)."""
    current = current_membership(
        await active_memberships(session, user.id), user.active_organization_id
    )
    if current is None:
        return []
    actor = await actor_in(session, user.id, current.organization_id)
    return await objects_with_permission(session, actor, Permission.VIEW)


async def count_open_shifts(session: AsyncSession) -> int:
    count = await session.scalar(select(func.count()).where(Shift.status == ShiftStatus.OPEN))
    return int(count or 0)


# ------------------------------------------------------------------ opening


async def check_can_open(
    session: AsyncSession, user_id: int, choice: ShiftChoice, now: datetime
) -> None:
    """Everything about opening except the location: asked before the location is, so
    that an employee is not sent to share it for nothing."""
    await _refuse_if_open(session, user_id)
    await _resolve(session, user_id, choice, now)


async def open_shift(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    choice: ShiftChoice,
    report: LocationReport,
) -> ClockResult:
    """Open a shift with a location check. The attempt is stored whatever the result; a
    refusal goes to the live feed. Opening is allowed up to the object's early-arrival
    minutes before the planned start. A second open shift of the same employee is
    refused by the database (double tap, two devices), answered with `ShiftAlreadyOpen`."""
    now = clock.now()
    await _refuse_if_open(session, user_id)
    target = await _resolve(session, user_id, choice, now)
    verdict = check_location(report, _fence(target.work_object), now)
    attempt = await _record_attempt(
        session, AttemptKind.OPEN, target, report, verdict, now, shift_id=None
    )
    if not verdict.accepted:
        await _feed_refused(session, target, attempt, verdict, now)
        return ClockResult(None, attempt, verdict)
    shift = await _create_shift(session, target, opened_at=now)
    attempt.shift_id = shift.id
    await _feed_shift(session, shift, target.work_object, now, kind=SHIFT_OPENED.name)
    return ClockResult(shift, attempt, verdict)


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
    work_object = await _object(session, attempt.object_id)
    employee = await session.get(User, user_id)
    payload = {
        "employee": employee.display_name if employee else "",
        "object": work_object.name,
        "reason": attempt.reason or "",
        "distance_m": round(attempt.distance_m) if attempt.distance_m is not None else -1,
        "time": _local_hhmm(attempt.attempted_at, work_object),
        "buttons": [
            {
                "text_key": "notify-button-approve-clock-in",
                "start_payload": f"{APPROVAL_PAYLOAD_PREFIX}{attempt.id}",
            }
        ],
    }
    for recipient in await _planner_ids(session, work_object):
        await notify(
            session,
            kind=CLOCK_IN_APPROVAL.name,
            dedup_key=f"clock_in_approval:{attempt.id}:u{recipient}",
            not_before=now,
            payload=payload,
            recipient_user_id=recipient,
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
    employee = await session.get(User, attempt.user_id)
    return attempt, employee.display_name if employee else "", work_object.name


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
    await _refuse_if_open(session, attempt.user_id)
    choice = ShiftChoice(
        planned_shift_id=attempt.planned_shift_id,
        object_id=None if attempt.planned_shift_id else attempt.object_id,
    )
    target = await _resolve(session, attempt.user_id, choice, attempt.attempted_at)
    override = ClockInOverride(
        attempt_id=attempt.id, approver_user_id=approver_user_id, approved_at=now
    )
    try:
        async with session.begin_nested():
            session.add(override)
    except IntegrityError as error:
        raise AttemptNotApprovable(reason="approved") from error
    shift = await _create_shift(session, target, opened_at=attempt.attempted_at)
    override.shift_id = shift.id
    attempt.shift_id = shift.id
    approver = await session.get(User, approver_user_id)
    await notify(
        session,
        kind=CLOCK_IN_APPROVED.name,
        dedup_key=f"clock_in_approved:{attempt.id}",
        not_before=now,
        payload={
            "object": target.work_object.name,
            "approver": approver.display_name if approver else "",
            "time": _local_hhmm(shift.opened_at, target.work_object),
        },
        recipient_user_id=attempt.user_id,
    )
    await _feed_shift(session, shift, target.work_object, now, kind=SHIFT_OPENED.name)
    return shift


# ------------------------------------------------------------------ closing


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
    start; pay = minutes × frozen rate / 60, rounded half up to kopecks."""
    shift = await _locked_open_shift_of(session, user_id)
    work_object = await _object(session, shift.object_id)
    now = clock.now()
    attempt, verdict = None, None
    if work_object.check_location_on_close:
        if report is None:
            raise LocationRequired()
        membership = await session.get(Membership, shift.membership_id)
        assert membership is not None
        target = _Target(membership, work_object, None, None)
        verdict = check_location(report, _fence(work_object), now)
        attempt = await _record_attempt(
            session, AttemptKind.CLOSE, target, report, verdict, now, shift_id=shift.id
        )
        attempt.planned_shift_id = shift.planned_shift_id
        if not verdict.accepted:
            return ClockResult(None, attempt, verdict)
    _finish(shift, closed_at=now, status=ShiftStatus.CLOSED, closed_by=user_id)
    await _settle_pay(session, shift)
    await _feed_shift(session, shift, work_object, now, kind=SHIFT_CLOSED.name)
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
    _finish(shift, closed_at=now, status=ShiftStatus.CLOSED, closed_by=user_id)
    shift.close_reason = cleaned
    await _settle_pay(session, shift)
    closer = await session.get(User, user_id)
    await notify(
        session,
        kind=SHIFT_CLOSED_BY_MANAGER.name,
        dedup_key=f"shift_closed_by_manager:{shift.id}",
        not_before=now,
        payload=_shift_payload(shift, work_object)
        | {"closer": closer.display_name if closer else "", "reason": cleaned},
        recipient_user_id=shift.user_id,
    )
    await _feed_shift(session, shift, work_object, now, kind=SHIFT_CLOSED.name)
    return shift


async def auto_close_overdue_shifts(session: AsyncSession, clock: Clock) -> list[int]:
    """Close every shift still open past its scheduled end (planned end, the object's
    closing time for a spontaneous shift, at most 16 h) plus the object's auto-close
    grace. The shift is closed AT its scheduled end, not when this runs; it is marked
    auto-closed and the employee and the feed are told. Running it twice changes
    nothing; concurrent runs skip each other's rows."""
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
        work_object = await _object(session, shift.object_id)
        end = shift.scheduled_end_at
        if not auto_close_due(end, work_object.auto_close_grace_minutes, now):
            continue
        _finish(shift, closed_at=max(end, shift.opened_at), status=ShiftStatus.AUTO_CLOSED)
        await _settle_pay(session, shift)
        await notify(
            session,
            kind=SHIFT_AUTO_CLOSED.name,
            dedup_key=f"shift_auto_closed:{shift.id}:employee",
            not_before=now,
            payload=_shift_payload(shift, work_object),
            recipient_user_id=shift.user_id,
        )
        await _feed_shift(session, shift, work_object, now, kind=SHIFT_AUTO_CLOSED.name)
        closed.append(shift.id)
    await session.flush()
    OPEN_SHIFTS.set(await count_open_shifts(session))
    return closed


async def auto_close_job(context: "JobContext") -> int:
    """The scheduler's job: auto-close at the tick's moment; returns how many closed."""
    return len(await auto_close_overdue_shifts(context.session, ManualClock(context.now)))


async def not_clocked_in_job(context: "JobContext") -> int:
    """The scheduler's job: once per planned shift, tell the object's owners and managers
    that its employee has not clocked in the object's `not_clocked_in_alert_minutes`
    after the planned start (while the planned shift lasts; a shift opened for it, or any
    open shift of the employee at that object, means they are there). Returns how many
    planned shifts are past their alert moment (each is reported once)."""
    now = context.now
    worked = exists().where(Shift.planned_shift_id == PlannedShift.id)
    on_shift_here = exists().where(
        Shift.user_id == PlannedShift.user_id,
        Shift.object_id == PlannedShift.object_id,
        Shift.status == ShiftStatus.OPEN,
    )
    rows = await context.session.execute(
        select(PlannedShift, WorkObject, User)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .join(User, User.id == PlannedShift.user_id)
        .where(
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.starts_at < now,
            PlannedShift.ends_at > now,
            ~worked,
            ~on_shift_here,
        )
        .order_by(PlannedShift.id)
    )
    recipients: dict[int, list[int]] = {}
    alerts: list[UserNotification] = []
    reported = 0
    for planned, work_object, employee in rows:
        if now < planned.starts_at + timedelta(minutes=work_object.not_clocked_in_alert_minutes):
            continue
        if work_object.id not in recipients:
            recipients[work_object.id] = await _feed_user_ids(context.session, work_object)
        payload = {
            "employee": employee.display_name,
            "object": work_object.name,
            "start_time": _local_hhmm(planned.starts_at, work_object),
            "minutes": int((now - planned.starts_at).total_seconds() // 60),
            "timezone": work_object.timezone,
        }
        alerts += [
            UserNotification(recipient, f"{NOT_CLOCKED_IN.name}:{planned.id}:u{recipient}", payload)
            for recipient in recipients[work_object.id]
        ]
        reported += 1
    await notify_many(
        context.session, kind=NOT_CLOCKED_IN.name, not_before=now, notifications=alerts
    )
    return reported


# ------------------------------------------------------------------ internals


async def _object(session: AsyncSession, object_id: int) -> WorkObject:
    work_object = await session.get(WorkObject, object_id)
    if work_object is None:
        raise NotFound(what="object")
    return work_object


def _fence(work_object: WorkObject) -> Geofence:
    return Geofence(
        latitude=work_object.latitude,
        longitude=work_object.longitude,
        radius_m=work_object.geofence_radius_m,
        require_live=work_object.require_live_location,
    )


def _local_hhmm(instant: datetime, work_object: WorkObject) -> str:
    return instant.astimezone(ZoneInfo(work_object.timezone)).strftime("%H:%M")


async def _refuse_if_open(session: AsyncSession, user_id: int) -> None:
    open_shift = await open_shift_of(session, user_id)
    if open_shift is not None:
        raise ShiftAlreadyOpen(shift_id=open_shift.id)


async def _locked_open_shift_of(session: AsyncSession, user_id: int) -> Shift:
    shift = await session.scalar(
        select(Shift)
        .where(Shift.user_id == user_id, Shift.status == ShiftStatus.OPEN)
        .with_for_update()
    )
    if shift is None:
        raise NoOpenShift()
    return shift


async def _resolve(
    session: AsyncSession, user_id: int, choice: ShiftChoice, now: datetime
) -> _Target:
    if choice.planned_shift_id is not None:
        return await _resolve_planned(session, user_id, choice.planned_shift_id, now)
    if choice.object_id is None:
        raise InvalidInput(field="shift")
    return await _resolve_spontaneous(session, user_id, choice.object_id)


async def _resolve_planned(
    session: AsyncSession, user_id: int, planned_shift_id: int, now: datetime
) -> _Target:
    planned = await session.get(PlannedShift, planned_shift_id)
    if planned is None or planned.user_id != user_id:
        raise NotFound(what="planned-shift")
    if planned.status != PlannedShiftStatus.PLANNED:
        raise ShiftNotOpenable(reason="cancelled")
    if now >= planned.ends_at:
        raise ShiftNotOpenable(reason="ended")
    work_object = await _object(session, planned.object_id)
    opens_at = earliest_open(planned.starts_at, work_object.early_arrival_minutes)
    if now < opens_at:
        raise TooEarlyToOpen(
            opens_at=_local_hhmm(opens_at, work_object),
            minutes=work_object.early_arrival_minutes,
        )
    worked = await session.scalar(select(Shift.id).where(Shift.planned_shift_id == planned.id))
    if worked is not None:
        raise ShiftNotOpenable(reason="worked")
    membership = await session.get(Membership, planned.membership_id)
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        raise NotFound(what="membership")
    slot = await session.get(TimeSlot, planned.slot_id)
    return _Target(membership, work_object, planned, slot.rate_override if slot else None)


async def _resolve_spontaneous(session: AsyncSession, user_id: int, object_id: int) -> _Target:
    work_object = await _object(session, object_id)
    membership = await session.scalar(
        select(Membership)
        .join(MembershipObject, MembershipObject.membership_id == Membership.id)
        .where(
            Membership.user_id == user_id,
            Membership.organization_id == work_object.organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role == MembershipRole.EMPLOYEE,
            MembershipObject.object_id == object_id,
        )
    )
    if membership is None or work_object.archived or not work_object.allow_spontaneous_shifts:
        raise SpontaneousNotAllowed()
    return _Target(membership, work_object, None, None)


async def _record_attempt(
    session: AsyncSession,
    kind: AttemptKind,
    target: _Target,
    report: LocationReport,
    verdict: LocationVerdict,
    now: datetime,
    *,
    shift_id: int | None,
) -> ClockInAttempt:
    result = AttemptResult.ACCEPTED if verdict.accepted else AttemptResult.REFUSED
    attempt = ClockInAttempt(
        organization_id=target.work_object.organization_id,
        user_id=target.membership.user_id,
        membership_id=target.membership.id,
        object_id=target.work_object.id,
        planned_shift_id=target.planned.id if target.planned else None,
        shift_id=shift_id,
        kind=kind,
        latitude=report.latitude,
        longitude=report.longitude,
        distance_m=verdict.distance_m,
        horizontal_accuracy=report.horizontal_accuracy,
        is_live=report.is_live,
        sent_at=report.sent_at,
        result=result,
        reason=verdict.refusal.value if verdict.refusal else None,
        attempted_at=now,
    )
    session.add(attempt)
    await session.flush()
    CLOCK_IN_ATTEMPTS.labels(
        kind=kind.value, result=result.value, reason=attempt.reason or "none"
    ).inc()
    return attempt


async def _create_shift(session: AsyncSession, target: _Target, *, opened_at: datetime) -> Shift:
    """Insert the open shift with its frozen rate, lateness and fine. The partial unique
    index decides between concurrent openings; the loser gets `ShiftAlreadyOpen`."""
    work_object, planned = target.work_object, target.planned
    zone = ZoneInfo(work_object.timezone)
    planned_start = planned.starts_at if planned else None
    shift_start = planned_start or opened_at
    contract_rate = await rate_in_force(
        session, target.membership.id, local_today(shift_start, zone)
    )
    rate = frozen_rate(contract_rate, target.slot_rate, work_object.base_hourly_rate)
    lateness = lateness_minutes(planned_start, opened_at)
    shift = Shift(
        organization_id=work_object.organization_id,
        user_id=target.membership.user_id,
        membership_id=target.membership.id,
        object_id=work_object.id,
        planned_shift_id=planned.id if planned else None,
        planned_start_at=planned_start,
        opened_at=opened_at,
        paid_from=paid_from(planned_start, opened_at, work_object.pay_early_arrival),
        scheduled_end_at=scheduled_end(
            planned.ends_at if planned else None, work_object.opening_hours, zone, opened_at
        ),
        hourly_rate=rate.hourly_rate,
        rate_source=rate.source.value,
        late_minutes=lateness,
        late_fine=late_fine(
            lateness, work_object.late_grace_minutes, work_object.late_fine_per_minute
        ),
        status=ShiftStatus.OPEN,
    )
    try:
        async with session.begin_nested():
            session.add(shift)
    except IntegrityError as error:
        existing = await open_shift_of(session, target.membership.user_id)
        if existing is None:
            raise ShiftNotOpenable(reason="worked") from error
        raise ShiftAlreadyOpen(shift_id=existing.id) from error
    await attach_tasks_to_shift(session, shift)
    return shift


async def _settle_pay(session: AsyncSession, shift: Shift) -> None:
    """Post a finished shift to the payroll ledger: its pay, late fine, task bonuses
    and fines (idempotent by cause)."""
    await session.flush()
    await record_shift_entries(session, shift)
    await record_task_entries(session, shift)


def _finish(
    shift: Shift, *, closed_at: datetime, status: ShiftStatus, closed_by: int | None = None
) -> None:
    shift.closed_at = closed_at
    shift.status = status
    shift.closed_by_user_id = closed_by
    shift.worked_minutes = worked_minutes(shift.paid_from, closed_at)
    shift.pay = pay_for(shift.worked_minutes, shift.hourly_rate)


def _ensure_approvable(attempt: ClockInAttempt) -> None:
    if attempt.kind != AttemptKind.OPEN or attempt.result != AttemptResult.REFUSED:
        raise AttemptNotApprovable(reason="accepted")


async def _override_of(session: AsyncSession, attempt_id: int) -> ClockInOverride | None:
    return await session.scalar(
        select(ClockInOverride).where(ClockInOverride.attempt_id == attempt_id)
    )


async def _owner_ids(session: AsyncSession, organization_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(Membership.user_id).where(
                Membership.organization_id == organization_id,
                Membership.role == MembershipRole.OWNER,
                Membership.status == MembershipStatus.ACTIVE,
            )
        )
    )


async def _object_managers(session: AsyncSession, object_id: int) -> list[tuple[int, list[str]]]:
    rows = await session.execute(
        select(Membership.user_id, MembershipObject.permissions)
        .join(MembershipObject, MembershipObject.membership_id == Membership.id)
        .where(
            MembershipObject.object_id == object_id,
            Membership.role == MembershipRole.MANAGER,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )
    return [(user_id, list(permissions or ())) for user_id, permissions in rows]


async def _feed_user_ids(session: AsyncSession, work_object: WorkObject) -> list[int]:
    """Who follows the object's live feed: the owners and the object's managers."""
    owners = await _owner_ids(session, work_object.organization_id)
    managers = [user_id for user_id, _ in await _object_managers(session, work_object.id)]
    return list(dict.fromkeys(owners + managers))


async def _planner_ids(session: AsyncSession, work_object: WorkObject) -> list[int]:
    """Who may approve a clock-in: the owners and the managers with `plan` on the object."""
    owners = await _owner_ids(session, work_object.organization_id)
    planners = [
        user_id
        for user_id, permissions in await _object_managers(session, work_object.id)
        if Permission.PLAN.value in permissions
    ]
    return list(dict.fromkeys(owners + planners))


def _shift_payload(shift: Shift, work_object: WorkObject) -> dict[str, Any]:
    return {
        "object": work_object.name,
        "opened": _local_hhmm(shift.opened_at, work_object),
        "closed": _local_hhmm(shift.closed_at, work_object) if shift.closed_at else "",
        "late_minutes": shift.late_minutes,
        "late_fine": str(shift.late_fine),
        "worked_minutes": shift.worked_minutes or 0,
        "pay": str(shift.pay) if shift.pay is not None else "",
    }


async def _feed(
    session: AsyncSession,
    work_object: WorkObject,
    *,
    kind: str,
    cause: str,
    payload: dict[str, Any],
    now: datetime,
) -> None:
    """One live-feed event to the owners, the object's managers and its report chat."""
    for recipient in await _feed_user_ids(session, work_object):
        await notify(
            session,
            kind=kind,
            dedup_key=f"{kind}:{cause}:u{recipient}",
            not_before=now,
            payload=payload,
            recipient_user_id=recipient,
        )
    if work_object.report_chat_id is not None:
        await notify(
            session,
            kind=kind,
            dedup_key=f"{kind}:{cause}:chat",
            not_before=now,
            payload=payload,
            chat_id=work_object.report_chat_id,
        )


async def _employee_name(session: AsyncSession, user_id: int) -> str:
    employee = await session.get(User, user_id)
    return employee.display_name if employee else ""


async def _feed_shift(
    session: AsyncSession, shift: Shift, work_object: WorkObject, now: datetime, *, kind: str
) -> None:
    payload = _shift_payload(shift, work_object) | {
        "employee": await _employee_name(session, shift.user_id)
    }
    await _feed(session, work_object, kind=kind, cause=str(shift.id), payload=payload, now=now)


async def _feed_refused(
    session: AsyncSession,
    target: _Target,
    attempt: ClockInAttempt,
    verdict: LocationVerdict,
    now: datetime,
) -> None:
    payload = {
        "employee": await _employee_name(session, attempt.user_id),
        "object": target.work_object.name,
        "reason": attempt.reason or "",
        "distance_m": round(verdict.distance_m) if verdict.distance_m is not None else -1,
        "radius_m": target.work_object.geofence_radius_m,
        "time": _local_hhmm(now, target.work_object),
    }
    await _feed(
        session,
        target.work_object,
        kind=CLOCK_IN_REFUSED.name,
        cause=str(attempt.id),
        payload=payload,
        now=now,
    )
