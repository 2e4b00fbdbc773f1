"""Open shifts, give-aways and swaps through the real Dispatcher: employees take open
places, give shifts away, propose, accept and decline swaps; planners approve and refuse
where the object wants it; offers lapse at the deadline on the injected clock. The clock
stands at Monday 2 March 2026, 12:00 in Moscow."""

import re
from datetime import date, time, timedelta

from sqlalchemy import select

from services.exchange.jobs import announce_open_places_job, lapse_exchanges_job
from services.platform.clock import ManualClock
from services.platform.db.models import (
    ExchangeStatus,
    OutboxMessage,
    PlannedShift,
    ShiftOffer,
    ShiftSwap,
    WorkObject,
)
from services.platform.scheduler import JobContext
from tests.dialogs.conftest import UserFactory
from tests.support.planning import World, make_employee, make_planned_shift, make_slot, make_world

OWNER_ID = 7101
ANNA_ID = 7102
BORIS_ID = 7103
TUESDAY = date(2026, 3, 3)
THURSDAY = date(2026, 3, 5)


async def _world(session_factory, clock, *, needs_approval: bool = False) -> tuple[World, dict]:
    async with session_factory() as session:
        world = await make_world(session, clock, owner_telegram_id=OWNER_ID)
        world.work_object.exchange_needs_approval = needs_approval
        people = {}
        for telegram_id, name in ((ANNA_ID, "Anna"), (BORIS_ID, "Boris")):
            user, _ = await make_employee(
                session,
                world.organization,
                [world.work_object],
                telegram_id=telegram_id,
                first_name=name,
            )
            people[name] = user
        await session.commit()
    return world, people


async def _slot(session_factory, clock, world, day=TUESDAY, start=time(9), end=time(18)):
    async with session_factory() as session:
        slot = await make_slot(
            session, clock, world.owner, world.work_object, day=day, start=start, end=end
        )
        await session.commit()
    return slot


async def _planned(session_factory, clock, world, user, day=TUESDAY) -> PlannedShift:
    async with session_factory() as session:
        planned_shift = await make_planned_shift(session, clock, world, user, day=day)
        await session.commit()
    return planned_shift


async def _holder(session_factory, planned_shift_id: int) -> int:
    async with session_factory() as session:
        planned_shift = await session.get(PlannedShift, planned_shift_id)
        assert planned_shift is not None
        return planned_shift.user_id


async def _outbox(session_factory, kind: str) -> list[OutboxMessage]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
            )
        )


async def _press_containing(user, fragment: str) -> None:
    [label] = [b for b in user.buttons() if fragment in b]
    await user.press(re.escape(label))


async def _run(session_factory, settings, clock, job) -> int:
    async with session_factory() as session, session.begin():
        return await job(JobContext(session, clock.now(), settings))


async def test_employee_takes_an_open_place(make_user: UserFactory, session_factory, clock):
    world, people = await _world(session_factory, clock)
    slot = await _slot(session_factory, clock, world)
    anna = make_user(ANNA_ID, first_name="Anna")
    await anna.send("/start")
    await anna.press("🆓 Свободные смены")
    assert "Свободные смены" in anna.text()

    await _press_containing(anna, "09:00–18:00 · Кофейня · 0/1")

    assert "✅ Вы записаны" in anna.text()
    assert "Свободных смен сейчас нет." in anna.text()
    async with session_factory() as session:
        planned = await session.scalar(select(PlannedShift).where(PlannedShift.slot_id == slot.id))
    assert planned is not None and planned.user_id == people["Anna"].id
    assert len(await _outbox(session_factory, "shift-booked")) == 1


