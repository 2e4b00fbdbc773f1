"""Swaps: an employee proposes to exchange their planned shift for a colleague's; the
colleague accepts or declines; approval where an object wants it; both shifts move at
once or neither does."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.exchange.eligibility import membership_in, passes, require_fits
from services.exchange.errors import ShiftChanged, SwapExists, SwapGone, TooLateToExchange
from services.exchange.locks import insert_live, locked_request, stale_others
from services.exchange.notices import (
    SWAP_PAYLOAD_PREFIX,
    button,
    notify_planners,
    shift_payload,
    tell,
)
from services.exchange.rules import EXCHANGE_DEADLINE, EXCHANGE_DEADLINE_HOURS, swap_deadline
from services.exchange.views import (
    Outcome,
    ShiftInfo,
    display_name,
    planned_shift_info,
    shift_info,
    slot_and_object,
)
from services.notify.outbox import SWAP_ANSWERED, SWAP_PROPOSED
from services.planning.bookings import apply_planned_change, lock_user, require_works_on
from services.planning.queries import SCHEDULE_DAYS
from services.platform.clock import Clock
from services.platform.db.models import (
    ExchangeStatus,
    Membership,
    MembershipObject,
    MembershipStatus,
    PlannedShift,
    PlannedShiftStatus,
    ShiftSwap,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.errors import NotFound


@dataclass(frozen=True)
class SwappableShift:
    planned_shift_id: int
    holder_name: str
    shift: ShiftInfo


@dataclass(frozen=True)
class SwapView:
    swap_id: int
    status: ExchangeStatus
    proposer_name: str
    partner_name: str
    proposer_shift: ShiftInfo
    partner_shift: ShiftInfo


async def swap_candidates(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int
) -> list[SwappableShift]:
    """Colleagues' planned shifts the user could propose to exchange theirs for: in the
    same organization, both may work on the other's object, before the deadline, and
    neither would end up with overlapping shifts."""
    now = clock.now()
    mine = await session.get(PlannedShift, planned_shift_id)
    if mine is None or mine.user_id != user_id or mine.status != PlannedShiftStatus.PLANNED:
        raise NotFound()
    my_slot, my_object = await slot_and_object(session, mine.slot_id)
    membership = await membership_in(session, user_id, my_object.organization_id)
    my_objects = select(MembershipObject.object_id).where(
        MembershipObject.membership_id == membership.id
    )
    rows = await session.execute(
        select(PlannedShift, TimeSlot, WorkObject, User)
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .join(User, User.id == PlannedShift.user_id)
        .join(Membership, Membership.id == PlannedShift.membership_id)
        .join(
            MembershipObject,
            and_(
                MembershipObject.membership_id == Membership.id,
                MembershipObject.object_id == mine.object_id,
            ),
        )
        .where(
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.user_id != user_id,
            PlannedShift.object_id.in_(my_objects),
            PlannedShift.starts_at > now + EXCHANGE_DEADLINE,
            PlannedShift.starts_at < now + timedelta(days=SCHEDULE_DAYS),
            Membership.status == MembershipStatus.ACTIVE,
            WorkObject.organization_id == my_object.organization_id,
        )
        .order_by(PlannedShift.starts_at, User.first_name, PlannedShift.id)
    )
    candidates = []
    for theirs, slot, work_object, holder in rows:
        if not await passes(
            require_fits(session, user_id, my_object.organization_id, slot, [mine.id])
        ) or not await passes(
            require_fits(session, holder.id, my_object.organization_id, my_slot, [theirs.id])
        ):
            continue
        candidates.append(
            SwappableShift(theirs.id, holder.display_name, shift_info(slot, work_object))
        )
    return candidates


async def propose_swap(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    planned_shift_id: int,
    partner_shift_id: int,
) -> ShiftSwap:
    """The employee proposes to exchange their planned shift for a colleague's; the
    colleague is asked (a deep link opens the proposal)."""
    if not any(
        c.planned_shift_id == partner_shift_id
        for c in await swap_candidates(
            session, clock, user_id=user_id, planned_shift_id=planned_shift_id
        )
    ):
        raise NotFound()
    mine = await session.get(PlannedShift, planned_shift_id)
    theirs = await session.get(PlannedShift, partner_shift_id)
    assert mine is not None and theirs is not None
    work_object = await session.get(WorkObject, mine.object_id)
    assert work_object is not None
    swap = ShiftSwap(
        organization_id=work_object.organization_id,
        proposer_user_id=user_id,
        proposer_shift_id=mine.id,
        partner_user_id=theirs.user_id,
        partner_shift_id=theirs.id,
        status=ExchangeStatus.PROPOSED,
        deadline_at=swap_deadline(mine.starts_at, theirs.starts_at),
    )
    if swap.deadline_at <= clock.now():
        raise TooLateToExchange(hours=EXCHANGE_DEADLINE_HOURS)
    await insert_live(session, swap, SwapExists())
    await tell(
        session,
        clock.now(),
        SWAP_PROPOSED.name,
        str(swap.id),
        theirs.user_id,
        swap.organization_id,
        **shift_payload(await planned_shift_info(session, mine), "give_"),
        **shift_payload(await planned_shift_info(session, theirs), "get_"),
        proposer_name=await display_name(session, user_id),
        buttons=button("notify-button-swap", f"{SWAP_PAYLOAD_PREFIX}{swap.id}"),
    )
    return swap


@dataclass(frozen=True)
class LockedSwap:
    """Both shifts of a swap and both people, locked and checked."""

    mine: PlannedShift
    theirs: PlannedShift
    proposer: Membership
    partner: Membership
    objects: list[WorkObject]


async def lock_swap(session: AsyncSession, clock: Clock, swap: ShiftSwap) -> LockedSwap:
    """Lock both shifts (ascending ids) and both people (ascending ids) and check that
    the exchange can still happen: both shifts are still planned for the same people,
    the deadline has not passed, each may work on the other's object, and after the
    exchange neither has overlapping shifts or goes over the weekly hours cap."""
    if swap.deadline_at <= clock.now():
        raise SwapGone()
    shifts = {
        s.id: s
        for s in await session.scalars(
            select(PlannedShift)
            .where(PlannedShift.id.in_([swap.proposer_shift_id, swap.partner_shift_id]))
            .order_by(PlannedShift.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    }
    mine, theirs = shifts[swap.proposer_shift_id], shifts[swap.partner_shift_id]
    if (
        mine.status != PlannedShiftStatus.PLANNED
        or theirs.status != PlannedShiftStatus.PLANNED
        or mine.user_id != swap.proposer_user_id
        or theirs.user_id != swap.partner_user_id
    ):
        raise ShiftChanged()
    for user_id in sorted({swap.proposer_user_id, swap.partner_user_id}):
        await lock_user(session, user_id)
    proposer = await session.get(Membership, mine.membership_id)
    partner = await session.get(Membership, theirs.membership_id)
    assert proposer is not None and partner is not None
    await require_works_on(session, proposer, theirs.object_id)
    await require_works_on(session, partner, mine.object_id)
    my_slot, my_object = await slot_and_object(session, mine.slot_id)
    their_slot, their_object = await slot_and_object(session, theirs.slot_id)
    await require_fits(session, proposer.user_id, swap.organization_id, their_slot, [mine.id])
    await require_fits(session, partner.user_id, swap.organization_id, my_slot, [theirs.id])
    objects = [my_object] if my_object.id == their_object.id else [my_object, their_object]
    return LockedSwap(mine, theirs, proposer, partner, objects)


async def exchange_shifts(
    session: AsyncSession, now: datetime, swap: ShiftSwap, locked: LockedSwap
) -> None:
    """Both shifts change hands in one savepoint. One is parked first, so that the
    overlap constraint never sees a half-done exchange of shifts at the same time."""
    mine, theirs = locked.mine, locked.theirs

    async def change() -> None:
        mine.status = PlannedShiftStatus.CANCELLED
        await session.flush()
        theirs.user_id, theirs.membership_id = locked.proposer.user_id, locked.proposer.id
        await session.flush()
        mine.user_id, mine.membership_id = locked.partner.user_id, locked.partner.id
        mine.status = PlannedShiftStatus.PLANNED

    await apply_planned_change(session, change)
    swap.status = ExchangeStatus.DONE
    swap.resolved_at = now
    await stale_others(session, now, [mine.id, theirs.id], done_swap_id=swap.id)
    await session.flush()


async def swap_payload(session: AsyncSession, swap: ShiftSwap) -> dict[str, Any]:
    """Notification variables of a swap: both shifts and both people."""
    view = await swap_view(session, swap)
    return {
        **shift_payload(view.proposer_shift, "give_"),
        **shift_payload(view.partner_shift, "get_"),
        "proposer_name": view.proposer_name,
        "partner_name": view.partner_name,
    }


async def answer_swap(
    session: AsyncSession, clock: Clock, *, user_id: int, swap_id: int, accept: bool
) -> Outcome | None:
    """The colleague accepts (the shifts change hands now, or after approval where an
    object wants it) or declines (None); the proposer is told either way."""
    swap = await locked_request(session, ShiftSwap, swap_id)
    if swap.partner_user_id != user_id:
        raise NotFound()
    if swap.status != ExchangeStatus.PROPOSED or swap.deadline_at <= clock.now():
        raise SwapGone()
    now = clock.now()
    outcome: Outcome | None = None
    if not accept:
        swap.status = ExchangeStatus.DECLINED
        swap.resolved_at = now
        await session.flush()
    else:
        locked = await lock_swap(session, clock, swap)
        if any(o.exchange_needs_approval for o in locked.objects):
            swap.status = ExchangeStatus.PENDING_APPROVAL
            await session.flush()
            payload = await swap_payload(session, swap)
            await notify_planners(
                session, now, locked.objects, f"swap:{swap.id}", what="swap", **payload
            )
            outcome = Outcome.AWAITS_APPROVAL
        else:
            await exchange_shifts(session, now, swap, locked)
            outcome = Outcome.DONE
    answer = "declined" if outcome is None else outcome.value
    await tell(
        session,
        now,
        SWAP_ANSWERED.name,
        str(swap.id),
        swap.proposer_user_id,
        swap.organization_id,
        answer=answer,
        **await swap_payload(session, swap),
    )
    return outcome


async def swap_view(session: AsyncSession, swap: ShiftSwap) -> SwapView:
    mine = await session.get(PlannedShift, swap.proposer_shift_id)
    theirs = await session.get(PlannedShift, swap.partner_shift_id)
    assert mine is not None and theirs is not None
    return SwapView(
        swap_id=swap.id,
        status=swap.status,
        proposer_name=await display_name(session, swap.proposer_user_id),
        partner_name=await display_name(session, swap.partner_user_id),
        proposer_shift=await planned_shift_info(session, mine),
        partner_shift=await planned_shift_info(session, theirs),
    )
