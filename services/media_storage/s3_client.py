"""MinIO or any S3-compatible store through the `minio` SDK.

The SDK is blocking: every call runs in a worker thread (`asyncio.to_thread`) so the
event loop keeps serving. Uploads are read part by part (multipart above `PART_SIZE`,
one part in flight) and downloads chunk by chunk, so memory stays bounded by a part.
"""

import asyncio
import hashlib
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from concurrent.futures import Future
from contextlib import aclosing
from datetime import timedelta
from typing import Any, BinaryIO, ParamSpec, TypeVar
from urllib.parse import urlsplit

import urllib3
from minio import Minio
from minio.error import MinioException, S3Error

from services.media_storage.base import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_CONTENT_TYPE,
    ByteRange,
    MediaObjectNotFound,
    MediaSource,
    MediaStorageClient,
    MediaStorageUnavailable,
    StoredMedia,
)
from services.media_storage.telegram_client import TelegramMediaStorageClient

PART_SIZE = 8 * 1024 * 1024
# A presigned GET is fetched by our Nginx at once; a minute covers clock skew between hosts.
PRESIGNED_LIFETIME = timedelta(minutes=1)
_NOT_FOUND_CODES = frozenset({"NoSuchKey", "NoSuchBucket", "NoSuchObject", "ResourceNotFound"})
_BUCKET_TAKEN_CODES = frozenset({"BucketAlreadyOwnedByYou", "BucketAlreadyExists"})

_P = ParamSpec("_P")
_T = TypeVar("_T")


class _HashingReader:
    """The blocking `read(n)` the SDK wants, over a file or an async iterator of chunks
    (pulled from the event loop one chunk at a time), counting and hashing the bytes."""

    def __init__(self, source: MediaSource, loop: asyncio.AbstractEventLoop) -> None:
        self._source = source
        self._loop = loop
        self._pending = b""
        self._exhausted = False
        self.size = 0
        self._sha256 = hashlib.sha256()

    @property
    def checksum(self) -> str:
        return self._sha256.hexdigest()

    def read(self, size: int = -1) -> bytes:
        data = self._read_file(size) if hasattr(self._source, "read") else self._read_iter(size)
        self.size += len(data)
        self._sha256.update(data)
        return data

    def _read_file(self, size: int) -> bytes:
        file: BinaryIO = self._source  # type: ignore[assignment]
        return file.read(size)

    def _read_iter(self, size: int) -> bytes:
        while not self._exhausted and (size < 0 or len(self._pending) < size):
            chunk = self._next_chunk()
            if chunk is None:
                self._exhausted = True
            else:
                self._pending += chunk
        if size < 0:
            data, self._pending = self._pending, b""
        else:
            data, self._pending = self._pending[:size], self._pending[size:]
        return data

    def _next_chunk(self) -> bytes | None:
        iterator: AsyncIterator[bytes] = self._source  # type: ignore[assignment]
        future: Future[bytes | None] = asyncio.run_coroutine_threadsafe(
            _next_or_none(iterator), self._loop
        )
        return future.result()


async def _next_or_none(iterator: AsyncIterator[bytes]) -> bytes | None:
    return await anext(iterator, None)


