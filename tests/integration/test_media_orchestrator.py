"""Media flows in real Redis and in memory (the embedded default), stored into moto's S3
server and the fake Bot API."""

import asyncio
import hashlib
import os
import uuid
from datetime import timedelta

import pytest
from minio import Minio
from redis.asyncio import Redis
from sqlalchemy import select

from services.media.flows import FLOW_TTL, MediaFlows, MemoryMediaFlows, RedisMediaFlows
from services.media_orchestrator import (
    IncomingMedia,
    MediaFlowExpired,
    MediaFlowIncomplete,
    MediaLimitExceeded,
    MediaLimits,
    MediaOrchestrator,
)
from services.media_storage.base import MediaStorageUnavailable
from services.media_storage.s3_client import S3MediaStorageClient
from services.media_storage.telegram_client import TelegramMediaStorageClient
from services.platform.clock import ManualClock
from services.platform.db.models import Media, MediaContext, MediaType, StorageMode
from services.platform.db.session import SessionFactory
from tests.conftest import TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.media import MediaCast, seed_media_cast
from tests.support.services import free_port


@pytest.fixture
async def cast(session_factory: SessionFactory, clock: ManualClock) -> MediaCast:
    return await seed_media_cast(session_factory, clock)


@pytest.fixture
def bucket() -> str:
    return f"flows-{uuid.uuid4().hex[:10]}"


def telegram_client(telegram: FakeTelegramServer) -> TelegramMediaStorageClient:
    return TelegramMediaStorageClient(TEST_BOT_TOKEN, telegram.base_url)


def s3(endpoint: str, bucket: str, telegram: FakeTelegramServer) -> S3MediaStorageClient:
    return S3MediaStorageClient(
        endpoint=endpoint,
        access_key="test",
        secret_key="test",
        bucket=bucket,
        telegram=telegram_client(telegram),
    )


def flows_in(store: str, request: pytest.FixtureRequest, ttl: timedelta = FLOW_TTL) -> MediaFlows:
    """The flows of a test: in Redis under its namespace, or in memory (embedded default)."""
    if store == "memory":
        return MemoryMediaFlows(ttl)
    return RedisMediaFlows(
        request.getfixturevalue("redis"), request.getfixturevalue("namespace"), ttl
    )


@pytest.fixture(params=["redis", "memory"])
def flows(request: pytest.FixtureRequest) -> MediaFlows:
    return flows_in(request.param, request)


@pytest.fixture
def orchestrator(
    flows: MediaFlows, telegram: FakeTelegramServer, s3_endpoint: str, bucket: str
) -> MediaOrchestrator:
    return MediaOrchestrator(
        flows, telegram=telegram_client(telegram), storage=s3(s3_endpoint, bucket, telegram)
    )


def photo(telegram: FakeTelegramServer, data: bytes | None = None) -> IncomingMedia:
    data = data or os.urandom(50_000)
    unique = f"uniq-{uuid.uuid4().hex[:8]}"
    file_id = telegram.add_file(data, file_unique_id=unique)
    return IncomingMedia(file_id, unique, MediaType.PHOTO, size=len(data))


async def begin(orchestrator: MediaOrchestrator, cast: MediaCast, **limits: object):  # type: ignore[no-untyped-def]
    return await orchestrator.begin(
        context=MediaContext.TASK_PROOF,
        context_id=42,
        organization_id=cast.organization_id,
        object_id=cast.object_id,
        user_id=cast.employee.id,
        limits=MediaLimits(**limits),  # type: ignore[arg-type]
    )


async def test_an_album_of_five_fed_at_once_gives_exactly_five_and_a_sixth_is_refused(
    orchestrator: MediaOrchestrator, cast: MediaCast, telegram: FakeTelegramServer
) -> None:
    flow = await begin(orchestrator, cast)
    album = [photo(telegram) for _ in range(5)]

    results = await asyncio.gather(*(orchestrator.add(flow.flow_id, item) for item in album))

    assert sorted(result.count for result in results) == [1, 2, 3, 4, 5]
    stored = await orchestrator.get(flow.flow_id)
    assert {item.file_unique_id for item in stored.items} == {i.file_unique_id for i in album}
    with pytest.raises(MediaLimitExceeded) as refused:
        await orchestrator.add(flow.flow_id, photo(telegram))
    assert refused.value.params == {"reason": "items", "max_items": 5}
    assert len((await orchestrator.get(flow.flow_id)).items) == 5


async def test_more_concurrent_items_than_the_limit_keep_exactly_the_limit(
    orchestrator: MediaOrchestrator, cast: MediaCast, telegram: FakeTelegramServer
) -> None:
    flow = await begin(orchestrator, cast)
    outcomes = await asyncio.gather(
        *(orchestrator.add(flow.flow_id, photo(telegram)) for _ in range(8)),
        return_exceptions=True,
    )

    refused = [o for o in outcomes if isinstance(o, MediaLimitExceeded)]
    assert len(refused) == 3
    assert len((await orchestrator.get(flow.flow_id)).items) == 5


