"""Per-user flood control, in front of everything else an update costs (the chat's turn,
its lock, the database): a user may send `flood_limit` updates (a setting) per
`FLOOD_WINDOW_SECONDS`. The first update over the limit is answered with one short "slow
down" in the user's language; it and the rest of the flood are dropped unhandled, each
of them keeping the window open, so a flood is dropped until the user pauses for a
window and is told once. A person never gets near the limit; a stuck client or a script
sending hundreds of updates no longer holds back everyone else (and Telegram would refuse
most of the replies anyway).

Counted in Redis when there is one (shared by every replica), else in this process."""

import time
from typing import Any

import structlog
from aiogram import BaseMiddleware, Bot
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Chat, TelegramObject
from aiogram.types import User as TelegramUser
from redis.asyncio import Redis
from redis.commands.core import AsyncScript
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError

from bot.middlewares import Handler
from services.platform.config import Settings
from services.platform.db.session import SessionFactory
from services.platform.i18n import translator_for
from services.staff.users import language_of

log = structlog.get_logger("bot.flood")

FLOOD_WINDOW_SECONDS = 10.0
# Without Redis: past this many users counted, windows that are over are forgotten.
_LOCAL_USERS_KEPT = 10_000

# KEYS: the sender's counter. ARGV: window ms, limit. The window opens with the first
# update and is kept open by every update over the limit.
_COUNT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 or count > tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
"""


class FloodGuard(BaseMiddleware):
    """Outer middleware on updates, ahead of the chat's turn and lock."""

    def __init__(self) -> None:
        self._local: dict[int, tuple[float, int]] = {}
        # The counting script of the Redis client it was registered with (sent by its SHA).
        self._script: tuple[Redis, AsyncScript] | None = None

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        sender: TelegramUser | None = data.get("event_from_user")
        if sender is None or sender.is_bot:
            return await handler(event, data)
        settings: Settings = data["settings"]
        limit = settings.flood_limit
        try:
            count = await self._count(data["redis"], settings.namespace, sender.id, limit)
        except RedisError:  # Redis down: not counted; the update fails on its lock if at all
            return await handler(event, data)
        if count <= limit:
            return await handler(event, data)
        if count == limit + 1:
            log.warning("update.flood_throttled", telegram_user_id=sender.id)
            await _ask_to_slow_down(
                data["bot"], data.get("event_chat"), sender, data["session_factory"]
            )
        return UNHANDLED

    async def _count(
        self, redis: Redis | None, namespace: str, telegram_id: int, limit: int
    ) -> int:
        """This update's number in the sender's current window."""
        if redis is None:
            return self._count_locally(telegram_id, limit)
        if self._script is None or self._script[0] is not redis:
            self._script = (redis, redis.register_script(_COUNT))
        script = self._script[1]
        key = f"{namespace}:flood:{telegram_id}"
        return int(await script(keys=[key], args=[int(FLOOD_WINDOW_SECONDS * 1000), limit]))

    def _count_locally(self, telegram_id: int, limit: int) -> int:
        now = time.monotonic()
        window_ends, count = self._local.get(telegram_id, (0.0, 0))
        if now >= window_ends:
            if len(self._local) >= _LOCAL_USERS_KEPT:
                self._local = {user: kept for user, kept in self._local.items() if kept[0] > now}
            window_ends, count = now + FLOOD_WINDOW_SECONDS, 0
        count += 1
        if count > limit:
            window_ends = now + FLOOD_WINDOW_SECONDS
        self._local[telegram_id] = (window_ends, count)
        return count


async def _ask_to_slow_down(
    bot: Bot, chat: Chat | None, sender: TelegramUser, session_factory: SessionFactory
) -> None:
    if chat is None:
        return
    try:
        async with session_factory() as session:
            language = await language_of(session, sender.id, sender.language_code)
        await bot.send_message(chat.id, translator_for(language).get("common-slow-down"))
    except (TelegramAPIError, SQLAlchemyError, OSError) as error:  # dropping is what matters
        log.warning("update.slow_down_not_sent", error=repr(error))
