"""Payments through YooKassa (C12): creating one for a tariff and a period, and settling
it from what the API says (webhook notification or the poller).

Rules:
- A payment is created for a tariff and a period; our row's idempotence key goes to
  YooKassa, so a retried creation never makes a second payment.
- No database transaction is open while YooKassa answers: our rows are committed before
  each call, so no row (and on SQLite no database) stays locked on a slow network.
- A notification is never trusted: the payment is fetched from the API, our row is locked
  (`SELECT … FOR UPDATE`) and moves once, pending → succeeded | canceled; repeats and
  races (webhook, poller) are no-ops. `subscription_periods.payment_id` is unique as the
  last guard against a double activation.
- A succeeded payment extends the subscription from the later of now and the current
  expiry (`services.billing.subscriptions.subscription_start`).
"""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from enum import StrEnum

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.billing.subscriptions import (
    add_period,
    ensure_tariff_fits,
    local_expiry_date,
    notify_owners,
    price_of,
    subscription_start,
    tariff_title,
)
from services.integrations.yookassa import (
    NewPayment,
    PaymentProviderUnavailable,
    PaymentsNotConfigured,
    YookassaGateway,
)
from services.notify.outbox import (
    BILLING_PAYMENT_CANCELED,
    BILLING_PAYMENT_SUCCEEDED,
    BILLING_REFUND,
    money_variable,
)
from services.orgs.tariffs import lock_organization
from services.platform.clock import Clock
from services.platform.db.models import (
    BillingPeriod,
    Payment,
    PaymentRefund,
    PaymentStatus,
    SubscriptionPeriod,
    Tariff,
)
from services.platform.errors import DomainError
from services.platform.i18n import translator_for
from services.platform.observability.metrics import PAYMENTS, YOOKASSA_NOTIFICATIONS
from services.staff.permissions import actor_in, require_owner

log = structlog.get_logger("billing")

# A payment the webhook has not settled after this long is asked about by the poller.
POLL_PENDING_AFTER = timedelta(minutes=5)
# A second tap on the same tariff and period within this time reuses the open payment.
REUSE_PENDING_WITHIN = timedelta(minutes=30)


class TariffNotPurchasable(DomainError):
    """The tariff does not exist or costs nothing (Free is the fallback, not bought)."""

    code = "tariff-not-purchasable"


class NotificationOutcome(StrEnum):
    UNKNOWN = "unknown"
    UNCHANGED = "unchanged"
    MISMATCH = "mismatch"
    SUCCEEDED = "succeeded"
    CANCELED = "canceled"
    REFUNDED = "refunded"


@dataclass(frozen=True)
class PaymentLink:
    payment_id: int
    confirmation_url: str
    amount: Decimal
    currency: str
    tariff_title: str
    period: BillingPeriod


async def start_subscription_payment(
    session: AsyncSession,
    gateway: YookassaGateway,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    tariff_code: str,
    period: BillingPeriod,
    return_url: str,
    customer_email: str | None = None,
    customer_phone: str | None = None,
) -> PaymentLink:
    """Create our payment row and the YooKassa payment; return the confirmation URL.

    Owners only; refused at once when this installation has no YooKassa shop. The
    organization row is locked while our payment row is found or made, so a double tap
    reuses the open payment of the same tariff and period instead of creating a second
    one. The row is committed before YooKassa is called (the lock goes with it); a
    creation that failed half-way is retried with the same idempotence key."""
    if not gateway.is_configured:
        raise PaymentsNotConfigured()
    require_owner(await actor_in(session, user_id, organization_id))
    organization = await lock_organization(session, organization_id)
    tariff = await session.get(Tariff, tariff_code)
    if tariff is None or tariff.monthly_price <= 0:
        raise TariffNotPurchasable(tariff=tariff_code)
    await ensure_tariff_fits(session, organization_id, tariff)
    period = BillingPeriod(period)
    amount = price_of(tariff, period)
    now = clock.now()
    payment = await session.scalar(
        select(Payment)
        .where(
            Payment.organization_id == organization_id,
            Payment.tariff_code == tariff.code,
            Payment.period == period,
            Payment.amount == amount,
            Payment.status == PaymentStatus.PENDING,
            Payment.created_at >= now - REUSE_PENDING_WITHIN,
        )
        .order_by(Payment.created_at.desc())
        .limit(1)
    )
    if payment is None:
        payment = Payment(
            organization_id=organization_id,
            tariff_code=tariff.code,
            period=period,
            amount=amount,
            currency=organization.currency,
            status=PaymentStatus.PENDING,
            idempotence_key=uuid.uuid4().hex,
            created_by_user_id=user_id,
            created_at=now,
        )
        session.add(payment)
        await session.flush()
    if payment.confirmation_url is None:
        description = translator_for(organization.language).get(
            f"billing-payment-description-{period.value}",
            tariff=tariff.title,
            organization=organization.name,
        )
        new_payment = NewPayment(
            amount=payment.amount,
            currency=payment.currency,
            description=description,
            return_url=return_url,
            idempotence_key=payment.idempotence_key,
            metadata={
                "payment_id": str(payment.id),
                "organization_id": str(organization_id),
                "tariff": tariff.code,
                "period": period.value,
            },
            customer_email=customer_email,
            customer_phone=customer_phone,
        )
        await session.commit()
        remote = await gateway.create_payment(new_payment)
        payment.yookassa_payment_id = remote.id
        payment.confirmation_url = remote.confirmation_url
        await session.flush()
        PAYMENTS.labels(status=PaymentStatus.PENDING.value).inc()
        log.info("billing.payment_created", payment_id=payment.id, yookassa_id=remote.id)
    assert payment.confirmation_url is not None
    return PaymentLink(
        payment.id, payment.confirmation_url, payment.amount, payment.currency, tariff.title, period
    )


