"""The storage backends against real servers: moto's S3 server and the fake Bot API."""

import hashlib
import io
import os
import time
import uuid
from collections.abc import AsyncIterator

import pytest
from minio import Minio

from services.media_storage.base import ByteRange, MediaObjectNotFound, MediaStorageUnavailable
from services.media_storage.factory import get_media_storage_client
from services.media_storage.s3_client import S3MediaStorageClient
from services.media_storage.telegram_client import TelegramMediaStorageClient
from tests.conftest import TEST_BOT_TOKEN, make_settings
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.services import free_port


def new_bucket() -> str:
    return f"media-{uuid.uuid4().hex[:12]}"


def s3_client(
    endpoint: str, bucket: str, telegram: FakeTelegramServer | None = None
) -> S3MediaStorageClient:
    settings = make_settings(
        media_storage_provider="minio",
        telegram_api_base=telegram.base_url if telegram else "http://127.0.0.1:9",
        minio={"endpoint": endpoint, "access_key": "test", "secret_key": "test", "bucket": bucket},
    )
    client = get_media_storage_client(settings=settings)
    assert isinstance(client, S3MediaStorageClient)
    return client


def raw_minio(endpoint: str) -> Minio:
    return Minio(endpoint, access_key="test", secret_key="test", secure=False, region="us-east-1")


async def chunks_of(data: bytes, chunk: int = 1024 * 1024) -> AsyncIterator[bytes]:
    for start in range(0, len(data), chunk):
        yield data[start : start + chunk]


async def test_upload_stat_download_range_delete(s3_endpoint: str) -> None:
    client = s3_client(s3_endpoint, new_bucket())
    data = os.urandom(300_000)

    stored = await client.upload(
        "org-1/task_proof/7/a.jpg", io.BytesIO(data), size=len(data), content_type="image/jpeg"
    )

    assert stored.size == len(data)
    assert stored.checksum == hashlib.sha256(data).hexdigest()
    assert await client.exists("org-1/task_proof/7/a.jpg")
    stat = await client.stat("org-1/task_proof/7/a.jpg")
    assert (stat.size, stat.content_type) == (len(data), "image/jpeg")
    assert await client.download("org-1/task_proof/7/a.jpg") == data
    chunks = [c async for c in client.stream("org-1/task_proof/7/a.jpg", chunk_size=65536)]
    assert max(len(c) for c in chunks) <= 65536
    assert b"".join(chunks) == data
    part = await client.download("org-1/task_proof/7/a.jpg", byte_range=ByteRange(1000, 70_999))
    assert part == data[1000:71_000]

    await client.delete("org-1/task_proof/7/a.jpg")
    assert not await client.exists("org-1/task_proof/7/a.jpg")
    await client.delete("org-1/task_proof/7/a.jpg")
    with pytest.raises(MediaObjectNotFound):
        await client.stat("org-1/task_proof/7/a.jpg")


async def test_a_30_mb_stream_of_unknown_size_goes_up_in_parts(s3_endpoint: str) -> None:
    bucket = new_bucket()
    client = s3_client(s3_endpoint, bucket)
    data = os.urandom(30 * 1024 * 1024)

    stored = await client.upload("big.mp4", chunks_of(data), content_type="video/mp4")

    assert stored.size == len(data)
    assert stored.checksum == hashlib.sha256(data).hexdigest()
    etag = raw_minio(s3_endpoint).stat_object(bucket, "big.mp4").etag
    assert etag is not None and etag.endswith("-4")  # 30 MiB in 8 MiB parts
    digest = hashlib.sha256()
    async for chunk in client.stream("big.mp4"):
        digest.update(chunk)
    assert digest.hexdigest() == stored.checksum


async def test_a_missing_bucket_is_created(s3_endpoint: str) -> None:
    bucket = new_bucket()
    assert not raw_minio(s3_endpoint).bucket_exists(bucket)

    await s3_client(s3_endpoint, bucket).upload("x.bin", io.BytesIO(b"x"), size=1)

    assert raw_minio(s3_endpoint).bucket_exists(bucket)


async def test_an_unreachable_store_is_a_clear_error() -> None:
    client = s3_client(f"127.0.0.1:{free_port()}", new_bucket())
    started = time.monotonic()

    with pytest.raises(MediaStorageUnavailable) as raised:
        await client.upload("x.bin", io.BytesIO(b"x"), size=1)

    assert raised.value.code == "media-storage-unavailable"
    assert time.monotonic() - started < 10


async def test_a_telegram_file_is_imported_into_the_bucket(
    s3_endpoint: str, telegram: FakeTelegramServer
) -> None:
    data = os.urandom(2_000_000)
    file_id = telegram.add_file(data)
    client = s3_client(s3_endpoint, new_bucket(), telegram)

    stored = await client.import_from_telegram(file_id, "imported.jpg", content_type="image/jpeg")

    assert (stored.size, stored.checksum) == (len(data), hashlib.sha256(data).hexdigest())
    assert await client.download("imported.jpg") == data


async def test_telegram_storage_reads_through_the_bot_api(telegram: FakeTelegramServer) -> None:
    data = os.urandom(100_000)
    file_id = telegram.add_file(data)
    client = TelegramMediaStorageClient(TEST_BOT_TOKEN, telegram.base_url)

    assert (await client.stat(file_id)).size == len(data)
    assert await client.download(file_id) == data
    assert await client.download(file_id, byte_range=ByteRange(10, 19)) == data[10:20]
    assert (await client.import_from_telegram(file_id, "ignored")).key == file_id
    assert not await client.exists("no-such-file")
