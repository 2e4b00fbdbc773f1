"""Scheduled work: one tick every 30 s runs every registered job, on one leader only.

Leadership: on PostgreSQL the tick holds a transaction-level advisory lock
(`pg_try_advisory_xact_lock`); a second worker that ticks at the same time skips its
tick. On SQLite (the embedded default, one process) a process-local lock does the same.
Jobs must be idempotent all the same (dedup keys on what they write): two ticks one
after the other, or a tick repeated after a crash, must not double anything.

The scheduler knows no domain: each domain declares its jobs in its own `jobs.py`
(`JOBS = [ScheduledJob("name", my_job)]`, where `async def my_job(context: JobContext)
-> int` returns how many things it did) and `services/jobs.py` lists them for the
worker. Daily jobs key what they write by the local date
(`services.platform.local_time.local_today`), as the daily summary does.
"""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import structlog
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from services.platform.clock import Clock
from services.platform.config import Settings
from services.platform.db.session import SessionFactory, is_postgres
from services.platform.observability.metrics import SCHEDULER_JOB_LAST_SUCCESS, SCHEDULER_JOB_RUNS

# Any constant shared by every worker of one database: advisory locks are per database.
SCHEDULER_LOCK_KEY = 0x5354_4146_4650_5242  # "STAFFPRB"
_local_leader = asyncio.Lock()

log = structlog.get_logger("scheduler")


@dataclass(frozen=True)
class JobContext:
    session: AsyncSession
    now: datetime
    settings: Settings


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    run: Callable[[JobContext], Awaitable[int]]


class Scheduler:
    def __init__(
        self,
        *,
        engine: AsyncEngine,
        session_factory: SessionFactory,
        clock: Clock,
        settings: Settings,
        jobs: Sequence[ScheduledJob],
    ) -> None:
        self._engine = engine
        self._session_factory = session_factory
        self._clock = clock
        self._settings = settings
        self._jobs = jobs

    async def tick(self) -> dict[str, int] | None:
        """Run every job once if this instance leads; None when another one does."""
        if is_postgres(self._engine):
            async with self._engine.connect() as connection, connection.begin():
                leads = await connection.scalar(
                    text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": SCHEDULER_LOCK_KEY}
                )
                if not leads:
                    return None
                return await self._run_jobs()
        if _local_leader.locked():
            return None
        async with _local_leader:
            return await self._run_jobs()

    async def _run_jobs(self) -> dict[str, int]:
        now = self._clock.now()
        done: dict[str, int] = {}
        for job in self._jobs:
            try:
                async with self._session_factory() as session, session.begin():
                    done[job.name] = await job.run(JobContext(session, now, self._settings))
            except Exception:  # one failing job must not stop the others
                log.exception("scheduler.job_failed", job=job.name)
                SCHEDULER_JOB_RUNS.labels(job.name, "failed").inc()
                continue
            SCHEDULER_JOB_RUNS.labels(job.name, "ok").inc()
            SCHEDULER_JOB_LAST_SUCCESS.labels(job.name).set(now.timestamp())
        return done

    async def run(self, stop: asyncio.Event) -> None:
        interval = self._settings.notifier.scheduler_interval_seconds
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:  # the database is away: the next tick tries again
                log.exception("scheduler.tick_failed")
            try:
                await asyncio.wait_for(stop.wait(), interval)
            except TimeoutError:
                continue
