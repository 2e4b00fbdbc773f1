"""Telegram's limits as the fake Bot API enforces them (429 past a limit), with sends
that Telegram counts late (held at the server before it counts them, as the network and
a busy server do): the notifier never gets a 429, every message arrives once, a chat gets
one a second and a group its per-minute limit."""

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from itertools import pairwise

import pytest
from sqlalchemy import select

from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import OutboxMessage, OutboxStatus
from services.platform.db.session import SessionFactory
from tests.conftest import TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import Pipeline, create_users, notify_users, statuses

GLOBAL_PER_SECOND = 10
GROUP_PER_MINUTE = 4
GROUP_ID = -100_555_000
# Longer than a slot (1/10 s) and than any margin per send.
LATE_COUNT_SECONDS = 0.5


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegramServer]:
    server = FakeTelegramServer(
        TEST_BOT_TOKEN,
        enforce_limits=True,
        global_per_second=GLOBAL_PER_SECOND,
        group_per_minute=GROUP_PER_MINUTE,
    )
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def settings(settings: Settings) -> Settings:
    settings.notifier.global_per_second = GLOBAL_PER_SECOND
    settings.notifier.group_per_minute = GROUP_PER_MINUTE
    return settings


def accepted_sends(telegram: FakeTelegramServer, chat_id: int | None = None) -> list[float]:
    """When each accepted send reached Telegram."""
    return [
        call.at
        for call in telegram.calls_of("sendMessage")
        if call.error_code is None and chat_id in (None, call.params["chat_id"])
    ]


async def wait_for_statuses(
    session_factory: SessionFactory, expected: dict[OutboxStatus, int]
) -> None:
    for _ in range(600):
        if await statuses(session_factory) == expected:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"the outbox never became {expected}")


async def test_sends_counted_late_by_telegram_never_overfill_its_second(
    pipeline: Pipeline,
    session_factory: SessionFactory,
    telegram: FakeTelegramServer,
    clock: ManualClock,
) -> None:
    telegram_ids = list(range(7001, 7041))
    await notify_users(
        session_factory, await create_users(session_factory, telegram_ids), clock.now()
    )
    for late in telegram_ids[::9]:
        telegram.delay_next("sendMessage", LATE_COUNT_SECONDS, chat_id=late)
    await pipeline.start_consuming()

    await pipeline.relay_until_done(session_factory)

    assert telegram.too_many_requests == 0
    assert sorted(c.params["chat_id"] for c in telegram.calls_of("sendMessage")) == telegram_ids
    assert await statuses(session_factory) == {OutboxStatus.SENT: len(telegram_ids)}


async def test_a_burst_to_one_chat_reaches_it_one_a_second(
    pipeline: Pipeline,
    session_factory: SessionFactory,
    telegram: FakeTelegramServer,
    clock: ManualClock,
) -> None:
    (anna,) = await create_users(session_factory, [7101])
    for tag in ("a", "b", "c"):
        await notify_users(session_factory, [anna], clock.now(), tag=tag)
    telegram.delay_next("sendMessage", LATE_COUNT_SECONDS, chat_id=7101)
    await pipeline.start_consuming()

    await pipeline.relay_until_done(session_factory)

    assert telegram.too_many_requests == 0
    arrivals = accepted_sends(telegram, 7101)
    assert len(arrivals) == 3
    assert all(later - earlier >= 1.0 for earlier, later in pairwise(arrivals))


async def test_a_group_gets_its_per_minute_limit_and_the_rest_waits_in_the_outbox(
    pipeline: Pipeline,
    session_factory: SessionFactory,
    telegram: FakeTelegramServer,
    clock: ManualClock,
) -> None:
    async with session_factory() as session, session.begin():
        session.add_all(
            OutboxMessage(
                kind="shift_reminder",
                dedup_key=f"group:{n}",
                chat_id=GROUP_ID,
                payload={"object_name": f"#{n}", "start_time": "09:00", "start_date": "02.03"},
                status=OutboxStatus.PENDING,
                not_before=clock.now(),
                attempts=0,
            )
            for n in range(GROUP_PER_MINUTE + 1)
        )
    await pipeline.start_consuming()

    await pipeline.relay.relay_once()
    await wait_for_statuses(
        session_factory, {OutboxStatus.SENT: GROUP_PER_MINUTE, OutboxStatus.PENDING: 1}
    )
    await pipeline.settle()

    assert telegram.too_many_requests == 0
    assert len(accepted_sends(telegram, GROUP_ID)) == GROUP_PER_MINUTE
    async with session_factory() as session:
        (waiting,) = await session.scalars(
            select(OutboxMessage).where(OutboxMessage.status == OutboxStatus.PENDING)
        )
    # Back in the outbox until the group's minute is over, not holding a worker.
    assert timedelta(seconds=55) < waiting.not_before - clock.now() <= timedelta(seconds=61)
