"""Read models of the exchange: live exchanges of a week for the planning board, the
user's own give-aways, and swap proposals waiting for the user's answer."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.exchange.approvals import planned_object_ids
from services.exchange.swaps import SwapView, swap_view
from services.exchange.views import ExchangeKind, display_name
from services.platform.clock import Clock
from services.platform.db.models import (
    ExchangeStatus,
    PlannedShift,
    ShiftOffer,
    ShiftSwap,
    SlotRequest,
    TimeSlot,
)
from services.platform.db.models.exchange import LIVE_STATUSES


@dataclass(frozen=True)
class PendingExchange:
    """A live give-away, swap or request for a free place on the planning board (Mini
    App), on the slot of the shift it concerns. `employee` holds that shift (a
    give-away's offerer, one side of a swap) or asks for the place; `other` is the
    give-away's taker, the swap's other side, or ""."""

    kind: ExchangeKind
    exchange_id: int
    status: ExchangeStatus
    slot_id: int
    object_id: int
    local_date: date
    employee: str
    other: str


async def my_offers(session: AsyncSession, clock: Clock, *, user_id: int) -> dict[int, int]:
    """The user's live give-aways: planned shift id → offer id."""
    rows = await session.execute(
        select(ShiftOffer.planned_shift_id, ShiftOffer.id).where(
            ShiftOffer.offered_by_user_id == user_id,
            ShiftOffer.status.in_(LIVE_STATUSES),
            ShiftOffer.deadline_at > clock.now(),
        )
    )
    return {planned_shift_id: offer_id for planned_shift_id, offer_id in rows}


async def incoming_swaps(session: AsyncSession, clock: Clock, *, user_id: int) -> list[SwapView]:
    """Proposals waiting for the user's answer."""
    swaps = await session.scalars(
        select(ShiftSwap)
        .where(
            ShiftSwap.partner_user_id == user_id,
            ShiftSwap.status == ExchangeStatus.PROPOSED,
            ShiftSwap.deadline_at > clock.now(),
        )
        .order_by(ShiftSwap.deadline_at, ShiftSwap.id)
    )
    return [await swap_view(session, swap) for swap in swaps]


async def _pending_on(
    session: AsyncSession,
    slot: TimeSlot,
    kind: ExchangeKind,
    exchange_id: int,
    status: ExchangeStatus,
    employee_user_id: int,
    other_user_id: int | None = None,
) -> PendingExchange:
    """The board's entry for a live exchange concerning `slot`, with the people's names."""
    return PendingExchange(
        kind,
        exchange_id,
        status,
        slot.id,
        slot.object_id,
        slot.local_date,
        await display_name(session, employee_user_id),
        await display_name(session, other_user_id),
    )


async def week_exchanges(
    session: AsyncSession, *, user_id: int, organization_id: int, week_start: date
) -> list[PendingExchange]:
    """Live give-aways and swaps of shifts, and requests for free places waiting for
    approval, in the week starting `week_start` (local dates) on objects the user
    plans, for the week board."""
    object_ids = await planned_object_ids(session, user_id, organization_id)
    week_end = week_start + timedelta(days=7)
    in_week = and_(TimeSlot.local_date >= week_start, TimeSlot.local_date < week_end)
    found: list[PendingExchange] = []
    offers = await session.execute(
        select(ShiftOffer, TimeSlot)
        .join(PlannedShift, PlannedShift.id == ShiftOffer.planned_shift_id)
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .where(
            ShiftOffer.status.in_(LIVE_STATUSES),
            ShiftOffer.object_id.in_(object_ids),
            in_week,
        )
        .order_by(TimeSlot.starts_at, ShiftOffer.id)
    )
    for offer, slot in offers:
        found.append(
            await _pending_on(
                session,
                slot,
                ExchangeKind.OFFER,
                offer.id,
                offer.status,
                offer.offered_by_user_id,
                offer.taker_user_id,
            )
        )
    swaps = await session.execute(
        select(ShiftSwap, PlannedShift, TimeSlot)
        .join(
            PlannedShift,
            or_(
                PlannedShift.id == ShiftSwap.proposer_shift_id,
                PlannedShift.id == ShiftSwap.partner_shift_id,
            ),
        )
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .where(
            ShiftSwap.status.in_(LIVE_STATUSES),
            ShiftSwap.organization_id == organization_id,
            PlannedShift.object_id.in_(object_ids),
            in_week,
        )
        .order_by(TimeSlot.starts_at, ShiftSwap.id)
    )
    for swap, planned_shift, slot in swaps:
        holder, other = (
            (swap.proposer_user_id, swap.partner_user_id)
            if planned_shift.id == swap.proposer_shift_id
            else (swap.partner_user_id, swap.proposer_user_id)
        )
        found.append(
            await _pending_on(session, slot, ExchangeKind.SWAP, swap.id, swap.status, holder, other)
        )
    requests = await session.execute(
        select(SlotRequest, TimeSlot)
        .join(TimeSlot, TimeSlot.id == SlotRequest.slot_id)
        .where(
            SlotRequest.status == ExchangeStatus.PENDING_APPROVAL,
            SlotRequest.object_id.in_(object_ids),
            in_week,
        )
        .order_by(TimeSlot.starts_at, SlotRequest.id)
    )
    for request, slot in requests:
        found.append(
            await _pending_on(
                session, slot, ExchangeKind.REQUEST, request.id, request.status, request.user_id
            )
        )
    return found
