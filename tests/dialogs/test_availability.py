"""Availability, time off (and its days in the owner's report), a rule of work the planner
is warned of, the calendar link and the birthday through the real Dispatcher, in Russian
and in English. The clock stands at Monday 2 March 2026, 12:00 in Moscow."""

import re
from datetime import date, time

import pytest
from sqlalchemy import select, update

from services.planning.bookings import book_slot
from services.platform.db.models import (
    AvailabilityKind,
    AvailabilityOverride,
    CalendarFeed,
    Organization,
    OutboxMessage,
    TimeOffRequest,
    TimeOffStatus,
    User,
    WeeklyAvailability,
)
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.planning import make_employee, make_slot, make_world

OWNER_ID = 7101
IVAN_ID = 7102

TEXTS = {
    "ru": {
        "availability": "🗓 Когда я могу работать",
        "tuesday": "вт",
        "cant": "⛔ Не могу",
        "hours": "🕘 Могу в часы…",
        "saved": "✅ Сохранено: вторник — 14:00–22:00.",
        "saved_cant": "✅ Сохранено: вторник — ⛔ не могу.",
        "planning": "📅 Планирование",
        "schedule": "📋 Расписание",
        "assign": "👤 Назначить",
        "assign_reason": "не может работать в это время",
        "assigned": "Ivan: назначено.",
        "too_little_rest": "Слишком мало отдыха рядом со сменой 03.03 09:00–18:00",
        "time_off": "🌴 Отпуск и отгулы",
        "new": "➕ Попросить отпуск или отгул",
        "vacation": "Отпуск",
        "no_comment": "➡️ Без комментария",
        "requested": "✅ Заявка отправлена.",
        "approvals": "📥 Заявки сотрудников: 1",
        "held": "запланировано смен: 1",
        "release": "✅ Одобрить и освободить смены",
        "approved": "Освобождено смен: 1.",
        "calendar": "📆 Смены в календаре телефона",
        "rotate": "🔄 Создать новую ссылку",
        "rotated": "старая ссылка больше не работает",
        "birthday": "🎂 День рождения",
        "birthday_saved": "✅ День рождения сохранён.",
        "bad_date": "Не понял дату",
        "reports": "📊 Отчёты",
        "this_month": "Этот месяц",
        "whole_organization": "🏢 Вся организация",
        "report_time_off": "Ivan: Отпуск 3",
    },
    "en": {
        "availability": "🗓 When I can work",
        "tuesday": "Tue",
        "cant": "⛔ Can't",
        "hours": "🕘 Can work from–to…",
        "saved": "✅ Saved: Tuesday — 14:00–22:00.",
        "saved_cant": "✅ Saved: Tuesday — ⛔ can't.",
        "planning": "📅 Planning",
        "schedule": "📋 Schedule",
        "assign": "👤 Assign",
        "assign_reason": "can't work at this time",
        "assigned": "Ivan: assigned.",
        "too_little_rest": "Too little rest around the shift on 03.03 09:00–18:00",
        "time_off": "🌴 Time off",
        "new": "➕ Ask for time off",
        "vacation": "Vacation",
        "no_comment": "➡️ No comment",
        "requested": "✅ Request sent.",
        "approvals": "📥 Staff requests: 1",
        "held": "has 1 planned shift(s)",
        "release": "✅ Approve and release the shifts",
        "approved": "Shifts released: 1.",
        "calendar": "📆 Shifts in my phone calendar",
        "rotate": "🔄 Make a new link",
        "rotated": "the old link no longer works",
        "birthday": "🎂 Birthday",
        "birthday_saved": "✅ Birthday saved.",
        "bad_date": "couldn't read the date",
        "reports": "📊 Reports",
        "this_month": "This month",
        "whole_organization": "🏢 Whole organization",
        "report_time_off": "Ivan: Vacation 3",
    },
}

LANGUAGES = pytest.mark.parametrize("language", ["ru", "en"])


async def tap(user, text: str) -> None:
    await user.press(re.escape(text))


async def _world(session_factory, clock, language: str):
    async with session_factory() as session:
        world = await make_world(
            session, clock, owner_telegram_id=OWNER_ID, owner_language=language
        )
        ivan, _ = await make_employee(
            session,
            world.organization,
            [world.work_object],
            telegram_id=IVAN_ID,
            first_name="Ivan",
            language=language,
        )
        await session.commit()
    return world, ivan


@LANGUAGES
async def test_an_employee_marks_a_weekday_and_the_planner_is_warned_and_gives_a_reason(
    make_user: UserFactory, session_factory, clock, language: str
) -> None:
    t = TEXTS[language]
    world, _ = await _world(session_factory, clock, language)
    async with session_factory() as session:
        await make_slot(session, clock, world.owner, world.work_object, day=date(2026, 3, 3))
        await session.commit()
    employee = make_user(IVAN_ID, language_code=language, first_name="Ivan")
    await employee.send("/start")
    await tap(employee, t["availability"])
    await tap(employee, t["tuesday"])
    await tap(employee, t["cant"])  # two taps from the week
    assert t["saved_cant"] in employee.text()
    await tap(employee, t["tuesday"])
    await tap(employee, t["hours"])
    await employee.send("14-22")
    assert t["saved"] in employee.text()
    async with session_factory() as session:
        row = await session.scalar(select(WeeklyAvailability))
    assert row is not None
    assert (row.weekday, row.kind, row.start_time, row.end_time) == (
        1,
        AvailabilityKind.AVAILABLE,
        time(14),
        time(22),
    )

    owner = make_user(OWNER_ID, language_code=language, first_name="Olga")
    await owner.send("/start")
    await tap(owner, t["planning"])
    await tap(owner, "Кофейня")
    await tap(owner, t["schedule"])
    await tap(owner, "03")
    await owner.press("09:00–18:00.*")
    await tap(owner, t["assign"])
    assert "⛔ Ivan" in owner.buttons()
    await tap(owner, "⛔ Ivan")
    assert t["assign_reason"] in owner.text()
    assert "14:00–22:00" in owner.text()
    await owner.send("Only Ivan has the keys")
    assert t["assigned"] in owner.text()
    async with session_factory() as session:
        override = await session.scalar(select(AvailabilityOverride))
    assert override is not None and override.reason == "Only Ivan has the keys"


