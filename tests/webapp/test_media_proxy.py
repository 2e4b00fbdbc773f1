"""`GET /api/media/{key}` through the real FastAPI app: Mini App auth, who may see what,
malformed keys, Range, and files served from S3 (moto) and from the fake Bot API."""

import asyncio
import io
import os
import ssl
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
import structlog
from fastapi import FastAPI

from services.media_storage.factory import get_media_storage_client
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import Media, MediaContext, MediaType, User
from services.platform.db.session import SessionFactory
from tests.conftest import TEST_BOT_TOKEN, make_settings
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support import services as real
from tests.support.media import MediaCast, seed_media_cast
from tests.support.webapp import besides_the_access_log, build_init_data, signed_header, tma_header
from tests.webapp.conftest import running_app
from webapp.auth import MEDIA_SESSION_COOKIE

PHOTO = os.urandom(200_000)
OBJECT_KEY = "1/task_proof/42/f00d-1.jpg"


@pytest.fixture
def app_settings(
    database_url: str, namespace: str, telegram: FakeTelegramServer, s3_endpoint: str
) -> Settings:
    return make_settings(
        database_url=database_url,
        redis_url=real.REDIS_URL,
        namespace=namespace,
        telegram_api_base=telegram.base_url,
        media_storage_provider="minio",
        minio={
            "endpoint": s3_endpoint,
            "access_key": "test",
            "secret_key": "test",
            "bucket": f"proxy-{uuid.uuid4().hex[:10]}",
        },
    )


@pytest.fixture
async def cast(session_factory: SessionFactory, clock: ManualClock) -> MediaCast:
    return await seed_media_cast(session_factory, clock)


async def add_media(
    session_factory: SessionFactory, cast: MediaCast, *, key: str, provider: str, size: int
) -> None:
    async with session_factory() as session:
        session.add(
            Media(
                key=key,
                provider=provider,
                organization_id=cast.organization_id,
                object_id=cast.object_id,
                context=MediaContext.TASK_PROOF,
                context_id=42,
                flow_id=uuid.uuid4().hex,
                uploader_user_id=cast.employee.id,
                media_type=MediaType.PHOTO,
                content_type="image/jpeg",
                size=size,
            )
        )
        await session.commit()


@pytest.fixture
async def stored_photo(
    app_settings: Settings, session_factory: SessionFactory, cast: MediaCast
) -> str:
    storage = get_media_storage_client(settings=app_settings)
    await storage.upload(OBJECT_KEY, io.BytesIO(PHOTO), size=len(PHOTO), content_type="image/jpeg")
    await add_media(session_factory, cast, key=OBJECT_KEY, provider="minio", size=len(PHOTO))
    return OBJECT_KEY


async def test_the_owner_gets_the_file_with_private_cache_headers(
    http: httpx.AsyncClient, cast: MediaCast, clock: ManualClock, stored_photo: str
) -> None:
    response = await http.get(
        f"/api/media/{stored_photo}", headers=signed_header(cast.owner, clock)
    )

    assert response.status_code == 200
    assert response.content == PHOTO
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["content-length"] == str(len(PHOTO))
    assert response.headers["cache-control"].startswith("private")
    assert response.headers["accept-ranges"] == "bytes"


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("viewing_manager", 200),
        ("blind_manager", 404),
        ("employee", 200),
        ("stranger_owner", 404),
    ],
)
async def test_who_may_see_a_proof(
    http: httpx.AsyncClient,
    cast: MediaCast,
    clock: ManualClock,
    stored_photo: str,
    who: str,
    expected: int,
) -> None:
    response = await http.get(
        f"/api/media/{stored_photo}", headers=signed_header(getattr(cast, who), clock)
    )

    assert response.status_code == expected
    if expected == 200:
        assert response.content == PHOTO


async def test_an_unknown_key_is_404(
    http: httpx.AsyncClient, cast: MediaCast, clock: ManualClock, stored_photo: str
) -> None:
    response = await http.get(
        "/api/media/1/task_proof/42/nope.jpg", headers=signed_header(cast.owner, clock)
    )

    assert response.status_code == 404


