"""Security tests drive the real Dispatcher through the fake Telegram server: every
window goes out as a Bot API call (the real message manager), YooKassa is the fake.
The settings with the fake YooKassa and the Mini App browser fixtures are those of the
subscription and browser tests."""

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher

from bot.middlewares import CommitBeforeShowing
from tests.dialogs.test_subscription import settings, yookassa  # noqa: F401 - shared fixtures
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.dialog_fuzz import InProcessWebhook
from tests.webapp.test_miniapp_browser import (  # noqa: F401 - shared fixtures
    browser,
    cast,
    chromium,
    chromium_browser,
    live_app,
)


@pytest.fixture
def message_manager() -> CommitBeforeShowing:
    return CommitBeforeShowing()


@pytest.fixture
async def webhook(
    dispatcher: Dispatcher, bot: Bot, telegram: FakeTelegramServer
) -> AsyncIterator[InProcessWebhook]:
    hook = InProcessWebhook(dispatcher, bot, telegram)
    await hook.start()
    yield hook
    await hook.stop()
