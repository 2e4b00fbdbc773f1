"""A thin typed adapter over the official (synchronous) `yookassa` SDK.

Every SDK call runs in a worker thread so the event loop never blocks. `api_url` comes
from settings, so tests point the SDK at a fake YooKassa API on loopback.
"""

import asyncio
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import structlog
from yookassa import Configuration, Payment, Refund
from yookassa.domain.exceptions import NotFoundError

from services.platform.config import YookassaSettings
from services.platform.errors import DomainError

log = structlog.get_logger("yookassa")

# A subscription is a service; "vat_code" 1 means "without VAT" (simplified taxation).
_RECEIPT_VAT_CODE = 1


class PaymentProviderUnavailable(DomainError):
    """YooKassa did not answer or refused the request; nothing was charged."""

    code = "payment-provider-unavailable"


@dataclass(frozen=True)
class NewPayment:
    amount: Decimal
    currency: str
    description: str
    return_url: str
    idempotence_key: str
    metadata: dict[str, str]
    customer_email: str | None = None
    customer_phone: str | None = None


@dataclass(frozen=True)
class RemotePayment:
    """A payment as YooKassa reports it: the only truth about its status."""

    id: str
    status: str
    amount: Decimal
    currency: str
    confirmation_url: str | None
    metadata: dict[str, str] = field(default_factory=dict)
    cancellation_reason: str | None = None


@dataclass(frozen=True)
class RemoteRefund:
    id: str
    payment_id: str
    status: str
    amount: Decimal
    currency: str


def payment_request_body(new: NewPayment) -> dict[str, Any]:
    """The JSON body of `POST /v3/payments` for a one-off payment paid on YooKassa's page."""
    amount = {"value": f"{new.amount:.2f}", "currency": new.currency}
    body: dict[str, Any] = {
        "amount": amount,
        "capture": True,
        "confirmation": {"type": "redirect", "return_url": new.return_url},
        "description": new.description[:128],
        "metadata": new.metadata,
    }
    customer = {
        key: value
        for key, value in (("email", new.customer_email), ("phone", new.customer_phone))
        if value
    }
    if customer:
        body["receipt"] = {
            "customer": customer,
            "items": [
                {
                    "description": new.description[:128],
                    "quantity": "1.00",
                    "amount": amount,
                    "vat_code": _RECEIPT_VAT_CODE,
                    "payment_mode": "full_payment",
                    "payment_subject": "service",
                }
            ],
        }
    return body


class YookassaGateway:
    """Creates and reads payments and refunds through the SDK, off the event loop."""

    def __init__(self, settings: YookassaSettings) -> None:
        Configuration.configure(
            settings.shop_id,
            settings.secret_key.get_secret_value(),
            api_url=settings.api_url.rstrip("/"),
        )

    async def create_payment(self, new: NewPayment) -> RemotePayment:
        body = payment_request_body(new)
        response = await self._call(Payment.create, body, new.idempotence_key)
        return _remote_payment(response)

    async def fetch_payment(self, payment_id: str) -> RemotePayment | None:
        """The payment as YooKassa knows it now, or None if YooKassa does not know it."""
        try:
            response = await self._call(Payment.find_one, payment_id)
        except _Missing:
            return None
        return _remote_payment(response)

    async def fetch_refund(self, refund_id: str) -> RemoteRefund | None:
        try:
            response = await self._call(Refund.find_one, refund_id)
        except _Missing:
            return None
        return RemoteRefund(
            id=response.id,
            payment_id=response.payment_id,
            status=response.status,
            amount=Decimal(response.amount.value),
            currency=response.amount.currency,
        )

    @staticmethod
    async def _call(function: Any, *args: Any) -> Any:
        try:
            return await asyncio.to_thread(function, *args)
        except NotFoundError as error:
            raise _Missing from error
        # The SDK raises its own errors, requests' errors and, for a refused connection,
        # an AttributeError of its error handler: all mean "YooKassa is not reachable".
        except Exception as error:
            log.warning("yookassa.call_failed", call=function.__qualname__, error=repr(error))
            raise PaymentProviderUnavailable() from error


class _Missing(Exception):
    """YooKassa answered 404."""


def _remote_payment(response: Any) -> RemotePayment:
    confirmation = response.confirmation
    cancellation = response.cancellation_details
    return RemotePayment(
        id=response.id,
        status=response.status,
        amount=Decimal(response.amount.value),
        currency=response.amount.currency,
        confirmation_url=getattr(confirmation, "confirmation_url", None),
        metadata=dict(response.metadata or {}),
        cancellation_reason=getattr(cancellation, "reason", None),
    )
