"""The dialog tests' message manager refuses what Telegram would refuse, so a window
with a button Telegram rejects fails its test instead of passing unnoticed."""

import pytest
from aiogram import Bot
from aiogram.types import Chat, InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_dialog.api.entities import NewMessage

from tests.support.dialogs import TelegramLimitsMessageManager


def _window(callback_data: str) -> NewMessage:
    button = InlineKeyboardButton(text="Open", callback_data=callback_data)
    return NewMessage(
        chat=Chat(id=7, type="private"),
        text="Shift",
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
    )


async def test_a_button_over_64_bytes_of_callback_data_is_refused_and_reported(
    bot: Bot,
) -> None:
    manager = TelegramLimitsMessageManager()
    await manager.show_message(bot, _window("ё" * 32), None)  # 64 bytes: shown

    with pytest.raises(ValueError, match="Telegram would refuse"):
        await manager.show_message(bot, _window("ё" * 32 + "x"), None)

    assert len(manager.sent_messages) == 1
    assert manager.refused == ["'Open': '" + "ё" * 32 + "x'"]
