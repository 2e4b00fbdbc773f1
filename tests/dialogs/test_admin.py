"""The superadmin /admin dialog: the permission check, counts, organization lookup,
tariff edits and the broadcast to owners through the outbox."""

from collections.abc import AsyncIterator
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from services.platform.config import Settings
from services.platform.db.models import BillingPeriod, Payment, PaymentStatus, Tariff
from tests.dialogs.conftest import UserFactory
from tests.support.billing import make_owner, outbox_of
from tests.support.dialogs import DialogUser

SUPERADMIN = 9001


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"superadmin_ids": [SUPERADMIN]})


@pytest.fixture
async def tariffs_restored(session_factory) -> AsyncIterator[None]:
    """Tariffs are seeded reference data that survive between tests: put them back."""
    columns = [c.key for c in Tariff.__table__.columns]
    async with session_factory() as session:
        saved = [{c: getattr(t, c) for c in columns} for t in await session.scalars(select(Tariff))]
    yield
    async with session_factory() as session:
        for values in saved:
            tariff = await session.get(Tariff, values["code"])
            assert tariff is not None
            for column, value in values.items():
                setattr(tariff, column, value)
        await session.commit()


async def press_starting(user: DialogUser, prefix: str) -> None:
    matching = [text for text in user.buttons() if text.startswith(prefix)]
    assert matching, f"no button starting with {prefix!r} in {user.buttons()}"
    await user.press(matching[0])


async def test_admin_is_refused_politely_to_everyone_else(
    make_user: UserFactory, session_factory, clock, telegram, message_manager
) -> None:
    await make_owner(session_factory, clock, 8001)
    olga = make_user(8001)
    await olga.send("/admin")

    reply = telegram.last_message(8001)
    assert reply is not None
    assert reply["text"] == "Эта команда только для администраторов платформы."
    assert [m for m in message_manager.sent_messages if m.chat.id == 8001] == []


async def test_admin_sees_counts_and_looks_up_an_organization(
    make_user: UserFactory, session_factory, clock
) -> None:
    first = await make_owner(session_factory, clock, 8002, name="Кофейня на Мира")
    await make_owner(session_factory, clock, 8003, name="Автомойка")
    async with session_factory() as session:
        session.add(
            Payment(
                organization_id=first.organization_id,
                tariff_code="pro",
                period=BillingPeriod.MONTHLY,
                amount=Decimal("1490.00"),
                currency="RUB",
                status=PaymentStatus.SUCCEEDED,
                idempotence_key="k1",
                yookassa_payment_id="y1",
                created_at=clock.now() - timedelta(hours=1),
                succeeded_at=clock.now() - timedelta(minutes=50),
            )
        )
        await session.commit()

    admin = make_user(SUPERADMIN, first_name="Root")
    await admin.send("/admin")

    assert "Организаций: 2" in admin.text()
    assert "Активных пользователей: 2" in admin.text()
    assert "Выручка за месяц: 1\xa0490,00\xa0₽" in admin.text()

    await admin.press("🔎 Найти организацию")
    await admin.send("мира")
    assert "<b>Кофейня на Мира</b> · #" in admin.text()
    assert "Владельцы: Olga" in admin.text()
    assert "Оплачено всего: 1\xa0490,00\xa0₽" in admin.text()


async def test_admin_edits_a_tariff_price_and_limit(
    make_user: UserFactory, session_factory, telegram, tariffs_restored
) -> None:
    admin = make_user(SUPERADMIN, first_name="Root")
    await admin.send("/admin")
    await admin.press("💰 Тарифы")
    await press_starting(admin, "Pro")
    await press_starting(admin, "Цена в месяц")
    await admin.send("сто")

    refusal = telegram.last_message(SUPERADMIN)
    assert refusal is not None and refusal["text"].startswith("Напишите сумму в ₽")

    await admin.send("1990")
    assert "<b>Pro</b>: выберите, что изменить" in admin.text()
    await press_starting(admin, "Лимит объектов")
    await admin.send("-")

    assert "Лимит объектов: ∞" in admin.buttons()
    async with session_factory() as session:
        pro = await session.get(Tariff, "pro")
    assert pro is not None
    assert (pro.monthly_price, pro.max_objects) == (Decimal("1990.00"), None)


async def test_admin_broadcast_reaches_every_owner_once(
    make_user: UserFactory, session_factory, clock
) -> None:
    first = await make_owner(session_factory, clock, 8004, name="Кофейня")
    second = await make_owner(session_factory, clock, 8005, name="Цветы")

    admin = make_user(SUPERADMIN, first_name="Root")
    await admin.send("/admin")
    await admin.press("📣 Рассылка владельцам")
    await admin.send("Завтра с 02:00 до 03:00 — технические работы.")
    assert "Завтра с 02:00 до 03:00 — технические работы." in admin.text()
    await admin.press("📣 Отправить")

    assert "Рассылка поставлена в очередь: 2 владельцам." in admin.text()
    async with session_factory() as session:
        notices = await outbox_of(session, "admin_broadcast")
    assert sorted(n.recipient_user_id for n in notices) == sorted([first.user_id, second.user_id])
    assert {n.payload["text"] for n in notices} == {"Завтра с 02:00 до 03:00 — технические работы."}
