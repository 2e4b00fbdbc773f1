"""`POST /webhooks/yookassa` through the real FastAPI app (its lifespan included), the
fake YooKassa API over HTTP and PostgreSQL."""

import asyncio
import json
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest
import structlog
from fastapi import FastAPI
from sqlalchemy import select

from services.integrations.yookassa import YookassaGateway
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import Payment, PaymentRefund, PaymentStatus
from services.platform.db.session import SessionFactory
from tests.fakes.yookassa_server import FakeYookassaServer
from tests.support.billing import (
    Owner,
    activations,
    make_owner,
    outbox_of,
    start_payment,
    yookassa_settings,
)
from tests.support.webapp import besides_the_access_log
from webapp.app import create_app
from webapp.routes.yookassa_webhook import client_address

YOOKASSA_IP = "185.71.76.10"
PROXY_IP = "127.0.0.1"


@pytest.fixture
async def yookassa() -> AsyncIterator[FakeYookassaServer]:
    async with FakeYookassaServer() as server:
        yield server


@pytest.fixture
def gateway(yookassa: FakeYookassaServer) -> YookassaGateway:
    return YookassaGateway(yookassa_settings(yookassa))


@pytest.fixture
async def app(
    settings: Settings, yookassa: FakeYookassaServer, clock: ManualClock, session_factory
) -> AsyncIterator[FastAPI]:
    configured = settings.model_copy(
        update={"yookassa": yookassa_settings(yookassa, trusted_proxy=PROXY_IP)}
    )
    application = create_app(configured)
    async with application.router.lifespan_context(application):
        application.state.clock = clock
        yield application


def client(app: FastAPI, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40123))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


def notification(event: str, object_id: str, **fields: Any) -> dict[str, Any]:
    return {"type": "notification", "event": event, "object": {"id": object_id, **fields}}


async def new_payment(
    session_factory: SessionFactory, gateway: YookassaGateway, clock: ManualClock, owner: Owner
) -> Payment:
    payment = await start_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    return payment


async def status_of(session_factory: SessionFactory, payment_id: int) -> PaymentStatus:
    async with session_factory() as session:
        payment = await session.get(Payment, payment_id)
        assert payment is not None
        return PaymentStatus(payment.status)


async def test_an_untrusted_address_is_refused_and_nothing_changes(
    app, session_factory, gateway, yookassa, clock
) -> None:
    owner = await make_owner(session_factory, clock, 6001)
    payment = await new_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")

    async with client(app, "1.2.3.4") as http:
        response = await http.post(
            "/webhooks/yookassa",
            json=notification("payment.succeeded", payment.yookassa_payment_id),
        )

    assert response.status_code == 403
    assert yookassa.fetched == []
    assert await status_of(session_factory, payment.id) == PaymentStatus.PENDING
    async with session_factory() as session:
        assert await activations(session) == 0


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "accepted"),
    [
        (PROXY_IP, f"1.2.3.4, {YOOKASSA_IP}", True),
        (PROXY_IP, f"{YOOKASSA_IP}, 1.2.3.4", False),
        ("1.2.3.4", YOOKASSA_IP, False),
        (YOOKASSA_IP, None, True),
    ],
)
async def test_forwarded_for_counts_only_from_the_trusted_proxy(
    app, session_factory, gateway, yookassa, clock, peer, forwarded_for, accepted
) -> None:
    owner = await make_owner(session_factory, clock, 6002)
    payment = await new_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    yookassa.set_status(payment.yookassa_payment_id, "succeeded")
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}

    async with client(app, peer) as http:
        response = await http.post(
            "/webhooks/yookassa",
            json=notification("payment.succeeded", payment.yookassa_payment_id),
            headers=headers,
        )

    assert response.status_code == (200 if accepted else 403)
    expected = PaymentStatus.SUCCEEDED if accepted else PaymentStatus.PENDING
    assert await status_of(session_factory, payment.id) == expected


async def test_a_forged_succeeded_body_for_a_pending_payment_activates_nothing(
    app, session_factory, gateway, yookassa, clock
) -> None:
    owner = await make_owner(session_factory, clock, 6003)
    payment = await new_payment(session_factory, gateway, clock, owner)
    assert payment.yookassa_payment_id is not None
    forged = notification(
        "payment.succeeded",
        payment.yookassa_payment_id,
        status="succeeded",
        paid=True,
        amount={"value": "1490.00", "currency": "RUB"},
        metadata={"payment_id": str(payment.id)},
    )

    async with client(app, YOOKASSA_IP) as http:
        response = await http.post("/webhooks/yookassa", json=forged)

    assert response.status_code == 200
    assert response.json() == {"status": "unchanged"}
    assert yookassa.fetched == [payment.yookassa_payment_id]
    assert await status_of(session_factory, payment.id) == PaymentStatus.PENDING
    async with session_factory() as session:
        assert await activations(session) == 0


