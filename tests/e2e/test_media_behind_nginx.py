"""The media proxy as production runs it: our Nginx (deploy/nginx/, Debian's nginx with
TLS) in front of a webapp process with `MEDIA_ACCEL_REDIRECT`, files in S3 (moto). The
webapp checks the viewer and hands the download to Nginx, which fetches the file from
storage itself: the whole file and a Range of it arrive with the file's type and our
headers, another organization's user gets 404, a client cannot call the internal
location, and every view of an employee document is still logged."""

import hashlib
import io
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from services.media_storage.factory import get_media_storage_client
from services.media_storage.s3_client import S3MediaStorageClient
from services.platform.clock import SystemClock
from services.platform.config import MediaProvider
from services.platform.db.models import DocumentView, Media, MediaContext, MediaType
from services.platform.db.session import SessionFactory, create_session_factory
from tests.conftest import TEST_BOT_TOKEN, make_settings
from tests.support import services as real
from tests.support.media import MediaCast, seed_media_cast
from tests.support.nginx import MEDIA_LOCATION, RunningNginx, nginx_in_front_of
from tests.support.processes import running_processes, start_process, wait_until_healthy
from tests.support.services import free_port
from tests.support.webapp import signed_header

VIDEO = os.urandom(3 * 1024 * 1024 + 17)
PASSPORT = os.urandom(150_000)
VIDEO_KEY = "1/task_proof/42/beef-1.mp4"
PASSPORT_KEY = "1/employee_document/7/cafe-1.jpg"
GONE_KEY = "1/task_proof/42/dead-1.jpg"  # recorded, but no longer in storage
SECURITY_HEADERS = (
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Content-Security-Policy",
)


@dataclass
class Stack:
    nginx: RunningNginx
    storage: S3MediaStorageClient
    cast: MediaCast
    session_factory: SessionFactory

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.nginx.https_url, verify=False, timeout=60)


@pytest.fixture(scope="module")
async def stack(
    database_url: str,
    engine: AsyncEngine,
    s3_endpoint: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Stack]:
    await real.truncate_all(engine)
    session_factory = create_session_factory(engine)
    cast = await seed_media_cast(session_factory, SystemClock())
    bucket = f"accel-{uuid.uuid4().hex[:10]}"
    minio = {"endpoint": s3_endpoint, "access_key": "test", "secret_key": "test", "bucket": bucket}
    storage = get_media_storage_client(
        MediaProvider.MINIO, settings=make_settings(media_storage_provider="minio", minio=minio)
    )
    assert isinstance(storage, S3MediaStorageClient)
    for key, data, content_type, context in (
        (VIDEO_KEY, VIDEO, "video/mp4", MediaContext.TASK_PROOF),
        (PASSPORT_KEY, PASSPORT, "image/jpeg", MediaContext.EMPLOYEE_DOCUMENT),
        (GONE_KEY, b"", "image/jpeg", MediaContext.TASK_PROOF),
    ):
        if data:
            await storage.upload(key, io.BytesIO(data), size=len(data), content_type=content_type)
        async with session_factory() as session:
            session.add(
                Media(
                    key=key,
                    provider="minio",
                    organization_id=cast.organization_id,
                    object_id=cast.object_id,
                    context=context,
                    context_id=42,
                    flow_id=uuid.uuid4().hex,
                    uploader_user_id=cast.employee.id,
                    media_type=MediaType.VIDEO if data is VIDEO else MediaType.PHOTO,
                    content_type=content_type,
                    size=len(data),
                )
            )
            await session.commit()
    workdir = tmp_path_factory.mktemp("media-behind-nginx")
    port = free_port()
    env = {
        "BOT_TOKEN": TEST_BOT_TOKEN,
        "DATABASE_URL": database_url,
        "REDIS_URL": real.REDIS_URL,
        "NAMESPACE": real.new_namespace(),
        "WEBAPP_HOST": "127.0.0.1",
        "WEBAPP_PORT": str(port),
        "MEDIA_STORAGE_PROVIDER": "minio",
        "MINIO_ENDPOINT": s3_endpoint,
        "MINIO_ACCESS_KEY": "test",
        "MINIO_SECRET_KEY": "test",
        "MINIO_BUCKET": bucket,
        "MEDIA_ACCEL_REDIRECT": MEDIA_LOCATION,
    }
    async with (
        running_processes() as processes,
        nginx_in_front_of(workdir, [port], media_storage=s3_endpoint) as nginx,
    ):
        webapp = start_process("webapp", ["-m", "webapp"], env, workdir)
        processes.append(webapp)
        await wait_until_healthy(port, webapp)
        yield Stack(nginx, storage, cast, session_factory)


