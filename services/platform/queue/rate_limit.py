"""Telegram's sending limits, shared by every notifier process.

Telegram counts sends in sliding windows as they reach it: at most N a second overall,
one a second per private chat, 20 a minute per group. When a send reaches Telegram is
not known here, only that it lies between the moment the send was allowed and the moment
its answer came back. So a send counts in its windows from the moment it is allowed
until one window after its answer (while it is in flight, for good), and a send is
allowed while fewer than the limit are counted. Then no window at Telegram ever holds
more than the limit, whatever the delays of the network and of our processes: among the
sends that reach Telegram within one window, take the one allowed last; every other was
allowed before it and answered after the window began, so it was counted then, and the
last one was allowed with fewer than the limit counted. The price is one answer's
latency per window of sends (a few ms a second), not a fixed margin per send.

Besides, the sends are paced on a schedule of absolute times one slot (1 s / N) apart,
so that they leave evenly (a burst queues at Telegram and lengthens every answer): the
next slot is the previous slot's time plus one slot, not the previous send's, so a
sender that woke up a little late (up to `PACING_TOLERANCE_SLOTS`) takes its slot
without pushing every later one back. On 429 the whole sender pauses. With Redis
the windows live in sorted sets updated by Lua scripts (atomic across processes, timed
by the Redis server's clock, an answer's moment carried over from the sender's own
clock); without Redis (embedded default) they live in memory.
"""

import asyncio
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis

from services.platform.config import NotifierSettings

MICROS = 1_000_000
# The notifier's HTTP timeout: a send not answered by then (its worker died) counts as
# answered at that moment.
SEND_TIMEOUT_SECONDS = 30
# A window full of sends still in flight is asked again after this long.
IN_FLIGHT_RECHECK_MICROS = 20_000
# How far behind its schedule a send may leave and still keep the schedule.
PACING_TOLERANCE_SLOTS = 2


@dataclass(frozen=True)
class SlotWait:
    """No slot now: wait `seconds`; `chat_limited` when the chat's own limit is the cause
    (the sender may then put the message aside instead of holding a worker)."""

    seconds: float
    chat_limited: bool


@dataclass(frozen=True)
class Slot:
    """A send allowed now; the limiter is told when its answer came (`answered`)."""

    chat_id: int
    token: str
    # When the limiter allowed it, in the limiter's clock; and when this process asked,
    # in its own monotonic clock (read before asking, so never after the allowing).
    granted_at: int
    asked_at: int

    def now_or_later(self) -> int:
        """The limiter's clock now, or a little later (by the asking's round trip) but
        never earlier, without asking it."""
        return self.granted_at + _now_micros() - self.asked_at


@dataclass(frozen=True)
class _Window:
    key: str
    limit: int
    micros: int


class SendLimiter(Protocol):
    async def try_acquire(self, chat_id: int) -> Slot | SlotWait: ...

    async def answered(self, slot: Slot) -> None: ...

    async def pause_all(self, seconds: float) -> None: ...


def _windows(settings: NotifierSettings, prefix: str, chat_id: int) -> list[_Window]:
    """The global window, then the chat's."""
    margin = settings.limit_margin_ms * 1000
    if chat_id > 0:
        limit, micros = settings.private_per_second, MICROS + margin
    else:
        limit, micros = settings.group_per_minute, 60 * MICROS + margin
    return [
        _Window(f"{prefix}:global", settings.global_per_second, MICROS + margin),
        _Window(f"{prefix}:chat:{chat_id}", limit, micros),
    ]


def _slot_micros(settings: NotifierSettings) -> int:
    return MICROS // settings.global_per_second


def _pacing_wait(next_slot: int, slot: int, now: int) -> int:
    """How long until the schedule whose next slot is at `next_slot` lets a send go."""
    return max(0, next_slot - PACING_TOLERANCE_SLOTS * slot - now)


def _wait_micros(counted: list[int], window: _Window, now: int) -> int:
    """How long until `window` has room, given the ends of its counted sends (sorted;
    those that ended a window ago are gone); 0 when it has room now."""
    if len(counted) < window.limit:
        return 0
    end = counted[len(counted) - window.limit]
    return end + window.micros - now if end <= now else IN_FLIGHT_RECHECK_MICROS


# KEYS[1] is the pause key, KEYS[2] the pacing's next slot, KEYS[3..] the windows; ARGV
# holds (limit, micros) per window, then the slot's length, the tolerance in slots, the
# in-flight bound, the recheck delay and the send's token. A send is scored by the end
# of its counting: the start plus the in-flight bound, until `_ANSWERED_SCRIPT` sets the
# answer's moment. Returns {0, 0, now} when the send was counted, else {wait_micros,
# index of the window that blocked (0 = pause or pacing)}.
_ACQUIRE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = redis.call('PTTL', KEYS[1])
if paused > 0 then return {paused * 1000, 0} end
local n = #KEYS - 2
local slot = tonumber(ARGV[n * 2 + 1])
local tolerance = tonumber(ARGV[n * 2 + 2]) * slot
local in_flight = tonumber(ARGV[n * 2 + 3])
local recheck = tonumber(ARGV[n * 2 + 4])
local next_slot = math.max(tonumber(redis.call('GET', KEYS[2]) or now), now)
local wait, blocking = math.max(0, next_slot - tolerance - now), 0
for i = 1, n do
  local key = KEYS[i + 2]
  local limit = tonumber(ARGV[i * 2 - 1])
  local window = tonumber(ARGV[i * 2])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local found = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    local ends = tonumber(found[2])
    local w = recheck
    if ends <= now then w = ends + window - now end
    if w > wait then wait, blocking = w, i end
  end
