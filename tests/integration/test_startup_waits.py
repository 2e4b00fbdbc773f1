"""Start-up waits give up: a dependency that never comes is reported by name after the
deadline, with the driver's own error, instead of the process hanging."""

import time

import pytest
from redis.asyncio import Redis
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.retry import Retry

from services.platform.startup import wait_for
from tests.support.services import free_port


async def test_a_dependency_that_never_comes_fails_after_the_deadline() -> None:
    # No client-side retries: each attempt of `wait_for` is one connection refused.
    nowhere = Redis(port=free_port(), socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))
    started = time.monotonic()
    with pytest.raises(RedisConnectionError):
        await wait_for("redis", nowhere.ping, deadline_seconds=1.5)
    # Not before the deadline, and not hanging long past it (generous: a loaded machine).
    assert 1.4 < time.monotonic() - started < 15
    await nowhere.aclose()


async def test_a_dependency_that_is_up_is_used_at_once(redis: Redis) -> None:
    started = time.monotonic()
    assert await wait_for("redis", redis.ping, deadline_seconds=10) is True
    assert time.monotonic() - started < 1
