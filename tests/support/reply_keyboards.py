"""aiogram-dialog's `MockMessageManager` builds an aiogram `Message` for every window it
"sends", and aiogram types `Message.reply_markup` as inline keyboards only, so a window
with a reply keyboard (the location request button) cannot be stored. This manager keeps
the reply keyboard beside the message, per chat, and marks the message as having one so
aiogram-dialog behaves as it does against Telegram."""

from dataclasses import replace

from aiogram import Bot
from aiogram.types import ReplyKeyboardMarkup
from aiogram_dialog.api.entities import NewMessage, OldMessage
from aiogram_dialog.test_tools import MockMessageManager


class ReplyKeyboardMessageManager(MockMessageManager):
    def __init__(self) -> None:
        super().__init__()
        self.reply_keyboards: dict[int, ReplyKeyboardMarkup] = {}

    async def show_message(
        self, bot: Bot, new_message: NewMessage, old_message: OldMessage | None
    ) -> OldMessage:
        markup = new_message.reply_markup
        if not isinstance(markup, ReplyKeyboardMarkup):
            return await super().show_message(bot, new_message, old_message)
        self.reply_keyboards[new_message.chat.id] = markup
        shown = await super().show_message(
            bot, replace(new_message, reply_markup=None), old_message
        )
        return replace(shown, has_reply_keyboard=True)

    def reply_buttons(self, chat_id: int) -> list[str]:
        markup = self.reply_keyboards.get(chat_id)
        return [button.text for row in markup.keyboard for button in row] if markup else []

    def requests_location(self, chat_id: int) -> bool:
        markup = self.reply_keyboards.get(chat_id)
        return markup is not None and any(
            button.request_location for row in markup.keyboard for button in row
        )
