"""Shift tasks in the bot: the employee's checklist with mandatory and optional tasks, a
photo album as proof (fed as concurrent updates), the proof in the report chat, its
rejection (by whoever approves the object's tasks; a manager who only views may not) and
the redo, and closing the shift with a mandatory task left undone
(the warning, "close anyway", the task fine in the ledger)."""

import asyncio
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import Chat, Message, PhotoSize, Update
from redis.asyncio import Redis
from sqlalchemy import func, select

from services.notify.notifier import Outcome
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    Media,
    OutboxMessage,
    Shift,
    ShiftStatus,
    ShiftTask,
    ShiftTaskStatus,
    TaskTemplate,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from services.tasks.queries import unfinished_mandatory_tasks
from services.tasks.shift_tasks import attach_tasks_to_shift
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.dialogs import DialogUser
from tests.support.media import MediaCast, add_task_templates, open_shift_for, seed_media_cast
from tests.support.notifications import deliver_pending, make_notifier

REPORT_CHAT = -100777


def photo_updates(
    user: DialogUser, clock: ManualClock, telegram: FakeTelegramServer, count: int
) -> list[Update]:
    """Photo messages of one album whose files the fake Bot API knows."""
    group = uuid.uuid4().hex[:8] if count > 1 else None
    updates = []
    for _ in range(count):
        unique = uuid.uuid4().hex
        file_id = telegram.add_file(b"jpeg-bytes", file_unique_id=unique)
        message = Message(
            message_id=int(uuid.uuid4().int % 1_000_000),
            date=clock.now(),
            chat=Chat(id=user.user.id, type="private"),
            from_user=user.user,
            photo=[PhotoSize(file_id=file_id, file_unique_id=unique, width=800, height=600)],
            media_group_id=group,
        )
        updates.append(Update(update_id=int(uuid.uuid4().int % 1_000_000), message=message))
    return updates


async def feed_at_once(dispatcher: Dispatcher, bot: Bot, updates: list[Update]) -> None:
    await asyncio.gather(*(dispatcher.feed_update(bot, update) for update in updates))


