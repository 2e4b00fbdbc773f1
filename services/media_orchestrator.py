"""Media flows: collecting the photos, videos and comment of one proof across several
messages, then storing them by the organization's storage mode.

A flow lives in Redis, or in the bot's memory in the embedded default
(`services.media.flows`), and expires an hour after it began. Album messages arrive as
concurrent updates; each file is checked and added in one step, so an album of five is
five items, never four or six.
"""

import json
import mimetypes
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

import structlog
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from services.media.access import storage_mode_for
from services.media.flows import ItemOutcome, MediaFlows, media_flows
from services.media_storage.base import MediaStorageClient
from services.media_storage.factory import get_media_storage_client, telegram_storage_client
from services.media_storage.telegram_client import TelegramMediaStorageClient
from services.platform.config import Settings
from services.platform.db.models import Media, MediaContext, MediaType, StorageMode
from services.platform.errors import DomainError, NotFound

log = structlog.get_logger(__name__)

MAX_COMMENT_LENGTH = 1000
# The Bot API's download limit: larger files could never be read back.
DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024

_CONTENT_TYPES = {MediaType.PHOTO: "image/jpeg", MediaType.VIDEO: "video/mp4"}


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
        flows: MediaFlows,
        *,
        telegram: TelegramMediaStorageClient,
        storage: MediaStorageClient | None,
    ) -> None:
        self._flows = flows
        self._telegram = telegram
        # None (or a Telegram client) when no object storage is configured.
        self._storage = None if isinstance(storage, TelegramMediaStorageClient) else storage

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
        await self._flows.create(
            flow_id,
            {
                "context": context.value,
                "context_id": str(context_id),
                "organization_id": str(organization_id),
                "object_id": "" if object_id is None else str(object_id),
                "user_id": str(user_id),
                "limits": limits.to_json(),
            },
        )
        return MediaFlow(flow_id, context, context_id, organization_id, object_id, user_id, limits)

    async def get(self, flow_id: str) -> MediaFlow:
        stored = await self._flows.read(flow_id)
        if stored is None:
            raise MediaFlowExpired()
        fields = stored.fields
        return MediaFlow(
            flow_id=flow_id,
            context=MediaContext(fields["context"]),
            context_id=int(fields["context_id"]),
            organization_id=int(fields["organization_id"]),
            object_id=int(fields["object_id"]) if fields["object_id"] else None,
            user_id=int(fields["user_id"]),
            limits=MediaLimits.from_json(fields["limits"]),
            items=[IncomingMedia.from_json(raw) for raw in stored.items],
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
        """Add one file. Type and size are checked here, the count by the flows' store in
        one step; the same file (by file_unique_id) twice counts once."""
        flow = await self.get(flow_id)
        limits = flow.limits
        if item.media_type not in limits.allowed_types:
            raise MediaLimitExceeded(reason="type")
        if item.size is not None and item.size > limits.max_file_size:
            raise MediaLimitExceeded(
                reason="size", max_size_mb=limits.max_file_size // (1024 * 1024)
            )
        outcome, count = await self._flows.add_item(
            flow_id, item.file_unique_id, item.to_json(), limits.max_items
        )
        if outcome == ItemOutcome.GONE:
            raise MediaFlowExpired()
        if outcome == ItemOutcome.FULL:
            raise MediaLimitExceeded(reason="items", max_items=limits.max_items)
        return AddResult(added=outcome == ItemOutcome.ADDED, count=count)

    async def set_comment(self, flow_id: str, comment: str) -> None:
        comment = comment.strip()
        if len(comment) > MAX_COMMENT_LENGTH:
            raise MediaLimitExceeded(reason="comment", max_length=MAX_COMMENT_LENGTH)
        if not await self._flows.set_comment(flow_id, comment):
            raise MediaFlowExpired()

    async def cancel(self, flow_id: str) -> None:
        await self._flows.delete(flow_id)

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
        if not await self._flows.claim_finishing(flow_id):
            raise MediaFlowBusy()
        try:
            mode = mode or await storage_mode_for(session, flow.organization_id, flow.context)
            rows = await self._store(flow, mode)
            session.add_all(rows)
            await session.flush()
        except BaseException:
            await self._flows.release_finishing(flow_id)
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
    """The orchestrator of a process: flows in its Redis (in its memory without one), files
    in the configured storage. Made once per process: memory flows live in it."""
    return MediaOrchestrator(
        media_flows(redis, settings.namespace),
        telegram=telegram_storage_client(settings),
        storage=get_media_storage_client(settings=settings),
    )
