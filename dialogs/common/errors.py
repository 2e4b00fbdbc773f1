"""Domain errors shown to the user in their language; the dialog stays where it was."""

from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode

from dialogs.common.i18n import fluent_args, translator_of
from services.platform.errors import DomainError


def error_text(manager: DialogManager, error: DomainError) -> str:
    translator = translator_of(manager)
    reason = error.params.get("reason")
    key = f"error-{error.code}-{reason}" if reason else f"error-{error.code}"
    text = translator.get(key, **fluent_args(error.params))
    return (
        translator.get(f"error-{error.code}", **fluent_args(error.params)) if text == key else text
    )


async def show_domain_error(message: Message, manager: DialogManager, error: DomainError) -> None:
    await message.answer(error_text(manager, error))
    # Re-send the window below the error so the user can go on from where they were.
    manager.show_mode = ShowMode.SEND
