"""Scheduled work: every 30 s a tick starts every registered job, each on one worker only.

Each job runs in a task of its own with its own timeout (`ScheduledJob.timeout_seconds`),
so a slow or hung job (an outside API that does not answer) delays no other job and no
later tick. A job still running when the next tick comes is skipped on that tick, not
started twice. Runs are counted by outcome (`ok`, `failed`, `timed_out`, `overlap` for a
run skipped because the previous one is still going).

Leadership is per job: on PostgreSQL a job runs while its transaction-level advisory lock
(`pg_try_advisory_xact_lock`, keyed by the job's name) is held on a connection of its
own, so a second worker that ticks at the same time skips that job; the lock goes with
the connection whatever happens to the job. On SQLite (the embedded default, one
process) a process-local set does the same. Jobs must be idempotent all the same (dedup
keys on what they write): two ticks one after the other, or a tick repeated after a
crash, must not double anything.

A job gets a session of its own; what it wrote is committed when it returns. A job that
calls an outside service commits before each call, so that no row (and on SQLite no
database) stays locked while the network answers.

The scheduler knows no domain: each domain declares its jobs in its own `jobs.py`
(`JOBS = [ScheduledJob("name", my_job)]`, where `async def my_job(context: JobContext)
-> int` returns how many things it did) and `services/jobs.py` lists them for the
worker. Daily jobs key what they write by the local date
(`services.platform.local_time.local_today`), as the daily summary does.
"""

import asyncio
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
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
# The two-key form of the lock takes it and the job's name (hashed to 32 bits).
SCHEDULER_LOCK_KEY = 0x5354_4146  # "STAF"
DEFAULT_JOB_TIMEOUT_SECONDS = 120.0
# How long a stopping worker lets the jobs running finish before cancelling them.
SHUTDOWN_GRACE_SECONDS = 5.0
# Jobs running in this process (SQLite: the only process).
_running_here: set[str] = set()

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
    timeout_seconds: float = DEFAULT_JOB_TIMEOUT_SECONDS


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
        self._running: dict[str, asyncio.Task[int | None]] = {}

    async def tick(self) -> dict[str, int]:
        """Start every job not still running from an earlier tick, each in its own task,
        and wait for them (each at most its timeout). Returns what each job that ran here
        did; a job another worker leads, or one that failed, is left out."""
        now = self._clock.now()
        started: dict[str, asyncio.Task[int | None]] = {}
        for job in self._jobs:
            if job.name in self._running:
                log.warning("scheduler.job_still_running", job=job.name)
                SCHEDULER_JOB_RUNS.labels(job.name, "overlap").inc()
                continue
            task = asyncio.create_task(self._run(job, now), name=job.name)
            self._running[job.name] = started[job.name] = task
            task.add_done_callback(self._finished)
        results = await asyncio.gather(*started.values())
        return {name: done for name, done in zip(started, results, strict=True) if done is not None}

    def _finished(self, task: asyncio.Task[int | None]) -> None:
        self._running.pop(task.get_name(), None)

    async def _run(self, job: ScheduledJob, now: datetime) -> int | None:
        """One run of one job: None when another worker leads it, it failed or timed out
        (logged and counted; the next tick tries again)."""
        try:
            async with asyncio.timeout(job.timeout_seconds), self._leading(job) as leads:
                if not leads:
                    return None
                async with self._session_factory() as session:
                    done = await job.run(JobContext(session, now, self._settings))
                    await session.commit()
        except TimeoutError:
            log.error("scheduler.job_timed_out", job=job.name, seconds=job.timeout_seconds)
            SCHEDULER_JOB_RUNS.labels(job.name, "timed_out").inc()
            return None
        except Exception:  # one failing job must not stop the others
            log.exception("scheduler.job_failed", job=job.name)
            SCHEDULER_JOB_RUNS.labels(job.name, "failed").inc()
            return None
        SCHEDULER_JOB_RUNS.labels(job.name, "ok").inc()
        SCHEDULER_JOB_LAST_SUCCESS.labels(job.name).set(now.timestamp())
        return done

    @asynccontextmanager
    async def _leading(self, job: ScheduledJob) -> AsyncIterator[bool]:
        """Whether this worker runs `job` now; the lock is held until the block ends."""
        if is_postgres(self._engine):
            async with self._engine.connect() as connection, connection.begin():
                leads = await connection.scalar(
                    text("SELECT pg_try_advisory_xact_lock(:scheduler, :job)"),
                    {"scheduler": SCHEDULER_LOCK_KEY, "job": _job_key(job.name)},
                )
                yield bool(leads)
            return
        if job.name in _running_here:
            yield False
            return
        _running_here.add(job.name)
        try:
            yield True
        finally:
            _running_here.discard(job.name)

    async def run(self, stop: asyncio.Event) -> None:
        """Tick every interval until `stop` is set, whatever the jobs of earlier ticks are
        still doing. Then the jobs running get `SHUTDOWN_GRACE_SECONDS` to finish; those
        still running are cancelled (their transaction is rolled back; being idempotent,
        they are done again at a later tick)."""
        interval = self._settings.notifier.scheduler_interval_seconds
        ticks: set[asyncio.Task[dict[str, int]]] = set()
        while not stop.is_set():
            tick = asyncio.create_task(self.tick())
            ticks.add(tick)
            tick.add_done_callback(ticks.discard)
            try:
                await asyncio.wait_for(stop.wait(), interval)
            except TimeoutError:
                continue
        if ticks:
            _, unfinished = await asyncio.wait(ticks, timeout=SHUTDOWN_GRACE_SECONDS)
            for tick in unfinished:
                tick.cancel()
            await asyncio.gather(*unfinished, return_exceptions=True)


def _job_key(name: str) -> int:
    """The job's name as a signed 32-bit lock key."""
    return zlib.crc32(name.encode()) - 2**31
