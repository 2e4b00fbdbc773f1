"""Planning through the real Dispatcher: owners create slots with the calendar and the
time picker, apply templates, assign; employees book and cancel; owners decide on
cancellation documents. The clock stands at Monday 2 March 2026, 12:00 in Moscow."""

import random
import re
from datetime import date, time
from decimal import Decimal

from sqlalchemy import func, select

from services.media_orchestrator import media_orchestrator_for
from services.payroll.rules import chargeable_fine
from services.planning.bookings import assign_employee, book_slot
from services.planning.cancellations import add_cancellation_reason, cancellation_reasons
from services.planning.settings import planning_settings, set_cancellation_fine
from services.platform.db.models import (
    CancellationApproval,
    Media,
    MediaContext,
    OutboxMessage,
    PlannedShift,
    PlannedShiftStatus,
    ShiftCancellation,
    TaskTemplate,
    TimeSlot,
)
from tests.dialogs.conftest import UserFactory
from tests.support.media import cancel_with_document
from tests.support.planning import World, make_employee, make_slot, make_world

OWNER_ID = 7001
IVAN_ID = 7002


async def _world(session_factory, clock, **kwargs) -> World:
    async with session_factory() as session:
        world = await make_world(session, clock, owner_telegram_id=OWNER_ID, **kwargs)
        await session.commit()
    return world


async def _employee(session_factory, world: World, telegram_id: int = IVAN_ID, name="Ivan"):
    async with session_factory() as session:
        user, membership = await make_employee(
            session,
            world.organization,
            [world.work_object],
            telegram_id=telegram_id,
            first_name=name,
        )
        await session.commit()
    return user, membership


async def _slot(session_factory, clock, world, day=date(2026, 3, 3), start=time(9), end=time(18)):
    async with session_factory() as session:
        slot = await make_slot(
            session, clock, world.owner, world.work_object, day=day, start=start, end=end
        )
        await session.commit()
    return slot


async def _open_object(owner) -> None:
    await owner.send("/start")
    await owner.press("📅 Планирование")
    await owner.press("Кофейня")


async def _pick_time(user, hour: str, minute: str) -> None:
    await user.press(hour)
    await user.press(minute)


async def test_owner_creates_a_slot_with_calendar_and_time_picker(
    make_user: UserFactory, session_factory, clock
) -> None:
    await _world(session_factory, clock)
    owner = make_user(OWNER_ID, first_name="Olga")
    await _open_object(owner)
    await owner.press("➕ Новый слот")

    assert "Выберите дату слота" in owner.text()
    assert "01" not in owner.buttons()  # before today where the object is
    await owner.press("05")
    assert "Начало смены" in owner.text()
    await owner.press("09")
    assert "[09]" in owner.buttons()
    await owner.press(":30")
    assert "Конец смены" in owner.text()
    await _pick_time(owner, "18", ":00")
    assert "Сколько сотрудников нужно?" in owner.text()
    await owner.press("2")

    assert "✅ Слот создан" in owner.text()
    assert "09:30–18:00" in owner.text()
    async with session_factory() as session:
        slot = await session.scalar(select(TimeSlot))
    assert slot is not None
    assert (slot.local_date, slot.start_time, slot.end_time) == (
        date(2026, 3, 5),
        time(9, 30),
        time(18),
    )
    assert slot.starts_at.isoformat() == "2026-03-05T06:30:00+00:00"
    assert slot.max_employees == 2


async def test_night_slot_crosses_midnight(make_user: UserFactory, session_factory, clock) -> None:
    await _world(session_factory, clock, timezone="Asia/Vladivostok")
    owner = make_user(OWNER_ID)
    await _open_object(owner)
    await owner.press("➕ Новый слот")
    await owner.press("06")
    await _pick_time(owner, "22", ":00")
    await _pick_time(owner, "06", ":00")

    assert "🌙 До следующего дня." in owner.text()
    await owner.press("1")

    assert "22:00–06:00" in owner.text()
    async with session_factory() as session:
        slot = await session.scalar(select(TimeSlot))
    assert slot is not None
    assert slot.starts_at.isoformat() == "2026-03-06T12:00:00+00:00"
    assert slot.ends_at.isoformat() == "2026-03-06T20:00:00+00:00"


