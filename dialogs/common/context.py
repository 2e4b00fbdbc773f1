"""The one way dialog handlers and getters reach what the middlewares give every update:
its database session, the user who sent it, the clock, their translator, the settings,
the bot and the Redis client (None in the embedded default)."""

from dataclasses import dataclass

from aiogram import Bot
from aiogram_dialog import DialogManager
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.i18n import translator_of
from services.platform.clock import Clock
from services.platform.config import Settings
from services.platform.db.models import User
from services.platform.i18n import Translator


@dataclass(frozen=True)
class UpdateContext:
    session: AsyncSession
    user: User
    clock: Clock
    i18n: Translator
    settings: Settings
    bot: Bot
    redis: Redis | None


def update_context(manager: DialogManager) -> UpdateContext:
    data = manager.middleware_data
    return UpdateContext(
        session=data["session"],
        user=data["user"],
        clock=data["clock"],
        i18n=translator_of(manager),
        settings=data["settings"],
        bot=data["bot"],
        redis=data.get("redis"),
    )
