import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.processes import RunningProcess
from tests.support.services import REDIS_URL


@pytest.fixture
async def processes(tmp_path: Path) -> AsyncIterator[list[RunningProcess]]:
    """Processes a test starts; stopped together afterwards, their logs printed on failure."""
    started: list[RunningProcess] = []
    yield started
    await asyncio.gather(*(running.stop() for running in started))
    for running in started:
        print(f"----- {running.name} output -----\n{running.output()[-6000:]}")


@pytest.fixture
def bot_env(telegram: FakeTelegramServer, database_url: str, namespace: str) -> dict[str, str]:
    """Environment of a bot process on PostgreSQL and Redis against the fake Telegram."""
    return {
        "BOT_TOKEN": telegram.token,
        "TELEGRAM_API_BASE": telegram.base_url,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "NAMESPACE": namespace,
        "BOT_METRICS_PORT": "0",
        "WORKER_METRICS_PORT": "0",
    }
