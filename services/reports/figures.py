"""Reports (C10): shifts, hours, labour cost, lateness, no-shows, cancellations, task
completion, fines and bonuses over a period, for the organization, one object or one
employee; and an employee's own statistics.

Rules, each in one place:
- A period is a span of local dates of the organization's timezone
  (`services.reports.periods`). Each shift, planned shift and task is dated by the local
  date of its object's timezone: a shift opened at 23:30 in Vladivostok counts on that
  Vladivostok date, whatever the date in Moscow or UTC. Fines and bonuses come from the
  payroll ledger, dated by its work date (`services.reports.queries`).
- A late arrival is a shift opened more than the object's grace minutes after its
  planned start; its late minutes are all the minutes from the planned start.
- A no-show is a planned (not cancelled) shift with no shift opened for it, once its
  end has passed or a manager marked it absent; one still running is not.
- Who sees which objects and money: `services.reports.scope`; hidden money is None.
- Labor against sales: the labor cost of worked shifts per object and local day beside
  the sales the owner recorded (actual, else expected; `services.scheduling.sales`).
- Aggregation happens in SQL, a fixed number of statements per report; here the rows
  become figures per day, object and employee, and the totals are their sums.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.rules import ZERO, as_money, money
from services.platform.clock import Clock
from services.reports.periods import ReportPeriod
from services.reports.queries import (
    LocalDates,
    Rows,
    cost_by_object_and_day,
    display_names,
    fines_and_bonuses_by_employee,
    planned_shifts_by_employee,
    shifts_by_day,
    shifts_by_employee,
    shifts_by_object,
    tasks_by_employee,
    upcoming_shifts,
)
from services.reports.report import (
    DayFigures,
    EmployeeFigures,
    ObjectFigures,
    Report,
    Totals,
)
from services.reports.scope import (
    ReportFilter,
    ReportScope,
    ScopeKind,
    filter_of_own_statistics,
    filter_of_scope,
)
from services.scheduling.sales import LaborDay, labor_days, labor_target, sales_by_day
from services.staff.permissions import Actor
from services.time_off.queries import time_off_by_person

RANKED_EMPLOYEES = 3


async def build_report(
    session: AsyncSession,
    clock: Clock,
    actor: Actor,
    period: ReportPeriod,
    scope: ReportScope,
) -> Report:
    """The owner's or a manager's report over `period` for `scope`, with the permission
    rules of `services.reports.scope`: objects without `view` are left out (an object
    scope on such an object is refused), money is None without `view_money` on every
    object covered; with money, an organization's or an object's report has labor cost
    against sales per object and day."""
    report_filter = await filter_of_scope(session, actor, scope)
    report = await _report_of(session, clock.now(), period, scope, report_filter)
    report.top, report.bottom = _ranked(report.employees)
    if report_filter.show_money and scope.kind != ScopeKind.EMPLOYEE:
        report.labor_target, report.labor = await _labor(session, report_filter, period)
    if actor.is_owner:
        report.time_off = await time_off_by_person(
            session,
            actor.organization_id,
            period.start,
            period.end,
            user_ids={scope.employee_user_id}
            if scope.kind == ScopeKind.EMPLOYEE and scope.employee_user_id is not None
            else None,
        )
    return report


async def build_my_stats(
    session: AsyncSession, clock: Clock, actor: Actor, period: ReportPeriod
) -> Report:
    """An employee's own hours, earnings, lateness, tasks, fines and bonuses over
    `period`, on every object of the organization, and their next planned shifts."""
    report_filter = await filter_of_own_statistics(session, actor)
    scope = ReportScope(ScopeKind.EMPLOYEE, employee_user_id=actor.user_id)
    now = clock.now()
    report = await _report_of(session, now, period, scope, report_filter)
    report.upcoming = await upcoming_shifts(
        session, now, report_filter.organization.id, actor.user_id
    )
    return report


def _ranked(
    employees: Sequence[EmployeeFigures],
) -> tuple[list[EmployeeFigures], list[EmployeeFigures]]:
    """Most and fewest hours among those who worked; the two lists never overlap."""
    worked = sorted((e for e in employees if e.shifts), key=lambda e: (-e.minutes, e.name))
    top = worked[:RANKED_EMPLOYEES]
    bottom = worked[max(RANKED_EMPLOYEES, len(worked) - RANKED_EMPLOYEES) :][::-1]
    return top, bottom


async def _report_of(
    session: AsyncSession,
    now: datetime,
    period: ReportPeriod,
    scope: ReportScope,
    report_filter: ReportFilter,
) -> Report:
    """The report's figures: one statement per group (days, objects, and four for the
    employees), then the names and the totals."""
    dates = LocalDates(session.get_bind().dialect.name, period, report_filter.timezones)
    show_money = report_filter.show_money
    days = await _day_figures(session, report_filter, dates)
    employees = _EmployeeTable(show_money)
    employees.add_worked_shifts(await shifts_by_employee(session, report_filter, dates))
    objects = await _object_figures(session, report_filter, dates)
    employees.add_planned_shifts(
        await planned_shifts_by_employee(session, now, report_filter, dates)
    )
    employees.add_tasks(await tasks_by_employee(session, report_filter, dates))
    if show_money:
        employees.add_fines_and_bonuses(
            await fines_and_bonuses_by_employee(session, period, report_filter)
        )
    if employees.rows:
        employees.add_names(await display_names(session, employees.rows))
    rows = employees.by_name()
    organization = report_filter.organization
    return Report(
        organization_id=organization.id,
        organization_name=organization.name,
        currency=organization.currency,
        period=period,
        scope=scope,
        scope_title=report_filter.title,
        show_money=show_money,
        totals=_totals(rows, show_money),
        days=days,
        employees=rows,
        objects=objects,
    )


async def _labor(
    session: AsyncSession, report_filter: ReportFilter, period: ReportPeriod
) -> tuple[Decimal | None, list[LaborDay]]:
    """The target labor % and, per object and day with worked shifts or sales: the labor
    cost of the shifts worked, the sales (actual, else expected) and the labor %; nothing
    when no sales are recorded for the period."""
    dates = LocalDates(session.get_bind().dialect.name, period, report_filter.timezones)
    cost = {
        (row.object_id, _as_date(row.day)): as_money(row.cost)
        for row in await cost_by_object_and_day(session, report_filter, dates)
        if row.object_id in report_filter.objects
    }
    sales = await sales_by_day(session, list(report_filter.objects), period.start, period.end)
    if not sales:  # the owner records no sales: nothing to set the cost against
        return None, []
    target = await labor_target(session, report_filter.organization.id)
    names = {object_id: o.name for object_id, o in report_filter.objects.items()}
    return target, labor_days(names, cost, sales, target)


async def _day_figures(
    session: AsyncSession, report_filter: ReportFilter, dates: LocalDates
) -> list[DayFigures]:
    """Shifts, minutes and labour cost of every local day of the period, empty days too."""
    by_day = {_as_date(row.day): row for row in await shifts_by_day(session, report_filter, dates)}
    show_money = report_filter.show_money
    days = []
    for day in dates.period.days:
        row = by_day.get(day)
        if row is None:
            days.append(DayFigures(day, 0, 0, ZERO if show_money else None))
        else:
            cost = as_money(row.cost) if show_money else None
            days.append(DayFigures(day, _int(row.shifts), _int(row.minutes), cost))
    return days


async def _object_figures(
    session: AsyncSession, report_filter: ReportFilter, dates: LocalDates
) -> list[ObjectFigures]:
    """Shifts, minutes, labour cost and late arrivals of each object, by name."""
    objects = [
        ObjectFigures(
            row.object_id,
            report_filter.objects[row.object_id].name,
            _int(row.shifts),
            _int(row.minutes),
            as_money(row.cost) if report_filter.show_money else None,
            _int(row.late_arrivals),
        )
        for row in await shifts_by_object(session, report_filter, dates)
        if row.object_id in report_filter.objects
    ]
    return sorted(objects, key=lambda o: (o.name, o.object_id))


@dataclass
class _EmployeeTable:
    """Each employee's figures, made on first mention by any query; money starts at zero
    when shown."""

    show_money: bool
    rows: dict[int, EmployeeFigures] = field(default_factory=dict)

    def __getitem__(self, user_id: int) -> EmployeeFigures:
        if user_id not in self.rows:
            zero = ZERO if self.show_money else None
            self.rows[user_id] = EmployeeFigures(
                user_id=user_id, name="", cost=zero, fines=zero, bonuses=zero
            )
        return self.rows[user_id]

    def add_worked_shifts(self, rows: Rows) -> None:
        """Shifts, minutes, labour cost, late arrivals and late minutes."""
        for row in rows:
            figures = self[row.user_id]
            figures.shifts, figures.minutes = _int(row.shifts), _int(row.minutes)
            figures.late_arrivals = _int(row.late_arrivals)
            figures.late_minutes = _int(row.late_minutes)
            if self.show_money:
                figures.cost = as_money(row.cost)

    def add_planned_shifts(self, rows: Rows) -> None:
        """Planned shifts, no-shows and cancellations."""
        for row in rows:
            figures = self[row.user_id]
            figures.planned = _int(row.planned)
            figures.no_shows = _int(row.no_shows)
            figures.cancellations = _int(row.cancellations)

    def add_tasks(self, rows: Rows) -> None:
        """Tasks on the employee's shifts, and how many of them were done."""
        for row in rows:
            self[row.user_id].tasks_total = _int(row.tasks_total)
            self[row.user_id].tasks_done = _int(row.tasks_done)

    def add_fines_and_bonuses(self, rows: Rows) -> None:
        """Fines (as a positive amount) and bonuses from the payroll ledger."""
        for row in rows:
            self[row.user_id].fines = as_money(row.fines)
            self[row.user_id].bonuses = as_money(row.bonuses)

    def add_names(self, names: dict[int, str]) -> None:
        for user_id, name in names.items():
            self.rows[user_id].name = name

    def by_name(self) -> list[EmployeeFigures]:
        return sorted(self.rows.values(), key=lambda e: (e.name, e.user_id))


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


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _int(value: Any) -> int:
    return int(value or 0)