class S3MediaStorageClient(MediaStorageClient):
    def __init__(
        self,
        *,
        endpoint: str,
        access_key: str,
        secret_key: str,
        bucket: str,
        telegram: TelegramMediaStorageClient,
        secure: bool = False,
        region: str | None = "us-east-1",
        provider: str = "minio",
        connect_timeout_seconds: float = 5.0,
        read_timeout_seconds: float = 60.0,
    ) -> None:
        self.provider = provider
        self.bucket = bucket
        self._telegram = telegram
        # Few quick retries: an unreachable store must fail fast and visibly, not hang.
        http_client = urllib3.PoolManager(
            timeout=urllib3.Timeout(connect=connect_timeout_seconds, read=read_timeout_seconds),
            maxsize=16,
            retries=urllib3.Retry(
                total=2, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]
            ),
        )
        self._client = Minio(
            endpoint,
            access_key=access_key,
            secret_key=secret_key,
            secure=secure,
            region=region or None,
            http_client=http_client,
        )
        self._bucket_ready = False
        self._bucket_lock = asyncio.Lock()

    async def _call(self, function: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return await asyncio.to_thread(function, *args, **kwargs)
        except S3Error as error:
            if error.code in _NOT_FOUND_CODES:
                raise MediaObjectNotFound() from error
            raise MediaStorageUnavailable(provider=self.provider) from error
        except (MinioException, urllib3.exceptions.HTTPError, OSError) as error:
            raise MediaStorageUnavailable(provider=self.provider) from error

    async def ensure_bucket(self) -> None:
        """Create the bucket when it is missing (once per client)."""
        if self._bucket_ready:
            return
        async with self._bucket_lock:
            if self._bucket_ready:
                return
            if not await self._call(self._client.bucket_exists, self.bucket):
                try:
                    await self._call(self._client.make_bucket, self.bucket)
                except MediaStorageUnavailable as error:
                    cause = error.__cause__
                    if not (isinstance(cause, S3Error) and cause.code in _BUCKET_TAKEN_CODES):
                        raise
            self._bucket_ready = True

    async def upload(
        self,
        key: str,
        source: MediaSource,
        *,
        size: int | None = None,
        content_type: str = DEFAULT_CONTENT_TYPE,
    ) -> StoredMedia:
        await self.ensure_bucket()
        reader = _HashingReader(source, asyncio.get_running_loop())
        await self._call(
            self._client.put_object,
            self.bucket,
            key,
            reader,  # type: ignore[arg-type]
            -1 if size is None else size,
            content_type=content_type,
            part_size=PART_SIZE,
            num_parallel_uploads=1,
        )
        return StoredMedia(key, reader.size, content_type, reader.checksum)

    async def stream(
        self,
        key: str,
        *,
        byte_range: ByteRange | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> AsyncGenerator[bytes, None]:
        """Reads one chunk ahead: the next chunk comes from storage (in a worker thread)
        while the caller sends this one on."""
        offset, length = (byte_range.start, byte_range.length) if byte_range else (0, 0)
        response: Any = await self._call(
            self._client.get_object, self.bucket, key, offset=offset, length=length
        )
        reading = asyncio.ensure_future(self._call(response.read, chunk_size))
        try:
            while chunk := await reading:
                reading = asyncio.ensure_future(self._call(response.read, chunk_size))
                yield chunk
        finally:
            # The thread's read ends on its own; the connection is closed after it.
            await asyncio.wait([reading])
            if not reading.cancelled():
                reading.exception()  # retrieved: a read after the caller stopped is moot
            response.close()
            response.release_conn()

    async def presigned_path(self, key: str, *, response_headers: dict[str, str]) -> str | None:
        # Signed locally (the region is configured, so the SDK asks the store nothing).
        url = await self._call(
            self._client.presigned_get_object,
            self.bucket,
            key,
            expires=PRESIGNED_LIFETIME,
            response_headers={
                f"response-{name.lower()}": value for name, value in response_headers.items()
            },
        )
        parts = urlsplit(url)
        return f"{parts.path}?{parts.query}"

    async def stat(self, key: str) -> StoredMedia:
        found = await self._call(self._client.stat_object, self.bucket, key)
        return StoredMedia(
            key=key,
            size=int(found.size or 0),
            content_type=found.content_type or DEFAULT_CONTENT_TYPE,
        )

    async def delete(self, key: str) -> None:
        try:
            await self._call(self._client.remove_object, self.bucket, key)
        except MediaObjectNotFound:
            return

    async def import_from_telegram(
        self, file_id: str, key: str, *, content_type: str = DEFAULT_CONTENT_TYPE
    ) -> StoredMedia:
        """Streams the Bot API download straight into the bucket."""
        telegram_file = await self._telegram.telegram_file(file_id)
        async with aclosing(self._telegram.stream(file_id)) as chunks:
            return await self.upload(
                key, chunks, size=telegram_file.size or None, content_type=content_type
            )
