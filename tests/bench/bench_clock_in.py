"""Bench (prints figures, asserts nothing): the clock-in flow in webhook mode against a
bare aiogram-dialog bot doing the same shape of work, in the same run.

The real webapp (`python -m webapp`, `BOT_MODE=webhook`, its own process) with real
PostgreSQL and Redis, driven by the fake Telegram Bot API of `tests/fakes` over HTTP on
loopback: simulated employees each press "/start", "🟢 Открыть смену" (their one shift
due now needs no choosing) and send a location. The fake server posts every update to
the webhook and waits for its answer, so each update's latency is its full handling
(middlewares, dialog state in Redis, the use case in PostgreSQL, Bot API calls).

The anchor (`tests/bench/anchor_bots.py dialog`) is served the same way (FastAPI +
uvicorn, RedisStorage with the same settings) and walks the same four updates through
two windows. For each of the two:

- closed loop: `--employees` at once, 4 updates each: updates/s (`product_ups`,
  `anchor_ups`, their `ratio`) and the process's CPU per update (`cpu_ms_per_update`);
- open loop: a new employee every (its updates) / `--rate` s for `--open-seconds` (each
  walks its updates as fast as they are answered: three for the product, four for the
  anchor), about `--rate` updates/s offered whatever the answers: `p50_ms_at_50`,
  `p99_ms_at_50`; every one of them seeded as a member with a shift due;
- for the product, one more employee walks the flow alone: the SQL statements of each
  step (`staffprobot_db_statements_total` of /metrics), `sql_per_update` the largest;
- the anchor once more, sending per update as many trivial statements as the product's
  step (one transaction, a bare asyncpg pool): `anchor_sql_ups`, `anchor_sql_ratio`,
  `anchor_sql_cpu_ms_per_update`, what the product's database round trips alone cost,
  whatever builds them: a ceiling for `ratio`.

`--two-processes` adds the clock-in with two webapp processes behind a round-robin
balancer (as behind Nginx in production; they share Redis and PostgreSQL).

    .venv/bin/python -m tests.bench.bench_clock_in [--employees 200] [--rate 50]
        [--open-seconds 10] [--two-processes] [--json]
"""

import argparse
import asyncio
import json
import os
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

import httpx

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
from services.platform.i18n import translator_for
from tests.conftest import TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer, FakeUser
from tests.support import services as real
from tests.support.balancer import RoundRobinBalancer
from tests.support.processes import RunningProcess, start_process, wait_until_healthy
from tests.support.shifts import CAFE

WEBHOOK_SECRET = "bench-webhook-secret"
FIRST_TELEGRAM_ID = 900_000
TIMEZONE = "Europe/Moscow"
STATEMENTS_METRIC = "staffprobot_db_statements_total "


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


async def seed(database_url: str, employees: int, now: datetime) -> str:
    """One object with `employees` employees, each with a planned shift starting in
    five minutes; returns the label of that shift's button."""
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
    ru = translator_for("ru")
    return ru.get(
        "clock-planned-item",
        object="Кофейня",
        start=ru.hour_minute(starts_at.astimezone(zone)),
        end=ru.hour_minute(ends_at.astimezone(zone)),
    )


@dataclass
class Served:
    telegram: FakeTelegramServer
    processes: list[RunningProcess]
    ports: list[int]

    def cpu_seconds(self) -> float:
        return sum(_cpu_seconds(process.process.pid) for process in self.processes)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@asynccontextmanager
