"""Start-up waits for the dependencies a process needs (PostgreSQL, Redis, RabbitMQ).

In a compose stack the services come up in any order and restart independently: a
process retries each dependency with exponential backoff, logs one line per failed
attempt naming what it waits for, and gives up (exits with the error) after a deadline,
so the orchestrator restarts it instead of it hanging unnoticed.
"""

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import structlog
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from services.platform.db.session import ping

log = structlog.get_logger("startup")

FIRST_RETRY_SECONDS = 0.5
LONGEST_RETRY_SECONDS = 10.0
# Connection failures as the drivers raise them (not all derive from OSError).
UNAVAILABLE = (
    OSError,
    TimeoutError,
    DBAPIError,
    RedisConnectionError,
    RedisTimeoutError,
)

T = TypeVar("T")


async def wait_for(
    dependency: str,
    attempt: Callable[[], Awaitable[T]],
    *,
    deadline_seconds: float,
    also_unavailable: tuple[type[Exception], ...] = (),
) -> T:
    """Calls `attempt` until it succeeds and returns its result; between failures waits
    0.5 s, 1 s, 2 s … (at most 10 s). Re-raises the last error after `deadline_seconds`.
    `also_unavailable`: the connection failures of a driver that only its caller loads
    (RabbitMQ's)."""
    give_up_at = time.monotonic() + deadline_seconds
    delay = FIRST_RETRY_SECONDS
    tries = 1
    while True:
        try:
            result = await attempt()
        except (*UNAVAILABLE, *also_unavailable) as error:
            remaining = give_up_at - time.monotonic()
            if remaining <= 0:
                log.error(
                    "startup.dependency_unavailable",
                    dependency=dependency,
                    attempts=tries,
                    error=_describe(error),
                )
                raise
            pause = min(delay, remaining)
            log.warning(
                "startup.waiting_for_dependency",
                dependency=dependency,
                attempt=tries,
                retry_in_seconds=round(pause, 2),
                error=_describe(error),
            )
            await asyncio.sleep(pause)
            delay = min(delay * 2, LONGEST_RETRY_SECONDS)
            tries += 1
            continue
        if tries > 1:
            log.info("startup.dependency_ready", dependency=dependency, attempts=tries)
        return result


def _describe(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}"[:300]


# Allocations between two collections of the youngest generation (Python's default 700):
# an update allocates thousands of short-lived objects (pydantic models, ORM rows), and
# collecting every 700 of them cost ~8% of the CPU of an update.
YOUNG_GENERATION_THRESHOLD = 20_000


def spare_startup_objects_from_gc() -> None:
    """Call once a process has started. What it built (modules, the Dispatcher's ~1,700
    handlers, models) lives until the end: kept out of the garbage collector's rounds, it
    costs nothing at each round nor at exit, which took seconds on a busy machine. The
    garbage of the start is collected first, so that none of it is kept. The collector
    runs from here on (the entry points stop it while they start)."""
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, older, oldest)
    gc.enable()


async def wait_for_database_and_redis(
    engine: AsyncEngine, redis: Redis | None, *, deadline_seconds: float
) -> None:
    """The two stores every process needs; Redis only when one is configured."""
    await wait_for("database", lambda: ping(engine), deadline_seconds=deadline_seconds)
    if redis is not None:
        await wait_for("redis", redis.ping, deadline_seconds=deadline_seconds)
