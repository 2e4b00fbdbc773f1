"""Announcements through the real Dispatcher, in Russian and in English: the owner posts
to all staff, the employee finds it at the top of the home, taps "✅ Got it" and it
leaves the home; the owner sees "read by 1 of 1"; the notification's deep link opens it."""

import re

import pytest
from sqlalchemy import select

from services.platform.db.models import OutboxMessage
from services.platform.i18n import translator_for
from tests.dialogs.conftest import UserFactory
from tests.support.payroll import add_object, add_person, make_payroll_world

OWNER_TG, ANNA_TG = 8401, 8402
READ = {"ru": ("Прочитали 0 из 1", "Прочитали 1 из 1"), "en": ("Read by 0 of 1", "Read by 1 of 1")}


async def tap(user, text: str) -> None:
    await user.press(re.escape(text))


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_owner_posts_and_the_employee_acknowledges(
    make_user: UserFactory, session_factory, language: str
) -> None:
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(
            session, owner_telegram_id=OWNER_TG, owner_language=language
        )
        mira = await add_object(session, world, "Мира")
        await add_person(session, world, "Anna", [mira], telegram_id=ANNA_TG, language=language)
    i18n = translator_for(language)
    owner = make_user(OWNER_TG, first_name="Olga", language_code=language)
    await owner.send("/start")
    await tap(owner, i18n.get("menu-announcements"))
    assert i18n.get("announcements-none") in owner.text()
    await tap(owner, i18n.get("announcements-new"))
    await tap(owner, i18n.get("announcements-everyone"))
    await owner.send("   ")
    await owner.send("Завтра санитарный день")
    assert "Завтра санитарный день" in owner.text()
    await tap(owner, i18n.get("announcements-ack-on"))
    assert i18n.get("announcements-ack-off") in owner.buttons()
    await tap(owner, i18n.get("announcements-ack-off"))
    await tap(owner, i18n.get("announcements-send"))
    assert i18n.get("announcements-sent") in owner.text()
    assert READ[language][0] in owner.text()
    async with session_factory() as session:
        [sent] = await session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "announcement")
        )
        assert sent.payload["buttons"][0]["start_payload"].startswith("ann_")

    anna = make_user(ANNA_TG, language_code=language)
    await anna.send("/start")
    home = anna.text()
    assert home.index("Завтра санитарный день") < home.index("Anna")
    await tap(anna, i18n.get("announcements-home-open", unread_announcements=1))
    assert "Завтра санитарный день" in anna.text()
    await tap(anna, i18n.get("announcements-got-it"))
    assert "Завтра санитарный день" not in anna.text()
    assert i18n.get("announcements-home-open", unread_announcements=1) not in anna.buttons()
    # The notification's button opens it again, now acknowledged.
    await anna.send(f"/start {sent.payload['buttons'][0]['start_payload']}")
    assert i18n.get("announcements-already-acked") in anna.text()

    await owner.send("/start")
    await tap(owner, i18n.get("menu-announcements"))
    await tap(owner, next(b for b in owner.buttons() if b.startswith("Завтра")))
    assert READ[language][1] in owner.text()
