"""Webhook updates across several webapp replicas sharing Redis.

Telegram repeats an update it got no timely answer for, possibly to another replica, and
delivers one chat's updates over parallel connections. So before an update reaches the
Dispatcher:

- its `update_id` is claimed in Redis (SET NX with a TTL): a repeat is answered without
  being handled again;
- it takes its chat's turn: the updates of one chat are handled one at a time, in
  `update_id` order, whichever replica received them (a per-chat queue in Redis).

Waiting for a turn is bounded: a turn held longer than its lease (a replica that died
mid-update) is taken over, and a waiter that waited `max_wait_seconds` goes ahead (the
dialog storage's own lock still keeps the two apart).

Without Redis (the embedded default: one process) updates are fed straight through.
"""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from aiogram import Bot, Dispatcher
from aiogram.dispatcher.middlewares.user_context import UserContextMiddleware
from aiogram.types import Update
from redis.asyncio import Redis
from redis.exceptions import RedisError

from services.platform.observability.metrics import CHAT_TURN_WAIT, WEBHOOK_REPEATS

log = structlog.get_logger("bot.webhook")

# Telegram gives up on an update after about a day; a repeat never comes later than that.
REPEAT_WINDOW_SECONDS = 24 * 3600
TURN_LEASE_SECONDS = 60.0
MAX_TURN_WAIT_SECONDS = 30.0
_FIRST_POLL_SECONDS = 0.005
_LONGEST_POLL_SECONDS = 0.05

# KEYS: queue, holder. ARGV: update_id, milliseconds a waiter stays in the queue.
# A waiting ticket is "<update_id>:<expiry ms>" scored by update_id, so the queue is
# ordered by update_id and tickets of dead waiters can be recognised and dropped.
_JOIN = """
local now = redis.call('TIME')
local expires = now[1] * 1000 + math.floor(now[2] / 1000) + tonumber(ARGV[2])
local ticket = ARGV[1] .. ':' .. expires
redis.call('ZADD', KEYS[1], ARGV[1], ticket)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return ticket
"""

# KEYS: queue, holder. ARGV: ticket, lease ms. Returns 1 when the turn was taken.
_TAKE_TURN = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local now = redis.call('TIME')
local now_ms = now[1] * 1000 + math.floor(now[2] / 1000)
while true do
  local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  if (not head) or head == ARGV[1] then break end
  if tonumber(string.match(head, ':(%d+)$')) > now_ms then return 0 end
  redis.call('ZREM', KEYS[1], head)
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
return 1
"""

# KEYS: queue, holder. ARGV: ticket. Leaves the queue and gives the turn back if held.
_LEAVE = """
redis.call('ZREM', KEYS[1], ARGV[1])
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
"""


class ChatTurns:
    """Per-chat sequencing in Redis: one update of a chat at a time, lowest update_id first."""

    def __init__(
        self,
        redis: Redis,
        prefix: str,
        *,
        lease_seconds: float = TURN_LEASE_SECONDS,
        max_wait_seconds: float = MAX_TURN_WAIT_SECONDS,
    ) -> None:
        self.redis = redis
        self.prefix = prefix
        self.lease_ms = int(lease_seconds * 1000)
        self.max_wait_seconds = max_wait_seconds
        self.max_wait_ms = int(max_wait_seconds * 1000)
        self._join = redis.register_script(_JOIN)
        self._take_turn = redis.register_script(_TAKE_TURN)
        self._leave = redis.register_script(_LEAVE)

    @asynccontextmanager
    async def turn(self, chat_id: int, update_id: int) -> AsyncIterator[None]:
        keys = [f"{self.prefix}:{chat_id}:queue", f"{self.prefix}:{chat_id}:holder"]
        ticket = await self._join(keys=keys, args=[update_id, self.max_wait_ms])
        started = time.monotonic()
        pause = _FIRST_POLL_SECONDS
        try:
            while not await self._take_turn(keys=keys, args=[ticket, self.lease_ms]):
                if time.monotonic() - started >= self.max_wait_seconds:
                    log.warning("webhook.chat_turn_wait_expired", chat_id=chat_id)
                    break
                await asyncio.sleep(pause)
                pause = min(pause * 2, _LONGEST_POLL_SECONDS)
            CHAT_TURN_WAIT.observe(time.monotonic() - started)
            yield
        finally:
            try:
                await self._leave(keys=keys, args=[ticket])
            except RedisError:  # the turn lapses with its lease; the update was handled
                log.warning("webhook.chat_turn_not_released", chat_id=chat_id, exc_info=True)


class WebhookFeed:
    """Feeds webhook updates to the Dispatcher once each, and in order within a chat."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, redis: Redis | None, namespace: str):
        self.dispatcher = dispatcher
        self.bot = bot
        self.redis = redis
        self.claims_prefix = f"{namespace}:webhook:update:{bot.id}"
        self.turns = ChatTurns(redis, f"{namespace}:webhook:chat:{bot.id}") if redis else None

    async def feed(self, update: Update) -> bool:
        """Handles the update; False when it is a repeat of one already received."""
        if self.redis is None or self.turns is None:
            await self.dispatcher.feed_update(self.bot, update)
            return True
        claim = f"{self.claims_prefix}:{update.update_id}"
        if not await self.redis.set(claim, 1, nx=True, ex=REPEAT_WINDOW_SECONDS):
            WEBHOOK_REPEATS.inc()
            log.info("webhook.repeat_ignored", update_id=update.update_id)
            return False
        try:
            chat_id = _sequence_key(update)
            if chat_id is None:
                await self.dispatcher.feed_update(self.bot, update)
            else:
                async with self.turns.turn(chat_id, update.update_id):
                    await self.dispatcher.feed_update(self.bot, update)
        except BaseException:
            # Not handled: let Telegram's repeat of this update be handled.
            await self.redis.delete(claim)
            raise
        return True


def _sequence_key(update: Update) -> int | None:
    """The chat whose updates must not overtake each other (the user's, if no chat)."""
    context = UserContextMiddleware.resolve_event_context(update)
    if context.chat is not None:
        return context.chat.id
    return context.user.id if context.user is not None else None
