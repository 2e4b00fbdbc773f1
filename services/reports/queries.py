"""The rows a report reads: one SQL aggregate per figure, grouped by local day, employee
or object, so a report runs a fixed number of statements whatever the number of shifts or
employees.

Each shift, planned shift and task is dated by the local date of its object's timezone.
PostgreSQL computes local dates with `AT TIME ZONE objects.timezone`; SQLite, which knows
no time zones, compares each instant with the UTC bounds of every local day of the period
(computed here through `ZoneInfo`) in a CASE expression, still in SQL."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Date,
    Row,
    Select,
    and_,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement

from services.payroll.ledger import BONUS_TYPES, FINE_TYPES
from services.payroll.premiums import PREMIUM_TYPES
from services.payroll.rules import ZERO
from services.platform.db.models import (
    AttendanceMark,
    AttendanceMarkKind,
    LedgerEntry,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    ShiftTask,
    ShiftTaskStatus,
    User,
    WorkObject,
)
from services.platform.local_time import local_to_utc
from services.reports.periods import ReportPeriod
from services.reports.report import UpcomingShift
from services.reports.scope import ReportFilter

UPCOMING_SHIFTS = 5
Rows = Sequence[Row[*tuple[Any, ...]]]


class LocalDates:
    """The local date of an instant in its object's timezone (`WorkObject.timezone` must
    be in the query), and the condition "that date lies in the period"."""

    def __init__(self, dialect: str, period: ReportPeriod, timezones: Iterable[str]) -> None:
        self.dialect = dialect
        self.period = period
        self.zones = {name: ZoneInfo(name) for name in sorted(set(timezones))}

    def _bounds(self, zone: ZoneInfo, first: date, last: date) -> tuple[datetime, datetime]:
        """UTC instants of the start of `first` and of the day after `last`, in `zone`."""
        return local_to_utc(first, time(), zone), local_to_utc(
            last + timedelta(days=1), time(), zone
        )

    def of(self, instant: Any) -> ColumnElement[Any]:
        if self.dialect == "postgresql":
            return cast(func.timezone(WorkObject.timezone, instant), Date)
        branches = []
        for name, zone in self.zones.items():
            for day in self.period.days:
                since, until = self._bounds(zone, day, day)
                branches.append(
                    (
                        and_(WorkObject.timezone == name, instant >= since, instant < until),
                        literal(day.isoformat()),
                    )
                )
        return case(*branches, else_=None) if branches else literal(None)

    def within(
        self, instant: Any, *, near: Any = None, margin: timedelta = timedelta(0)
    ) -> ColumnElement[bool]:
        """Plain comparisons with each timezone's UTC bounds of the period: no time zone
        arithmetic per row, and an index on the instant can serve. `near`: an indexed
        instant never further than `margin` from `instant`, compared too so that its
        index serves when `instant` is an expression."""
        conditions = []
        for name, zone in self.zones.items():
            since, until = self._bounds(zone, self.period.start, self.period.end)
            bounds = [instant >= since, instant < until]
            if near is not None:
                bounds += [near >= since - margin, near < until + margin]
            conditions.append(and_(WorkObject.timezone == name, *bounds))
        return or_(*conditions) if conditions else false()


# ------------------------------------------------------------------ one aggregate per figure


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _is_late_arrival() -> ColumnElement[bool]:
    """Opened more than the object's grace minutes after the planned start; the late
    minutes are then all the minutes from the planned start."""
    return Shift.late_minutes > WorkObject.late_grace_minutes


def _shift_count() -> ColumnElement[Any]:
    return func.count(Shift.id).label("shifts")


def _worked_minutes() -> ColumnElement[Any]:
    return func.coalesce(func.sum(Shift.worked_minutes), 0).label("minutes")


def _premiums_of_shift() -> ColumnElement[Any]:
    """The shift's overtime and holiday premiums as the ledger holds them now (written
    when the week's shifts close, corrected by reversals: their sum)."""
    return (
        select(func.coalesce(func.sum(LedgerEntry.amount), ZERO))
        .where(LedgerEntry.shift_id == Shift.id, LedgerEntry.type.in_(PREMIUM_TYPES))
        .scalar_subquery()
    )


