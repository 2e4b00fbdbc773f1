"""`python -m webapp`: the FastAPI webapp under uvicorn (and the bot in webhook mode)."""

import gc

if __name__ == "__main__":
    # No collection while the process starts: what it builds (aiogram's ~600 models, the
    # dialogs) lives to the end, and walking it ~6 times cost 1–2 s of the start. It
    # resumes once started (services.platform.startup.spare_startup_objects_from_gc).
    gc.disable()

import signal
import socket
from types import FrameType

import structlog
import uvicorn

from services.platform.config import get_settings
from services.platform.observability.logging import configure_logging
from services.platform.startup import spare_startup_objects_from_gc
from webapp.app import create_app

log = structlog.get_logger("webapp")


class _Server(uvicorn.Server):
    """uvicorn heeds SIGTERM/SIGINT only once the application has started, and the start-up
    waits for the database and Telegram (up to `startup_wait_seconds`). A signal before
    then ends the process at once, as the bot's does: nothing is served or in flight yet.
    Its start and its end are one line each (uvicorn's own lines are kept quiet)."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            spare_startup_objects_from_gc()
            log.info("webapp.started", url=f"http://{self.config.host}:{self.config.port}")

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await super().shutdown(sockets)
        log.info("webapp.stopped")

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if not self.started:
            signal.signal(sig, signal.SIG_DFL)
            signal.raise_signal(sig)
        super().handle_exit(sig, frame)


def _exit_cleanly(signum: int, frame: FrameType | None) -> None:
    """uvicorn shuts down gracefully on SIGTERM/SIGINT, then re-raises the signal to the
    handler installed before it: here, a finished shutdown is a clean exit (status 0)."""
    raise SystemExit(0)


def main() -> None:
    settings = get_settings()
    configure_logging(settings)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _exit_cleanly)
    config = uvicorn.Config(
        create_app(settings),
        host=settings.webapp_host,
        port=settings.webapp_port,
        log_config=None,
        # The client's address is the peer's: only the YooKassa webhook believes
        # X-Forwarded-For, and only from YOOKASSA_TRUSTED_PROXY (uvicorn's own handling
        # would believe it from any loopback peer).
        proxy_headers=False,
        timeout_graceful_shutdown=20,
    )
    _Server(config).run()


if __name__ == "__main__":
    main()
