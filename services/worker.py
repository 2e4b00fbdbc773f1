"""`python -m services.worker`: the background process (notifications, scheduled jobs).

It runs the outbox relay, the notifier (a queue consumer) and the scheduler tick until
SIGTERM or SIGINT; then it stops taking messages, finishes those it is sending, and
closes its connections. A signal while it still waits for its dependencies stops it at
once.
"""

import gc

if __name__ == "__main__":
    # No collection while the process starts: what it builds (aiogram's ~600 models, the
    # dialogs) lives to the end, and walking it ~6 times cost 1–2 s of the start. It
    # resumes once started (services.platform.startup.spare_startup_objects_from_gc).
    gc.disable()

import asyncio
import contextlib
import signal
from collections.abc import Awaitable
from typing import TypeVar

import structlog
from aio_pika.exceptions import AMQPConnectionError
from prometheus_client import start_http_server
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from services.jobs import SCHEDULED_JOBS
from services.notify.notifier import Notifier, create_sender_bot
from services.notify.relay import NOTIFICATIONS_QUEUE, NOTIFICATIONS_ROUTING, OutboxRelay
from services.platform.clock import Clock, SystemClock
from services.platform.config import Settings, get_settings
from services.platform.db.session import create_engine, create_session_factory
from services.platform.observability.logging import configure_logging
from services.platform.observability.metrics import QUEUE_DEPTH, WORKER_UP
from services.platform.queue.broker import Broker, connect_broker
from services.platform.queue.rate_limit import (
    LocalSendLimiter,
    LocalSentMarks,
    RedisSendLimiter,
    RedisSentMarks,
    SendLimiter,
    SentMarks,
)
from services.platform.redis import create_redis
from services.platform.scheduler import Scheduler
from services.platform.startup import (
    spare_startup_objects_from_gc,
    wait_for,
    wait_for_database_and_redis,
)

# How long a stopping worker waits for the messages it is sending.
SHUTDOWN_GRACE_SECONDS = 20.0
GAUGES_INTERVAL_SECONDS = 15.0

log = structlog.get_logger("worker")

T = TypeVar("T")


def send_guards(settings: Settings, redis: Redis | None) -> tuple[SendLimiter, SentMarks]:
    """Shared through Redis when there is one, else kept in this process."""
    if redis is None:
        return LocalSendLimiter(settings.notifier), LocalSentMarks()
    return (
        RedisSendLimiter(redis, settings.namespace, settings.notifier),
        RedisSentMarks(redis, settings.namespace, settings.notifier.sent_marker_ttl_seconds),
    )


async def _report_gauges(broker: Broker, relay: OutboxRelay, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            QUEUE_DEPTH.labels(NOTIFICATIONS_QUEUE).set(
                await broker.queue_depth(NOTIFICATIONS_QUEUE)
            )
            await relay.measure_backlog()
        except Exception:  # gauges are best effort; the next round tries again
            log.warning("worker.gauges_failed", exc_info=True)
        try:
            await asyncio.wait_for(stop.wait(), GAUGES_INTERVAL_SECONDS)
        except TimeoutError:
            continue


async def _connect(engine: AsyncEngine, redis: Redis | None, settings: Settings) -> Broker:
    deadline = settings.startup_wait_seconds
    await wait_for_database_and_redis(engine, redis, deadline_seconds=deadline)
    return await wait_for(
        "rabbitmq",
        lambda: connect_broker(settings),
        deadline_seconds=deadline,
        also_unavailable=(AMQPConnectionError,),
    )


async def _unless_stopped(stop: asyncio.Event, starting: Awaitable[T]) -> T | None:
    """The result of `starting`, or None when `stop` is set first (`starting` is then
    cancelled): a worker still waiting for its dependencies has nothing to finish."""
    start = asyncio.ensure_future(starting)
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait((start, stopped), return_when=asyncio.FIRST_COMPLETED)
    stopped.cancel()
    if start.done():
        return start.result()
    start.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await start
    return None


async def run_worker(settings: Settings, stop: asyncio.Event, clock: Clock | None = None) -> None:
    clock = clock or SystemClock()
    engine = create_engine(settings.effective_database_url, pool_size=settings.notifier.concurrency)
    redis = create_redis(settings)
    broker = await _unless_stopped(stop, _connect(engine, redis, settings))
    if broker is None:
        await _close_stores(engine, redis)
        log.info("worker.stopped", before_start=True)
        return
    session_factory = create_session_factory(engine)
    bot = create_sender_bot(settings)
    limiter, marks = send_guards(settings, redis)
    notifier = Notifier(
        session_factory=session_factory,
        bot=bot,
        limiter=limiter,
        marks=marks,
        clock=clock,
        settings=settings.notifier,
        default_language=settings.default_language,
    )
    relay = OutboxRelay(session_factory, broker, clock, settings.notifier.relay_batch_size)
    scheduler = Scheduler(
        engine=engine,
        session_factory=session_factory,
        clock=clock,
        settings=settings,
        jobs=SCHEDULED_JOBS,
    )
    await broker.declare(NOTIFICATIONS_QUEUE, NOTIFICATIONS_ROUTING)
    await broker.consume(NOTIFICATIONS_QUEUE, NOTIFICATIONS_ROUTING, notifier.handle)
    loops = [
        asyncio.create_task(relay.run(stop, settings.notifier.relay_interval_seconds)),
        asyncio.create_task(scheduler.run(stop)),
        asyncio.create_task(_report_gauges(broker, relay, stop)),
    ]
    WORKER_UP.set(1)
    spare_startup_objects_from_gc()
    log.info("worker.started", broker=type(broker).__name__)
    try:
        await stop.wait()
    finally:
        WORKER_UP.set(0)
        notifier.stop()
        await broker.stop_consuming()
        await notifier.wait_idle(SHUTDOWN_GRACE_SECONDS)
        await asyncio.gather(*loops, return_exceptions=True)
        await broker.close()
        await bot.session.close()
        await _close_stores(engine, redis)
        log.info("worker.stopped")


async def _close_stores(engine: AsyncEngine, redis: Redis | None) -> None:
    if redis is not None:
        await redis.aclose()
    await engine.dispose()


async def main() -> None:
    settings = get_settings()
    configure_logging(settings)
    if settings.worker_metrics_port:
        start_http_server(settings.worker_metrics_port, addr=settings.metrics_host)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await run_worker(settings, stop)


if __name__ == "__main__":
    asyncio.run(main())
