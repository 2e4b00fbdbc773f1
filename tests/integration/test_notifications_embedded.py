"""The embedded default: with no Redis and no RabbitMQ the same worker code delivers
through the in-process queue and limiter, on SQLite."""

import asyncio
from pathlib import Path

from sqlalchemy import select

from services.notify.outbox import notify
from services.platform.clock import ManualClock
from services.platform.db.models import OutboxMessage, OutboxStatus, User
from services.platform.db.session import create_engine, create_session_factory
from services.worker import run_worker
from tests.conftest import make_settings
from tests.fakes.telegram_server import FakeTelegramServer
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
