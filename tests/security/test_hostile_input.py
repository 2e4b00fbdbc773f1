"""SQL- and HTML-looking input (an object name, an employee's name, a comment) is stored
exactly as typed and shown exactly as typed: escaped in the bot's HTML messages (the fake
Telegram server parses them as Telegram does and refuses broken or foreign markup), in
the notifications, and as text in the Mini App."""

from datetime import timedelta

from aiogram import Bot
from redis.asyncio import Redis
from sqlalchemy import select

from services.planning.bookings import unassign
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import OutboxMessage, ShiftCancellation, User, WorkObject
from services.platform.db.session import SessionFactory
from tests.fakes.telegram_server import FakeTelegramServer, JsonDict
from tests.support.notifications import make_notifier
from tests.support.shifts import (
    EMPLOYEE_TG,
    OWNER_TG,
    add_planned_shift,
    make_shift_world,
    open_at_the_cafe,
)

HOSTILE_OBJECT = "<b>Кафе</b> & '; DROP TABLE work_objects; --"
HOSTILE_NAME = "<script>alert(1)</script> Robert'); DELETE FROM users;--"
HOSTILE_COMMENT = '<i>нет</i> & 1 OR 1=1; <a href="javascript:x">ссылка</a> {$x}'


def shown(telegram: FakeTelegramServer, chat_id: int) -> list[JsonDict]:
    return telegram.chat_messages(chat_id)


def texts(telegram: FakeTelegramServer, chat_id: int) -> str:
    return "\n".join(str(m.get("text") or m.get("caption") or "") for m in shown(telegram, chat_id))


async def test_object_and_employee_names_are_kept_and_shown_verbatim_in_the_bot(
    webhook, telegram: FakeTelegramServer, session_factory: SessionFactory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory)
    await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=10))
    olga = telegram.user(OWNER_TG, first_name="Olga")
    await telegram.send_text(olga, "/start")
    await telegram.press(olga, "🏪 Объекты")
    await telegram.press(olga, "🏪 Кофейня")
    await telegram.press(olga, "✏️ Изменить")
    await telegram.press(olga, "✏️ Название")
    await telegram.send_text(olga, HOSTILE_OBJECT)
    await telegram.press(olga, "✅ Готово")

    async with session_factory() as session:
        work_object = await session.get(WorkObject, world.work_object.id)
    assert work_object is not None and work_object.name == HOSTILE_OBJECT
    card = telegram.last_message(OWNER_TG)
    assert card is not None and HOSTILE_OBJECT in card["text"]

    anna = telegram.user(EMPLOYEE_TG, first_name=HOSTILE_NAME)
    await telegram.send_text(anna, "/start")
    assert f"Здравствуйте, {HOSTILE_NAME}!" in texts(telegram, EMPLOYEE_TG)
    await telegram.press(anna, "🟢 Открыть смену")  # her only shift due: no choosing
    assert f"📍 {HOSTILE_OBJECT}\n" in telegram.last_message(EMPLOYEE_TG)["text"]
    async with session_factory() as session:
        stored_name = await session.scalar(
            select(User.first_name).where(User.telegram_id == EMPLOYEE_TG)
        )
    assert stored_name == HOSTILE_NAME

    await telegram.send_text(olga, "/start")
    await telegram.press(olga, "👥 Сотрудники")
    staff = telegram.last_message(OWNER_TG)
    assert staff is not None
    assert any(HOSTILE_NAME in label for label in telegram.buttons(staff)) or (
        HOSTILE_NAME in staff["text"]
    )
    assert telegram.webhook_failures == []
    assert [call for call in telegram.calls if call.error_code == 400] == []


async def test_names_and_comments_reach_notifications_verbatim(
    telegram: FakeTelegramServer,
    bot: Bot,
    redis: Redis,
    settings: Settings,
    session_factory: SessionFactory,
    clock: ManualClock,
) -> None:
    world = await make_shift_world(session_factory, name=HOSTILE_OBJECT)
    async with session_factory() as session, session.begin():
        employee = await session.get(User, world.employee.id)
        assert employee is not None
        employee.first_name = HOSTILE_NAME
    opened_plan = await add_planned_shift(session_factory, world, clock.now())
    later = await add_planned_shift(session_factory, world, clock.now() + timedelta(days=1))
    async with session_factory() as session, session.begin():
        await open_at_the_cafe(session, clock, world.employee.id, opened_plan.id)
        await unassign(
            session,
            clock,
            user_id=world.owner.id,
            planned_shift_id=later.id,
            comment=HOSTILE_COMMENT,
        )
    notifier = make_notifier(settings, session_factory, bot, redis, clock)
    async with session_factory() as session:
        outbox_ids = list(await session.scalars(select(OutboxMessage.id)))
        comment = await session.scalar(select(ShiftCancellation.comment))
    for outbox_id in outbox_ids:
        await notifier.deliver(outbox_id)

    assert comment == HOSTILE_COMMENT
    assert f"{HOSTILE_NAME} открыл(а) смену" in texts(telegram, OWNER_TG)
    assert HOSTILE_OBJECT in texts(telegram, OWNER_TG)
    unassigned = texts(telegram, EMPLOYEE_TG)
    assert f"Вас сняли со смены {HOSTILE_OBJECT}" in unassigned
    assert f"Комментарий: {HOSTILE_COMMENT}" in unassigned
    assert [call for call in telegram.calls if call.error_code is not None] == []