async def test_same_slot_twice_is_refused_and_the_dialog_stays(
    make_user: UserFactory, session_factory, clock, telegram
) -> None:
    world = await _world(session_factory, clock)
    await _slot(session_factory, clock, world, day=date(2026, 3, 5))
    owner = make_user(OWNER_ID)
    await _open_object(owner)
    await owner.press("➕ Новый слот")
    await owner.press("05")
    await _pick_time(owner, "09", ":00")
    await _pick_time(owner, "18", ":00")
    await owner.press("1")

    assert telegram.last_message(OWNER_ID)["text"] == "Такой слот уже есть."
    assert "Сколько сотрудников нужно?" in owner.text()


async def test_template_applied_twice_never_duplicates(
    make_user: UserFactory, session_factory, clock
) -> None:
    await _world(session_factory, clock)
    owner = make_user(OWNER_ID)
    await _open_object(owner)
    await owner.press("🗓 Шаблоны")
    await owner.press("➕ Новый шаблон")
    await owner.send("Будни")
    assert "Будни" in owner.text()
    await owner.press("➕ Добавить смену")
    await owner.press("Пн")
    await _pick_time(owner, "09", ":00")
    await _pick_time(owner, "18", ":00")
    await owner.press("2")
    assert "Смена добавлена в шаблон" in owner.text()
    assert "Пн 09:00–18:00 · мест: 2" in owner.text()
    await owner.press("➕ Добавить смену")
    await owner.press("Вт")
    await _pick_time(owner, "10", ":00")
    await _pick_time(owner, "12", ":00")
    await owner.press("1")
    await owner.press("🗑 Вт 10:00–12:00 · мест: 1")
    assert "Смена убрана из шаблона." in owner.text()
    assert "Вт 10:00" not in owner.text()

    for expected in ("Создано слотов: 2, пропущено", "Создано слотов: 0, пропущено"):
        await owner.press("▶️ Применить к датам")
        await owner.press("02")  # today: its 09:00 has passed, so it is skipped
        await owner.press("16")
        assert expected in owner.text()

    async with session_factory() as session:
        dates = list(
            await session.scalars(select(TimeSlot.local_date).order_by(TimeSlot.local_date))
        )
    assert dates == [date(2026, 3, 9), date(2026, 3, 16)]


async def test_owner_assigns_and_unassigns_an_employee(
    make_user: UserFactory, session_factory, clock
) -> None:
    world = await _world(session_factory, clock)
    await _employee(session_factory, world)
    await _slot(session_factory, clock, world)
    owner = make_user(OWNER_ID)
    await _open_object(owner)
    await owner.press("📋 Расписание")
    await owner.press("03")
    assert "09:00–18:00 · 0/1 · никого" in owner.text()
    await owner.press("09:00–18:00 · 0/1")
    await owner.press("👤 Назначить")
    await owner.press("Ivan")

    assert "Ivan: назначено." in owner.text()
    assert "👤 Ivan" in owner.text()
    assert "👤 Назначить" not in owner.buttons()  # the only place is taken

    await owner.press("➖ Снять сотрудника")
    await owner.press("Ivan")
    await owner.send("Заболел напарник, смена отменяется")

    assert "Ivan: снято со смены." in owner.text()
    async with session_factory() as session:
        kinds = list(await session.scalars(select(OutboxMessage.kind).order_by(OutboxMessage.id)))
        cancellation = await session.scalar(select(ShiftCancellation))
    assert kinds == ["shift-assigned", "shift-unassigned"]
    assert cancellation is not None and cancellation.fine_amount is None
    assert cancellation.comment == "Заболел напарник, смена отменяется"


