"""Bench (prints figures, asserts nothing): reports on a synthetic month.

A seeded organization (`tests/support/synthetic.py`) in a fresh PostgreSQL database, its
payroll ledger recorded, then: the month report for the organization, one object and one
employee, an employee's own statistics, the Excel export and the two charts. Each step
prints its best and median time over a few runs and the number of SQL statements one
run executes (a `before_cursor_execute` counter). A small and the full organization are
measured so that one sees what grows with the data: the statement count must not.

    .venv/bin/python -m tests.bench.bench_reports [--employees 1000 --objects 50 --shifts 30000]
"""

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from services.payroll.ledger import record_missing_entries
from services.platform.clock import ManualClock
from services.platform.db.session import create_engine, create_session_factory
from services.platform.i18n import translator_for
from services.reports import charts
from services.reports.export import report_workbook
from services.reports.figures import build_my_stats, build_report
from services.reports.periods import PeriodKind, period_of
from services.reports.scope import ReportScope, ScopeKind
from services.staff.memberships import organization_today
from services.staff.permissions import actor_in
from tests.support import services as real
from tests.support.synthetic import SyntheticSpec, generate_organization

# Early April 2026: March, the synthetic month, is "last month".
CLOCK = ManualClock(datetime(2026, 4, 5, 9, 0, tzinfo=UTC))
RUNS = 5


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_: Any) -> None:
        self.count += 1


async def measure(
    label: str, counter: StatementCounter, step: Callable[[], Awaitable[str]]
) -> None:
    timings = []
    statements = 0
    detail = ""
    for _ in range(RUNS):
        counter.count = 0
        started = time.perf_counter()
        detail = await step()
        timings.append(time.perf_counter() - started)
        statements = counter.count
    print(
        f"  {label:<34} best {min(timings) * 1000:7.1f} ms  median "
        f"{statistics.median(timings) * 1000:7.1f} ms  {statements:>3} statements  {detail}"
    )


async def analyze(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(text("ANALYZE"))
        await connection.commit()


async def bench(spec: SyntheticSpec) -> None:
    url = await real.create_test_database()
    engine = create_engine(url)
    counter = StatementCounter()
    event.listen(engine.sync_engine, "before_cursor_execute", counter)
    sessions = create_session_factory(engine)
    translator = translator_for("ru")
    try:
        started = time.perf_counter()
        async with sessions() as session, session.begin():
            organization = await generate_organization(session, spec)
        # As autovacuum would after a bulk load: the planner needs row counts.
        await analyze(engine)
        written = 0
        while True:
            async with sessions() as session, session.begin():
                batch = await record_missing_entries(session)
            if batch == 0:
                break
            written += batch
        await analyze(engine)
        print(
            f"{spec.objects} objects, {spec.employees} employees, {organization.shift_count} "
            f"shifts, {organization.task_count} tasks, {written} ledger entries (prepared in "
            f"{time.perf_counter() - started:.1f} s)"
        )
        async with sessions() as session:
            owner = await actor_in(
                session, organization.owner_user_id, organization.organization_id
            )
            employee = await actor_in(
                session, organization.employee_user_ids[0], organization.organization_id
            )
            today = await organization_today(session, CLOCK, owner.organization_id)
        month = period_of(PeriodKind.LAST_MONTH, today)

        def report_step(scope: ReportScope) -> Callable[[], Awaitable[str]]:
            async def step() -> str:
                async with sessions() as session:
                    report = await build_report(session, CLOCK, owner, month, scope)
                return (
                    f"{report.totals.shifts} shifts, {len(report.employees)} employees, "
                    f"cost {report.totals.cost}"
                )

            return step

        async def my_stats() -> str:
            async with sessions() as session:
                stats = await build_my_stats(session, CLOCK, employee, month)
            return f"{stats.totals.shifts} shifts, earned {stats.totals.cost}"

        async def excel() -> str:
            async with sessions() as session:
                report = await build_report(session, CLOCK, owner, month, ReportScope())
            _, content = report_workbook(report, translator)
            return f"{len(content) // 1024} KiB"

        async def chart_pictures() -> str:
            async with sessions() as session:
                report = await build_report(session, CLOCK, owner, month, ReportScope())
            hours = charts.hours_and_cost_chart(report, translator)
            lateness = charts.lateness_chart(report, translator) or b""
            return f"{len(hours) // 1024} + {len(lateness) // 1024} KiB PNG"

        await measure("month report, organization", counter, report_step(ReportScope()))
        await measure(
            "month report, one object",
            counter,
            report_step(ReportScope(ScopeKind.OBJECT, object_id=organization.object_ids[0])),
        )
        await measure(
            "month report, one employee",
            counter,
            report_step(
                ReportScope(ScopeKind.EMPLOYEE, employee_user_id=organization.employee_user_ids[0])
            ),
        )
        await measure("my stats (employee)", counter, my_stats)
        await measure("report + Excel export", counter, excel)
        await measure("report + two charts", counter, chart_pictures)
    finally:
        await engine.dispose()
        await real.drop_test_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=1_000)
    parser.add_argument("--objects", type=int, default=50)
    parser.add_argument("--shifts", type=int, default=30_000)
    args = parser.parse_args()
    small = SyntheticSpec(seed=11, objects=5, employees=50, shifts=1_500)
    full = SyntheticSpec(
        seed=12, objects=args.objects, employees=args.employees, shifts=args.shifts
    )
    for spec in (small, full):
        asyncio.run(bench(spec))


if __name__ == "__main__":
    main()
