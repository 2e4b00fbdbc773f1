"""Bench (prints figures, asserts nothing): a 100 MB object streamed through the media
proxy (`python -m webapp` in its own process, real HTTP on loopback) next to a direct
`minio` SDK read of the same object in the same run, and the webapp's peak RSS growth.

    .venv/bin/python -m tests.bench.bench_media_proxy [--megabytes 100] [--json]

With `--json` the last line is one JSON object: `direct_mib_s`, `proxy_mib_s`,
`proxy_ratio`, `rss_growth_mib`.
"""

import argparse
import asyncio
import json
import logging
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
from minio import Minio

from services.media_storage.s3_client import S3MediaStorageClient
from services.media_storage.telegram_client import TelegramMediaStorageClient
from services.platform.clock import SystemClock
from services.platform.db.models import Media, MediaContext, MediaType
from services.platform.db.session import create_engine, create_session_factory
from tests.conftest import TEST_BOT_TOKEN
from tests.support import services as real
from tests.support.media import seed_media_cast
from tests.support.webapp import build_init_data, tma_header

CHUNK = 1024 * 1024
KEY = "1/task_proof/1/bench-1.mp4"


async def _pattern(total: int) -> AsyncIterator[bytes]:
    block = os.urandom(CHUNK)
    for start in range(0, total, CHUNK):
        yield block[: min(CHUNK, total - start)]


def _rss_kib(pid: int, field: str = "VmRSS") -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


class RssSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._stop_event = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, _rss_kib(self.pid))
            time.sleep(0.005)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


def _wait_until_up(base_url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the webapp exited")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("the webapp did not come up")


def _direct_read(endpoint: str, bucket: str) -> tuple[int, float]:
    client = Minio(endpoint, "bench", "bench", secure=False, region="us-east-1")
    started = time.perf_counter()
    response = client.get_object(bucket, KEY)
    received = 0
    try:
        while chunk := response.read(CHUNK):
            received += len(chunk)
    finally:
        response.close()
        response.release_conn()
    return received, time.perf_counter() - started


def _proxy_read(base_url: str, headers: dict[str, str]) -> tuple[int, float]:
    started = time.perf_counter()
    received = 0
    with (
        httpx.Client(timeout=300) as client,
        client.stream("GET", f"{base_url}/api/media/{KEY}", headers=headers) as response,
    ):
        response.raise_for_status()
        for chunk in response.iter_bytes(CHUNK):
            received += len(chunk)
    return received, time.perf_counter() - started


async def main(megabytes: int) -> dict[str, float]:
    size = megabytes * 1024 * 1024
    bucket = f"bench-{uuid.uuid4().hex[:8]}"
    database_url = await real.create_test_database()
    engine = create_engine(database_url)
    try:
        with real.s3_server() as endpoint:
            session_factory = create_session_factory(engine)
            cast = await seed_media_cast(session_factory, SystemClock())
            storage = S3MediaStorageClient(
                endpoint=endpoint,
                access_key="bench",
                secret_key="bench",
                bucket=bucket,
                telegram=TelegramMediaStorageClient(TEST_BOT_TOKEN, "http://127.0.0.1:9"),
            )
            await storage.upload(KEY, _pattern(size), content_type="video/mp4")
            async with session_factory() as session:
                session.add(
                    Media(
                        key=KEY,
                        provider="minio",
                        organization_id=cast.organization_id,
                        object_id=cast.object_id,
                        context=MediaContext.TASK_PROOF,
                        context_id=1,
                        flow_id="bench",
                        uploader_user_id=cast.employee.id,
                        media_type=MediaType.VIDEO,
                        content_type="video/mp4",
                        size=size,
                    )
                )
                await session.commit()
            return await asyncio.to_thread(
                _run_webapp_and_measure, endpoint, bucket, database_url, cast.owner.telegram_id
            )
    finally:
        await engine.dispose()
        await real.drop_test_database(database_url)


def _run_webapp_and_measure(
    endpoint: str, bucket: str, database_url: str, owner_telegram_id: int
) -> dict[str, float]:
    port = real.free_port()
    env = os.environ | {
        "PYTHONPATH": str(real.PROJECT_ROOT),
        "BOT_TOKEN": TEST_BOT_TOKEN,
        "DATABASE_URL": database_url,
        "REDIS_URL": "",
        "RABBITMQ_URL": "",
        "WEBAPP_PORT": str(port),
        "LOG_LEVEL": "WARNING",
        "MEDIA_STORAGE_PROVIDER": "minio",
        "MINIO_ENDPOINT": endpoint,
        "MINIO_ACCESS_KEY": "bench",
        "MINIO_SECRET_KEY": "bench",
        "MINIO_BUCKET": bucket,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "webapp"], env=env, cwd="/tmp", stdout=subprocess.DEVNULL
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url, process)
        headers = tma_header(
            build_init_data(
                TEST_BOT_TOKEN, telegram_id=owner_telegram_id, auth_date=datetime.now(UTC)
            )
        )
        warm = httpx.get(f"{base_url}/api/media/{KEY}", headers=headers | {"Range": "bytes=0-1023"})
        warm.raise_for_status()
        baseline = _rss_kib(process.pid)
        direct_bytes, direct_seconds = _direct_read(endpoint, bucket)
        sampler = RssSampler(process.pid)
        sampler.start()
        proxy_bytes, proxy_seconds = _proxy_read(base_url, headers)
        peak = sampler.stop()
    finally:
        process.terminate()
        process.wait(timeout=30)
    mib = 1024 * 1024
    print(f"object: {direct_bytes / mib:.0f} MiB (proxy received {proxy_bytes / mib:.0f} MiB)")
    direct_rate = direct_bytes / mib / direct_seconds
    print(f"direct SDK read:  {direct_seconds:6.2f} s  {direct_rate:7.1f} MiB/s")
    print(
        f"through proxy:    {proxy_seconds:6.2f} s  {proxy_bytes / mib / proxy_seconds:7.1f} MiB/s"
    )
    print(f"proxy/direct throughput: {direct_seconds / proxy_seconds:.2f}")
    print(
        f"webapp RSS: baseline {baseline / 1024:.1f} MiB, peak while streaming "
        f"{peak / 1024:.1f} MiB, growth {(peak - baseline) / 1024:.1f} MiB"
    )
    proxy_rate = proxy_bytes / mib / proxy_seconds
    return {
        "direct_mib_s": round(direct_rate, 1),
        "proxy_mib_s": round(proxy_rate, 1),
        "proxy_ratio": round(proxy_rate / direct_rate, 3),
        "rss_growth_mib": round((peak - baseline) / 1024, 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    arguments = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto logs every request
    figures = asyncio.run(main(arguments.megabytes))
    if arguments.json:
        print(json.dumps(figures))
