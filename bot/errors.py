"""Recovery: an outdated or unknown screen sends the user back to the menu with an
explanation; any other failure is logged with its traceback and the user is told."""

import structlog
from aiogram import Dispatcher, F
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, Update
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState
from sqlalchemy import select

from dialogs.menu.states import MainMenuSG
from services.db.models import User
from services.db.session import SessionFactory
from services.i18n import Translator, translator_for

log = structlog.get_logger("bot.errors")


async def _translator_for_update(update: Update, session_factory: SessionFactory) -> Translator:
    sender = _sender(update)
    if sender is None:
        return translator_for(None)
    async with session_factory() as session:
        language = await session.scalar(select(User.language).where(User.telegram_id == sender.id))
    return translator_for(language or None)


def _sender(update: Update):  # type: ignore[no-untyped-def]
    event = update.event
    return getattr(event, "from_user", None)


async def _tell(update: Update, text: str) -> None:
    if update.callback_query is not None:
        await update.callback_query.answer()
        if update.callback_query.message is not None:
            await update.callback_query.message.answer(text)
    elif update.message is not None:
        await update.message.answer(text)


async def on_outdated_screen(
    event: ErrorEvent, dialog_manager: DialogManager, session_factory: SessionFactory
) -> None:
    log.info("dialog.outdated_intent", error=type(event.exception).__name__)
    translator = await _translator_for_update(event.update, session_factory)
    await _tell(event.update, translator.get("common-outdated-screen"))
    await dialog_manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_unexpected_error(event: ErrorEvent, session_factory: SessionFactory) -> None:
    log.error(
        "update.failed",
        update_id=event.update.update_id,
        exc_info=(type(event.exception), event.exception, event.exception.__traceback__),
    )
    try:
        translator = await _translator_for_update(event.update, session_factory)
        await _tell(event.update, translator.get("common-something-went-wrong"))
    except Exception:  # the apology itself failed (Telegram or DB down): logged, not raised
        log.exception("update.apology_failed", update_id=event.update.update_id)


def register_error_handlers(dp: Dispatcher) -> None:
    dp.errors.register(
        on_outdated_screen, ExceptionTypeFilter(UnknownIntent, OutdatedIntent, UnknownState)
    )
    dp.errors.register(on_unexpected_error, F.update)
