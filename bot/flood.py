"""Per-user flood control, in front of everything else an update costs (the chat's turn,
its lock, the database): a user may send `FLOOD_LIMIT` updates per `FLOOD_WINDOW_SECONDS`.
The first update over the limit is answered with one short "slow down" in the user's
language; it and the rest of that window's updates are dropped unhandled. A person never
gets near the limit; a stuck client or a script sending hundreds of updates no longer
holds back everyone else (and Telegram would refuse most of the replies anyway).

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
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError

from bot.middlewares import Handler
from services.platform.db.session import SessionFactory
from services.platform.i18n import translator_for
from services.staff.users import language_of

log = structlog.get_logger("bot.flood")

FLOOD_LIMIT = 30
FLOOD_WINDOW_SECONDS = 10.0
# Without Redis: past this many users counted, windows that are over are forgotten.
_LOCAL_USERS_KEPT = 10_000


class FloodGuard(BaseMiddleware):
    """Outer middleware on updates, ahead of the chat's turn and lock."""

    def __init__(self) -> None:
        self._local: dict[int, tuple[float, int]] = {}

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        sender: TelegramUser | None = data.get("event_from_user")
        if sender is None or sender.is_bot:
            return await handler(event, data)
        try:
            count = await self._count(data["redis"], data["settings"].namespace, sender.id)
        except RedisError:  # Redis down: not counted; the update fails on its lock if at all
            return await handler(event, data)
        if count <= FLOOD_LIMIT:
            return await handler(event, data)
        if count == FLOOD_LIMIT + 1:
            log.warning("update.flood_throttled", telegram_user_id=sender.id)
            await _ask_to_slow_down(
                data["bot"], data.get("event_chat"), sender, data["session_factory"]
            )
        return UNHANDLED

    async def _count(self, redis: Redis | None, namespace: str, telegram_id: int) -> int:
        """This update's number in the sender's current window."""
        if redis is None:
            return self._count_locally(telegram_id)
        key = f"{namespace}:flood:{telegram_id}"
        async with redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.pexpire(key, int(FLOOD_WINDOW_SECONDS * 1000), nx=True)
            count, _ = await pipe.execute()
        return int(count)

    def _count_locally(self, telegram_id: int) -> int:
        now = time.monotonic()
        window_ends, count = self._local.get(telegram_id, (0.0, 0))
        if now >= window_ends:
            if len(self._local) >= _LOCAL_USERS_KEPT:
                self._local = {user: kept for user, kept in self._local.items() if kept[0] > now}
            window_ends, count = now + FLOOD_WINDOW_SECONDS, 0
        self._local[telegram_id] = (window_ends, count + 1)
        return count + 1


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
