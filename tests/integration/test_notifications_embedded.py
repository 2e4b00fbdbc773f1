"""The embedded default: with no Redis and no RabbitMQ the same worker code delivers
through the in-process queue and limiter, on SQLite, each message once and recorded as
sent."""

import asyncio
from pathlib import Path

from sqlalchemy import select

from services.notify.notifier import FINAL_STATUSES, Notifier, create_sender_bot
from services.notify.outbox import notify
from services.notify.relay import NOTIFICATIONS_QUEUE, NOTIFICATIONS_ROUTING, OutboxRelay
from services.platform.clock import ManualClock
from services.platform.db.models import OutboxMessage, OutboxStatus, User
from services.platform.db.session import SessionFactory, create_engine, create_session_factory
from services.platform.queue.broker import InProcessBroker
from services.platform.queue.rate_limit import LocalSendLimiter, LocalSentMarks
from services.worker import run_worker
from tests.conftest import make_settings
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import create_users, notify_users
from tests.support.services import alembic_upgrade


async def test_embedded_worker_delivers_through_the_in_process_queue(
    tmp_path: Path, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'embedded.db'}"
    await asyncio.to_thread(alembic_upgrade, database_url)
    settings = make_settings(database_url=database_url, telegram_api_base=telegram.base_url)
    settings.notifier.relay_interval_seconds = 0.1
    engine = create_engine(database_url)
    session_factory = create_session_factory(engine)
    async with session_factory() as session, session.begin():
        users = [User(telegram_id=tid, first_name="E", language="en") for tid in (9501, 9502)]
        session.add_all(users)
        await session.flush()
        for user in users:
            await notify(
                session,
                kind="shift_reminder",
                dedup_key=f"embedded:{user.id}",
                not_before=clock.now(),
                recipient_user_id=user.id,
                payload={"object_name": "Kiosk", "start_time": "10:00", "start_date": "02.03"},
            )

    stop = asyncio.Event()
    worker = asyncio.create_task(run_worker(settings, stop, clock))
    try:
        await telegram.wait_for_message(9501, text_contains="Kiosk", timeout=30)
        await telegram.wait_for_message(9502, text_contains="Kiosk", timeout=30)
    finally:
        stop.set()
        await asyncio.wait_for(worker, 30)

    async with session_factory() as session:
        rows = (await session.scalars(select(OutboxMessage))).all()
    await engine.dispose()
    assert [row.status for row in rows] == [OutboxStatus.SENT, OutboxStatus.SENT]
    assert len(telegram.chat_messages(9501)) == 1


async def test_a_message_sent_before_its_batch_is_marked_published_ends_sent(
    tmp_path: Path, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    """The in-process queue hands a message to the notifier the moment the relay
    publishes it, before the relay marks its batch published: the sending is recorded
    after that mark, not hidden by it (a row left `published` is sent again after a
    restart)."""
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'embedded.db'}"
    await asyncio.to_thread(alembic_upgrade, database_url)
    settings = make_settings(database_url=database_url, telegram_api_base=telegram.base_url)
    engine = create_engine(database_url)
    session_factory = create_session_factory(engine)
    (anna,) = await create_users(session_factory, [9511], language="en")
    await notify_users(session_factory, [anna], clock.now())
    broker = InProcessBroker()
    bot = create_sender_bot(settings)
    notifier = Notifier(
        session_factory=session_factory,
        bot=bot,
        limiter=LocalSendLimiter(settings.notifier),
        marks=LocalSentMarks(),
        clock=clock,
        settings=settings.notifier,
    )
    await broker.consume(NOTIFICATIONS_QUEUE, NOTIFICATIONS_ROUTING, notifier.handle)
    relay = OutboxRelay(session_factory, broker, clock, batch_size=10)

    try:
        async with session_factory() as session, session.begin():
            rows = await relay.claim_due(session)
            await relay.publish(rows)
            await telegram.wait_for_message(9511, text_contains="Кофейня", timeout=30)
            # Time for the notifier to record the sending, were it not held back.
            await _statuses_once_final(session_factory, within_seconds=1.0)
            await relay.mark_published(session, rows)
        assert await _statuses_once_final(session_factory, within_seconds=30) == [OutboxStatus.SENT]
    finally:
        await broker.close()
        await bot.session.close()
        await engine.dispose()
    assert len(telegram.chat_messages(9511)) == 1


async def test_the_in_process_queue_hands_a_failed_message_back() -> None:
    """As RabbitMQ does: a message whose handler failed (the database locked for too
    long) is handled again, not dropped."""
    broker = InProcessBroker(concurrency=1)
    handled: list[bytes] = []
    second_try = asyncio.Event()

    async def fail_once(body: bytes) -> None:
        handled.append(body)
        if len(handled) == 1:
            raise RuntimeError("database is locked")
        second_try.set()

    await broker.consume(NOTIFICATIONS_QUEUE, NOTIFICATIONS_ROUTING, fail_once)
    await broker.publish("notify.shift_reminder", b'{"id": 1}')
    try:
        await asyncio.wait_for(second_try.wait(), 10)
    finally:
        await broker.close()
    assert handled == [b'{"id": 1}', b'{"id": 1}']


async def _statuses_once_final(
    session_factory: SessionFactory, within_seconds: float
) -> list[OutboxStatus]:
    """The outbox rows' statuses once none is pending or published (or when time is up)."""
    deadline = asyncio.get_running_loop().time() + within_seconds
    while True:
        async with session_factory() as session:
            found = list(await session.scalars(select(OutboxMessage.status)))
        if all(status in FINAL_STATUSES for status in found):
            return found
        if asyncio.get_running_loop().time() > deadline:
            return found
        await asyncio.sleep(0.05)
