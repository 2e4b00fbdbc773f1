"""Domain errors in the user's language. Handlers let a `DomainError` propagate to
`bot.errors.on_domain_error`, which says why and shows the window again; only a handler
that goes elsewhere after a refusal catches it and calls `show_domain_error`."""

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode

from dialogs.common.context import update_context
from services.platform.errors import DomainError
from services.platform.i18n import Translator, fluent_args


def error_text(i18n: Translator, error: DomainError) -> str:
    """`error-<code>-<reason>` when the catalogue has it, else `error-<code>`."""
    reason = error.params.get("reason")
    key = f"error-{error.code}-{reason}" if reason else f"error-{error.code}"
    text = i18n.get(key, **fluent_args(error.params))
    return i18n.get(f"error-{error.code}", **fluent_args(error.params)) if text == key else text


async def show_domain_error(
    event: Message | CallbackQuery, manager: DialogManager, error: DomainError
) -> None:
    message = event.message if isinstance(event, CallbackQuery) else event
    if isinstance(message, Message):
        await message.answer(error_text(update_context(manager).i18n, error))
        # The next window goes below the error, so the user reads both in order.
        manager.show_mode = ShowMode.SEND