async def test_owner_moves_an_employee_to_another_shift_of_another_day(
    make_user: UserFactory, session_factory, clock, telegram
) -> None:
    world = await _world(session_factory, clock)
    _, ivan = await _employee(session_factory, world)
    _, maria = await _employee(session_factory, world, telegram_id=7003, name="Maria")
    tuesday = await _slot(session_factory, clock, world)
    wednesday = date(2026, 3, 4)
    morning = await _slot(
        session_factory, clock, world, day=wednesday, start=time(10), end=time(16)
    )
    evening = await _slot(
        session_factory, clock, world, day=wednesday, start=time(17), end=time(21)
    )
    async with session_factory() as session:
        for slot, membership in ((tuesday, ivan), (morning, maria)):
            await assign_employee(
                session, clock, user_id=world.owner.id, slot_id=slot.id, membership_id=membership.id
            )
        await session.commit()
    owner = make_user(OWNER_ID)
    await _open_object(owner)
    await owner.press("📋 Расписание")
    await owner.press("03")
    await owner.press("09:00–18:00 · 1/1")
    await owner.press("🔁 Перенести сотрудника")
    await owner.press("Ivan")
    assert "На какой день перенести Ivan?" in owner.text()
    await owner.press("05")
    assert "нет других смен" in owner.text()
    await owner.press("📅 Другой день")
    await owner.press("04")
    assert owner.buttons()[:2] == ["10:00–16:00 · 1/1", "17:00–21:00 · 0/1"]

    await owner.press("10:00–16:00 · 1/1")
    assert telegram.last_message(OWNER_ID)["text"] == "Мест на эту смену больше нет (1/1)."
    await owner.press("17:00–21:00 · 0/1")

    assert "Ivan: перенесено на другую смену." in owner.text()
    assert "Занято мест: 0/1" in owner.text()  # back on Tuesday's slot, now empty
    async with session_factory() as session:
        placed = await session.scalar(
            select(PlannedShift.slot_id).where(
                PlannedShift.membership_id == ivan.id,
                PlannedShift.status == PlannedShiftStatus.PLANNED,
            )
        )
        kinds = list(await session.scalars(select(OutboxMessage.kind).order_by(OutboxMessage.id)))
    assert placed == evening.id
    assert kinds[-1] == "shift-moved"


async def test_planner_gives_a_slot_its_own_tasks_and_drops_the_objects(
    make_user: UserFactory, session_factory, clock
) -> None:
    world = await _world(session_factory, clock)
    slot = await _slot(session_factory, clock, world)
    async with session_factory() as session:
        session.add(TaskTemplate(object_id=world.work_object.id, title="Открыть кассу"))
        await session.commit()
    owner = make_user(OWNER_ID)
    await _open_object(owner)
    await owner.press("📋 Расписание")
    await owner.press("03")
    await owner.press("09:00–18:00 · 0/1")
    await owner.press("📋 Задачи этого слота")

    assert "Своих задач у слота пока нет." in owner.text()
    assert "Задачи объекта (1) тоже будут в сменах этого слота." in owner.text()
    await owner.press("➕ Добавить задачу")
    await owner.send("Принять поставку")
    await owner.press("⬜ Обязательная")
    await owner.press("💾 Сохранить")
    assert owner.buttons()[0] == "❗ Принять поставку"
    await owner.press("⬜ Без задач объекта")
    assert "Задачи объекта (1) в сменах этого слота не появятся." in owner.text()
    assert "✅ Без задач объекта" in owner.buttons()
    await owner.press("⬅️ Назад")
    assert "09:00–18:00" in owner.text() and "📋 Задачи этого слота" in owner.buttons()

    async with session_factory() as session:
        own = list(
            await session.scalars(select(TaskTemplate).where(TaskTemplate.slot_id.is_not(None)))
        )
        stored = await session.get(TimeSlot, slot.id)
    assert [(t.title, t.mandatory, t.slot_id) for t in own] == [("Принять поставку", True, slot.id)]
    assert stored is not None and stored.ignore_object_tasks


