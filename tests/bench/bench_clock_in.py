"""Bench (prints figures, asserts nothing): the clock-in flow in webhook mode, with one
webapp process and with two side by side behind a round-robin balancer (as behind Nginx
in production; they share Redis and PostgreSQL).

The real webapp (`python -m webapp`, `BOT_MODE=webhook`, its own processes) with real
PostgreSQL and Redis, driven by the fake Telegram Bot API of `tests/fakes` over HTTP on
loopback: N simulated employees each press "/start", "🟢 Открыть смену" (their one
shift due now needs no choosing) and send a location, all at the same time. The fake
server posts every update to the webhook and waits for its answer, so each update's
latency is its full handling (middlewares, dialog state in Redis, the use case in
PostgreSQL, Bot API calls).

In the same run, the same number of updates go to a minimal aiogram echo handler served
the same way (FastAPI + uvicorn in its own process, one `message.answer`), the ceiling
of the framework on this machine; the ratio of the two closes the report.

    .venv/bin/python -m tests.bench.bench_clock_in [--employees 50]
"""

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    Organization,
    PlannedShift,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.db.session import create_engine, create_session_factory
from tests.conftest import TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support import services as real
from tests.support.balancer import RoundRobinBalancer
from tests.support.processes import start_process, wait_until_healthy
from tests.support.shifts import CAFE

WEBHOOK_SECRET = "bench-webhook-secret"
FIRST_TELEGRAM_ID = 900_000
TIMEZONE = "Europe/Moscow"


@dataclass
class Figures:
    name: str
    updates: int
    seconds: float
    latencies: list[float]

    @property
    def rate(self) -> float:
        return self.updates / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000

    def line(self) -> str:
        return (
            f"{self.name:<28} {self.updates:>6} updates in {self.seconds:6.2f} s = "
            f"{self.rate:8.1f} updates/s   p50 {self.percentile(0.50):7.1f} ms   "
            f"p95 {self.percentile(0.95):7.1f} ms   p99 {self.percentile(0.99):7.1f} ms"
        )


async def timed(latencies: list[float], action: Awaitable[object]) -> None:
    started = time.perf_counter()
    await action
    latencies.append(time.perf_counter() - started)


async def run_users(
    name: str, count: int, flow: Callable[[int, list[float]], Awaitable[None]]
) -> Figures:
    latencies: list[float] = []
    started = time.perf_counter()
    await asyncio.gather(*(flow(index, latencies) for index in range(count)))
    return Figures(name, len(latencies), time.perf_counter() - started, latencies)


async def seed(database_url: str, employees: int, now: datetime) -> None:
    """One object with `employees` employees, each with a planned shift starting in
    five minutes (due: "Open shift" goes straight to the location request)."""
    engine = create_engine(database_url)
    starts_at = (now + timedelta(minutes=5)).replace(second=0, microsecond=0)
    ends_at = starts_at + timedelta(hours=8)
    zone = ZoneInfo(TIMEZONE)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            owner = User(telegram_id=FIRST_TELEGRAM_ID - 1, first_name="Olga")
            session.add(owner)
            await session.flush()
            organization = Organization(name="Bench", timezone=TIMEZONE)
            session.add(organization)
            await session.flush()
            session.add(
                Membership(
                    organization_id=organization.id, user_id=owner.id, role=MembershipRole.OWNER
                )
            )
            work_object = WorkObject(
                organization_id=organization.id,
                name="Кофейня",
                timezone=TIMEZONE,
                latitude=CAFE[0],
                longitude=CAFE[1],
                base_hourly_rate=Decimal("300.00"),
            )
            session.add(work_object)
            await session.flush()
            local_start, local_end = starts_at.astimezone(zone), ends_at.astimezone(zone)
            slot = TimeSlot(
                object_id=work_object.id,
                local_date=local_start.date(),
                start_time=local_start.time(),
                end_time=local_end.time(),
                starts_at=starts_at,
                ends_at=ends_at,
                max_employees=employees,
            )
            session.add(slot)
            await session.flush()
            for index in range(employees):
                user = User(telegram_id=FIRST_TELEGRAM_ID + index, first_name=f"Worker{index}")
                session.add(user)
                await session.flush()
                membership = Membership(
                    organization_id=organization.id, user_id=user.id, role=MembershipRole.EMPLOYEE
                )
                session.add(membership)
                await session.flush()
                session.add(MembershipObject(membership_id=membership.id, object_id=work_object.id))
                session.add(
                    PlannedShift(
                        slot_id=slot.id,
                        object_id=work_object.id,
                        membership_id=membership.id,
                        user_id=user.id,
                        starts_at=starts_at,
                        ends_at=ends_at,
                    )
                )
    finally:
        await engine.dispose()