async def test_the_same_file_twice_counts_once(
    orchestrator: MediaOrchestrator, cast: MediaCast, telegram: FakeTelegramServer
) -> None:
    flow = await begin(orchestrator, cast)
    item = photo(telegram)

    results = await asyncio.gather(*(orchestrator.add(flow.flow_id, item) for _ in range(3)))

    assert sorted(r.added for r in results) == [False, False, True]
    assert len((await orchestrator.get(flow.flow_id)).items) == 1


async def test_type_size_and_comment_limits(
    orchestrator: MediaOrchestrator, cast: MediaCast, telegram: FakeTelegramServer
) -> None:
    flow = await begin(orchestrator, cast, max_file_size=1024 * 1024)
    document = IncomingMedia("doc-1", "udoc-1", MediaType.DOCUMENT, size=10)
    huge = IncomingMedia("vid-1", "uvid-1", MediaType.VIDEO, size=2 * 1024 * 1024)

    with pytest.raises(MediaLimitExceeded) as wrong_type:
        await orchestrator.add(flow.flow_id, document)
    with pytest.raises(MediaLimitExceeded) as too_big:
        await orchestrator.add(flow.flow_id, huge)
    with pytest.raises(MediaLimitExceeded) as too_long:
        await orchestrator.set_comment(flow.flow_id, "x" * 1001)

    assert wrong_type.value.params["reason"] == "type"
    assert too_big.value.params == {"reason": "size", "max_size_mb": 1}
    assert too_long.value.params["reason"] == "comment"
    assert (await orchestrator.get(flow.flow_id)).items == []


async def test_completion_rules(
    orchestrator: MediaOrchestrator,
    cast: MediaCast,
    telegram: FakeTelegramServer,
    session_factory: SessionFactory,
) -> None:
    flow = await begin(orchestrator, cast, comment_required=True)
    await orchestrator.add(flow.flow_id, photo(telegram))
    assert not (await orchestrator.get(flow.flow_id)).is_complete
    async with session_factory() as session:
        with pytest.raises(MediaFlowIncomplete):
            await orchestrator.finish(session, flow.flow_id)

    await orchestrator.set_comment(flow.flow_id, "  Пол вымыт  ")

    completed = await orchestrator.get(flow.flow_id)
    assert completed.is_complete
    assert completed.comment == "Пол вымыт"


@pytest.mark.parametrize("store", ["redis", "memory"])
async def test_a_flow_expires(
    store: str,
    request: pytest.FixtureRequest,
    redis: Redis,
    namespace: str,
    telegram: FakeTelegramServer,
    cast: MediaCast,
) -> None:
    short = MediaOrchestrator(
        flows_in(store, request, ttl=timedelta(milliseconds=400)),
        telegram=telegram_client(telegram),
        storage=None,
    )
    flow = await begin(short, cast)
    await short.add(flow.flow_id, photo(telegram))
    if store == "redis":
        assert await redis.pttl(f"{namespace}:media:flow:{flow.flow_id}:items") <= 400

    await asyncio.sleep(0.6)

    with pytest.raises(MediaFlowExpired):
        await short.get(flow.flow_id)
    with pytest.raises(MediaFlowExpired):
        await short.add(flow.flow_id, photo(telegram))
    assert not [key async for key in redis.scan_iter(match=f"{namespace}:media:*")]


async def test_a_cancelled_flow_is_gone(
    orchestrator: MediaOrchestrator,
    cast: MediaCast,
    telegram: FakeTelegramServer,
    redis: Redis,
    namespace: str,
) -> None:
    flow = await begin(orchestrator, cast)
    await orchestrator.add(flow.flow_id, photo(telegram))

    await orchestrator.cancel(flow.flow_id)

    with pytest.raises(MediaFlowExpired):
        await orchestrator.get(flow.flow_id)
    assert not [key async for key in redis.scan_iter(match=f"{namespace}:media:*")]


async def finished_rows(
    orchestrator: MediaOrchestrator,
    cast: MediaCast,
    telegram: FakeTelegramServer,
    session_factory: SessionFactory,
    mode: StorageMode,
    payloads: list[bytes],
) -> list[Media]:
    flow = await begin(orchestrator, cast)
    for data in payloads:
        await orchestrator.add(flow.flow_id, photo(telegram, data))
    async with session_factory() as session:
        await orchestrator.finish(session, flow.flow_id, mode=mode)
        await session.commit()
    with pytest.raises(MediaFlowExpired):
        await orchestrator.get(flow.flow_id)
    async with session_factory() as session:
        return list(await session.scalars(select(Media).order_by(Media.position, Media.id)))


