"""Replies shared by windows that wait for typed text."""

from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput

from dialogs.common.context import update_context


async def expect_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """A photo, sticker or file where text was expected: say so and stay."""
    await message.answer(update_context(manager).i18n.get("input-expect-text"))
    manager.show_mode = ShowMode.SEND
