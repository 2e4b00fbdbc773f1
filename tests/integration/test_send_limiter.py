"""Telegram's limits held through Redis, shared by several limiters (worker processes):
no sliding second ever has more than the global limit, a group gets 20 a minute."""

import asyncio
import time

from redis.asyncio import Redis

from services.platform.config import NotifierSettings
from services.platform.queue.rate_limit import RedisSendLimiter


def limits(**overrides: int) -> NotifierSettings:
    return NotifierSettings(_env_file=None, **overrides)  # type: ignore[call-arg]


async def send_when_allowed(limiter: RedisSendLimiter, chat_id: int, sent: list[float]) -> None:
    while True:
        wait = await limiter.try_acquire(chat_id)
        if wait is None:
            break
        await asyncio.sleep(wait.seconds)
    sent.append(time.monotonic())


async def test_two_limiters_share_the_global_limit(redis: Redis, namespace: str) -> None:
    settings = limits(global_per_second=20, limit_margin_ms=0)
    first = RedisSendLimiter(redis, namespace, settings)
    second = RedisSendLimiter(redis, namespace, settings)
    sent: list[float] = []

    started = time.monotonic()
    await asyncio.gather(
        *(send_when_allowed(first if i % 2 else second, 1000 + i, sent) for i in range(50))
    )
    elapsed = time.monotonic() - started

    # Moments are taken when the sender got its slot back, a few ms late under load:
    # the window is shortened by that jitter.
    busiest = max(sum(1 for moment in sent if start <= moment < start + 0.9) for start in sent)
    assert busiest <= 20
    assert elapsed >= 1.5


async def test_a_group_gets_its_per_minute_limit_then_a_long_chat_wait(
    redis: Redis, namespace: str
) -> None:
    limiter = RedisSendLimiter(redis, namespace, limits(group_per_minute=20))
    sent: list[float] = []
    for _ in range(20):
        await send_when_allowed(limiter, -100777, sent)

    wait = await limiter.try_acquire(-100777)

    assert wait is not None and wait.chat_limited and wait.seconds > 50
    await asyncio.sleep(0.1)  # past the global spacing
    assert await limiter.try_acquire(555) is None  # other chats go on


async def test_a_pause_after_429_holds_every_chat(redis: Redis, namespace: str) -> None:
    limiter = RedisSendLimiter(redis, namespace, limits())
    await limiter.pause_all(2)

    wait = await limiter.try_acquire(123)

    assert wait is not None and not wait.chat_limited and 1.5 < wait.seconds <= 2.0
