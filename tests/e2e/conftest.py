from collections.abc import AsyncIterator

import pytest

from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.processes import RunningProcess, bot_process_env, running_processes


@pytest.fixture
async def processes() -> AsyncIterator[list[RunningProcess]]:
    """Processes a test starts; stopped together afterwards, their logs printed on failure."""
    async with running_processes() as started:
        yield started


@pytest.fixture
def bot_env(telegram: FakeTelegramServer, database_url: str, namespace: str) -> dict[str, str]:
    return bot_process_env(telegram, database_url, namespace)
