"""SIGTERM while an update is being handled (the Bot API is slow to answer): the user
still gets the answer, and the process exits with 0 — the polling bot and the webapp
hosting the bot in webhook mode. The webapp hosting the bot, started before its
database, waits for it, says so in the log, and serves once the database is up; SIGTERM
while a process still waits for its database stops it at once."""

import asyncio
import signal
from pathlib import Path

import httpx
import pytest
from sqlalchemy import make_url

from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.processes import (
    COLD_START_SECONDS,
    start_process,
    wait_for_log_events,
    wait_until_healthy,
    webhook_env,
)
from tests.support.services import free_port

SLOW_ANSWER_SECONDS = 2.0


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_sigterm_during_a_slow_update_still_answers_and_exits_cleanly(
    mode: str, telegram: FakeTelegramServer, bot_env, processes, tmp_path: Path, session_factory
) -> None:
    if mode == "polling":
        process = start_process("bot", ["-m", "bot"], bot_env, tmp_path)
        processes.append(process)
        await telegram.wait_for_call("getUpdates", timeout=COLD_START_SECONDS)
    else:
        port = free_port()
        env = webhook_env(bot_env, port, "shutdown-secret")
        process = start_process("webapp", ["-m", "webapp"], env, tmp_path)
        processes.append(process)
        await wait_until_healthy(port, process)

    anna = telegram.user(7101, first_name="Anna")
    telegram.delay_next("sendMessage", SLOW_ANSWER_SECONDS, chat_id=anna.id)
    delivery = asyncio.create_task(telegram.send_text(anna, "/start"))
    await telegram.wait_for_call_in_flight("sendMessage")

    exit_code = await process.stop()
    await delivery

    assert exit_code == 0, process.output()[-3000:]
    answers = telegram.calls_of("sendMessage")
    assert answers and answers[-1].error_code is None
    assert "Здравствуйте, Anna" in answers[-1].params["text"]
    assert telegram.webhook_failures == []


async def test_webapp_started_before_its_database_waits_and_then_serves(
    bot_env, processes, tmp_path: Path, session_factory
) -> None:
    real_database = make_url(bot_env["DATABASE_URL"])
    proxy_port, port = free_port(), free_port()
    database_url = real_database.set(port=proxy_port).render_as_string(hide_password=False)
    env = webhook_env(dict(bot_env, DATABASE_URL=database_url), port, "startup-secret")
    webapp = start_process("webapp", ["-m", "webapp"], env, tmp_path)
    processes.append(webapp)
    waits = await wait_for_log_events(webapp, "startup.waiting_for_dependency", at_least=2)
    assert {event["dependency"] for event in waits} == {"database"}

    # The database "comes up": its port now leads to the real PostgreSQL.
    proxy = await asyncio.start_server(
        lambda r, w: _pipe_to(r, w, real_database.host or "127.0.0.1", real_database.port or 5432),
        "127.0.0.1",
        proxy_port,
    )
    try:
        ready = await wait_for_log_events(webapp, "startup.dependency_ready", at_least=1)
        assert ready[0]["dependency"] == "database"
        await wait_until_healthy(port, webapp)
        async with httpx.AsyncClient() as client:
            answer = await client.get(f"http://127.0.0.1:{port}/readyz")
        assert answer.json()["checks"]["database"] == "ok"
    finally:
        await webapp.stop()
        proxy.close()


async def test_sigterm_while_waiting_for_the_database_stops_every_process_at_once(
    bot_env, processes, tmp_path: Path
) -> None:
    nowhere = make_url(bot_env["DATABASE_URL"]).set(port=free_port())
    env = dict(bot_env, DATABASE_URL=nowhere.render_as_string(hide_password=False))
    started = {
        "bot": start_process("bot", ["-m", "bot"], env, tmp_path),
        # In webhook mode the webapp's start-up waits for the database.
        "webapp": start_process(
            "webapp", ["-m", "webapp"], webhook_env(env, free_port(), "startup-secret"), tmp_path
        ),
        "worker": start_process("worker", ["-m", "services.worker"], env, tmp_path),
    }
    processes.extend(started.values())
    for process in started.values():
        await wait_for_log_events(process, "startup.waiting_for_dependency", at_least=1)

    exit_codes = await asyncio.gather(*(p.stop(kill_after=10) for p in started.values()))

    # The bot and the webapp have nothing to finish before they are up: the signal's
    # default action ends them. The worker closes its pools and exits cleanly.
    assert dict(zip(started, exit_codes, strict=True)) == {
        "bot": -signal.SIGTERM,
        "webapp": -signal.SIGTERM,
        "worker": 0,
    }


async def _pipe_to(
    client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter, host: str, port: int
) -> None:
    server_reader, server_writer = await asyncio.open_connection(host, port)

    async def copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        writer.close()

    await asyncio.gather(
        copy(client_reader, server_writer),
        copy(server_reader, client_writer),
        return_exceptions=True,
    )