end
if wait > 0 then return {wait, blocking} end
redis.call('SET', KEYS[2], next_slot + slot, 'PX', math.ceil((tolerance + slot) / 1000) + 1000)
for i = 1, n do
  local window = tonumber(ARGV[i * 2])
  redis.call('ZADD', KEYS[i + 2], now + in_flight, ARGV[n * 2 + 5])
  redis.call('PEXPIRE', KEYS[i + 2], math.ceil((window + in_flight) / 1000) + 1)
end
return {0, 0, now}
"""

# KEYS are the windows a send is counted in, ARGV its token and the answer's moment (or
# now, if earlier: both are at or after the answer).
_ANSWERED_SCRIPT = """
local t = redis.call('TIME')
local ends = math.min(tonumber(ARGV[2]), tonumber(t[1]) * 1000000 + tonumber(t[2]))
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], 'XX', ends, ARGV[1])
end
return 0
"""


class RedisSendLimiter:
    def __init__(self, redis: Redis, namespace: str, settings: NotifierSettings) -> None:
        self._redis = redis
        self._prefix = f"{namespace}:tg"
        self._settings = settings
        self._acquire = redis.register_script(_ACQUIRE_SCRIPT)
        self._answered = redis.register_script(_ANSWERED_SCRIPT)

    async def try_acquire(self, chat_id: int) -> Slot | SlotWait:
        windows = _windows(self._settings, self._prefix, chat_id)
        token = uuid.uuid4().hex
        args: list[str | int] = []
        for window in windows:
            args += [window.limit, window.micros]
        args += [_slot_micros(self._settings), PACING_TOLERANCE_SLOTS]
        args += [SEND_TIMEOUT_SECONDS * MICROS, IN_FLIGHT_RECHECK_MICROS, token]
        keys = [f"{self._prefix}:pause", f"{self._prefix}:pacing", *(w.key for w in windows)]
        asked_at = _now_micros()
        wait_micros, blocking, *granted_at = await self._acquire(keys=keys, args=args)
        if int(wait_micros) <= 0:
            return Slot(chat_id, token, int(granted_at[0]), asked_at)
        return SlotWait(int(wait_micros) / MICROS, int(blocking) == len(windows))

    async def answered(self, slot: Slot) -> None:
        answered_at = slot.now_or_later()
        windows = _windows(self._settings, self._prefix, slot.chat_id)
        keys = [window.key for window in windows]
        await self._answered(keys=keys, args=[slot.token, answered_at])

    async def pause_all(self, seconds: float) -> None:
        await self._redis.set(f"{self._prefix}:pause", "1", px=max(1, int(seconds * 1000)))


class LocalSendLimiter:
    """The same windows inside one process (the embedded default has one worker)."""

    def __init__(self, settings: NotifierSettings) -> None:
        self._settings = settings
        # Per window: each counted send's token and the end of its counting.
        self._counted: dict[str, dict[str, int]] = defaultdict(dict)
        self._next_slot = 0
        self._paused_until = 0
        self._lock = asyncio.Lock()

    async def try_acquire(self, chat_id: int) -> Slot | SlotWait:
        async with self._lock:
            now = _now_micros()
            if self._paused_until > now:
                return SlotWait((self._paused_until - now) / MICROS, False)
            windows = _windows(self._settings, "local", chat_id)
            slot = _slot_micros(self._settings)
            next_slot = max(self._next_slot, now)
            wait, blocking = _pacing_wait(next_slot, slot, now), 0
            for index, window in enumerate(windows, start=1):
                counted = self._counted[window.key]
                for token in [t for t, ends in counted.items() if ends <= now - window.micros]:
                    del counted[token]
                window_wait = _wait_micros(sorted(counted.values()), window, now)
                if window_wait > wait:
                    wait, blocking = window_wait, index
            if wait > 0:
                return SlotWait(wait / MICROS, blocking == len(windows))
            self._next_slot = next_slot + slot
            token = uuid.uuid4().hex
            for window in windows:
                self._counted[window.key][token] = now + SEND_TIMEOUT_SECONDS * MICROS
            return Slot(chat_id, token, now, now)

    async def answered(self, slot: Slot) -> None:
        answered_at = slot.now_or_later()
        async with self._lock:
            for window in _windows(self._settings, "local", slot.chat_id):
                counted = self._counted[window.key]
                if slot.token in counted:
                    counted[slot.token] = answered_at

    async def pause_all(self, seconds: float) -> None:
        async with self._lock:
            until = _now_micros() + int(seconds * MICROS)
            self._paused_until = max(self._paused_until, until)


def _now_micros() -> int:
    return time.monotonic_ns() // 1000


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