async def test_employee_books_a_free_slot(make_user: UserFactory, session_factory, clock) -> None:
    world = await _world(session_factory, clock)
    ivan_user, _ = await _employee(session_factory, world)
    slot = await _slot(session_factory, clock, world)
    ivan = make_user(IVAN_ID, first_name="Ivan")
    await ivan.send("/start")
    await ivan.press("📅 Моё расписание")
    assert "Смен пока нет." in ivan.text()
    await ivan.press("➕ Записаться на смену")

    [label] = [b for b in ivan.buttons() if "Кофейня" in b]
    assert label.endswith("09:00–18:00 · Кофейня · 0/1")
    await ivan.press(re.escape(label))

    assert "✅ Вы записаны" in ivan.text()
    assert "Свободных смен сейчас нет." in ivan.text()
    async with session_factory() as session:
        planned = await session.scalar(select(PlannedShift))
        owner_told = await session.scalar(
            select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == "shift-booked")
        )
    assert planned is not None and (planned.slot_id, planned.user_id) == (slot.id, ivan_user.id)
    assert owner_told == 1

    await ivan.press("⬅️ Назад")
    assert "09:00–18:00 · Кофейня" in ivan.text()


async def test_back_returns_to_a_screen_opened_in_the_same_second(
    make_user: UserFactory, session_factory, clock
) -> None:
    """The schedule and the booking dialog above it are opened within one second with the
    same random draw: aiogram-dialog's own names for them would then be the same, and
    closing the booking would delete the schedule below it (bot.dialog_ids)."""
    world = await _world(session_factory, clock)
    await _employee(session_factory, world)
    ivan = make_user(IVAN_ID, first_name="Ivan")
    await ivan.send("/start")
    random.seed(2026)
    await ivan.press("📅 Моё расписание")
    random.seed(2026)
    await ivan.press("➕ Записаться на смену")
    assert "Свободных смен сейчас нет." in ivan.text()

    await ivan.press("⬅️ Назад")

    assert "Смен пока нет." in ivan.text()
    assert "➕ Записаться на смену" in ivan.buttons()


async def _cancellation_world(session_factory, clock):
    world = await _world(session_factory, clock)
    ivan_user, _ = await _employee(session_factory, world)
    async with session_factory() as session:
        await set_cancellation_fine(
            session, user_id=world.owner.id, organization_id=world.organization.id, amount="500"
        )
        for title, needs_document in (("Болезнь", True), ("Планы", False)):
            await add_cancellation_reason(
                session,
                user_id=world.owner.id,
                organization_id=world.organization.id,
                title=title,
                needs_document=needs_document,
            )
        await session.commit()
    soon = await _slot(session_factory, clock, world)  # 21 hours ahead: short notice
    later = await _slot(session_factory, clock, world, day=date(2026, 3, 10))
    async with session_factory() as session:
        for slot in (soon, later):
            await book_slot(session, clock, user_id=ivan_user.id, slot_id=slot.id)
        await session.commit()
    return world, ivan_user


async def _start_cancel(ivan, shift_day: str) -> None:
    await ivan.send("/start")
    await ivan.press("📅 Моё расписание")
    await ivan.press("✖️ Отменить смену")
    [label] = [b for b in ivan.buttons() if shift_day in b]
    await ivan.press(re.escape(label))


async def _cancellation_of(session_factory, local_date: date) -> ShiftCancellation | None:
    async with session_factory() as session:
        return await session.scalar(
            select(ShiftCancellation)
            .join(PlannedShift, PlannedShift.id == ShiftCancellation.planned_shift_id)
            .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
            .where(TimeSlot.local_date == local_date)
        )