async def test_the_whole_file_comes_from_storage_through_nginx_with_our_headers(
    stack: Stack,
) -> None:
    async with stack.client() as client:
        response = await client.get(
            f"/api/media/{VIDEO_KEY}", headers=signed_header(stack.cast.owner, SystemClock())
        )

    assert response.status_code == 200
    assert response.content == VIDEO
    assert response.headers["Content-Type"] == "video/mp4"
    assert response.headers["Content-Length"] == str(len(VIDEO))
    assert response.headers.get_list("Cache-Control") == ["private, max-age=3600"]
    assert response.headers["Accept-Ranges"] == "bytes"
    # Served by storage (its ETag), not by the webapp; nothing of the hand-over shows.
    assert response.headers["ETag"].strip('"') == hashlib.md5(VIDEO).hexdigest()
    assert "X-Accel-Redirect" not in response.headers
    for header in SECURITY_HEADERS:
        assert len(response.headers.get_list(header)) == 1, header
    assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_a_range_passes_through_to_storage(stack: Stack) -> None:
    headers = signed_header(stack.cast.owner, SystemClock())
    url = f"/api/media/{VIDEO_KEY}"
    async with stack.client() as client:
        middle = await client.get(url, headers=headers | {"Range": "bytes=1000-1999"})
        tail = await client.get(url, headers=headers | {"Range": "bytes=-10"})

    assert middle.status_code == 206
    assert middle.content == VIDEO[1000:2000]
    assert middle.headers["Content-Range"] == f"bytes 1000-1999/{len(VIDEO)}"
    assert middle.headers["Content-Type"] == "video/mp4"
    assert (tail.status_code, tail.content) == (206, VIDEO[-10:])


async def test_other_organizations_and_strangers_get_nothing(stack: Stack) -> None:
    url = f"/api/media/{VIDEO_KEY}"
    clock = SystemClock()
    async with stack.client() as client:
        stranger = await client.get(url, headers=signed_header(stack.cast.stranger_owner, clock))
        blind = await client.get(url, headers=signed_header(stack.cast.blind_manager, clock))
        anonymous = await client.get(url)
        unknown = await client.get(
            f"/api/media/{VIDEO_KEY}.x", headers=signed_header(stack.cast.owner, clock)
        )

    assert (stranger.status_code, blind.status_code, unknown.status_code) == (404, 404, 404)
    assert anonymous.status_code == 401
    for answer in (stranger, blind, unknown):
        assert VIDEO[:64] not in answer.content


async def test_a_file_gone_from_storage_is_404_without_what_storage_said(stack: Stack) -> None:
    async with stack.client() as client:
        response = await client.get(
            f"/api/media/{GONE_KEY}", headers=signed_header(stack.cast.owner, SystemClock())
        )

    assert response.status_code == 404
    assert b"NoSuchKey" not in response.content and b"<Error>" not in response.content
    for header in SECURITY_HEADERS:
        assert len(response.headers.get_list(header)) == 1, header


async def test_a_client_cannot_call_the_internal_location(stack: Stack) -> None:
    """Not even with a genuine signature: only the webapp's hand-over reaches storage."""
    signed = await stack.storage.presigned_path(
        VIDEO_KEY, response_headers={"Content-Type": "video/mp4"}
    )
    assert signed is not None
    async with stack.client() as client:
        answers = [
            await client.get(f"{MEDIA_LOCATION.rstrip('/')}{signed}"),
            await client.get(f"{MEDIA_LOCATION}{stack.storage.bucket}/{VIDEO_KEY}"),
            await client.get(MEDIA_LOCATION),
        ]

    assert [answer.status_code for answer in answers] == [404, 404, 404]
    assert all(VIDEO[:64] not in answer.content for answer in answers)


async def test_every_view_of_an_employee_document_is_logged(stack: Stack) -> None:
    async with stack.session_factory() as session:
        before = await session.scalar(select(func.count()).select_from(DocumentView))
    async with stack.client() as client:
        for _ in range(2):
            response = await client.get(
                f"/api/media/{PASSPORT_KEY}",
                headers=signed_header(stack.cast.owner, SystemClock()),
            )
            assert (response.status_code, response.content) == (200, PASSPORT)

    async with stack.session_factory() as session:
        views = list(
            await session.scalars(
                select(DocumentView).order_by(DocumentView.id).offset(before or 0)
            )
        )
    assert [(view.viewer_user_id, view.media_key) for view in views] == [
        (stack.cast.owner.id, PASSPORT_KEY)
    ] * 2
