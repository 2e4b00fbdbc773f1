from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, Money, belongs_to, refers_to


class BillingPeriod(StrEnum):
    MONTHLY = "monthly"
    YEARLY = "yearly"


class PaymentStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    CANCELED = "canceled"


class Payment(Base):
    """Our side of one YooKassa payment for a tariff and a period. The status moves once,
    pending → succeeded | canceled, under a row lock; YooKassa's id is unique."""

    __tablename__ = "payments"
    __table_args__ = (Index("ix_payments_status_created_at", "status", "created_at"),)

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    tariff_code: Mapped[str] = mapped_column(String(32), ForeignKey("tariffs.code"))
    period: Mapped[BillingPeriod] = mapped_column(String(16))
    amount: Mapped[Money]
    currency: Mapped[str] = mapped_column(String(3), default="RUB")
    status: Mapped[PaymentStatus] = mapped_column(String(16), default=PaymentStatus.PENDING)
    # Sent as YooKassa's Idempotence-Key: a retry of the creation returns the same payment.
    idempotence_key: Mapped[str] = mapped_column(String(64), unique=True)
    yookassa_payment_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    confirmation_url: Mapped[str | None] = mapped_column(String(2048))
    created_by_user_id: Mapped[int | None] = refers_to("users")
    cancellation_reason: Mapped[str | None] = mapped_column(String(64))
    refunded_amount: Mapped[Money] = mapped_column(default=Decimal("0.00"))
    created_at: Mapped[datetime]
    succeeded_at: Mapped[datetime | None]
    canceled_at: Mapped[datetime | None]


class PaymentRefund(Base):
    """A refund of a payment, recorded once per YooKassa refund id."""

    __tablename__ = "payment_refunds"

    id: Mapped[IntPk]
    payment_id: Mapped[int] = belongs_to("payments", index=True)
    yookassa_refund_id: Mapped[str] = mapped_column(String(64), unique=True)
    amount: Mapped[Money]
    currency: Mapped[str] = mapped_column(String(3), default="RUB")
    recorded_at: Mapped[datetime]


class SubscriptionPeriod(Base):
    """One paid stretch of a tariff. `payment_id` is unique: a payment activates once."""

    __tablename__ = "subscription_periods"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    payment_id: Mapped[int] = belongs_to("payments", unique=True)
    tariff_code: Mapped[str] = mapped_column(String(32), ForeignKey("tariffs.code"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    created_at: Mapped[CreatedAt]
