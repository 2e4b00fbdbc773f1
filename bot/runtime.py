"""Everything one bot process holds: engine, Redis, Bot and Dispatcher, opened and
closed together."""

from dataclasses import dataclass

import structlog
from aiogram import Bot, Dispatcher
from aiogram.types import BotCommand, MenuButtonWebApp, WebAppInfo
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.factory import create_bot, create_dispatcher, create_storage
from bot.middlewares import InFlightUpdates
from services.platform.clock import Clock, SystemClock
from services.platform.config import Settings
from services.platform.db.session import create_engine, create_session_factory
from services.platform.i18n import SUPPORTED_LANGUAGES, translator_for
from services.platform.redis import create_redis
from services.platform.startup import wait_for_database_and_redis

log = structlog.get_logger("bot")


@dataclass
class BotRuntime:
    settings: Settings
    engine: AsyncEngine
    redis: Redis | None
    bot: Bot
    dispatcher: Dispatcher

    async def close(self, drain_seconds: float = 20.0) -> None:
        """Let the updates being handled finish (graceful shutdown), then disconnect."""
        in_flight: InFlightUpdates = self.dispatcher["in_flight"]
        if not await in_flight.drained(drain_seconds):
            log.warning("bot.shutdown_with_updates_in_flight", count=in_flight.count)
        await self.bot.session.close()
        await self.dispatcher.storage.close()
        if self.redis is not None:
            await self.redis.aclose()
        await self.engine.dispose()


async def open_runtime(settings: Settings, clock: Clock | None = None) -> BotRuntime:
    engine = create_engine(settings.effective_database_url)
    redis = create_redis(settings)
    await wait_for_database_and_redis(engine, redis, deadline_seconds=settings.startup_wait_seconds)
    storage, isolation = create_storage(settings, redis)
    dispatcher = create_dispatcher(
        settings=settings,
        session_factory=create_session_factory(engine),
        clock=clock or SystemClock(),
        storage=storage,
        events_isolation=isolation,
    )
    return BotRuntime(settings, engine, redis, create_bot(settings), dispatcher)


async def announce_commands(bot: Bot, settings: Settings) -> None:
    """Commands menu in both languages and, when the webapp is public, the Mini App button."""
    for language in SUPPORTED_LANGUAGES:
        translator = translator_for(language)
        commands = [
            BotCommand(command=name, description=translator.get(f"command-{name}"))
            for name in ("start", "menu", "settings", "help")
        ]
        await bot.set_my_commands(commands, language_code=language)
    if settings.webapp_base_url.startswith("https://"):
        await bot.set_chat_menu_button(
            menu_button=MenuButtonWebApp(
                text="StaffProBot", web_app=WebAppInfo(url=f"{settings.webapp_base_url}/app/")
            )
        )
