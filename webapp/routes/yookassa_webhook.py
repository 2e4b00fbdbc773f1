"""`POST /webhooks/yookassa`: YooKassa's notifications about payments and refunds.

Only YooKassa's published addresses are accepted (`YOOKASSA_TRUSTED_IPS`); behind a
reverse proxy the client address comes from `X-Forwarded-For` only when the direct peer
is the configured `YOOKASSA_TRUSTED_PROXY`. The body is a hint, never the truth: the use
case fetches the object from the API and acts on that. A body that is not a notification
(not JSON, nested past reason, an object id that is not an id) is 400 and one log line:
nothing of it reaches the API, and YooKassa does not repeat it.
"""

import ipaddress
from collections.abc import Iterable
from typing import Annotated

import structlog
from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, StringConstraints, ValidationError

from services.billing.payments import process_payment_notification, process_refund_notification
from services.integrations.yookassa import PaymentProviderUnavailable, YookassaGateway
from services.platform.clock import Clock, SystemClock
from services.platform.config import Settings

router = APIRouter(tags=["billing"])
log = structlog.get_logger("webapp.yookassa")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class _NotifiedObject(BaseModel):
    # YooKassa's ids are UUID-like ("2d0f2f0a-000f-5000-9000-1d6a0e3c1e14"); a path or an
    # object in their place would become part of the API request's URL.
    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]


class Notification(BaseModel):
    """What we read of a notification: its event and the id of its payment or refund."""

    event: Annotated[str, StringConstraints(max_length=64)]
    object: _NotifiedObject


def parse_networks(spec: str) -> list[Network]:
    """A comma list of addresses and CIDR ranges ("185.71.76.0/27,77.75.156.11")."""
    return [
        ipaddress.ip_network(part.strip(), strict=False) for part in spec.split(",") if part.strip()
    ]


def _within(address: str, networks: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(peer: str | None, forwarded_for: str | None, trusted_proxy: str) -> str | None:
    """The notifying client's address: the direct peer, or, when the peer is our trusted
    proxy, the last `X-Forwarded-For` entry (the one our proxy appended)."""
    if peer is None:
        return None
    if trusted_proxy and forwarded_for and _within(peer, parse_networks(trusted_proxy)):
        return forwarded_for.split(",")[-1].strip()
    return peer


def is_from_yookassa(peer: str | None, forwarded_for: str | None, settings: Settings) -> bool:
    address = client_address(peer, forwarded_for, settings.yookassa.trusted_proxy)
    return address is not None and _within(address, parse_networks(settings.yookassa.trusted_ips))


def _gateway(request: Request) -> YookassaGateway:
    state = request.app.state
    gateway = getattr(state, "yookassa_gateway", None)
    if gateway is None:
        gateway = YookassaGateway(state.settings.yookassa)
        state.yookassa_gateway = gateway
    return gateway


def _clock(request: Request) -> Clock:
    clock = getattr(request.app.state, "clock", None)
    return clock if clock is not None else SystemClock()


@router.post("/webhooks/yookassa", include_in_schema=False)
async def yookassa_webhook(request: Request) -> dict[str, str]:
    state = request.app.state
    peer = request.client.host if request.client else None
    if not is_from_yookassa(peer, request.headers.get("X-Forwarded-For"), state.settings):
        log.warning("yookassa.webhook_refused", peer=peer)
        raise HTTPException(status.HTTP_403_FORBIDDEN)
    try:
        notification = Notification.model_validate_json(await request.body())
    except ValidationError as error:
        problem = error.errors()[0]
        log.warning("yookassa.webhook_malformed", problem=problem["type"], at=problem["loc"])
        raise HTTPException(status.HTTP_400_BAD_REQUEST) from error
    event, object_id = notification.event, notification.object.id
    structlog.contextvars.bind_contextvars(yookassa_event=event, yookassa_object_id=object_id)
    if event.startswith("payment."):
        process = process_payment_notification
    elif event == "refund.succeeded":
        process = process_refund_notification
    else:
        log.info("yookassa.webhook_ignored")
        return {"status": "ignored"}
    async with state.session_factory() as session:
        try:
            outcome = await process(session, _gateway(request), _clock(request), object_id)
        except PaymentProviderUnavailable as error:
            # YooKassa retries a notification that was not answered 200; the poller too.
            raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE) from error
        await session.commit()
    log.info("yookassa.webhook_processed", outcome=outcome.value)
    return {"status": outcome.value}
