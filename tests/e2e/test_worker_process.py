"""The worker process starts against real PostgreSQL and RabbitMQ (and on the embedded
default), and stops cleanly on SIGTERM."""

from pathlib import Path

from tests.support.processes import run_migrations, start_process, wait_for_log_events
from tests.support.services import RABBITMQ_URL


async def test_worker_connects_to_rabbitmq_and_stops_on_sigterm(
    bot_env, processes, tmp_path: Path, session_factory
) -> None:
    worker = start_process(
        "worker", ["-m", "services.worker"], dict(bot_env, RABBITMQ_URL=RABBITMQ_URL), tmp_path
    )
    processes.append(worker)
    [started] = await wait_for_log_events(worker, "worker.started")
    assert started["broker"] == "RabbitBroker"

    assert await worker.stop() == 0
    assert '"worker.stopped"' in worker.output()


async def test_worker_runs_on_the_embedded_default(telegram, processes, tmp_path: Path) -> None:
    env = {"BOT_TOKEN": telegram.token, "TELEGRAM_API_BASE": telegram.base_url}
    env.update(WORKER_METRICS_PORT="0")
    run_migrations(env, tmp_path, cwd=tmp_path)
    worker = start_process("worker", ["-m", "services.worker"], env, tmp_path, cwd=tmp_path)
    processes.append(worker)
    [started] = await wait_for_log_events(worker, "worker.started")
    assert started["broker"] == "InProcessBroker"
    assert await worker.stop() == 0
