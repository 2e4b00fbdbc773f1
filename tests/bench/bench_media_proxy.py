"""Bench (prints figures, asserts nothing): a 100 MB object in S3 (moto's server, in a
process of its own as MinIO is in production: in this process it would share the reading
client's interpreter lock) read three ways in the same run:

- direct: the `minio` SDK reads it (the anchor);
- proxy: from the media proxy streaming it (`python -m webapp` in its own process, real
  HTTP on loopback: the embedded and test path), with the webapp's peak RSS growth;
- nginx: through our Nginx (deploy/nginx/, the `nginx` binary the tests start) in front
  of a webapp with `MEDIA_ACCEL_REDIRECT`: the webapp checks the viewer and Nginx fetches
  the bytes from storage itself. Measured without TLS, as the other two ways are
  (`nginx_*`), and over HTTPS as clients get it (`nginx_tls_*`: the decryption is done
  by this process, on this machine's cores).

Every way is read with the same client (urllib3, 1 MiB reads), `--rounds` times,
interleaved, and its best rate kept: the machine is shared, and the best of a few reads
is the least disturbed.

    .venv/bin/python -m tests.bench.bench_media_proxy [--megabytes 100] [--rounds 3] [--json]

With `--json` the last line is one JSON object: `direct_mib_s`, `proxy_mib_s`,
`proxy_ratio`, `rss_growth_mib`, `nginx_mib_s`, `nginx_ratio`, `nginx_rss_growth_mib`,
`nginx_tls_mib_s`, `nginx_tls_ratio` (`--without-nginx`: the first four only).
"""

import argparse
import asyncio
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import urllib3
from minio import Minio

from services.media_storage.s3_client import S3MediaStorageClient
from services.media_storage.telegram_client import TelegramMediaStorageClient
from services.platform.clock import SystemClock
from services.platform.db.models import Media, MediaContext, MediaType
from services.platform.db.session import create_engine, create_session_factory
from tests.conftest import TEST_BOT_TOKEN
from tests.support import services as real
from tests.support.media import seed_media_cast
from tests.support.nginx import MEDIA_LOCATION, nginx_in_front_of
from tests.support.webapp import build_init_data, tma_header

MIB = 1024 * 1024
CHUNK = MIB
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
    deadline = time.monotonic() + 180  # a cold start on a busy machine
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the webapp exited")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("the webapp did not come up")


@contextmanager
def _s3_server_process() -> Iterator[str]:
    """moto's S3-compatible server in its own process; yields its endpoint host:port."""
    port = real.free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib3.request("GET", f"http://127.0.0.1:{port}/moto-api/", retries=False)
                break
            except urllib3.exceptions.HTTPError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the S3 server did not come up") from None
                time.sleep(0.2)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


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


_CLIENT = urllib3.PoolManager(cert_reqs="CERT_NONE")  # our self-signed test certificate
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def _http_read(base_url: str, headers: dict[str, str]) -> tuple[int, float]:
    """The same HTTP client as the direct read (urllib3, 1 MiB reads): the figures compare
    the servers, not two clients."""
    started = time.perf_counter()
    received = 0
    response = _CLIENT.request(
        "GET", f"{base_url}/api/media/{KEY}", headers=headers, preload_content=False
    )
    try:
        if response.status != 200:
            raise RuntimeError(f"{base_url}: {response.status}")
        while chunk := response.read(CHUNK):
            received += len(chunk)
    finally:
        response.release_conn()
    return received, time.perf_counter() - started


@dataclass
class Way:
    """One way of reading the object: its best rate over the rounds, and the peak RSS
    growth of the webapp it goes through."""

    name: str
    best_mib_s: float = 0.0
    rss_growth_mib: float = 0.0

    def record(self, received: int, seconds: float, rss_growth_kib: int = 0) -> None:
        rate = received / MIB / seconds
        print(
            f"{self.name + ':':<9} {received / MIB:5.0f} MiB in {seconds:6.2f} s "
            f"{rate:7.1f} MiB/s  webapp RSS +{rss_growth_kib / 1024:.1f} MiB"
        )
        self.best_mib_s = max(self.best_mib_s, rate)
        self.rss_growth_mib = max(self.rss_growth_mib, rss_growth_kib / 1024)


def _start_webapp(env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = real.free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "webapp"],
        env=os.environ | env | {"PYTHONPATH": str(real.PROJECT_ROOT), "WEBAPP_PORT": str(port)},
        cwd="/tmp",
        stdout=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url, process)
    except BaseException:
        _stop(process)
        raise
    return process, base_url


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=30)


