"""Billing use cases against the fake YooKassa API over HTTP and real PostgreSQL."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from services.billing.jobs import JOBS as BILLING_JOBS
from services.billing.payments import (
    NotificationOutcome,
    TariffNotPurchasable,
    poll_pending_payments,
    process_payment_notification,
    process_refund_notification,
    start_subscription_payment,
)
from services.billing.subscriptions import (
    TariffDowngradeRefused,
    add_period,
    expire_subscriptions,
    send_renewal_reminders,
)
from services.integrations.yookassa import PaymentProviderUnavailable, YookassaGateway
from services.platform.clock import ManualClock
from services.platform.db.models import (
    BillingPeriod,
    Payment,
    PaymentRefund,
    PaymentStatus,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from services.platform.errors import PermissionDenied
from services.platform.scheduler import Scheduler
from tests.conftest import ON_BOTH_DATABASES, make_settings
from tests.fakes.yookassa_server import FakeYookassaServer
from tests.support.billing import (
    RETURN_URL,
    Owner,
    activations,
    add_objects,
    make_owner,
    organization,
    outbox_of,
    start_payment,
    yookassa_settings,
)


@pytest.fixture
async def yookassa() -> AsyncIterator[FakeYookassaServer]:
    async with FakeYookassaServer() as server:
        yield server


@pytest.fixture
def gateway(yookassa: FakeYookassaServer) -> YookassaGateway:
    return YookassaGateway(yookassa_settings(yookassa))


@pytest.fixture
async def owner(session_factory: SessionFactory, clock: ManualClock) -> Owner:
    return await make_owner(session_factory, clock, 5001)


async def settle(
    session_factory: SessionFactory, gateway: YookassaGateway, clock: ManualClock, yookassa_id: str
) -> NotificationOutcome:
    async with session_factory() as session:
        outcome = await process_payment_notification(session, gateway, clock, yookassa_id)
        await session.commit()
        return outcome


async def test_create_payment_sends_idempotence_key_amount_and_metadata(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    payment = await start_payment(
        session_factory, gateway, clock, owner, "pro", BillingPeriod.YEARLY
    )

    assert len(yookassa.created) == 1
    call = yookassa.created[0]
    assert call.idempotence_key == payment.idempotence_key
    assert call.body["amount"] == {"value": "14900.00", "currency": "RUB"}
    assert call.body["capture"] is True
    assert call.body["confirmation"] == {"type": "redirect", "return_url": RETURN_URL}
    # The SDK adds its own "cms_name" to the metadata.
    assert (
        call.body["metadata"].items()
        >= {
            "payment_id": str(payment.id),
            "organization_id": str(owner.organization_id),
            "tariff": "pro",
            "period": "yearly",
        }.items()
    )
    assert "Pro" in call.body["description"]
    assert "receipt" not in call.body
    assert payment.yookassa_payment_id == call.payment_id
    assert (
        payment.confirmation_url
        == (yookassa.payments[call.payment_id]["confirmation"]["confirmation_url"])
    )
    assert payment.status == PaymentStatus.PENDING
    assert payment.amount == Decimal("14900.00")


async def test_receipt_is_sent_when_the_email_is_known(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    await start_payment(session_factory, gateway, clock, owner, customer_email="olga@example.com")

    receipt = yookassa.created[0].body["receipt"]
    assert receipt["customer"] == {"email": "olga@example.com"}
    assert receipt["items"][0]["amount"] == {"value": "1490.00", "currency": "RUB"}
    assert receipt["items"][0]["vat_code"] == 1


async def test_a_second_tap_reuses_the_open_payment(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    first = await start_payment(session_factory, gateway, clock, owner)
    second = await start_payment(session_factory, gateway, clock, owner)

    assert second.id == first.id
    assert second.confirmation_url == first.confirmation_url
    assert len(yookassa.payments) == 1


async def test_a_failed_creation_is_retried_with_the_same_idempotence_key(
    session_factory, yookassa, clock, owner
) -> None:
    unreachable = YookassaGateway(yookassa_settings(yookassa, api_url="http://127.0.0.1:9/v3"))
    async with session_factory() as session:
        with pytest.raises(PaymentProviderUnavailable):
            await start_subscription_payment(
                session,
                unreachable,
                clock,
                user_id=owner.user_id,
                organization_id=owner.organization_id,
                tariff_code="pro",
                period=BillingPeriod.MONTHLY,
                return_url=RETURN_URL,
            )
        await session.commit()
        stored = await session.scalar(select(Payment))
        assert stored is not None and stored.yookassa_payment_id is None

    payment = await start_payment(
        session_factory, YookassaGateway(yookassa_settings(yookassa)), clock, owner
    )

    assert payment.id == stored.id
    assert yookassa.created[0].idempotence_key == stored.idempotence_key


async def test_free_cannot_be_bought_and_only_owners_pay(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    with pytest.raises(TariffNotPurchasable):
        await start_payment(session_factory, gateway, clock, owner, "free")
    stranger = await make_owner(session_factory, clock, 5002, name="Чужая")
    with pytest.raises(PermissionDenied):
        await start_payment(
            session_factory, gateway, clock, Owner(stranger.user_id, 5002, owner.organization_id)
        )
    assert yookassa.created == []


async def test_downgrade_beyond_the_limits_is_refused_with_usage_and_limit(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    await add_objects(session_factory, owner.organization_id, 6)

    with pytest.raises(TariffDowngradeRefused) as refused:
        await start_payment(session_factory, gateway, clock, owner, "pro")

    assert refused.value.params == {"tariff": "Pro", "resource": "objects", "usage": 6, "limit": 5}
    assert yookassa.created == []
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(Payment)) == 0
        assert await session.scalar(select(func.count()).select_from(WorkObject)) == 6


async def test_succeeded_payment_activates_once_and_notifies_the_owner(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")

    assert await settle(session_factory, gateway, clock, payment.yookassa_payment_id) == (
        NotificationOutcome.SUCCEEDED
    )
    assert await settle(session_factory, gateway, clock, payment.yookassa_payment_id) == (
        NotificationOutcome.UNCHANGED
    )

    async with session_factory() as session:
        org = await organization(session, owner.organization_id)
        assert org.tariff_code == "pro"
        assert org.subscription_expires_at == datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
        assert await activations(session) == 1
        stored = await session.get(Payment, payment.id)
        assert stored is not None and stored.status == PaymentStatus.SUCCEEDED
        notices = await outbox_of(session, "billing_payment_succeeded")
    assert [n.recipient_user_id for n in notices] == [owner.user_id]
    assert notices[0].payload["tariff"] == "Pro"
    assert notices[0].payload["expires_on"] == "2026-04-02"


async def test_a_payment_the_api_reports_pending_activates_nothing(
    session_factory, gateway, clock, owner
) -> None:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None

    outcome = await settle(session_factory, gateway, clock, payment.yookassa_payment_id)

    assert outcome == NotificationOutcome.UNCHANGED
    async with session_factory() as session:
        assert (await organization(session, owner.organization_id)).tariff_code == "free"
        assert await activations(session) == 0


async def test_an_amount_that_differs_from_ours_is_not_activated(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    yookassa.payments[payment.yookassa_payment_id]["amount"]["value"] = "1.00"
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")

    outcome = await settle(session_factory, gateway, clock, payment.yookassa_payment_id)

    assert outcome == NotificationOutcome.MISMATCH
    async with session_factory() as session:
        assert await activations(session) == 0


async def test_extension_adds_to_the_current_expiry(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    first = await start_payment(session_factory, gateway, clock, owner)
    assert first.yookassa_payment_id is not None
    yookassa.set_status(first.yookassa_payment_id, "succeeded")
    await settle(session_factory, gateway, clock, first.yookassa_payment_id)

    clock.advance(timedelta(days=10))
    second = await start_payment(
        session_factory, gateway, clock, owner, "pro", BillingPeriod.YEARLY
    )
    assert second.yookassa_payment_id is not None
    yookassa.set_status(second.yookassa_payment_id, "succeeded")
    await settle(session_factory, gateway, clock, second.yookassa_payment_id)

    async with session_factory() as session:
        org = await organization(session, owner.organization_id)
        assert org.subscription_expires_at == datetime(2027, 4, 2, 9, 0, tzinfo=UTC)
        assert await activations(session) == 2


async def test_canceled_payment_is_recorded_and_the_owner_told(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    yookassa.set_status(
        payment.yookassa_payment_id, "canceled", cancellation_reason="insufficient_funds"
    )

    assert await settle(session_factory, gateway, clock, payment.yookassa_payment_id) == (
        NotificationOutcome.CANCELED
    )
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")
    assert await settle(session_factory, gateway, clock, payment.yookassa_payment_id) == (
        NotificationOutcome.UNCHANGED
    )

    async with session_factory() as session:
        stored = await session.get(Payment, payment.id)
        assert stored is not None
        assert stored.status == PaymentStatus.CANCELED
        assert stored.cancellation_reason == "insufficient_funds"
        assert (await organization(session, owner.organization_id)).tariff_code == "free"
        assert len(await outbox_of(session, "billing_payment_canceled")) == 1


async def test_refund_is_recorded_once(session_factory, gateway, yookassa, clock, owner) -> None:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")
    await settle(session_factory, gateway, clock, payment.yookassa_payment_id)
    refund_id = yookassa.add_refund(payment.yookassa_payment_id, Decimal("490.00"))

    outcomes = []
    for _ in range(2):
        async with session_factory() as session:
            outcomes.append(await process_refund_notification(session, gateway, clock, refund_id))
            await session.commit()

    assert outcomes == [NotificationOutcome.REFUNDED, NotificationOutcome.UNCHANGED]
    async with session_factory() as session:
        refunds = list(await session.scalars(select(PaymentRefund)))
        stored = await session.get(Payment, payment.id)
        assert len(await outbox_of(session, "billing_refund")) == 1
    assert [(r.yookassa_refund_id, r.amount) for r in refunds] == [(refund_id, Decimal("490.00"))]
    assert stored is not None and stored.refunded_amount == Decimal("490.00")


async def test_poller_settles_only_payments_pending_for_a_while(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    old = await start_payment(session_factory, gateway, clock, owner, "pro")
    clock.advance(timedelta(minutes=6))
    fresh = await start_payment(session_factory, gateway, clock, owner, "business")
    assert old.yookassa_payment_id and fresh.yookassa_payment_id
    yookassa.set_status(old.yookassa_payment_id, "succeeded")
    yookassa.set_status(fresh.yookassa_payment_id, "canceled")

    async with session_factory() as session:
        outcomes = await poll_pending_payments(session, gateway, clock)
        await session.commit()

    assert outcomes == [NotificationOutcome.SUCCEEDED]
    async with session_factory() as session:
        stored_fresh = await session.get(Payment, fresh.id)
        assert stored_fresh is not None and stored_fresh.status == PaymentStatus.PENDING
        assert (await organization(session, owner.organization_id)).tariff_code == "pro"


@ON_BOTH_DATABASES
async def test_webhook_and_poller_racing_activate_once(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    clock.advance(timedelta(minutes=10))
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")

    async def poll() -> list[NotificationOutcome]:
        async with session_factory() as session:
            outcomes = await poll_pending_payments(session, gateway, clock)
            await session.commit()
            return outcomes

    results = await asyncio.gather(
        poll(),
        *[settle(session_factory, gateway, clock, payment.yookassa_payment_id) for _ in range(5)],
        poll(),
    )

    flat = [o for r in results for o in (r if isinstance(r, list) else [r])]
    assert flat.count(NotificationOutcome.SUCCEEDED) == 1
    async with session_factory() as session:
        assert await activations(session) == 1
        assert len(await outbox_of(session, "billing_payment_succeeded")) == 1


async def test_renewal_reminders_come_7_and_1_days_before_once_each(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")
    await settle(session_factory, gateway, clock, payment.yookassa_payment_id)

    async def remind() -> list[int]:
        async with session_factory() as session:
            await send_renewal_reminders(session, clock)
            await session.commit()
            return [n.payload["days"] for n in await outbox_of(session, "billing_renewal_reminder")]

    assert await remind() == []  # a month left
    clock.set(datetime(2026, 3, 27, 9, 0, tzinfo=UTC))  # 6 days left
    assert await remind() == [7]
    assert await remind() == [7]
    clock.set(datetime(2026, 4, 1, 12, 0, tzinfo=UTC))  # 21 hours left
    assert await remind() == [7, 1]
    assert await remind() == [7, 1]


async def test_expiry_moves_to_free_keeps_everything_and_explains_the_limits(
    session_factory, gateway, yookassa, clock, owner
) -> None:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")
    await settle(session_factory, gateway, clock, payment.yookassa_payment_id)
    await add_objects(session_factory, owner.organization_id, 3)

    clock.set(datetime(2026, 4, 2, 9, 1, tzinfo=UTC))
    for _ in range(2):
        async with session_factory() as session:
            await expire_subscriptions(session, clock)
            await session.commit()

    async with session_factory() as session:
        assert (await organization(session, owner.organization_id)).tariff_code == "free"
        assert await session.scalar(select(func.count()).select_from(WorkObject)) == 3
        notices = await outbox_of(session, "billing_subscription_expired")
    assert len(notices) == 1
    assert notices[0].payload == {
        "previous_tariff": "Pro",
        "tariff": "Free",
        "objects_used": 3,
        "objects_limit": 1,
        "employees_used": 0,
        "employees_limit": 5,
    }


def test_a_month_from_the_31st_ends_on_the_last_day_of_the_next_month() -> None:
    start = datetime(2026, 1, 31, 10, 0, tzinfo=UTC)
    assert add_period(start, BillingPeriod.MONTHLY) == datetime(2026, 2, 28, 10, 0, tzinfo=UTC)
    assert add_period(start, BillingPeriod.YEARLY) == datetime(2027, 1, 31, 10, 0, tzinfo=UTC)
    assert add_period(datetime(2026, 12, 15, tzinfo=UTC), BillingPeriod.MONTHLY) == datetime(
        2027, 1, 15, tzinfo=UTC
    )


async def test_the_scheduler_runs_the_billing_jobs(
    engine, session_factory, gateway, yookassa, clock, owner
) -> None:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")
    clock.advance(timedelta(minutes=6))
    scheduler = Scheduler(
        engine=engine,
        session_factory=session_factory,
        clock=clock,
        settings=make_settings(yookassa=yookassa_settings(yookassa)),
        jobs=BILLING_JOBS,
    )

    done = await scheduler.tick()

    assert done == {
        "billing_poll_pending_payments": 1,
        "billing_renewal_reminders": 0,
        "billing_expire_subscriptions": 0,
    }
    async with session_factory() as session:
        assert (await organization(session, owner.organization_id)).tariff_code == "pro"