async def test_short_notice_cancellation_records_a_fine(
    make_user: UserFactory, session_factory, clock
) -> None:
    await _cancellation_world(session_factory, clock)
    ivan = make_user(IVAN_ID, first_name="Ivan")
    await _start_cancel(ivan, "3 мар")
    assert "Почему вы отменяете смену" in ivan.text()
    await ivan.press("Планы")

    assert "⚠️ До начала меньше 24 ч: будет штраф 500,00" in ivan.text()
    await ivan.press("✖️ Да, отменить")

    assert "Штраф за позднюю отмену: 500,00" in ivan.text()
    cancellation = await _cancellation_of(session_factory, date(2026, 3, 3))
    assert cancellation is not None
    assert (cancellation.short_notice, cancellation.fine_amount) == (True, Decimal("500.00"))
    assert cancellation.approval_status == CancellationApproval.NOT_NEEDED


async def test_early_cancellation_has_no_fine(
    make_user: UserFactory, session_factory, clock
) -> None:
    await _cancellation_world(session_factory, clock)
    ivan = make_user(IVAN_ID, first_name="Ivan")
    await _start_cancel(ivan, "10 мар")
    await ivan.press("Планы")

    assert "штраф" not in ivan.text()
    await ivan.press("✖️ Да, отменить")

    assert "Смена отменена." in ivan.text()
    cancellation = await _cancellation_of(session_factory, date(2026, 3, 10))
    assert cancellation is not None
    assert (cancellation.short_notice, cancellation.fine_amount) == (False, None)
    async with session_factory() as session:
        status = await session.scalar(
            select(PlannedShift.status).where(PlannedShift.id == cancellation.planned_shift_id)
        )
    assert status == PlannedShiftStatus.CANCELLED


async def test_cancellation_with_a_document_goes_for_approval(
    make_user: UserFactory, session_factory, clock
) -> None:
    await _cancellation_world(session_factory, clock)
    ivan = make_user(IVAN_ID, first_name="Ivan")
    await _start_cancel(ivan, "3 мар")
    await ivan.press("Болезнь 📎")

    assert "требует документ" in ivan.text()
    assert "✅ Готово" not in ivan.buttons()
    await ivan.send("вот справка")
    assert "Получено фото: 0" in ivan.text()
    first = await ivan.send_photo()
    second = await ivan.send_photo()
    assert "Получено фото: 2" in ivan.text()
    await ivan.press("✅ Готово")
    assert "если его одобрят, штрафа не будет" in ivan.text()
    await ivan.press("✖️ Да, отменить")

    assert "документ отправлен руководителю на согласование" in ivan.text()
    cancellation = await _cancellation_of(session_factory, date(2026, 3, 3))
    assert cancellation is not None
    assert cancellation.approval_status == CancellationApproval.PENDING
    assert cancellation.fine_amount == Decimal("500.00")
    async with session_factory() as session:
        kinds = list(await session.scalars(select(OutboxMessage.kind)))
        documents = list(
            await session.scalars(
                select(Media)
                .where(Media.flow_id == cancellation.document_flow_id)
                .order_by(Media.position)
            )
        )
    assert "cancellation-needs-approval" in kinds
    assert [(d.key, d.context, d.context_id) for d in documents] == [
        (first, MediaContext.CANCELLATION_DOCUMENT, cancellation.planned_shift_id),
        (second, MediaContext.CANCELLATION_DOCUMENT, cancellation.planned_shift_id),
    ]


async def test_a_document_must_be_a_photo_and_at_most_five(
    make_user: UserFactory, session_factory, clock, telegram
) -> None:
    await _cancellation_world(session_factory, clock)
    ivan = make_user(IVAN_ID, first_name="Ivan")
    await _start_cancel(ivan, "3 мар")
    await ivan.press("Болезнь 📎")

    await ivan.send_video()
    await telegram.wait_for_message(ivan.user.id, text_contains="Нужна фотография документа")
    for _ in range(6):
        await ivan.send_photo()
    await telegram.wait_for_message(ivan.user.id, text_contains="Не больше 5 файлов")
    assert "Получено фото: 5" in ivan.text()


