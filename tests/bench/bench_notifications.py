"""Bench (prints figures, asserts nothing): the notification pipeline under Telegram's
limits.

Real PostgreSQL, Redis and RabbitMQ; the real worker (`python -m services.worker`, in
N processes sharing the Redis limiter); the fake Telegram Bot API of `tests/fakes` on
loopback with the limits enforced (429 with retry_after when exceeded).

1. `--users` notifications (default 10,000) to as many users: achieved messages/s
   against the configured global limit, 429s, duplicates, lost.
2. `--group-messages` (default 600) to one group: the per-group limit held (the busiest
   60 s window, 429s), duplicates, lost. At Telegram's 20/min this takes 30 minutes;
   `--group-per-minute` changes the limit of both the server and the notifier.

    .venv/bin/python -m tests.bench.bench_notifications [--users 10000] [--workers 2]
        [--group-messages 600] [--group-per-minute 20] [--skip-users] [--skip-group] [--json]

With `--json` the last line is one JSON object: `msgs_per_s`, `ratio_to_limit`,
`http_429`, `duplicates`, `lost` (the users phase), `busiest_second` (the most sends that
reached the server within one second) and `worker_cpu_ms_per_msg`, and the
group phase's figures prefixed `group_`.
"""

import argparse
import asyncio
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select

from services.notify.notifier import FINAL_STATUSES
from services.notify.relay import NOTIFICATIONS_QUEUE
from services.platform.db.models import OutboxMessage, OutboxStatus, User
from services.platform.db.session import SessionFactory, create_engine, create_session_factory
from services.platform.queue.broker import RabbitBroker
from tests.conftest import TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support import services as real
from tests.support.processes import RunningProcess, start_process

FIRST_TELEGRAM_ID = 700_000
GROUP_CHAT_ID = -1_001_234_567_890
GLOBAL_PER_SECOND = 30
INSERT_CHUNK = 2_000
# The sends-per-second line is printed for runs up to this long.
MAX_SPAN_PER_SECOND_LINE = 900


def now() -> datetime:
    return datetime.now(UTC)


async def queue_for_users(session_factory: SessionFactory, count: int) -> None:
    async with session_factory() as session, session.begin():
        for start in range(0, count, INSERT_CHUNK):
            ids = range(
                FIRST_TELEGRAM_ID + start, FIRST_TELEGRAM_ID + min(count, start + INSERT_CHUNK)
            )
            user_ids = await session.scalars(
                insert(User).returning(User.id),
                [{"telegram_id": tid, "first_name": f"E{tid}", "language": "ru"} for tid in ids],
            )
            await session.execute(
                insert(OutboxMessage),
                [
                    {
                        "dedup_key": f"bench:user:{user_id}",
                        "kind": "shift_reminder",
                        "recipient_user_id": user_id,
                        "payload": {
                            "object_name": "Склад",
                            "start_time": "09:00",
                            "start_date": "03.03",
                        },
                        "status": OutboxStatus.PENDING,
                        "not_before": now(),
                        "attempts": 0,
                    }
                    for user_id in user_ids
                ],
            )


async def queue_for_group(session_factory: SessionFactory, count: int) -> None:
    async with session_factory() as session, session.begin():
        await session.execute(
            insert(OutboxMessage),
            [
                {
                    "dedup_key": f"bench:group:{index}",
                    "kind": "shift_reminder",
                    "chat_id": GROUP_CHAT_ID,
                    "payload": {
                        "object_name": f"#{index}",
                        "start_time": "09:00",
                        "start_date": "03.03",
                    },
                    "status": OutboxStatus.PENDING,
                    "not_before": now(),
                    "attempts": 0,
                }
                for index in range(count)
            ],
        )


async def wait_until_final(session_factory: SessionFactory, total: int, deadline: float) -> int:
    """Wait until every row is final (or the deadline); returns how many are final."""
    while True:
        async with session_factory() as session:
            final = await session.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.status.in_(list(FINAL_STATUSES)))
            )
        if final == total or time.monotonic() > deadline:
            return final or 0
        await asyncio.sleep(1.0)


