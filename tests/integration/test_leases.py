"""Locks as short leases in real Redis (`services.platform.redis.leased`): kept by a live
holder however long it works, taken over soon after a holder died, and a lease lost
while working (Redis restarted empty) logged instead of raised."""

import asyncio
import time

import pytest
import structlog
from redis.asyncio import Redis

from services.platform.redis import LeaseWaitExpired, leased


async def test_a_live_holder_keeps_its_lease_beyond_its_length(
    redis: Redis, namespace: str
) -> None:
    name = f"{namespace}:lease"
    async with leased(redis, name, lease_seconds=0.3):
        await asyncio.sleep(1.0)
        with pytest.raises(LeaseWaitExpired):
            async with leased(redis, name, wait_seconds=0.2):
                pass


async def test_a_lease_whose_holder_died_is_taken_over_after_its_length(
    redis: Redis, namespace: str
) -> None:
    name = f"{namespace}:lease"
    # The holder takes it and dies: it neither renews nor releases it.
    assert await redis.lock(name, timeout=0.5).acquire()
    started = time.monotonic()
    async with leased(redis, name):
        waited = time.monotonic() - started
    assert 0.3 < waited < 2.0


async def test_a_lease_lost_while_working_is_logged_not_raised(
    redis: Redis, namespace: str
) -> None:
    name = f"{namespace}:lease"
    with structlog.testing.capture_logs() as logs:
        async with leased(redis, name):
            await redis.delete(name)  # as a restart of Redis without persistence does
    assert [line["event"] for line in logs] == ["redis.lease_not_released"]


async def test_a_released_lease_is_renewed_no_more(redis: Redis, namespace: str) -> None:
    name = f"{namespace}:lease"
    with structlog.testing.capture_logs() as logs:
        async with leased(redis, name, lease_seconds=0.3):
            await asyncio.sleep(0.25)  # renewed on the way
        assert not await redis.exists(name)
        # Another holder takes it: no renewal left behind by the first touches it.
        async with leased(redis, name, lease_seconds=3.0):
            await asyncio.sleep(0.5)
            assert await redis.pttl(name) > 2000
    assert logs == []
