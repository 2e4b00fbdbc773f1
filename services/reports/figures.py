"""Reports (C10): shifts, hours, labour cost, lateness, no-shows, cancellations, task
completion, fines and bonuses over a period, for the organization, one object or one
employee; and an employee's own statistics.

Rules, each in one place:
- A period is a span of local dates of the organization's timezone ("today", "last
  week", … are computed with the injected clock). Each shift, planned shift and task is
  dated by the local date of its object's timezone: a shift opened at 23:30 in
  Vladivostok counts on that Vladivostok date, whatever the date in Moscow or UTC.
  Fines and bonuses come from the payroll ledger, dated by its work date (the
  organization's local date), exactly as payslips count them.
- A late arrival is a shift opened more than the object's grace minutes after its
  planned start; its late minutes are all the minutes from the planned start.
- A no-show is a planned (not cancelled) shift whose start has passed with no shift
  opened for it.
- Owners see everything. A manager sees the objects on which they hold `view`, and money
  (labour cost, fines, bonuses) only when they hold `view_money` on every object of the
  report; otherwise the money fields are None. Employees see only their own statistics.
- Aggregation happens in SQL: GROUP BY over the local dates, a fixed number of
  statements per report whatever the number of shifts or employees. PostgreSQL computes
  local dates with `AT TIME ZONE objects.timezone`; SQLite, which knows no time zones,
  compares each instant with the UTC bounds of every local day of the period (computed
  here through `ZoneInfo`) in a CASE expression, still in SQL.
"""

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, and_, case, cast, false, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement

from services.payroll.ledger import BONUS_TYPES, FINE_TYPES
from services.payroll.rules import money
from services.platform.clock import Clock
from services.platform.db.models import (
    LedgerEntry,
    Membership,
    MembershipObject,
    MembershipRole,
    Organization,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    ShiftTask,
    ShiftTaskStatus,
    User,
    WorkObject,
)
from services.platform.errors import InvalidInput, NotFound, PermissionDenied
from services.platform.local_time import local_to_utc
from services.staff.permissions import Actor, require_object_permission

ZERO = Decimal("0.00")
MAX_PERIOD_DAYS = 366
RANKED_EMPLOYEES = 3
UPCOMING_SHIFTS = 5


class PeriodKind(StrEnum):
    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "this_week"
    LAST_WEEK = "last_week"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    CUSTOM = "custom"


class ScopeKind(StrEnum):
    ORGANIZATION = "organization"
    OBJECT = "object"
    EMPLOYEE = "employee"


@dataclass(frozen=True)
class ReportPeriod:
    kind: PeriodKind
    start: date
    end: date  # included

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    @property
    def key(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


@dataclass(frozen=True)
class ReportScope:
    kind: ScopeKind = ScopeKind.ORGANIZATION
    object_id: int | None = None
    employee_user_id: int | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.object_id or self.employee_user_id or ''}"


def period_of(
    kind: PeriodKind, today: date, start: date | None = None, end: date | None = None
) -> ReportPeriod:
    """The span of local dates of a period; weeks run Monday to Sunday. A custom range
    needs both ends, in order, at most a year long."""
    if kind == PeriodKind.TODAY:
        return ReportPeriod(kind, today, today)
    if kind == PeriodKind.YESTERDAY:
        yesterday = today - timedelta(days=1)
        return ReportPeriod(kind, yesterday, yesterday)
    if kind in (PeriodKind.THIS_WEEK, PeriodKind.LAST_WEEK):
        monday = today - timedelta(days=today.weekday())
        if kind == PeriodKind.LAST_WEEK:
            monday -= timedelta(days=7)
        return ReportPeriod(kind, monday, monday + timedelta(days=6))
    if kind == PeriodKind.THIS_MONTH:
        first = today.replace(day=1)
        return ReportPeriod(kind, first, _month_end(first))
    if kind == PeriodKind.LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return ReportPeriod(kind, last.replace(day=1), last)
    if start is None or end is None:
        raise InvalidInput(field="period", reason="period-incomplete")
    if end < start:
        raise InvalidInput(field="period", reason="period-reversed")
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise InvalidInput(field="period", reason="period-too-long")
    return ReportPeriod(kind, start, end)


def _month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class DayFigures:
    day: date
    shifts: int
    minutes: int
    cost: Decimal | None


