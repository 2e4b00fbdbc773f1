"""The real `python -m bot` (polling) against the fake Telegram Bot API: a new user
sends /start, gets the menu and presses a button by its text, on PostgreSQL + Redis
and on the embedded default."""

import json
import time
from pathlib import Path

from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.processes import (
    COLD_START_SECONDS,
    RunningProcess,
    run_migrations,
    start_process,
)


async def _wait_until_polling(telegram: FakeTelegramServer, bot: RunningProcess) -> float:
    await telegram.wait_for_call("getUpdates", timeout=COLD_START_SECONDS)
    return time.monotonic() - bot.started_at


async def test_new_user_gets_menu_and_presses_button_on_postgres(
    telegram: FakeTelegramServer, bot_env, processes, tmp_path: Path, session_factory
) -> None:
    bot = start_process("bot", ["-m", "bot"], bot_env, tmp_path)
    processes.append(bot)
    cold_start = await _wait_until_polling(telegram, bot)
    print(f"bot cold start to first getUpdates: {cold_start:.2f} s, RSS {bot.rss_kib()} KiB")

    anna = telegram.user(5001, first_name="Anna", language_code="ru")
    await telegram.send_text(anna, "/start")
    menu = await telegram.wait_for_message(anna.id, text_contains="Здравствуйте, Anna")
    assert telegram.buttons(menu) == [
        "🏢 Я руковожу бизнесом",
        "✉️ У меня есть приглашение",
        "⚙️ Настройки",
    ]

    await telegram.press(anna, "⚙️ Настройки")
    await telegram.wait_for_message(anna.id, text_contains="Настройки")
    assert "🌐 Язык" in telegram.buttons(telegram.last_message(anna.id))

    commands = telegram.calls_of("setMyCommands")
    assert {call.params.get("language_code") for call in commands} == {"ru", "en"}

    lines = [json.loads(line) for line in bot.output().splitlines() if line.startswith("{")]
    handled = [line for line in lines if line.get("event") == "update.handled"]
    assert handled, "the bot logged no handled update as JSON"
    assert all("update_id" in line and "handler" in line for line in handled)
    assert any(line["handler"] == "start" and line["telegram_user_id"] == 5001 for line in handled)


async def test_outdated_button_after_restart_leads_back_to_menu(
    telegram: FakeTelegramServer, bot_env, processes, tmp_path: Path, session_factory
) -> None:
    bot = start_process("bot-1", ["-m", "bot"], bot_env, tmp_path)
    processes.append(bot)
    await _wait_until_polling(telegram, bot)
    ivan = telegram.user(5002, first_name="Ivan", language_code="en")
    await telegram.send_text(ivan, "/start")
    menu = await telegram.wait_for_message(ivan.id, text_contains="Hello, Ivan")
    await bot.stop()

    calls_before_restart = len(telegram.calls)
    restarted = start_process("bot-2", ["-m", "bot"], bot_env, tmp_path)
    processes.append(restarted)
    await telegram.wait_for_call(
        "getUpdates", after_call=calls_before_restart, timeout=COLD_START_SECONDS
    )

    # The dialog stack lives in Redis: a button of the old menu still works.
    await telegram.press(ivan, "⚙️ Settings", message_id=menu["message_id"])
    await telegram.wait_for_message(
        ivan.id, text_contains="Settings", after_call=calls_before_restart
    )

    # A callback of a dialog that no longer exists: explained, and the menu is back.
    mark = len(telegram.calls)
    await telegram.press_callback(ivan, "0000deadbeef\x1dsettings", message_id=menu["message_id"])
    await telegram.wait_for_message(ivan.id, text_contains="out of date", after_call=mark)
    await telegram.wait_for_message(ivan.id, text_contains="Hello, Ivan", after_call=mark)
    assert "update.failed" not in restarted.output()


async def test_embedded_default_runs_on_sqlite_without_services(
    telegram: FakeTelegramServer, processes, tmp_path: Path
) -> None:
    env = {"BOT_TOKEN": telegram.token, "TELEGRAM_API_BASE": telegram.base_url}
    env.update(BOT_METRICS_PORT="0")
    run_migrations(env, tmp_path, cwd=tmp_path)
    bot = start_process("bot-embedded", ["-m", "bot"], env, tmp_path, cwd=tmp_path)
    processes.append(bot)
    await _wait_until_polling(telegram, bot)

    maria = telegram.user(5003, first_name="Maria", language_code="en")
    await telegram.send_text(maria, "/start")
    await telegram.wait_for_message(maria.id, text_contains="Hello, Maria")
    await telegram.press(maria, "🏢 I run a business")
    await telegram.wait_for_message(maria.id, text_contains="What is your business called?")
    await telegram.send_text(maria, "Flower kiosk")
    await telegram.wait_for_message(maria.id, text_contains="Which timezone")
    await telegram.press(maria, "Moscow (UTC+3)")
    await telegram.wait_for_message(maria.id, text_contains="Which language")
    await telegram.press(maria, "🇬🇧 English")
    await telegram.wait_for_message(maria.id, text_contains="Owner's main menu")
    assert (tmp_path / "staffprobot.sqlite3").exists()