async def process_payment_notification(
    session: AsyncSession, gateway: YookassaGateway, clock: Clock, yookassa_payment_id: str
) -> NotificationOutcome:
    """Settle one payment from what the YooKassa API says about it (never from a webhook
    body). Our row is locked and moves once; a settled payment is left alone."""
    remote = await gateway.fetch_payment(yookassa_payment_id)
    if remote is None:
        log.warning("billing.payment_unknown_to_yookassa", yookassa_id=yookassa_payment_id)
        return _counted(NotificationOutcome.UNKNOWN)
    payment = await session.scalar(
        select(Payment).where(Payment.yookassa_payment_id == yookassa_payment_id).with_for_update()
    )
    if payment is None:
        log.warning("billing.payment_not_ours", yookassa_id=yookassa_payment_id)
        return _counted(NotificationOutcome.UNKNOWN)
    if payment.status != PaymentStatus.PENDING:
        return _counted(NotificationOutcome.UNCHANGED)
    if (
        remote.amount != payment.amount
        or remote.currency != payment.currency
        or remote.metadata.get("payment_id") != str(payment.id)
    ):
        log.error(
            "billing.payment_mismatch",
            payment_id=payment.id,
            yookassa_id=remote.id,
            remote_amount=str(remote.amount),
            remote_currency=remote.currency,
        )
        return _counted(NotificationOutcome.MISMATCH)
    if remote.status == PaymentStatus.SUCCEEDED:
        await _activate(session, clock, payment)
        return _counted(NotificationOutcome.SUCCEEDED)
    if remote.status == PaymentStatus.CANCELED:
        await _cancel(session, clock, payment, remote.cancellation_reason)
        return _counted(NotificationOutcome.CANCELED)
    return _counted(NotificationOutcome.UNCHANGED)


async def process_refund_notification(
    session: AsyncSession, gateway: YookassaGateway, clock: Clock, yookassa_refund_id: str
) -> NotificationOutcome:
    """Record a succeeded refund once (fetched from the API) and tell the owners. The
    subscription itself is left as it is: a refund is a decision made outside the bot."""
    refund = await gateway.fetch_refund(yookassa_refund_id)
    if refund is None:
        log.warning("billing.refund_unknown_to_yookassa", refund_id=yookassa_refund_id)
        return _counted(NotificationOutcome.UNKNOWN)
    if refund.status != PaymentStatus.SUCCEEDED:
        return _counted(NotificationOutcome.UNCHANGED)
    payment = await session.scalar(
        select(Payment).where(Payment.yookassa_payment_id == refund.payment_id).with_for_update()
    )
    if payment is None:
        log.warning("billing.refund_of_unknown_payment", refund_id=refund.id)
        return _counted(NotificationOutcome.UNKNOWN)
    recorded = await session.scalar(
        select(PaymentRefund.id).where(PaymentRefund.yookassa_refund_id == refund.id)
    )
    if recorded is not None:
        return _counted(NotificationOutcome.UNCHANGED)
    session.add(
        PaymentRefund(
            payment_id=payment.id,
            yookassa_refund_id=refund.id,
            amount=refund.amount,
            currency=refund.currency,
            recorded_at=clock.now(),
        )
    )
    payment.refunded_amount += refund.amount
    await session.flush()
    await notify_owners(
        session,
        clock,
        payment.organization_id,
        kind=BILLING_REFUND.name,
        dedup=f"billing:refund:{refund.id}",
        payload={"amount": money_variable(refund.amount), "currency": refund.currency},
    )
    log.info("billing.refund_recorded", payment_id=payment.id, refund_id=refund.id)
    return _counted(NotificationOutcome.REFUNDED)


