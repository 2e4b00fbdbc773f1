"""The planner is warned when an assignment pushes someone's planned week into
overtime, in Russian and in English. The organization pays overtime over 8 h a day and
over 40 h a week; the clock stands at Monday 2 March 2026."""

import re
from datetime import date, time

import pytest

from services.platform.i18n import translator_for
from services.rates.settings import set_daily_threshold, set_weekly_threshold
from tests.dialogs.conftest import UserFactory
from tests.support.planning import make_employee, make_slot, make_world

OWNER_ID, IVAN_ID = 7101, 7102
WARNINGS = {
    "ru": "⚠️ С этой сменой по плану недели у Ivan 1 ч сверхурочных.",
    "en": "⚠️ With this shift, Ivan's plan for the week has 1 h of overtime.",
}
ASSIGNED = {"ru": "Ivan: назначено.", "en": "Ivan: assigned."}


async def tap(user, text: str) -> None:
    await user.press(re.escape(text))


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_assigning_a_nine_hour_shift_warns_of_an_hour_of_overtime(
    make_user: UserFactory, session_factory, clock, language: str
) -> None:
    async with session_factory() as session, session.begin():
        world = await make_world(
            session, clock, owner_telegram_id=OWNER_ID, owner_language=language
        )
        organization = world.organization.id
        for setter, hours in ((set_daily_threshold, "8"), (set_weekly_threshold, "40")):
            await setter(
                session,
                user_id=world.owner.id,
                organization_id=organization,
                object_id=None,
                raw=hours,
            )
        await make_employee(session, world.organization, [world.work_object], telegram_id=IVAN_ID)
        for day, end in ((date(2026, 3, 3), time(18)), (date(2026, 3, 4), time(17))):
            await make_slot(
                session, clock, world.owner, world.work_object, day=day, start=time(9), end=end
            )
    i18n = translator_for(language)
    owner = make_user(OWNER_ID, first_name="Olga", language_code=language)
    await owner.send("/start")
    await tap(owner, i18n.get("menu-planning"))
    await tap(owner, "Кофейня")
    await tap(owner, i18n.get("planning-schedule"))
    await tap(owner, "04")
    await tap(owner, next(b for b in owner.buttons() if b.startswith("09:00–17:00")))
    await tap(owner, i18n.get("planning-assign"))
    await tap(owner, "Ivan")
    # Eight hours on Wednesday: not over any threshold.
    assert ASSIGNED[language] in owner.text()
    assert "⚠️" not in owner.text()

    await owner.send("/start")
    await tap(owner, i18n.get("menu-planning"))
    await tap(owner, "Кофейня")
    await tap(owner, i18n.get("planning-schedule"))
    await tap(owner, "03")
    await tap(owner, next(b for b in owner.buttons() if b.startswith("09:00–18:00")))
    await tap(owner, i18n.get("planning-assign"))
    await tap(owner, "Ivan")
    # Nine hours on Tuesday: one over the daily threshold.
    assert WARNINGS[language] in owner.text()
