"""`python -m services.worker`: the background process (notifications, scheduled jobs).

It connects to its queue, runs until SIGTERM or SIGINT, then stops cleanly.
"""

import asyncio
import signal

import structlog
from prometheus_client import start_http_server

from services.config import Settings, get_settings
from services.db.session import create_engine, ping
from services.observability.logging import configure_logging
from services.observability.metrics import WORKER_UP
from services.queue.broker import connect_broker

log = structlog.get_logger("worker")


async def run_worker(settings: Settings, stop: asyncio.Event) -> None:
    engine = create_engine(settings.effective_database_url)
    await ping(engine)
    broker = await connect_broker(settings)
    WORKER_UP.set(1)
    log.info("worker.started", broker=type(broker).__name__)
    try:
        await stop.wait()
    finally:
        WORKER_UP.set(0)
        await broker.close()
        await engine.dispose()
        log.info("worker.stopped")


async def main() -> None:
    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    if settings.worker_metrics_port:
        start_http_server(settings.worker_metrics_port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await run_worker(settings, stop)


if __name__ == "__main__":
    asyncio.run(main())
