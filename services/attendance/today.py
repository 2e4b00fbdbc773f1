"""The "Today" board (read model): per object the user watches, each planned shift of
the object's local today with its state (`services.attendance.rules.today_state`),
and the spontaneous shifts opened today."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.attendance.queries import watched_objects
from services.attendance.rules import TodayState, today_state
from services.platform.clock import Clock
from services.platform.db.models import (
    AttendanceMark,
    AttendanceMarkKind,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    User,
    WorkObject,
)
from services.platform.local_time import local_today

# Local "today" is within a day and a half of now in any timezone (UTC−12…UTC+14).
_AROUND_NOW = timedelta(hours=38)


@dataclass(frozen=True)
class TodayRow:
    planned_shift_id: int | None  # None: a spontaneous shift
    shift_id: int | None
    employee_name: str
    employee_telegram_id: int
    state: TodayState
    # Local times in the object's timezone: the planned start and end (a spontaneous
    # shift: its opening and no end) and the opening.
    start: datetime
    end: datetime | None
    opened: datetime | None
    late_minutes: int
    worked_minutes: int | None
    absence_reason: str

    @property
    def key(self) -> str:
        """Stable id of the row: `p<planned shift id>` or `s<shift id>` (spontaneous)."""
        return f"p{self.planned_shift_id}" if self.planned_shift_id else f"s{self.shift_id}"


@dataclass(frozen=True)
class ObjectToday:
    object_id: int
    organization_id: int
    name: str
    rows: list[TodayRow]


async def today_board(session: AsyncSession, clock: Clock, user: User) -> list[ObjectToday]:
    """Every object the user may watch (`view`), with today's rows in start order."""
    now = clock.now()
    objects = await watched_objects(session, user)
    return [await _object_today(session, now, work_object) for work_object in objects]


async def today_row(
    session: AsyncSession, clock: Clock, user: User, key: str
) -> tuple[ObjectToday, TodayRow] | None:
    """The row of the user's board with that `key` (None when it is no longer there)."""
    for object_today in await today_board(session, clock, user):
        for row in object_today.rows:
            if row.key == key:
                return object_today, row
    return None


def _is_today(instant: datetime, now: datetime, zone: str) -> bool:
    return local_today(instant, zone) == local_today(now, zone)


async def _object_today(
    session: AsyncSession, now: datetime, work_object: WorkObject
) -> ObjectToday:
    zone = work_object.timezone
    planned_rows = await session.execute(
        select(PlannedShift, User, Shift)
        .join(User, User.id == PlannedShift.user_id)
        .outerjoin(Shift, Shift.planned_shift_id == PlannedShift.id)
        .where(
            PlannedShift.object_id == work_object.id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.starts_at.between(now - _AROUND_NOW, now + _AROUND_NOW),
        )
        .order_by(PlannedShift.starts_at, User.first_name)
    )
    planned = [row for row in planned_rows if _is_today(row[0].starts_at, now, zone)]
    absences = dict(
        (
            await session.execute(
                select(AttendanceMark.planned_shift_id, AttendanceMark.reason).where(
                    AttendanceMark.planned_shift_id.in_([p.id for p, _, _ in planned]),
                    AttendanceMark.kind == AttendanceMarkKind.ABSENT,
                )
            )
        ).all()
    )
    rows = [
        _row(
            now,
            work_object,
            employee,
            shift,
            planned=plan,
            absence_reason=absences.get(plan.id),
        )
        for plan, employee, shift in planned
    ]
    spontaneous = await session.execute(
        select(Shift, User)
        .join(User, User.id == Shift.user_id)
        .where(
            Shift.object_id == work_object.id,
            Shift.planned_shift_id.is_(None),
            Shift.opened_at.between(now - _AROUND_NOW, now),
        )
        .order_by(Shift.opened_at)
    )
    rows += [
        _row(now, work_object, employee, shift, planned=None, absence_reason=None)
        for shift, employee in spontaneous
        if _is_today(shift.opened_at, now, zone)
    ]
    return ObjectToday(work_object.id, work_object.organization_id, work_object.name, rows)


def _row(
    now: datetime,
    work_object: WorkObject,
    employee: User,
    shift: Shift | None,
    *,
    planned: PlannedShift | None,
    absence_reason: str | None,
) -> TodayRow:
    zone = ZoneInfo(work_object.timezone)
    if planned is None:
        assert shift is not None
        state = TodayState.FINISHED if shift.closed_at else TodayState.ON_SHIFT
        start, end = shift.opened_at, None
    else:
        state = today_state(
            now=now,
            starts_at=planned.starts_at,
            ends_at=planned.ends_at,
            grace_minutes=work_object.late_grace_minutes,
            opened_at=shift.opened_at if shift else None,
            closed_at=shift.closed_at if shift else None,
            marked_absent=absence_reason is not None,
        )
        start, end = planned.starts_at, planned.ends_at
    return TodayRow(
        planned_shift_id=planned.id if planned else None,
        shift_id=shift.id if shift else None,
        employee_name=employee.display_name,
        employee_telegram_id=employee.telegram_id,
        state=state,
        start=start.astimezone(zone),
        end=end.astimezone(zone) if end else None,
        opened=shift.opened_at.astimezone(zone) if shift else None,
        late_minutes=shift.late_minutes if shift else 0,
        worked_minutes=shift.worked_minutes if shift else None,
        absence_reason=absence_reason or "",
    )
