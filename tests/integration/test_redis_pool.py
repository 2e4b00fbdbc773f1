"""Under a burst the Redis pool makes callers wait for a connection instead of failing
(redis-py's default pool raises once its maximum is reached)."""

import asyncio

from services.platform.redis import create_redis
from tests.conftest import make_settings
from tests.support.services import REDIS_URL


async def test_burst_larger_than_the_pool_waits_and_loses_nothing(namespace: str) -> None:
    client = create_redis(make_settings(redis_url=REDIS_URL, redis_max_connections=4))
    assert client is not None
    key = f"{namespace}:burst"
    try:
        # BLPOP with a timeout holds a connection, so 40 callers need 10× the pool.
        await asyncio.gather(*(client.blpop([f"{key}:{n}"], timeout=0.05) for n in range(40)))
        await asyncio.gather(*(client.incr(key) for _ in range(400)))
        assert int(await client.get(key)) == 400
    finally:
        await client.delete(key)
        await client.aclose()