async def serving(
    name: str,
    args: list[str],
    env_for: Callable[[int, str], dict[str, str]],
    workdir: Path,
    *,
    replicas: int = 1,
) -> AsyncIterator[Served]:
    """`replicas` processes, each told its port and the public URL Telegram posts to:
    the only process itself, or a round-robin balancer in front of several (as Nginx in
    production)."""
    telegram = FakeTelegramServer(TEST_BOT_TOKEN)
    await telegram.start()
    ports = [real.free_port() for _ in range(replicas)]
    async with RoundRobinBalancer([f"http://127.0.0.1:{port}" for port in ports]) as balancer:
        processes = []
        for index, port in enumerate(ports):
            public_url = balancer.base_url if replicas > 1 else f"http://127.0.0.1:{port}"
            env = env_for(port, public_url) | {"TELEGRAM_API_BASE": telegram.base_url}
            processes.append(start_process(f"{name}-{index + 1}", args, env, workdir))
        try:
            for port, process in zip(ports, processes, strict=True):
                await wait_until_healthy(port, process, seconds=300)  # a loaded machine
            await telegram.wait_for_call(
                "setWebhook", predicate=lambda _: len(telegram.calls_of("setWebhook")) >= replicas
            )
            yield Served(telegram, processes, ports)
        finally:
            await asyncio.gather(*(process.stop() for process in processes))
            await telegram.stop()
            if telegram.webhook_failures:
                first = telegram.webhook_failures[0]
                print(f"{name}: {len(telegram.webhook_failures)} webhook failures, first: {first}")


Step = Callable[[FakeTelegramServer, FakeUser], Awaitable[object]]


def clock_in_steps(label: str, *, choose_shift: bool) -> list[tuple[str, Step]]:
    """The updates of one clock-in. The product skips choosing when exactly one shift is
    due (its employees have one); the anchor bot keeps the button press of that shape."""
    choose: list[tuple[str, Step]] = [
        ("choose the shift", lambda telegram, user: telegram.press(user, label))
    ]
    return [
        ("/start", lambda telegram, user: telegram.send_text(user, "/start")),
        ("open shift", lambda telegram, user: telegram.press(user, "🟢 Открыть смену")),
        *(choose if choose_shift else []),
        (
            "location",
            lambda telegram, user: telegram.send_location(user, *CAFE, horizontal_accuracy=15),
        ),
    ]


async def walk(
    telegram: FakeTelegramServer, index: int, steps: list[tuple[str, Step]], latencies: list[float]
) -> None:
    user = telegram.user(FIRST_TELEGRAM_ID + index, first_name=f"Worker{index}")
    for name, step in steps:
        try:
            await timed(latencies, step(telegram, user))
        except AssertionError as missing_button:  # the previous update failed
            print(f"employee {index} stopped at {name!r}: {str(missing_button)[:200]}")
            return


async def open_loop(
    served: Served, first: int, steps: list[tuple[str, Step]], rate: float, seconds: float
) -> Figures:
    """A new employee every len(steps) / rate seconds, whatever the answers."""
    latencies: list[float] = []
    walks = []
    started = time.perf_counter()
    interval = len(steps) / rate
    for index in range(open_loop_walkers(len(steps), rate, seconds)):
        await asyncio.sleep(max(0.0, started + index * interval - time.perf_counter()))
        walks.append(asyncio.create_task(walk(served.telegram, first + index, steps, latencies)))
    await asyncio.gather(*walks)
    return Figures(
        f"open loop at {rate:.0f}/s", len(latencies), time.perf_counter() - started, latencies
    )


def open_loop_walkers(steps: int, rate: float, seconds: float) -> int:
    """How many employees the open loop sends: one every `steps` / `rate` seconds."""
    return int(seconds * rate / steps)


async def closed_loop(
    name: str, served: Served, first: int, count: int, steps: list[tuple[str, Step]]
) -> tuple[Figures, float]:
    """`count` employees at once; the figures and the CPU ms per update of the processes."""
    cpu_before = served.cpu_seconds()
    latencies: list[float] = []
    started = time.perf_counter()
    await asyncio.gather(
        *(walk(served.telegram, first + index, steps, latencies) for index in range(count))
    )
    figures = Figures(name, len(latencies), time.perf_counter() - started, latencies)
    cpu_ms = (served.cpu_seconds() - cpu_before) * 1000 / max(1, len(latencies))
    return figures, cpu_ms