@LANGUAGES
async def test_a_planner_is_warned_of_a_rule_of_work_and_assigns_with_a_reason(
    make_user: UserFactory, session_factory, clock, language: str
) -> None:
    t = TEXTS[language]
    world, ivan = await _world(session_factory, clock, language)
    async with session_factory() as session:
        day = await make_slot(session, clock, world.owner, world.work_object, day=date(2026, 3, 3))
        await book_slot(session, clock, user_id=ivan.id, slot_id=day.id)
        await make_slot(
            session,
            clock,
            world.owner,
            world.work_object,
            day=date(2026, 3, 3),
            start=time(20),
            end=time(23),
        )
        await session.commit()
    owner = make_user(OWNER_ID, language_code=language, first_name="Olga")
    await owner.send("/start")
    await tap(owner, t["planning"])
    await tap(owner, "Кофейня")
    await tap(owner, t["schedule"])
    await tap(owner, "03")
    await owner.press("20:00–23:00.*")
    await tap(owner, t["assign"])
    await owner.press(".*Ivan")
    # Two hours after his day shift: the planner reads why and may go on with a reason.
    assert t["too_little_rest"] in owner.text()
    await owner.send("Inventory night")
    assert t["assigned"] in owner.text()
    async with session_factory() as session:
        override = await session.scalar(select(AvailabilityOverride))
    assert override is not None
    assert (override.verdict, override.reason) == ("rest", "Inventory night")


@LANGUAGES
async def test_time_off_is_requested_in_a_few_taps_and_approved_releasing_the_shift(
    make_user: UserFactory, session_factory, clock, language: str
) -> None:
    t = TEXTS[language]
    world, ivan = await _world(session_factory, clock, language)
    async with session_factory() as session:
        slot = await make_slot(session, clock, world.owner, world.work_object, day=date(2026, 3, 5))
        await book_slot(session, clock, user_id=ivan.id, slot_id=slot.id)
        await session.commit()
    employee = make_user(IVAN_ID, language_code=language, first_name="Ivan")
    await employee.send("/start")
    await tap(employee, t["time_off"])
    await tap(employee, t["new"])
    await tap(employee, t["vacation"])
    await tap(employee, "04")
    await tap(employee, "06")
    await tap(employee, t["no_comment"])
    assert t["requested"] in employee.text()
    async with session_factory() as session:
        request = await session.scalar(select(TimeOffRequest))
        notices = list(await session.scalars(select(OutboxMessage.kind)))
    assert request is not None
    assert (request.first_day, request.last_day) == (date(2026, 3, 4), date(2026, 3, 6))
    assert "time_off_requested" in notices

    owner = make_user(OWNER_ID, language_code=language, first_name="Olga")
    await owner.send("/start")
    await tap(owner, t["time_off"])
    await tap(owner, t["approvals"])
    await owner.press("Ivan: .*")
    assert t["held"] in owner.text()
    await tap(owner, t["release"])
    await tap(owner, t["no_comment"])
    assert t["approved"] in owner.text()
    async with session_factory() as session:
        request = await session.scalar(select(TimeOffRequest))
        decided = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "time_off_decided")
        )
    assert request is not None and request.status == TimeOffStatus.APPROVED
    assert decided is not None and decided.recipient_user_id == ivan.id

    async with session_factory() as session:
        await session.execute(
            update(Organization)
            .where(Organization.id == world.organization.id)
            .values(tariff_code="pro")
        )
        await session.commit()
    await owner.send("/start")
    await tap(owner, t["reports"])
    await tap(owner, t["this_month"])
    await tap(owner, t["whole_organization"])
    assert t["report_time_off"] in owner.text()


@LANGUAGES
async def test_the_calendar_link_is_rotated_and_the_birthday_typed(
    make_user: UserFactory, session_factory, clock, language: str, telegram: FakeTelegramServer
) -> None:
    t = TEXTS[language]
    await _world(session_factory, clock, language)
    employee = make_user(IVAN_ID, language_code=language, first_name="Ivan")
    await employee.send("/start")
    await tap(employee, t["availability"])
    await tap(employee, t["calendar"])
    async with session_factory() as session:
        first = await session.scalar(select(CalendarFeed.token))
    assert first is not None and f"/calendar/{first}.ics" in employee.text()
    await tap(employee, t["rotate"])
    async with session_factory() as session:
        second = await session.scalar(select(CalendarFeed.token))
    assert second != first
    assert t["rotated"] in employee.text() and f"/calendar/{second}.ics" in employee.text()

    await employee.send("/start")
    await tap(employee, t["availability"])
    await tap(employee, t["birthday"])
    await employee.send("31.02.1990")
    error = telegram.last_message(IVAN_ID)
    assert error is not None and t["bad_date"] in error["text"]
    await employee.send("15.03.1995")
    assert t["birthday_saved"] in employee.text()
    async with session_factory() as session:
        user = await session.scalar(select(User).where(User.telegram_id == IVAN_ID))
    assert user is not None and user.birthday == date(1995, 3, 15)