@pytest.mark.parametrize(
    "raw_path",
    [
        "/api/media/..%2F..%2Fetc%2Fpasswd",
        "/api/media/%2e%2e/%2e%2e/etc/passwd",
        "/api/media/1%2Ftask_proof%2F42%2Ff00d-1.jpg",
        "/api/media/1/task_proof/42/..%2F42/f00d-1.jpg",
        "/api/media//etc/passwd",
        "/api/media/1/task_proof/./42/f00d-1.jpg",
        "/api/media/1%5Ctask_proof%5C42%5Cf00d-1.jpg",
        "/api/media/1/task_proof/42/%252e%252e",
    ],
)
async def test_malformed_keys_are_404(
    app: FastAPI, cast: MediaCast, clock: ManualClock, stored_photo: str, raw_path: str
) -> None:
    status, _ = await raw_get(app, raw_path, signed_header(cast.owner, clock))

    assert status == 404


def get_scope(raw_path: str, headers: dict[str, str]) -> dict[str, Any]:
    """The ASGI scope of a GET of `raw_path` as sent (HTTP clients normalise dots)."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(raw_path),
        "raw_path": raw_path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1234),
        "server": ("webapp", 80),
        "state": {},
    }


async def raw_get(app: FastAPI, raw_path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    """An ASGI request with the path exactly as given (HTTP clients normalise dots)."""
    sent: list[dict[str, Any]] = []
    requested = False
    finished = asyncio.Event()

    async def receive() -> dict[str, Any]:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body"):
            finished.set()

    await app(get_scope(raw_path, headers), receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], body


async def test_a_well_formed_key_still_works_through_the_raw_path(
    app: FastAPI, cast: MediaCast, clock: ManualClock, stored_photo: str
) -> None:
    status, body = await raw_get(
        app, f"/api/media/{stored_photo}", signed_header(cast.owner, clock)
    )

    assert (status, body) == (200, PHOTO)


async def test_without_valid_init_data_it_is_401(
    http: httpx.AsyncClient, cast: MediaCast, clock: ManualClock, stored_photo: str
) -> None:
    url = f"/api/media/{stored_photo}"
    genuine = build_init_data(
        TEST_BOT_TOKEN, telegram_id=cast.owner.telegram_id, auth_date=clock.now()
    )
    forged_user = genuine.replace(str(cast.owner.telegram_id), str(cast.stranger_owner.telegram_id))
    other_bot = build_init_data(
        "999:OTHER", telegram_id=cast.owner.telegram_id, auth_date=clock.now()
    )
    expired = signed_header(cast.owner, clock, age=timedelta(seconds=24 * 3600 + 1))

    assert (await http.get(url)).status_code == 401
    assert (await http.get(url, headers={"Authorization": f"Bearer {genuine}"})).status_code == 401
    assert (await http.get(url, headers=tma_header(forged_user))).status_code == 401
    assert (await http.get(url, headers=tma_header(other_bot))).status_code == 401
    assert (await http.get(url, headers=expired)).status_code == 401
    assert (await http.get(url, headers=tma_header(genuine))).status_code == 200


async def media_session(http: httpx.AsyncClient, user: User, clock: ManualClock) -> str:
    """The media session cookie issued for the user's initData."""
    response = await http.post("/api/media/session", headers=signed_header(user, clock))
    assert response.status_code == 204
    return response.cookies[MEDIA_SESSION_COOKIE]


def with_session(token: str) -> dict[str, str]:
    # Sent by hand: httpx keeps Secure cookies away from the plain-http test transport.
    return {"Cookie": f"{MEDIA_SESSION_COOKIE}={token}"}


async def test_a_media_session_cookie_lets_img_and_video_tags_load_files(
    http: httpx.AsyncClient, cast: MediaCast, clock: ManualClock, stored_photo: str
) -> None:
    response = await http.post("/api/media/session", headers=signed_header(cast.owner, clock))

    assert response.status_code == 204
    attributes = {
        part.strip().split("=")[0].lower(): part.strip().partition("=")[2]
        for part in response.headers["set-cookie"].split(";")[1:]
    }
    assert attributes["path"] == "/api/media"
    assert {"httponly", "secure", "partitioned"} <= attributes.keys()
    assert attributes["samesite"].lower() == "none"
    assert int(attributes["max-age"]) <= 15 * 60
    token = response.cookies[MEDIA_SESSION_COOKIE]
    photo = await http.get(f"/api/media/{stored_photo}", headers=with_session(token))
    assert (photo.status_code, photo.content) == (200, PHOTO)
    ranged = await http.get(
        f"/api/media/{stored_photo}", headers=with_session(token) | {"Range": "bytes=0-99"}
    )
    assert (ranged.status_code, ranged.content) == (206, PHOTO[:100])


