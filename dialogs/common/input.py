"""Replies shared by windows that wait for typed text or a button press."""

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput

from dialogs.common.errors import show_domain_error
from dialogs.common.i18n import translator_of
from services.platform.errors import DomainError


async def expect_text(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """A photo, sticker or file where text was expected: say so and stay."""
    await message.answer(translator_of(manager).get("input-expect-text"))
    manager.show_mode = ShowMode.SEND


async def show_callback_error(
    callback: CallbackQuery, manager: DialogManager, error: DomainError
) -> None:
    """A domain error after a button press, shown like one after typed input."""
    if isinstance(callback.message, Message):
        await show_domain_error(callback.message, manager, error)
