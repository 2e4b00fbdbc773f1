"""The owner's "💳 Подписка" dialog: tariff, limits and usage, choosing a tariff and a
period, the payment button with YooKassa's URL, and the success notice."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from services.billing.payments import process_payment_notification
from services.integrations.yookassa import YookassaGateway
from services.platform.config import Settings, YookassaSettings
from services.platform.db.models import Payment
from tests.dialogs.conftest import UserFactory
from tests.fakes.yookassa_server import FakeYookassaServer
from tests.support.billing import add_objects, make_owner, outbox_of, yookassa_settings
from tests.support.dialogs import DialogUser


@pytest.fixture
async def yookassa() -> AsyncIterator[FakeYookassaServer]:
    async with FakeYookassaServer() as server:
        yield server


@pytest.fixture
def settings(settings: Settings, yookassa: FakeYookassaServer) -> Settings:
    return settings.model_copy(update={"yookassa": yookassa_settings(yookassa)})


async def press_starting(user: DialogUser, prefix: str) -> None:
    matching = [text for text in user.buttons() if text.startswith(prefix)]
    assert matching, f"no button starting with {prefix!r} in {user.buttons()}"
    await user.press(matching[0])


def url_buttons(user: DialogUser) -> dict[str, str]:
    markup = user.screen().reply_markup
    assert markup is not None
    return {b.text: b.url for row in markup.inline_keyboard for b in row if b.url}  # type: ignore[union-attr]


async def test_owner_sees_tariff_limits_and_usage(
    make_user: UserFactory, session_factory, clock
) -> None:
    await make_owner(session_factory, clock, 7001)
    olga = make_user(7001)
    await olga.send("/start")
    await olga.press("💳 Подписка")

    assert "Тариф: <b>Free</b>" in olga.text()
    assert "Объекты: 0 из 1" in olga.text()
    assert "Сотрудники: 0 из 5" in olga.text()
    assert [b.split(" — ")[0] for b in olga.buttons()] == ["Pro", "Business", "⬅️ Назад"]


async def test_choosing_a_tariff_gives_the_payment_button_and_success_is_announced(
    make_user: UserFactory, session_factory, clock, settings, yookassa
) -> None:
    owner = await make_owner(session_factory, clock, 7002)
    olga = make_user(7002)
    await olga.send("/start")
    await olga.press("💳 Подписка")
    await press_starting(olga, "Pro")

    assert "Выберите срок оплаты" in olga.text()
    await press_starting(olga, "Год")

    assert "Счёт готов: <b>Pro</b>" in olga.text()
    [call] = yookassa.created
    assert call.body["amount"]["value"] == "14900.00"
    assert call.body["confirmation"]["return_url"] == "https://t.me/staffprobot_test_bot"
    payment_url = yookassa.payments[call.payment_id]["confirmation"]["confirmation_url"]
    assert url_buttons(olga) == {"💳 Оплатить": payment_url}

    yookassa.set_status(str(call.payment_id), "succeeded")
    async with session_factory() as session:
        await process_payment_notification(
            session, YookassaGateway(settings.yookassa), clock, str(call.payment_id)
        )
        await session.commit()
        [notice] = await outbox_of(session, "billing_payment_succeeded")
    assert notice.recipient_user_id == owner.user_id
    assert notice.payload["expires_on"] == "2027-03-02"

    await olga.send("/start")
    await olga.press("💳 Подписка")
    assert "Тариф: <b>Pro</b>" in olga.text()
    assert "Оплачено до 2 мар. 2027" in olga.text()


async def test_a_downgrade_beyond_the_limits_is_explained_and_nothing_is_charged(
    make_user: UserFactory, session_factory, clock, telegram, yookassa
) -> None:
    owner = await make_owner(session_factory, clock, 7003)
    await add_objects(session_factory, owner.organization_id, 6)
    olga = make_user(7003)
    await olga.send("/start")
    await olga.press("💳 Подписка")
    await press_starting(olga, "Pro")
    await press_starting(olga, "Месяц")

    refusal = telegram.last_message(7003)
    assert refusal is not None
    assert refusal["text"].startswith(
        "Нельзя перейти на Pro: объектов сейчас 6, а тариф позволяет 5"
    )
    assert "Выберите срок оплаты" in olga.text()
    assert yookassa.created == []
    async with session_factory() as session:
        assert list(await session.scalars(select(Payment))) == []


async def test_english_owner_gets_english_texts(
    make_user: UserFactory, session_factory, clock
) -> None:
    await make_owner(session_factory, clock, 7004, language="en")
    john = make_user(7004, language_code="en")
    await john.send("/start")
    await john.press("💳 Subscription")

    assert "Plan: <b>Free</b>" in john.text()
    assert "Locations: 0 of 1" in john.text()
    await press_starting(john, "Business")
    assert "Choose how long to pay for" in john.text()


async def test_pay_without_yookassa_set_up_says_so_at_once(
    make_user: UserFactory, session_factory, clock, settings, telegram
) -> None:
    settings.yookassa = YookassaSettings(_env_file=None)  # type: ignore[call-arg]
    await make_owner(session_factory, clock, 7005)
    olga = make_user(7005)
    await olga.send("/start")
    await olga.press("💳 Подписка")
    await press_starting(olga, "Pro")

    await press_starting(olga, "Месяц")

    refusal = telegram.last_message(7005)
    assert refusal is not None
    assert refusal["text"].startswith("Оплата в этом боте пока не настроена")
    assert "Выберите срок оплаты" in olga.text()
    async with session_factory() as session:
        assert list(await session.scalars(select(Payment))) == []