async def test_forged_or_expired_media_sessions_are_401_and_other_tenants_404(
    http: httpx.AsyncClient, cast: MediaCast, clock: ManualClock, stored_photo: str
) -> None:
    url = f"/api/media/{stored_photo}"
    owner = await media_session(http, cast.owner, clock)
    stranger = await media_session(http, cast.stranger_owner, clock)
    blind = await media_session(http, cast.blind_manager, clock)
    user_id, expires, signature = owner.split(".")
    someone_else = f"{cast.employee.id}.{expires}.{signature}"
    later = f"{user_id}.{int(expires) + 3600}.{signature}"
    foreign_key = "AAAA" + signature[4:] if not signature.startswith("AAAA") else "B" + signature

    other_bot = build_init_data(
        "999:OTHER", telegram_id=cast.owner.telegram_id, auth_date=clock.now()
    )

    for forged in (someone_else, later, f"{user_id}.{expires}.{foreign_key}", "garbage", ""):
        assert (await http.get(url, headers=with_session(forged))).status_code == 401
    refused = await http.post("/api/media/session", headers=tma_header(other_bot))
    assert refused.status_code == 401
    assert (await http.get(url, headers=with_session(stranger))).status_code == 404
    assert (await http.get(url, headers=with_session(blind))).status_code == 404
    assert (await http.get(url, headers=with_session(owner))).status_code == 200

    clock.advance(timedelta(minutes=15))
    assert (await http.get(url, headers=with_session(owner))).status_code == 401


async def test_a_range_gets_exactly_those_bytes(
    http: httpx.AsyncClient, cast: MediaCast, clock: ManualClock, stored_photo: str
) -> None:
    url = f"/api/media/{stored_photo}"
    headers = signed_header(cast.owner, clock)

    middle = await http.get(url, headers=headers | {"Range": "bytes=1000-1999"})
    tail = await http.get(url, headers=headers | {"Range": "bytes=-10"})
    beyond = await http.get(url, headers=headers | {"Range": f"bytes={len(PHOTO)}-"})

    assert middle.status_code == 206
    assert middle.content == PHOTO[1000:2000]
    assert middle.headers["content-range"] == f"bytes 1000-1999/{len(PHOTO)}"
    assert middle.headers["content-length"] == "1000"
    assert (tail.status_code, tail.content) == (206, PHOTO[-10:])
    assert beyond.status_code == 416
    assert beyond.headers["content-range"] == f"bytes */{len(PHOTO)}"


@pytest.mark.parametrize(
    ("range_header", "expected_status"),
    [
        pytest.param("bytes=" + "9" * 4500 + "-", 416, id="a 4,500-digit start"),
        pytest.param("bytes=0-" + "9" * 4500, 206, id="a 4,500-digit end"),
        pytest.param("bytes=-" + "9" * 4500, 206, id="a 4,500-digit suffix"),
        pytest.param("bytes=" + "0" * 4500 + "5-9", 206, id="4,500 leading zeros"),
    ],
)
async def test_a_range_of_thousands_of_digits_is_answered_not_crashed_on(
    http: httpx.AsyncClient,
    cast: MediaCast,
    clock: ManualClock,
    stored_photo: str,
    range_header: str,
    expected_status: int,
) -> None:
    headers = signed_header(cast.owner, clock) | {"Range": range_header}

    with structlog.testing.capture_logs() as logs:
        response = await http.get(f"/api/media/{stored_photo}", headers=headers)

    assert response.status_code == expected_status
    if expected_status == 416:
        assert response.headers["content-range"] == f"bytes */{len(PHOTO)}"
        assert besides_the_access_log(logs) == ["media.range_not_satisfiable"]
    else:
        assert response.content in (PHOTO, PHOTO[5:10])


