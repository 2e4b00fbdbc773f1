"""Planners' approvals of the exchange: the takes, give-aways and swaps waiting on
objects that want approval, and the planner's decision on one of them."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.exchange.eligibility import require_within_cap
from services.exchange.errors import ExchangeNotPending
from services.exchange.locks import locked_request
from services.exchange.notices import shift_payload, tell
from services.exchange.offers import complete_offer, offered_shift_checked
from services.exchange.swaps import exchange_shifts, lock_swap, swap_payload, swap_view
from services.exchange.views import (
    ExchangeKind,
    ShiftInfo,
    display_name,
    planned_shift_info,
    shift_info,
    slot_info,
)
from services.notify.outbox import EXCHANGE_DECIDED
from services.planning.bookings import check_placement, place_on_slot
from services.planning.planners import require_planner_on
from services.planning.rules import clean_comment
from services.planning.slots import live_slot
from services.platform.clock import Clock
from services.platform.db.models import (
    ExchangeStatus,
    Membership,
    Permission,
    PlannedShift,
    ShiftOffer,
    ShiftSwap,
    SlotRequest,
    WorkObject,
)
from services.staff.permissions import actor_in, objects_with_permission


@dataclass(frozen=True)
class ExchangeApproval:
    """Something a planner approves or refuses. `employee` takes `shift` (a request, a
    give-away to `other`'s shift) or, for a swap, `employee` and `other` exchange
    `shift` (the employee's) and `other_shift`."""

    kind: ExchangeKind
    exchange_id: int
    employee: str
    shift: ShiftInfo
    other: str = ""
    other_shift: ShiftInfo | None = None

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.exchange_id}"


async def planned_object_ids(session: AsyncSession, user_id: int, organization_id: int) -> set[int]:
    """Ids of the organization's objects the user plans (`plan` permission)."""
    actor = await actor_in(session, user_id, organization_id)
    return {o.id for o in await objects_with_permission(session, actor, Permission.PLAN)}


async def pending_exchange_approvals(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[ExchangeApproval]:
    """Takes, give-aways and swaps waiting for a decision on objects the user plans (a
    swap across two objects needs `plan` on both)."""
    object_ids = await planned_object_ids(session, user_id, organization_id)
    if not object_ids:
        return []
    approvals: list[ExchangeApproval] = []
    requests = await session.scalars(
        select(SlotRequest)
        .where(
            SlotRequest.status == ExchangeStatus.PENDING_APPROVAL,
            SlotRequest.object_id.in_(object_ids),
        )
        .order_by(SlotRequest.id)
    )
    for request in requests:
        approvals.append(
            ExchangeApproval(
                ExchangeKind.REQUEST,
                request.id,
                await display_name(session, request.user_id),
                await slot_info(session, request.slot_id),
            )
        )
    offers = await session.scalars(
        select(ShiftOffer)
        .where(
            ShiftOffer.status == ExchangeStatus.PENDING_APPROVAL,
            ShiftOffer.object_id.in_(object_ids),
        )
        .order_by(ShiftOffer.id)
    )
    for offer in offers:
        planned_shift = await session.get(PlannedShift, offer.planned_shift_id)
        assert planned_shift is not None
        approvals.append(
            ExchangeApproval(
                ExchangeKind.OFFER,
                offer.id,
                await display_name(session, offer.taker_user_id),
                await planned_shift_info(session, planned_shift),
                other=await display_name(session, offer.offered_by_user_id),
            )
        )
    swaps = await session.scalars(
        select(ShiftSwap)
        .where(
            ShiftSwap.status == ExchangeStatus.PENDING_APPROVAL,
            ShiftSwap.organization_id == organization_id,
        )
        .order_by(ShiftSwap.id)
    )
    for swap in swaps:
        view = await swap_view(session, swap)
        if {view.proposer_shift.object_id, view.partner_shift.object_id} <= object_ids:
            approvals.append(
                ExchangeApproval(
                    ExchangeKind.SWAP,
                    swap.id,
                    view.proposer_name,
                    view.proposer_shift,
                    other=view.partner_name,
                    other_shift=view.partner_shift,
                )
            )
    return approvals


async def _require_plans(session: AsyncSession, user_id: int, object_ids: Sequence[int]) -> None:
    for object_id in object_ids:
        await require_planner_on(session, user_id, object_id)


async def decide_exchange(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    kind: ExchangeKind,
    exchange_id: int,
    approve: bool,
    comment: str = "",
) -> None:
    """A planner (owner, or manager with `plan` on the objects) approves or refuses,
    once, with an optional comment; the employees concerned are told. Approval checks
    every rule again under locks: if the place is gone or someone would now overlap, it
    is refused with that reason and nothing changes. A refused give-away is open again
    for other colleagues until its deadline."""
    text = clean_comment(comment)
    now = clock.now()
    decide = {
        ExchangeKind.REQUEST: _decide_request,
        ExchangeKind.OFFER: _decide_offer,
        ExchangeKind.SWAP: _decide_swap,
    }[kind]
    decision = await decide(session, clock, user_id, exchange_id, approve)
    row = decision.row
    row.decided_by_user_id, row.decided_at, row.decision_comment = user_id, now, text
    await session.flush()
    for recipient in decision.recipients:
        await tell(
            session,
            now,
            EXCHANGE_DECIDED.name,
            f"{kind.value}:{exchange_id}:{int(now.timestamp())}",
            recipient,
            decision.organization_id,
            what=kind.value,
            approved="yes" if approve else "no",
            comment=text,
            has_comment="yes" if text else "no",
            **decision.payload,
        )


@dataclass(frozen=True)
class _Decided:
    """What a planner's decision changed and whom to tell about it."""

    row: SlotRequest | ShiftOffer | ShiftSwap
    recipients: list[int]
    payload: dict[str, Any]
    organization_id: int


async def _decide_request(
    session: AsyncSession, clock: Clock, user_id: int, request_id: int, approve: bool
) -> _Decided:
    request = await locked_request(session, SlotRequest, request_id)
    await _require_plans(session, user_id, [request.object_id])
    if request.status != ExchangeStatus.PENDING_APPROVAL:
        raise ExchangeNotPending()
    slot = await live_slot(session, request.slot_id, lock=True)
    work_object = await session.get(WorkObject, slot.object_id)
    assert work_object is not None
    if approve:
        membership = await session.get(Membership, request.membership_id)
        assert membership is not None
        await check_placement(session, clock, slot, membership)
        await require_within_cap(session, request.user_id, work_object.organization_id, slot)
        planned_shift = await place_on_slot(session, clock, slot, membership)
        request.planned_shift_id = planned_shift.id
    request.status = ExchangeStatus.DONE if approve else ExchangeStatus.REFUSED
    request.resolved_at = clock.now()
    return _Decided(
        request,
        [request.user_id],
        shift_payload(shift_info(slot, work_object)),
        work_object.organization_id,
    )


async def _decide_offer(
    session: AsyncSession, clock: Clock, user_id: int, offer_id: int, approve: bool
) -> _Decided:
    offer = await locked_request(session, ShiftOffer, offer_id)
    await _require_plans(session, user_id, [offer.object_id])
    if offer.status != ExchangeStatus.PENDING_APPROVAL or offer.taker_membership_id is None:
        raise ExchangeNotPending()
    taker = await session.get(Membership, offer.taker_membership_id)
    assert taker is not None
    recipients = [offer.offered_by_user_id, taker.user_id]
    if approve:
        planned_shift, slot, work_object = await offered_shift_checked(session, clock, offer, taker)
        await complete_offer(session, clock.now(), offer, planned_shift, taker)
        info = shift_info(slot, work_object)
    else:
        offered = await session.get(PlannedShift, offer.planned_shift_id)
        assert offered is not None
        offer.status = ExchangeStatus.OPEN
        offer.taker_user_id = offer.taker_membership_id = None
        await session.flush()
        info = await planned_shift_info(session, offered)
    return _Decided(offer, recipients, shift_payload(info), info.organization_id)


async def _decide_swap(
    session: AsyncSession, clock: Clock, user_id: int, swap_id: int, approve: bool
) -> _Decided:
    swap = await locked_request(session, ShiftSwap, swap_id)
    mine = await session.get(PlannedShift, swap.proposer_shift_id)
    theirs = await session.get(PlannedShift, swap.partner_shift_id)
    assert mine is not None and theirs is not None
    await _require_plans(session, user_id, sorted({mine.object_id, theirs.object_id}))
    if swap.status != ExchangeStatus.PENDING_APPROVAL:
        raise ExchangeNotPending()
    if approve:
        await exchange_shifts(session, clock.now(), swap, await lock_swap(session, clock, swap))
    else:
        swap.status = ExchangeStatus.REFUSED
        swap.resolved_at = clock.now()
        await session.flush()
    return _Decided(
        swap,
        [swap.proposer_user_id, swap.partner_user_id],
        await swap_payload(session, swap),
        swap.organization_id,
    )
