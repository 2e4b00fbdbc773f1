"""The real bot (`python -m bot`, polling) and worker (`python -m services.worker`) on
PostgreSQL, Redis and RabbitMQ against the fake Telegram Bot API: an employee opens a
planned shift with a location and closes it; the owner and the object's report chat
receive the live feed through the outbox, the queue and the notifier."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.processes import COLD_START_SECONDS, start_process
from tests.support.services import RABBITMQ_URL
from tests.support.shifts import (
    CAFE,
    EMPLOYEE_TG,
    OWNER_TG,
    REPORT_CHAT_ID,
    add_planned_shift,
    make_shift_world,
)


async def test_employee_opens_and_closes_and_the_owner_gets_the_feed(
    telegram: FakeTelegramServer, bot_env, processes, tmp_path: Path, session_factory
) -> None:
    world = await make_shift_world(session_factory)
    starts_at = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(minutes=5)
    await add_planned_shift(session_factory, world, starts_at)
    telegram.group(REPORT_CHAT_ID, title="Кофейня: отчёты")
    env = bot_env | {"RABBITMQ_URL": RABBITMQ_URL}
    processes.append(start_process("bot", ["-m", "bot"], env, tmp_path))
    processes.append(start_process("worker", ["-m", "services.worker"], env, tmp_path))
    await telegram.wait_for_call("getUpdates", timeout=COLD_START_SECONDS)

    anna = telegram.user(EMPLOYEE_TG, first_name="Anna")
    await telegram.send_text(anna, "/start")
    await telegram.wait_for_message(EMPLOYEE_TG, text_contains="Anna")
    await telegram.press(anna, "🟢 Открыть смену")  # her only shift due: straight on
    await telegram.wait_for_message(EMPLOYEE_TG, text_contains="Отправить геопозицию")
    keyboard = telegram.reply_keyboard(EMPLOYEE_TG)
    assert keyboard is not None and keyboard["keyboard"][0][0]["request_location"] is True

    await telegram.send_location(anna, *CAFE, horizontal_accuracy=12)
    await telegram.wait_for_message(EMPLOYEE_TG, text_contains="Смена открыта")
    await telegram.wait_for_message(OWNER_TG, text_contains="Anna открыл(а) смену", timeout=60)
    await telegram.wait_for_message(REPORT_CHAT_ID, text_contains="Anna открыл(а) смену")

    await telegram.press(anna, "🔴 Закрыть смену")
    await telegram.wait_for_message(EMPLOYEE_TG, text_contains="Чтобы закрыть смену")
    await telegram.send_location(anna, *CAFE, live_period=600)
    summary = await telegram.wait_for_message(EMPLOYEE_TG, text_contains="Смена закрыта")
    assert "Отработано: 0 мин" in summary["text"]  # closed before the planned start
    await telegram.wait_for_message(OWNER_TG, text_contains="Anna закрыл(а) смену", timeout=60)
    await telegram.wait_for_message(REPORT_CHAT_ID, text_contains="Anna закрыл(а) смену")
