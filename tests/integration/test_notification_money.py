"""Sums of money in notifications are written at delivery in the recipient's language
and the organization's currency, as chat windows and payslips write them: an owner who
keeps the books in euros never sees a rouble sign in what the bot sends."""

from decimal import Decimal

import pytest
from aiogram import Bot
from redis.asyncio import Redis

from services.notify.notifier import Outcome
from services.payroll.adjustments import add_manual_adjustment
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.session import SessionFactory
from services.platform.i18n import translator_for
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import deliver_pending, make_notifier
from tests.support.payroll import add_object, add_person, make_payroll_world


@pytest.mark.parametrize(
    ("language", "currency", "told"),
    [
        ("ru", "RUB", "🎁 Вам начислена премия 1\xa0500,50\xa0₽"),
        ("en", "RUB", "🎁 You got a bonus of ₽1,500.50"),
        ("en", "EUR", "🎁 You got a bonus of €1,500.50"),
        ("ru", "KZT", "🎁 Вам начислена премия 1\xa0500,50\xa0₸"),
    ],
)
async def test_a_bonus_notice_names_the_amount_in_the_organizations_currency(
    session_factory: SessionFactory,
    settings: Settings,
    bot: Bot,
    redis: Redis,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    language: str,
    currency: str,
    told: str,
) -> None:
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session)
        world.organization.currency = currency
        cafe = await add_object(session, world, "Мира")
        anna, _ = await add_person(session, world, "Anna", [cafe], language=language)
        await add_manual_adjustment(
            session,
            clock,
            user_id=world.owner.id,
            organization_id=world.organization.id,
            employee_user_id=anna.id,
            amount=Decimal("1500.50"),
            is_bonus=True,
            reason="Витрина",
            request_key="bonus-1",
        )

    notifier = make_notifier(settings, session_factory, bot, redis, clock)
    assert await deliver_pending(notifier, session_factory) == [Outcome.SENT]
    message = telegram.last_message(anna.telegram_id)
    assert message is not None
    assert message["text"].startswith(told)
    assert "₽" not in message["text"] or currency == "RUB"


@pytest.mark.parametrize(
    ("language", "currency", "prompt"),
    [
        ("ru", "RUB", "Ставка в час, ₽ (например"),
        ("en", "EUR", "Hourly rate, € (for example"),
        ("en", "GBP", "Hourly rate, £ (for example"),
    ],
)
def test_a_prompt_for_money_names_the_organizations_currency_sign(
    language: str, currency: str, prompt: str
) -> None:
    text = translator_for(language, currency).get("objects-ask-value", field="base_rate")
    assert text.startswith(prompt)
