"""Recovery: a domain error is told in the user's language and the window shown again;
an outdated or unknown screen sends the user back to the menu with an explanation; any
other failure is logged with its traceback and the user is told."""

import structlog
from aiogram import Bot, Dispatcher, F
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, Message, Update
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState
from aiogram_dialog.api.protocols import MessageManagerProtocol

from bot.middlewares import ButtonNotOnScreen
from dialogs.common.errors import error_text
from dialogs.menu.states import MainMenuSG
from services.platform.errors import DomainError
from services.platform.i18n import Translator

log = structlog.get_logger("bot.errors")


async def _tell(
    update: Update, text: str, bot: Bot, message_manager: MessageManagerProtocol
) -> None:
    """The text below the screen the update came from. A press is answered through the
    message manager, which lets a press already answered or older than Telegram keeps
    them pass: the user still reads why, and still gets the menu."""
    if update.callback_query is not None:
        await message_manager.answer_callback(bot, update.callback_query)
        if update.callback_query.message is not None:
            await update.callback_query.message.answer(text)
    elif update.message is not None:
        await update.message.answer(text)


async def on_domain_error(
    event: ErrorEvent,
    bot: Bot,
    i18n: Translator,
    message_manager: MessageManagerProtocol,
    dialog_manager: DialogManager | None = None,
) -> None:
    """A use case refused (bad input, no right, a rule): the update's transaction was
    rolled back when the error left the session middleware. The user reads why and gets
    the window they were in again, below the text; a window that cannot be shown any
    more (its getter refuses too) gives way to the menu."""
    error = event.exception
    assert isinstance(error, DomainError)
    log.info("dialog.refused", error=type(error).__name__, code=error.code)
    press = event.update.callback_query
    chat_message = press.message if press is not None else event.update.message
    if isinstance(chat_message, Message):
        await chat_message.answer(error_text(i18n, error))
    if dialog_manager is not None and dialog_manager.has_context():
        try:
            await dialog_manager.show(ShowMode.SEND)
        except DomainError:
            await dialog_manager.start(
                MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND
            )
    if press is not None:
        await message_manager.answer_callback(bot, press)


async def on_outdated_screen(
    event: ErrorEvent,
    dialog_manager: DialogManager,
    i18n: Translator,
    bot: Bot,
    message_manager: MessageManagerProtocol,
) -> None:
    log.info("dialog.outdated_intent", error=type(event.exception).__name__)
    await _tell(event.update, i18n.get("common-outdated-screen"), bot, message_manager)
    await dialog_manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_unexpected_error(
    event: ErrorEvent, i18n: Translator, bot: Bot, message_manager: MessageManagerProtocol
) -> None:
    log.error(
        "update.failed",
        update_id=event.update.update_id,
        exc_info=(type(event.exception), event.exception, event.exception.__traceback__),
    )
    try:
        await _tell(event.update, i18n.get("common-something-went-wrong"), bot, message_manager)
    except Exception:  # the apology itself failed (Telegram or DB down): logged, not raised
        log.exception("update.apology_failed", update_id=event.update.update_id)


def register_error_handlers(dp: Dispatcher) -> None:
    dp.errors.register(on_domain_error, ExceptionTypeFilter(DomainError))
    dp.errors.register(
        on_outdated_screen,
        ExceptionTypeFilter(UnknownIntent, OutdatedIntent, UnknownState, ButtonNotOnScreen),
    )
    dp.errors.register(on_unexpected_error, F.update)
