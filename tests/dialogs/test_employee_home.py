"""The employee's home screen (the main menu): the running shift with its start and time so
far, the next planned shift with a map link, and the pay of the current period so far —
through the real Dispatcher, in both languages; and the owner's currency setting."""

from datetime import timedelta

import pytest

from services.attendance.clock_out import close_shift
from services.platform.clock import ManualClock
from tests.dialogs.conftest import UserFactory
from tests.support.shifts import (
    EMPLOYEE_TG,
    OWNER_TG,
    add_planned_shift,
    make_shift_world,
    open_at_the_cafe,
)

HOME = {
    "ru": {
        "on_shift": "🟢 <b>На смене</b>: Кофейня, с 15:00 — уже 1 ч 5 мин",
        "next": "📅 Следующая смена: вт, 3 мар., 12:00–20:00, Кофейня · ",
        "map": '<a href="https://yandex.ru/maps/?pt=37.620800,55.753900&amp;z=17&amp;l=map">карта</a>',
        # 12:00–14:00 at 300.00 an hour: 120 min × 300 / 60 = 600.00.
        "earned": "💰 Заработано за 01.03.2026 – 31.03.2026: <b>600,00\xa0₽</b>",
        "nothing_next": "📅 Запланированных смен пока нет.",
    },
    "en": {
        "on_shift": "🟢 <b>On shift</b>: Кофейня, since 15:00 — 1 h 5 min so far",
        "next": "📅 Next shift: Tue, 3 Mar, 12:00–20:00, Кофейня · ",
        "map": '<a href="https://yandex.ru/maps/?pt=37.620800,55.753900&amp;z=17&amp;l=map">map</a>',
        "earned": "💰 Earned 3/1/26 – 3/31/26: <b>₽600.00</b>",
        "nothing_next": "📅 No shifts planned yet.",
    },
}


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_home_shows_the_running_shift_the_next_one_with_a_map_and_pay_so_far(
    language: str, make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    words = HOME[language]
    world = await make_shift_world(
        session_factory, employee_language=language, check_location_on_close=False
    )
    worked = await add_planned_shift(session_factory, world, clock.now(), timedelta(hours=2))
    async with session_factory() as session, session.begin():
        await open_at_the_cafe(session, clock, world.employee.id, worked.id)
    clock.advance(timedelta(hours=2))
    async with session_factory() as session, session.begin():
        await close_shift(session, clock, user_id=world.employee.id, report=None)
    clock.advance(timedelta(hours=1))  # 15:00 in Moscow
    running = await add_planned_shift(session_factory, world, clock.now(), timedelta(hours=4))
    async with session_factory() as session, session.begin():
        await open_at_the_cafe(session, clock, world.employee.id, running.id)
    await add_planned_shift(session_factory, world, clock.now() + timedelta(hours=21))
    clock.advance(timedelta(hours=1, minutes=5, seconds=40))

    anna = make_user(EMPLOYEE_TG, language_code=language)
    await anna.send("/start")

    text = anna.text()
    assert words["on_shift"] in text
    assert words["next"] in text and words["map"] in text
    assert words["earned"] in text


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_home_without_plans_says_so_and_shows_nothing_earned(
    language: str, make_user: UserFactory, session_factory
) -> None:
    await make_shift_world(session_factory, employee_language=language)
    anna = make_user(EMPLOYEE_TG, language_code=language)
    await anna.send("/start")

    assert HOME[language]["nothing_next"] in anna.text()
    assert ("0,00\xa0₽" if language == "ru" else "₽0.00") in anna.text()


async def test_owner_sets_the_currency_and_the_employee_sees_pounds(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(
        session_factory, employee_language="en", check_location_on_close=False
    )
    olga = make_user(OWNER_TG, first_name="Olga")
    await olga.send("/start")
    await olga.press("⚙️ Настройки")
    await olga.press("💱 Валюта: ₽ RUB")
    await olga.press("£ GBP")
    assert "💱 Валюта: £ GBP" in olga.buttons()

    planned = await add_planned_shift(session_factory, world, clock.now(), timedelta(hours=1))
    async with session_factory() as session, session.begin():
        await open_at_the_cafe(session, clock, world.employee.id, planned.id)
    clock.advance(timedelta(hours=1))
    async with session_factory() as session, session.begin():
        await close_shift(session, clock, user_id=world.employee.id, report=None)
    anna = make_user(EMPLOYEE_TG, language_code="en")
    await anna.send("/start")

    assert "£300.00" in anna.text()
