"""The notification pipeline over real PostgreSQL, Redis and RabbitMQ and the fake
Telegram server: every notification is delivered exactly once whatever crashes, and
Telegram's 429/403/5xx answers are handled per recipient."""

import asyncio
import shutil
import subprocess
from collections import Counter
from datetime import timedelta

import pytest
from aiogram import Bot
from prometheus_client import REGISTRY
from redis.asyncio import Redis
from sqlalchemy import select

from services.notify.outbox import notify
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import OutboxMessage, OutboxStatus, UnreachableChat, User
from services.platform.db.session import SessionFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import (
    Pipeline,
    create_users,
    notify_users,
    rabbit_pipeline,
    remove_rabbit_pipeline,
    statuses,
    wait_all_final,
)


def sent_per_chat(telegram: FakeTelegramServer) -> Counter[int]:
    return Counter(
        call.params["chat_id"]
        for call in telegram.calls_of("sendMessage")
        if call.error_code is None
    )


async def test_each_notification_is_delivered_in_the_recipients_language(
    pipeline: Pipeline, session_factory, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    (anna,) = await create_users(session_factory, [5001], language="ru")
    (john,) = await create_users(session_factory, [5002], language="en")
    await notify_users(session_factory, [anna, john], clock.now())
    await pipeline.start_consuming()

    await pipeline.relay_until_done(session_factory)

    assert telegram.last_message(5001)["text"].startswith(
        "⏰ Напоминание: смена на объекте «Кофейня»"
    )
    assert telegram.last_message(5002)["text"].startswith("⏰ Reminder: your shift at “Кофейня”")
    async with session_factory() as session:
        rows = (await session.scalars(select(OutboxMessage))).all()
    assert {row.status for row in rows} == {OutboxStatus.SENT}
    assert all(row.sent_at == clock.now() and row.published_at == clock.now() for row in rows)


async def test_not_yet_due_notifications_wait_for_their_moment(
    pipeline: Pipeline, session_factory, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    (anna,) = await create_users(session_factory, [5011])
    await notify_users(session_factory, [anna], clock.now() + timedelta(minutes=5))
    await pipeline.start_consuming()

    assert await pipeline.relay.relay_once() == 0
    clock.advance(timedelta(minutes=5))
    await pipeline.relay_until_done(session_factory)

    assert sent_per_chat(telegram) == {5011: 1}


async def test_relay_crash_after_publishing_still_delivers_once(
    pipeline: Pipeline, session_factory, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    ids = await create_users(session_factory, range(5101, 5121))
    await notify_users(session_factory, ids, clock.now())

    # The relay publishes the batch and dies before marking it: the transaction is lost.
    async with session_factory() as session:
        await session.begin()
        rows = await pipeline.relay.claim_due(session)
        await pipeline.relay.publish(rows)
        await session.rollback()
    # The restarted relay finds the rows still pending and publishes them again:
    # every notification is now twice in the queue.
    assert await pipeline.relay.relay_once() == 20
    await pipeline.start_consuming()
    await wait_all_final(session_factory)
    await pipeline.settle()

    assert sent_per_chat(telegram) == {tid: 1 for tid in range(5101, 5121)}
    assert await statuses(session_factory) == {OutboxStatus.SENT: 20}


@pytest.mark.skipif(shutil.which("rabbitmqctl") is None, reason="needs rabbitmqctl")
async def test_rabbitmq_connections_dropped_mid_batch_the_batch_completes_once(
    pipeline: Pipeline,
    session_factory,
    telegram: FakeTelegramServer,
    clock: ManualClock,
    settings: Settings,
) -> None:
    ids = await create_users(session_factory, range(5201, 5261))
    await notify_users(session_factory, ids, clock.now())
    await pipeline.start_consuming()
    assert await pipeline.relay.relay_once() == 60
    await telegram.wait_for_call(
        "sendMessage", predicate=lambda call: len(sent_per_chat(telegram)) >= 10
    )

    # The server closes this test's connections (found by their connection name).
    await close_rabbitmq_connections(settings.namespace)

    counts = await wait_all_final(session_factory, timeout_seconds=90)
    await pipeline.settle()
    assert counts == {OutboxStatus.SENT: 60}
    assert sent_per_chat(telegram) == {tid: 1 for tid in range(5201, 5261)}


async def close_rabbitmq_connections(connection_name: str) -> None:
    listing = await asyncio.to_thread(
        subprocess.run,
        ["rabbitmqctl", "-q", "list_connections", "pid", "client_properties"],
        capture_output=True,
        text=True,
        check=True,
    )
    pids = [
        line.split("\t", 1)[0]
        for line in listing.stdout.splitlines()
        if f'"{connection_name}"' in line or f'<<"{connection_name}">>' in line
    ]
    assert pids, f"no RabbitMQ connection named {connection_name}: {listing.stdout!r}"
    for pid in pids:
        await asyncio.to_thread(
            subprocess.run,
            ["rabbitmqctl", "-q", "close_connection", pid, "test: dropped on purpose"],
            capture_output=True,
            check=True,
        )


async def test_429_makes_the_sender_wait_retry_after_then_delivers(
    pipeline: Pipeline, session_factory, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    ids = await create_users(session_factory, [5301, 5302, 5303])
    await notify_users(session_factory, ids, clock.now())
    telegram.fail_next("sendMessage", error_code=429, retry_after=1, chat_id=5301)
    await pipeline.start_consuming()

    await pipeline.relay_until_done(session_factory)

    calls = [c for c in telegram.calls_of("sendMessage") if c.params["chat_id"] == 5301]
    assert [c.error_code for c in calls] == [429, None]
    assert calls[1].at - calls[0].at >= 0.95
    assert sent_per_chat(telegram) == {5301: 1, 5302: 1, 5303: 1}
    assert await statuses(session_factory) == {OutboxStatus.SENT: 3}


async def test_403_marks_the_user_unreachable_and_the_others_are_delivered(
    pipeline: Pipeline, session_factory, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    blocked, *others = await create_users(session_factory, [5401, 5402, 5403])
    telegram.block_chat(5401)
    await notify_users(session_factory, [blocked, *others], clock.now())
    await pipeline.start_consuming()

    await pipeline.relay_until_done(session_factory)
    # Later notifications to the blocked user are not even attempted.
    await notify_users(session_factory, [blocked], clock.now(), tag="later")
    await pipeline.relay_until_done(session_factory)

    assert sent_per_chat(telegram) == {5402: 1, 5403: 1}
    assert len([c for c in telegram.calls_of("sendMessage") if c.params["chat_id"] == 5401]) == 1
    async with session_factory() as session:
        user = await session.get(User, blocked)
        skipped = (
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.recipient_user_id == blocked)
            )
        ).all()
    assert user is not None and user.is_reachable is False
    assert [row.status for row in skipped] == [OutboxStatus.SKIPPED, OutboxStatus.SKIPPED]


async def test_403_from_a_group_marks_the_chat_unreachable(
    pipeline: Pipeline, session_factory, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    telegram.block_chat(-100500)
    async with session_factory() as session, session.begin():
        await notify(
            session,
            kind="shift_reminder",
            dedup_key="group:1",
            not_before=clock.now(),
            chat_id=-100500,
            payload={"object_name": "A", "start_time": "1", "start_date": "2"},
        )
    await pipeline.start_consuming()

    await pipeline.relay_until_done(session_factory)

    async with session_factory() as session:
        marked = await session.get(UnreachableChat, -100500)
    assert marked is not None and "blocked" in marked.reason
    assert await statuses(session_factory) == {OutboxStatus.SKIPPED: 1}


async def test_500_is_retried_with_backoff_and_then_delivered(
    pipeline: Pipeline, session_factory, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    flaky, steady = await create_users(session_factory, [5501, 5502])
    telegram.fail_next("sendMessage", error_code=500, chat_id=5501, times=2)
    await notify_users(session_factory, [flaky, steady], clock.now())
    await pipeline.start_consuming()

    await pipeline.relay.relay_once()
    await telegram.wait_for_call("sendMessage", predicate=lambda c: c.params["chat_id"] == 5502)
    await _wait_for_status(session_factory, flaky, OutboxStatus.PENDING, attempts=1)
    assert sent_per_chat(telegram) == {5502: 1}

    # Not before the backoff (2 s, then 4 s) has passed.
    assert await pipeline.relay.relay_once() == 0
    clock.advance(timedelta(seconds=2))
    assert await pipeline.relay.relay_once() == 1
    await _wait_for_status(session_factory, flaky, OutboxStatus.PENDING, attempts=2)
    clock.advance(timedelta(seconds=4))
    await pipeline.relay_until_done(session_factory)

    assert sent_per_chat(telegram) == {5501: 1, 5502: 1}
    async with session_factory() as session:
        row = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.recipient_user_id == flaky)
        )
    assert row is not None and row.status == OutboxStatus.SENT and row.attempts == 3


async def test_5xx_until_attempts_run_out_is_dead_lettered(
    settings: Settings,
    session_factory,
    bot: Bot,
    redis: Redis,
    telegram: FakeTelegramServer,
    clock: ManualClock,
) -> None:
    settings.notifier.max_attempts = 2
    pipeline = await rabbit_pipeline(settings, session_factory, bot, redis, clock)
    try:
        (user,) = await create_users(session_factory, [5601])
        telegram.fail_next("sendMessage", error_code=502, chat_id=5601, times=5)
        await notify_users(session_factory, [user], clock.now())
        await pipeline.start_consuming()
        await pipeline.relay.relay_once()
        await _wait_for_status(session_factory, user, OutboxStatus.PENDING, attempts=1)
        clock.advance(timedelta(seconds=2))
        await pipeline.relay_until_done(session_factory)
    finally:
        await remove_rabbit_pipeline(pipeline)

    assert await statuses(session_factory) == {OutboxStatus.FAILED: 1}
    assert len(telegram.calls_of("sendMessage")) == 2


async def _wait_for_status(
    session_factory: SessionFactory, user_id: int, status: OutboxStatus, *, attempts: int
) -> None:
    for _ in range(200):
        async with session_factory() as session:
            row = await session.scalar(
                select(OutboxMessage).where(OutboxMessage.recipient_user_id == user_id)
            )
        if row is not None and row.status == status and row.attempts == attempts:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"row of user {user_id} never reached {status} after {attempts}")


def gauge(name: str) -> float | None:
    return REGISTRY.get_sample_value(name)


async def test_the_backlog_tells_how_long_the_oldest_due_notification_has_waited(
    pipeline: Pipeline, session_factory: SessionFactory, clock: ManualClock
) -> None:
    late, future = await create_users(session_factory, [9301, 9302])
    await notify_users(session_factory, [late], clock.now() - timedelta(minutes=7), tag="late")
    await notify_users(session_factory, [future], clock.now() + timedelta(hours=1), tag="later")

    await pipeline.relay.measure_backlog()
    assert (gauge("staffprobot_outbox_due"), gauge("staffprobot_outbox_oldest_due_seconds")) == (
        1,
        7 * 60,
    )

    # Published but not sent (no notifier takes it from the queue): still waiting.
    assert await pipeline.relay.relay_once() == 1
    clock.advance(timedelta(minutes=1))
    await pipeline.relay.measure_backlog()
    assert (gauge("staffprobot_outbox_due"), gauge("staffprobot_outbox_oldest_due_seconds")) == (
        0,
        8 * 60,
    )