async def statements_by_step(
    served: Served, index: int, steps: list[tuple[str, Step]]
) -> dict[str, int]:
    """One employee alone: the SQL statements the webapp sent for each step."""
    user = served.telegram.user(FIRST_TELEGRAM_ID + index, first_name=f"Worker{index}")
    url = f"http://127.0.0.1:{served.ports[0]}/metrics"
    counts = {}
    async with httpx.AsyncClient() as http:

        async def statements() -> float:
            text = (await http.get(url)).text
            line = next(x for x in text.splitlines() if x.startswith(STATEMENTS_METRIC))
            return float(line.split()[-1])

        for name, step in steps:
            before = await statements()
            await step(served.telegram, user)
            counts[name] = round(await statements() - before)
    return counts


@dataclass
class Run:
    closed: Figures
    cpu_ms_per_update: float
    open: Figures
    opened: int


async def run_product(
    database_url: str,
    label: str,
    workdir: Path,
    employees: int,
    rate: float,
    open_seconds: float,
    replicas: int,
) -> tuple[Run, dict[str, int]]:
    namespace = f"bench-{uuid.uuid4().hex[:8]}"

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

    steps = clock_in_steps(label, choose_shift=False)
    name = f"clock-in, {replicas} webapp process{'es' if replicas > 1 else ''}"
    try:
        async with serving("webapp", ["-m", "webapp"], webapp_env, workdir, replicas=replicas) as (
            served
        ):
            closed, cpu_ms = await closed_loop(name, served, 0, employees, steps)
            statements = await statements_by_step(served, employees, steps)
            opened = sum(
                "Смена открыта"
                in (served.telegram.last_message(FIRST_TELEGRAM_ID + i) or {}).get("text", "")
                for i in range(employees)
            )
            figures = await open_loop(served, employees + 1, steps, rate, open_seconds)
            return Run(closed, cpu_ms, figures, opened), statements
    finally:
        await _forget_redis_keys(namespace)


async def run_anchor(
    label: str,
    workdir: Path,
    employees: int,
    rate: float,
    open_seconds: float,
    statements: tuple[str, dict[str, int]] | None = None,
) -> Run:
    """The bare aiogram-dialog bot; with `statements` (a database URL and the product's
    statements per step) sending as many trivial statements per update as the product."""
    namespace = f"bench-anchor-{uuid.uuid4().hex[:8]}"

    def anchor_env(port: int, public_url: str) -> dict[str, str]:
        env = {
            "BOT_TOKEN": TEST_BOT_TOKEN,
            "ANCHOR_PORT": str(port),
            "ANCHOR_SHIFT_LABEL": label,
            "REDIS_URL": real.REDIS_URL,
            "NAMESPACE": namespace,
        }
        if statements is not None:
            database_url, by_step = statements
            per_update = [by_step["/start"], by_step["open shift"], 0, by_step["location"]]
            env["ANCHOR_DATABASE_URL"] = database_url
            env["ANCHOR_STATEMENTS"] = ",".join(map(str, per_update))
        return env

    steps = clock_in_steps(label, choose_shift=True)
    args = ["-m", "tests.bench.anchor_bots", "dialog"]
    try:
        async with serving("anchor", args, anchor_env, workdir) as served:
            name = "aiogram-dialog anchor" + (" + SQL" if statements else "")
            closed, cpu_ms = await closed_loop(name, served, 0, employees, steps)
            opened = sum(
                "Смена открыта"
                in (served.telegram.last_message(FIRST_TELEGRAM_ID + i) or {}).get("text", "")
                for i in range(employees)
            )
            figures = await open_loop(served, employees + 1, steps, rate, open_seconds)
            return Run(closed, cpu_ms, figures, opened)
    finally:
        await _forget_redis_keys(namespace)


