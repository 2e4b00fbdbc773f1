"""Webhook updates across several webapp replicas sharing Redis.

Telegram delivers an update again when it got no 2xx answer in time (perhaps to another
replica, e.g. during a rolling restart) and delivers one chat's updates over parallel
connections. So:

- **Each `update_id` is handled once, and not lost.** The replica handling it holds a
  lease on it (`services.platform.redis.leased`: short, renewed while it works) and marks
  it done (kept 24 h) only once it has been handled. A repeat of a done update is answered
  200 without being handled; a repeat of one being handled waits for that lease and is
  then answered as a repeat; a repeat of one whose replica died mid-update (its lease
  lapsed) or that failed is handled. A repeat still waiting after `MAX_REPEAT_WAIT_SECONDS`
  is answered 503, so Telegram delivers it again later.
- **A chat's updates take turns**, in `update_id` order, whichever replica received them
  (a per-chat queue in Redis, taken inside the Dispatcher after the flood guard). The turn
  is a short lease renewed while the update is handled, and each waiter's place in the
  queue one renewed by its polling: a replica that dies frees the chat within one lease.
  A waiter that waited `MAX_TURN_WAIT_SECONDS` goes ahead (the dialog's own lock still
  keeps the two apart).

Without Redis (the embedded default: one process) updates are fed straight through.
"""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import structlog
from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.types import Chat, TelegramObject, Update
from aiogram.types import User as TelegramUser
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.middlewares import Handler
from services.platform.observability.metrics import CHAT_TURN_WAIT, WEBHOOK_REPEATS
from services.platform.redis import LEASE_SECONDS, LeaseWaitExpired, leased, renewed

log = structlog.get_logger("bot.webhook")

# Telegram gives up on an update after about a day; a repeat never comes later than that.
REPEAT_WINDOW_SECONDS = 24 * 3600
MAX_REPEAT_WAIT_SECONDS = 20.0
MAX_TURN_WAIT_SECONDS = 30.0
_FIRST_POLL_SECONDS = 0.005
_LONGEST_POLL_SECONDS = 0.05

# KEYS: queue, waiters, holder. ARGV: update_id, lease ms. Returns 1 when the turn was taken.
# The queue holds the waiting update_ids by update_id; `waiters` the time each waiter's
# place lapses, renewed by its every call, so places of dead waiters are dropped.
_TAKE_TURN = """
local now = redis.call('TIME')
local now_ms = now[1] * 1000 + math.floor(now[2] / 1000)
local lease = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], now_ms + lease)
redis.call('PEXPIRE', KEYS[1], lease * 2)
redis.call('PEXPIRE', KEYS[2], lease * 2)
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
while true do
  local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  if head == ARGV[1] then break end
  local lapses = tonumber(redis.call('HGET', KEYS[2], head))
  if lapses and lapses > now_ms then return 0 end
  redis.call('ZREM', KEYS[1], head)
  redis.call('HDEL', KEYS[2], head)
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('SET', KEYS[3], ARGV[1], 'PX', lease)
return 1
"""

# KEYS: holder. ARGV: update_id, lease ms. Returns 1 while the turn is still ours.
_RENEW_TURN = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])
"""

# KEYS: queue, waiters, holder. ARGV: update_id. Leaves the queue, gives the turn back if held.
_LEAVE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
return 1
"""