@dataclass
class EmployeeFigures:
    user_id: int
    name: str
    shifts: int = 0
    minutes: int = 0
    cost: Decimal | None = None
    late_arrivals: int = 0
    late_minutes: int = 0
    planned: int = 0
    no_shows: int = 0
    cancellations: int = 0
    tasks_total: int = 0
    tasks_done: int = 0
    fines: Decimal | None = None
    bonuses: Decimal | None = None


@dataclass(frozen=True)
class ObjectFigures:
    object_id: int
    name: str
    shifts: int
    minutes: int
    cost: Decimal | None
    late_arrivals: int


@dataclass(frozen=True)
class Totals:
    shifts: int
    minutes: int
    cost: Decimal | None
    late_arrivals: int
    late_minutes: int
    planned: int
    no_shows: int
    cancellations: int
    tasks_total: int
    tasks_done: int
    fines: Decimal | None
    bonuses: Decimal | None

    @property
    def task_completion_percent(self) -> int | None:
        if not self.tasks_total:
            return None
        return round(100 * self.tasks_done / self.tasks_total)


@dataclass(frozen=True)
class UpcomingShift:
    starts_at: datetime
    ends_at: datetime
    timezone: str
    object_name: str


@dataclass
class Report:
    organization_id: int
    organization_name: str
    currency: str
    period: ReportPeriod
    scope: ReportScope
    scope_title: str
    show_money: bool
    totals: Totals
    days: list[DayFigures]
    employees: list[EmployeeFigures]
    objects: list[ObjectFigures]
    top: list[EmployeeFigures] = field(default_factory=list)
    bottom: list[EmployeeFigures] = field(default_factory=list)
    upcoming: list[UpcomingShift] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.employees

    def fingerprint(self) -> str:
        """A hash of every figure (not of names): equal figures, equal hash."""
        figures = {
            "period": self.period.key,
            "scope": self.scope.key,
            "money": self.show_money,
            "totals": asdict(self.totals),
            "days": [asdict(day) for day in self.days],
            "employees": [
                {k: v for k, v in asdict(e).items() if k != "name"} for e in self.employees
            ],
            "objects": [{k: v for k, v in asdict(o).items() if k != "name"} for o in self.objects],
        }
        encoded = json.dumps(figures, sort_keys=True, default=str).encode()
        return hashlib.sha256(encoded).hexdigest()


def hours_of(minutes: int) -> Decimal:
    return money(Decimal(minutes) / Decimal(60))


# ------------------------------------------------------------------ local dates in SQL


class _LocalDates:
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

    def within(self, instant: Any) -> ColumnElement[bool]:
        """Plain comparisons with each timezone's UTC bounds of the period: no time zone
        arithmetic per row, and an index on the instant can serve."""
        conditions = []
        for name, zone in self.zones.items():
            since, until = self._bounds(zone, self.period.start, self.period.end)
            conditions.append(and_(WorkObject.timezone == name, instant >= since, instant < until))
        return or_(*conditions) if conditions else false()


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _int(value: Any) -> int:
    return int(value or 0)


def _dec(value: Any) -> Decimal:
    return money(Decimal(value if value is not None else 0))


# ------------------------------------------------------------------ who sees what


@dataclass(frozen=True)
class _Visible:
    objects: dict[int, WorkObject]
    money_object_ids: frozenset[int]
    everything: bool  # the owner: no object filter needed


async def _visible_objects(session: AsyncSession, actor: Actor) -> _Visible:
    """Objects the actor may report on (`view`) and those whose money they see, in one
    statement."""
    if actor.is_owner:
        objects = await session.scalars(
            select(WorkObject).where(WorkObject.organization_id == actor.organization_id)
        )
        everything = {o.id: o for o in objects}
        return _Visible(everything, frozenset(everything), True)
    if actor.role != MembershipRole.MANAGER:
        raise PermissionDenied()
    rows = await session.execute(
        select(WorkObject, MembershipObject.permissions)
        .join(MembershipObject, MembershipObject.object_id == WorkObject.id)
        .where(
            MembershipObject.membership_id == actor.membership_id,
            WorkObject.organization_id == actor.organization_id,
        )
    )
    visible: dict[int, WorkObject] = {}
    money_ids: set[int] = set()
    for work_object, permissions in rows:
        granted = set(permissions or ())
        if Permission.VIEW.value in granted:
            visible[work_object.id] = work_object
            if Permission.VIEW_MONEY.value in granted:
                money_ids.add(work_object.id)
    if not visible:
        raise PermissionDenied()
    return _Visible(visible, frozenset(money_ids), False)