async def test_an_unknown_payment_is_answered_200(app, yookassa) -> None:
    async with client(app, YOOKASSA_IP) as http:
        response = await http.post(
            "/webhooks/yookassa", json=notification("payment.succeeded", "no-such-payment")
        )
        malformed = await http.post("/webhooks/yookassa", json={"event": "payment.succeeded"})

    assert response.status_code == 200
    assert response.json() == {"status": "unknown"}
    assert malformed.status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            b'{"event": "payment.succeeded", "object": ' + b"[" * 30_000, id="deeply nested"
        ),
        pytest.param(
            json.dumps(notification("payment.succeeded", "")).replace('""', '{"id": "x"}'),
            id="an object as the id",
        ),
        pytest.param(
            json.dumps(notification("payment.succeeded", "../refunds/abc")), id="a path as the id"
        ),
        pytest.param(json.dumps(notification("payment.succeeded", "a" * 65)), id="an overlong id"),
        pytest.param(
            json.dumps({"event": ["payment.succeeded"], "object": {"id": "p"}}),
            id="a list as the event",
        ),
        pytest.param(b"\xff\xfe not json", id="not json"),
    ],
)
async def test_a_malformed_notification_is_400_with_one_log_line_and_asks_the_api_nothing(
    app, yookassa, body: bytes | str
) -> None:
    with structlog.testing.capture_logs() as logs:
        async with client(app, YOOKASSA_IP) as http:
            response = await http.post("/webhooks/yookassa", content=body)

    assert response.status_code == 400
    assert yookassa.fetched == []
    assert besides_the_access_log(logs) == ["yookassa.webhook_malformed"]


async def test_a_10_mb_body_is_refused_before_it_is_read(app, yookassa) -> None:
    chunk = b" " * 65_536
    chunks_sent = 0

    async def ten_megabytes() -> AsyncIterator[bytes]:
        nonlocal chunks_sent
        for _ in range(160):
            chunks_sent += 1
            yield chunk

    async with client(app, YOOKASSA_IP) as http:
        declared = await http.post("/webhooks/yookassa", content=b"{" + b" " * 10_000_000)
        streamed = await http.post("/webhooks/yookassa", content=ten_megabytes())

    assert declared.status_code == 413
    assert streamed.status_code == 413
    assert chunks_sent <= 2, "the webapp went on reading past its limit"
    assert yookassa.fetched == []


async def test_100_duplicate_concurrent_notifications_for_10_payments_activate_10(
    app, session_factory, gateway, yookassa, clock
) -> None:
    payments = []
    for number in range(10):
        owner = await make_owner(session_factory, clock, 6100 + number, name=f"Org {number}")
        payment = await new_payment(session_factory, gateway, clock, owner)
        assert payment.yookassa_payment_id is not None
        yookassa.set_status(payment.yookassa_payment_id, "succeeded")
        payments.append(payment)

    async with client(app, YOOKASSA_IP) as http:
        responses = await asyncio.gather(
            *[
                http.post(
                    "/webhooks/yookassa",
                    json=notification("payment.succeeded", str(payment.yookassa_payment_id)),
                )
                for _ in range(10)
                for payment in payments
            ]
        )

    assert [r.status_code for r in responses] == [200] * 100
    outcomes = [r.json()["status"] for r in responses]
    assert outcomes.count("succeeded") == 10
    assert outcomes.count("unchanged") == 90
    async with session_factory() as session:
        assert await activations(session) == 10
        assert len(await outbox_of(session, "billing_payment_succeeded")) == 10
        statuses = set(await session.scalars(select(Payment.status)))
    assert statuses == {PaymentStatus.SUCCEEDED}


async def test_canceled_and_refund_notifications(
    app, session_factory, gateway, yookassa, clock
) -> None:
    owner = await make_owner(session_factory, clock, 6004)
    canceled = await new_payment(session_factory, gateway, clock, owner)
    assert canceled.yookassa_payment_id is not None
    yookassa.set_status(canceled.yookassa_payment_id, "canceled")
    async with client(app, YOOKASSA_IP) as http:
        response = await http.post(
            "/webhooks/yookassa",
            json=notification("payment.canceled", canceled.yookassa_payment_id),
        )
        assert response.json() == {"status": "canceled"}

        paid = await new_payment(session_factory, gateway, clock, owner)
        assert paid.yookassa_payment_id is not None
        yookassa.set_status(paid.yookassa_payment_id, "succeeded")
        await http.post(
            "/webhooks/yookassa", json=notification("payment.succeeded", paid.yookassa_payment_id)
        )
        refund_id = yookassa.add_refund(paid.yookassa_payment_id)
        refunds = [
            await http.post("/webhooks/yookassa", json=notification("refund.succeeded", refund_id))
            for _ in range(2)
        ]

    assert [r.json()["status"] for r in refunds] == ["refunded", "unchanged"]
    assert await status_of(session_factory, canceled.id) == PaymentStatus.CANCELED
    async with session_factory() as session:
        recorded = list(await session.scalars(select(PaymentRefund)))
        assert len(await outbox_of(session, "billing_payment_canceled")) == 1
    assert [(r.yookassa_refund_id, r.amount) for r in recorded] == [(refund_id, Decimal("1490.00"))]


async def test_payments_are_counted_in_metrics(app, session_factory, gateway, clock) -> None:
    owner = await make_owner(session_factory, clock, 6005)
    await new_payment(session_factory, gateway, clock, owner)

    async with client(app, "127.0.0.1") as http:
        body = (await http.get("/metrics")).text

    assert 'staffprobot_payments_total{status="pending"}' in body


def test_client_address_rules() -> None:
    assert client_address("8.8.8.8", "185.71.76.1", "") == "8.8.8.8"
    assert client_address("127.0.0.1", "9.9.9.9, 185.71.76.1", "127.0.0.0/8") == "185.71.76.1"
    assert client_address("127.0.0.2", None, "127.0.0.1") == "127.0.0.2"
    assert client_address(None, "185.71.76.1", "127.0.0.1") is None
