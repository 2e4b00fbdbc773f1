"""Helpers of the billing tests: an owner with an organization, YooKassa settings that
point at the fake server, starting a payment, and reading what billing wrote."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.billing.payments import start_subscription_payment
from services.integrations.yookassa import YookassaGateway
from services.orgs.organizations import create_organization
from services.platform.clock import Clock
from services.platform.config import YookassaSettings
from services.platform.db.models import (
    BillingPeriod,
    Organization,
    OutboxMessage,
    Payment,
    SubscriptionPeriod,
    User,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from tests.fakes.yookassa_server import FakeYookassaServer

RETURN_URL = "https://t.me/staffprobot_test_bot"


@dataclass(frozen=True)
class Owner:
    user_id: int
    telegram_id: int
    organization_id: int


def yookassa_settings(server: FakeYookassaServer, **overrides: str) -> YookassaSettings:
    values = {
        "shop_id": server.shop_id,
        "secret_key": server.secret_key,
        "api_url": server.api_url,
    }
    values.update(overrides)
    return YookassaSettings(_env_file=None, **values)  # type: ignore[call-arg]


async def make_owner(
    session_factory: SessionFactory,
    clock: Clock,
    telegram_id: int,
    name: str = "Кофейня",
    language: str = "ru",
) -> Owner:
    async with session_factory() as session:
        user = User(telegram_id=telegram_id, first_name="Olga", language=language)
        session.add(user)
        await session.flush()
        organization = await create_organization(session, user, clock, name=name)
        await session.commit()
        return Owner(user.id, telegram_id, organization.id)


async def start_payment(
    session_factory: SessionFactory,
    gateway: YookassaGateway,
    clock: Clock,
    owner: Owner,
    tariff: str = "pro",
    period: BillingPeriod = BillingPeriod.MONTHLY,
    **extra: str,
) -> Payment:
    """The owner starts paying for `tariff`; the payment as stored."""
    async with session_factory() as session:
        link = await start_subscription_payment(
            session,
            gateway,
            clock,
            user_id=owner.user_id,
            organization_id=owner.organization_id,
            tariff_code=tariff,
            period=period,
            return_url=RETURN_URL,
            **extra,
        )
        await session.commit()
        payment = await session.get(Payment, link.payment_id)
        assert payment is not None
        return payment


async def add_objects(session_factory: SessionFactory, organization_id: int, count: int) -> None:
    async with session_factory() as session:
        for number in range(count):
            session.add(
                WorkObject(
                    organization_id=organization_id,
                    name=f"Точка {number + 1}",
                    timezone="Europe/Moscow",
                )
            )
        await session.commit()


async def organization(session: AsyncSession, organization_id: int) -> Organization:
    found = await session.get(Organization, organization_id, populate_existing=True)
    assert found is not None
    return found


async def activations(session: AsyncSession, organization_id: int | None = None) -> int:
    query = select(func.count()).select_from(SubscriptionPeriod)
    if organization_id is not None:
        query = query.where(SubscriptionPeriod.organization_id == organization_id)
    return int(await session.scalar(query) or 0)


async def outbox_of(session: AsyncSession, kind: str) -> list[OutboxMessage]:
    rows = await session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
    )
    return list(rows)
