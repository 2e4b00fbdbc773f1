"""Bench (prints figures, asserts nothing): start-up time and memory of the bot and the
webapp, next to a bare aiogram polling bot (`tests/bench/anchor_bots.py polling`) started
the same way in the same run.

Each process starts on real PostgreSQL and Redis against the fake Telegram Bot API of
`tests/fakes`: the bot (`python -m bot`, polling) is up when it first asks for updates,
the webapp (`python -m webapp`, webhook mode: it hosts the bot) when /healthz answers and
the webhook is set, the anchor when it first asks for updates. The resident memory
(VmRSS) is read a second after that. `--runs` starts each that many times and reports
the medians.

First use: the libraries a feature loads only when first used (charts, auto-scheduling,
PDF, ...), each imported in a fresh process that has loaded what the bot and the webapp
load at start: the seconds the first user of that feature waits longer
(`first_use_s`, by feature; `first_use_max_s`).

    .venv/bin/python -m tests.bench.bench_startup [--runs 3] [--json]
"""

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from tests.conftest import TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support import services as real
from tests.support.processes import (
    RunningProcess,
    bot_process_env,
    start_process,
    wait_until_healthy,
    webhook_env,
)

SETTLE_SECONDS = 1.0
START_TIMEOUT = 300.0  # a cold start on a loaded machine


async def first_call(telegram: FakeTelegramServer, method: str, after: int) -> None:
    """Until the process sends its first `method` call. Not its answer: a getUpdates
    long-polls, so its answer came 10 s later (the bot's figure had that wait in it) or at
    once when a webhook was still set (the anchor's 409: it had not)."""
    await telegram.wait_for_request(method, timeout=START_TIMEOUT, after_call=after)


async def measure(
    name: str,
    telegram: FakeTelegramServer,
    args: list[str],
    env: dict[str, str],
    workdir: Path,
    ready: Callable[[RunningProcess, int], Awaitable[None]],
) -> tuple[float, float]:
    """Seconds from spawn to ready (given the process and the number of Bot API calls
    before it), and the RSS in MiB once settled."""
    calls_before = len(telegram.calls)
    started = time.monotonic()
    process = start_process(name, args, env, workdir)
    try:
        await ready(process, calls_before)
        seconds = time.monotonic() - started
        await asyncio.sleep(SETTLE_SECONDS)
        return seconds, process.rss_kib() / 1024
    finally:
        await process.stop()


# Each feature and the libraries it imports on first use (grep for imports inside functions).
FIRST_USE = {
    "charts": ["matplotlib.figure", "matplotlib.backends.backend_agg"],
    "auto-scheduling": ["ortools.sat.python.cp_model"],
    "sales import (.xlsx)": ["openpyxl"],
    "Excel exports": ["xlsxwriter"],
    "contract PDF": ["typst"],
    "contract template (.docx)": ["docx"],
    "QR codes": ["segno"],
    "AI assistant": ["openai"],
    "media storage": ["minio"],
    "billing": ["yookassa"],
    "calendar feed": ["icalendar"],
    "RabbitMQ queue": ["aio_pika"],
}
_TIME_FIRST_USE = """
import gc, importlib, sys, time
gc.disable()
import bot.runtime, webapp.app
started = time.perf_counter()
for module in sys.argv[1:]:
    importlib.import_module(module)
print(time.perf_counter() - started)
"""


def first_use_seconds(modules: list[str]) -> float:
    """Seconds to import `modules` in a process that has loaded the bot and the webapp."""
    done = subprocess.run(
        [sys.executable, "-c", _TIME_FIRST_USE, *modules],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return float(done.stdout.split()[-1])


async def main(runs: int, as_json: bool) -> None:
    database_url = await real.create_test_database()
    figures: dict[str, list[float]] = {}

    def record(key: str, seconds: float, rss: float) -> None:
        figures.setdefault(f"{key}_start_s", []).append(seconds)
        figures.setdefault(f"{key}_rss_mib", []).append(rss)

    try:
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            async with FakeTelegramServer(TEST_BOT_TOKEN) as telegram:
                base = bot_process_env(telegram, database_url, real.new_namespace())
                port = real.free_port()

                def polls(_process: RunningProcess, after: int) -> Awaitable[None]:
                    return first_call(telegram, "getUpdates", after)

                async def serves(process: RunningProcess, after: int) -> None:
                    await wait_until_healthy(port, process, seconds=START_TIMEOUT)
                    await first_call(telegram, "setWebhook", after)

                for run in range(runs):
                    anchor_env = {
                        "BOT_TOKEN": TEST_BOT_TOKEN,
                        "TELEGRAM_API_BASE": telegram.base_url,
                    }
                    anchor_args = ["-m", "tests.bench.anchor_bots", "polling"]
                    record(
                        "anchor",
                        *await measure(
                            f"anchor-{run}", telegram, anchor_args, anchor_env, workdir, polls
                        ),
                    )
                    record(
                        "bot",
                        *await measure(f"bot-{run}", telegram, ["-m", "bot"], base, workdir, polls),
                    )
                    env = webhook_env(base, port, "bench-startup-secret")
                    record(
                        "webapp",
                        *await measure(
                            f"webapp-{run}", telegram, ["-m", "webapp"], env, workdir, serves
                        ),
                    )
    finally:
        await real.drop_test_database(database_url)
    medians: dict[str, object] = {
        key: round(statistics.median(values), 2) for key, values in figures.items()
    }
    first_use = {
        feature: round(statistics.median(first_use_seconds(modules) for _ in range(runs)), 3)
        for feature, modules in FIRST_USE.items()
    }
    print(f"medians of {runs} start(s) each (ready → RSS {SETTLE_SECONDS:.0f} s later):")
    for process in ("bot", "webapp", "anchor"):
        print(
            f"{process:<8} start {medians[f'{process}_start_s']:6.2f} s   "
            f"RSS {medians[f'{process}_rss_mib']:6.1f} MiB   "
            f"(all: {', '.join(f'{v:.1f}' for v in figures[f'{process}_rss_mib'])} MiB)"
        )
    print("first use, seconds more than later uses (imports):")
    for feature, seconds in first_use.items():
        print(f"  {feature:<28} {seconds:6.3f} s")
    medians["first_use_s"] = first_use
    medians["first_use_max_s"] = max(first_use.values())
    if as_json:
        print(json.dumps(medians, ensure_ascii=False))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    arguments = parser.parse_args()
    asyncio.run(main(arguments.runs, arguments.json))
