"""The Redis connection of a process: a pool that waits for a free connection under a
burst instead of failing (redis-py's default pool raises past its maximum), and that
reconnects and retries a command when the server drops a connection.

Also the one kind of lock every process takes in Redis: a short lease, renewed while its
holder works. A holder that crashes blocks the others for one lease at most; a live one
keeps it however long it works; and a lease lost meanwhile (Redis restarted empty, the
event loop stalled past the lease) is logged, never raised, once the work is done."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import structlog
from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import LockError, RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from services.platform.config import Settings

log = structlog.get_logger("redis")

LEASE_SECONDS = 10.0
# How often a waiting process asks again for a held lease.
LEASE_POLL_SECONDS = 0.05


def create_redis(settings: Settings) -> Redis | None:
    if not settings.redis_url:
        return None
    pool = BlockingConnectionPool.from_url(
        settings.redis_url,
        max_connections=settings.redis_max_connections,
        timeout=settings.redis_pool_timeout_seconds,
        retry=Retry(ExponentialBackoff(cap=2.0, base=0.05), retries=5),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
        health_check_interval=30,
    )
    return Redis(connection_pool=pool)


class LeaseWaitExpired(Exception):
    """Another holder kept the lease for longer than the caller would wait."""


@asynccontextmanager
async def renewed(
    renew: Callable[[], Awaitable[bool]], lease_seconds: float, name: str
) -> AsyncIterator[None]:
    """Runs `renew` (False: the lease is not ours any more) every third of the lease
    while the body runs. Redis being unreachable is retried at the next renewal.

    A timer, not a task, waits for each renewal: most bodies end long before the first
    one, and a task per lease cost every update two tasks and a timeout."""
    renewal = _Renewal(renew, lease_seconds / 3, name)
    renewal.schedule()
    try:
        yield
    finally:
        await renewal.stop()


class _Renewal:
    def __init__(self, renew: Callable[[], Awaitable[bool]], every: float, name: str) -> None:
        self.renew = renew
        self.every = every
        self.name = name
        self.stopped = False
        self.timer: asyncio.TimerHandle | None = None
        self.running: asyncio.Task[None] | None = None

    def schedule(self) -> None:
        loop = asyncio.get_running_loop()
        self.timer = loop.call_later(self.every, self._start)

    def _start(self) -> None:
        self.running = asyncio.get_running_loop().create_task(self._renew_once())

    async def _renew_once(self) -> None:
        try:
            if not await self.renew():
                raise LockError("the lease is held by someone else")
        except LockError:
            if not self.stopped:
                log.warning("redis.lease_lost", lease=self.name)
            return
        except RedisError as error:
            log.warning("redis.lease_not_renewed", lease=self.name, error=repr(error))
        if not self.stopped:
            self.schedule()

    async def stop(self) -> None:
        """No renewal after this; one under way is awaited, never cancelled: a Redis
        command cancelled half-way can leave the connection pool stuck (seen under a
        burst of updates)."""
        self.stopped = True
        if self.timer is not None:
            self.timer.cancel()
        if self.running is not None:
            await self.running


@asynccontextmanager
async def leased(
    redis: Redis,
    name: str,
    *,
    wait_seconds: float | None = None,
    lease_seconds: float = LEASE_SECONDS,
) -> AsyncIterator[None]:
    """Holds the lock `name` while the body runs, waiting for it at most `wait_seconds`
    (`LeaseWaitExpired` past that; None: as long as it takes)."""
    lock = redis.lock(
        name, timeout=lease_seconds, sleep=LEASE_POLL_SECONDS, blocking_timeout=wait_seconds
    )
    if not await lock.acquire():
        raise LeaseWaitExpired(name)
    try:
        async with renewed(lock.reacquire, lease_seconds, name):
            yield
    finally:
        try:
            await lock.release()
        except RedisError as error:  # lost or unreachable: it lapses with its lease
            log.warning("redis.lease_not_released", lease=name, error=repr(error))