async def _forget_redis_keys(namespace: str) -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(real.REDIS_URL)
    keys = [key async for key in client.scan_iter(match=f"{namespace}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


async def main(
    employees: int, rate: float, open_seconds: float, two_processes: bool, as_json: bool
) -> None:
    # The product's walk is the shorter (no choosing), so its open loop sends the most.
    shortest = len(clock_in_steps("", choose_shift=False))
    seeded = employees + 1 + open_loop_walkers(shortest, rate, open_seconds)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        runs: dict[str, Run] = {}
        database_url = await real.create_test_database()
        try:
            label = await seed(database_url, seeded, datetime.now(UTC))
            runs["product"], statements = await run_product(
                database_url, label, workdir, employees, rate, open_seconds, 1
            )
            runs["anchor + SQL"] = await run_anchor(
                label, workdir, employees, rate, open_seconds, (database_url, statements)
            )
        finally:
            await real.drop_test_database(database_url)
        runs["anchor"] = await run_anchor(label, workdir, employees, rate, open_seconds)
        if two_processes:
            database_url = await real.create_test_database()
            try:
                label = await seed(database_url, seeded, datetime.now(UTC))
                runs["two"], _ = await run_product(
                    database_url, label, workdir, employees, rate, open_seconds, 2
                )
            finally:
                await real.drop_test_database(database_url)
    product, anchor, floor = runs["product"], runs["anchor"], runs["anchor + SQL"]
    print(f"{employees} employees at once, 4 updates each, webhook mode, cpus={os.cpu_count()}")
    for name, run in runs.items():
        print(f"{run.closed.line()}   CPU {run.cpu_ms_per_update:5.1f} ms/update")
        print(run.open.line())
        print(f"  shifts opened (closed loop): {run.opened} of {employees}  [{name}]")
    print("SQL statements per step: " + ", ".join(f"{k} {v}" for k, v in statements.items()))
    ratio = product.closed.rate / anchor.closed.rate
    print(
        f"clock-in / anchor: throughput {ratio:.2f}x, "
        f"CPU per update {product.cpu_ms_per_update / anchor.cpu_ms_per_update:.1f}x"
    )
    floor_ratio = floor.closed.rate / anchor.closed.rate
    print(
        f"anchor + the product's SQL round trips (bare asyncpg) / anchor: "
        f"throughput {floor_ratio:.2f}x, CPU {floor.cpu_ms_per_update:.1f} ms/update"
    )
    if as_json:
        figures = {
            "product_ups": round(product.closed.rate, 1),
            "anchor_ups": round(anchor.closed.rate, 1),
            "ratio": round(ratio, 3),
            "p50_ms_at_50": round(product.open.percentile(0.50), 1),
            "p99_ms_at_50": round(product.open.percentile(0.99), 1),
            "cpu_ms_per_update": round(product.cpu_ms_per_update, 2),
            "sql_per_update": max(statements.values()),
            "anchor_p50_ms_at_50": round(anchor.open.percentile(0.50), 1),
            "anchor_p99_ms_at_50": round(anchor.open.percentile(0.99), 1),
            "anchor_cpu_ms_per_update": round(anchor.cpu_ms_per_update, 2),
            "sql_by_step": statements,
            "anchor_sql_ups": round(floor.closed.rate, 1),
            "anchor_sql_ratio": round(floor_ratio, 3),
            "anchor_sql_cpu_ms_per_update": round(floor.cpu_ms_per_update, 2),
            "open_loop_rate": rate,
        }
        print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 200 walks (800 updates for the anchor) take seconds: with 50, half a second of work
    # left the ratio to chance: it moved by a third between runs of one tree.
    parser.add_argument("--employees", type=int, default=200)
    parser.add_argument("--rate", type=float, default=50.0, help="open loop: updates/s offered")
    parser.add_argument("--open-seconds", type=float, default=10.0)
    parser.add_argument("--two-processes", action="store_true")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    arguments = parser.parse_args()
    asyncio.run(
        main(
            arguments.employees,
            arguments.rate,
            arguments.open_seconds,
            arguments.two_processes,
            arguments.json,
        )
    )