async def _pending_cancellations(session_factory, clock, orchestrator, world, ivan_user, file_ids):
    async with session_factory() as session:
        sick = next(
            r
            for r in await cancellation_reasons(session, world.organization.id)
            if r.needs_document
        )
        planned = list(
            await session.scalars(select(PlannedShift.id).order_by(PlannedShift.starts_at))
        )
        for planned_shift_id, file_id in zip(planned, file_ids, strict=True):
            await cancel_with_document(
                session,
                clock,
                orchestrator,
                user_id=ivan_user.id,
                planned_shift_id=planned_shift_id,
                reason_id=sick.id,
                file_ids=[file_id],
            )
        await session.commit()


async def test_owner_approves_and_refuses_documents(
    make_user: UserFactory, session_factory, clock, telegram, settings, redis
) -> None:
    world, ivan_user = await _cancellation_world(session_factory, clock)
    photo = telegram.add_file(b"\xff\xd8 a photo of a doctor's note")
    orchestrator = media_orchestrator_for(settings, redis)
    await _pending_cancellations(
        session_factory, clock, orchestrator, world, ivan_user, [photo, "photo-x"]
    )
    owner = make_user(OWNER_ID)
    await owner.send("/start")
    await owner.press("📅 Планирование")
    await owner.press("📎 Согласования: 2")
    [soon_label, later_label] = [b for b in owner.buttons() if b.startswith("Ivan")]

    await owner.press(re.escape(soon_label))
    assert "Причина: Болезнь" in owner.text()
    assert "Штраф, если отказать: 500,00" in owner.text()
    await owner.press("🖼 Показать документы")
    [shown] = telegram.calls_of("sendPhoto")
    assert (shown.params["chat_id"], shown.params["photo"]) == (OWNER_ID, photo)
    assert "Документ к отмене смены: Ivan" in shown.params["caption"]
    await owner.press("✅ Одобрить")
    assert "Отмена одобрена, штраф снят." in owner.text()

    await owner.press(re.escape(later_label))
    await owner.press("❌ Отказать")
    assert "В отмене отказано" in owner.text()
    assert "Ничего не ждёт решения." in owner.text()

    soon = await _cancellation_of(session_factory, date(2026, 3, 3))
    later = await _cancellation_of(session_factory, date(2026, 3, 10))
    assert soon is not None and later is not None
    assert soon.approval_status == CancellationApproval.APPROVED
    assert chargeable_fine(soon) == Decimal("0.00")
    assert later.approval_status == CancellationApproval.REFUSED
    async with session_factory() as session:
        kinds = list(await session.scalars(select(OutboxMessage.kind)))
    assert {"cancellation-approved", "cancellation-refused"} <= set(kinds)


async def test_owner_manages_reasons_and_fine(
    make_user: UserFactory, session_factory, clock
) -> None:
    world = await _world(session_factory, clock)
    owner = make_user(OWNER_ID)
    await owner.send("/start")
    await owner.press("📅 Планирование")
    await owner.press("❗ Причины отмены")
    assert "Список пуст" in owner.text()
    await owner.press("➕ Добавить причину")
    await owner.send("Болезнь")
    await owner.press("📎 Да, нужен документ")
    assert "• Болезнь — нужен документ" in owner.text()
    await owner.press("💰 Изменить штраф")
    await owner.send("сто")
    assert "Напишите сумму" in owner.text()
    await owner.send("750")

    assert "Штраф сохранён" in owner.text()
    assert "750,00" in owner.text()
    async with session_factory() as session:
        settings = await planning_settings(session, world.organization.id)
    assert settings.cancellation_fine == Decimal("750.00")
