"""The owner's core path against the real bot process and the fake Telegram Bot API:
create an organization, an object from a location pin, an employee invite, and a second
user joining through the deep link."""

import asyncio
import re
from pathlib import Path

from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.processes import COLD_START_SECONDS, start_process

INVITE_LINK = re.compile(r"t\.me/staffprobot_test_bot\?start=(inv_[A-Za-z0-9_-]+)")


async def test_owner_sets_up_a_business_and_an_employee_joins(
    telegram: FakeTelegramServer, bot_env, processes, tmp_path: Path, session_factory
) -> None:
    bot = start_process("bot", ["-m", "bot"], bot_env, tmp_path)
    processes.append(bot)
    await telegram.wait_for_call("getUpdates", timeout=COLD_START_SECONDS)

    olga = telegram.user(6001, first_name="Olga", language_code="ru")
    await telegram.send_text(olga, "/start")
    await telegram.wait_for_message(olga.id, text_contains="Здравствуйте, Olga")
    await telegram.press(olga, "🏢 Я руковожу бизнесом")
    await telegram.wait_for_message(olga.id, text_contains="Как называется ваш бизнес")
    await telegram.send_text(olga, "Кофейня")
    await telegram.wait_for_message(olga.id, text_contains="часов")
    await telegram.press(olga, "Москва (UTC+3)")
    await telegram.wait_for_message(olga.id, text_contains="На каком языке")
    await telegram.press(olga, "🇷🇺 Русский")
    await telegram.wait_for_message(olga.id, text_contains="Главное меню владельца")

    await _press_and_wait(telegram, olga, "🏪 Объекты", "➕ Добавить объект")
    await telegram.press(olga, "➕ Добавить объект")
    await telegram.wait_for_message(olga.id, text_contains="Как называется объект")
    await telegram.send_text(olga, "Кафе на Мира")
    await telegram.wait_for_message(olga.id, text_contains="Кафе на Мира")
    await telegram.send_location(olga, 55.7522, 37.6156)
    await telegram.wait_for_message(olga.id, text_contains="радиус 150 м")

    mark = len(telegram.calls)
    await telegram.send_text(olga, "/menu")
    await telegram.wait_for_message(
        olga.id, text_contains="Главное меню владельца", after_call=mark
    )
    await _press_and_wait(telegram, olga, "✉️ Приглашения", "➕ Пригласить сотрудника")
    await _press_and_wait(telegram, olga, "➕ Пригласить сотрудника", "▫️ Кафе на Мира")
    await _press_and_wait(telegram, olga, "▫️ Кафе на Мира", "✅ Кафе на Мира")
    mark = len(telegram.calls)
    await telegram.press(olga, "➡️ Далее")
    await telegram.wait_for_call("editMessageText", after_call=mark)
    await telegram.send_text(olga, "350")
    await _wait_for_button(telegram, olga.id, "1️⃣ Одноразовое")
    await _press_and_wait(telegram, olga, "1️⃣ Одноразовое", "⏳ 7 дней")
    await telegram.press(olga, "⏳ 7 дней")
    card = await telegram.wait_for_message(olga.id, text_contains="t.me/staffprobot_test_bot")
    match = INVITE_LINK.search(card["text"])
    assert match, card["text"]

    ivan = telegram.user(6002, first_name="Ivan", language_code="ru")
    await telegram.send_text(ivan, f"/start {match.group(1)}")
    await telegram.wait_for_message(ivan.id, text_contains="Вы присоединились к «Кофейня»")
    await telegram.wait_for_message(ivan.id, text_contains="Ваши смены и заработок")
    assert '"update.failed"' not in bot.output()


async def _wait_for_button(telegram: FakeTelegramServer, chat_id: int, text: str) -> None:
    """Buttons arrive with an edit a moment after a press: wait for the screen."""
    for _ in range(200):
        if any(text in telegram.buttons(m) for m in telegram.chat_messages(chat_id)):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no button {text!r} in chat {chat_id}")


async def _press_and_wait(telegram: FakeTelegramServer, user, button: str, expected: str) -> None:
    await _wait_for_button(telegram, user.id, button)
    await telegram.press(user, button)
    await _wait_for_button(telegram, user.id, expected)
