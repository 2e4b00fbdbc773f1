"""Fake YooKassa API v3 over real HTTP on 127.0.0.1 (random port).

It speaks the shapes of the real API: `POST /v3/payments` (HTTP Basic auth with the shop
id and secret key, an `Idempotence-Key` header: the same key returns the same payment),
`GET /v3/payments/{id}` and `GET /v3/refunds/{id}`, errors as `{"type": "error", ...}`.
A test reads what was sent (`created`) and moves a payment on as YooKassa would
(`set_status`, `add_refund`), or makes the API hang (`hold_answers`).
"""

from __future__ import annotations

import asyncio
import base64
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from types import TracebackType
from typing import Any, Self

from aiohttp import web

JsonDict = dict[str, Any]

PAYMENT_STATUSES = ("pending", "waiting_for_capture", "succeeded", "canceled")


@dataclass(frozen=True)
class CreateCall:
    """One `POST /v3/payments` as received."""

    idempotence_key: str | None
    body: JsonDict
    payment_id: str | None


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _error(status: int, code: str, description: str) -> web.Response:
    return web.json_response(
        {"type": "error", "id": uuid.uuid4().hex, "code": code, "description": description},
        status=status,
    )


class FakeYookassaServer:
    def __init__(self, shop_id: str = "100500", secret_key: str = "test_secret") -> None:
        self.shop_id = shop_id
        self.secret_key = secret_key
        self.api_url = ""
        self.created: list[CreateCall] = []
        self.fetched: list[str] = []
        self.payments: dict[str, JsonDict] = {}
        self.refunds: dict[str, JsonDict] = {}
        self._by_idempotence_key: dict[str, str] = {}
        self._runner: web.AppRunner | None = None
        self._answering = asyncio.Event()
        self._answering.set()
        self._received = asyncio.Event()

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        app = web.Application(middlewares=[self._hold])
        app.router.add_post("/v3/payments", self._create_payment)
        app.router.add_get("/v3/payments/{payment_id}", self._get_payment)
        app.router.add_get("/v3/refunds/{refund_id}", self._get_refund)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        port = self._runner.addresses[0][1]
        self.api_url = f"http://127.0.0.1:{port}/v3"

    async def stop(self) -> None:
        self._answering.set()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    # ------------------------------------------------------------------ test controls

    def set_status(
        self, payment_id: str, status: str, *, cancellation_reason: str = "expired_on_confirmation"
    ) -> None:
        if status not in PAYMENT_STATUSES:
            raise ValueError(f"unknown payment status {status!r}")
        payment = self.payments[payment_id]
        payment["status"] = status
        payment["paid"] = status in ("waiting_for_capture", "succeeded")
        if status == "succeeded":
            payment["captured_at"] = _now()
            payment["refundable"] = True
            payment["income_amount"] = dict(payment["amount"])
        if status == "canceled":
            payment["cancellation_details"] = {"party": "yoo_money", "reason": cancellation_reason}

    def add_refund(self, payment_id: str, amount: Decimal | None = None) -> str:
        """A succeeded refund of `amount` (the whole payment by default); returns its id."""
        payment = self.payments[payment_id]
        value = amount if amount is not None else Decimal(payment["amount"]["value"])
        currency = payment["amount"]["currency"]
        refund_id = str(uuid.uuid4())
        self.refunds[refund_id] = {
            "id": refund_id,
            "payment_id": payment_id,
            "status": "succeeded",
            "created_at": _now(),
            "amount": {"value": f"{value:.2f}", "currency": currency},
        }
        refunded = Decimal(payment.get("refunded_amount", {}).get("value", "0")) + value
        payment["refunded_amount"] = {"value": f"{refunded:.2f}", "currency": currency}
        return refund_id

    def payment_ids(self) -> list[str]:
        return list(self.payments)

    def hold_answers(self) -> None:
        """A hung API: requests are received and left unanswered until `release_answers`."""
        self._answering.clear()

    def release_answers(self) -> None:
        self._answering.set()

    async def wait_for_request(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Until a request has been received (since the last wait)."""
        await asyncio.wait_for(self._received.wait(), timeout)
        self._received.clear()

    # ------------------------------------------------------------------ HTTP API

    @web.middleware
    async def _hold(self, request: web.Request, handler: Any) -> web.StreamResponse:
        self._received.set()
        await self._answering.wait()
        response: web.StreamResponse = await handler(request)
        return response

    def _authorized(self, request: web.Request) -> bool:
        expected = base64.b64encode(f"{self.shop_id}:{self.secret_key}".encode()).decode()
        return request.headers.get("Authorization") == f"Basic {expected}"

    async def _create_payment(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _error(401, "invalid_credentials", "Basic authentication failed")
        key = request.headers.get("Idempotence-Key")
        body: JsonDict = await request.json()
        if not key:
            self.created.append(CreateCall(None, body, None))
            return _error(400, "invalid_request", "Idempotence-Key header is required")
        existing = self._by_idempotence_key.get(key)
        if existing is not None:
            self.created.append(CreateCall(key, body, existing))
            return web.json_response(self.payments[existing])
        amount = body.get("amount") or {}
        if Decimal(str(amount.get("value", "0"))) <= 0 or not amount.get("currency"):
            self.created.append(CreateCall(key, body, None))
            return _error(400, "invalid_request", "Amount is invalid")
        payment_id = str(uuid.uuid4())
        confirmation = body.get("confirmation") or {}
        payment: JsonDict = {
            "id": payment_id,
            "status": "pending",
            "paid": False,
            "amount": {
                "value": f"{Decimal(str(amount['value'])):.2f}",
                "currency": amount["currency"],
            },
            "confirmation": {
                "type": "redirect",
                "return_url": confirmation.get("return_url"),
                "confirmation_url": (
                    f"https://yoomoney.ru/checkout/payments/v2/contract?orderId={payment_id}"
                ),
            },
            "created_at": _now(),
            "description": body.get("description", ""),
            "metadata": body.get("metadata", {}),
            "recipient": {"account_id": self.shop_id, "gateway_id": "100700"},
            "refundable": False,
            "test": True,
        }
        self.payments[payment_id] = payment
        self._by_idempotence_key[key] = payment_id
        self.created.append(CreateCall(key, body, payment_id))
        return web.json_response(payment)

    async def _get_payment(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _error(401, "invalid_credentials", "Basic authentication failed")
        payment_id = request.match_info["payment_id"]
        self.fetched.append(payment_id)
        payment = self.payments.get(payment_id)
        if payment is None:
            return _error(404, "not_found", "Payment not found")
        return web.json_response(payment)

    async def _get_refund(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return _error(401, "invalid_credentials", "Basic authentication failed")
        refund = self.refunds.get(request.match_info["refund_id"])
        if refund is None:
            return _error(404, "not_found", "Refund not found")
        return web.json_response(refund)
