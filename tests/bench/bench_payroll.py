"""Bench (prints figures, asserts nothing): payroll on a synthetic month.

A seeded organization (`tests/support/synthetic.py`) in a fresh PostgreSQL database:
recording the ledger for every shift, reading everyone's payslips, closing the period
(payslips written in SQL) and the Excel export. Each step prints its time and the
number of SQL statements executed (a `before_cursor_execute` counter); a small and the
full organization are measured so that one sees what grows with the employees.

    .venv/bin/python -m tests.bench.bench_payroll [--employees 1000 --objects 50 --shifts 30000]
"""

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, text

from services.payroll.closing import close_pay_period
from services.payroll.export import export_period_workbook
from services.payroll.ledger import record_missing_entries
from services.payroll.payslips import payslip, period_payslips
from services.payroll.periods import period_for_date
from services.platform.clock import ManualClock
from services.platform.db.session import create_engine, create_session_factory
from services.platform.i18n import translator_for
from tests.support import services as real
from tests.support.synthetic import SyntheticSpec, generate_organization

# After the synthetic month (March 2026) and its pay day.
AFTER_PAY_DAY = ManualClock(datetime(2026, 4, 5, 9, 0, tzinfo=UTC))


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_: Any) -> None:
        self.count += 1


async def measure(
    label: str, counter: StatementCounter, step: Callable[[], Awaitable[str]]
) -> None:
    counter.count = 0
    started = time.perf_counter()
    detail = await step()
    seconds = time.perf_counter() - started
    print(f"  {label:<36} {seconds:8.3f} s  {counter.count:>8} statements  {detail}")


async def bench(spec: SyntheticSpec) -> None:
    url = await real.create_test_database()
    engine = create_engine(url)
    counter = StatementCounter()
    event.listen(engine.sync_engine, "before_cursor_execute", counter)
    sessions = create_session_factory(engine)
    try:
        started = time.perf_counter()
        async with sessions() as session, session.begin():
            organization = await generate_organization(session, spec)
        async with engine.connect() as connection:
            await connection.execute(text("ANALYZE"))  # fresh statistics, as autovacuum would
            await connection.commit()
        print(
            f"{spec.objects} objects, {spec.employees} employees, {organization.shift_count} "
            f"shifts, {organization.task_count} tasks (generated in "
            f"{time.perf_counter() - started:.1f} s)"
        )
        owner = organization.owner_user_id
        async with sessions() as session, session.begin():
            period = await period_for_date(session, organization.organization_id, spec.month_start)

        async def record_ledger() -> str:
            written = 0
            while True:
                async with sessions() as session, session.begin():
                    batch = await record_missing_entries(session)
                if batch == 0:
                    return f"{written} entries"
                written += batch

        async def read_payslips() -> str:
            async with sessions() as session:
                rows = await period_payslips(session, user_id=owner, period_id=period.id)
            return f"{len(rows)} payslips, net {sum(r.net for r in rows)}"

        async def close_period() -> str:
            async with sessions() as session, session.begin():
                await close_pay_period(session, AFTER_PAY_DAY, period_id=period.id, user_id=None)
            return "payslips frozen, employees notified"

        async def export() -> str:
            async with sessions() as session:
                name, content = await export_period_workbook(
                    session, user_id=owner, period_id=period.id, translator=translator_for("ru")
                )
            return f"{name}, {len(content) / 1024:.0f} KiB"

        async def one_payslip() -> str:
            async with sessions() as session:
                view = await payslip(
                    session,
                    user_id=owner,
                    period_id=period.id,
                    employee_user_id=organization.employee_user_ids[0],
                )
            return f"{len(view.lines)} lines"

        await measure("record the ledger (all shifts)", counter, record_ledger)
        await measure("everyone's payslips (open period)", counter, read_payslips)
        await measure("close the period + payslips", counter, close_period)
        await measure("everyone's payslips (closed period)", counter, read_payslips)
        await measure("one payslip with its lines", counter, one_payslip)
        await measure("Excel export", counter, export)
    finally:
        await engine.dispose()
        await real.drop_test_database(url)


async def main(objects: int, employees: int, shifts: int) -> None:
    small = SyntheticSpec(
        objects=max(1, objects // 10),
        employees=max(1, employees // 10),
        shifts=max(1, shifts // 10),
    )
    for spec in (small, SyntheticSpec(objects=objects, employees=employees, shifts=shifts)):
        await bench(spec)
        print()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objects", type=int, default=50)
    parser.add_argument("--employees", type=int, default=1_000)
    parser.add_argument("--shifts", type=int, default=30_000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.objects, arguments.employees, arguments.shifts))