async def test_checklist_photo_proof_rejection_and_redo(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    dispatcher: Dispatcher,
    bot: Bot,
    settings: Settings,
    redis: Redis,
) -> None:
    cast: MediaCast = await seed_media_cast(session_factory, clock)
    await add_task_templates(
        session_factory,
        cast.object_id,
        TaskTemplate(title="Открыть кассу", mandatory=True, fine=Decimal("200.00")),
        TaskTemplate(title="Витрина", mandatory=True, proof_required=True),
        TaskTemplate(title="Полить цветы", bonus=Decimal("50.00")),
        TaskTemplate(title="Сдать выручку", mandatory=True, fine=Decimal("300.00")),
    )
    telegram.group(REPORT_CHAT, "Отчёты")
    shift_id = await open_shift_for(session_factory, cast, clock, report_chat_id=REPORT_CHAT)
    ivan = make_user(cast.employee.telegram_id, first_name="Ivan")

    await ivan.send("/start")
    await ivan.press("📋 Задачи смены")
    assert "Выполнено 0 из 4" in ivan.text()
    assert "Осталось обязательных задач: 3" in ivan.text()
    assert ivan.buttons()[:4] == [
        "❗ Открыть кассу",
        "❗📷 Витрина",
        "❗ Сдать выручку",
        "Полить цветы",
    ]

    await ivan.press("❗ Открыть кассу")
    assert "Выполнено 1 из 4" in ivan.text()
    assert "✅ ❗ Открыть кассу" in ivan.text()

    await ivan.press("❗📷 Витрина")
    assert "Получено: 0" in ivan.text()
    assert "✅ Готово" not in ivan.buttons()
    album = photo_updates(ivan, clock, telegram, 3)
    await feed_at_once(dispatcher, bot, album)
    assert "Получено: 3" in ivan.text()
    await ivan.press("✅ Готово")

    assert "Выполнено 2 из 4" in ivan.text()
    assert "Осталось обязательных задач: 1" in ivan.text()
    notifier = make_notifier(settings, session_factory, bot, redis, clock)
    assert await deliver_pending(notifier, session_factory) == [Outcome.SENT]
    sent = telegram.calls_of("sendMediaGroup")[-1]
    assert sent.params["chat_id"] == REPORT_CHAT
    sent_ids = sorted(item["media"] for item in sent.params["media"])
    assert sent_ids == sorted(u.message.photo[-1].file_id for u in album)  # type: ignore[union-attr]
    caption = sent.params["media"][0]["caption"]
    assert all(part in caption for part in ("Витрина", "Ivan", "Точка на Мира", "12:00"))
    async with session_factory() as session:
        rows = list(await session.scalars(select(Media)))
    assert len(rows) == 3 and {r.provider for r in rows} == {"telegram"}

    # Maria may only view the object: she sees the proof but cannot reject it (that moves
    # money); the owner can.
    maria = make_user(cast.viewing_manager.telegram_id, first_name="Maria")
    await maria.send("/start")
    await maria.press("🧾 Фотоотчёты")
    await maria.press("Витрина · Ivan")
    await maria.press("📎 Показать файлы")
    assert telegram.calls_of("sendMediaGroup")[-1].params["chat_id"] == maria.user.id
    assert "❌ Отклонить" not in maria.buttons()
    olga = make_user(cast.owner.telegram_id, first_name="Olga")
    await olga.send("/start")
    await olga.press("🧾 Фотоотчёты")
    await olga.press("Витрина · Ivan")
    await olga.press("❌ Отклонить")
    await olga.send("Не видно ценников")
    await telegram.wait_for_message(olga.user.id, text_contains="Отчёт отклонён")

    async with session_factory() as session:
        told = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "task_proof_rejected")
        )
        assert told is not None and told.recipient_user_id == cast.employee.id
        assert [t.title for t in await unfinished_mandatory_tasks(session, shift_id)] == [
            "Витрина",
            "Сдать выручку",
        ]

    await ivan.send("/start")
    await ivan.press("📋 Задачи смены")
    assert "↩️ «Не видно ценников»" in ivan.text()
    assert "Осталось обязательных задач: 2" in ivan.text()
    await ivan.press("❗📷 Витрина")
    await feed_at_once(dispatcher, bot, photo_updates(ivan, clock, telegram, 1))
    await ivan.press("✅ Готово")

    assert "Выполнено 2 из 4" in ivan.text()
    # The rejection told to Ivan, then the new proof.
    assert await deliver_pending(notifier, session_factory) == [Outcome.SENT, Outcome.SENT]
    assert telegram.calls_of("sendPhoto")[-1].params["chat_id"] == REPORT_CHAT
    async with session_factory() as session:
        tasks = list(await session.scalars(select(ShiftTask).order_by(ShiftTask.id)))
        assert [t.status for t in tasks] == [
            ShiftTaskStatus.DONE,
            ShiftTaskStatus.DONE,
            ShiftTaskStatus.OPEN,
            ShiftTaskStatus.OPEN,
        ]
        assert [t.title for t in await unfinished_mandatory_tasks(session, shift_id)] == [
            "Сдать выручку"
        ]

    # Closing with "Сдать выручку" undone: warned with its fine, back to the checklist,
    # then closed anyway; the fine reaches the ledger.
    clock.advance(timedelta(hours=8))
    async with session_factory() as session:
        work_object = await session.get(WorkObject, cast.object_id)
        assert work_object is not None
        work_object.check_location_on_close = False
        await session.commit()
    await ivan.send("/start")
    await ivan.press("🔴 Закрыть смену")
    await ivan.press("🔴 Закрыть смену")
    assert "Не выполнены обязательные задачи: 1" in ivan.text()
    assert "❗ Сдать выручку — штраф 300,00" in ivan.text()
    assert "будет штраф: 300,00" in ivan.text()
    await ivan.press("📋 К задачам")
    assert "Осталось обязательных задач: 1" in ivan.text()
    await ivan.press("⬅️ Назад")
    assert "Не выполнены обязательные задачи: 1" in ivan.text()
    await ivan.press("🔴 Всё равно закрыть")
    assert "Смена закрыта" in ivan.text()

    async with session_factory() as session:
        shift = await session.get(Shift, shift_id)
        assert shift is not None and shift.status == ShiftStatus.CLOSED
        fines = list(
            await session.scalars(
                select(LedgerEntry).where(LedgerEntry.type == LedgerEntryType.TASK_FINE)
            )
        )
        assert [(f.user_id, f.amount) for f in fines] == [(cast.employee.id, Decimal("-300.00"))]
        bonuses = await session.scalar(
            select(func.count())
            .select_from(LedgerEntry)
            .where(LedgerEntry.type == LedgerEntryType.TASK_BONUS)
        )
        assert bonuses == 0  # "Полить цветы" was optional and left undone


