"""Telegram's limits held through Redis, shared by several limiters (worker processes):
no sliding second ever has more than the global limit, a send keeps its place until a
second after its answer whichever limiter asks, a group gets 20 a minute."""

import asyncio
import time

from redis.asyncio import Redis

from services.platform.config import NotifierSettings
from services.platform.queue.rate_limit import RedisSendLimiter, Slot, SlotWait


def limits(**overrides: int) -> NotifierSettings:
    return NotifierSettings(_env_file=None, **overrides)  # type: ignore[call-arg]


async def send_when_allowed(limiter: RedisSendLimiter, chat_id: int, sent: list[float]) -> None:
    """Wait for a slot, "send" (answered at once) and note when."""
    while True:
        got = await limiter.try_acquire(chat_id)
        if isinstance(got, Slot):
            break
        await asyncio.sleep(got.seconds)
    sent.append(time.monotonic())
    await limiter.answered(got)


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


async def test_a_send_keeps_its_chat_until_a_second_after_its_answer(
    redis: Redis, namespace: str
) -> None:
    sender = RedisSendLimiter(redis, namespace, limits())
    other_worker = RedisSendLimiter(redis, namespace, limits())
    slot = await sender.try_acquire(4242)
    assert isinstance(slot, Slot)

    while_in_flight = await other_worker.try_acquire(4242)
    await asyncio.sleep(0.3)  # Telegram took its time to answer
    await sender.answered(slot)
    after_answer = await other_worker.try_acquire(4242)

    assert isinstance(while_in_flight, SlotWait) and while_in_flight.chat_limited
    assert while_in_flight.seconds <= 0.05  # asked again soon: the answer may come any moment
    assert isinstance(after_answer, SlotWait) and after_answer.chat_limited
    assert 0.9 < after_answer.seconds <= 1.005


async def test_a_group_gets_its_per_minute_limit_then_a_long_chat_wait(
    redis: Redis, namespace: str
) -> None:
    limiter = RedisSendLimiter(redis, namespace, limits(group_per_minute=20))
    sent: list[float] = []
    for _ in range(20):
        await send_when_allowed(limiter, -100777, sent)

    wait = await limiter.try_acquire(-100777)

    assert isinstance(wait, SlotWait) and wait.chat_limited and wait.seconds > 50
    await asyncio.sleep(0.1)  # past the global spacing
    assert isinstance(await limiter.try_acquire(555), Slot)  # other chats go on


async def test_a_pause_after_429_holds_every_chat(redis: Redis, namespace: str) -> None:
    limiter = RedisSendLimiter(redis, namespace, limits())
    await limiter.pause_all(2)

    wait = await limiter.try_acquire(123)

    assert isinstance(wait, SlotWait) and not wait.chat_limited and 1.5 < wait.seconds <= 2.0
