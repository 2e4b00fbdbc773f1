"""The notification pipeline assembled for tests and the bench: relay → RabbitMQ (or
the in-process queue) → notifier → the fake Telegram server, over real services."""

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from aiogram import Bot
from redis.asyncio import Redis
from sqlalchemy import func, select

from services.notify.notifier import FINAL_STATUSES, Notifier, Outcome
from services.notify.outbox import notify
from services.notify.relay import NOTIFICATIONS_QUEUE, NOTIFICATIONS_ROUTING, OutboxRelay
from services.platform.clock import Clock
from services.platform.config import Settings
from services.platform.db.models import OutboxMessage, OutboxStatus, User
from services.platform.db.session import SessionFactory
from services.platform.queue.broker import Broker, RabbitBroker
from services.platform.queue.rate_limit import RedisSendLimiter, RedisSentMarks


@dataclass
class Pipeline:
    broker: Broker
    relay: OutboxRelay
    notifier: Notifier

    async def start_consuming(self) -> None:
        await self.broker.consume(NOTIFICATIONS_QUEUE, NOTIFICATIONS_ROUTING, self.notifier.handle)

    async def settle(self) -> None:
        """Wait until the queue is empty and no message is being handled."""
        for _ in range(2):
            # An unacknowledged message handed back by a dropped connection comes again.
            await asyncio.sleep(0.3)
            await self._wait_empty()
            await self.notifier.wait_idle(30)

    async def relay_until_done(self, session_factory: SessionFactory) -> None:
        """Relay every due notification and wait until each is final and handled."""
        while await self.relay.relay_once():
            pass
        await wait_all_final(session_factory)
        await self.settle()

    async def _wait_empty(self) -> None:
        for _ in range(600):
            if not await self.broker.queue_depth(NOTIFICATIONS_QUEUE):
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the notifications queue did not drain in 30 s")


def make_notifier(
    settings: Settings, session_factory: SessionFactory, bot: Bot, redis: Redis, clock: Clock
) -> Notifier:
    return Notifier(
        session_factory=session_factory,
        bot=bot,
        limiter=RedisSendLimiter(redis, settings.namespace, settings.notifier),
        marks=RedisSentMarks(redis, settings.namespace, settings.notifier.sent_marker_ttl_seconds),
        clock=clock,
        settings=settings.notifier,
        default_language=settings.default_language,
    )


async def deliver_pending(notifier: Notifier, session_factory: SessionFactory) -> list[Outcome]:
    """Hand every pending outbox row to the notifier, as the worker would (without the
    queue in between); returns what became of each."""
    async with session_factory() as session:
        pending = await session.scalars(
            select(OutboxMessage.id)
            .where(OutboxMessage.status == OutboxStatus.PENDING)
            .order_by(OutboxMessage.id)
        )
        ids = list(pending)
    return [await notifier.deliver(outbox_id) for outbox_id in ids]


async def rabbit_pipeline(
    settings: Settings, session_factory: SessionFactory, bot: Bot, redis: Redis, clock: Clock
) -> Pipeline:
    broker = await RabbitBroker.connect(
        settings.rabbitmq_url, settings.namespace, prefetch=settings.notifier.concurrency
    )
    await broker.declare(NOTIFICATIONS_QUEUE, NOTIFICATIONS_ROUTING)
    relay = OutboxRelay(session_factory, broker, clock, settings.notifier.relay_batch_size)
    return Pipeline(broker, relay, make_notifier(settings, session_factory, bot, redis, clock))


async def remove_rabbit_pipeline(pipeline: Pipeline) -> None:
    assert isinstance(pipeline.broker, RabbitBroker)
    await pipeline.broker.stop_consuming()
    await pipeline.notifier.wait_idle(10)
    await pipeline.broker.delete_topology([NOTIFICATIONS_QUEUE])
    await pipeline.broker.close()


async def create_users(
    session_factory: SessionFactory, telegram_ids: Sequence[int], language: str = "ru"
) -> list[int]:
    """Users with the given Telegram ids; returns their internal ids in the same order."""
    async with session_factory() as session, session.begin():
        users = [
            User(telegram_id=tid, first_name=f"U{tid}", language=language) for tid in telegram_ids
        ]
        session.add_all(users)
        await session.flush()
        return [user.id for user in users]


async def notify_users(
    session_factory: SessionFactory,
    user_ids: Sequence[int],
    not_before: datetime,
    *,
    kind: str = "shift_reminder",
    tag: str = "t",
) -> None:
    async with session_factory() as session, session.begin():
        for user_id in user_ids:
            await notify(
                session,
                kind=kind,
                dedup_key=f"{tag}:{user_id}",
                not_before=not_before,
                recipient_user_id=user_id,
                payload={"object_name": "Кофейня", "start_time": "09:00", "start_date": "02.03"},
            )


async def statuses(session_factory: SessionFactory) -> dict[OutboxStatus, int]:
    async with session_factory() as session:
        rows = await session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        )
        return {OutboxStatus(status): count for status, count in rows}


async def wait_all_final(
    session_factory: SessionFactory, timeout_seconds: float = 60.0
) -> dict[OutboxStatus, int]:
    deadline = time.monotonic() + timeout_seconds
    while True:
        counts = await statuses(session_factory)
        if all(status in FINAL_STATUSES for status in counts) or time.monotonic() > deadline:
            return counts
        await asyncio.sleep(0.1)