@pytest.mark.parametrize("dispatcher", ["redis", "memory"], indirect=True)
async def test_an_album_proof_is_kept_in_redis_or_in_the_bots_memory(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    dispatcher: Dispatcher,
    bot: Bot,
) -> None:
    """The embedded default has no Redis: the photos of a proof are collected in the bot
    process's memory, under the same rules."""
    cast = await seed_media_cast(session_factory, clock)
    await add_task_templates(
        session_factory,
        cast.object_id,
        TaskTemplate(title="Витрина", mandatory=True, proof_required=True),
    )
    await open_shift_for(session_factory, cast, clock, report_chat_id=None)
    ivan = make_user(cast.employee.telegram_id, first_name="Ivan")
    await ivan.send("/start")
    await ivan.press("📋 Задачи смены")
    await ivan.press("❗📷 Витрина")
    assert "Получено: 0" in ivan.text()

    album = photo_updates(ivan, clock, telegram, 3)
    await feed_at_once(dispatcher, bot, album)
    await feed_at_once(dispatcher, bot, album[:1])  # Telegram delivered one twice
    assert "Получено: 3" in ivan.text()
    await ivan.press("✅ Готово")

    assert "Выполнено 1 из 1" in ivan.text()
    async with session_factory() as session:
        rows = list(await session.scalars(select(Media)))
        [task] = list(await session.scalars(select(ShiftTask)))
    assert sorted(row.telegram_file_unique_id for row in rows) == sorted(
        u.message.photo[-1].file_unique_id  # type: ignore[union-attr]
        for u in album
    )
    assert task.status == ShiftTaskStatus.DONE


async def test_a_proof_album_refused_with_429_is_posted_after_retry_after(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    dispatcher: Dispatcher,
    bot: Bot,
    settings: Settings,
    redis: Redis,
) -> None:
    cast = await seed_media_cast(session_factory, clock)
    await add_task_templates(
        session_factory, cast.object_id, TaskTemplate(title="Витрина", proof_required=True)
    )
    telegram.group(REPORT_CHAT, "Отчёты")
    await open_shift_for(session_factory, cast, clock, report_chat_id=REPORT_CHAT)
    telegram.fail_next("sendMediaGroup", error_code=429, retry_after=1, chat_id=REPORT_CHAT)
    ivan = make_user(cast.employee.telegram_id, first_name="Ivan")
    await ivan.send("/start")
    await ivan.press("📋 Задачи смены")
    await ivan.press("📷 Витрина")
    await feed_at_once(dispatcher, bot, photo_updates(ivan, clock, telegram, 2))
    await ivan.press("✅ Готово")

    notifier = make_notifier(settings, session_factory, bot, redis, clock)
    assert await deliver_pending(notifier, session_factory) == [Outcome.SENT]

    refused, posted = telegram.calls_of("sendMediaGroup")
    assert (refused.error_code, posted.error_code) == (429, None)
    assert posted.at - refused.at >= 0.95
    assert posted.params["chat_id"] == REPORT_CHAT
    assert "Витрина" in posted.params["media"][0]["caption"]
    assert len(telegram.chat_messages(REPORT_CHAT)) == 2  # the album's two photos, once