async def test_open_place_needing_approval_is_approved_by_the_owner(
    make_user: UserFactory, session_factory, clock
):
    world, people = await _world(session_factory, clock, needs_approval=True)
    slot = await _slot(session_factory, clock, world)
    anna = make_user(ANNA_ID, first_name="Anna")
    await anna.send("/start")
    await anna.press("🆓 Свободные смены")
    await _press_containing(anna, "0/1 🔒")
    assert "📨 Запрос отправлен руководителю" in anna.text()
    assert "Свободных смен сейчас нет." in anna.text()  # asked for: not offered again

    [needed] = await _outbox(session_factory, "exchange_approval_needed")
    assert needed.recipient_user_id == world.owner.id
    assert needed.payload["buttons"][0]["start_payload"] == "decisions"

    owner = make_user(OWNER_ID, first_name="Olga")
    await owner.send("/start decisions")
    assert "Согласования" in owner.text()
    await _press_containing(owner, "🙋 Anna")
    assert "Anna</b> хочет взять свободную смену" in owner.text()
    await owner.press("✅ Одобрить")

    assert "✅ Одобрено" in owner.text()
    assert "Ничего не ждёт решения." in owner.text()
    async with session_factory() as session:
        planned = await session.scalar(select(PlannedShift).where(PlannedShift.slot_id == slot.id))
    assert planned is not None and planned.user_id == people["Anna"].id
    [decided] = await _outbox(session_factory, "exchange_decided")
    assert decided.recipient_user_id == people["Anna"].id
    assert decided.payload["approved"] == "yes"


async def test_employee_gives_a_shift_away_and_a_colleague_takes_it(
    make_user: UserFactory, session_factory, clock
):
    world, people = await _world(session_factory, clock)
    given = await _planned(session_factory, clock, world, people["Anna"])
    anna = make_user(ANNA_ID, first_name="Anna")
    await anna.send("/start")
    await anna.press("📅 Моё расписание")
    await anna.press("🤝 Отдать смену")
    await _press_containing(anna, "09:00–18:00")
    assert "Пока её не возьмут, смена остаётся за вами" in anna.text()
    await anna.press("🤝 Отдать")
    assert "Смена предложена коллегам" in anna.text()
    assert any(b.startswith("↩️") for b in anna.buttons())

    boris = make_user(BORIS_ID, first_name="Boris")
    await boris.send("/start")
    await boris.press("🆓 Свободные смены")
    await _press_containing(boris, "от Anna")

    assert "✅ Вы записаны" in boris.text()
    assert await _holder(session_factory, given.id) == people["Boris"].id
    [taken] = await _outbox(session_factory, "offer_taken")
    assert taken.recipient_user_id == people["Anna"].id and taken.payload["pending"] == "no"
    async with session_factory() as session:
        offer = await session.scalar(select(ShiftOffer))
    assert offer is not None and offer.status == ExchangeStatus.DONE


async def test_a_give_away_waits_for_approval_and_the_offerer_stays_responsible(
    make_user: UserFactory, session_factory, clock
):
    world, people = await _world(session_factory, clock, needs_approval=True)
    given = await _planned(session_factory, clock, world, people["Anna"])
    anna = make_user(ANNA_ID, first_name="Anna")
    await anna.send("/start")
    await anna.press("📅 Моё расписание")
    await anna.press("🤝 Отдать смену")
    await _press_containing(anna, "09:00–18:00")
    await anna.press("🤝 Отдать")

    boris = make_user(BORIS_ID, first_name="Boris")
    await boris.send("/start")
    await boris.press("🆓 Свободные смены")
    await _press_containing(boris, "от Anna")
    assert "Запрос отправлен руководителю" in boris.text()
    assert await _holder(session_factory, given.id) == people["Anna"].id

    owner = make_user(OWNER_ID, first_name="Olga")
    await owner.send("/start")
    await owner.press("📅 Планирование")
    await owner.press("📎 Согласования: 1")
    await _press_containing(owner, "🤝 Boris")
    assert "берёт смену, которую отдаёт Anna" in owner.text()
    await owner.press("✅ Одобрить")

    assert await _holder(session_factory, given.id) == people["Boris"].id
    decided = await _outbox(session_factory, "exchange_decided")
    assert {m.recipient_user_id for m in decided} == {people["Anna"].id, people["Boris"].id}


