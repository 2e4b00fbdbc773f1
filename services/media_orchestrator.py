"""Media flows: collecting the photos, videos and comment of one proof across several
messages, then storing them by the organization's storage mode.

A flow lives in Redis (three keys under the namespace, expiring together after an hour).
Album messages arrive as concurrent updates, so the limit check, the duplicate check and
the append happen in one Lua script: an album of five is five items, never four or six.
"""

import json
import mimetypes
import uuid
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any

import structlog
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from services.media.access import storage_mode_for
from services.media_storage.base import MediaStorageClient
from services.media_storage.factory import get_media_storage_client, telegram_storage_client
from services.media_storage.telegram_client import TelegramMediaStorageClient
from services.platform.config import Settings
from services.platform.db.models import Media, MediaContext, MediaType, StorageMode
from services.platform.errors import DomainError, NotFound

log = structlog.get_logger(__name__)

FLOW_TTL = timedelta(hours=1)
MAX_COMMENT_LENGTH = 1000
# The Bot API's download limit: larger files could never be read back.
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024

_CONTENT_TYPES = {MediaType.PHOTO: "image/jpeg", MediaType.VIDEO: "video/mp4"}

# KEYS: flow meta hash, items list, seen file_unique_ids set.
# ARGV: file_unique_id, item JSON, max items.
# Returns {count after the call, 1 if added else 0}; count -1: the flow is gone, -2: full.
_ADD_ITEM = """
if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, 0} end
local count = redis.call('LLEN', KEYS[2])
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return {count, 0} end
if count >= tonumber(ARGV[3]) then return {-2, count} end
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('RPUSH', KEYS[2], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('PEXPIRE', KEYS[3], ttl)
return {count + 1, 1}
"""

_SET_COMMENT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'comment', ARGV[1])
return 1
"""


class MediaFlowExpired(DomainError):
    """The flow does not exist any more (finished, cancelled or older than an hour)."""

    code = "media-flow-expired"


class MediaLimitExceeded(DomainError):
    """Params: reason (`items` | `size` | `type` | `comment`), max_items, max_size_mb,
    max_length."""

    code = "media-limit"


class MediaFlowIncomplete(DomainError):
    """Params: min_items, comment_required."""

    code = "media-flow-incomplete"


class MediaFlowsUnavailable(DomainError):
    """Media flows need Redis, which this installation does not have."""

    code = "media-flows-unavailable"


class MediaFlowBusy(DomainError):
    """The flow is being stored right now (a second tap on "done")."""

    code = "media-flow-busy"


@dataclass(frozen=True)
class MediaLimits:
    max_items: int = 5
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    allowed_types: frozenset[MediaType] = frozenset({MediaType.PHOTO, MediaType.VIDEO})
    min_items: int = 1
    comment_required: bool = False

    def to_json(self) -> str:
        data = asdict(self)
        data["allowed_types"] = sorted(t.value for t in self.allowed_types)
        return json.dumps(data)

    @classmethod
    def from_json(cls, raw: str) -> "MediaLimits":
        data = json.loads(raw)
        data["allowed_types"] = frozenset(MediaType(t) for t in data["allowed_types"])
        return cls(**data)


@dataclass(frozen=True)
class IncomingMedia:
    """One file of a Telegram message, as the Bot API describes it."""

    file_id: str
    file_unique_id: str
    media_type: MediaType
    size: int | None = None
    content_type: str | None = None
    file_name: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, raw: str | bytes) -> "IncomingMedia":
        data: dict[str, Any] = json.loads(raw)
        data["media_type"] = MediaType(data["media_type"])
        return cls(**data)

    @property
    def resolved_content_type(self) -> str:
        if self.content_type:
            return self.content_type
        if self.media_type in _CONTENT_TYPES:
            return _CONTENT_TYPES[self.media_type]
        guessed, _ = mimetypes.guess_type(self.file_name or "")
        return guessed or "application/octet-stream"


@dataclass(frozen=True)
class MediaFlow:
    flow_id: str
    context: MediaContext
    context_id: int
    organization_id: int
    object_id: int | None
    user_id: int
    limits: MediaLimits
    items: list[IncomingMedia] = field(default_factory=list)
    comment: str | None = None

    @property
    def is_complete(self) -> bool:
        """The flow's rules are met: enough items, and the comment when one is required."""
        return len(self.items) >= self.limits.min_items and (
            bool(self.comment) or not self.limits.comment_required
        )


