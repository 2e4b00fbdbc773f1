"""The real webapp in webhook mode: 300 new users send /start at the same moment and
every one of them gets the menu (no update lost under the burst)."""

import asyncio
import time
from pathlib import Path

from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.processes import (
    COLD_START_SECONDS,
    start_process,
    wait_until_healthy,
    webhook_env,
)
from tests.support.services import free_port

BURST = 300


async def test_300_simultaneous_starts_all_get_the_menu(
    telegram: FakeTelegramServer, bot_env, processes, tmp_path: Path, session_factory
) -> None:
    port = free_port()
    env = webhook_env(bot_env, port, "burst-secret")
    webapp = start_process("webapp", ["-m", "webapp"], env, tmp_path)
    processes.append(webapp)
    await telegram.wait_for_call("setWebhook", timeout=COLD_START_SECONDS)
    # setWebhook is called during start-up, before the server listens (Telegram would
    # retry a refused delivery; the fake server does not).
    await wait_until_healthy(port, webapp)

    users = [telegram.user(900_000 + n, first_name=f"U{n}") for n in range(BURST)]
    started = time.monotonic()
    await asyncio.gather(*(telegram.send_text(user, "/start") for user in users))
    elapsed = time.monotonic() - started
    print(f"{BURST} webhook /start updates handled in {elapsed:.2f} s")

    assert telegram.webhook_failures == []
    without_menu = [
        user.id
        for user in users
        if not any("Здравствуйте" in (m.get("text") or "") for m in telegram.chat_messages(user.id))
    ]
    assert without_menu == []
