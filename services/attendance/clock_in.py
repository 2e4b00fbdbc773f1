"""Clock-in (C5): what an employee can open today, the checks before and at opening (the
planned or spontaneous target, early arrival, the geofence), the attempt stored whatever
the result, and the new shift with its frozen rate, lateness and fine.

The pay rules themselves live in `services.payroll.rules` (pure). "One open shift per
employee" is the partial unique index `uq_shifts_one_open_per_user`, not only a check
made before inserting."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.attendance.errors import (
    ShiftAlreadyOpen,
    ShiftNotOpenable,
    SpontaneousNotAllowed,
    TooEarlyToOpen,
)
from services.attendance.feed import feed_opened, feed_refused
from services.attendance.queries import keep_new_shift, object_by_id, open_shift_of
from services.payroll.rules import (
    earliest_open,
    frozen_rate,
    is_openable,
    late_fine,
    lateness_minutes,
    paid_from,
    scheduled_end,
    work_date,
)
from services.places.geo import Geofence, LocationReport, LocationVerdict, check_location
from services.platform.clock import Clock
from services.platform.db.models import (
    AttemptKind,
    AttemptResult,
    ClockInAttempt,
    ContractTerms,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    ShiftStatus,
    TimeSlot,
    WorkObject,
)
from services.platform.db.session import dialect_insert, kept_reads
from services.platform.errors import InvalidInput, NotFound
from services.platform.local_time import local_hhmm
from services.platform.observability.metrics import CLOCK_IN_ATTEMPTS
from services.staff.memberships import rate_in_force
from services.tasks.shift_tasks import add_template_tasks
from services.tasks.templates import shift_has_templates

# `/start shift_<planned shift id>`: the "open shift" button of a shift reminder.
OPEN_SHIFT_PAYLOAD_PREFIX = "shift_"


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
    opens_at: datetime


@dataclass(frozen=True)
class SpontaneousOption:
    object_id: int
    object_name: str


@dataclass(frozen=True)
class TodayOptions:
    open_shift_id: int | None
    planned: list[OpenableShift]
    spontaneous: list[SpontaneousOption]

    def only_due_shift(self, now: datetime) -> OpenableShift | None:
        """The planned shift to open without asking which: the one and only planned shift
        whose early-arrival window is open at `now`, while no shift is open."""
        due = [option for option in self.planned if option.opens_at <= now]
        return due[0] if len(due) == 1 and self.open_shift_id is None else None


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
class ClockInTarget:
    """Where and as whom a shift opens: the membership, the object, and for a planned
    shift the plan and its slot's rate."""

    membership: Membership
    work_object: WorkObject
    planned: PlannedShift | None
    slot_rate: Decimal | None
    # Read with the target (a planned one) when known, to spare the queries they answer.
    slot: TimeSlot | None = None
    has_contract_terms: bool = True
    has_tasks: bool = True


async def today_options(session: AsyncSession, user_id: int, now: datetime) -> TodayOptions:
    """What the employee can open now: planned shifts starting on today's local date of
    their object (or whose early-arrival window is already open) that have not ended and
    were not worked yet, and the objects that allow spontaneous shifts."""
    open_shift = await open_shift_of(session, user_id)
    planned = await _openable_planned(session, user_id, now)
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


async def due_shift(session: AsyncSession, user_id: int, now: datetime) -> OpenableShift | None:
    """`TodayOptions.only_due_shift`, without reading the spontaneous options."""
    open_shift = await open_shift_of(session, user_id)
    if open_shift is not None:
        return None
    planned = await _openable_planned(session, user_id, now)
    return TodayOptions(None, planned, []).only_due_shift(now)


# Read by every main menu of an employee, so built once: `user_id`, `now`.
_OPENABLE_PLANNED = (
    select(PlannedShift, WorkObject)
    .join(WorkObject, WorkObject.id == PlannedShift.object_id)
    .join(Membership, Membership.id == PlannedShift.membership_id)
    .outerjoin(Shift, Shift.planned_shift_id == PlannedShift.id)
    .where(
        PlannedShift.user_id == bindparam("user_id"),
        PlannedShift.status == PlannedShiftStatus.PLANNED,
        PlannedShift.ends_at > bindparam("now"),
        Membership.status == MembershipStatus.ACTIVE,
        WorkObject.archived.is_(False),
        Shift.id.is_(None),
    )
    .order_by(PlannedShift.starts_at)
)


