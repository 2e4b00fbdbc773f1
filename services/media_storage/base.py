"""The media storage contract: every backend streams bytes in and out in chunks, so no
file is ever held in memory whole."""

from abc import ABC, abstractmethod
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass
from typing import BinaryIO

from services.platform.errors import DomainError

DEFAULT_CHUNK_SIZE = 256 * 1024
DEFAULT_CONTENT_TYPE = "application/octet-stream"

# Bytes to store: an async iterator of chunks or a (blocking) binary file object.
MediaSource = AsyncIterator[bytes] | BinaryIO


class MediaStorageUnavailable(DomainError):
    """The storage backend did not answer or failed; the caller may retry later."""

    code = "media-storage-unavailable"


class MediaObjectNotFound(DomainError):
    code = "media-object-not-found"


class MediaStorageUnsupported(DomainError):
    """Params: operation. The backend cannot do this (e.g. upload bytes into Telegram)."""

    code = "media-storage-unsupported"


@dataclass(frozen=True)
class StoredMedia:
    """What a backend knows about one stored object. `checksum` is the SHA-256 (hex) of
    the bytes when the backend has seen them (uploads, imports), else None."""

    key: str
    size: int
    content_type: str
    checksum: str | None = None


@dataclass(frozen=True)
class ByteRange:
    """Inclusive byte positions, as in HTTP `Range: bytes=start-end`."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start + 1


class MediaStorageClient(ABC):
    """A place where media bytes live, addressed by key."""

    provider: str

    @abstractmethod
    async def upload(
        self,
        key: str,
        source: MediaSource,
        *,
        size: int | None = None,
        content_type: str = DEFAULT_CONTENT_TYPE,
    ) -> StoredMedia:
        """Store `source` under `key` (overwriting), streamed; `size=None` when unknown."""

    @abstractmethod
    def stream(
        self,
        key: str,
        *,
        byte_range: ByteRange | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> AsyncGenerator[bytes, None]:
        """The object's bytes (or the range's) as chunks of at most `chunk_size`."""

    @abstractmethod
    async def stat(self, key: str) -> StoredMedia:
        """Size and content type; `MediaObjectNotFound` when there is no such object."""

    @abstractmethod
    async def delete(self, key: str) -> None:
        """Remove the object; removing a missing object is not an error."""

    @abstractmethod
    async def import_from_telegram(
        self, file_id: str, key: str, *, content_type: str = DEFAULT_CONTENT_TYPE
    ) -> StoredMedia:
        """Bring a Telegram file (by `file_id`) into this storage under `key`, streamed."""

    async def presigned_path(self, key: str, *, response_headers: dict[str, str]) -> str | None:
        """`/<path>?<query>` of a GET of the object signed for a minute, relative to the
        backend's endpoint, that answers with `response_headers` (Content-Type,
        Cache-Control, Content-Disposition): for a proxy in front of the webapp to fetch
        it. None where the backend has no such URL (then the bytes are streamed)."""
        return None

    async def exists(self, key: str) -> bool:
        try:
            await self.stat(key)
        except MediaObjectNotFound:
            return False
        return True

    async def download(self, key: str, *, byte_range: ByteRange | None = None) -> bytes:
        """The whole object (or range) in memory: for small files only."""
        return b"".join([chunk async for chunk in self.stream(key, byte_range=byte_range)])
