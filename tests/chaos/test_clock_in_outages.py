"""Chaos: the real bot process (polling, against the fake Telegram server) while a crowd
of employees clocks in, and PostgreSQL or Redis goes down and comes back in the middle.

Every update is answered (the success or a localized "try again"), no shift is lost or
duplicated, everyone is told their shift is open, and the same bot process serves
everyone after the outage."""

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from services.platform.db.session import SessionFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.crowd import ClockInCrowd, CrowdFigures, seed_crowd, shifts_per_user
from tests.support.private_services import PrivatePostgres, PrivateRedis
from tests.support.processes import COLD_START_SECONDS, RunningProcess, start_process

CROWD = 40
OUTAGE_SECONDS = 2.0
# The outage starts once this many employees are through, the others being mid-way.
OPENED_BEFORE_OUTAGE = 5


async def clock_in_through_an_outage(
    crowd: ClockInCrowd, stop: Callable[[], None], start: Callable[[], None]
) -> CrowdFigures:
    burst = asyncio.create_task(crowd.run())
    await asyncio.wait_for(crowd.wait_until_opened(OPENED_BEFORE_OUTAGE), 60)
    await asyncio.to_thread(stop)
    await asyncio.sleep(OUTAGE_SECONDS)
    await asyncio.to_thread(start)
    return await burst


async def check_everyone_clocked_in_once(
    scenario: str,
    bot: RunningProcess,
    crowd: ClockInCrowd,
    figures: CrowdFigures,
    session_factory: SessionFactory,
    object_name: str,
    started: float,
) -> None:
    shifts = await shifts_per_user(session_factory, object_name)
    print(figures.report(scenario, shifts, time.monotonic() - started))
    everyone = {user.id: 1 for user in crowd.users}
    assert figures.lost == 0, figures.unexpected
    assert figures.retry_answers > 0  # the outage did hit the crowd
    assert dict(figures.opened) == everyone
    # "Already open" only follows a "try again" whose update had in fact been kept.
    assert figures.told_already_open <= figures.retry_answers
    assert dict(shifts) == everyone
    assert bot.process.poll() is None  # recovered without a restart


async def test_postgresql_restart_during_a_clock_in_burst(
    private_postgres: PrivatePostgres,
    telegram: FakeTelegramServer,
    bot_env,
    processes,
    tmp_path: Path,
    private_session_factory: SessionFactory,
) -> None:
    telegram_ids, object_name = await seed_crowd(private_session_factory, CROWD)
    bot = start_process(
        "bot", ["-m", "bot"], bot_env | {"DATABASE_URL": private_postgres.url}, tmp_path
    )
    processes.append(bot)
    await telegram.wait_for_call("getUpdates", timeout=COLD_START_SECONDS)
    crowd = ClockInCrowd(telegram, telegram_ids, object_name)
    started = time.monotonic()

    figures = await clock_in_through_an_outage(
        crowd, lambda: private_postgres.stop("immediate"), private_postgres.start
    )

    await check_everyone_clocked_in_once(
        "PostgreSQL restart", bot, crowd, figures, private_session_factory, object_name, started
    )


async def test_redis_restart_during_a_clock_in_burst(
    private_redis: PrivateRedis,
    telegram: FakeTelegramServer,
    bot_env,
    processes,
    tmp_path: Path,
    session_factory: SessionFactory,
) -> None:
    telegram_ids, object_name = await seed_crowd(session_factory, CROWD)
    bot = start_process("bot", ["-m", "bot"], bot_env | {"REDIS_URL": private_redis.url}, tmp_path)
    processes.append(bot)
    await telegram.wait_for_call("getUpdates", timeout=COLD_START_SECONDS)
    crowd = ClockInCrowd(telegram, telegram_ids, object_name)
    started = time.monotonic()

    # Killed: the dialog states kept only in Redis are gone when it comes back.
    figures = await clock_in_through_an_outage(crowd, private_redis.kill, private_redis.start)

    await check_everyone_clocked_in_once(
        "Redis restart", bot, crowd, figures, session_factory, object_name, started
    )
