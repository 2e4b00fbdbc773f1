"""Bench (prints plans, asserts nothing): the queries every scheduler tick and "on shift
now" run, on a PostgreSQL database of realistic size.

A seeded organization (`tests/support/synthetic.py`: 50 objects, 1,000 employees, 30,000
finished shifts) gets 50,000 planned shifts (40 days of history and 10 ahead, as a
planning history grows), 200 open shifts and 2,500 slots. Then one scheduler tick runs
every job (`services/jobs.py`) and "on shift now" is asked for one object, with every
SELECT recorded (`before_cursor_execute`); each distinct one is run again under
`EXPLAIN ANALYZE`, and its scans and execution time are printed.

    .venv/bin/python -m tests.bench.bench_job_scans [--planned 50000]
"""

import argparse
import asyncio
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import event, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from services.attendance.queries import on_shift_now
from services.jobs import SCHEDULED_JOBS
from services.platform.clock import ManualClock
from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    PlannedShift,
    Shift,
    ShiftStatus,
    TimeSlot,
)
from services.platform.db.session import create_engine, create_session_factory
from services.platform.scheduler import Scheduler
from tests.conftest import make_settings
from tests.support import services as real
from tests.support.synthetic import TIMEZONE, SyntheticSpec, generate_organization

NOW = datetime(2026, 4, 10, 7, 30, tzinfo=UTC)  # 10:30 in Moscow
HISTORY_DAYS = 40
OPEN_SHIFTS = 200
# A statement this slow is printed with its whole plan, others with their scans only.
SLOW_MS = 5.0
SHOWN_SQL_CHARS = 400


async def seed(engine: AsyncEngine, planned: int) -> tuple[int, int]:
    """The synthetic organization plus planning; returns (owner user id, an object id)."""
    zone = ZoneInfo(TIMEZONE)
    session_factory = create_session_factory(engine)
    async with session_factory() as session, session.begin():
        organization = await generate_organization(session, SyntheticSpec())
        homes = (
            await session.execute(
                select(Membership.id, Membership.user_id, MembershipObject.object_id)
                .join(MembershipObject, MembershipObject.membership_id == Membership.id)
                .where(
                    Membership.organization_id == organization.organization_id,
                    Membership.role == MembershipRole.EMPLOYEE,
                )
                .order_by(Membership.id)
            )
        ).all()
        first_day = NOW.date() - timedelta(days=HISTORY_DAYS)
        days = -(-planned // len(homes))
        slots: dict[tuple[int, date], int] = {}
        for object_id in organization.object_ids:
            for offset in range(days):
                day = first_day + timedelta(days=offset)
                starts_at = datetime.combine(day, time(9), zone)
                [slot_id] = (
                    await session.execute(
                        insert(TimeSlot).returning(TimeSlot.id),
                        [
                            {
                                "object_id": object_id,
                                "local_date": day,
                                "start_time": time(9),
                                "end_time": time(17),
                                "starts_at": starts_at,
                                "ends_at": starts_at + timedelta(hours=8),
                                "max_employees": 100,
                            }
                        ],
                    )
                ).scalars()
                slots[(object_id, day)] = slot_id
        rows: list[dict[str, Any]] = []
        for number in range(planned):
            membership_id, user_id, object_id = homes[number % len(homes)]
            day = first_day + timedelta(days=number // len(homes))
            starts_at = datetime.combine(day, time(9), zone)
            rows.append(
                {
                    "slot_id": slots[(object_id, day)],
                    "object_id": object_id,
                    "membership_id": membership_id,
                    "user_id": user_id,
                    "starts_at": starts_at,
                    "ends_at": starts_at + timedelta(hours=8),
                }
            )
        for start in range(0, len(rows), 5_000):
            await session.execute(insert(PlannedShift), rows[start : start + 5_000])
        await session.execute(
            insert(Shift),
            [
                {
                    "organization_id": organization.organization_id,
                    "user_id": user_id,
                    "membership_id": membership_id,
                    "object_id": object_id,
                    "opened_at": NOW - timedelta(hours=1),
                    "paid_from": NOW - timedelta(hours=1),
                    "scheduled_end_at": NOW + timedelta(hours=7),
                    "hourly_rate": Decimal("300.00"),
                    "rate_source": "object",
                    "status": ShiftStatus.OPEN,
                }
                for membership_id, user_id, object_id in homes[:OPEN_SHIFTS]
            ],
        )
    async with engine.connect() as connection:
        await connection.execute(text("ANALYZE"))
    return organization.owner_user_id, homes[0][2]


class Recorder:
    """Every distinct SELECT the database is sent, with the parameters of its first run."""

    def __init__(self) -> None:
        self.statements: dict[str, Any] = {}
        self.recording = True

    def __call__(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if self.recording and statement.lstrip().upper().startswith("SELECT"):
            self.statements.setdefault(statement, parameters)


async def explain(engine: AsyncEngine, recorder: Recorder) -> None:
    recorder.recording = False
    async with engine.connect() as connection:
        for statement, parameters in recorder.statements.items():
            plan = await connection.exec_driver_sql(
                f"EXPLAIN (ANALYZE, COSTS OFF) {statement}", parameters
            )
            lines = [row[0] for row in plan]
            milliseconds = float(lines[-1].split()[-2])
            shown = lines if milliseconds >= SLOW_MS else [line for line in lines if "Scan" in line]
            if not shown:
                continue
            print("\n" + " ".join(statement.split())[:SHOWN_SQL_CHARS])
            for line in shown[:-1] if milliseconds >= SLOW_MS else shown:
                print(f"    {line.rstrip()}")
            print(f"    {lines[-1].strip()}")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--planned", type=int, default=50_000)
    arguments = parser.parse_args()
    url = await real.create_test_database()
    engine = create_engine(url)
    try:
        owner_id, object_id = await seed(engine, arguments.planned)
        recorder = Recorder()
        event.listen(engine.sync_engine, "before_cursor_execute", recorder)
        scheduler = Scheduler(
            engine=engine,
            session_factory=create_session_factory(engine),
            clock=ManualClock(NOW),
            settings=make_settings(database_url=url),
            jobs=SCHEDULED_JOBS,
        )
        print(f"jobs: {await scheduler.tick()}")
        async with create_session_factory(engine)() as session:
            print(f"on shift now: {len(await on_shift_now(session, owner_id, object_id))}")
        await explain(engine, recorder)
    finally:
        await engine.dispose()
        await real.drop_test_database(url)


if __name__ == "__main__":
    asyncio.run(main())
