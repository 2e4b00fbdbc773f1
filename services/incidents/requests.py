"""Employees' requests for money: an expense (items of the owner's product list ×
quantity × price, with a receipt photo) or another request (an amount and what for).
Someone with `edit_money` on the employee approves (paid back once, as a ledger line)
or declines with a comment; both sides are told."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.incidents.errors import CaseAlreadyDecided, NoProducts
from services.incidents.money import settle_request
from services.incidents.notices import Case, deciders, tell
from services.notify.outbox import (
    REQUEST_DECIDED,
    REQUEST_FILED,
)
from services.payroll.access import require_money_access
from services.platform.clock import Clock
from services.platform.db.models import (
    CaseEvent,
    EmployeeRequest,
    ExpenseProduct,
    MembershipObject,
    Permission,
    RequestKind,
    RequestStatus,
)
from services.platform.errors import InvalidInput, NotFound
from services.platform.validation import MAX_MONEY, clean_text, parse_money
from services.staff.permissions import Actor, require_owner

MAX_TEXT_LENGTH = 1000
MAX_TITLE_LENGTH = 100
MAX_QUANTITY = 1000
# `/start case_req_<id>`: the button of every notification about a request.
REQUEST_PAYLOAD_PREFIX = "case_req_"


@dataclass(frozen=True)
class RequestItem:
    product_id: int
    quantity: int


_PRODUCT_LINE = re.compile(r"^(?P<title>.+?)[\s—–-]+(?P<price>\d[\d\s]*(?:[.,]\d{1,2})?)\s*$")


def parse_product_line(raw: str | None) -> tuple[str, Decimal]:
    """ "Coffee beans 1 kg — 1200" → the title and the price (the number at the end)."""
    found = _PRODUCT_LINE.match((raw or "").strip())
    if found is None:
        raise InvalidInput(field="product", reason="product-line")
    title = clean_text(found["title"], field="title", max_length=MAX_TITLE_LENGTH)
    return title, parse_money(found["price"], field="price")


async def products_of(session: AsyncSession, organization_id: int) -> list[ExpenseProduct]:
    return list(
        await session.scalars(
            select(ExpenseProduct)
            .where(
                ExpenseProduct.organization_id == organization_id,
                ExpenseProduct.archived.is_(False),
            )
            .order_by(ExpenseProduct.title)
        )
    )


async def add_product(
    session: AsyncSession, actor: Actor, title: str, price: Decimal
) -> ExpenseProduct:
    """An item employees may claim back, at its price (the owner's list)."""
    require_owner(actor)
    if price <= 0 or price > MAX_MONEY:
        raise InvalidInput(field="price", reason="money", maximum=MAX_MONEY)
    product = ExpenseProduct(
        organization_id=actor.organization_id,
        title=clean_text(title, field="title", max_length=MAX_TITLE_LENGTH),
        price=price,
    )
    session.add(product)
    await session.flush()
    return product


async def archive_product(session: AsyncSession, actor: Actor, product_id: int) -> None:
    """Taken off the list; requests that already name it keep their copy."""
    require_owner(actor)
    product = await session.get(ExpenseProduct, product_id)
    if product is None or product.organization_id != actor.organization_id:
        raise NotFound(what="product")
    product.archived = True


async def _priced_items(
    session: AsyncSession, organization_id: int, items: Sequence[RequestItem]
) -> list[dict[str, str]]:
    products = {p.id: p for p in await products_of(session, organization_id)}
    if not products:
        raise NoProducts()
    if not items:
        raise InvalidInput(field="items", reason="empty")
    priced = []
    for item in items:
        product = products.get(item.product_id)
        if product is None:
            raise NotFound(what="product")
        if not 1 <= item.quantity <= MAX_QUANTITY:
            raise InvalidInput(
                field="quantity", reason="whole-count", minimum=1, maximum=MAX_QUANTITY
            )
        priced.append(
            {"title": product.title, "quantity": str(item.quantity), "price": str(product.price)}
        )
    return priced


def items_total(items: Sequence[dict[str, str]]) -> Decimal:
    return sum((Decimal(i["price"]) * int(i["quantity"]) for i in items), Decimal("0.00"))


async def _main_object_id(session: AsyncSession, membership_id: int) -> int | None:
    return await session.scalar(
        select(MembershipObject.object_id)
        .where(MembershipObject.membership_id == membership_id)
        .order_by(MembershipObject.id)
        .limit(1)
    )


def _case(request: EmployeeRequest) -> Case:
    return Case(
        "request",
        request.id,
        request.organization_id,
        request.object_id,
        request.user_id,
        request.amount,
        REQUEST_PAYLOAD_PREFIX,
    )


async def _tell(
    session: AsyncSession,
    request: EmployeeRequest,
    now: datetime,
    kind: str,
    user_ids: list[int],
    step: str,
    **payload: Any,
) -> None:
    await tell(session, _case(request), now, kind, user_ids, step, **payload)


async def _deciders(session: AsyncSession, request: EmployeeRequest) -> list[int]:
    return await deciders(session, _case(request))


async def file_request(
    session: AsyncSession,
    clock: Clock,
    actor: Actor,
    *,
    kind: RequestKind,
    comment: str,
    items: Sequence[RequestItem] = (),
    amount: Decimal | None = None,
    receipt_file_id: str | None = None,
) -> EmployeeRequest:
    """An employee asks for money: an expense priced from the product list (a receipt
    photo is required), or another request with its amount and a comment."""
    membership = await require_money_access(session, actor, actor.user_id, Permission.VIEW_MONEY)
    if kind == RequestKind.EXPENSE:
        priced = await _priced_items(session, actor.organization_id, items)
        total = items_total(priced)
        if not receipt_file_id:
            raise InvalidInput(field="receipt", reason="empty")
        text = comment.strip()[:MAX_TEXT_LENGTH]
    else:
        priced = []
        total = amount if amount is not None else Decimal(0)
        text = clean_text(comment, field="comment", max_length=MAX_TEXT_LENGTH)
    if total <= 0 or total > MAX_MONEY:
        raise InvalidInput(field="amount", reason="money", maximum=MAX_MONEY)
    now = clock.now()
    request = EmployeeRequest(
        organization_id=actor.organization_id,
        object_id=await _main_object_id(session, membership.id),
        user_id=actor.user_id,
        membership_id=membership.id,
        kind=kind,
        items=priced,
        amount=total,
        comment=text,
        receipt_file_id=receipt_file_id,
        created_at=now,
    )
    session.add(request)
    await session.flush()
    session.add(
        CaseEvent(
            organization_id=request.organization_id,
            request_id=request.id,
            actor_user_id=actor.user_id,
            action="filed",
            comment=text,
            amount=total,
            created_at=now,
        )
    )
    deciders = await _deciders(session, request)
    await _tell(session, request, now, REQUEST_FILED.name, deciders, "filed")
    return request


async def decide_request(
    session: AsyncSession,
    clock: Clock,
    actor: Actor,
    request_id: int,
    *,
    approve: bool,
    comment: str = "",
) -> EmployeeRequest:
    """Approve (paid back once, as a ledger line) or decline (a comment is required)."""
    request = await session.scalar(
        select(EmployeeRequest)
        .where(
            EmployeeRequest.id == request_id,
            EmployeeRequest.organization_id == actor.organization_id,
        )
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if request is None or request.user_id == actor.user_id:
        raise NotFound(what="request")
    await require_money_access(session, actor, request.user_id, Permission.EDIT_MONEY)
    if request.status != RequestStatus.REQUESTED:
        raise CaseAlreadyDecided()
    text = (
        comment.strip()[:MAX_TEXT_LENGTH]
        if approve
        else clean_text(comment, field="comment", max_length=MAX_TEXT_LENGTH)
    )
    now = clock.now()
    request.status = RequestStatus.APPROVED if approve else RequestStatus.DECLINED
    request.decision_comment = text
    action = "approved" if approve else "declined"
    session.add(
        CaseEvent(
            organization_id=request.organization_id,
            request_id=request.id,
            actor_user_id=actor.user_id,
            action=action,
            comment=text,
            amount=request.amount,
            created_at=now,
        )
    )
    await settle_request(session, request, now, author_user_id=actor.user_id)
    await _tell(
        session,
        request,
        now,
        REQUEST_DECIDED.name,
        [request.user_id],
        action,
        approved=int(approve),
        comment=text,
    )
    return request
