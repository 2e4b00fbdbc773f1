"""Reports on the scenario week of tests/support/reports.py: every figure worked out by
hand there, timezone day boundaries, manager permissions, the employee's statistics and
the fixed number of SQL statements."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import event, select

from services.payroll.ledger import record_shift_entries
from services.platform.clock import ManualClock
from services.platform.db.models import LedgerEntry
from services.platform.errors import InvalidInput, NotFound, PermissionDenied
from services.reports.figures import build_my_stats, build_report
from services.reports.periods import PeriodKind, ReportPeriod, period_of
from services.reports.report import EmployeeFigures, Report, Totals
from services.reports.scope import ReportScope, ScopeKind
from services.staff.memberships import organization_today
from services.staff.permissions import actor_in
from tests.support.payroll import add_finished_shift, add_planned
from tests.support.reports import (
    AFTER_THE_WEEK,
    FRI,
    MON,
    NEXT_MON,
    NEXT_TUE,
    SAT,
    SUN,
    THU,
    TUE,
    WED,
    add_manager,
    build_report_week,
    local,
)

WEEK = ReportPeriod(PeriodKind.LAST_WEEK, MON, SUN)
ORGANIZATION = ReportScope()


def D(text: str) -> Decimal:
    return Decimal(text)


def _by_name(report: Report) -> dict[str, EmployeeFigures]:
    return {row.name: row for row in report.employees}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(AFTER_THE_WEEK)


async def _owner_report(session_factory, clock, scope=ORGANIZATION, period=WEEK):
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
    async with session_factory() as session:
        actor = await actor_in(session, week.owner.id, week.organization_id)
        return week, await build_report(session, clock, actor, period, scope)


def test_periods_in_local_dates() -> None:
    today = date(2026, 3, 11)  # a Wednesday
    assert period_of(PeriodKind.TODAY, today) == ReportPeriod(PeriodKind.TODAY, today, today)
    assert period_of(PeriodKind.YESTERDAY, today).start == date(2026, 3, 10)
    this_week = period_of(PeriodKind.THIS_WEEK, today)
    assert (this_week.start, this_week.end) == (date(2026, 3, 9), date(2026, 3, 15))
    last_week = period_of(PeriodKind.LAST_WEEK, today)
    assert (last_week.start, last_week.end) == (MON, SUN)
    this_month = period_of(PeriodKind.THIS_MONTH, today)
    assert (this_month.start, this_month.end) == (date(2026, 3, 1), date(2026, 3, 31))
    last_month = period_of(PeriodKind.LAST_MONTH, today)
    assert (last_month.start, last_month.end) == (date(2026, 2, 1), date(2026, 2, 28))
    custom = period_of(PeriodKind.CUSTOM, today, date(2026, 1, 5), date(2026, 1, 7))
    assert len(custom.days) == 3
    with pytest.raises(InvalidInput):
        period_of(PeriodKind.CUSTOM, today, date(2026, 1, 7), date(2026, 1, 5))
    with pytest.raises(InvalidInput):
        period_of(PeriodKind.CUSTOM, today, date(2025, 1, 1), date(2026, 1, 5))


async def test_today_follows_the_organization_timezone(session_factory) -> None:
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
    # 22:30 UTC on Sunday is already Monday 01:30 in Moscow.
    clock = ManualClock(local(SUN, 22, 30, "UTC"))
    async with session_factory() as session:
        today = await organization_today(session, clock, week.organization_id)
    assert today == date(2026, 3, 9)


async def test_owner_week_report_matches_hand_computed_figures(session_factory, clock) -> None:
    _, report = await _owner_report(session_factory, clock)

    assert report.show_money
    assert report.totals == Totals(
        shifts=8,
        minutes=2998,
        cost=D("17365.00"),
        late_arrivals=2,
        late_minutes=29,
        planned=6,
        no_shows=1,
        cancellations=1,
        tasks_total=5,
        tasks_done=3,
        fines=D("830.00"),
        bonuses=D("1100.00"),
    )
    assert report.totals.task_completion_percent == 60
    assert [(d.day, d.shifts, d.minutes, d.cost) for d in report.days] == [
        (MON, 3, 1188, D("7120.00")),
        (TUE, 1, 463, D("2315.00")),
        (WED, 0, 0, D("0.00")),
        (THU, 1, 480, D("2400.00")),
        (FRI, 1, 150, D("750.00")),
        (SAT, 1, 477, D("3180.00")),
        (SUN, 1, 240, D("1600.00")),
    ]
    rows = _by_name(report)
    assert list(rows) == ["Anna", "Boris", "Gleb", "Vera"]
    columns = [
        "shifts",
        "minutes",
        "cost",
        "late_arrivals",
        "late_minutes",
        "planned",
        "no_shows",
        "cancellations",
        "tasks_total",
        "tasks_done",
        "fines",
        "bonuses",
    ]
    expected = {
        "Anna": (2, 943, D("4715.00"), 1, 17, 3, 1, 0, 3, 1, D("320.00"), D("100.00")),
        "Boris": (1, 468, D("3120.00"), 1, 12, 2, 0, 1, 2, 2, D("510.00"), D("0.00")),
        "Gleb": (3, 957, D("6380.00"), 0, 0, 1, 0, 0, 0, 0, D("0.00"), D("0.00")),
        "Vera": (2, 630, D("3150.00"), 0, 0, 0, 0, 0, 0, 0, D("0.00"), D("1000.00")),
    }
    assert {
        name: tuple(getattr(row, column) for column in columns) for name, row in rows.items()
    } == expected
    assert [o.name for o in report.objects] == ["Мира", "Порт"]
    assert [(o.shifts, o.minutes, o.cost, o.late_arrivals) for o in report.objects] == [
        (4, 1573, D("7865.00"), 1),
        (4, 1425, D("9500.00"), 1),
    ]
    assert [e.name for e in report.top] == ["Gleb", "Anna", "Vera"]
    assert [e.name for e in report.bottom] == ["Boris"]


async def test_local_day_boundaries_of_each_object(session_factory, clock) -> None:
    """Vera's Friday 23:30 (Moscow) counts on Friday, not Saturday; Gleb's Monday 00:30 in
    Vladivostok (Sunday 1 March in Moscow and UTC) is on Monday 2 March; his Monday
    9 March 01:00 (still Sunday 8 March in Moscow) is on 9 March."""
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)

    async def figures(day: date) -> list[tuple[str, int, int]]:
        async with session_factory() as session:
            actor = await actor_in(session, week.owner.id, week.organization_id)
            period = ReportPeriod(PeriodKind.CUSTOM, day, day)
            report = await build_report(session, clock, actor, period, ORGANIZATION)
        return [(e.name, e.shifts, e.minutes) for e in report.employees if e.shifts]

    assert await figures(FRI) == [("Vera", 1, 150)]
    assert await figures(SAT) == [("Gleb", 1, 477)]
    assert await figures(MON) == [("Anna", 1, 480), ("Boris", 1, 468), ("Gleb", 1, 240)]
    assert await figures(date(2026, 3, 1)) == []
    assert await figures(date(2026, 3, 9)) == [("Gleb", 1, 60)]


async def test_a_shift_opened_before_midnight_for_a_start_at_midnight_is_the_next_days(
    session_factory, clock
) -> None:
    """Vera opens at 23:50 on Sunday 8 March the shift planned from 00:00 on Monday 9
    March: her pay is dated Monday (the planned start's local date), and so are her
    shift, hours and cost in reports: the week of 2–8 March leaves it out."""
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
        plan = await add_planned(
            session, week.vera, week.mira, local(NEXT_MON, 0, 0), local(NEXT_MON, 6, 0)
        )
        shift = await add_finished_shift(
            session, week.vera, week.mira, local(SUN, 23, 50), local(NEXT_MON, 6, 0), planned=plan
        )
        await record_shift_entries(session, shift)
        work_dates = set(
            await session.scalars(
                select(LedgerEntry.work_date).where(LedgerEntry.shift_id == shift.id)
            )
        )
    assert work_dates == {NEXT_MON}

    async def vera(day: date) -> tuple[int, int, Decimal | None]:
        async with session_factory() as session:
            actor = await actor_in(session, week.owner.id, week.organization_id)
            period = ReportPeriod(PeriodKind.CUSTOM, day, day)
            report = await build_report(session, clock, actor, period, ORGANIZATION)
        row = _by_name(report).get("Vera")
        return (row.shifts, row.minutes, row.cost) if row else (0, 0, None)

    assert (await vera(SUN))[0] == 0
    # Paid from the planned start (early arrival unpaid): 6 h at 300 ₽.
    assert await vera(NEXT_MON) == (1, 360, D("1800.00"))


async def test_object_scope(session_factory, clock) -> None:
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
    async with session_factory() as session:
        actor = await actor_in(session, week.owner.id, week.organization_id)
        report = await build_report(
            session, clock, actor, WEEK, ReportScope(ScopeKind.OBJECT, object_id=week.port.id)
        )
    assert report.scope_title == "Порт"
    totals = report.totals
    assert (totals.shifts, totals.minutes, totals.cost) == (4, 1425, D("9500.00"))
    assert (totals.late_arrivals, totals.late_minutes, totals.no_shows) == (1, 12, 0)
    assert (totals.cancellations, totals.fines, totals.bonuses) == (1, D("510.00"), D("0.00"))
    assert [e.name for e in report.employees] == ["Boris", "Gleb"]


async def test_employee_scope(session_factory, clock) -> None:
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
    async with session_factory() as session:
        actor = await actor_in(session, week.owner.id, week.organization_id)
        scope = ReportScope(ScopeKind.EMPLOYEE, employee_user_id=week.anna[0].id)
        report = await build_report(session, clock, actor, WEEK, scope)
    assert report.scope_title == "Anna"
    assert [e.name for e in report.employees] == ["Anna"]
    totals = report.totals
    assert (totals.shifts, totals.minutes, totals.cost, totals.no_shows) == (
        2,
        943,
        D("4715.00"),
        1,
    )
    assert (totals.fines, totals.bonuses, totals.tasks_done, totals.tasks_total) == (
        D("320.00"),
        D("100.00"),
        1,
        3,
    )


async def test_manager_without_view_money_sees_no_costs(session_factory, clock) -> None:
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
        manager = await add_manager(session, week, ["view"])
    async with session_factory() as session:
        actor = await actor_in(session, manager.id, week.organization_id)
        report = await build_report(session, clock, actor, WEEK, ORGANIZATION)
        with pytest.raises(PermissionDenied):
            await build_report(
                session, clock, actor, WEEK, ReportScope(ScopeKind.OBJECT, object_id=week.port.id)
            )
    assert not report.show_money
    # Only "Мира": Anna and Vera.
    assert [e.name for e in report.employees] == ["Anna", "Vera"]
    totals = report.totals
    assert (totals.shifts, totals.minutes, totals.late_arrivals, totals.no_shows) == (
        4,
        1573,
        1,
        1,
    )
    assert (totals.cost, totals.fines, totals.bonuses) == (None, None, None)
    assert all(d.cost is None for d in report.days)
    assert all((e.cost, e.fines, e.bonuses) == (None, None, None) for e in report.employees)
    assert all(o.cost is None for o in report.objects)


async def test_manager_with_view_money_sees_costs_of_their_objects(session_factory, clock) -> None:
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
        manager = await add_manager(session, week, ["view", "view_money"])
    async with session_factory() as session:
        actor = await actor_in(session, manager.id, week.organization_id)
        report = await build_report(session, clock, actor, WEEK, ORGANIZATION)
    assert report.show_money
    # Vera's manual bonus belongs to no object: outside a manager's objects.
    assert (report.totals.cost, report.totals.fines, report.totals.bonuses) == (
        D("7865.00"),
        D("320.00"),
        D("100.00"),
    )


async def test_manager_without_view_and_employees_get_no_report(session_factory, clock) -> None:
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
        manager = await add_manager(session, week, ["plan"])
    async with session_factory() as session:
        for user_id in (manager.id, week.anna[0].id):
            actor = await actor_in(session, user_id, week.organization_id)
            with pytest.raises(PermissionDenied):
                await build_report(session, clock, actor, WEEK, ORGANIZATION)
        owner = await actor_in(session, week.owner.id, week.organization_id)
        with pytest.raises(NotFound):
            await build_report(
                session, clock, owner, WEEK, ReportScope(ScopeKind.OBJECT, object_id=999_999)
            )


async def test_employee_sees_own_stats_and_upcoming_shifts(session_factory, clock) -> None:
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
    async with session_factory() as session:
        actor = await actor_in(session, week.anna[0].id, week.organization_id)
        stats = await build_my_stats(session, clock, actor, WEEK)
    totals = stats.totals
    assert (totals.shifts, totals.minutes, totals.cost) == (2, 943, D("4715.00"))
    assert (totals.late_arrivals, totals.late_minutes, totals.no_shows) == (1, 17, 1)
    assert (totals.tasks_done, totals.tasks_total) == (1, 3)
    assert (totals.fines, totals.bonuses) == (D("320.00"), D("100.00"))
    assert [(u.starts_at, u.object_name) for u in stats.upcoming] == [
        (local(NEXT_TUE, 9, 0), "Мира")
    ]


async def test_statement_count_does_not_depend_on_data(session_factory, clock, engine) -> None:
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    async def measure(period: ReportPeriod) -> int:
        statements.clear()
        event.listen(engine.sync_engine, "before_cursor_execute", count)
        try:
            async with session_factory() as session:
                actor = await actor_in(session, week.owner.id, week.organization_id)
                await build_report(session, clock, actor, period, ORGANIZATION)
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", count)
        return len(statements)

    empty = await measure(ReportPeriod(PeriodKind.CUSTOM, date(2025, 1, 6), date(2025, 1, 12)))
    full = await measure(WEEK)
    assert full <= 13  # with the sales to set labor against (and two more when there are)
    assert full - empty <= 2  # the ledger and the names: only when there are employees
