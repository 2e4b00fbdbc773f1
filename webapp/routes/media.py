"""`GET /api/media/{key}`: the media proxy. Never a presigned URL for the client: the
caller is authenticated from the Mini App (the initData header, or the media session
cookie that `POST /api/media/session` issues for `<img>`/`<video>`) and must be allowed
to see the file; everyone else (and every unknown or malformed key) gets the same 404.

Behind our Nginx (`MEDIA_ACCEL_REDIRECT` set) a file in object storage is not read by
Python at all: once the viewer is allowed, the answer is `X-Accel-Redirect` to Nginx's
internal location with a GET presigned for a minute, and Nginx fetches the bytes from
MinIO/S3 itself (`Range` passes through). Otherwise (embedded mode, tests, Telegram
storage) the bytes are streamed in large chunks from the storage, with `Range` support."""

import re
from typing import Annotated

import structlog
from fastapi import APIRouter, Header, HTTPException, Request, status
from fastapi.responses import Response, StreamingResponse

from services.documents.views import record_views
from services.media.access import viewable_media
from services.media_storage.base import (
    ByteRange,
    MediaObjectNotFound,
    MediaStorageClient,
    MediaStorageUnavailable,
)
from services.media_storage.factory import get_media_storage_client, telegram_storage_client
from services.media_storage.telegram_client import TELEGRAM_PROVIDER
from services.platform.config import MediaProvider
from services.platform.db.models import Media
from services.platform.errors import NotFound
from webapp.auth import (
    MEDIA_SESSION_COOKIE,
    MEDIA_SESSION_PATH,
    MEDIA_SESSION_TTL,
    CurrentUser,
    MediaViewer,
    issue_media_session,
)
from webapp.dependencies import ClockDep, SessionDep, SettingsDep

router = APIRouter(tags=["media"])
log = structlog.get_logger("webapp.media")

MAX_KEY_LENGTH = 512
CACHE_CONTROL = "private, max-age=3600"
# Where the webapp streams a file itself: large chunks, few thread hops and sends.
STREAM_CHUNK_SIZE = 1024 * 1024
_KEY_SEGMENT = re.compile(r"[A-Za-z0-9_\-][A-Za-z0-9_.\-]*")
_SINGLE_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


# No object is this big; a longer position means "past the end" (and `int()` refuses
# strings of over 4,300 digits).
_POSITION_DIGITS = 18
_PAST_ANY_END = 10**_POSITION_DIGITS


class RangeNotSatisfiable(Exception):
    pass


def _position(digits: str) -> int:
    significant = digits.lstrip("0")
    return int(significant or "0") if len(significant) <= _POSITION_DIGITS else _PAST_ANY_END


def is_well_formed_key(key: str, raw_path: bytes) -> bool:
    """Object names and file_ids only: plain segments, no dot segments, no absolute
    paths, nothing percent-encoded (an encoded separator is an attack, not a name)."""
    if b"%" in raw_path or not key or len(key) > MAX_KEY_LENGTH:
        return False
    return all(_KEY_SEGMENT.fullmatch(segment) for segment in key.split("/"))


def requested_range(header: str | None, size: int) -> ByteRange | None:
    """One `bytes=` range of the header clipped to the object, None for the whole object
    (no header, several ranges or a syntax we ignore, as RFC 9110 allows)."""
    if header is None:
        return None
    match = _SINGLE_RANGE.fullmatch(header.strip())
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        suffix = _position(last)
        if suffix == 0 or size == 0:
            raise RangeNotSatisfiable()
        return ByteRange(max(size - suffix, 0), size - 1)
    start = _position(first)
    if last and _position(last) < start:
        return None
    if start >= size:
        raise RangeNotSatisfiable()
    return ByteRange(start, min(_position(last), size - 1) if last else size - 1)