async def _openable_planned(
    session: AsyncSession, user_id: int, now: datetime
) -> list[OpenableShift]:
    """The planned shifts of `today_options`. Their rows are kept for the session (see
    `kept_reads`): the window asking for the location reads them from the identity map."""
    rows = (await session.execute(_OPENABLE_PLANNED, {"user_id": user_id, "now": now})).all()
    kept_reads(session)[("openable_rows", user_id)] = rows
    return [
        OpenableShift(
            planned_shift_id=plan.id,
            object_id=work_object.id,
            object_name=work_object.name,
            starts_at=plan.starts_at,
            ends_at=plan.ends_at,
            timezone=work_object.timezone,
            opens_at=earliest_open(plan.starts_at, work_object.early_arrival_minutes),
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


async def check_can_open(
    session: AsyncSession, user_id: int, choice: ShiftChoice, now: datetime
) -> None:
    """Everything about opening except the location: asked before the location is, so
    that an employee is not sent to share it for nothing."""
    await openable_target(session, user_id, choice, now)


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
    target = await openable_target(session, user_id, choice, now)
    verdict = check_location(report, geofence_of(target.work_object), now)
    if not verdict.accepted:
        attempt = await record_attempt(
            session, AttemptKind.OPEN, target, report, verdict, now, shift_id=None
        )
        await feed_refused(session, target.work_object, attempt, verdict, now)
        return ClockResult(None, attempt, verdict)
    try:
        shift = await create_shift(session, target, opened_at=now)
    except (ShiftAlreadyOpen, ShiftNotOpenable):
        await record_attempt(session, AttemptKind.OPEN, target, report, verdict, now, shift_id=None)
        raise
    attempt = await record_attempt(
        session, AttemptKind.OPEN, target, report, verdict, now, shift_id=shift.id
    )
    await feed_opened(session, shift, target.work_object, now)
    keep_new_shift(session, shift, target.work_object, target.planned)
    return ClockResult(shift, attempt, verdict)


def geofence_of(work_object: WorkObject) -> Geofence:
    return Geofence(
        latitude=work_object.latitude,
        longitude=work_object.longitude,
        radius_m=work_object.geofence_radius_m,
        require_live=work_object.require_live_location,
    )


async def refuse_if_open(session: AsyncSession, user_id: int) -> None:
    open_shift = await open_shift_of(session, user_id)
    if open_shift is not None:
        raise ShiftAlreadyOpen(shift_id=open_shift.id)


async def resolve_target(
    session: AsyncSession, user_id: int, choice: ShiftChoice, now: datetime
) -> ClockInTarget:
    """The employee's planned shift or spontaneous object, refused when it cannot be
    opened at `now`."""
    if choice.planned_shift_id is not None:
        return await _resolve_planned(session, user_id, choice.planned_shift_id, now)
    if choice.object_id is None:
        raise InvalidInput(field="shift")
    return await _resolve_spontaneous(session, user_id, choice.object_id)


async def openable_target(
    session: AsyncSession, user_id: int, choice: ShiftChoice, now: datetime
) -> ClockInTarget:
    """`refuse_if_open`, then `resolve_target`: for a planned shift in one query."""
    if choice.planned_shift_id is None:
        await refuse_if_open(session, user_id)
        return await resolve_target(session, user_id, choice, now)
    parameters = {"planned_shift_id": choice.planned_shift_id, "user_id": user_id}
    row = (await session.execute(_PLANNED_TARGET_AND_OPEN_SHIFT, parameters)).first()
    if row is None:
        await refuse_if_open(session, user_id)
        raise NotFound(what="planned-shift")
    if row[-1] is not None:
        raise ShiftAlreadyOpen(shift_id=row[-1])
    return await _resolve_planned(session, user_id, choice.planned_shift_id, now, row)


def _planned_target_query() -> Any:
    """The plan with its object, membership, slot, whether it was worked, whether the
    membership has contract versions and whether the shift will get tasks:
    `planned_shift_id`."""
    worked = select(Shift.id).where(Shift.planned_shift_id == PlannedShift.id).limit(1)
    has_terms = exists().where(ContractTerms.membership_id == PlannedShift.membership_id)
    has_tasks = shift_has_templates(
        PlannedShift.object_id, TimeSlot.id, TimeSlot.ignore_object_tasks
    )
    return (
        select(
            PlannedShift,
            WorkObject,
            Membership,
            TimeSlot,
            worked.scalar_subquery(),
            has_terms,
            has_tasks,
        )
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .outerjoin(Membership, Membership.id == PlannedShift.membership_id)
        .outerjoin(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .where(PlannedShift.id == bindparam("planned_shift_id"))
    )


# Built once, as they are read at every clock-in.
_PLANNED_TARGET = _planned_target_query()
# With the id of the user's open shift, if any (`user_id`).
_PLANNED_TARGET_AND_OPEN_SHIFT = _PLANNED_TARGET.add_columns(
    select(Shift.id)
    .where(Shift.user_id == bindparam("user_id"), Shift.status == ShiftStatus.OPEN)
    .limit(1)
    .scalar_subquery()
)


async def _resolve_planned(
    session: AsyncSession,
    user_id: int,
    planned_shift_id: int,
    now: datetime,
    row: Any = None,
) -> ClockInTarget:
    """`row`: what `_PLANNED_TARGET` read, if it was already asked."""
    if row is None:
        parameters = {"planned_shift_id": planned_shift_id}
        row = (await session.execute(_PLANNED_TARGET, parameters)).first()
    if row is None or row[0].user_id != user_id:
        raise NotFound(what="planned-shift")
    planned, work_object, membership, slot, worked, has_terms, has_tasks = row[:7]
    if planned.status != PlannedShiftStatus.PLANNED:
        raise ShiftNotOpenable(reason="cancelled")
    if now >= planned.ends_at:
        raise ShiftNotOpenable(reason="ended")
    opens_at = earliest_open(planned.starts_at, work_object.early_arrival_minutes)
    if now < opens_at:
        raise TooEarlyToOpen(
            opens_at=local_hhmm(opens_at, work_object.timezone),
            minutes=work_object.early_arrival_minutes,
        )
    if worked is not None:
        # Opened a moment ago by the same tap on another device: say it is open.
        await refuse_if_open(session, planned.user_id)
        raise ShiftNotOpenable(reason="worked")
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        raise NotFound(what="membership")
    return ClockInTarget(
        membership,
        work_object,
        planned,
        slot.rate_override if slot else None,
        slot=slot,
        has_contract_terms=bool(has_terms),
        has_tasks=bool(has_tasks),
    )


async def _resolve_spontaneous(
    session: AsyncSession, user_id: int, object_id: int
) -> ClockInTarget:
    work_object = await object_by_id(session, object_id)
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
    return ClockInTarget(membership, work_object, None, None)


async def record_attempt(
    session: AsyncSession,
    kind: AttemptKind,
    target: ClockInTarget,
    report: LocationReport,
    verdict: LocationVerdict,
    now: datetime,
    *,
    shift_id: int | None,
) -> ClockInAttempt:
    """Store a location check on opening or closing, accepted or refused, and count it."""
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


async def create_shift(
    session: AsyncSession, target: ClockInTarget, *, opened_at: datetime
) -> Shift:
    """Insert the open shift with its frozen rate (the contract version of its work
    date), lateness, fine and the object's lateness and early-arrival rules, and attach
    its tasks. The partial unique index decides between concurrent openings; the loser gets
    `ShiftAlreadyOpen`."""
    work_object, planned = target.work_object, target.planned
    zone = ZoneInfo(work_object.timezone)
    planned_start = planned.starts_at if planned else None
    contract_rate = (
        await rate_in_force(
            session, target.membership.id, work_date(planned_start, opened_at, zone)
        )
        if target.has_contract_terms
        else None
    )
    rate = frozen_rate(contract_rate, target.slot_rate, work_object.base_hourly_rate)
    lateness = lateness_minutes(planned_start, opened_at)
    values = {
        "organization_id": work_object.organization_id,
        "user_id": target.membership.user_id,
        "membership_id": target.membership.id,
        "object_id": work_object.id,
        "planned_shift_id": planned.id if planned else None,
        "planned_start_at": planned_start,
        "opened_at": opened_at,
        "paid_from": paid_from(planned_start, opened_at, work_object.pay_early_arrival),
        "scheduled_end_at": scheduled_end(
            planned.ends_at if planned else None,
            work_object.opening_hours,
            zone,
            opened_at,
            timedelta(hours=work_object.max_shift_hours),
        ),
        "hourly_rate": rate.hourly_rate,
        "rate_source": rate.source.value,
        "late_minutes": lateness,
        "late_fine": late_fine(
            lateness, work_object.late_grace_minutes, work_object.late_fine_per_minute
        ),
        "late_grace_minutes": work_object.late_grace_minutes,
        "late_fine_per_minute": work_object.late_fine_per_minute,
        "pay_early_arrival": work_object.pay_early_arrival,
        "status": ShiftStatus.OPEN,
    }
    # Nothing inserted: the unique indexes refused it (another open shift, or the plan
    # worked already), told apart below.
    shift = await session.scalar(
        dialect_insert(session)(Shift).values(values).on_conflict_do_nothing().returning(Shift)
    )
    if shift is None:
        existing = await open_shift_of(session, target.membership.user_id)
        if existing is None:
            raise ShiftNotOpenable(reason="worked")
        raise ShiftAlreadyOpen(shift_id=existing.id)
    if target.has_tasks:
        await add_template_tasks(session, shift, slot=target.slot)
    return shift