async def test_no_database_connection_is_held_while_a_file_is_downloading(
    app: FastAPI, cast: MediaCast, clock: ManualClock, stored_photo: str
) -> None:
    """A phone playing a video reads for minutes; the database pool is shared with the bot
    (webhook mode), so the proxy gives its connection back once the viewer is allowed."""
    pool = app.state.engine.pool
    async with paused_download(
        app, f"/api/media/{stored_photo}", signed_header(cast.owner, clock)
    ) as first_chunk:
        assert first_chunk and PHOTO.startswith(first_chunk)
        assert pool.checkedout() == 0


@asynccontextmanager
async def paused_download(app: FastAPI, path: str, headers: dict[str, str]) -> AsyncIterator[bytes]:
    """A GET whose client stops reading after the first chunk of the body (yielded) until
    the block ends; then the rest is read."""
    first_chunk: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
    resume = asyncio.Event()
    finished = asyncio.Event()
    requested = False

    async def receive() -> dict[str, Any]:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] != "http.response.body":
            return
        if message.get("body") and not first_chunk.done():
            first_chunk.set_result(message["body"])
            await resume.wait()
        if not message.get("more_body"):
            finished.set()

    download = asyncio.create_task(app(get_scope(path, headers), receive, send))
    try:
        yield await asyncio.wait_for(first_chunk, timeout=30)
    finally:
        resume.set()
        await download


async def test_a_telegram_stored_file_is_streamed_from_the_bot_api(
    http: httpx.AsyncClient,
    cast: MediaCast,
    clock: ManualClock,
    session_factory: SessionFactory,
    telegram: FakeTelegramServer,
) -> None:
    data = os.urandom(120_000)
    file_id = telegram.add_file(data)
    await add_media(session_factory, cast, key=file_id, provider="telegram", size=len(data))
    headers = signed_header(cast.owner, clock)

    whole = await http.get(f"/api/media/{file_id}", headers=headers)
    part = await http.get(f"/api/media/{file_id}", headers=headers | {"Range": "bytes=5-14"})

    assert (whole.status_code, whole.content) == (200, data)
    assert whole.headers["content-type"] == "image/jpeg"
    assert (part.status_code, part.content) == (206, data[5:15])
    assert [c.params["file_id"] for c in telegram.calls_of("getFile")][-1] == file_id


async def test_files_from_the_bot_api_are_read_without_loading_the_ca_bundle_each_time(
    http: httpx.AsyncClient,
    cast: MediaCast,
    clock: ManualClock,
    session_factory: SessionFactory,
    telegram: FakeTelegramServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Loading the CA bundle into a TLS context costs ~100 ms of CPU: each request paid
    it for every Bot API call it made (two or three), whatever the server's address."""
    file_id = telegram.add_file(os.urandom(10_000))
    await add_media(session_factory, cast, key=file_id, provider="telegram", size=10_000)
    headers = signed_header(cast.owner, clock)
    assert (await http.get(f"/api/media/{file_id}", headers=headers)).status_code == 200
    loads = []
    load_verify_locations = ssl.SSLContext.load_verify_locations

    def counted(context: ssl.SSLContext, *args: Any, **kwargs: Any) -> None:
        loads.append(args or kwargs)
        load_verify_locations(context, *args, **kwargs)

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", counted)

    for _ in range(10):
        assert (await http.get(f"/api/media/{file_id}", headers=headers)).status_code == 200

    assert loads == []


async def test_behind_nginx_a_file_kept_in_telegram_is_still_streamed(
    app_settings: Settings,
    cast: MediaCast,
    clock: ManualClock,
    session_factory: SessionFactory,
    telegram: FakeTelegramServer,
) -> None:
    """Nginx fetches only from object storage (tests/e2e/test_media_behind_nginx.py):
    a Bot API file has no URL for it without the bot's token, so the webapp streams it."""
    data = os.urandom(50_000)
    file_id = telegram.add_file(data)
    await add_media(session_factory, cast, key=file_id, provider="telegram", size=len(data))
    settings = app_settings.model_copy(update={"media_accel_redirect": "/_staffprobot_media/"})

    async with running_app(settings) as (app, http):
        app.state.clock = clock
        response = await http.get(f"/api/media/{file_id}", headers=signed_header(cast.owner, clock))

    assert (response.status_code, response.content) == (200, data)
    assert "x-accel-redirect" not in response.headers
