"""A break during a shift through the real Dispatcher, in Russian and in English: "☕
Break" shows since when, "Back" adds the minutes to the card, a second start is not
offered, and the shift summary shows the unpaid break time taken off."""

import re
from datetime import timedelta

import pytest

from services.platform.clock import ManualClock
from services.platform.i18n import translator_for
from tests.dialogs.conftest import UserFactory
from tests.support.reply_keyboards import ReplyKeyboardMessageManager
from tests.support.shifts import EMPLOYEE_TG, add_planned_shift, make_shift_world, open_at_the_cafe

WORDS = {
    "ru": {
        "since": "Перерыв</b> с 12:00",
        "so_far": "Перерывы за смену: 15 мин",
        "summary": "Перерывы: 15 мин, не оплачивается: 15 мин",
        "worked": "Отработано: 45 мин",
    },
    "en": {
        "since": "On a break</b> since 12:00",
        "so_far": "Breaks this shift: 15 min",
        "summary": "Breaks: 15 min, unpaid: 15 min",
        "worked": "Worked: 45 min",
    },
}


@pytest.fixture
def message_manager() -> ReplyKeyboardMessageManager:
    return ReplyKeyboardMessageManager()


async def press(user, text: str) -> None:
    await user.press(re.escape(text))


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_employee_takes_a_break_and_closes_the_shift(
    language: str, make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(
        session_factory, employee_language=language, check_location_on_close=False
    )
    planned = await add_planned_shift(session_factory, world, clock.now())
    async with session_factory() as session, session.begin():
        await open_at_the_cafe(session, clock, world.employee.id, planned.id)
    i18n, words = translator_for(language), WORDS[language]
    anna = make_user(EMPLOYEE_TG, language_code=language)
    await anna.send("/start")
    await press(anna, i18n.get("menu-clock-close"))
    assert i18n.get("clock-break-end") not in anna.buttons()
    await press(anna, i18n.get("clock-break-start"))
    assert words["since"] in anna.text()
    assert i18n.get("clock-break-start") not in anna.buttons()
    clock.advance(timedelta(minutes=15))
    await press(anna, i18n.get("clock-break-end"))
    assert words["so_far"] in anna.text()
    clock.advance(timedelta(minutes=45))
    await press(anna, i18n.get("clock-close"))
    assert words["summary"] in anna.text()
    assert words["worked"] in anna.text()
