"""Bench (prints figures, asserts nothing): payroll on a synthetic month.

A seeded organization (`tests/support/synthetic.py`) in a fresh PostgreSQL database:
recording the ledger for every shift, reading everyone's payslips, closing the period
(payslips written in SQL) and the Excel export. Each step prints its time and the
number of SQL statements executed (a `before_cursor_execute` counter); a small and the
full organization are measured so that one sees what grows with the employees. While
the Excel export runs, a 10 ms ticker on the same event loop records the longest stall
that another user of the process would feel; the same ticker over an idle second shows
what the machine alone adds (`loop_idle_max_block_ms`). Anchor, in the same run: the
bare time xlsxwriter (constant memory, `write_row`, no formats) takes to write the same
rows as the export (the summary, every entry on the detail sheet and again on its
object's sheet), `anchor_xlsxwriter_s`. As the bot does after start-up, the objects
built so far are kept out of the garbage collector's rounds before the steps run.

    .venv/bin/python -m tests.bench.bench_payroll [--employees 1000 --objects 50 --shifts 30000]
    [--json]   (last line: {"export_rows", "export_s", "loop_max_block_ms",
                "anchor_xlsxwriter_s", "export_to_anchor", "loop_idle_max_block_ms", ...})
"""

import argparse
import asyncio
import io
import json
import os
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, func, select, text

from services.payroll.closing import close_pay_period
from services.payroll.export import export_period_workbook
from services.payroll.ledger import record_missing_entries
from services.payroll.payslips import payslip, period_payslips
from services.payroll.periods import period_for_date
from services.platform.clock import ManualClock
from services.platform.db.models import LedgerEntry, User, WorkObject
from services.platform.db.session import create_engine, create_session_factory
from services.platform.i18n import translator_for
from services.platform.startup import spare_startup_objects_from_gc
from tests.support import services as real
from tests.support.synthetic import SyntheticSpec, generate_organization

# After the synthetic month (March 2026) and its pay day.
AFTER_PAY_DAY = ManualClock(datetime(2026, 4, 5, 9, 0, tzinfo=UTC))


class StatementCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_: Any) -> None:
        self.count += 1


class LoopStallMeter:
    """Ticks every 10 ms on the event loop; the longest gap beyond the 10 ms is how long
    the loop was blocked."""

    TICK = 0.01

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(self.TICK)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last - self.TICK)
            last = now

    def __enter__(self) -> "LoopStallMeter":
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *_: Any) -> None:
        assert self._task is not None
        self._task.cancel()


async def measure(
    label: str, counter: StatementCounter, step: Callable[[], Awaitable[str]]
) -> float:
    counter.count = 0
    started = time.perf_counter()
    detail = await step()
    seconds = time.perf_counter() - started
    print(f"  {label:<36} {seconds:8.3f} s  {counter.count:>8} statements  {detail}")
    return seconds


async def rows_of_export(
    sessions: Any, period_id: int
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The anchor's rows: one per employee (name and seven figures) and one per entry
    (the detail columns), read plainly."""
    async with sessions() as session:
        entries = (
            await session.execute(
                select(
                    LedgerEntry.work_date,
                    User.first_name,
                    LedgerEntry.type,
                    func.coalesce(WorkObject.name, ""),
                    LedgerEntry.minutes,
                    LedgerEntry.hourly_rate,
                    LedgerEntry.amount,
                    LedgerEntry.reason,
                    LedgerEntry.late_for_closed_period,
                )
                .join(User, User.id == LedgerEntry.user_id)
                .outerjoin(WorkObject, WorkObject.id == LedgerEntry.object_id)
                .where(LedgerEntry.pay_period_id == period_id)
            )
        ).all()
    rows = [tuple(row) for row in entries]
    by_employee: dict[str, list[Any]] = defaultdict(lambda: [0] * 7)
    for row in rows:
        by_employee[row[1]][0] += row[4] or 0
    summary = [(name, *figures) for name, figures in by_employee.items()]
    return summary, rows


def bare_xlsxwriter_seconds(
    summary: list[tuple[Any, ...]], entries: list[tuple[Any, ...]]
) -> float:
    """How long plain xlsxwriter takes to write the rows the export writes: the summary,
    every entry on the detail sheet, and again on its object's sheet."""
    from xlsxwriter import Workbook

    by_object: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for entry in entries:
        if entry[3]:
            by_object[entry[3]].append(entry)
    started = time.perf_counter()
    workbook = Workbook(io.BytesIO(), {"constant_memory": True})
    for title, rows in [("summary", summary), ("detail", entries), *by_object.items()]:
        worksheet = workbook.add_worksheet(title[:31])
        for number, row in enumerate(rows):
            worksheet.write_row(number, 0, row)
    workbook.close()
    return time.perf_counter() - started


async def bench(spec: SyntheticSpec) -> dict[str, Any]:
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
        spare_startup_objects_from_gc()
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
                    session, user_id=owner, period_id=period.id, translator=russian
                )
                rows = await session.scalar(
                    select(func.count(LedgerEntry.id)).where(LedgerEntry.pay_period_id == period.id)
                )
            figures["export_rows"] = rows
            return f"{name}, {rows} rows, {len(content) / 1024:.0f} KiB"

        figures: dict[str, Any] = {"employees": spec.employees, "shifts": spec.shifts}
        russian = translator_for("ru")

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
        # The owner's catalogue is loaded by the updates that lead to the export.
        russian.get("payroll-xlsx-total")
        with LoopStallMeter() as stalls:
            figures["export_s"] = round(await measure("Excel export", counter, export), 3)
        figures["loop_max_block_ms"] = round(stalls.longest * 1000, 1)
        print(f"  {'longest event-loop stall in export':<36} {figures['loop_max_block_ms']} ms")
        with LoopStallMeter() as idle:
            await asyncio.sleep(1)
        figures["loop_idle_max_block_ms"] = round(idle.longest * 1000, 1)
        print(
            f"  {'longest stall of an idle loop (1 s)':<36} {figures['loop_idle_max_block_ms']} ms"
        )
        summary, entries = await rows_of_export(sessions, period.id)
        figures["anchor_xlsxwriter_s"] = round(bare_xlsxwriter_seconds(summary, entries), 3)
        figures["export_to_anchor"] = round(figures["export_s"] / figures["anchor_xlsxwriter_s"], 3)
        print(
            f"  {'anchor: bare xlsxwriter, same rows':<36} {figures['anchor_xlsxwriter_s']:8.3f} s"
            f"  (export/anchor {figures['export_to_anchor']})"
        )
        figures["load_avg_1m"] = round(os.getloadavg()[0], 2)
        return figures
    finally:
        await engine.dispose()
        await real.drop_test_database(url)


async def main(objects: int, employees: int, shifts: int, as_json: bool) -> None:
    small = SyntheticSpec(
        objects=max(1, objects // 10),
        employees=max(1, employees // 10),
        shifts=max(1, shifts // 10),
    )
    for spec in (small, SyntheticSpec(objects=objects, employees=employees, shifts=shifts)):
        figures = await bench(spec)
        print()
    if as_json:
        print(json.dumps(figures))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--objects", type=int, default=50)
    parser.add_argument("--employees", type=int, default=1_000)
    parser.add_argument("--shifts", type=int, default=30_000)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.objects, arguments.employees, arguments.shifts, arguments.json))
