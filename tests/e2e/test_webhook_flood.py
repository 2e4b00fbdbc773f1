"""The real webapp in webhook mode while one user floods the bot with hundreds of
messages at once: they are told once, in their language, to slow down, at most the
flood limit of their messages is handled, and another user is served meanwhile."""

import asyncio
from pathlib import Path

from services.platform.config import Settings
from services.platform.i18n import translator_for
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.processes import (
    COLD_START_SECONDS,
    start_process,
    wait_until_healthy,
    webhook_env,
)
from tests.support.services import free_port

FLOOD = 200


async def test_a_flooding_user_is_told_once_to_slow_down_and_others_are_served(
    telegram: FakeTelegramServer, bot_env, processes, tmp_path: Path, session_factory
) -> None:
    port = free_port()
    webapp = start_process(
        "webapp", ["-m", "webapp"], webhook_env(bot_env, port, "flood-secret"), tmp_path
    )
    processes.append(webapp)
    await wait_until_healthy(port, webapp)
    await telegram.wait_for_call("setWebhook", timeout=COLD_START_SECONDS)
    flooder = telegram.user(7301, first_name="Flo", language_code="en")
    bystander = telegram.user(7302, first_name="Bea")

    flood = asyncio.gather(*(telegram.send_text(flooder, f"spam {n}") for n in range(FLOOD)))
    await telegram.send_text(bystander, "/start")
    await flood

    english = translator_for("en")
    to_flooder = [
        call.params["text"]
        for call in telegram.calls_of("sendMessage")
        if call.params.get("chat_id") == flooder.id
    ]
    assert to_flooder.count(english.get("common-slow-down")) == 1
    handled = to_flooder.count(english.get("common-unknown-command"))
    assert 0 < handled <= Settings.model_fields["flood_limit"].default
    to_bystander = telegram.chat_messages(bystander.id)
    assert any("Здравствуйте, Bea" in message.get("text", "") for message in to_bystander)
    assert telegram.webhook_failures == []