async def visible_objects(session: AsyncSession, actor: Actor) -> list[WorkObject]:
    """The objects the actor may pick as a report's scope, by name."""
    visible = await _visible_objects(session, actor)
    return sorted(visible.objects.values(), key=lambda o: (o.archived, o.name, o.id))


async def visible_employees(session: AsyncSession, actor: Actor) -> list[User]:
    """Employees (active or not) attached to the objects the actor may report on."""
    visible = await _visible_objects(session, actor)
    query = (
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(
            Membership.organization_id == actor.organization_id,
            Membership.role == MembershipRole.EMPLOYEE,
        )
        .order_by(User.first_name, User.id)
    )
    if not visible.everything:
        query = query.where(
            Membership.id.in_(
                select(MembershipObject.membership_id).where(
                    MembershipObject.object_id.in_(visible.objects)
                )
            )
        )
    return list(await session.scalars(query))


# ------------------------------------------------------------------ the report


@dataclass(frozen=True)
class _Filter:
    """What one report covers: its objects (`all_objects`: every object of the
    organization, so no object filter is needed), maybe one employee, and whether money
    is shown."""

    organization: Organization
    objects: dict[int, WorkObject]
    all_objects: bool
    employee_user_id: int | None
    show_money: bool


async def build_report(
    session: AsyncSession,
    clock: Clock,
    actor: Actor,
    period: ReportPeriod,
    scope: ReportScope,
) -> Report:
    """The owner's or a manager's report over `period` for `scope`, with the permission
    rules of the module: objects without `view` are left out (an object scope on such an
    object is refused), money is None without `view_money` on every object covered."""
    organization = await session.get(Organization, actor.organization_id)
    if organization is None:
        raise NotFound(what="organization")
    visible = await _visible_objects(session, actor)
    objects = visible.objects
    all_objects = visible.everything
    employee_user_id = None
    title = organization.name
    if scope.kind == ScopeKind.OBJECT:
        if scope.object_id not in visible.objects:
            await require_object_permission(session, actor, scope.object_id or 0, Permission.VIEW)
            raise PermissionDenied()
        objects = {scope.object_id: visible.objects[scope.object_id]}
        all_objects = False
        title = objects[scope.object_id].name
    elif scope.kind == ScopeKind.EMPLOYEE:
        employee = await session.scalar(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.organization_id == organization.id,
                User.id == (scope.employee_user_id or 0),
            )
        )
        if employee is None:
            raise NotFound(what="employee")
        employee_user_id = employee.id
        title = employee.display_name
    show_money = set(objects) <= visible.money_object_ids
    report_filter = _Filter(organization, objects, all_objects, employee_user_id, show_money)
    report = await _aggregate(session, clock.now(), period, scope, title, report_filter)
    report.top, report.bottom = _ranked(report.employees)
    return report


async def build_my_stats(
    session: AsyncSession, clock: Clock, actor: Actor, period: ReportPeriod
) -> Report:
    """An employee's own hours, earnings, lateness, tasks, fines and bonuses over
    `period`, on every object of the organization, and their next planned shifts."""
    organization = await session.get(Organization, actor.organization_id)
    if organization is None:
        raise NotFound(what="organization")
    objects = {
        o.id: o
        for o in await session.scalars(
            select(WorkObject).where(WorkObject.organization_id == organization.id)
        )
    }
    user = await session.get(User, actor.user_id)
    assert user is not None
    report_filter = _Filter(organization, objects, True, actor.user_id, True)
    scope = ReportScope(ScopeKind.EMPLOYEE, employee_user_id=actor.user_id)
    now = clock.now()
    report = await _aggregate(session, now, period, scope, user.display_name, report_filter)
    report.upcoming = await _upcoming(session, now, organization.id, actor.user_id)
    return report


def _ranked(
    employees: Sequence[EmployeeFigures],
) -> tuple[list[EmployeeFigures], list[EmployeeFigures]]:
    """Most and fewest hours among those who worked; the two lists never overlap."""
    worked = sorted((e for e in employees if e.shifts), key=lambda e: (-e.minutes, e.name))
    top = worked[:RANKED_EMPLOYEES]
    bottom = worked[max(RANKED_EMPLOYEES, len(worked) - RANKED_EMPLOYEES) :][::-1]
    return top, bottom


