"""Bench (prints figures, asserts nothing): does the webapp's memory level off under a
long run of mixed requests, or does it leak?

The webapp runs as its own process in webhook mode (the bot hosted, as in production), on
PostgreSQL and Redis, against the fake Telegram Bot API and the fake YooKassa API of
`tests/fakes` (in this process). `--requests` (default 10,000) go to it over HTTP from
`--concurrency` clients, in rounds of ten: three Mini App API calls (the owner's board,
the employee's schedule, /me), three media requests of a photo kept in Telegram (two whole,
one by Range), two YooKassa notifications and two Telegram updates (/start and /menu of a
new user). `--kinds` keeps some of these four kinds only, to see which one grows memory. The
webapp's log (warnings and errors) is kept in a temporary file, named in the figures.

In the webapp process (`tests/bench/webapp_memory_probe.py`), `tracemalloc` counts the
Python heap (`--no-trace` leaves it off, to see the RSS as in production). After each
`--checkpoint` requests the figures are sampled after a full garbage collection: traced
size and RSS. The heap's growth from the first checkpoint (the warm-up: caches, pools,
compiled statements) to the last is listed by source line. Memory that levels off grows by
roughly nothing between the late checkpoints.

    .venv/bin/python -m tests.bench.bench_webapp_memory [--requests 10000] [--checkpoint 1000]
        [--concurrency 8] [--no-trace] [--json]
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from services.platform.clock import SystemClock
from services.platform.db.models import Media, MediaContext, MediaType
from services.platform.db.session import create_engine, create_session_factory
from tests.bench.webapp_memory_probe import MEMORY_PATH
from tests.conftest import TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer
from tests.fakes.yookassa_server import FakeYookassaServer
from tests.support import services as real
from tests.support.media import MediaCast, seed_media_cast
from tests.support.webapp import build_init_data, tma_header

PHOTO_BYTES = 64 * 1024
WEBHOOK_SECRET = "bench-webhook-secret"


# ------------------------------------------------------------------ the load


@dataclass
class Load:
    http: httpx.AsyncClient
    telegram: FakeTelegramServer
    cast: MediaCast
    file_id: str
    statuses: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    sent: int = 0

    def _count(self, kind: str, status: int | str, seconds: float) -> None:
        key = f"{kind} {status}"
        self.statuses[key] = self.statuses.get(key, 0) + 1
        self.seconds[kind] = self.seconds.get(kind, 0.0) + seconds
        self.sent += 1

    async def _call(self, kind: str, method: str, path: str, **arguments: Any) -> None:
        started = time.monotonic()
        try:
            status: int | str = (await self.http.request(method, path, **arguments)).status_code
        except httpx.TransportError as error:  # e.g. a stream cut short: see the webapp's log
            status = type(error).__name__
        self._count(kind, status, time.monotonic() - started)

    def _miniapp(self, telegram_id: int) -> dict[str, str]:
        init_data = build_init_data(
            TEST_BOT_TOKEN, telegram_id=telegram_id, auth_date=datetime.now(UTC)
        )
        return tma_header(init_data)

    async def miniapp(self, number: int) -> None:
        owner = self._miniapp(self.cast.owner.telegram_id)
        employee = self._miniapp(self.cast.employee.telegram_id)
        await self._call("board", "GET", "/api/miniapp/board", headers=owner)
        await self._call("schedule", "GET", "/api/miniapp/schedule", headers=employee)
        await self._call("me", "GET", "/api/miniapp/me", headers=employee)

    async def media(self, number: int) -> None:
        owner = self._miniapp(self.cast.owner.telegram_id)
        path = f"/api/media/{self.file_id}"
        for headers in (owner, owner, owner | {"Range": "bytes=100-4195"}):
            await self._call("media", "GET", path, headers=headers)

    async def yookassa(self, number: int) -> None:
        for event in ("payment.succeeded", "refund.succeeded"):
            body = {"event": event, "object": {"id": f"bench-{number}"}}
            await self._call("yookassa", "POST", "/webhooks/yookassa", json=body)

    async def telegram_updates(self, number: int) -> None:
        newcomer = self.telegram.user(7_000_000 + number, first_name=f"U{number}")
        for text in ("/start", "/menu"):
            started = time.monotonic()
            await self.telegram.send_text(newcomer, text)
            self._count("update", 200, time.monotonic() - started)


KINDS = {
    "miniapp": Load.miniapp,
    "media": Load.media,
    "yookassa": Load.yookassa,
    "telegram": Load.telegram_updates,
}
REQUESTS_OF = {"miniapp": 3, "media": 3, "yookassa": 2, "telegram": 2}


async def _memory(http: httpx.AsyncClient, *, baseline: bool = False) -> dict[str, Any]:
    answer = await http.get(MEMORY_PATH, params={"baseline_now": baseline}, timeout=300)
    answer.raise_for_status()
    figures: dict[str, Any] = answer.json()
    return figures


async def run(
    kinds: list[str],
    requests: int,
    checkpoint: int,
    concurrency: int,
    trace: bool,
    log_path: Path,
) -> dict[str, Any]:
    database_url = await real.create_test_database()
    engine = create_engine(database_url)
    namespace = real.new_namespace()
    process: subprocess.Popen[bytes] | None = None
    try:
        cast = await seed_media_cast(create_session_factory(engine), SystemClock())
        async with (
            FakeTelegramServer(TEST_BOT_TOKEN) as telegram,
            FakeYookassaServer() as yookassa,
        ):
            file_id = telegram.add_file(os.urandom(PHOTO_BYTES))
            async with create_session_factory(engine)() as session:
                session.add(
                    Media(
                        key=file_id,
                        provider="telegram",
                        organization_id=cast.organization_id,
                        object_id=cast.object_id,
                        context=MediaContext.TASK_PROOF,
                        context_id=1,
                        flow_id="bench",
                        uploader_user_id=cast.employee.id,
                        media_type=MediaType.PHOTO,
                        content_type="image/jpeg",
                        size=PHOTO_BYTES,
                    )
                )
                await session.commit()
            port = real.free_port()
            process = _start_webapp(
                port, database_url, namespace, telegram, yookassa, trace, log_path
            )
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
                await _wait_until_up(http, process)
                await telegram.wait_for_call("setWebhook", timeout=60)
                load = Load(http, telegram, cast, file_id)
                return await _drive(
                    load, kinds, requests, checkpoint, concurrency, trace, process.pid
                )
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        await engine.dispose()
        await real.drop_test_database(database_url)


async def _drive(
    load: Load,
    kinds: list[str],
    requests: int,
    checkpoint: int,
    concurrency: int,
    trace: bool,
    pid: int,
) -> dict[str, Any]:
    rounds = iter(range(requests // sum(REQUESTS_OF[kind] for kind in kinds)))
    samples: list[dict[str, Any]] = []
    started = time.monotonic()

    sampling = asyncio.Lock()

    async def sample() -> None:
        async with sampling:
            if load.sent < checkpoint * (len(samples) + 1):
                return  # another client took this checkpoint's sample
            figures = await _memory(load.http, baseline=not samples)
            samples.append({"requests": load.sent} | figures)
            traced = figures.get("traced_bytes")
            print(
                f"{load.sent:6d} requests  RSS {figures['rss_kib'] / 1024:7.1f} MiB"
                + (f"  heap {traced / 1024 / 1024:7.1f} MiB" if traced is not None else ""),
                file=sys.stderr,
            )

    async def client() -> None:
        for number in rounds:
            for kind in kinds:
                await KINDS[kind](load, number)
            if load.sent >= checkpoint * (len(samples) + 1):
                await sample()

    await asyncio.gather(*(client() for _ in range(concurrency)))
    final = await _memory(load.http)
    elapsed = time.monotonic() - started
    first, last = samples[0], final
    result: dict[str, Any] = {
        "requests": load.sent,
        "seconds": round(elapsed, 1),
        "traced": trace,
        "kinds": kinds,
        "statuses": load.statuses,
        "mean_ms": {
            kind: round(
                1000
                * seconds
                / sum(count for key, count in load.statuses.items() if key.split()[0] == kind),
                1,
            )
            for kind, seconds in load.seconds.items()
        },
        "rss_mib": [round(s["rss_kib"] / 1024, 1) for s in [*samples, last]],
        "rss_growth_after_warm_up_mib": round((last["rss_kib"] - first["rss_kib"]) / 1024, 1),
    }
    if trace:
        heap = [s["traced_bytes"] for s in samples] + [last["traced_bytes"]]
        result["heap_mib"] = [round(value / 1024 / 1024, 2) for value in heap]
        result["heap_growth_after_warm_up_mib"] = round((heap[-1] - heap[0]) / 1024 / 1024, 2)
        half = len(heap) // 2
        result["heap_growth_second_half_mib"] = round((heap[-1] - heap[half]) / 1024 / 1024, 2)
        result["top_growth_since_warm_up"] = last["top_growth"]
    return result


def _start_webapp(
    port: int,
    database_url: str,
    namespace: str,
    telegram: FakeTelegramServer,
    yookassa: FakeYookassaServer,
    trace: bool,
    log_path: Path,
) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "PYTHONPATH": str(real.PROJECT_ROOT),
        "BOT_TOKEN": TEST_BOT_TOKEN,
        "BOT_MODE": "webhook",
        "TELEGRAM_API_BASE": telegram.base_url,
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        "WEBAPP_BASE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "REDIS_URL": real.REDIS_URL,
        "RABBITMQ_URL": "",
        "NAMESPACE": namespace,
        "LOG_LEVEL": "WARNING",
        "YOOKASSA_SHOP_ID": yookassa.shop_id,
        "YOOKASSA_SECRET_KEY": yookassa.secret_key,
        "YOOKASSA_API_URL": yookassa.api_url,
        "YOOKASSA_TRUSTED_IPS": "127.0.0.1",
    }
    args = [sys.executable, "-m", "tests.bench.webapp_memory_probe", str(port)]
    if not trace:
        args.append("--no-trace")
    with log_path.open("wb") as log:
        return subprocess.Popen(
            args, env=env, cwd=real.PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT
        )


async def _wait_until_up(http: httpx.AsyncClient, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the webapp exited")
        try:
            if (await http.get("/healthz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError("the webapp did not come up")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--checkpoint", type=int, default=1_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--kinds",
        default=",".join(KINDS),
        help=f"comma-separated, of {', '.join(KINDS)} (default: all)",
    )
    parser.add_argument("--no-trace", action="store_true", help="RSS only, no tracemalloc")
    parser.add_argument("--json", action="store_true", help="print one JSON object last")
    args = parser.parse_args()
    kinds = [kind.strip() for kind in args.kinds.split(",") if kind.strip()]
    log_path = Path(tempfile.gettempdir()) / f"bench_webapp_memory-{os.getpid()}.log"
    result = asyncio.run(
        run(kinds, args.requests, args.checkpoint, args.concurrency, not args.no_trace, log_path)
    )
    result["webapp_log"] = str(log_path)
    for key, value in result.items():
        if key != "top_growth_since_warm_up":
            print(f"{key}: {value}")
    for stat in result.get("top_growth_since_warm_up", []):
        print(f"  {stat['bytes'] / 1024:9.1f} KiB {stat['blocks']:7d} blocks  {stat['line']}")
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