async def test_finish_in_telegram_mode_records_file_ids(
    orchestrator: MediaOrchestrator,
    cast: MediaCast,
    telegram: FakeTelegramServer,
    session_factory: SessionFactory,
    s3_endpoint: str,
    bucket: str,
) -> None:
    rows = await finished_rows(
        orchestrator, cast, telegram, session_factory, StorageMode.TELEGRAM, [b"a" * 10, b"b"]
    )

    assert [(r.provider, r.key == r.telegram_file_id) for r in rows] == [("telegram", True)] * 2
    assert {r.uploader_user_id for r in rows} == {cast.employee.id}
    assert {(r.context, r.context_id, r.object_id) for r in rows} == {
        (MediaContext.TASK_PROOF, 42, cast.object_id)
    }
    assert [r.size for r in rows] == [10, 1]
    assert not Minio(s3_endpoint, "test", "test", secure=False).bucket_exists(bucket)


async def test_finish_in_storage_mode_copies_files_into_the_bucket(
    orchestrator: MediaOrchestrator,
    cast: MediaCast,
    telegram: FakeTelegramServer,
    session_factory: SessionFactory,
    s3_endpoint: str,
    bucket: str,
) -> None:
    payloads = [os.urandom(70_000), os.urandom(30_000)]
    rows = await finished_rows(
        orchestrator, cast, telegram, session_factory, StorageMode.STORAGE, payloads
    )

    assert [r.provider for r in rows] == ["minio", "minio"]
    minio = Minio(s3_endpoint, "test", "test", secure=False)
    for row, data in zip(rows, payloads, strict=True):
        assert row.key.startswith(f"{cast.organization_id}/task_proof/42/")
        assert row.key.endswith(".jpg")
        assert row.checksum == hashlib.sha256(data).hexdigest()
        assert row.content_type == "image/jpeg"
        assert minio.get_object(bucket, row.key).data == data


async def test_finish_in_both_mode_writes_both_rows(
    orchestrator: MediaOrchestrator,
    cast: MediaCast,
    telegram: FakeTelegramServer,
    session_factory: SessionFactory,
    s3_endpoint: str,
    bucket: str,
) -> None:
    data = os.urandom(20_000)
    rows = await finished_rows(
        orchestrator, cast, telegram, session_factory, StorageMode.BOTH, [data]
    )

    assert sorted(r.provider for r in rows) == ["minio", "telegram"]
    stored = next(r for r in rows if r.provider == "minio")
    kept = next(r for r in rows if r.provider == "telegram")
    assert kept.key == kept.telegram_file_id == stored.telegram_file_id
    assert (
        Minio(s3_endpoint, "test", "test", secure=False).get_object(bucket, stored.key).data == data
    )


async def test_finish_uses_the_owner_mode(
    orchestrator: MediaOrchestrator,
    cast: MediaCast,
    telegram: FakeTelegramServer,
    session_factory: SessionFactory,
) -> None:
    from services.media.access import set_storage_mode
    from services.staff.permissions import actor_in

    async with session_factory() as session:
        actor = await actor_in(session, cast.owner.id, cast.organization_id)
        await set_storage_mode(session, actor, MediaContext.TASK_PROOF, StorageMode.BOTH)
        await session.commit()
    flow = await begin(orchestrator, cast)
    await orchestrator.add(flow.flow_id, photo(telegram))

    async with session_factory() as session:
        rows = await orchestrator.finish(session, flow.flow_id)
        await session.commit()

    assert sorted(r.provider for r in rows) == ["minio", "telegram"]


async def test_an_unreachable_store_keeps_the_flow_for_a_retry(
    flows: MediaFlows,
    cast: MediaCast,
    telegram: FakeTelegramServer,
    session_factory: SessionFactory,
    orchestrator: MediaOrchestrator,
) -> None:
    broken = MediaOrchestrator(
        flows,
        telegram=telegram_client(telegram),
        storage=s3(f"127.0.0.1:{free_port()}", "nowhere", telegram),
    )
    flow = await begin(broken, cast)
    await broken.add(flow.flow_id, photo(telegram))

    async with session_factory() as session:
        with pytest.raises(MediaStorageUnavailable):
            await broken.finish(session, flow.flow_id, mode=StorageMode.STORAGE)
        await session.rollback()

    kept = await broken.get(flow.flow_id)
    assert len(kept.items) == 1
    async with session_factory() as session:
        rows = await orchestrator.finish(session, flow.flow_id, mode=StorageMode.STORAGE)
        await session.commit()
    assert [r.provider for r in rows] == ["minio"]