@asynccontextmanager
async def serving(
    name: str,
    args: list[str],
    env_for: Callable[[int, str], dict[str, str]],
    workdir: Path,
    *,
    replicas: int = 1,
    balanced: bool = True,
) -> AsyncIterator[FakeTelegramServer]:
    """`replicas` processes, each told its port and the public URL Telegram posts to:
    a round-robin balancer in front of them (as Nginx in production), or the only
    process itself when `balanced` is off."""
    telegram = FakeTelegramServer(TEST_BOT_TOKEN)
    await telegram.start()
    ports = [real.free_port() for _ in range(replicas)]
    async with RoundRobinBalancer([f"http://127.0.0.1:{port}" for port in ports]) as balancer:
        processes = []
        for index, port in enumerate(ports):
            public_url = balancer.base_url if balanced else f"http://127.0.0.1:{port}"
            env = env_for(port, public_url) | {"TELEGRAM_API_BASE": telegram.base_url}
            processes.append(start_process(f"{name}-{index + 1}", args, env, workdir))
        try:
            for port, process in zip(ports, processes, strict=True):
                await wait_until_healthy(port, process)
            await telegram.wait_for_call(
                "setWebhook", predicate=lambda _: len(telegram.calls_of("setWebhook")) >= replicas
            )
            yield telegram
        finally:
            await asyncio.gather(*(process.stop() for process in processes))
            await telegram.stop()
            if telegram.webhook_failures:
                first = telegram.webhook_failures[0]
                print(f"{name}: {len(telegram.webhook_failures)} webhook failures, first: {first}")


async def bench_clock_in(employees: int, workdir: Path, replicas: int) -> Figures:
    database_url = await real.create_test_database()
    namespace = f"bench-{uuid.uuid4().hex[:8]}"
    try:
        await seed(database_url, employees, datetime.now(UTC))

        def webapp_env(port: int, public_url: str) -> dict[str, str]:
            return {
                "BOT_TOKEN": TEST_BOT_TOKEN,
                "BOT_MODE": "webhook",
                "DATABASE_URL": database_url,
                "REDIS_URL": real.REDIS_URL,
                "NAMESPACE": namespace,
                "WEBHOOK_SECRET": WEBHOOK_SECRET,
                "WEBAPP_HOST": "127.0.0.1",
                "WEBAPP_PORT": str(port),
                "WEBAPP_BASE_URL": public_url,
                "BOT_METRICS_PORT": "0",
                "WORKER_METRICS_PORT": "0",
            }

        args = ["-m", "webapp"]
        async with serving("webapp", args, webapp_env, workdir, replicas=replicas) as telegram:

            async def employee(index: int, latencies: list[float]) -> None:
                user = telegram.user(FIRST_TELEGRAM_ID + index, first_name=f"Worker{index}")
                await timed(latencies, telegram.send_text(user, "/start"))
                try:
                    await timed(latencies, telegram.press(user, "🟢 Открыть смену"))
                except AssertionError as missing_button:  # the previous update failed
                    print(f"employee {index} stopped: {str(missing_button)[:200]}")
                    return
                await timed(latencies, telegram.send_location(user, *CAFE, horizontal_accuracy=15))

            name = f"clock-in, {replicas} webapp process{'es' if replicas > 1 else ''}"
            figures = await run_users(name, employees, employee)
            opened = sum(
                "Смена открыта"
                in (telegram.last_message(FIRST_TELEGRAM_ID + i) or {}).get("text", "")
                for i in range(employees)
            )
            print(f"shifts opened: {opened} of {employees}")
            return figures
    finally:
        await real.drop_test_database(database_url)
        await _forget_redis_keys(namespace)


async def bench_echo(users: int, updates_per_user: int, workdir: Path) -> Figures:
    def echo_env(port: int, public_url: str) -> dict[str, str]:
        return {"BOT_TOKEN": TEST_BOT_TOKEN, "ECHO_PORT": str(port)}

    args = ["-m", "tests.bench.echo_bot"]
    async with serving("echo", args, echo_env, workdir, balanced=False) as telegram:

        async def user_flow(index: int, latencies: list[float]) -> None:
            user = telegram.user(FIRST_TELEGRAM_ID + index)
            for step in range(updates_per_user):
                await timed(latencies, telegram.send_text(user, f"hello {step}"))

        return await run_users("aiogram echo (ceiling)", users, user_flow)


async def _forget_redis_keys(namespace: str) -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(real.REDIS_URL)
    keys = [key async for key in client.scan_iter(match=f"{namespace}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


async def main(employees: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        one = await bench_clock_in(employees, workdir, replicas=1)
        two = await bench_clock_in(employees, workdir, replicas=2)
        echo = await bench_echo(employees, 4, workdir)
    print(f"{employees} employees at once, 4 updates each, webhook mode, cpus={os.cpu_count()}")
    print("(clock-in through a round-robin balancer, as behind Nginx; echo served directly)")
    for figures in (one, two, echo):
        print(figures.line())
    print(
        f"two processes / one: throughput {two.rate / one.rate:.2f}x, "
        f"p50 latency {two.percentile(0.5) / one.percentile(0.5):.2f}x, "
        f"p95 latency {two.percentile(0.95) / one.percentile(0.95):.2f}x"
    )
    print(
        f"clock-in (one process) / echo: throughput {one.rate / echo.rate:.2f}x, "
        f"p50 latency {one.percentile(0.5) / echo.percentile(0.5):.1f}x"
    )
    for figures in (one, two):
        print(f"mean update, {figures.name}: {statistics.fmean(figures.latencies) * 1000:.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=50)
    asyncio.run(main(parser.parse_args().employees))
