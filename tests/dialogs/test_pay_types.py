"""The owner sets a pay type from the staff card, in Russian and English: a monthly
salary (the rate button goes away, the card says how it is paid) and back to hourly
with bonuses; a wrong amount gets its hint and changes nothing."""

import pytest
from sqlalchemy import update

from services.platform.clock import ManualClock
from services.platform.db.models import PayType, User
from services.staff.memberships import terms_in_force
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.staff import add_member, organization_with_objects

OWNER_TG, IVAN_TG = 4600, 4601

TEXTS = {
    "ru": {
        "staff": "👥 Сотрудники",
        "pay_type": "💼 Вид оплаты",
        "salary": "🗓 Месячный оклад",
        "bonus": "⭐ Почасовая и премии",
        "no_period_bonus": "Без премии за период",
        "change_rate": "💰 Изменить ставку",
        "card_salary": "Месячный оклад: 60 000,00 ₽",
        "card_bonus": "300,00 ₽ за смену",
        "hint": "Напишите сумму в ₽",
    },
    "en": {
        "staff": "👥 Staff",
        "pay_type": "💼 Pay type",
        "salary": "🗓 Monthly salary",
        "bonus": "⭐ By the hour plus bonuses",
        "no_period_bonus": "No bonus per period",
        "change_rate": "💰 Change rate",
        "card_salary": "Monthly salary: ₽60,000.00",
        "card_bonus": "₽300.00 per shift",
        "hint": "Type an amount in ₽",
    },
}


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_the_owner_puts_an_employee_on_a_salary_and_back_on_bonuses(
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
    await owner.press(texts["pay_type"])
    await owner.press(texts["salary"])
    await owner.send("шестьдесят тысяч")
    message = telegram.last_message(OWNER_TG)
    assert message is not None and str(message["text"]).startswith(texts["hint"])
    await owner.send("60000")
    card = owner.text().replace("\xa0", " ").replace("\u202f", " ")
    assert texts["card_salary"] in card
    assert texts["change_rate"] not in owner.buttons()

    await owner.press(texts["pay_type"])
    await owner.press(texts["bonus"])
    await owner.send("300")
    await owner.press(texts["no_period_bonus"])
    card = owner.text().replace("\xa0", " ").replace("\u202f", " ")
    assert texts["card_bonus"] in card and texts["change_rate"] in owner.buttons()
    async with session_factory() as session:
        terms = await terms_in_force(session, ivan, clock.now().date())
        assert terms is not None and terms.pay_type == PayType.HOURLY_BONUS
        assert terms.hourly_rate is None and terms.monthly_salary is None
