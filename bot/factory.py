"""Builds the Bot, the FSM storage and the Dispatcher with every router and dialog.

The same factory serves polling (`python -m bot`), webhook mode (mounted in the webapp)
and tests, so they all run the same code.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, StorageKey
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.fsm.storage.redis import DefaultKeyBuilder, KeyBuilder, RedisStorage
from aiogram_dialog import setup_dialogs
from aiogram_dialog.api.entities import DIALOG_EVENT_NAME
from aiogram_dialog.api.protocols import MessageManagerProtocol
from redis.asyncio import Redis

from bot.dialog_ids import use_unrepeated_dialog_ids
from bot.errors import register_error_handlers
from bot.flood import FloodGuard
from bot.handlers import commands_router, fallback_router
from bot.middlewares import (
    ButtonOnScreenMiddleware,
    CommitBeforeShowing,
    DbSessionMiddleware,
    DialogStorageMiddleware,
    HandlerMetricsMiddleware,
    InFlightUpdates,
    UpdateContextMiddleware,
    UserMiddleware,
)
from bot.webhook import ChatTurnMiddleware
from dialogs import dialogs_router
from services.hiring.applications import vacancy_opens_store
from services.media_orchestrator import media_orchestrator_for
from services.orgs.invites import failed_attempts_store
from services.platform.clock import Clock
from services.platform.config import Settings
from services.platform.db.session import SessionFactory
from services.platform.redis import leased


def create_bot(settings: Settings) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_base))
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


class LeasedEventIsolation(BaseEventIsolation):
    """The per-chat lock of aiogram and aiogram-dialog as a Redis lease
    (`services.platform.redis.leased`): a process killed mid-update holds the chat for
    one lease at most, and a lock lost while the update was handled (Redis restarted)
    is logged instead of turning the handled update into an error."""

    def __init__(self, redis: Redis, key_builder: KeyBuilder) -> None:
        self.redis = redis
        self.key_builder = key_builder

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncIterator[None]:
        async with leased(self.redis, self.key_builder.build(key, "lock")):
            yield

    async def close(self) -> None:
        pass


def create_storage(
    settings: Settings, redis: Redis | None
) -> tuple[BaseStorage, BaseEventIsolation]:
    """Redis storage (shared by every bot replica) or memory in the embedded default.

    `with_destiny=True` is what aiogram-dialog needs to keep each dialog's stack apart.
    """
    if redis is None:
        return MemoryStorage(), SimpleEventIsolation()
    key_builder = DefaultKeyBuilder(with_destiny=True, prefix=f"{settings.namespace}:fsm")
    return (
        RedisStorage(redis, key_builder=key_builder),
        LeasedEventIsolation(
            redis, DefaultKeyBuilder(with_destiny=True, prefix=f"{settings.namespace}:lock")
        ),
    )


def create_dispatcher(
    *,
    settings: Settings,
    session_factory: SessionFactory,
    clock: Clock,
    storage: BaseStorage,
    events_isolation: BaseEventIsolation,
    message_manager: MessageManagerProtocol | None = None,
) -> Dispatcher:
    # The Redis client behind the storage (None in the embedded default), for handlers.
    redis = storage.redis if isinstance(storage, RedisStorage) else None
    dp = Dispatcher(
        storage=storage,
        events_isolation=events_isolation,
        disable_fsm=True,  # the dialogs' storage is handed on below, after the chat's turn
        settings=settings,
        session_factory=session_factory,
        clock=clock,
        redis=redis,
        invite_failures=failed_attempts_store(redis, settings.namespace, clock),
        vacancy_opens=vacancy_opens_store(redis, settings.namespace, clock),
        media_orchestrator=media_orchestrator_for(settings, redis),
    )
    in_flight = InFlightUpdates()
    dp["in_flight"] = in_flight
    dp.update.outer_middleware(UpdateContextMiddleware(in_flight))
    # A flood is dropped before it waits for anything; the dialog's lock comes last.
    dp.update.outer_middleware(FloodGuard())
    dp.update.outer_middleware(ChatTurnMiddleware())
    dp.update.outer_middleware(DialogStorageMiddleware(dp.fsm))
    dp.callback_query.outer_middleware(ButtonOnScreenMiddleware())
    database = DbSessionMiddleware(session_factory)
    users = UserMiddleware()
    # An edited message is only handed on as a message (dialogs.clock.live_location),
    # which gets the session and the user then.
    for observer in (dp.message, dp.callback_query, dp.my_chat_member):
        observer.outer_middleware(database)
        observer.outer_middleware(users)
        observer.middleware(HandlerMetricsMiddleware())

    dp.include_routers(commands_router(), dialogs_router(), fallback_router())
    # The error handler answers a refused button press through it, as the dialogs do.
    dp["message_manager"] = message_manager or CommitBeforeShowing()
    setup_dialogs(dp, message_manager=dp["message_manager"], events_isolation=events_isolation)
    use_unrepeated_dialog_ids()
    # Background dialog updates (refreshes from the worker) exist only after setup_dialogs.
    dp.observers[DIALOG_EVENT_NAME].outer_middleware(database)
    dp.observers[DIALOG_EVENT_NAME].outer_middleware(users)
    # Error handlers speak the user's language and may show the menu (which reads the DB).
    dp.errors.outer_middleware(database)
    dp.errors.outer_middleware(UserMiddleware(tolerant=True))
    register_error_handlers(dp)
    return dp
