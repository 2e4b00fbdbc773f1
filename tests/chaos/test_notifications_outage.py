"""Chaos: the real worker process (outbox relay → RabbitMQ → notifier → the fake
Telegram server) while RabbitMQ stops and starts again in the middle of a batch: every
notification reaches its recipient exactly once, and the same worker carries on."""

import asyncio
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from services.platform.db.models import OutboxStatus
from services.platform.db.session import SessionFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import create_users, notify_users, wait_all_final
from tests.support.private_services import PrivateRabbitMQ
from tests.support.processes import start_process

BATCH = 120
SENT_BEFORE_OUTAGE = 20
OUTAGE_SECONDS = 2.0
FIRST_TG = 830_000


def delivered_per_chat(telegram: FakeTelegramServer) -> Counter[int]:
    return Counter(
        call.params["chat_id"]
        for call in telegram.calls_of("sendMessage")
        if call.error_code is None
    )


async def test_rabbitmq_restart_during_a_notification_batch(
    private_rabbitmq: PrivateRabbitMQ,
    telegram: FakeTelegramServer,
    bot_env,
    processes,
    tmp_path: Path,
    session_factory: SessionFactory,
) -> None:
    recipients = list(range(FIRST_TG, FIRST_TG + BATCH))
    user_ids = await create_users(session_factory, recipients)
    await notify_users(session_factory, user_ids, datetime.now(UTC))
    worker = start_process(
        "worker",
        ["-m", "services.worker"],
        bot_env | {"RABBITMQ_URL": private_rabbitmq.url},
        tmp_path,
    )
    processes.append(worker)
    await telegram.wait_for_call(
        "sendMessage",
        predicate=lambda _: len(delivered_per_chat(telegram)) >= SENT_BEFORE_OUTAGE,
        timeout=90,
    )
    started = time.monotonic()

    await asyncio.to_thread(private_rabbitmq.stop)
    sent_during_stop = len(delivered_per_chat(telegram))
    await asyncio.sleep(OUTAGE_SECONDS)
    await asyncio.to_thread(private_rabbitmq.start)
    counts = await wait_all_final(session_factory, timeout_seconds=90)
    await asyncio.sleep(3)  # redeliveries of messages unacknowledged at the stop settle

    delivered = delivered_per_chat(telegram)
    duplicated = sum(count - 1 for count in delivered.values() if count > 1)
    print(
        f"[chaos] RabbitMQ restart: {BATCH} notifications, {sent_during_stop} delivered "
        f"before the stop, {sum(delivered.values())} sendMessage accepted, "
        f"{BATCH - len(delivered)} lost, {duplicated} duplicated, outbox {dict(counts)}, "
        f"{time.monotonic() - started:.1f} s from the stop to the last delivery"
    )
    assert counts == {OutboxStatus.SENT: BATCH}
    assert delivered == {tid: 1 for tid in recipients}
    assert worker.process.poll() is None  # recovered without a restart
