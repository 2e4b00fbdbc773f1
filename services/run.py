"""`python -m services.run`, what `make run` starts: the bot (polling; with
`BOT_MODE=webhook` the webapp hosts it), the webapp and the worker, as one unit.

Each runs as a child process in a process group of its own, so a Ctrl-C at the terminal
reaches only this launcher, which passes one SIGTERM to each: they finish what they are
doing and exit. When one exits by itself (a refused BOT_TOKEN, a port in use, a crash),
the others are stopped the same way and the launcher exits with its status.
"""

import asyncio
import contextlib
import re
import signal
import sys
from asyncio.subprocess import Process

import structlog

from services.platform.config import BotMode, Settings, get_settings
from services.platform.observability.logging import configure_logging

log = structlog.get_logger("run")

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# The shape of a Bot API token, as aiogram checks it (not imported here: the launcher
# stays small, so that it starts and exits at once).
TOKEN_SHAPE = re.compile(r"\d+:\S+")
# Longer than the processes' own 20 s drain of the work in progress.
STOP_GRACE_SECONDS = 30.0


def modules_to_run(settings: Settings) -> dict[str, str]:
    """The processes by name, and the module each runs."""
    modules = {"webapp": "webapp", "worker": "services.worker"}
    if settings.bot_mode == BotMode.POLLING:
        return {"bot": "bot", **modules}
    return modules


def exit_status(returncode: int) -> int:
    """A child's status as a shell reports it (128 + the signal that ended it); 0 for one
    that our SIGTERM ended before it could handle it (still starting)."""
    if returncode == -signal.SIGTERM:
        return 0
    return returncode if returncode >= 0 else 128 - returncode


async def _stop_all(children: dict[str, Process]) -> None:
    for child in children.values():
        with contextlib.suppress(ProcessLookupError):  # it has just exited
            child.terminate()
    all_exited = asyncio.gather(*(child.wait() for child in children.values()))
    try:
        await asyncio.wait_for(asyncio.shield(all_exited), STOP_GRACE_SECONDS)
    except TimeoutError:
        for name, child in children.items():
            if child.returncode is None:
                log.warning("run.killed", process=name, after_seconds=STOP_GRACE_SECONDS)
                child.kill()
        await all_exited


async def run(settings: Settings) -> int:
    """Start every process, wait for a stop signal or for one of them to exit, stop the
    rest. The exit status: the status of the process that exited by itself (1 if that
    was 0), else the first failed status of a stopped one, else 0."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in STOP_SIGNALS:
        loop.add_signal_handler(signum, stop.set)
    children = {
        name: await asyncio.create_subprocess_exec(sys.executable, "-m", module, process_group=0)
        for name, module in modules_to_run(settings).items()
    }
    exits = {asyncio.ensure_future(child.wait()): name for name, child in children.items()}
    stopping = asyncio.ensure_future(stop.wait())
    done, _ = await asyncio.wait([stopping, *exits], return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    exited = next((task for task in done if task in exits), None)
    if exited is not None:
        log.error("run.process_exited", process=exits[exited], status=exited.result())
    await _stop_all(children)
    if exited is not None:
        return exit_status(exited.result()) or 1
    statuses = [exit_status(child.returncode or 0) for child in children.values()]
    return next((status for status in statuses if status), 0)


def main() -> None:
    settings = get_settings()
    configure_logging(settings)
    if not TOKEN_SHAPE.fullmatch(settings.bot_token.get_secret_value()):
        # The first `make run` without a token: one line, rather than each process failing.
        log.error("BOT_TOKEN is not set or is no token: put the one from @BotFather in .env")
        sys.exit(2)
    sys.exit(asyncio.run(run(settings)))


if __name__ == "__main__":
    main()
