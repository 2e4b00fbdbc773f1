"""What every scheduler tick reads is found through an index on its time bound, not by
filtering every planned shift ever made (history grows without end), and "on shift now"
reads only the object's open shifts. The statements are the ones the real jobs send
(recorded); their plans are asked of PostgreSQL with sequential scans priced out, so
that the answer does not depend on how few rows a test has. `tests/bench/bench_job_scans`
shows the same plans on 50,000 planned shifts."""

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, time
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from services.attendance.jobs import not_clocked_in_job
from services.attendance.queries import on_shift_now
from services.notify.reminders import enqueue_shift_reminders
from services.platform.config import Settings
from services.platform.db.session import SessionFactory
from services.platform.scheduler import JobContext
from tests.support.payroll import add_object, add_person, add_planned, local, make_payroll_world

DAY = date(2026, 3, 3)


@contextmanager
def recorded_selects(engine: AsyncEngine, table: str) -> Iterator[list[tuple[str, Any]]]:
    """The SELECTs reading `table` sent to the database meanwhile, with their parameters."""
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().startswith("SELECT") and f"FROM {table}" in statement:
            statements.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def plan_of(engine: AsyncEngine, statement: str, parameters: Any) -> str:
    async with engine.connect() as connection:
        await connection.exec_driver_sql("SET enable_seqscan = off")
        plan = await connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)
        await connection.rollback()
    return "\n".join(row[0] for row in plan)


def index_conditions_on(plan: str, table: str) -> list[str]:
    """The index conditions of the plan's scans of `table`."""
    lines = plan.splitlines()
    conditions = []
    for number, line in enumerate(lines):
        if f" on {table}" in line and "Index" in line:
            scan_depth = len(line) - len(line.lstrip())
            for detail in lines[number + 1 :]:
                if len(detail) - len(detail.lstrip()) <= scan_depth:
                    break
                if "Index Cond" in detail:
                    conditions.append(detail.strip())
    return conditions


@pytest.fixture
async def cafe_with_planned_shifts(session_factory: SessionFactory) -> tuple[int, int]:
    """Planned shifts on three days at one object; returns (owner id, object id)."""
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session)
        cafe = await add_object(session, world, "Кофейня")
        anna = await add_person(session, world, "Anna", [cafe])
        for day in (2, 3, 4):
            moment = date(2026, 3, day)
            await add_planned(session, anna, cafe, local(moment, 9, 0), local(moment, 17, 0))
        return world.owner.id, cafe.id


JobRun = Callable[[JobContext], Awaitable[int]]


@pytest.mark.parametrize(
    ("job", "moment", "time_column"),
    [
        (enqueue_shift_reminders, time(8, 0), "starts_at"),
        (not_clocked_in_job, time(9, 30), "ends_at"),
    ],
    ids=["reminders", "not-clocked-in"],
)
async def test_a_ticks_scan_of_planned_shifts_is_bounded_by_an_index_on_its_time(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    settings: Settings,
    cafe_with_planned_shifts: tuple[int, int],
    job: JobRun,
    moment: time,
    time_column: str,
) -> None:
    now = local(DAY, moment.hour, moment.minute).astimezone(UTC)
    with recorded_selects(engine, "planned_shifts") as statements:
        async with session_factory() as session:
            await job(JobContext(session, now, settings))
            await session.rollback()

    (statement, parameters) = statements[0]
    conditions = index_conditions_on(await plan_of(engine, statement, parameters), "planned_shifts")
    assert any(time_column in condition for condition in conditions), conditions


async def test_on_shift_now_reads_only_the_objects_open_shifts(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    cafe_with_planned_shifts: tuple[int, int],
) -> None:
    owner_id, object_id = cafe_with_planned_shifts
    with recorded_selects(engine, "shifts") as statements:
        async with session_factory() as session:
            await on_shift_now(session, owner_id, object_id)

    (statement, parameters) = statements[0]
    plan = await plan_of(engine, statement, parameters)
    assert "Index Scan using ix_shifts_open_by_object on shifts" in plan, plan
