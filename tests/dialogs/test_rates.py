"""The owner sets overtime and holidays in chat, in Russian and in English: the
organization's daily and weekly thresholds and multiplier, an object's own rule (and
back), holidays added and removed; wrong input is explained and changes nothing."""

import re
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from services.platform.db.models import Holiday, OvertimeRule
from services.platform.i18n import translator_for
from tests.dialogs.conftest import UserFactory
from tests.support.payroll import add_object, make_payroll_world

OWNER_TG = 8301
LANGUAGES = pytest.mark.parametrize("language", ["ru", "en"])
EXPECTED = {
    "ru": {
        "daily": "Больше часов в день: 8 ч",
        "weekly": "Больше часов в неделю (пн–вс): 40 ч",
        "multiplier": "Оплата сверхурочных: ×1,5 от ставки",
        "refused": "Напишите целое число часов от 0 до 24",
        "bad_multiplier": "Напишите множитель от 1 до 5",
        "object": "Сверхурочные: Мира",
        "holiday": "×2 Новый год",
    },
    "en": {
        "daily": "Over hours a day: 8 h",
        "weekly": "Over hours a week (Mon–Sun): 40 h",
        "multiplier": "Overtime pay: ×1.5 the rate",
        "refused": "Type a whole number of hours from 0 to 24",
        "bad_multiplier": "Type a multiplier from 1 to 5",
        "object": "Overtime: Мира",
        "holiday": "×2 Новый год",
    },
}


async def tap(user, text: str) -> None:
    await user.press(re.escape(text))


async def _open_rates(make_user: UserFactory, session_factory, language: str):
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(
            session, owner_telegram_id=OWNER_TG, owner_language=language
        )
        await add_object(session, world, "Мира")
    i18n = translator_for(language)
    owner = make_user(OWNER_TG, first_name="Olga", language_code=language)
    await owner.send("/start")
    await tap(owner, i18n.get("menu-payroll"))
    await tap(owner, i18n.get("rates-open"))
    return world, owner, i18n


@LANGUAGES
async def test_owner_sets_the_organizations_overtime_rule(
    make_user: UserFactory, session_factory, telegram, language: str
) -> None:
    world, owner, i18n = await _open_rates(make_user, session_factory, language)
    expected = EXPECTED[language]
    await tap(owner, i18n.get("rates-set-daily"))
    await owner.send("25")
    refusal = telegram.last_message(OWNER_TG)
    assert refusal is not None and expected["refused"] in refusal["text"]
    await owner.send("8")
    assert i18n.get("rates-saved") in owner.text()
    assert expected["daily"] in owner.text()
    await tap(owner, i18n.get("rates-set-weekly"))
    await owner.send("40")
    await tap(owner, i18n.get("rates-set-multiplier"))
    await owner.send("0,5")
    refusal = telegram.last_message(OWNER_TG)
    assert refusal is not None and expected["bad_multiplier"] in refusal["text"]
    await owner.send("1,5" if language == "ru" else "1.5")
    assert expected["weekly"] in owner.text() and expected["multiplier"] in owner.text()
    async with session_factory() as session:
        rule = await session.scalar(
            select(OvertimeRule).where(OvertimeRule.organization_id == world.organization.id)
        )
        assert rule is not None
        assert (rule.object_id, rule.daily_threshold_minutes, rule.weekly_threshold_minutes) == (
            None,
            480,
            2400,
        )
        assert rule.multiplier == Decimal("1.5")


@LANGUAGES
async def test_an_object_gets_its_own_rule_and_goes_back_to_the_organizations(
    make_user: UserFactory, session_factory, language: str
) -> None:
    _world, owner, i18n = await _open_rates(make_user, session_factory, language)
    expected = EXPECTED[language]
    await tap(owner, i18n.get("rates-set-daily"))
    await owner.send("8")
    await tap(owner, i18n.get("rates-per-object"))
    await tap(owner, "Мира")
    assert expected["object"] in owner.text()
    assert i18n.get("rates-follows-organization") in owner.text()
    await tap(owner, i18n.get("rates-set-daily"))
    await owner.send("0")
    assert i18n.get("rates-off") in owner.text()
    async with session_factory() as session:
        rules = {
            r.object_id: r.daily_threshold_minutes
            for r in await session.scalars(select(OvertimeRule))
        }
        assert sorted(rules.values(), key=str) == [480, None]
    await tap(owner, i18n.get("rates-drop-override"))
    assert i18n.get("rates-override-dropped") in owner.text()
    assert expected["daily"] in owner.text()
    await tap(owner, i18n.get("rates-back-to-organization"))
    assert i18n.get("rates-holidays") in owner.buttons()
    async with session_factory() as session:
        assert [r.object_id for r in await session.scalars(select(OvertimeRule))] == [None]


@LANGUAGES
async def test_owner_marks_and_removes_a_holiday(
    make_user: UserFactory, session_factory, telegram, language: str
) -> None:
    _world, owner, i18n = await _open_rates(make_user, session_factory, language)
    await tap(owner, i18n.get("rates-holidays"))
    assert i18n.get("rates-holidays-empty") in owner.text()
    await tap(owner, i18n.get("rates-holiday-add"))
    await owner.send("31.02.2027")
    refusal = telegram.last_message(OWNER_TG)
    assert refusal is not None and i18n.get("error-invalid-input-date-format") in refusal["text"]
    await owner.send("01.01.2027 2 Новый год")
    item = next(b for b in owner.buttons() if EXPECTED[language]["holiday"] in b)
    async with session_factory() as session:
        [holiday] = await session.scalars(select(Holiday))
        assert (holiday.day, holiday.multiplier, holiday.name) == (
            date(2027, 1, 1),
            Decimal("2"),
            "Новый год",
        )
    await tap(owner, item)
    assert i18n.get("rates-holiday-removed") in owner.text()
    assert i18n.get("rates-holidays-empty") in owner.text()
    async with session_factory() as session:
        assert list(await session.scalars(select(Holiday))) == []
