"""Webhook updates across several webapp replicas sharing Redis.

Telegram delivers an update again when it got no 2xx answer in time (perhaps to another
replica, e.g. during a rolling restart) and delivers one chat's updates over parallel
connections. So:

- **Each `update_id` is handled once, and not lost.** The replica handling it holds a
  lease on it (short, renewed while it works, as `services.platform.redis.leased`) and
  marks it done (kept 24 h) only once it has been handled: a script claims it (or finds
  it done) and one marks it done and gives the lease back, a round trip each. A repeat
  of a done update is answered 200 without being handled; a repeat of one being handled
  waits for that lease and is then answered as a repeat; a repeat of one whose replica
  died mid-update (its lease lapsed) or that failed is handled. A repeat still waiting
  after `MAX_REPEAT_WAIT_SECONDS` is answered 503, so Telegram delivers it again later.
- **A chat's updates take turns**, in `update_id` order, whichever replica received them
  (a per-chat queue in Redis, taken inside the Dispatcher after the flood guard). The turn
  is a short lease renewed while the update is handled, and each waiter's place in the
  queue one renewed by its polling: a replica that dies frees the chat within one lease.
  A waiter that waited `MAX_TURN_WAIT_SECONDS` goes ahead (the dialog's own lock still
  keeps the two apart).

Without Redis (the embedded default: one process) updates are fed straight through, and
take turns per chat within the process (`LocalChatTurns`), as polled updates do.
"""

import asyncio
import time
import uuid
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
from services.platform.redis import (
    LEASE_POLL_SECONDS,
    LEASE_SECONDS,
    renewed,
)

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

# KEYS: handling, done. ARGV: token, lease ms. 2: the update was handled already; 1: the
# lease on handling it is ours; 0: another replica holds it.
_CLAIM_UPDATE = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 2 end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0
"""

# KEYS: handling, done. ARGV: token, seconds the mark is kept ('' when the update failed:
# not marked, so that Telegram's repeat is handled). Gives the lease back if still ours.
_FINISH_UPDATE = """
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], 1, 'EX', ARGV[2]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
"""

# KEYS: holder. ARGV: token (or update_id), lease ms. Returns 1 while the lease is ours.
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


class LocalChatTurns:
    """One update of a chat at a time within this process, in the order they came: for
    updates that only this process receives (polling, where one process takes them all;
    the embedded default). First come, first served (asyncio's lock is fair)."""

    def __init__(self) -> None:
        # Each chat with an update in hand: its lock and how many updates hold or want it.
        self._chats: dict[int, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def turn(self, chat_id: int, update_id: int) -> AsyncIterator[None]:
        lock, holders = self._chats.get(chat_id, (None, 0))
        lock = lock or asyncio.Lock()
        self._chats[chat_id] = (lock, holders + 1)
        try:
            async with lock:
                yield
        finally:
            lock, holders = self._chats[chat_id]
            if holders == 1:
                del self._chats[chat_id]
            else:
                self._chats[chat_id] = (lock, holders - 1)


class ChatTurnMiddleware(BaseMiddleware):
    """Outer middleware on updates: an update waits for its chat's turn here, after the
    flood guard and before the dialog's lock: across replicas in Redis for a webhook
    update (fed with `chat_turns`), else within this process. Taking turns, a chat's
    updates never race each other (say, a new user's two quick /start registering them
    twice)."""

    def __init__(self) -> None:
        self.local_turns = LocalChatTurns()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        turns: ChatTurns | LocalChatTurns = data.get("chat_turns") or self.local_turns
        # The chat whose updates must not overtake each other (the user's, if no chat).
        chat: Chat | None = data.get("event_chat")
        sender: TelegramUser | None = data.get("event_from_user")
        sequence = chat.id if chat else sender.id if sender else None
        if sequence is None:
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
        if redis is not None:
            self._claim = redis.register_script(_CLAIM_UPDATE)
            self._renew = redis.register_script(_RENEW_TURN)
            self._finish = redis.register_script(_FINISH_UPDATE)

    async def feed(self, update: Update) -> bool:
        """Handles the update; False when it is a repeat of one already handled. Claiming
        it (the lease on handling it, or that it is done) and finishing it (marked done,
        the lease given back) are one Redis round trip each."""
        if self.redis is None:
            await self.dispatcher.feed_update(self.bot, update)
            return True
        update_id = update.update_id
        keys = [f"{self.updates_prefix}:{update_id}:{part}" for part in ("handling", "done")]
        token = uuid.uuid4().hex
        lease_ms = int(LEASE_SECONDS * 1000)
        if not await self._claimed(keys, token, lease_ms, update_id):
            WEBHOOK_REPEATS.inc()
            log.info("webhook.repeat_ignored", update_id=update_id)
            return False
        handled = False
        try:
            async with renewed(
                lambda: self._renew(keys=keys[:1], args=[token, lease_ms]),
                LEASE_SECONDS,
                keys[0],
            ):
                # Raising (not handled) leaves it undone: Telegram's repeat is handled.
                await self.dispatcher.feed_update(self.bot, update, chat_turns=self.turns)
            handled = True
        finally:
            try:
                await self._finish(
                    keys=keys, args=[token, REPEAT_WINDOW_SECONDS if handled else ""]
                )
            except RedisError:  # handled all the same, and answered 200: not repeated
                log.warning("webhook.update_not_marked_done", update_id=update_id)
        return True

    async def _claimed(self, keys: list[str], token: str, lease_ms: int, update_id: int) -> bool:
        """True once the lease on handling the update is ours; False for an update handled
        already (waiting while another replica handles it, at most
        `MAX_REPEAT_WAIT_SECONDS`: `UpdateStillInProgress` past that)."""
        started = time.monotonic()
        while (claim := await self._claim(keys=keys, args=[token, lease_ms])) == 0:
            if time.monotonic() - started >= MAX_REPEAT_WAIT_SECONDS:
                raise UpdateStillInProgress(update_id)
            await asyncio.sleep(LEASE_POLL_SECONDS)
        return claim == 1
