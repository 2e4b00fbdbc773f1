"""What an owner or a manager with `plan` does from the "Today" board about someone's
planned shift: mark the employee absent (with a reason, optionally the organization's
no-show fine) or open the shift for them (with a reason), each logged as an
`AttendanceMark` with its author. Closing for them is `clock_out.close_shift_manually`."""

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.attendance.clock_in import ShiftChoice, create_shift, refuse_if_open, resolve_target
from services.attendance.errors import AlreadyMarkedAbsent, ShiftNotOpenable
from services.attendance.feed import feed_opened
from services.attendance.queries import display_name_of
from services.notify.outbox import CLOCK_IN_APPROVED, notify
from services.payroll.ledger import record_absence_fine
from services.planning.settings import planning_settings
from services.platform.clock import Clock
from services.platform.db.models import (
    AttendanceMark,
    AttendanceMarkKind,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    WorkObject,
)
from services.platform.errors import NotFound
from services.platform.local_time import local_hhmm
from services.platform.validation import clean_text
from services.staff.permissions import actor_in, require_object_permission

MAX_REASON_LENGTH = 500


async def _planned_for_planner(
    session: AsyncSession, user_id: int, planned_shift_id: int
) -> tuple[PlannedShift, WorkObject]:
    planned = await session.get(PlannedShift, planned_shift_id, with_for_update=True)
    if planned is None:
        raise NotFound(what="planned-shift")
    work_object = await session.get(WorkObject, planned.object_id)
    if work_object is None:
        raise NotFound(what="object")
    actor = await actor_in(session, user_id, work_object.organization_id)
    await require_object_permission(session, actor, work_object.id, Permission.PLAN)
    if planned.status != PlannedShiftStatus.PLANNED:
        raise ShiftNotOpenable(reason="cancelled")
    return planned, work_object


async def _add_mark(session: AsyncSession, mark: AttendanceMark) -> None:
    try:
        async with session.begin_nested():
            session.add(mark)
    except IntegrityError as error:
        raise AlreadyMarkedAbsent() from error


async def mark_absent(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    planned_shift_id: int,
    reason: str,
    with_fine: bool,
) -> AttendanceMark:
    """The employee did not come: the planned shift is a no-show from now on (before its
    end too). With `with_fine`, the organization's fine for a short-notice cancellation
    (not coming at all is the shortest notice) is charged; a zero fine charges nothing.
    A shift already opened for it cannot be marked; a second mark is refused."""
    planned, work_object = await _planned_for_planner(session, user_id, planned_shift_id)
    text = clean_text(reason, field="reason", max_length=MAX_REASON_LENGTH)
    if await session.scalar(select(Shift.id).where(Shift.planned_shift_id == planned.id)):
        raise ShiftNotOpenable(reason="worked")
    fine: Decimal | None = None
    if with_fine:
        fine = (await planning_settings(session, work_object.organization_id)).cancellation_fine
    mark = AttendanceMark(
        organization_id=work_object.organization_id,
        planned_shift_id=planned.id,
        kind=AttendanceMarkKind.ABSENT,
        author_user_id=user_id,
        reason=text,
        fine_amount=fine,
        marked_at=clock.now(),
    )
    await _add_mark(session, mark)
    await record_absence_fine(session, mark, planned)
    return mark


async def open_shift_for(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int, reason: str
) -> Shift:
    """An owner or a manager with `plan` opens the employee's planned shift now, with no
    location (forgotten phone, no signal): the same rules as the employee's own opening
    (rate, lateness, fine), the reason and the author logged, the employee and the feed
    told."""
    planned, work_object = await _planned_for_planner(session, user_id, planned_shift_id)
    text = clean_text(reason, field="reason", max_length=MAX_REASON_LENGTH)
    now = clock.now()
    await refuse_if_open(session, planned.user_id)
    target = await resolve_target(
        session, planned.user_id, ShiftChoice(planned_shift_id=planned.id), now
    )
    shift = await create_shift(session, target, opened_at=now)
    await _add_mark(
        session,
        AttendanceMark(
            organization_id=work_object.organization_id,
            planned_shift_id=planned.id,
            kind=AttendanceMarkKind.OPENED_FOR,
            author_user_id=user_id,
            reason=text,
            shift_id=shift.id,
            marked_at=now,
        ),
    )
    await notify(
        session,
        kind=CLOCK_IN_APPROVED.name,
        dedup_key=f"shift_opened_for:{shift.id}",
        not_before=now,
        payload={
            "object": work_object.name,
            "approver": await display_name_of(session, user_id),
            "time": local_hhmm(shift.opened_at, work_object.timezone),
        },
        recipient_user_id=planned.user_id,
        organization_id=work_object.organization_id,
    )
    await feed_opened(session, shift, work_object, now)
    return shift
