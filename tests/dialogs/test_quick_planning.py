"""Planning in few taps through the real Dispatcher, in Russian and English. Taps are
button presses from the main menu. The clock stands at Monday 2 March 2026, 12:00 in
Moscow. Before: planning one shift for one employee took 13 taps (Planning → object →
New slot → day → hour → minute → hour → minute → places → to the day → slot → Assign →
employee)."""

from datetime import date, time
from decimal import Decimal

import pytest
from sqlalchemy import select

from services.planning.bookings import assign_employee
from services.platform.db.models import PlannedShift, PlannedShiftStatus, TimeSlot
from tests.dialogs.conftest import UserFactory
from tests.support.dialogs import DialogUser
from tests.support.planning import make_employee, make_object, make_slot, make_world

OWNER_ID = 7101
IVAN_ID, PETR_ID = 7102, 7103

WORDS = {
    "ru": {
        "shift": "➕ Смена",
        "copy": "📋 Копировать прошлую неделю",
        "confirm": "✅ Копировать",
        "rate": "💰 Своя ставка слота",
        "done": "✅ Ivan: Кофейня",
        "summary": "Слотов: 2, сотрудников будет назначено: 1.",
        "conflict": "• Petr, ",
        "overlap": "В это время уже есть другая запланированная смена.",
        "copied": "📋 Скопировано: слотов 2, назначено 1, конфликтов 1.",
        "rate_set": "💰 Ставка слота: 450,00",
    },
    "en": {
        "shift": "➕ Shift",
        "copy": "📋 Copy last week",
        "confirm": "✅ Copy",
        "rate": "💰 Slot's own rate",
        "done": "✅ Ivan: Кофейня",
        "summary": "Slots: 2, employees to be placed: 1.",
        "conflict": "• Petr, ",
        "overlap": "There is already another planned shift at this time.",
        "copied": "📋 Copied: 2 slots, 1 placed, 1 conflicts.",
        "rate_set": "💰 Slot rate: ₽450.00",
    },
}


class Taps:
    """Counts the buttons the owner presses."""

    def __init__(self, user: DialogUser) -> None:
        self.user, self.count = user, 0

    async def press(self, text: str) -> None:
        self.count += 1
        await self.user.press(text)


async def _cafe(session_factory, clock, language: str, *, second_object: bool = False):
    async with session_factory() as session:
        world = await make_world(
            session, clock, owner_telegram_id=OWNER_ID, owner_language=language
        )
        objects = [world.work_object]
        if second_object:
            objects.append(await make_object(session, world.organization, name="Склад"))
        ivan, _ = await make_employee(
            session, world.organization, objects, telegram_id=IVAN_ID, first_name="Ivan"
        )
        # Times used before: a 09:00–18:00 slot planned for tomorrow.
        await make_slot(session, clock, world.owner, world.work_object, day=date(2026, 3, 3))
        await session.commit()
    return world, ivan


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize(("several_objects", "expected_taps"), [(False, 4), (True, 5)])
async def test_one_shift_for_one_employee_in_at_most_five_taps(
    language: str,
    several_objects: bool,
    expected_taps: int,
    make_user: UserFactory,
    session_factory,
    clock,
) -> None:
    words = WORDS[language]
    _, ivan = await _cafe(session_factory, clock, language, second_object=several_objects)
    owner = make_user(OWNER_ID, language_code=language)
    await owner.send("/start")
    taps = Taps(owner)
    await taps.press(words["shift"])
    if several_objects:
        await taps.press("Кофейня")
    await taps.press("05")  # Thursday on the calendar
    await taps.press("09:00–18:00")  # the times used last
    await taps.press("Ivan")

    assert words["done"] in owner.text()
    assert taps.count == expected_taps
    async with session_factory() as session:
        planned = await session.scalar(select(PlannedShift).where(PlannedShift.user_id == ivan.id))
        slot = await session.get(TimeSlot, planned.slot_id) if planned else None
    assert slot is not None
    assert (slot.local_date, slot.start_time, slot.end_time) == (
        date(2026, 3, 5),
        time(9),
        time(18),
    )

    await owner.press(words["rate"])
    await owner.send("450")
    assert words["rate_set"] in owner.text()
    async with session_factory() as session:
        rated = await session.get(TimeSlot, slot.id)
    assert rated is not None and rated.rate_override == Decimal("450.00")


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_typed_times_plan_a_shift_when_there_is_nothing_to_pick(
    language: str, make_user: UserFactory, session_factory, clock
) -> None:
    async with session_factory() as session:
        world = await make_world(
            session, clock, owner_telegram_id=OWNER_ID, owner_language=language
        )
        await make_employee(
            session, world.organization, [world.work_object], telegram_id=IVAN_ID, first_name="Ivan"
        )
        await session.commit()
    owner = make_user(OWNER_ID, language_code=language)
    await owner.send("/start")
    await owner.press(WORDS[language]["shift"])
    await owner.press("05")
    await owner.send("22-6")
    await owner.press("Ivan")
    async with session_factory() as session:
        slot = await session.scalar(select(TimeSlot))
    assert slot is not None and (slot.start_time, slot.end_time) == (time(22), time(6))


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_copy_last_week_in_three_taps_previews_and_skips_the_conflict(
    language: str, make_user: UserFactory, session_factory, clock
) -> None:
    words = WORDS[language]
    async with session_factory() as session:
        world = await make_world(
            session, clock, owner_telegram_id=OWNER_ID, owner_language=language
        )
        cafe = world.work_object
        ivan, ivan_m = await make_employee(
            session, world.organization, [cafe], telegram_id=IVAN_ID, first_name="Ivan"
        )
        petr, petr_m = await make_employee(
            session, world.organization, [cafe], telegram_id=PETR_ID, first_name="Petr"
        )
        plan = [
            (date(2026, 3, 3), time(9), time(18), ivan_m),
            (date(2026, 3, 4), time(10), time(18), petr_m),
            # Next Wednesday Petr already works 11:00–19:00: the copy would overlap.
            (date(2026, 3, 11), time(11), time(19), petr_m),
        ]
        for day, start, end, membership in plan:
            slot = await make_slot(session, clock, world.owner, cafe, day=day, start=start, end=end)
            await assign_employee(
                session, clock, user_id=world.owner.id, slot_id=slot.id, membership_id=membership.id
            )
        await session.commit()

    owner = make_user(OWNER_ID, language_code=language)
    await owner.send("/start")
    taps = Taps(owner)
    await taps.press(words["shift"])  # one object: straight to its calendar
    await taps.press(words["copy"])
    assert words["summary"] in owner.text()
    assert words["conflict"] in owner.text() and words["overlap"] in owner.text()
    async with session_factory() as session:  # the preview wrote nothing
        assert len(list(await session.scalars(select(TimeSlot)))) == 3
    await taps.press(words["confirm"])

    assert words["copied"] in owner.text()
    assert taps.count == 3
    async with session_factory() as session:
        next_week = list(
            await session.execute(
                select(TimeSlot.local_date, TimeSlot.start_time, PlannedShift.user_id)
                .join(PlannedShift, PlannedShift.slot_id == TimeSlot.id)
                .where(
                    TimeSlot.local_date >= date(2026, 3, 9),
                    PlannedShift.status == PlannedShiftStatus.PLANNED,
                )
                .order_by(TimeSlot.local_date)
            )
        )
        copied_slots = await session.scalar(
            select(TimeSlot.id).where(
                TimeSlot.local_date == date(2026, 3, 11), TimeSlot.start_time == time(10)
            )
        )
    assert next_week == [
        (date(2026, 3, 10), time(9), ivan.id),
        (date(2026, 3, 11), time(11), petr.id),
    ]
    assert copied_slots is not None  # the slot is copied, left free for someone else


