"""Give-aways: an employee offers a planned shift; the first eligible colleague to take
it gets it (or it waits for approval). The offerer stays responsible until then; at the
deadline the offer lapses (`jobs`) and the offerer is told."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.exchange.eligibility import membership_in, require_fits
from services.exchange.errors import (
    AlreadyOffered,
    OfferGone,
    OwnShift,
    ShiftChanged,
    TooLateToExchange,
)
from services.exchange.locks import insert_live, locked_request, stale_others
from services.exchange.notices import notify_planners, shift_payload, tell
from services.exchange.rules import EXCHANGE_DEADLINE_HOURS, offer_deadline
from services.exchange.views import (
    Outcome,
    TakeResult,
    display_name,
    shift_info,
    slot_and_object,
)
from services.notify.outbox import OFFER_TAKEN
from services.planning.bookings import (
    apply_planned_change,
    lock_user,
    planned_shift_locked,
    require_works_on,
)
from services.platform.clock import Clock
from services.platform.db.models import (
    ExchangeStatus,
    Membership,
    PlannedShift,
    ShiftOffer,
    TimeSlot,
    WorkObject,
)
from services.platform.db.models.exchange import LIVE_STATUSES
from services.platform.errors import NotFound


async def offer_shift(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int
) -> ShiftOffer:
    """The employee offers their planned shift to colleagues until 2 h before its start;
    it stays theirs until someone takes it."""
    planned_shift = await planned_shift_locked(session, planned_shift_id)
    if planned_shift.user_id != user_id:
        raise NotFound()
    deadline = offer_deadline(planned_shift.starts_at)
    if deadline <= clock.now():
        raise TooLateToExchange(hours=EXCHANGE_DEADLINE_HOURS)
    offer = ShiftOffer(
        planned_shift_id=planned_shift.id,
        object_id=planned_shift.object_id,
        offered_by_user_id=user_id,
        status=ExchangeStatus.OPEN,
        deadline_at=deadline,
    )
    await insert_live(session, offer, AlreadyOffered())
    return offer


async def withdraw_offer(
    session: AsyncSession, clock: Clock, *, user_id: int, offer_id: int
) -> ShiftOffer:
    """The employee takes back a give-away nobody has taken yet."""
    offer = await locked_request(session, ShiftOffer, offer_id)
    if offer.offered_by_user_id != user_id:
        raise NotFound()
    if offer.status not in LIVE_STATUSES:
        raise OfferGone()
    offer.status = ExchangeStatus.WITHDRAWN
    offer.resolved_at = clock.now()
    await session.flush()
    return offer


async def require_offer_in(session: AsyncSession, organization_id: int, offer_id: int) -> None:
    """`NotFound` unless the give-away is of a shift at an object of the organization
    (ids of another organization do not exist for its members)."""
    found = await session.scalar(
        select(ShiftOffer.id)
        .join(WorkObject, WorkObject.id == ShiftOffer.object_id)
        .where(ShiftOffer.id == offer_id, WorkObject.organization_id == organization_id)
    )
    if found is None:
        raise NotFound()


async def offered_shift_checked(
    session: AsyncSession, clock: Clock, offer: ShiftOffer, taker: Membership
) -> tuple[PlannedShift, TimeSlot, WorkObject]:
    """Lock the offered shift and the taker; the shift is still the offerer's and the
    taker may have it (their object, no overlap, within the cap)."""
    if offer.deadline_at <= clock.now():
        raise OfferGone()
    planned_shift = await planned_shift_locked(session, offer.planned_shift_id)
    if planned_shift.user_id != offer.offered_by_user_id:
        raise ShiftChanged()
    slot, work_object = await slot_and_object(session, planned_shift.slot_id)
    await lock_user(session, taker.user_id)
    await require_works_on(session, taker, planned_shift.object_id)
    await require_fits(session, taker.user_id, work_object.organization_id, slot)
    return planned_shift, slot, work_object


async def take_offered_shift(
    session: AsyncSession, clock: Clock, *, user_id: int, offer_id: int
) -> TakeResult:
    """A colleague takes a give-away: the first one gets it. Where the object wants
    approval it waits for a planner (the offerer stays responsible meanwhile)."""
    offer = await locked_request(session, ShiftOffer, offer_id)
    if offer.status != ExchangeStatus.OPEN:
        raise OfferGone()
    if offer.offered_by_user_id == user_id:
        raise OwnShift()
    work_object = await session.get(WorkObject, offer.object_id)
    assert work_object is not None
    taker = await membership_in(session, user_id, work_object.organization_id)
    planned_shift, slot, work_object = await offered_shift_checked(session, clock, offer, taker)
    now = clock.now()
    info = shift_info(slot, work_object)
    offer.taker_user_id, offer.taker_membership_id = taker.user_id, taker.id
    taker_name = await display_name(session, user_id)
    if work_object.exchange_needs_approval:
        offer.status = ExchangeStatus.PENDING_APPROVAL
        await session.flush()
        await notify_planners(
            session,
            now,
            [work_object],
            f"offer:{offer.id}:{user_id}",
            **shift_payload(
                info,
                what="offer",
                employee_name=taker_name,
                other_name=await display_name(session, offer.offered_by_user_id),
            ),
        )
        outcome = Outcome.AWAITS_APPROVAL
    else:
        await complete_offer(session, now, offer, planned_shift, taker)
        outcome = Outcome.DONE
    await tell(
        session,
        now,
        OFFER_TAKEN.name,
        f"{offer.id}:{user_id}",
        offer.offered_by_user_id,
        info.organization_id,
        **shift_payload(
            info, taker_name=taker_name, pending="yes" if outcome != Outcome.DONE else "no"
        ),
    )
    return TakeResult(outcome, info)


async def complete_offer(
    session: AsyncSession,
    now: datetime,
    offer: ShiftOffer,
    planned_shift: PlannedShift,
    taker: Membership,
) -> None:
    """The offered shift becomes the taker's; other live exchanges of it go stale."""

    async def move() -> None:
        planned_shift.user_id = taker.user_id
        planned_shift.membership_id = taker.id

    await apply_planned_change(session, move)
    offer.status = ExchangeStatus.DONE
    offer.resolved_at = now
    await stale_others(session, now, [planned_shift.id], done_offer_id=offer.id)
    await session.flush()
