"""A thin typed adapter over the YooKassa API v3 (HTTP Basic auth with the shop id and
secret key, an `Idempotence-Key` on creation), asynchronous and bounded in time: a call
that takes longer than `timeout_seconds`, fails or is refused raises
`PaymentProviderUnavailable`. Without a shop id and secret key nothing is called:
`PaymentsNotConfigured` at once. `api_url` comes from settings, so tests talk to a fake
YooKassa API on loopback.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import structlog

from services.platform.config import YookassaSettings
from services.platform.errors import DomainError

log = structlog.get_logger("yookassa")

# A subscription is a service; "vat_code" 1 means "without VAT" (simplified taxation).
_RECEIPT_VAT_CODE = 1


class PaymentProviderUnavailable(DomainError):
    """YooKassa did not answer or refused the request; nothing was charged."""

    code = "payment-provider-unavailable"


class PaymentsNotConfigured(PaymentProviderUnavailable):
    """This installation has no YooKassa shop (no shop id or secret key)."""

    code = "payments-not-configured"


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
    """Creates and reads payments and refunds through the API, each call within
    `timeout_seconds`."""

    def __init__(self, settings: YookassaSettings) -> None:
        self._settings = settings

    @property
    def is_configured(self) -> bool:
        return bool(self._settings.shop_id and self._settings.secret_key.get_secret_value())

    async def create_payment(self, new: NewPayment) -> RemotePayment:
        answer = await self._call(
            "POST",
            "/payments",
            json=payment_request_body(new),
            headers={"Idempotence-Key": new.idempotence_key},
        )
        return _remote_payment(answer)

    async def fetch_payment(self, payment_id: str) -> RemotePayment | None:
        """The payment as YooKassa knows it now, or None if YooKassa does not know it."""
        try:
            answer = await self._call("GET", f"/payments/{payment_id}")
        except _Missing:
            return None
        return _remote_payment(answer)

    async def fetch_refund(self, refund_id: str) -> RemoteRefund | None:
        try:
            answer = await self._call("GET", f"/refunds/{refund_id}")
        except _Missing:
            return None
        return RemoteRefund(
            id=answer["id"],
            payment_id=answer["payment_id"],
            status=answer["status"],
            amount=Decimal(answer["amount"]["value"]),
            currency=answer["amount"]["currency"],
        )

    async def _call(self, method: str, path: str, **request: Any) -> Any:
        if not self.is_configured:
            raise PaymentsNotConfigured()
        import httpx  # loaded by the first call: the bot's first update needs no httpx

        auth = (self._settings.shop_id, self._settings.secret_key.get_secret_value())
        try:
            async with httpx.AsyncClient(
                base_url=self._settings.api_url.rstrip("/"),
                auth=auth,
                timeout=self._settings.timeout_seconds,
            ) as client:
                response = await client.request(method, path, **request)
            if response.status_code == httpx.codes.NOT_FOUND:
                raise _Missing
            response.raise_for_status()
            return response.json()
        except (httpx.HTTPError, ValueError) as error:
            log.warning("yookassa.call_failed", call=f"{method} {path}", error=repr(error))
            raise PaymentProviderUnavailable() from error


class _Missing(Exception):
    """YooKassa answered 404."""


def _remote_payment(answer: Any) -> RemotePayment:
    return RemotePayment(
        id=answer["id"],
        status=answer["status"],
        amount=Decimal(answer["amount"]["value"]),
        currency=answer["amount"]["currency"],
        confirmation_url=(answer.get("confirmation") or {}).get("confirmation_url"),
        metadata=dict(answer.get("metadata") or {}),
        cancellation_reason=(answer.get("cancellation_details") or {}).get("reason"),
    )
