"""`make run` (`python -m services.run`): the bot, the webapp and the worker on the
embedded default against the fake Telegram, as one unit. Ctrl-C at the terminal (SIGINT
to its whole process group) or SIGTERM stops all three within seconds, one line each; a
token Telegram refuses is one clear line, and nothing is left running; so is a missing
one, before anything starts. The metrics exporters listen on loopback only."""

import asyncio
import json
import os
import signal
import time
from pathlib import Path

import pytest

from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.processes import (
    RunningProcess,
    listening_hosts,
    processes_with,
    run_migrations,
    start_process,
    wait_for_log_events,
    wait_until_healthy,
)
from tests.support.services import free_port

STOP_SECONDS = 5.0
# Three cold starts at once: on a busy machine (the suite's own tests around) that took
# over a minute, twice what one process alone needs.
START_SECONDS = 150.0


def _run(
    telegram: FakeTelegramServer, namespace: str, token: str, workdir: Path
) -> tuple[RunningProcess, dict[str, str]]:
    """`make run` in `workdir` (its SQLite file there); NAMESPACE marks its processes."""
    env = {
        "BOT_TOKEN": token,
        "TELEGRAM_API_BASE": telegram.base_url,
        "NAMESPACE": namespace,
        "WEBAPP_PORT": str(free_port()),
        "BOT_METRICS_PORT": str(free_port()),
        "WORKER_METRICS_PORT": str(free_port()),
    }
    run_migrations(env, workdir, cwd=workdir)
    run = start_process(
        "run", ["-m", "services.run"], env, workdir, cwd=workdir, own_process_group=True
    )
    return run, env


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
async def test_ctrl_c_or_sigterm_stops_all_three_in_seconds_with_one_line_each(
    stop: str,
    telegram: FakeTelegramServer,
    namespace: str,
    processes: list[RunningProcess],
    tmp_path: Path,
) -> None:
    run, env = _run(telegram, namespace, telegram.token, tmp_path)
    processes.append(run)
    await telegram.wait_for_call("getUpdates", timeout=START_SECONDS)
    await wait_until_healthy(int(env["WEBAPP_PORT"]), run, START_SECONDS)
    await wait_for_log_events(run, "worker.started", seconds=START_SECONDS)
    assert len(processes_with("NAMESPACE", namespace)) == 4  # the launcher and its three
    for exporter in ("BOT_METRICS_PORT", "WORKER_METRICS_PORT"):
        assert listening_hosts(int(env[exporter])) == {"127.0.0.1"}
    lines_before = len(run.output().splitlines())

    asked_at = time.monotonic()
    if stop == "ctrl-c":
        os.killpg(run.process.pid, signal.SIGINT)
    else:
        run.process.send_signal(signal.SIGTERM)
    exit_code = await asyncio.to_thread(run.process.wait, 30)
    seconds = time.monotonic() - asked_at

    print(f"{stop}: all stopped in {seconds:.2f} s")
    lines_after = [
        json.loads(line)["event"] if line[:1] == "{" else line
        for line in run.output().splitlines()[lines_before:]
    ]
    assert exit_code == 0
    assert seconds < STOP_SECONDS
    assert sorted(lines_after) == ["bot.stopped", "webapp.stopped", "worker.stopped"]
    assert processes_with("NAMESPACE", namespace) == []


async def test_a_token_telegram_refuses_is_one_clear_line_and_stops_everything(
    telegram: FakeTelegramServer,
    namespace: str,
    processes: list[RunningProcess],
    tmp_path: Path,
) -> None:
    run, _ = _run(telegram, namespace, "123456:REVOKED-TOKEN", tmp_path)
    processes.append(run)

    exit_code = await asyncio.to_thread(run.process.wait, START_SECONDS + STOP_SECONDS)

    output = run.output()
    refused = [line for line in output.splitlines() if "BOT_TOKEN was refused by Telegram" in line]
    assert len(refused) == 1 and "Unauthorized" in refused[0]
    assert "Traceback" not in output
    assert exit_code != 0
    assert processes_with("NAMESPACE", namespace) == []


async def test_a_missing_token_is_one_clear_line_before_anything_starts(
    telegram: FakeTelegramServer,
    namespace: str,
    processes: list[RunningProcess],
    tmp_path: Path,
) -> None:
    run, _ = _run(telegram, namespace, "", tmp_path)
    processes.append(run)

    exit_code = await asyncio.to_thread(run.process.wait, 60)

    [line] = run.output().splitlines()
    assert "BOT_TOKEN is not set" in line
    assert exit_code == 2
    assert processes_with("NAMESPACE", namespace) == []
