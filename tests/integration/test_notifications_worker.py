"""The real worker process (`python -m services.worker`): killed in the middle of a
batch, the next worker delivers the rest and nothing twice; SIGTERM stops it cleanly."""

import asyncio
import signal
from collections import Counter
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from services.notify.relay import NOTIFICATIONS_QUEUE
from services.platform.clock import SystemClock
from services.platform.config import Settings
from services.platform.db.models import OutboxStatus
from services.platform.db.session import SessionFactory
from services.platform.queue.broker import RabbitBroker
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import create_users, notify_users, statuses, wait_all_final
from tests.support.processes import RunningProcess, start_process

SENDS_PER_SECOND = 5
WorkerFactory = Callable[[str], RunningProcess]


@pytest.fixture
async def start_worker(
    settings: Settings, tmp_path: Path, telegram: FakeTelegramServer
) -> AsyncIterator[WorkerFactory]:
    env = {
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.redis_url,
        "RABBITMQ_URL": settings.rabbitmq_url,
        "NAMESPACE": settings.namespace,
        "BOT_TOKEN": settings.bot_token.get_secret_value(),
        "TELEGRAM_API_BASE": telegram.base_url,
        "WORKER_METRICS_PORT": "0",
        "NOTIFY_GLOBAL_PER_SECOND": str(SENDS_PER_SECOND),
        "NOTIFY_RELAY_INTERVAL_SECONDS": "0.2",
    }
    started: list[RunningProcess] = []

    def start(name: str) -> RunningProcess:
        process = start_process(name, ["-m", "services.worker"], env, tmp_path)
        started.append(process)
        return process

    yield start
    await asyncio.gather(*(process.stop() for process in started))
    broker = await RabbitBroker.connect(settings.rabbitmq_url, settings.namespace)
    await broker.delete_topology([NOTIFICATIONS_QUEUE])
    await broker.close()


def delivered(telegram: FakeTelegramServer) -> Counter[int]:
    return Counter(
        call.params["chat_id"]
        for call in telegram.calls_of("sendMessage")
        if call.error_code is None
    )


async def wait_for_sends(telegram: FakeTelegramServer, count: int) -> None:
    await telegram.wait_for_call(
        "sendMessage", predicate=lambda _: sum(delivered(telegram).values()) >= count, timeout=60
    )


async def test_killed_and_stopped_workers_lose_nothing_and_send_nothing_twice(
    start_worker: WorkerFactory, session_factory: SessionFactory, telegram: FakeTelegramServer
) -> None:
    telegram_ids = range(6001, 6041)
    ids = await create_users(session_factory, telegram_ids)
    await notify_users(session_factory, ids, SystemClock().now())

    killed = start_worker("worker-killed")
    await wait_for_sends(telegram, 8)
    # Half-way between two sends: the worker is waiting for its next slot, not sending.
    await asyncio.sleep(0.5 / SENDS_PER_SECOND)
    killed.process.send_signal(signal.SIGKILL)
    killed.process.wait()
    after_kill = sum(delivered(telegram).values())
    assert after_kill < 40

    stopped = start_worker("worker-stopped")
    await wait_for_sends(telegram, after_kill + 8)
    assert await stopped.stop(kill_after=15.0) == 0
    assert "worker.stopped" in stopped.output()
    assert (await statuses(session_factory)).get(OutboxStatus.SENT, 0) < 40

    start_worker("worker-last")
    counts = await wait_all_final(session_factory, timeout_seconds=60)
    await asyncio.sleep(1.0)  # copies redelivered after the kill would show up by now

    assert counts == {OutboxStatus.SENT: 40}
    assert delivered(telegram) == {tid: 1 for tid in telegram_ids}