@pytest.mark.parametrize(
    ("language", "planning", "schedule", "rate_line"),
    [
        ("ru", "📅 Планирование", "📋 Расписание", "💰 Ставка слота: 380,00\xa0₽ в час"),
        ("en", "📅 Planning", "📋 Schedule", "💰 Slot rate: ₽380.00 an hour"),
    ],
)
async def test_an_existing_slot_gets_its_own_rate_and_loses_it_with_zero(
    language: str,
    planning: str,
    schedule: str,
    rate_line: str,
    make_user: UserFactory,
    session_factory,
    clock,
) -> None:
    words = WORDS[language]
    _, _ = await _cafe(session_factory, clock, language)
    owner = make_user(OWNER_ID, language_code=language)
    await owner.send("/start")
    await owner.press(planning)
    await owner.press("Кофейня")
    await owner.press(schedule)
    await owner.press("03")
    await owner.press("09:00–18:00 · 0/1")
    await owner.press(words["rate"])
    await owner.send("380")
    assert rate_line in owner.text()
    async with session_factory() as session:
        slot = await session.scalar(select(TimeSlot))
    assert slot is not None and slot.rate_override == Decimal("380.00")

    await owner.press(words["rate"])
    await owner.send("0")
    assert rate_line not in owner.text()
    async with session_factory() as session:
        slot = await session.scalar(select(TimeSlot))
    assert slot is not None and slot.rate_override is None


async def test_a_slot_made_step_by_step_gets_its_rate_right_after(
    make_user: UserFactory, session_factory, clock
) -> None:
    async with session_factory() as session:
        await make_world(session, clock, owner_telegram_id=OWNER_ID)
        await session.commit()
    owner = make_user(OWNER_ID)
    await owner.send("/start")
    for button in (
        "📅 Планирование",
        "Кофейня",
        "➕ Новый слот",
        "05",
        "09",
        ":00",
        "18",
        ":00",
        "1",
    ):
        await owner.press(button)
    assert "✅ Слот создан" in owner.text()
    await owner.press(WORDS["ru"]["rate"])
    await owner.send("0,5")
    assert "💰 Ставка слота: 0,50\xa0₽ в час" in owner.text()
    async with session_factory() as session:
        slot = await session.scalar(select(TimeSlot))
    assert slot is not None and slot.rate_override == Decimal("0.50")
