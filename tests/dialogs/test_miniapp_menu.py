"""The main menu offers the planning board as a Telegram Web App button, only to owners
and managers and only when the webapp is public over https (Telegram requires it)."""

import pytest

from services.config import Settings
from services.db.session import SessionFactory
from tests.conftest import make_settings
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support import services as real
from tests.support.miniapp import seed_miniapp_cast

BOARD_BUTTON = "🗓 Доска планирования"


@pytest.fixture
def settings(database_url: str, namespace: str, telegram: FakeTelegramServer) -> Settings:
    return make_settings(
        database_url=database_url,
        redis_url=real.REDIS_URL,
        rabbitmq_url=real.RABBITMQ_URL,
        namespace=namespace,
        telegram_api_base=telegram.base_url,
        webapp_base_url="https://staff.example.com",
    )


async def test_owners_get_the_board_as_a_web_app_button(
    make_user: UserFactory, session_factory: SessionFactory, clock
) -> None:
    cast = await seed_miniapp_cast(session_factory, clock)
    olga = make_user(cast.owner.telegram_id, first_name="Olga")
    ivan = make_user(cast.ivan.telegram_id, first_name="Ivan")

    await olga.send("/start")
    await ivan.send("/start")

    assert BOARD_BUTTON in olga.buttons()
    [button] = [
        button
        for row in olga.screen().reply_markup.inline_keyboard
        for button in row
        if button.text == BOARD_BUTTON
    ]
    assert button.web_app is not None
    assert button.web_app.url == "https://staff.example.com/app/board?lang=ru"
    assert BOARD_BUTTON not in ivan.buttons()