async def poll_pending_payments(
    session: AsyncSession,
    gateway: YookassaGateway,
    clock: Clock,
    *,
    older_than: timedelta = POLL_PENDING_AFTER,
    batch: int = 100,
) -> list[NotificationOutcome]:
    """The fallback for lost webhooks: payments still pending after `older_than` go
    through the same idempotent path, each settled in its own transaction, committed
    before YooKassa is asked about the next. YooKassa being away skips a payment until
    the next run (nothing was written for it)."""
    waiting = list(
        await session.scalars(
            select(Payment.yookassa_payment_id)
            .where(
                Payment.status == PaymentStatus.PENDING,
                Payment.yookassa_payment_id.is_not(None),
                Payment.created_at <= clock.now() - older_than,
            )
            .order_by(Payment.created_at)
            .limit(batch)
        )
    )
    outcomes = []
    for yookassa_id in waiting:
        assert yookassa_id is not None
        await session.commit()
        try:
            outcomes.append(
                await process_payment_notification(session, gateway, clock, yookassa_id)
            )
        except PaymentProviderUnavailable:
            log.warning("billing.poll_unavailable", yookassa_id=yookassa_id)
    return outcomes


async def _activate(session: AsyncSession, clock: Clock, payment: Payment) -> None:
    organization = await lock_organization(session, payment.organization_id)
    now = clock.now()
    starts_at = subscription_start(now, organization.subscription_expires_at)
    ends_at = add_period(starts_at, payment.period)
    session.add(
        SubscriptionPeriod(
            organization_id=organization.id,
            payment_id=payment.id,
            tariff_code=payment.tariff_code,
            starts_at=starts_at,
            ends_at=ends_at,
        )
    )
    organization.tariff_code = payment.tariff_code
    organization.subscription_expires_at = ends_at
    payment.status = PaymentStatus.SUCCEEDED
    payment.succeeded_at = now
    await session.flush()
    await notify_owners(
        session,
        clock,
        organization.id,
        kind=BILLING_PAYMENT_SUCCEEDED.name,
        dedup=f"billing:payment:{payment.id}:succeeded",
        payload={
            "tariff": await tariff_title(session, payment.tariff_code),
            "expires_on": local_expiry_date(organization, ends_at),
            "amount": money_variable(payment.amount),
            "currency": payment.currency,
        },
    )
    PAYMENTS.labels(status=PaymentStatus.SUCCEEDED.value).inc()
    log.info("billing.subscription_extended", payment_id=payment.id, ends_at=ends_at.isoformat())


async def _cancel(
    session: AsyncSession, clock: Clock, payment: Payment, reason: str | None
) -> None:
    payment.status = PaymentStatus.CANCELED
    payment.canceled_at = clock.now()
    payment.cancellation_reason = reason
    await session.flush()
    await notify_owners(
        session,
        clock,
        payment.organization_id,
        kind=BILLING_PAYMENT_CANCELED.name,
        dedup=f"billing:payment:{payment.id}:canceled",
        payload={"tariff": await tariff_title(session, payment.tariff_code)},
    )
    PAYMENTS.labels(status=PaymentStatus.CANCELED.value).inc()
    log.info("billing.payment_canceled", payment_id=payment.id, reason=reason)


def _counted(outcome: NotificationOutcome) -> NotificationOutcome:
    YOOKASSA_NOTIFICATIONS.labels(outcome=outcome.value).inc()
    return outcome
