"""Readiness of the dependencies a process needs: database, Redis, RabbitMQ."""

import asyncio
from dataclasses import dataclass

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from services.platform.db.session import ping

CHECK_TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True)
class Readiness:
    checks: dict[str, str]

    @property
    def ready(self) -> bool:
        return all(status == "ok" for status in self.checks.values())


async def _status(probe: asyncio.Future[object] | object) -> str:
    try:
        await asyncio.wait_for(probe, CHECK_TIMEOUT_SECONDS)  # type: ignore[arg-type]
    except Exception as error:  # any failure of a probe means "not ready", reported by name
        return f"error: {type(error).__name__}"
    return "ok"


async def _rabbitmq(url: str) -> None:
    import aio_pika  # only processes that use RabbitMQ pay for loading it

    connection = await aio_pika.connect(url, timeout=CHECK_TIMEOUT_SECONDS)
    await connection.close()


async def check_readiness(engine: AsyncEngine, redis: Redis | None, rabbitmq_url: str) -> Readiness:
    checks = {"database": await _status(ping(engine))}
    if redis is not None:
        checks["redis"] = await _status(redis.ping())
    if rabbitmq_url:
        checks["rabbitmq"] = await _status(_rabbitmq(rabbitmq_url))
    return Readiness(checks)
