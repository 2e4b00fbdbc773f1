"""Starting the real processes (`python -m bot`, `python -m webapp`, the worker) for
end-to-end tests, with their output kept in a file for assertions and post-mortems."""

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.fakes.telegram_server import SECRET_TOKEN_HEADER, FakeTelegramServer, FakeUser
from tests.support.services import PROJECT_ROOT, REDIS_URL

# Variables of the developer's shell that would change what the process does.
_CLEARED = ("DATABASE_URL", "REDIS_URL", "RABBITMQ_URL", "BOT_MODE", "NAMESPACE")


@dataclass
class RunningProcess:
    name: str
    process: subprocess.Popen[bytes]
    log_path: Path
    started_at: float

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

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
    name: str, args: list[str], env: dict[str, str], workdir: Path, *, cwd: Path | None = None
) -> RunningProcess:
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


async def wait_until_healthy(port: int, process: RunningProcess, seconds: float = 60.0) -> None:
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
