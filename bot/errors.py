"""Recovery: an outdated or unknown screen sends the user back to the menu with an
explanation; any other failure is logged with its traceback and the user is told."""

import structlog
from aiogram import Dispatcher, F
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, Update
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState

from bot.middlewares import ButtonNotOnScreen
from dialogs.menu.states import MainMenuSG
from services.platform.i18n import Translator

log = structlog.get_logger("bot.errors")


async def _tell(update: Update, text: str) -> None:
    if update.callback_query is not None:
        await update.callback_query.answer()
        if update.callback_query.message is not None:
            await update.callback_query.message.answer(text)
    elif update.message is not None:
        await update.message.answer(text)


async def on_outdated_screen(
    event: ErrorEvent, dialog_manager: DialogManager, i18n: Translator
) -> None:
    log.info("dialog.outdated_intent", error=type(event.exception).__name__)
    await _tell(event.update, i18n.get("common-outdated-screen"))
    await dialog_manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_unexpected_error(event: ErrorEvent, i18n: Translator) -> None:
    log.error(
        "update.failed",
        update_id=event.update.update_id,
        exc_info=(type(event.exception), event.exception, event.exception.__traceback__),
    )
    try:
        await _tell(event.update, i18n.get("common-something-went-wrong"))
    except Exception:  # the apology itself failed (Telegram or DB down): logged, not raised
        log.exception("update.apology_failed", update_id=event.update.update_id)


def register_error_handlers(dp: Dispatcher) -> None:
    dp.errors.register(
        on_outdated_screen,
        ExceptionTypeFilter(UnknownIntent, OutdatedIntent, UnknownState, ButtonNotOnScreen),
    )
    dp.errors.register(on_unexpected_error, F.update)