def _labour_cost() -> ColumnElement[Any]:
    """What the shifts cost: their pay and its premiums, as the payslips count them."""
    return func.coalesce(func.sum(Shift.pay + _premiums_of_shift()), ZERO).label("cost")


def _late_arrivals() -> ColumnElement[Any]:
    return _count_where(_is_late_arrival()).label("late_arrivals")


def _late_minutes() -> ColumnElement[Any]:
    late = case((_is_late_arrival(), Shift.late_minutes), else_=0)
    return func.coalesce(func.sum(late), 0).label("late_minutes")


def _planned_shifts() -> ColumnElement[Any]:
    return func.count(PlannedShift.id).label("planned")


def _no_shows(now: datetime, worked: Any) -> ColumnElement[Any]:
    """Planned (not cancelled) shifts with no shift opened for them, once their end has
    passed or a manager marked them absent (a shift still running is not a no-show yet:
    `services.attendance.rules.today_state`); `worked` is the shift outer-joined on the
    planned one."""
    marked_absent = exists().where(
        AttendanceMark.planned_shift_id == PlannedShift.id,
        AttendanceMark.kind == AttendanceMarkKind.ABSENT,
    )
    no_show = and_(
        PlannedShift.status == PlannedShiftStatus.PLANNED,
        or_(PlannedShift.ends_at <= now, marked_absent),
        worked.id.is_(None),
    )
    return _count_where(no_show).label("no_shows")


def _cancellations() -> ColumnElement[Any]:
    return _count_where(PlannedShift.status == PlannedShiftStatus.CANCELLED).label("cancellations")


def _tasks_total() -> ColumnElement[Any]:
    return func.count(ShiftTask.id).label("tasks_total")


def _tasks_done() -> ColumnElement[Any]:
    return _count_where(ShiftTask.status == ShiftTaskStatus.DONE).label("tasks_done")


def _ledger_sum(types: Iterable[str]) -> ColumnElement[Any]:
    return func.coalesce(
        func.sum(case((LedgerEntry.type.in_(types), LedgerEntry.amount), else_=ZERO)), ZERO
    )


def _fines() -> ColumnElement[Any]:
    """As a positive amount (the ledger holds fines as negative entries)."""
    return (-_ledger_sum(FINE_TYPES)).label("fines")


def _bonuses() -> ColumnElement[Any]:
    return _ledger_sum(BONUS_TYPES).label("bonuses")


# ------------------------------------------------------------------ rows


def _on_report_objects(report_filter: ReportFilter, column: Any) -> list[ColumnElement[bool]]:
    if report_filter.all_objects:
        return []
    return [column.in_(list(report_filter.objects))]


def _of_report_employee(report_filter: ReportFilter, column: Any) -> list[ColumnElement[bool]]:
    if report_filter.employee_user_id is None:
        return []
    return [column == report_filter.employee_user_id]


# The instant a shift's work date is the local date of (`services.payroll.rules.work_date`,
# as its pay is dated): its planned start, else (an unplanned shift) its opening.
_WORK_INSTANT = func.coalesce(Shift.planned_start_at, Shift.opened_at)
# How far a shift's opening can be from its planned start: early arrival before it, a late
# start until its end (a day at most).
_OPENING_NEAR_PLANNED_START = timedelta(days=2)


def _shifts(report_filter: ReportFilter, dates: LocalDates, *columns: Any) -> Select[Any]:
    """Shifts of the report whose work date is a local date of the period: a shift opened
    at 23:55 for a start at midnight is the next day's, in reports as in payslips."""
    return (
        select(*columns)
        .select_from(Shift)
        .join(WorkObject, WorkObject.id == Shift.object_id)
        .where(
            Shift.organization_id == report_filter.organization.id,
            dates.within(_WORK_INSTANT, near=Shift.opened_at, margin=_OPENING_NEAR_PLANNED_START),
            *_on_report_objects(report_filter, Shift.object_id),
            *_of_report_employee(report_filter, Shift.user_id),
        )
    )


def _shift_figures() -> tuple[ColumnElement[Any], ...]:
    return _shift_count(), _worked_minutes(), _labour_cost(), _late_arrivals()


async def shifts_by_day(
    session: AsyncSession, report_filter: ReportFilter, dates: LocalDates
) -> Rows:
    """day, shifts, minutes, cost."""
    day = dates.of(_WORK_INSTANT).label("day")
    query = _shifts(report_filter, dates, day, _shift_count(), _worked_minutes(), _labour_cost())
    return (await session.execute(query.group_by(day))).all()