def _object_conditions(report_filter: _Filter, object_column: Any) -> list[ColumnElement[bool]]:
    if report_filter.all_objects:
        return []
    return [object_column.in_(list(report_filter.objects))]


async def _aggregate(
    session: AsyncSession,
    now: datetime,
    period: ReportPeriod,
    scope: ReportScope,
    title: str,
    report_filter: _Filter,
) -> Report:
    organization = report_filter.organization
    dialect = session.get_bind().dialect.name
    dates = _LocalDates(dialect, period, {o.timezone for o in report_filter.objects.values()})
    show_money = report_filter.show_money

    shift_scope = [
        Shift.organization_id == organization.id,
        dates.within(Shift.opened_at),
        *_object_conditions(report_filter, Shift.object_id),
    ]
    if report_filter.employee_user_id is not None:
        shift_scope.append(Shift.user_id == report_filter.employee_user_id)
    is_late = Shift.late_minutes > WorkObject.late_grace_minutes
    shifts = func.count(Shift.id)
    minutes = func.coalesce(func.sum(Shift.worked_minutes), 0)
    cost = func.coalesce(func.sum(Shift.pay), ZERO)
    late_arrivals = func.coalesce(func.sum(case((is_late, 1), else_=0)), 0)
    late_minutes = func.coalesce(func.sum(case((is_late, Shift.late_minutes), else_=0)), 0)

    def shifts_query(*columns: Any) -> Any:
        return (
            select(*columns)
            .select_from(Shift)
            .join(WorkObject, WorkObject.id == Shift.object_id)
            .where(*shift_scope)
        )

    local_day = dates.of(Shift.opened_at).label("day")
    by_day = {
        _as_date(row.day): row
        for row in await session.execute(
            shifts_query(
                local_day, shifts.label("shifts"), minutes.label("m"), cost.label("c")
            ).group_by(local_day)
        )
    }
    days = [
        DayFigures(
            day,
            _int(by_day[day].shifts) if day in by_day else 0,
            _int(by_day[day].m) if day in by_day else 0,
            (_dec(by_day[day].c) if day in by_day else ZERO) if show_money else None,
        )
        for day in period.days
    ]

    employees: dict[int, EmployeeFigures] = {}

    def employee(user_id: int) -> EmployeeFigures:
        if user_id not in employees:
            employees[user_id] = EmployeeFigures(
                user_id=user_id,
                name="",
                cost=ZERO if show_money else None,
                fines=ZERO if show_money else None,
                bonuses=ZERO if show_money else None,
            )
        return employees[user_id]

    for row in await session.execute(
        shifts_query(
            Shift.user_id,
            shifts.label("shifts"),
            minutes.label("m"),
            cost.label("c"),
            late_arrivals.label("late"),
            late_minutes.label("late_m"),
        ).group_by(Shift.user_id)
    ):
        figures = employee(row.user_id)
        figures.shifts, figures.minutes = _int(row.shifts), _int(row.m)
        figures.late_arrivals, figures.late_minutes = _int(row.late), _int(row.late_m)
        if show_money:
            figures.cost = _dec(row.c)

    objects = [
        ObjectFigures(
            row.object_id,
            report_filter.objects[row.object_id].name,
            _int(row.shifts),
            _int(row.m),
            _dec(row.c) if show_money else None,
            _int(row.late),
        )
        for row in await session.execute(
            shifts_query(
                Shift.object_id,
                shifts.label("shifts"),
                minutes.label("m"),
                cost.label("c"),
                late_arrivals.label("late"),
            ).group_by(Shift.object_id)
        )
        if row.object_id in report_filter.objects
    ]
    objects.sort(key=lambda o: (o.name, o.object_id))

    worked = aliased(Shift)
    is_no_show = and_(
        PlannedShift.status == PlannedShiftStatus.PLANNED,
        PlannedShift.starts_at <= now,
        worked.id.is_(None),
    )
    planned_query = (
        select(
            PlannedShift.user_id,
            func.count(PlannedShift.id).label("planned"),
            func.coalesce(func.sum(case((is_no_show, 1), else_=0)), 0).label("no_shows"),
            func.coalesce(
                func.sum(case((PlannedShift.status == PlannedShiftStatus.CANCELLED, 1), else_=0)),
                0,
            ).label("cancelled"),
        )
        .select_from(PlannedShift)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .outerjoin(worked, worked.planned_shift_id == PlannedShift.id)
        .where(
            WorkObject.organization_id == organization.id,
            dates.within(PlannedShift.starts_at),
            *_object_conditions(report_filter, PlannedShift.object_id),
        )
        .group_by(PlannedShift.user_id)
    )
    if report_filter.employee_user_id is not None:
        planned_query = planned_query.where(PlannedShift.user_id == report_filter.employee_user_id)
    for row in await session.execute(planned_query):
        figures = employee(row.user_id)
        figures.planned = _int(row.planned)
        figures.no_shows, figures.cancellations = _int(row.no_shows), _int(row.cancelled)

    task_done = func.coalesce(
        func.sum(case((ShiftTask.status == ShiftTaskStatus.DONE, 1), else_=0)), 0
    )
    for row in await session.execute(
        shifts_query(
            Shift.user_id, func.count(ShiftTask.id).label("total"), task_done.label("done")
        )
        .join(ShiftTask, ShiftTask.shift_id == Shift.id)
        .group_by(Shift.user_id)
    ):
        figures = employee(row.user_id)
        figures.tasks_total, figures.tasks_done = _int(row.total), _int(row.done)

    if show_money:
        await _add_ledger_figures(session, period, report_filter, employee)

    if employees:
        users = await session.scalars(select(User).where(User.id.in_(list(employees))))
        for user in users:
            employees[user.id].name = user.display_name
    rows = sorted(employees.values(), key=lambda e: (e.name, e.user_id))
    return Report(
        organization_id=organization.id,
        organization_name=organization.name,
        currency=organization.currency,
        period=period,
        scope=scope,
        scope_title=title,
        show_money=show_money,
        totals=_totals(rows, show_money),
        days=days,
        employees=rows,
        objects=objects,
    )


