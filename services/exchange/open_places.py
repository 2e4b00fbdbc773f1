"""Open places: free places of upcoming slots and colleagues' give-aways an employee
could take (their contract allows the object, it allows self-booking, no overlap with
their planned shifts, not over the organization's weekly hours cap). Taking a free place
books it under the rules of `services.planning.slots` or, where the object wants
approval, asks the planners."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.exchange.eligibility import membership_in, passes, require_fits, require_within_cap
from services.exchange.errors import RequestExists
from services.exchange.locks import insert_live
from services.exchange.notices import notify_planners, shift_payload
from services.exchange.views import (
    Outcome,
    ShiftInfo,
    TakeResult,
    display_name,
    shift_info,
    slot_and_object,
)
from services.planning.bookings import book_slot, check_placement
from services.planning.errors import SelfBookingOff
from services.planning.queries import free_slots
from services.planning.slots import live_slot
from services.platform.clock import Clock
from services.platform.db.models import (
    ExchangeStatus,
    Membership,
    MembershipObject,
    MembershipStatus,
    PlannedShift,
    PlannedShiftStatus,
    ShiftOffer,
    SlotRequest,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.db.models.exchange import LIVE_STATUSES


@dataclass(frozen=True)
class OpenPlace:
    slot_id: int
    shift: ShiftInfo
    booked: int
    max_employees: int
    needs_approval: bool


@dataclass(frozen=True)
class OfferedShift:
    offer_id: int
    shift: ShiftInfo
    offered_by: str
    needs_approval: bool


@dataclass(frozen=True)
class OpenPlaces:
    places: list[OpenPlace]
    offers: list[OfferedShift]

    @property
    def is_empty(self) -> bool:
        return not self.places and not self.offers


async def _live_offers_for(
    session: AsyncSession, now: datetime, user_id: int
) -> list[tuple[ShiftOffer, TimeSlot, WorkObject, User]]:
    """Open give-aways on the user's objects by colleagues, before their deadline, whose
    shift is still planned for the one who offers it."""
    my_objects = (
        select(MembershipObject.object_id)
        .join(Membership, Membership.id == MembershipObject.membership_id)
        .where(Membership.user_id == user_id, Membership.status == MembershipStatus.ACTIVE)
    )
    rows = await session.execute(
        select(ShiftOffer, TimeSlot, WorkObject, User)
        .join(PlannedShift, PlannedShift.id == ShiftOffer.planned_shift_id)
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .join(User, User.id == ShiftOffer.offered_by_user_id)
        .where(
            ShiftOffer.status == ExchangeStatus.OPEN,
            ShiftOffer.deadline_at > now,
            ShiftOffer.offered_by_user_id != user_id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.user_id == ShiftOffer.offered_by_user_id,
            PlannedShift.object_id.in_(my_objects),
        )
        .order_by(PlannedShift.starts_at, ShiftOffer.id)
    )
    return [tuple(row) for row in rows]  # type: ignore[misc]


def _in_organization(work_object: WorkObject, organization_id: int | None) -> bool:
    return organization_id is None or work_object.organization_id == organization_id


async def open_places(
    session: AsyncSession, clock: Clock, *, user_id: int, organization_id: int | None = None
) -> OpenPlaces:
    """What the user could take now: free places of the next 14 days on their objects
    (that allow self-booking) and colleagues' give-aways; anything that would overlap
    their planned shifts, exceed the weekly hours cap or that they already asked for is
    left out. With `organization_id`, only that organization's (the Mini App acts in one)."""
    now = clock.now()
    requested = set(
        await session.scalars(
            select(SlotRequest.slot_id).where(
                SlotRequest.user_id == user_id, SlotRequest.status.in_(LIVE_STATUSES)
            )
        )
    )
    places = []
    for view in await free_slots(session, clock, user_id=user_id):
        slot, work_object = await slot_and_object(session, view.slot_id)
        if view.slot_id in requested or not _in_organization(work_object, organization_id):
            continue
        if not await passes(require_fits(session, user_id, work_object.organization_id, slot)):
            continue
        places.append(
            OpenPlace(
                slot_id=slot.id,
                shift=shift_info(slot, work_object),
                booked=view.booked,
                max_employees=view.max_employees,
                needs_approval=work_object.exchange_needs_approval,
            )
        )
    offers = []
    for offer, slot, work_object, offerer in await _live_offers_for(session, now, user_id):
        if not _in_organization(work_object, organization_id):
            continue
        if not await passes(require_fits(session, user_id, work_object.organization_id, slot)):
            continue
        offers.append(
            OfferedShift(
                offer_id=offer.id,
                shift=shift_info(slot, work_object),
                offered_by=offerer.display_name,
                needs_approval=work_object.exchange_needs_approval,
            )
        )
    return OpenPlaces(places, offers)


async def take_open_place(
    session: AsyncSession, clock: Clock, *, user_id: int, slot_id: int
) -> TakeResult:
    """The employee takes a free place of a slot: booked at once under the rules of
    self-booking (`book_slot`), or, where the object wants approval, a request
    the planners are told about. The weekly hours cap applies to both."""
    slot = await live_slot(session, slot_id, lock=True)
    work_object = await session.get(WorkObject, slot.object_id)
    assert work_object is not None
    if not work_object.allow_self_booking or work_object.archived:
        raise SelfBookingOff()
    membership = await membership_in(session, user_id, work_object.organization_id)
    await check_placement(session, clock, slot, membership)
    await require_within_cap(session, user_id, work_object.organization_id, slot)
    info = shift_info(slot, work_object)
    if not work_object.exchange_needs_approval:
        await book_slot(session, clock, user_id=user_id, slot_id=slot.id)
        return TakeResult(Outcome.DONE, info)
    now = clock.now()
    request = SlotRequest(
        slot_id=slot.id,
        object_id=work_object.id,
        user_id=user_id,
        membership_id=membership.id,
        status=ExchangeStatus.PENDING_APPROVAL,
        deadline_at=slot.starts_at,
    )
    await insert_live(session, request, RequestExists())
    await notify_planners(
        session,
        now,
        [work_object],
        f"request:{request.id}",
        **shift_payload(info, what="request", employee_name=await display_name(session, user_id)),
    )
    return TakeResult(Outcome.AWAITS_APPROVAL, info)
