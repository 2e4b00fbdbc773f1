"""Per-chat sequencing of webhook updates in real Redis (`bot.webhook.ChatTurns`): the
updates of one chat take turns in update_id order, a replica that died holding a turn
or waiting for one does not block the chat for longer than its lease, a live one keeps
its turn however long it works."""

import asyncio
import time

from redis.asyncio import Redis

from bot.webhook import ChatTurns

CHAT = 5001


async def _handle(
    turns: ChatTurns, update_id: int, handled: list[int], seconds: float = 0.0
) -> None:
    async with turns.turn(CHAT, update_id):
        handled.append(update_id)
        await asyncio.sleep(seconds)


async def test_updates_waiting_for_a_busy_chat_are_handled_in_update_id_order(
    redis: Redis, namespace: str
) -> None:
    # Two replicas: separate ChatTurns objects over the same Redis keys.
    first, second = ChatTurns(redis, f"{namespace}:turns"), ChatTurns(redis, f"{namespace}:turns")
    handled: list[int] = []
    slow = asyncio.create_task(_handle(first, 100, handled, seconds=0.5))
    await asyncio.sleep(0.1)
    # Later updates arrive in reverse order, alternating between the replicas.
    waiting = []
    for update_id in (106, 105, 104, 103, 102, 101):
        replica = first if update_id % 2 else second
        waiting.append(asyncio.create_task(_handle(replica, update_id, handled, seconds=0.01)))
        await asyncio.sleep(0.02)
    await asyncio.gather(slow, *waiting)
    assert handled == [100, 101, 102, 103, 104, 105, 106]


async def test_other_chats_do_not_wait(redis: Redis, namespace: str) -> None:
    turns = ChatTurns(redis, f"{namespace}:turns")
    async with turns.turn(CHAT, 1):
        started = time.monotonic()
        async with turns.turn(CHAT + 1, 2):
            assert time.monotonic() - started < 0.5


def _keys(prefix: str) -> list[str]:
    return [f"{prefix}:{CHAT}:{part}" for part in ("queue", "waiters", "holder")]


async def test_a_turn_held_by_a_dead_replica_is_taken_over_after_its_lease(
    redis: Redis, namespace: str
) -> None:
    prefix = f"{namespace}:turns"
    dead = ChatTurns(redis, prefix, lease_seconds=0.5)
    # The replica takes the turn and dies: it neither renews nor leaves it.
    assert await dead._take_turn(keys=_keys(prefix), args=[1, 500])
    started = time.monotonic()
    async with ChatTurns(redis, prefix).turn(CHAT, 2):
        waited = time.monotonic() - started
    assert 0.3 < waited < 2.0


async def test_a_live_holder_keeps_its_turn_beyond_its_lease(redis: Redis, namespace: str) -> None:
    prefix = f"{namespace}:turns"
    handled: list[int] = []
    slow = asyncio.create_task(
        _handle(ChatTurns(redis, prefix, lease_seconds=0.3), 1, handled, seconds=1.5)
    )
    await asyncio.sleep(0.1)
    await _handle(ChatTurns(redis, prefix), 2, handled)
    assert handled == [1, 2]
    assert slow.done()


async def test_a_dead_waiter_does_not_hold_back_later_updates_beyond_its_lease(
    redis: Redis, namespace: str
) -> None:
    prefix = f"{namespace}:turns"
    dead = ChatTurns(redis, prefix, lease_seconds=0.5)
    async with ChatTurns(redis, prefix).turn(CHAT, 1):
        # Update 2 queues up behind update 1, then its replica dies.
        assert not await dead._take_turn(keys=_keys(prefix), args=[2, 500])
    started = time.monotonic()
    async with ChatTurns(redis, prefix).turn(CHAT, 3):
        waited = time.monotonic() - started
    assert 0.3 < waited < 2.0


async def test_a_waiter_goes_ahead_after_its_longest_wait(redis: Redis, namespace: str) -> None:
    prefix = f"{namespace}:turns"
    holder = ChatTurns(redis, prefix)
    impatient = ChatTurns(redis, prefix, max_wait_seconds=0.3)
    handled: list[int] = []
    slow = asyncio.create_task(_handle(holder, 1, handled, seconds=1.5))
    await asyncio.sleep(0.1)
    await _handle(impatient, 2, handled)
    assert handled == [1, 2]
    assert not slow.done()
    await slow