async def _add_ledger_figures(
    session: AsyncSession,
    period: ReportPeriod,
    report_filter: _Filter,
    employee: Any,
) -> None:
    """Fines (as a positive amount) and bonuses per employee from the payroll ledger."""
    fines = -func.coalesce(
        func.sum(case((LedgerEntry.type.in_(FINE_TYPES), LedgerEntry.amount), else_=ZERO)), ZERO
    )
    bonuses = func.coalesce(
        func.sum(case((LedgerEntry.type.in_(BONUS_TYPES), LedgerEntry.amount), else_=ZERO)), ZERO
    )
    query = (
        select(LedgerEntry.user_id, fines.label("fines"), bonuses.label("bonuses"))
        .where(
            LedgerEntry.organization_id == report_filter.organization.id,
            LedgerEntry.work_date.between(period.start, period.end),
            LedgerEntry.type.in_([*FINE_TYPES, *BONUS_TYPES]),
        )
        .group_by(LedgerEntry.user_id)
    )
    if not report_filter.all_objects:
        query = query.where(LedgerEntry.object_id.in_(list(report_filter.objects)))
    if report_filter.employee_user_id is not None:
        query = query.where(LedgerEntry.user_id == report_filter.employee_user_id)
    for row in await session.execute(query):
        figures = employee(row.user_id)
        figures.fines, figures.bonuses = _dec(row.fines), _dec(row.bonuses)


def _totals(rows: Sequence[EmployeeFigures], show_money: bool) -> Totals:
    def total(name: str) -> int:
        return sum(getattr(row, name) for row in rows)

    def money_total(name: str) -> Decimal | None:
        if not show_money:
            return None
        return money(sum((getattr(row, name) or ZERO for row in rows), ZERO))

    return Totals(
        shifts=total("shifts"),
        minutes=total("minutes"),
        cost=money_total("cost"),
        late_arrivals=total("late_arrivals"),
        late_minutes=total("late_minutes"),
        planned=total("planned"),
        no_shows=total("no_shows"),
        cancellations=total("cancellations"),
        tasks_total=total("tasks_total"),
        tasks_done=total("tasks_done"),
        fines=money_total("fines"),
        bonuses=money_total("bonuses"),
    )


async def _upcoming(
    session: AsyncSession, now: datetime, organization_id: int, user_id: int
) -> list[UpcomingShift]:
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