def _warm_up(base_url: str, headers: dict[str, str]) -> None:
    warm = headers | {"Range": "bytes=0-1023"}
    httpx.get(f"{base_url}/api/media/{KEY}", headers=warm, verify=False).raise_for_status()


def _measured_read(
    way: Way, process: subprocess.Popen[bytes], base_url: str, headers: dict[str, str]
) -> None:
    baseline = _rss_kib(process.pid)
    sampler = RssSampler(process.pid)
    sampler.start()
    received, seconds = _http_read(base_url, headers)
    way.record(received, seconds, sampler.stop() - baseline)


async def _measure(
    endpoint: str,
    bucket: str,
    database_url: str,
    owner_telegram_id: int,
    *,
    rounds: int,
    with_nginx: bool,
) -> dict[str, float]:
    env = {
        "BOT_TOKEN": TEST_BOT_TOKEN,
        "DATABASE_URL": database_url,
        "REDIS_URL": "",
        "RABBITMQ_URL": "",
        "LOG_LEVEL": "WARNING",
        "MEDIA_STORAGE_PROVIDER": "minio",
        "MINIO_ENDPOINT": endpoint,
        "MINIO_ACCESS_KEY": "bench",
        "MINIO_SECRET_KEY": "bench",
        "MINIO_BUCKET": bucket,
    }
    headers = tma_header(
        build_init_data(TEST_BOT_TOKEN, telegram_id=owner_telegram_id, auth_date=datetime.now(UTC))
    )
    direct, proxy = Way("direct"), Way("proxy")
    nginx, nginx_tls = Way("nginx"), Way("nginx+tls")
    async with AsyncExitStack() as stack:
        streaming, streaming_url = await asyncio.to_thread(_start_webapp, env)
        stack.callback(_stop, streaming)
        reads = [(proxy, streaming, streaming_url)]
        if with_nginx:
            handing_over, handing_over_url = await asyncio.to_thread(
                _start_webapp, env | {"MEDIA_ACCEL_REDIRECT": MEDIA_LOCATION}
            )
            stack.callback(_stop, handing_over)
            directory = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            port = int(handing_over_url.rsplit(":", 1)[1])
            running = await stack.enter_async_context(
                nginx_in_front_of(directory, [port], media_storage=endpoint, cleartext=True)
            )
            assert running.cleartext_url is not None
            reads.append((nginx, handing_over, running.cleartext_url))
            reads.append((nginx_tls, handing_over, running.https_url))
        for _, _, url in reads:
            await asyncio.to_thread(_warm_up, url, headers)
        for _ in range(rounds):
            direct.record(*await asyncio.to_thread(_direct_read, endpoint, bucket))
            for way, process, url in reads:
                await asyncio.to_thread(_measured_read, way, process, url, headers)
    figures = {
        "direct_mib_s": round(direct.best_mib_s, 1),
        "proxy_mib_s": round(proxy.best_mib_s, 1),
        "proxy_ratio": round(proxy.best_mib_s / direct.best_mib_s, 3),
        "rss_growth_mib": round(proxy.rss_growth_mib, 1),
    }
    if with_nginx:
        figures |= {
            "nginx_mib_s": round(nginx.best_mib_s, 1),
            "nginx_ratio": round(nginx.best_mib_s / direct.best_mib_s, 3),
            "nginx_rss_growth_mib": round(nginx.rss_growth_mib, 1),
            "nginx_tls_mib_s": round(nginx_tls.best_mib_s, 1),
            "nginx_tls_ratio": round(nginx_tls.best_mib_s / direct.best_mib_s, 3),
        }
    print(f"best of {rounds}: " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    return figures


async def main(megabytes: int, rounds: int, with_nginx: bool) -> dict[str, float]:
    size = megabytes * MIB
    bucket = f"bench-{uuid.uuid4().hex[:8]}"
    database_url = await real.create_test_database()
    engine = create_engine(database_url)
    try:
        with _s3_server_process() as endpoint:
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
            return await _measure(
                endpoint,
                bucket,
                database_url,
                cast.owner.telegram_id,
                rounds=rounds,
                with_nginx=with_nginx,
            )
    finally:
        await engine.dispose()
        await real.drop_test_database(database_url)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--without-nginx", action="store_true", help="direct and proxy only")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    arguments = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto logs every request
    figures = asyncio.run(main(arguments.megabytes, arguments.rounds, not arguments.without_nginx))
    if arguments.json:
        print(json.dumps(figures))