async def _propose_swap(make_user, session_factory, clock, world, people):
    anna_shift = await _planned(session_factory, clock, world, people["Anna"])
    boris_shift = await _planned(session_factory, clock, world, people["Boris"], day=THURSDAY)
    anna = make_user(ANNA_ID, first_name="Anna")
    await anna.send("/start")
    await anna.press("📅 Моё расписание")
    await anna.press("🔄 Предложить обмен")
    await _press_containing(anna, "3 мар")
    await _press_containing(anna, "Boris")
    assert "Вы получаете:" in anna.text() and "5 мар" in anna.text()
    await anna.press("🔄 Предложить")
    assert "📨 Предложение отправлено: Boris." in anna.text()
    [proposed] = await _outbox(session_factory, "swap_proposed")
    assert proposed.recipient_user_id == people["Boris"].id
    return anna_shift, boris_shift, proposed.payload["buttons"][0]["start_payload"]


async def test_swap_proposed_and_accepted(make_user: UserFactory, session_factory, clock):
    world, people = await _world(session_factory, clock)
    anna_shift, boris_shift, link = await _propose_swap(
        make_user, session_factory, clock, world, people
    )
    boris = make_user(BORIS_ID, first_name="Boris")
    await boris.send(f"/start {link}")
    assert "Anna предлагает обмен" in boris.text()
    await boris.press("✅ Принять")

    assert "✅ Обмен состоялся" in boris.text()
    assert await _holder(session_factory, anna_shift.id) == people["Boris"].id
    assert await _holder(session_factory, boris_shift.id) == people["Anna"].id
    [answered] = await _outbox(session_factory, "swap_answered")
    assert answered.recipient_user_id == people["Anna"].id
    assert answered.payload["answer"] == "done"


async def test_swap_declined(make_user: UserFactory, session_factory, clock):
    world, people = await _world(session_factory, clock)
    anna_shift, boris_shift, _ = await _propose_swap(
        make_user, session_factory, clock, world, people
    )
    boris = make_user(BORIS_ID, first_name="Boris")
    await boris.send("/start")
    await boris.press("🆓 Свободные смены")
    await boris.press("📨 Предложения обмена: 1")
    await _press_containing(boris, "Anna")
    await boris.press("❌ Отклонить")

    assert "Вы отклонили предложение." in boris.text()
    assert "Предложений нет." in boris.text()
    assert await _holder(session_factory, anna_shift.id) == people["Anna"].id
    assert await _holder(session_factory, boris_shift.id) == people["Boris"].id
    [answered] = await _outbox(session_factory, "swap_answered")
    assert answered.payload["answer"] == "declined"


async def test_swap_refused_by_the_owner_with_a_comment(
    make_user: UserFactory, session_factory, clock
):
    world, people = await _world(session_factory, clock, needs_approval=True)
    anna_shift, boris_shift, link = await _propose_swap(
        make_user, session_factory, clock, world, people
    )
    boris = make_user(BORIS_ID, first_name="Boris")
    await boris.send(f"/start {link}")
    await boris.press("✅ Принять")
    assert "Обмен ждёт одобрения руководителя" in boris.text()

    owner = make_user(OWNER_ID, first_name="Olga")
    await owner.send("/start")
    await owner.press("📅 Планирование")
    await owner.press("📎 Согласования: 1")
    await _press_containing(owner, "🔄 Anna")
    assert "меняются сменами" in owner.text() and "⇄" in owner.text()
    await owner.press("❌ Отказать")
    await owner.send("В четверг нужен опытный бариста")

    assert "❌ Отказано" in owner.text()
    assert await _holder(session_factory, anna_shift.id) == people["Anna"].id
    assert await _holder(session_factory, boris_shift.id) == people["Boris"].id
    decided = await _outbox(session_factory, "exchange_decided")
    assert {m.recipient_user_id for m in decided} == {people["Anna"].id, people["Boris"].id}
    assert all(m.payload["comment"] == "В четверг нужен опытный бариста" for m in decided)
    async with session_factory() as session:
        swap = await session.scalar(select(ShiftSwap))
    assert swap is not None and swap.status == ExchangeStatus.REFUSED
    assert swap.decision_comment == "В четверг нужен опытный бариста"


