"""Middlewares of every update: log context and metrics, a database session (committed
before any dialog window is shown), the user and their language."""

import asyncio
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

import structlog
from aiogram import BaseMiddleware, Bot
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.fsm.middleware import FSMContextMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, Update
from aiogram.types import User as TelegramUser
from aiogram_dialog.api.entities import NewMessage, OldMessage
from aiogram_dialog.api.internal import CONTEXT_KEY
from aiogram_dialog.manager.message_manager import MessageManager
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from services.orgs.organizations import acting_currency
from services.platform.db.session import SessionFactory
from services.platform.i18n import translator_for
from services.platform.observability.metrics import HANDLER_CALLS, HANDLER_LATENCY, UPDATES
from services.staff.users import TelegramProfile, get_or_register_user

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
log = structlog.get_logger("bot.updates")


class InFlightUpdates:
    """Counts updates being handled, so that a stopping process can let them finish."""

    def __init__(self) -> None:
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def enter(self) -> None:
        self.count += 1
        self._idle.clear()

    def leave(self) -> None:
        self.count -= 1
        if self.count == 0:
            self._idle.set()

    async def drained(self, seconds: float) -> bool:
        try:
            await asyncio.wait_for(self._idle.wait(), seconds)
        except TimeoutError:
            return False
        return True


class UpdateContextMiddleware(BaseMiddleware):
    """Outer middleware on updates: binds update and user ids to every log line of the
    update, counts it by type and outcome, and tracks it as in flight."""

    def __init__(self, in_flight: InFlightUpdates) -> None:
        self.in_flight = in_flight

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        sender: TelegramUser | None = data.get("event_from_user")
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(
            update_id=event.update_id,
            update_type=event.event_type,
            telegram_user_id=sender.id if sender else None,
        )
        outcome = "error"
        self.in_flight.enter()
        try:
            result = await handler(event, data)
            outcome = "unhandled" if result is UNHANDLED else "handled"
            return result
        finally:
            UPDATES.labels(update_type=event.event_type, outcome=outcome).inc()
            structlog.contextvars.clear_contextvars()
            self.in_flight.leave()


class DialogStorageMiddleware(BaseMiddleware):
    """Hands aiogram-dialog the FSM storage (`fsm_storage`), in place of aiogram's FSM
    middleware. Nothing of ours keeps state in aiogram's FSM: the dialogs keep theirs
    under their own per-chat lock (the dialog stack's). aiogram's middleware would also
    lock the chat and read its FSM state on every update: three Redis round trips of
    about fourteen, guarding nothing."""

    def __init__(self, fsm: FSMContextMiddleware) -> None:
        self.fsm = fsm

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        data["fsm_storage"] = self.fsm.storage
        return await handler(event, data)


# The session of the update being handled, for committing before a screen is shown.
_update_session: ContextVar[AsyncSession | None] = ContextVar("update_session", default=None)


class DbSessionMiddleware(BaseMiddleware):
    """One session (one transaction) per update: committed when the handler succeeds,
    rolled back when it raises."""

    def __init__(self, session_factory: SessionFactory) -> None:
        self.session_factory = session_factory

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self.session_factory() as session:
            data["session"] = session
            token = _update_session.set(session)
            try:
                result = await handler(event, data)
                await session.commit()
            finally:
                _update_session.reset(token)
            return result


class CommitBeforeShowing(MessageManager):
    """Commits the update's changes before a dialog window reaches the user, so nobody
    is shown a result ("shift opened") that the database then fails to keep: if the
    commit fails, nothing is shown and the error handler asks to try again."""

    async def show_message(
        self, bot: Bot, new_message: NewMessage, old_message: OldMessage | None
    ) -> OldMessage:
        session = _update_session.get()
        if session is not None and session.in_transaction():
            await session.commit()
        return await super().show_message(bot, new_message, old_message)


class ButtonNotOnScreen(Exception):
    """A button press whose data is on none of the message's buttons: pressed on an
    older rendering of the screen, or forged by a modified client."""


class ButtonOnScreenMiddleware(BaseMiddleware):
    """Lets through only presses of buttons the message really carries. Telegram sends
    the message with its current keyboard, so anything else (a stale rendering, or a
    crafted id of someone else's object) is answered like an outdated screen."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, CallbackQuery)
        message = event.message
        if isinstance(message, Message) and event.data not in _callback_data_of(message):
            raise ButtonNotOnScreen(event.data)
        return await handler(event, data)


def _callback_data_of(message: Message) -> set[str]:
    markup = message.reply_markup
    if markup is None:
        return set()
    return {
        button.callback_data
        for row in markup.inline_keyboard
        for button in row
        if button.callback_data
    }


class UserMiddleware(BaseMiddleware):
    """Registers a new user on first contact and puts `user` and `i18n` into the data.

    On the error path (`tolerant=True`) a failing or unreachable database must not hide
    the original error: the user is then unknown and the default language is used.
    """

    def __init__(self, *, tolerant: bool = False) -> None:
        self.tolerant = tolerant

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        data["i18n"] = translator_for(None)
        sender: TelegramUser | None = data.get("event_from_user")
        if sender is None or sender.is_bot:
            return await handler(event, data)
        try:
            user = await get_or_register_user(
                data["session"],
                TelegramProfile(
                    telegram_id=sender.id,
                    first_name=sender.first_name,
                    last_name=sender.last_name,
                    username=sender.username,
                    language_code=sender.language_code,
                ),
            )
        except (SQLAlchemyError, OSError):  # OSError: the server refused the connection
            if not self.tolerant:
                raise
            log.warning("update.user_lookup_failed_on_error_path")
            return await handler(event, data)
        data["user"] = user
        data["i18n"] = translator_for(user.language, await acting_currency(data["session"], user))
        structlog.contextvars.bind_contextvars(user_id=user.id)
        return await handler(event, data)


class HandlerMetricsMiddleware(BaseMiddleware):
    """Inner middleware: names the handler (the dialog state, else the function), binds it
    to the log context and measures its latency."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        name = _handler_name(data)
        structlog.contextvars.bind_contextvars(handler=name)
        started = time.perf_counter()
        try:
            return await handler(event, data)
        finally:
            elapsed = time.perf_counter() - started
            HANDLER_CALLS.labels(handler=name).inc()
            HANDLER_LATENCY.labels(handler=name).observe(elapsed)
            log.info("update.handled", seconds=round(elapsed, 4))


def _handler_name(data: dict[str, Any]) -> str:
    context = data.get(CONTEXT_KEY)
    if context is not None and getattr(context, "state", None) is not None:
        return str(context.state.state)
    handler_object = data.get("handler")
    callback = getattr(handler_object, "callback", None)
    return getattr(callback, "__qualname__", "unknown")
