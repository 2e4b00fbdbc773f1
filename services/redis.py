"""The Redis connection of a process: a pool that waits for a free connection under a
burst instead of failing (redis-py's default pool raises past its maximum)."""

from redis.asyncio import BlockingConnectionPool, Redis

from services.config import Settings


def create_redis(settings: Settings) -> Redis | None:
    if not settings.redis_url:
        return None
    pool = BlockingConnectionPool.from_url(
        settings.redis_url,
        max_connections=settings.redis_max_connections,
        timeout=settings.redis_pool_timeout_seconds,
    )
    return Redis(connection_pool=pool)
