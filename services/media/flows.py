"""Where the media flows being collected live: in Redis, shared by every bot replica, or
in the bot process's memory in the embedded default (one process takes every update).

A flow is its fields, its items in order and the set of files it has (by Telegram's
file_unique_id), all expiring together an hour after it began. Album messages arrive as
concurrent updates, so the limit check, the duplicate check and the append are one step:
a Lua script in Redis, a method without an `await` in memory.
"""

import time
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Protocol

from redis.asyncio import Redis

FLOW_TTL = timedelta(hours=1)

# KEYS: flow fields hash, items list, seen file_unique_ids set.
# ARGV: file_unique_id, item, max items.
# Returns {outcome, count of items after the call}.
_ADD_ITEM = """
if redis.call('EXISTS', KEYS[1]) == 0 then return {'gone', 0} end
local count = redis.call('LLEN', KEYS[2])
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return {'duplicate', count} end
if count >= tonumber(ARGV[3]) then return {'full', count} end
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('RPUSH', KEYS[2], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('PEXPIRE', KEYS[3], ttl)
return {'added', count + 1}
"""

_SET_COMMENT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'comment', ARGV[1])
return 1
"""


class ItemOutcome(StrEnum):
    ADDED = "added"
    DUPLICATE = "duplicate"  # the flow has this file already
    FULL = "full"
    GONE = "gone"  # finished, cancelled or expired


@dataclass(frozen=True)
class StoredFlow:
    fields: dict[str, str]
    items: list[str]


class MediaFlows(Protocol):
    async def create(self, flow_id: str, fields: dict[str, str]) -> None: ...

    async def read(self, flow_id: str) -> StoredFlow | None:
        """None when the flow is gone."""

    async def add_item(
        self, flow_id: str, file_unique_id: str, item: str, max_items: int
    ) -> tuple[ItemOutcome, int]:
        """The outcome and the count of items after it."""

    async def set_comment(self, flow_id: str, comment: str) -> bool:
        """False when the flow is gone."""

    async def claim_finishing(self, flow_id: str) -> bool:
        """True for the first caller only, until `release_finishing` or `delete`."""

    async def release_finishing(self, flow_id: str) -> None: ...

    async def delete(self, flow_id: str) -> None: ...


class RedisMediaFlows:
    def __init__(self, redis: Redis, namespace: str, ttl: timedelta = FLOW_TTL) -> None:
        self._redis = redis
        self._namespace = namespace
        self._ttl_ms = int(ttl.total_seconds() * 1000)
        self._add_item = redis.register_script(_ADD_ITEM)
        self._set_comment = redis.register_script(_SET_COMMENT)

    def _keys(self, flow_id: str) -> tuple[str, str, str]:
        base = f"{self._namespace}:media:flow:{flow_id}"
        return base, f"{base}:items", f"{base}:seen"

    def _finishing_key(self, flow_id: str) -> str:
        return f"{self._namespace}:media:flow:{flow_id}:finishing"

    async def create(self, flow_id: str, fields: dict[str, str]) -> None:
        meta, _, _ = self._keys(flow_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(meta, mapping=fields)  # type: ignore[arg-type]
            pipe.pexpire(meta, self._ttl_ms)
            await pipe.execute()

    async def read(self, flow_id: str) -> StoredFlow | None:
        meta_key, items_key, _ = self._keys(flow_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hgetall(meta_key)
            pipe.lrange(items_key, 0, -1)
            meta, items = await pipe.execute()
        if not meta:
            return None
        fields = {key.decode(): value.decode() for key, value in meta.items()}
        return StoredFlow(fields, [raw.decode() for raw in items])

    async def add_item(
        self, flow_id: str, file_unique_id: str, item: str, max_items: int
    ) -> tuple[ItemOutcome, int]:
        outcome, count = await self._add_item(
            keys=list(self._keys(flow_id)), args=[file_unique_id, item, max_items]
        )
        return ItemOutcome(outcome.decode()), int(count)

    async def set_comment(self, flow_id: str, comment: str) -> bool:
        meta, _, _ = self._keys(flow_id)
        return bool(await self._set_comment(keys=[meta], args=[comment]))

    async def claim_finishing(self, flow_id: str) -> bool:
        key = self._finishing_key(flow_id)
        return bool(await self._redis.set(key, 1, nx=True, px=self._ttl_ms))

    async def release_finishing(self, flow_id: str) -> None:
        await self._redis.delete(self._finishing_key(flow_id))

    async def delete(self, flow_id: str) -> None:
        await self._redis.delete(*self._keys(flow_id), self._finishing_key(flow_id))


@dataclass
class _Flow:
    fields: dict[str, str]
    expires_at: float
    items: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)


class MemoryMediaFlows:
    """The embedded default's flows, in this process. No method awaits between reading a
    flow and changing it, so concurrent updates of one album see each other's items."""

    def __init__(self, ttl: timedelta = FLOW_TTL) -> None:
        self._ttl_seconds = ttl.total_seconds()
        self._flows: dict[str, _Flow] = {}
        self._finishing: set[str] = set()

    def _live(self, flow_id: str) -> _Flow | None:
        flow = self._flows.get(flow_id)
        if flow is not None and flow.expires_at <= time.monotonic():
            del self._flows[flow_id]
            return None
        return flow

    async def create(self, flow_id: str, fields: dict[str, str]) -> None:
        now = time.monotonic()
        # Flows left unfinished are dropped once expired, as Redis drops them.
        for expired in [key for key, flow in self._flows.items() if flow.expires_at <= now]:
            del self._flows[expired]
        self._flows[flow_id] = _Flow(dict(fields), now + self._ttl_seconds)

    async def read(self, flow_id: str) -> StoredFlow | None:
        flow = self._live(flow_id)
        return None if flow is None else StoredFlow(dict(flow.fields), list(flow.items))

    async def add_item(
        self, flow_id: str, file_unique_id: str, item: str, max_items: int
    ) -> tuple[ItemOutcome, int]:
        flow = self._live(flow_id)
        if flow is None:
            return ItemOutcome.GONE, 0
        if file_unique_id in flow.seen:
            return ItemOutcome.DUPLICATE, len(flow.items)
        if len(flow.items) >= max_items:
            return ItemOutcome.FULL, len(flow.items)
        flow.seen.add(file_unique_id)
        flow.items.append(item)
        return ItemOutcome.ADDED, len(flow.items)

    async def set_comment(self, flow_id: str, comment: str) -> bool:
        flow = self._live(flow_id)
        if flow is None:
            return False
        flow.fields["comment"] = comment
        return True

    async def claim_finishing(self, flow_id: str) -> bool:
        if flow_id in self._finishing:
            return False
        self._finishing.add(flow_id)
        return True

    async def release_finishing(self, flow_id: str) -> None:
        self._finishing.discard(flow_id)

    async def delete(self, flow_id: str) -> None:
        self._flows.pop(flow_id, None)
        self._finishing.discard(flow_id)


def media_flows(redis: Redis | None, namespace: str) -> MediaFlows:
    """In Redis when the installation has one, else in this process's memory."""
    if redis is None:
        return MemoryMediaFlows()
    return RedisMediaFlows(redis, namespace)