@dataclass(frozen=True)
class AddResult:
    added: bool  # False for a file the flow already has
    count: int


def _object_suffix(item: IncomingMedia) -> str:
    if item.media_type == MediaType.PHOTO:
        return ".jpg"
    if item.media_type == MediaType.VIDEO:
        return ".mp4"
    guessed = mimetypes.guess_extension(item.resolved_content_type) or ".bin"
    return guessed if guessed.isascii() and guessed[1:].isalnum() else ".bin"


class MediaOrchestrator:
    def __init__(
        self,
        redis: Redis,
        namespace: str,
        *,
        telegram: TelegramMediaStorageClient,
        storage: MediaStorageClient | None,
        ttl: timedelta = FLOW_TTL,
    ) -> None:
        self._redis = redis
        self._namespace = namespace
        self._telegram = telegram
        # None (or a Telegram client) when no object storage is configured.
        self._storage = None if isinstance(storage, TelegramMediaStorageClient) else storage
        self._ttl_ms = int(ttl.total_seconds() * 1000)
        self._add_item = redis.register_script(_ADD_ITEM)
        self._set_comment = redis.register_script(_SET_COMMENT)

    def _keys(self, flow_id: str) -> tuple[str, str, str]:
        base = f"{self._namespace}:media:flow:{flow_id}"
        return base, f"{base}:items", f"{base}:seen"

    def _finishing_key(self, flow_id: str) -> str:
        return f"{self._namespace}:media:flow:{flow_id}:finishing"

    async def begin(
        self,
        *,
        context: MediaContext,
        context_id: int,
        organization_id: int,
        user_id: int,
        object_id: int | None = None,
        limits: MediaLimits | None = None,
    ) -> MediaFlow:
        """Start collecting media for one context (a task's proof, a cancellation)."""
        limits = limits or MediaLimits()
        flow_id = uuid.uuid4().hex
        meta, _, _ = self._keys(flow_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(
                meta,
                mapping={
                    "context": context.value,
                    "context_id": context_id,
                    "organization_id": organization_id,
                    "object_id": "" if object_id is None else object_id,
                    "user_id": user_id,
                    "limits": limits.to_json(),
                },
            )
            pipe.pexpire(meta, self._ttl_ms)
            await pipe.execute()
        return MediaFlow(flow_id, context, context_id, organization_id, object_id, user_id, limits)

    async def get(self, flow_id: str) -> MediaFlow:
        meta_key, items_key, _ = self._keys(flow_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hgetall(meta_key)
            pipe.lrange(items_key, 0, -1)
            meta, items = await pipe.execute()
        if not meta:
            raise MediaFlowExpired()
        fields = {key.decode(): value.decode() for key, value in meta.items()}
        return MediaFlow(
            flow_id=flow_id,
            context=MediaContext(fields["context"]),
            context_id=int(fields["context_id"]),
            organization_id=int(fields["organization_id"]),
            object_id=int(fields["object_id"]) if fields["object_id"] else None,
            user_id=int(fields["user_id"]),
            limits=MediaLimits.from_json(fields["limits"]),
            items=[IncomingMedia.from_json(raw) for raw in items],
            comment=fields.get("comment") or None,
        )

    async def get_for(
        self, flow_id: str, *, context: MediaContext, context_id: int, user_id: int
    ) -> MediaFlow:
        """The flow, if it is this user's for this context; else `NotFound` (a flow id from
        another task, cancellation or user is never finished in its place)."""
        flow = await self.get(flow_id)
        if (flow.context, flow.context_id, flow.user_id) != (context, context_id, user_id):
            raise NotFound(what="media flow")
        return flow

    async def add(self, flow_id: str, item: IncomingMedia) -> AddResult:
        """Add one file. Type and size are checked here, the count atomically in Redis;
        the same file (by file_unique_id) twice counts once."""
        flow = await self.get(flow_id)
        limits = flow.limits
        if item.media_type not in limits.allowed_types:
            raise MediaLimitExceeded(reason="type")
        if item.size is not None and item.size > limits.max_file_size:
            raise MediaLimitExceeded(
                reason="size", max_size_mb=limits.max_file_size // (1024 * 1024)
            )
        count, added = await self._add_item(
            keys=list(self._keys(flow_id)),
            args=[item.file_unique_id, item.to_json(), limits.max_items],
        )
        if count == -1:
            raise MediaFlowExpired()
        if count == -2:
            raise MediaLimitExceeded(reason="items", max_items=limits.max_items)
        return AddResult(added=bool(added), count=int(count))

    async def set_comment(self, flow_id: str, comment: str) -> None:
        comment = comment.strip()
        if len(comment) > MAX_COMMENT_LENGTH:
            raise MediaLimitExceeded(reason="comment", max_length=MAX_COMMENT_LENGTH)
        meta, _, _ = self._keys(flow_id)
        if not await self._set_comment(keys=[meta], args=[comment]):
            raise MediaFlowExpired()

    async def cancel(self, flow_id: str) -> None:
        await self._redis.delete(*self._keys(flow_id), self._finishing_key(flow_id))

    async def finish(
        self, session: AsyncSession, flow_id: str, *, mode: StorageMode | None = None
    ) -> list[Media]:
        """Store the flow's files by the organization's storage mode for its kind (or
        `mode`) and add their media rows to the session. `telegram`: rows keyed by
        file_id; `storage`: files copied into object storage; `both`: both rows.
        When the storage fails, the flow stays as it was so the user can retry."""
        flow = await self.get(flow_id)
        if not flow.is_complete:
            raise MediaFlowIncomplete(
                min_items=flow.limits.min_items, comment_required=flow.limits.comment_required
            )
        finishing = self._finishing_key(flow_id)
        if not await self._redis.set(finishing, 1, nx=True, px=self._ttl_ms):
            raise MediaFlowBusy()
        try:
            mode = mode or await storage_mode_for(session, flow.organization_id, flow.context)
            rows = await self._store(flow, mode)
            session.add_all(rows)
            await session.flush()
        except BaseException:
            await self._redis.delete(finishing)
            raise
        await self.cancel(flow_id)
        return rows

    async def _store(self, flow: MediaFlow, mode: StorageMode) -> list[Media]:
        if mode != StorageMode.TELEGRAM and self._storage is None:
            log.warning("media.no_object_storage", flow_id=flow.flow_id, mode=mode.value)
            mode = StorageMode.TELEGRAM
        rows: list[Media] = []
        for position, item in enumerate(flow.items):
            if mode in (StorageMode.STORAGE, StorageMode.BOTH):
                assert self._storage is not None
                stored = await self._storage.import_from_telegram(
                    item.file_id,
                    self._object_key(flow, position, item),
                    content_type=item.resolved_content_type,
                )
                rows.append(self._row(flow, position, item, self._storage.provider, stored.key))
                rows[-1].size, rows[-1].checksum = stored.size, stored.checksum
            if mode in (StorageMode.TELEGRAM, StorageMode.BOTH):
                rows.append(self._row(flow, position, item, self._telegram.provider, item.file_id))
        return rows

    def _object_key(self, flow: MediaFlow, position: int, item: IncomingMedia) -> str:
        return (
            f"{flow.organization_id}/{flow.context.value}/{flow.context_id}/"
            f"{flow.flow_id}-{position + 1}{_object_suffix(item)}"
        )

    def _row(
        self, flow: MediaFlow, position: int, item: IncomingMedia, provider: str, key: str
    ) -> Media:
        return Media(
            key=key,
            provider=provider,
            organization_id=flow.organization_id,
            object_id=flow.object_id,
            context=flow.context,
            context_id=flow.context_id,
            flow_id=flow.flow_id,
            uploader_user_id=flow.user_id,
            media_type=item.media_type,
            content_type=item.resolved_content_type,
            size=item.size,
            telegram_file_id=item.file_id,
            telegram_file_unique_id=item.file_unique_id,
            position=position,
        )


def media_orchestrator_for(settings: Settings, redis: Redis | None) -> MediaOrchestrator:
    """The orchestrator of a process: flows in its Redis, files in the configured storage."""
    if redis is None:
        raise MediaFlowsUnavailable()
    return MediaOrchestrator(
        redis,
        settings.namespace,
        telegram=telegram_storage_client(settings),
        storage=get_media_storage_client(settings=settings),
    )
