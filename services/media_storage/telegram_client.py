"""Media that stays in Telegram: the key is the Bot API `file_id`, bytes are read back
through `getFile` and the Bot API's file download (which honours `Range`)."""

from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass

from services.media_storage.base import (
    DEFAULT_CHUNK_SIZE,
    DEFAULT_CONTENT_TYPE,
    ByteRange,
    MediaObjectNotFound,
    MediaSource,
    MediaStorageClient,
    MediaStorageUnavailable,
    MediaStorageUnsupported,
    StoredMedia,
)
from services.platform.outgoing_http import shared_tls_context

TELEGRAM_PROVIDER = "telegram"


@dataclass(frozen=True)
class TelegramFile:
    file_id: str
    file_path: str
    size: int


class TelegramMediaStorageClient(MediaStorageClient):
    provider = TELEGRAM_PROVIDER

    def __init__(self, bot_token: str, api_base: str, *, timeout_seconds: float = 60.0) -> None:
        self._token = bot_token
        self._api_base = api_base.rstrip("/")
        self._timeout_seconds = timeout_seconds

    async def telegram_file(self, file_id: str) -> TelegramFile:
        """`getFile`: where the file can be downloaded and how big it is."""
        import httpx  # loaded by the first call: the bot's first update needs no httpx

        url = f"{self._api_base}/bot{self._token}/getFile"
        try:
            async with httpx.AsyncClient(
                timeout=httpx.Timeout(self._timeout_seconds, connect=10.0),
                verify=shared_tls_context(),
            ) as client:
                response = await client.post(url, json={"file_id": file_id})
        except httpx.HTTPError as error:
            raise MediaStorageUnavailable(provider=self.provider) from error
        body = (
            response.json()
            if response.headers.get("content-type", "").startswith("application/json")
            else {}
        )
        if response.status_code == 400:
            raise MediaObjectNotFound()
        if response.status_code != 200 or not body.get("ok"):
            raise MediaStorageUnavailable(provider=self.provider)
        result = body["result"]
        if not result.get("file_path"):
            raise MediaObjectNotFound()
        return TelegramFile(file_id, result["file_path"], int(result.get("file_size") or 0))

    async def stream(
        self,
        key: str,
        *,
        byte_range: ByteRange | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
    ) -> AsyncGenerator[bytes, None]:
        import httpx  # as in `telegram_file`

        telegram_file = await self.telegram_file(key)
        url = f"{self._api_base}/file/bot{self._token}/{telegram_file.file_path}"
        headers = {"Range": f"bytes={byte_range.start}-{byte_range.end}"} if byte_range else {}
        try:
            async with (
                httpx.AsyncClient(
                    timeout=httpx.Timeout(self._timeout_seconds, connect=10.0),
                    verify=shared_tls_context(),
                ) as client,
                client.stream("GET", url, headers=headers) as response,
            ):
                if response.status_code == 404:
                    raise MediaObjectNotFound()
                if response.status_code not in (200, 206):
                    raise MediaStorageUnavailable(provider=self.provider)
                chunks = response.aiter_bytes(chunk_size)
                if byte_range is not None and response.status_code == 200:
                    chunks = _cut(chunks, byte_range)  # the server ignored Range
                async for chunk in chunks:
                    yield chunk
        except httpx.HTTPError as error:
            raise MediaStorageUnavailable(provider=self.provider) from error

    async def stat(self, key: str) -> StoredMedia:
        telegram_file = await self.telegram_file(key)
        return StoredMedia(key=key, size=telegram_file.size, content_type=DEFAULT_CONTENT_TYPE)

    async def upload(
        self,
        key: str,
        source: MediaSource,
        *,
        size: int | None = None,
        content_type: str = DEFAULT_CONTENT_TYPE,
    ) -> StoredMedia:
        raise MediaStorageUnsupported(operation="upload")

    async def delete(self, key: str) -> None:
        """Telegram keeps its files; there is nothing for us to remove."""

    async def import_from_telegram(
        self, file_id: str, key: str, *, content_type: str = DEFAULT_CONTENT_TYPE
    ) -> StoredMedia:
        """The file already lives in Telegram: its key is the file_id, `key` is unused."""
        telegram_file = await self.telegram_file(file_id)
        return StoredMedia(key=file_id, size=telegram_file.size, content_type=content_type)


async def _cut(chunks: AsyncIterator[bytes], byte_range: ByteRange) -> AsyncIterator[bytes]:
    position = 0
    async for chunk in chunks:
        chunk_end = position + len(chunk)
        if chunk_end > byte_range.start and position <= byte_range.end:
            yield chunk[max(byte_range.start - position, 0) : byte_range.end - position + 1]
        position = chunk_end
        if position > byte_range.end:
            return
