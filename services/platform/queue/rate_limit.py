"""Telegram's sending limits, shared by every notifier process.

Sliding windows (the way Telegram counts): at most N sends overall per second, one per
second per private chat, 20 per minute per group, plus a pacing of the overall sends:
at most two per two slots of (1 s + margin) / N, so that they leave evenly (a burst
reaches Telegram with uneven delays and crowds its window) while a sender that woke up
late may still take the slot it missed. On 429 the whole sender pauses. With Redis
the windows live in sorted sets updated by one Lua script (atomic across processes,
timed by the Redis server's clock); without Redis (embedded default) they live in memory.
"""

import asyncio
import time
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis

from services.platform.config import NotifierSettings

MICROS = 1_000_000


@dataclass(frozen=True)
class SlotWait:
    """No slot now: wait `seconds`; `chat_limited` when the chat's own limit is the cause
    (the sender may then put the message aside instead of holding a worker)."""

    seconds: float
    chat_limited: bool


@dataclass(frozen=True)
class _Window:
    key: str
    limit: int
    micros: int


class SendLimiter(Protocol):
    async def try_acquire(self, chat_id: int) -> SlotWait | None: ...

    async def pause_all(self, seconds: float) -> None: ...


def _windows(settings: NotifierSettings, prefix: str, chat_id: int) -> list[_Window]:
    margin = settings.limit_margin_ms * 1000
    windows = [
        _Window(f"{prefix}:global", settings.global_per_second, MICROS + margin),
        _Window(f"{prefix}:pacing", 2, 2 * (MICROS + margin) // settings.global_per_second),
    ]
    if chat_id > 0:
        windows.append(
            _Window(f"{prefix}:chat:{chat_id}", settings.private_per_second, MICROS + margin)
        )
    else:
        windows.append(
            _Window(f"{prefix}:chat:{chat_id}", settings.group_per_minute, 60 * MICROS + margin)
        )
    return windows


# KEYS[1] is the pause key, KEYS[2..] the windows; ARGV holds (limit, micros) per window
# and then a unique member. Returns {0, 0} when the send was counted, else
# {wait_micros, index of the window that blocked (0 = pause)}.
_ACQUIRE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = redis.call('PTTL', KEYS[1])
if paused > 0 then return {paused * 1000, 0} end
local wait, blocking = 0, 0
for i = 2, #KEYS do
  local limit = tonumber(ARGV[(i - 2) * 2 + 1])
  local window = tonumber(ARGV[(i - 2) * 2 + 2])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  if redis.call('ZCARD', KEYS[i]) >= limit then
    local oldest = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
    local w = tonumber(oldest[2]) + window - now
    if w > wait then wait, blocking = w, i - 1 end
  end
end
if wait > 0 then return {wait, blocking} end
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], now, ARGV[#ARGV])
  redis.call('PEXPIRE', KEYS[i], math.ceil(tonumber(ARGV[(i - 2) * 2 + 2]) / 1000) + 1)
end
return {0, 0}
"""


class RedisSendLimiter:
    def __init__(self, redis: Redis, namespace: str, settings: NotifierSettings) -> None:
        self._redis = redis
        self._prefix = f"{namespace}:tg"
        self._settings = settings
        self._script = redis.register_script(_ACQUIRE_SCRIPT)

    async def try_acquire(self, chat_id: int) -> SlotWait | None:
        windows = _windows(self._settings, self._prefix, chat_id)
        args: list[str | int] = []
        for window in windows:
            args += [window.limit, window.micros]
        args.append(uuid.uuid4().hex)
        keys = [f"{self._prefix}:pause", *(window.key for window in windows)]
        wait_micros, blocking = await self._script(keys=keys, args=args)
        if int(wait_micros) <= 0:
            return None
        # The chat's window is the last one.
        return SlotWait(int(wait_micros) / MICROS, int(blocking) == len(windows))

    async def pause_all(self, seconds: float) -> None:
        await self._redis.set(f"{self._prefix}:pause", "1", px=max(1, int(seconds * 1000)))


class LocalSendLimiter:
    """The same windows inside one process (the embedded default has one worker)."""

    def __init__(self, settings: NotifierSettings) -> None:
        self._settings = settings
        self._sent: dict[str, deque[int]] = defaultdict(deque)
        self._paused_until = 0
        self._lock = asyncio.Lock()

    async def try_acquire(self, chat_id: int) -> SlotWait | None:
        async with self._lock:
            now = time.monotonic_ns() // 1000
            if self._paused_until > now:
                return SlotWait((self._paused_until - now) / MICROS, False)
            windows = _windows(self._settings, "local", chat_id)
            wait, blocking = 0, 0
            for index, window in enumerate(windows, start=1):
                sent = self._sent[window.key]
                while sent and sent[0] <= now - window.micros:
                    sent.popleft()
                if len(sent) >= window.limit and sent[0] + window.micros - now > wait:
                    wait, blocking = sent[0] + window.micros - now, index
            if wait > 0:
                return SlotWait(wait / MICROS, blocking == len(windows))
            for window in windows:
                self._sent[window.key].append(now)
            return None

    async def pause_all(self, seconds: float) -> None:
        async with self._lock:
            until = time.monotonic_ns() // 1000 + int(seconds * MICROS)
            self._paused_until = max(self._paused_until, until)


class SentMarks(Protocol):
    """A record, written the moment Telegram accepted a message, that survives a crash
    before the database learns about it: the redelivered message is then not re-sent."""

    async def was_sent(self, outbox_id: int) -> bool: ...

    async def mark_sent(self, outbox_id: int) -> None: ...


class RedisSentMarks:
    def __init__(self, redis: Redis, namespace: str, ttl_seconds: int) -> None:
        self._redis = redis
        self._prefix = f"{namespace}:notify:sent"
        self._ttl = ttl_seconds

    async def was_sent(self, outbox_id: int) -> bool:
        return bool(await self._redis.exists(f"{self._prefix}:{outbox_id}"))

    async def mark_sent(self, outbox_id: int) -> None:
        await self._redis.set(f"{self._prefix}:{outbox_id}", "1", nx=True, ex=self._ttl)


class LocalSentMarks:
    def __init__(self) -> None:
        self._sent: set[int] = set()

    async def was_sent(self, outbox_id: int) -> bool:
        return outbox_id in self._sent

    async def mark_sent(self, outbox_id: int) -> None:
        self._sent.add(outbox_id)
