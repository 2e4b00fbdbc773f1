from collections.abc import Callable

import pytest
from aiogram import Bot, Dispatcher
from aiogram_dialog.test_tools import MockMessageManager

from services.platform.clock import ManualClock
from tests.support.dialogs import DialogUser

UserFactory = Callable[..., DialogUser]


@pytest.fixture
def make_user(
    dispatcher: Dispatcher, message_manager: MockMessageManager, clock: ManualClock, bot: Bot
) -> UserFactory:
    def make(telegram_id: int, *, language_code: str | None = "ru", first_name: str = "Anna"):
        return DialogUser(
            dispatcher,
            message_manager,
            clock,
            telegram_id=telegram_id,
            language_code=language_code,
            first_name=first_name,
            bot=bot,
        )

    return make