def cpu_seconds(worker: RunningProcess) -> float:
    fields = Path(f"/proc/{worker.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def busiest_window(moments: list[float], seconds: float) -> int:
    moments = sorted(moments)
    busiest, first = 0, 0
    for last, moment in enumerate(moments):
        while moments[first] <= moment - seconds:
            first += 1
        busiest = max(busiest, last - first + 1)
    return busiest


def report(
    title: str,
    telegram: FakeTelegramServer,
    expected_chats: Counter[int],
    final: int,
    started_at: float,
    limit: str,
) -> tuple[dict[str, float], list[float]]:
    """Prints the phase's figures; returns them and the moments of the sends."""
    sends = [c for c in telegram.calls_of("sendMessage") if c.error_code is None]
    throttled = sum(1 for c in telegram.calls_of("sendMessage") if c.error_code == 429)
    per_chat = Counter(call.params["chat_id"] for call in sends)
    duplicates = sum(max(0, per_chat[chat] - wanted) for chat, wanted in expected_chats.items())
    lost = sum(max(0, wanted - per_chat[chat]) for chat, wanted in expected_chats.items())
    moments = [call.at for call in sends]
    span = (max(moments) - min(moments)) if len(moments) > 1 else 0.0
    print(f"\n== {title}")
    print(f"notifications            {sum(expected_chats.values())}")
    print(f"final rows               {final}")
    print(f"delivered                {len(sends)}")
    print(f"duplicates               {duplicates}")
    print(f"lost                     {lost}")
    print(f"429 answers              {throttled}")
    print(
        f"first→last send          {span:.1f} s (whole run {time.monotonic() - started_at:.1f} s)"
    )
    if span:
        print(f"achieved                 {(len(sends) - 1) / span:.2f} msg/s  (limit {limit})")
    if span and span <= MAX_SPAN_PER_SECOND_LINE:
        per_second = Counter(int(moment - min(moments)) for moment in moments)
        print(
            "sends per second         " + " ".join(str(per_second[s]) for s in range(int(span) + 1))
        )
    busiest_second = busiest_window(moments, 1.0)
    print(f"busiest 1 s window       {busiest_second} sends (by arrival at the server)")
    figures = {
        "msgs_per_s": round((len(sends) - 1) / span, 2) if span else 0.0,
        "busiest_second": busiest_second,
        "http_429": throttled,
        "duplicates": duplicates,
        "lost": lost,
    }
    return figures, moments


async def run_phase(
    title: str,
    telegram: FakeTelegramServer,
    session_factory: SessionFactory,
    start_workers: Callable[[str], list[RunningProcess]],
    total: int,
    expected: Counter[int],
    limit: str,
    deadline_seconds: float,
) -> tuple[dict[str, float], list[float]]:
    started = time.monotonic()
    workers = start_workers(title.split()[0])
    final = await wait_until_final(session_factory, total, started + deadline_seconds)
    await asyncio.sleep(2.0)  # late copies would show as duplicates
    cpu = [cpu_seconds(worker) for worker in workers]
    await asyncio.gather(*(worker.stop() for worker in workers))
    print(f"\nworker CPU seconds       {' '.join(f'{seconds:.1f}' for seconds in cpu)}")
    figures, moments = report(title, telegram, expected, final, started, limit)
    figures["worker_cpu_ms_per_msg"] = round(sum(cpu) * 1000 / max(1, len(moments)), 2)
    return figures, moments


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--group-messages", type=int, default=600)
    parser.add_argument("--group-per-minute", type=int, default=20)
    parser.add_argument("--skip-users", action="store_true")
    parser.add_argument("--skip-group", action="store_true")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    result: dict[str, float] = {}

    database_url = await real.create_test_database()
    namespace = real.new_namespace()
    engine = create_engine(database_url)
    session_factory = create_session_factory(engine)
    telegram = FakeTelegramServer(
        TEST_BOT_TOKEN,
        enforce_limits=True,
        global_per_second=GLOBAL_PER_SECOND,
        group_per_minute=args.group_per_minute,
    )
    await telegram.start()
    workdir = Path(tempfile.mkdtemp(prefix="bench-notifications-"))
    env = {
        "DATABASE_URL": database_url,
        "REDIS_URL": real.REDIS_URL,
        "RABBITMQ_URL": real.RABBITMQ_URL,
        "NAMESPACE": namespace,
        "BOT_TOKEN": TEST_BOT_TOKEN,
        "TELEGRAM_API_BASE": telegram.base_url,
        "WORKER_METRICS_PORT": "0",
        "LOG_LEVEL": "WARNING",
        "NOTIFY_GLOBAL_PER_SECOND": str(GLOBAL_PER_SECOND),
        "NOTIFY_GROUP_PER_MINUTE": str(args.group_per_minute),
    }

    def start_workers(phase: str) -> list[RunningProcess]:
        return [
            start_process(f"{phase}-worker-{n}", ["-m", "services.worker"], env, workdir)
            for n in range(args.workers)
        ]

    print(f"workers: {args.workers} processes; logs in {workdir}")
    try:
        if not args.skip_users:
            await queue_for_users(session_factory, args.users)
            expected = Counter({FIRST_TELEGRAM_ID + n: 1 for n in range(args.users)})
            users, _ = await run_phase(
                f"users: {args.users} notifications to {args.users} users",
                telegram,
                session_factory,
                start_workers,
                args.users,
                expected,
                f"{GLOBAL_PER_SECOND} msg/s",
                deadline_seconds=args.users / GLOBAL_PER_SECOND * 3 + 120,
            )
            result |= users | {"ratio_to_limit": round(users["msgs_per_s"] / GLOBAL_PER_SECOND, 3)}
        if not args.skip_group:
            telegram.calls.clear()
            async with session_factory() as session, session.begin():
                await session.execute(OutboxMessage.__table__.delete())
            await queue_for_group(session_factory, args.group_messages)
            group, moments = await run_phase(
                f"group: {args.group_messages} messages to one group",
                telegram,
                session_factory,
                start_workers,
                args.group_messages,
                Counter({GROUP_CHAT_ID: args.group_messages}),
                f"{args.group_per_minute} msg/min",
                deadline_seconds=args.group_messages / args.group_per_minute * 60 * 2 + 120,
            )
            busiest = busiest_window(moments, 60.0)
            print(f"busiest 60 s window      {busiest} messages")
            result |= {f"group_{key}": value for key, value in group.items()}
            result["group_busiest_minute"] = busiest
    finally:
        await telegram.stop()
        broker = await RabbitBroker.connect(real.RABBITMQ_URL, namespace)
        await broker.delete_topology([NOTIFICATIONS_QUEUE])
        await broker.close()
        await engine.dispose()
        await real.drop_test_database(database_url)
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    asyncio.run(main())