async def cost_by_object_and_day(
    session: AsyncSession, report_filter: ReportFilter, dates: LocalDates
) -> Rows:
    """object_id, day, cost."""
    day = dates.of(_WORK_INSTANT).label("day")
    query = _shifts(report_filter, dates, Shift.object_id, day, _labour_cost())
    return (await session.execute(query.group_by(Shift.object_id, day))).all()


async def shifts_by_employee(
    session: AsyncSession, report_filter: ReportFilter, dates: LocalDates
) -> Rows:
    """user_id, shifts, minutes, cost, late_arrivals, late_minutes."""
    query = _shifts(report_filter, dates, Shift.user_id, *_shift_figures(), _late_minutes())
    return (await session.execute(query.group_by(Shift.user_id))).all()


async def shifts_by_object(
    session: AsyncSession, report_filter: ReportFilter, dates: LocalDates
) -> Rows:
    """object_id, shifts, minutes, cost, late_arrivals."""
    query = _shifts(report_filter, dates, Shift.object_id, *_shift_figures())
    return (await session.execute(query.group_by(Shift.object_id))).all()


async def planned_shifts_by_employee(
    session: AsyncSession, now: datetime, report_filter: ReportFilter, dates: LocalDates
) -> Rows:
    """user_id, planned, no_shows, cancellations of planned shifts starting on a local
    date of the period."""
    worked = aliased(Shift)
    query = (
        select(PlannedShift.user_id, _planned_shifts(), _no_shows(now, worked), _cancellations())
        .select_from(PlannedShift)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .outerjoin(worked, worked.planned_shift_id == PlannedShift.id)
        .where(
            WorkObject.organization_id == report_filter.organization.id,
            dates.within(PlannedShift.starts_at),
            *_on_report_objects(report_filter, PlannedShift.object_id),
            *_of_report_employee(report_filter, PlannedShift.user_id),
        )
        .group_by(PlannedShift.user_id)
    )
    return (await session.execute(query)).all()


async def tasks_by_employee(
    session: AsyncSession, report_filter: ReportFilter, dates: LocalDates
) -> Rows:
    """user_id, tasks_total, tasks_done of the report's shifts."""
    query = (
        _shifts(report_filter, dates, Shift.user_id, _tasks_total(), _tasks_done())
        .join(ShiftTask, ShiftTask.shift_id == Shift.id)
        .group_by(Shift.user_id)
    )
    return (await session.execute(query)).all()


async def fines_and_bonuses_by_employee(
    session: AsyncSession, period: ReportPeriod, report_filter: ReportFilter
) -> Rows:
    """user_id, fines, bonuses from the payroll ledger, dated by its work date (the
    organization's local date), exactly as payslips count them."""
    query = (
        select(LedgerEntry.user_id, _fines(), _bonuses())
        .where(
            LedgerEntry.organization_id == report_filter.organization.id,
            LedgerEntry.work_date.between(period.start, period.end),
            LedgerEntry.type.in_([*FINE_TYPES, *BONUS_TYPES]),
            *_on_report_objects(report_filter, LedgerEntry.object_id),
            *_of_report_employee(report_filter, LedgerEntry.user_id),
        )
        .group_by(LedgerEntry.user_id)
    )
    return (await session.execute(query)).all()


async def display_names(session: AsyncSession, user_ids: Iterable[int]) -> dict[int, str]:
    users = await session.scalars(select(User).where(User.id.in_(list(user_ids))))
    return {user.id: user.display_name for user in users}


async def upcoming_shifts(
    session: AsyncSession, now: datetime, organization_id: int, user_id: int
) -> list[UpcomingShift]:
    """The employee's next planned shifts, soonest first."""
    rows = await session.execute(
        select(PlannedShift.starts_at, PlannedShift.ends_at, WorkObject.timezone, WorkObject.name)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .where(
            WorkObject.organization_id == organization_id,
            PlannedShift.user_id == user_id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.starts_at > now,
        )
        .order_by(PlannedShift.starts_at)
        .limit(UPCOMING_SHIFTS)
    )
    return [UpcomingShift(*row) for row in rows]
