"""One Dispatcher with every dialog for the whole test session, bound to each test's own
dependencies.

Building the Dispatcher takes most of a second (aiogram inspects every one of the dialogs'
~1,700 handlers and filters), once per dialog test that was over a minute of the suite.
The routers and middlewares hold nothing of a test, so they are built once; `bind` gives
the Dispatcher the test's settings, clock, storage and event isolation (Redis, or memory
as in the embedded default), media orchestrator, message manager and an empty media id
cache, so nothing one test leaves behind reaches the next.
The database session middleware keeps the session factory it was built with: every test
uses the one session-wide engine (emptied between tests)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import BaseEventIsolation, StorageKey
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import ShowMode
from aiogram_dialog.api.entities import NewMessage, OldMessage
from aiogram_dialog.api.protocols import MessageManagerProtocol
from aiogram_dialog.context.media_storage import MediaIdStorage
from aiogram_dialog.manager.manager_middleware import ManagerMiddleware
from aiogram_dialog.test_tools import MockMessageManager
from redis.asyncio import Redis

from bot.factory import create_dispatcher, create_storage
from services.hiring.applications import vacancy_opens_store
from services.media_orchestrator import media_orchestrator_for
from services.orgs.invites import failed_attempts_store
from services.platform.clock import Clock, SystemClock
from services.platform.config import Settings
from services.platform.db.session import SessionFactory

# What `create_dispatcher` puts into the Dispatcher's data; all but `in_flight` (a counter
# that is back at zero after every update) and `message_manager` (the proxy below, which
# hands every call to the current test's) belongs to one test.
_PER_TEST_DATA = frozenset(
    {
        "settings",
        "session_factory",
        "clock",
        "redis",
        "invite_failures",
        "vacancy_opens",
        "media_orchestrator",
    }
)
_SHARED_DATA = frozenset({"in_flight", "message_manager"})


class _CurrentMessageManager(MessageManagerProtocol):
    """aiogram-dialog keeps the message manager it was set up with: this one hands every
    call to the current test's."""

    def __init__(self) -> None:
        self.target: MessageManagerProtocol = MockMessageManager()

    async def remove_kbd(
        self, bot: Bot, show_mode: ShowMode, old_message: OldMessage | None
    ) -> Message | None:
        return await self.target.remove_kbd(bot, show_mode, old_message)

    async def show_message(
        self, bot: Bot, new_message: NewMessage, old_message: OldMessage | None
    ) -> OldMessage:
        return await self.target.show_message(bot, new_message, old_message)

    async def answer_callback(self, bot: Bot, callback_query: CallbackQuery) -> None:
        await self.target.answer_callback(bot, callback_query)


class _CurrentEventIsolation(BaseEventIsolation):
    """aiogram-dialog keeps the event isolation it was set up with: this one locks with
    the current test's (Redis locks under the test's namespace)."""

    def __init__(self) -> None:
        self.target: BaseEventIsolation = SimpleEventIsolation()

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncIterator[None]:
        async with self.target.lock(key):
            yield

    async def close(self) -> None:
        await self.target.close()


class SharedDispatcher:
    def __init__(self, settings: Settings, session_factory: SessionFactory) -> None:
        self._messages = _CurrentMessageManager()
        self._isolation = _CurrentEventIsolation()
        self.dispatcher = create_dispatcher(
            settings=settings,
            session_factory=session_factory,
            clock=SystemClock(),  # every test binds its own
            storage=MemoryStorage(),
            events_isolation=self._isolation,
            message_manager=self._messages,
        )
        unknown = self.dispatcher.workflow_data.keys() - _PER_TEST_DATA - _SHARED_DATA
        assert not unknown, f"create_dispatcher holds {unknown}: bind it per test here"

    def bind(
        self,
        *,
        settings: Settings,
        session_factory: SessionFactory,
        clock: Clock,
        redis: Redis | None,
        message_manager: MessageManagerProtocol,
    ) -> Dispatcher:
        """The Dispatcher as `create_dispatcher` would build it from these."""
        dp = self.dispatcher
        storage, isolation = create_storage(settings, redis)
        dp.fsm.storage = storage
        self._isolation.target = isolation
        self._messages.target = message_manager
        dp.workflow_data.update(
            settings=settings,
            session_factory=session_factory,
            clock=clock,
            redis=redis,
            invite_failures=failed_attempts_store(redis, settings.namespace, clock),
            vacancy_opens=vacancy_opens_store(redis, settings.namespace, clock),
            media_orchestrator=media_orchestrator_for(settings, redis),
        )
        # aiogram-dialog remembers the file id Telegram gave each media URL it sent.
        managers = [m for m in dp.message.middleware if isinstance(m, ManagerMiddleware)]
        for manager in managers:
            manager.dialog_manager_factory.media_id_storage = MediaIdStorage()  # type: ignore[attr-defined]
        return dp