def _storage(request: Request, provider: str) -> MediaStorageClient:
    """One client per provider for the app's lifetime (they hold connection pools)."""
    state = request.app.state
    clients: dict[str, MediaStorageClient] = getattr(state, "media_clients", None) or {}
    state.media_clients = clients
    if provider not in clients:
        if provider == TELEGRAM_PROVIDER:
            clients[provider] = telegram_storage_client(state.settings)
        else:
            clients[provider] = get_media_storage_client(
                MediaProvider(provider), settings=state.settings
            )
    return clients[provider]


async def _handed_to_nginx(
    storage: MediaStorageClient, media: Media, internal_location: str
) -> Response | None:
    """The empty answer that has Nginx fetch the file from storage (None when the storage
    has no URL for it). Storage answers with the file's type and our caching, and the
    client's `Range` goes to storage as it came."""
    signed = await storage.presigned_path(
        media.key,
        response_headers={"Content-Type": media.content_type, "Cache-Control": CACHE_CONTROL},
    )
    if signed is None:
        return None
    return Response(headers={"X-Accel-Redirect": internal_location[:-1] + signed})


def _not_found() -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, detail="not found")


@router.post("/api/media/session", status_code=status.HTTP_204_NO_CONTENT)
async def open_media_session(user: CurrentUser, settings: SettingsDep, clock: ClockDep) -> Response:
    """Exchange the Mini App's initData for a media session cookie: HttpOnly, Secure,
    only sent to `/api/media`. SameSite=None with Partitioned because Telegram Web shows
    the Mini App in an iframe of another site, where a Lax or Strict cookie is never sent;
    the proxy only reads, so a cross-site request can do nothing with it."""
    token = issue_media_session(user.id, settings, clock.now())  # cookie-safe characters
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    # Written by hand: Starlette sets Partitioned only on Python 3.14+.
    response.headers.append(
        "Set-Cookie",
        f"{MEDIA_SESSION_COOKIE}={token}; Max-Age={int(MEDIA_SESSION_TTL.total_seconds())}; "
        f"Path={MEDIA_SESSION_PATH}; Secure; HttpOnly; SameSite=None; Partitioned",
    )
    return response


@router.get("/api/media/{key:path}")
async def get_media(
    key: str,
    request: Request,
    user: MediaViewer,
    session: SessionDep,
    clock: ClockDep,
    settings: SettingsDep,
    range_header: Annotated[str | None, Header(alias="Range")] = None,
) -> Response:
    if not is_well_formed_key(key, request.scope.get("raw_path", b"")):
        raise _not_found()
    try:
        media = await viewable_media(session, user.id, key)
    except NotFound as error:
        raise _not_found() from error
    record_views(session, clock, user.id, [media])
    await session.commit()
    storage = _storage(request, media.provider)
    try:
        if settings.media_accel_redirect:
            fetched_by_nginx = await _handed_to_nginx(storage, media, settings.media_accel_redirect)
            if fetched_by_nginx is not None:
                return fetched_by_nginx
        stored = await storage.stat(media.key)
    except MediaObjectNotFound as error:
        raise _not_found() from error
    except MediaStorageUnavailable as error:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "storage unavailable") from error
    headers = {
        "Cache-Control": CACHE_CONTROL,
        "Accept-Ranges": "bytes",
        "X-Content-Type-Options": "nosniff",
    }
    try:
        byte_range = requested_range(range_header, stored.size)
    except RangeNotSatisfiable:
        log.info("media.range_not_satisfiable", size=stored.size, range=(range_header or "")[:100])
        return Response(
            status_code=status.HTTP_416_RANGE_NOT_SATISFIABLE,
            headers=headers | {"Content-Range": f"bytes */{stored.size}"},
        )
    if byte_range is None:
        headers["Content-Length"] = str(stored.size)
        status_code = status.HTTP_200_OK
    else:
        headers["Content-Length"] = str(byte_range.length)
        headers["Content-Range"] = f"bytes {byte_range.start}-{byte_range.end}/{stored.size}"
        status_code = status.HTTP_206_PARTIAL_CONTENT
    return StreamingResponse(
        storage.stream(media.key, byte_range=byte_range, chunk_size=STREAM_CHUNK_SIZE),
        status_code=status_code,
        media_type=media.content_type,
        headers=headers,
    )