@pytest.mark.parametrize("dispatcher", ["redis", "memory"], indirect=True)
async def test_a_sixth_photo_is_refused_with_a_clear_message(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    dispatcher: Dispatcher,
    bot: Bot,
) -> None:
    cast = await seed_media_cast(session_factory, clock)
    await add_task_templates(
        session_factory, cast.object_id, TaskTemplate(title="Склад", proof_required=True)
    )
    await open_shift_for(session_factory, cast, clock, report_chat_id=None)
    ivan = make_user(cast.employee.telegram_id, first_name="Ivan")
    await ivan.send("/start")
    await ivan.press("📋 Задачи смены")
    await ivan.press("📷 Склад")

    await feed_at_once(dispatcher, bot, photo_updates(ivan, clock, telegram, 6))

    await telegram.wait_for_message(ivan.user.id, text_contains="Не больше 5 файлов")
    await ivan.send("/start")
    await ivan.press("📋 Задачи смены")
    await ivan.press("📷 Склад")
    assert "Получено: 0" in ivan.text()  # a new flow for a new attempt


async def test_no_open_shift_means_no_tasks(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    cast = await seed_media_cast(session_factory, clock)
    ivan = make_user(cast.employee.telegram_id, first_name="Ivan")
    await ivan.send("/start")

    assert "📋 Задачи смены" not in ivan.buttons()


async def test_a_task_link_opens_the_task_or_its_review_and_nothing_for_others(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    dispatcher: Dispatcher,
    bot: Bot,
    settings: Settings,
    redis: Redis,
) -> None:
    cast = await seed_media_cast(session_factory, clock)
    await add_task_templates(
        session_factory,
        cast.object_id,
        TaskTemplate(title="Витрина", mandatory=True, proof_required=True, fine=Decimal("150")),
    )
    telegram.group(REPORT_CHAT, "Отчёты")
    shift_id = await open_shift_for(session_factory, cast, clock, report_chat_id=REPORT_CHAT)
    async with session_factory() as session:
        shift = await session.get(Shift, shift_id)
        assert shift is not None
        [task] = await attach_tasks_to_shift(session, shift)
        await session.commit()
    ivan = make_user(cast.employee.telegram_id, first_name="Ivan")

    await ivan.send(f"/start task_{task.id}")
    assert "Витрина" in ivan.text() and "Штраф, если не выполнить: 150,00" in ivan.text()
    await ivan.press("📷 Отправить фото или видео")
    await feed_at_once(dispatcher, bot, photo_updates(ivan, clock, telegram, 1))
    await ivan.press("✅ Готово")
    await deliver_pending(
        make_notifier(settings, session_factory, bot, redis, clock), session_factory
    )
    caption = telegram.calls_of("sendPhoto")[-1].params["caption"]
    username = (await bot.me()).username
    assert f'href="https://t.me/{username}?start=task_{task.id}"' in caption

    maria = make_user(cast.viewing_manager.telegram_id, first_name="Maria")
    await maria.send(f"/start task_{task.id}")
    assert "Витрина" in maria.text() and "Ivan" in maria.text()
    assert "📎 Показать файлы" in maria.buttons()
    olga = make_user(cast.owner.telegram_id, first_name="Olga")
    await olga.send(f"/start task_{task.id}")
    assert "❌ Отклонить" in olga.buttons()

    for stranger, payload in (
        (make_user(cast.stranger_owner.telegram_id, first_name="Nina"), f"task_{task.id}"),
        (make_user(cast.blind_manager.telegram_id, first_name="Petr"), f"task_{task.id}"),
        (ivan, "task_x1"),
        (ivan, "task_999999"),
    ):
        calls = len(telegram.calls)
        await stranger.send(f"/start {payload}")
        await telegram.wait_for_message(
            stranger.user.id, text_contains="не найдена или недоступна", after_call=calls
        )
        assert stranger.screen().reply_markup is not None  # the menu follows