class ChatTurns:
    """Per-chat sequencing in Redis: one update of a chat at a time, lowest update_id first."""

    def __init__(
        self,
        redis: Redis,
        prefix: str,
        *,
        lease_seconds: float = LEASE_SECONDS,
        max_wait_seconds: float = MAX_TURN_WAIT_SECONDS,
    ) -> None:
        self.prefix = prefix
        self.lease_seconds = lease_seconds
        self.lease_ms = int(lease_seconds * 1000)
        self.max_wait_seconds = max_wait_seconds
        self._take_turn = redis.register_script(_TAKE_TURN)
        self._renew_turn = redis.register_script(_RENEW_TURN)
        self._leave = redis.register_script(_LEAVE)

    @asynccontextmanager
    async def turn(self, chat_id: int, update_id: int) -> AsyncIterator[None]:
        keys = [f"{self.prefix}:{chat_id}:{part}" for part in ("queue", "waiters", "holder")]
        try:
            if await self._wait_for_turn(keys, update_id):
                name = f"chat turn {chat_id}"
                async with renewed(
                    lambda: self._renew_turn(keys=keys[2:], args=[update_id, self.lease_ms]),
                    self.lease_seconds,
                    name,
                ):
                    yield
            else:
                log.warning("webhook.chat_turn_wait_expired", chat_id=chat_id)
                yield
        finally:
            try:
                await self._leave(keys=keys, args=[update_id])
            except RedisError:  # the turn lapses with its lease; the update was handled
                log.warning("webhook.chat_turn_not_released", chat_id=chat_id)

    async def _wait_for_turn(self, keys: list[str], update_id: int) -> bool:
        """True once the turn is ours; False when the longest wait is over."""
        started = time.monotonic()
        pause = _FIRST_POLL_SECONDS
        try:
            while not await self._take_turn(keys=keys, args=[update_id, self.lease_ms]):
                if time.monotonic() - started >= self.max_wait_seconds:
                    return False
                await asyncio.sleep(pause)
                pause = min(pause * 2, _LONGEST_POLL_SECONDS)
            return True
        finally:
            CHAT_TURN_WAIT.observe(time.monotonic() - started)


class ChatTurnMiddleware(BaseMiddleware):
    """Outer middleware on updates: a webhook update (fed with `chat_turns`) waits for its
    chat's turn here, after the flood guard and before the dialog's lock."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        turns: ChatTurns | None = data.get("chat_turns")
        # The chat whose updates must not overtake each other (the user's, if no chat).
        chat: Chat | None = data.get("event_chat")
        sender: TelegramUser | None = data.get("event_from_user")
        sequence = chat.id if chat else sender.id if sender else None
        if turns is None or sequence is None:
            return await handler(event, data)
        assert isinstance(event, Update)
        async with turns.turn(sequence, event.update_id):
            return await handler(event, data)


class UpdateStillInProgress(Exception):
    """A repeat of an update that another replica is still handling after the longest
    wait: answered non-2xx, so that Telegram delivers it again later."""


class WebhookFeed:
    """Feeds webhook updates to the Dispatcher once each, and in order within a chat."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, redis: Redis | None, namespace: str):
        self.dispatcher = dispatcher
        self.bot = bot
        self.redis = redis
        self.updates_prefix = f"{namespace}:webhook:update:{bot.id}"
        self.turns = ChatTurns(redis, f"{namespace}:webhook:chat:{bot.id}") if redis else None

    async def feed(self, update: Update) -> bool:
        """Handles the update; False when it is a repeat of one already handled."""
        if self.redis is None:
            await self.dispatcher.feed_update(self.bot, update)
            return True
        redis, update_id = self.redis, update.update_id
        done = f"{self.updates_prefix}:{update_id}:done"
        handling = f"{self.updates_prefix}:{update_id}:handling"
        try:
            async with leased(redis, handling, wait_seconds=MAX_REPEAT_WAIT_SECONDS):
                if await redis.exists(done):
                    WEBHOOK_REPEATS.inc()
                    log.info("webhook.repeat_ignored", update_id=update_id)
                    return False
                # Raising (not handled) leaves it undone: Telegram's repeat is handled.
                await self.dispatcher.feed_update(self.bot, update, chat_turns=self.turns)
                try:
                    await redis.set(done, 1, ex=REPEAT_WINDOW_SECONDS)
                except RedisError:  # handled all the same, and answered 200: not repeated
                    log.warning("webhook.update_not_marked_done", update_id=update_id)
        except LeaseWaitExpired:
            raise UpdateStillInProgress(update_id) from None
        return True
