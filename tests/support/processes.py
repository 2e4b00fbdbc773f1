"""Starting the real processes (`python -m bot`, `python -m webapp`, the worker) for
end-to-end tests, with their output kept in a file for assertions and post-mortems."""

import asyncio
import ipaddress
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.fakes.telegram_server import SECRET_TOKEN_HEADER, FakeTelegramServer, FakeUser
from tests.support.services import PROJECT_ROOT, REDIS_URL

# Variables of the developer's shell that would change what the process does.
_CLEARED = ("DATABASE_URL", "REDIS_URL", "RABBITMQ_URL", "BOT_MODE", "NAMESPACE")

# How long a process may take to start: importing aiogram and the dialogs is ~10 s of CPU
# on this 2-core machine, and up to several times that while other tests use both cores.
COLD_START_SECONDS = 180.0


@dataclass
class RunningProcess:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path
    started_at: float

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_events(self) -> list[dict[str, Any]]:
        """The JSON log lines written so far."""
        return [json.loads(line) for line in self.output().splitlines() if line[:1] == "{"]

    async def stop(self, kill_after: float = 20.0) -> int:
        """SIGTERM, then SIGKILL after `kill_after` seconds; the exit status. It waits off
        the event loop: the fake Telegram server runs there, and a stopping process may
        be waiting for its answers to finish an update."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.to_thread(self.process.wait, kill_after)
            except subprocess.TimeoutExpired:
                self.process.kill()
                await asyncio.to_thread(self.process.wait)
        return self.process.returncode

    def rss_kib(self) -> int:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1])


@asynccontextmanager
async def running_processes() -> AsyncIterator[list[RunningProcess]]:
    """Processes started into the list are stopped together at the end, their logs printed
    (pytest shows them when a test fails)."""
    started: list[RunningProcess] = []
    try:
        yield started
    finally:
        await asyncio.gather(*(running.stop() for running in started))
        for running in started:
            print(f"----- {running.name} output -----\n{running.output()[-6000:]}")


def bot_process_env(
    telegram: FakeTelegramServer, database_url: str, namespace: str
) -> dict[str, str]:
    """Environment of a bot process on PostgreSQL and Redis against the fake Telegram."""
    return {
        "BOT_TOKEN": telegram.token,
        "TELEGRAM_API_BASE": telegram.base_url,
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "NAMESPACE": namespace,
        "BOT_METRICS_PORT": "0",
        "WORKER_METRICS_PORT": "0",
    }


def start_process(
    name: str,
    args: list[str],
    env: dict[str, str],
    workdir: Path,
    *,
    cwd: Path | None = None,
    own_process_group: bool = False,
) -> RunningProcess:
    """`own_process_group`: as a terminal starts a command, so that a Ctrl-C can be sent to
    the process and everything in its group (`os.killpg`)."""
    full_env = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    full_env.update(env)
    full_env["PYTHONPATH"] = str(PROJECT_ROOT)
    full_env.setdefault("LOG_FORMAT", "json")
    log_path = workdir / f"{name}.log"
    log_file = log_path.open("wb")
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=cwd or PROJECT_ROOT,
        env=full_env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        process_group=0 if own_process_group else None,
    )
    return RunningProcess(name, process, log_path, time.monotonic())


def run_migrations(env: dict[str, str], workdir: Path, *, cwd: Path | None = None) -> None:
    full_env = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    full_env.update(env)
    full_env["PYTHONPATH"] = str(PROJECT_ROOT)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "alembic",
            "-c",
            str(PROJECT_ROOT / "alembic.ini"),
            "upgrade",
            "heads",
        ],
        cwd=cwd or PROJECT_ROOT,
        env=full_env,
        check=True,
        capture_output=True,
    )


def webhook_env(
    base: dict[str, str], port: int, secret: str, public_url: str | None = None
) -> dict[str, str]:
    """`base` for a webapp hosting the bot in webhook mode on `port`; Telegram posts to
    `public_url` (a balancer in front of several replicas), else to the webapp itself."""
    return dict(
        base,
        BOT_MODE="webhook",
        WEBAPP_HOST="127.0.0.1",
        WEBAPP_PORT=str(port),
        WEBAPP_BASE_URL=public_url or f"http://127.0.0.1:{port}",
        WEBHOOK_SECRET=secret,
    )


def processes_with(variable: str, value: str) -> list[int]:
    """The live processes whose environment has `variable=value` (a marker a test gives the
    processes it starts, which their children inherit)."""
    marker = f"{variable}={value}".encode()
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker in environ.read_bytes().split(b"\0"):
                found.append(int(environ.parent.name))
        except OSError:  # it has just exited
            continue
    return found


def listening_hosts(port: int) -> set[str]:
    """The addresses TCP sockets listen on at `port` (as `ss -ltn` shows them)."""
    hosts = set()
    for table in (Path("/proc/net/tcp"), Path("/proc/net/tcp6")):
        for row in table.read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                # The kernel writes the address as 32-bit words in the machine's order.
                raw = bytes.fromhex(address)
                words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
                hosts.add(str(ipaddress.ip_address(words)))
    return hosts


async def wait_for_log_events(
    process: RunningProcess, event: str, *, at_least: int = 1, seconds: float = 60
) -> list[dict[str, Any]]:
    """The first `at_least` log lines of `event`; `seconds` allows for a cold start of the
    process on a busy machine (the other start-up waits allow as much)."""
    for _ in range(int(seconds * 10)):
        found = [line for line in process.log_events() if line.get("event") == event]
        if len(found) >= at_least:
            return found
        assert process.process.poll() is None, process.output()[-3000:]
        await asyncio.sleep(0.1)
    raise AssertionError(f"fewer than {at_least} {event} in:\n{process.output()[-3000:]}")


async def wait_until_healthy(
    port: int, process: RunningProcess, seconds: float = COLD_START_SECONDS
) -> None:
    """Until the webapp on `port` answers /healthz (its start-up is complete)."""
    async with httpx.AsyncClient() as client:
        for _ in range(int(seconds * 10)):
            if process.process.poll() is not None:
                raise AssertionError(f"{process.name} exited:\n{process.output()[-3000:]}")
            try:
                if (await client.get(f"http://127.0.0.1:{port}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"{process.name} did not start:\n{process.output()[-3000:]}")


def command_update(update_id: int, user: FakeUser, command: str) -> dict:
    """The update Telegram sends when `user` sends `command` in their private chat."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": user.private_chat(),
            "from": user.to_dict(),
            "text": command,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(command)}],
        },
    }


async def post_update(port: int, secret: str, update: dict) -> int:
    """Delivers `update` to the webhook of the webapp on `port` as Telegram does, waiting
    for the answer; its status."""
    async with httpx.AsyncClient(timeout=120) as client:
        response = await client.post(
            f"http://127.0.0.1:{port}/webhooks/telegram",
            json=update,
            headers={SECRET_TOKEN_HEADER: secret},
        )
    return response.status_code
