"""The owner sets a contract's own limits from the staff card, in Russian and English:
the organization's limit is shown until the contract has its own, a number out of range
gets its hint and changes nothing, and "as the organization's" puts it back."""

import re

import pytest
from sqlalchemy import update

from services.platform.clock import ManualClock
from services.platform.db.models import User
from services.staff.memberships import terms_in_force
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.staff import add_member, organization_with_objects

OWNER_TG, IVAN_TG = 4700, 4701

TEXTS = {
    "ru": {
        "staff": "👥 Сотрудники",
        "limits": "⏱ Часы и лимиты",
        "week_default": "Не больше в неделю: 48 ч (как в организации)",
        "week_own": "Не больше в неделю: 30 ч",
        "target_default": "Цель: поровну со всеми",
        "target_own": "Цель: 20 ч в неделю",
        "as_organization": "↩️ Как в организации",
        "saved": "Сохранено с сегодняшнего дня",
        "hint": "168",
    },
    "en": {
        "staff": "👥 Staff",
        "limits": "⏱ Hours and limits",
        "week_default": "At most a week: 48 h (organization's)",
        "week_own": "At most a week: 30 h",
        "target_default": "Target: an even share of the week",
        "target_own": "Target: 20 h a week",
        "as_organization": "↩️ As the organization's",
        "saved": "Saved from today",
        "hint": "168",
    },
}


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_the_owner_sets_a_contracts_own_week_limit_and_target(
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    language: str,
) -> None:
    texts = TEXTS[language]
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=OWNER_TG, object_names=("Кафе",)
    )
    ivan = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=IVAN_TG,
        first_name="Иван",
        object_permissions={org.object_ids[0]: []},
    )
    async with session_factory() as session, session.begin():
        await session.execute(
            update(User).where(User.telegram_id == OWNER_TG).values(language=language)
        )
    owner = make_user(OWNER_TG, language_code=language, first_name="Olga")
    await owner.send("/start")
    await owner.press(texts["staff"])
    await owner.press("Иван")
    await owner.press(texts["limits"])
    assert texts["week_default"] in owner.buttons()
    assert texts["target_default"] in owner.buttons()

    await owner.press(re.escape(texts["week_default"]))  # a pattern
    await owner.send("500")
    message = telegram.last_message(OWNER_TG)
    assert message is not None and texts["hint"] in str(message["text"])
    await owner.send("30")
    assert texts["saved"] in owner.text() and texts["week_own"] in owner.buttons()
    await owner.press(texts["target_default"])
    await owner.send("20")
    assert texts["target_own"] in owner.buttons()
    async with session_factory() as session:
        terms = await terms_in_force(session, ivan, clock.now().date())
        assert terms is not None
        assert (terms.max_week_hours, terms.target_week_hours) == (30, 20)

    await owner.press(texts["week_own"])
    await owner.press(texts["as_organization"])
    assert texts["week_default"] in owner.buttons() and texts["target_own"] in owner.buttons()
    async with session_factory() as session:
        terms = await terms_in_force(session, ivan, clock.now().date())
        assert terms is not None and terms.max_week_hours is None