async def test_give_away_lapses_at_the_deadline(
    make_user: UserFactory, session_factory, clock: ManualClock, settings
):
    world, people = await _world(session_factory, clock)
    given = await _planned(session_factory, clock, world, people["Anna"])
    anna = make_user(ANNA_ID, first_name="Anna")
    await anna.send("/start")
    await anna.press("📅 Моё расписание")
    await anna.press("🤝 Отдать смену")
    await _press_containing(anna, "09:00–18:00")
    await anna.press("🤝 Отдать")

    # 06:59 in Moscow, 2 h 1 min before the start: not yet.
    clock.set(given.starts_at - timedelta(hours=2, minutes=1))
    assert await _run(session_factory, settings, clock, lapse_exchanges_job) == 0
    clock.advance(timedelta(minutes=1))
    assert await _run(session_factory, settings, clock, lapse_exchanges_job) == 1
    assert await _run(session_factory, settings, clock, lapse_exchanges_job) == 0

    [lapsed] = await _outbox(session_factory, "exchange_lapsed")
    assert lapsed.recipient_user_id == people["Anna"].id
    assert lapsed.payload["what"] == "offer"
    assert await _holder(session_factory, given.id) == people["Anna"].id
    boris = make_user(BORIS_ID, first_name="Boris")
    await boris.send("/start")
    await boris.press("🆓 Свободные смены")
    assert "Свободных смен сейчас нет." in boris.text()


async def test_new_open_places_are_announced_once_in_one_message(
    session_factory, clock: ManualClock, settings
):
    world, people = await _world(session_factory, clock)
    for day in (TUESDAY, THURSDAY):
        await _slot(session_factory, clock, world, day=day)

    assert await _run(session_factory, settings, clock, announce_open_places_job) == 2
    assert await _run(session_factory, settings, clock, announce_open_places_job) == 0
    messages = await _outbox(session_factory, "open_places")
    assert {m.recipient_user_id for m in messages} == {people["Anna"].id, people["Boris"].id}
    assert messages[0].payload["count"] == 2
    assert "03.03.2026 09:00–18:00 · Кофейня" in messages[0].payload["lines"]
    assert messages[0].payload["buttons"][0]["start_payload"] == "open_places"

    await _slot(session_factory, clock, world, day=date(2026, 3, 6))
    clock.advance(timedelta(minutes=10))
    assert await _run(session_factory, settings, clock, announce_open_places_job) == 0
    clock.advance(timedelta(minutes=25))
    assert await _run(session_factory, settings, clock, announce_open_places_job) == 2
    latest = (await _outbox(session_factory, "open_places"))[-1]
    assert latest.payload["count"] == 1


async def test_weekly_hours_cap_and_approval_flag_are_the_owners(
    make_user: UserFactory, session_factory, clock, telegram
):
    world, people = await _world(session_factory, clock)
    await _planned(session_factory, clock, world, people["Anna"])
    await _slot(session_factory, clock, world, day=THURSDAY)
    owner = make_user(OWNER_ID, first_name="Olga")
    await owner.send("/start")
    await owner.press("📅 Планирование")
    await owner.press("❗ Причины отмены")
    await owner.press("⏱ Лимит часов в неделю")
    await owner.send("много")
    assert telegram.last_message(OWNER_ID)["text"] == (
        "Напишите целое число часов от 0 до 168 — только цифры."
    )
    await owner.send("12")
    assert "Лимит сохранён: 12 ч в неделю" in owner.text()

    anna = make_user(ANNA_ID, first_name="Anna")
    await anna.send("/start")
    await anna.press("🆓 Свободные смены")
    assert "Свободных смен сейчас нет." in anna.text()  # 9 h + 9 h would be over 12 h
    boris = make_user(BORIS_ID, first_name="Boris")
    await boris.send("/start")
    await boris.press("🆓 Свободные смены")
    assert any("5 мар" in b for b in boris.buttons())

    await owner.send("/start")
    await owner.press("🏪 Объекты")
    await _press_containing(owner, "Кофейня")
    await owner.press("✏️ Изменить")
    assert "🤝 Взять, отдать, обменять смену: без одобрения" in owner.text()
    await _press_containing(owner, "Обмены и передача смен")
    assert "🤝 Взять, отдать, обменять смену: с одобрением руководителя" in owner.text()
    async with session_factory() as session:
        work_object = await session.get(WorkObject, world.work_object.id)
    assert work_object is not None and work_object.exchange_needs_approval is True
