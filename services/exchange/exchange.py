"""Open places, give-aways and swaps of planned shifts (C4), with optional approval.

- Open places: free places of upcoming slots an employee could take (their contract
  allows the object, it allows self-booking, no overlap with their planned shifts, not
  over the organization's weekly hours cap). Taking one books it under the rules of
  `services.planning.bookings` or, where the object wants approval, asks the planners.
- Give-away: an employee offers a planned shift; the first eligible colleague to take
  it gets it (or it waits for approval). The offerer stays responsible until then; at
  the deadline (2 h before the start) the offer lapses and the offerer is told.
- Swap: an employee proposes to exchange their planned shift for a colleague's; the
  colleague accepts or declines; approval where an object wants it; both shifts move
  at once or neither does.

Concurrency: a request row is locked first, then the planned shifts (ascending ids),
then the users (ascending ids, `lock_user`); every path takes locks in this
order, so two changes of the same shifts wait for each other instead of deadlocking,
and the second one finds the shifts changed. The overlap exclusion constraint of
planned shifts stays the last guard.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import (
    EXCHANGE_APPROVAL_NEEDED,
    EXCHANGE_DECIDED,
    EXCHANGE_LAPSED,
    OFFER_TAKEN,
    OPEN_PLACES,
    SWAP_ANSWERED,
    SWAP_PROPOSED,
    UserNotification,
    notify,
    notify_many,
)
from services.planning.bookings import (
    active_membership,
    apply_planned_change,
    book_slot,
    check_placement,
    lock_user,
    place_on_slot,
    planned_shift_locked,
    require_no_overlap,
    require_works_on,
)
from services.planning.errors import NotOnObject, SelfBookingOff
from services.planning.planners import planner_user_ids, require_planner_on
from services.planning.queries import SCHEDULE_DAYS, free_slots
from services.planning.rules import clean_comment
from services.planning.settings import planning_settings
from services.planning.slots import live_slot
from services.platform.clock import Clock, ManualClock
from services.platform.db.models import (
    ExchangeStatus,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    OpenPlaceNotice,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    ShiftOffer,
    ShiftSwap,
    SlotRequest,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.db.models.exchange import LIVE_STATUSES
from services.platform.errors import DomainError, NotFound
from services.staff.permissions import actor_in, objects_with_permission

if TYPE_CHECKING:
    from services.platform.scheduler import JobContext

Request = TypeVar("Request", SlotRequest, ShiftOffer, ShiftSwap)

EXCHANGE_DEADLINE = timedelta(hours=2)
# An employee hears about new open places at most once in this interval (one message
# listing all of them), so that a planner creating ten slots sends one message, not ten.
ANNOUNCE_INTERVAL = timedelta(minutes=30)
MAX_PLACES_IN_MESSAGE = 10

OPEN_PLACES_PAYLOAD = "open_places"
SWAP_PAYLOAD_PREFIX = "swap_"
APPROVALS_PAYLOAD = "decisions"


# Errors -------------------------------------------------------------------------------
class TooLateToExchange(DomainError):
    code = "exchange-too-late"


class AlreadyOffered(DomainError):
    code = "already-offered"


class OfferGone(DomainError):
    code = "offer-gone"


class OwnShift(DomainError):
    code = "own-shift"


class SwapExists(DomainError):
    code = "swap-exists"


class SwapGone(DomainError):
    code = "swap-gone"


class ShiftChanged(DomainError):
    code = "shift-changed"


class RequestExists(DomainError):
    code = "request-exists"


class ExchangeNotPending(DomainError):
    code = "exchange-not-pending"


class WeeklyCapReached(DomainError):
    code = "weekly-cap-reached"


# Views --------------------------------------------------------------------------------
class Outcome(StrEnum):
    DONE = "done"
    AWAITS_APPROVAL = "awaits_approval"


class ExchangeKind(StrEnum):
    REQUEST = "request"
    OFFER = "offer"
    SWAP = "swap"


@dataclass(frozen=True)
class ShiftInfo:
    """A slot or planned shift as employees see it."""

    object_id: int
    object_name: str
    local_date: date
    start_time: time
    end_time: time
    starts_at: datetime


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


@dataclass(frozen=True)
class TakeResult:
    outcome: Outcome
    shift: ShiftInfo


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


# Reading helpers --------------------------------------------------------------------------
def _info(slot: TimeSlot, work_object: WorkObject) -> ShiftInfo:
    return ShiftInfo(
        object_id=work_object.id,
        object_name=work_object.name,
        local_date=slot.local_date,
        start_time=slot.start_time,
        end_time=slot.end_time,
        starts_at=slot.starts_at,
    )


async def _slot_and_object(session: AsyncSession, slot_id: int) -> tuple[TimeSlot, WorkObject]:
    slot = await session.get(TimeSlot, slot_id)
    assert slot is not None
    work_object = await session.get(WorkObject, slot.object_id)
    assert work_object is not None
    return slot, work_object


async def _shift_info(session: AsyncSession, planned_shift: PlannedShift) -> ShiftInfo:
    return _info(*await _slot_and_object(session, planned_shift.slot_id))


async def _name(session: AsyncSession, user_id: int | None) -> str:
    user = await session.get(User, user_id) if user_id is not None else None
    return user.display_name if user else ""


def _payload(info: ShiftInfo, prefix: str = "", **extra: Any) -> dict[str, Any]:
    """Language-neutral variables of a notification about a shift."""
    return {
        f"{prefix}object_name": info.object_name,
        f"{prefix}date": info.local_date.strftime("%d.%m.%Y"),
        f"{prefix}start": info.start_time.strftime("%H:%M"),
        f"{prefix}end": info.end_time.strftime("%H:%M"),
        **extra,
    }


def _button(text_key: str, start_payload: str) -> list[dict[str, str]]:
    return [{"text_key": text_key, "start_payload": start_payload}]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


async def _week_hours(
    session: AsyncSession,
    user_id: int,
    organization_id: int,
    local_date: date,
    ignoring: Sequence[int] = (),
) -> timedelta:
    """Planned time of the user in the organization in the local week of `local_date`."""
    monday = _monday(local_date)
    query = (
        select(PlannedShift.starts_at, PlannedShift.ends_at)
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .where(
            PlannedShift.user_id == user_id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            WorkObject.organization_id == organization_id,
            TimeSlot.local_date >= monday,
            TimeSlot.local_date < monday + timedelta(days=7),
        )
    )
    if ignoring:
        query = query.where(PlannedShift.id.not_in(ignoring))
    rows = await session.execute(query)
    return sum((ends - starts for starts, ends in rows), timedelta(0))


async def _require_within_cap(
    session: AsyncSession,
    user_id: int,
    organization_id: int,
    slot: TimeSlot,
    ignoring: Sequence[int] = (),
) -> None:
    """Taking `slot` keeps the user within the organization's weekly hours cap (if set)."""
    cap = (await planning_settings(session, organization_id)).weekly_hours_cap
    if cap is None:
        return
    planned = await _week_hours(session, user_id, organization_id, slot.local_date, ignoring)
    if planned + (slot.ends_at - slot.starts_at) > timedelta(hours=cap):
        raise WeeklyCapReached(cap=cap)


async def _eligible(check: Any) -> bool:
    """Whether a rule check passes (for listings, which leave out what would be refused)."""
    try:
        await check
    except DomainError:
        return False
    return True


async def _membership_in(session: AsyncSession, user_id: int, organization_id: int) -> Membership:
    membership = await active_membership(session, user_id, organization_id)
    if membership is None:
        raise NotOnObject()
    return membership


async def _notify_planners(
    session: AsyncSession,
    now: datetime,
    work_objects: Sequence[WorkObject],
    cause: str,
    **payload: Any,
) -> None:
    """Tell the planners of every given object (owners, managers with `plan` on all of
    them) that a decision is waiting."""
    recipients: set[int] | None = None
    for work_object in work_objects:
        planners = set(await planner_user_ids(session, work_object))
        recipients = planners if recipients is None else recipients & planners
    await notify_many(
        session,
        kind=EXCHANGE_APPROVAL_NEEDED.name,
        not_before=now,
        notifications=[
            UserNotification(
                recipient_user_id=planner_id,
                dedup_key=f"{EXCHANGE_APPROVAL_NEEDED.name}:{cause}:u{planner_id}",
                payload={
                    **payload,
                    "buttons": _button("notify-button-approvals", APPROVALS_PAYLOAD),
                },
            )
            for planner_id in sorted(recipients or ())
        ],
    )


async def _tell(
    session: AsyncSession, now: datetime, kind: str, cause: str, user_id: int, **payload: Any
) -> None:
    await notify(
        session,
        kind=kind,
        dedup_key=f"{kind}:{cause}:u{user_id}",
        not_before=now,
        recipient_user_id=user_id,
        payload=payload,
    )


async def _insert_live(session: AsyncSession, row: Any, duplicate: DomainError) -> None:
    """Insert a live request; the partial unique index refuses a second live one."""
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except IntegrityError as error:
        raise duplicate from error


async def _stale_others(
    session: AsyncSession,
    now: datetime,
    shift_ids: Sequence[int],
    *,
    done_offer_id: int = 0,
    done_swap_id: int = 0,
) -> None:
    """Live give-aways and swaps of shifts that just moved can no longer happen. Rows
    another transaction holds are skipped rather than waited for (that would take locks
    against the order of this module): that transaction finds the shift changed."""
    offers = (
        select(ShiftOffer.id)
        .where(
            ShiftOffer.planned_shift_id.in_(shift_ids),
            ShiftOffer.status.in_(LIVE_STATUSES),
            ShiftOffer.id != done_offer_id,
        )
        .with_for_update(skip_locked=True)
    )
    swaps = (
        select(ShiftSwap.id)
        .where(
            or_(
                ShiftSwap.proposer_shift_id.in_(shift_ids),
                ShiftSwap.partner_shift_id.in_(shift_ids),
            ),
            ShiftSwap.status.in_(LIVE_STATUSES),
            ShiftSwap.id != done_swap_id,
        )
        .with_for_update(skip_locked=True)
    )
    for model, ids in ((ShiftOffer, offers), (ShiftSwap, swaps)):
        stale = list(await session.scalars(ids))
        if stale:
            await session.execute(
                update(model)
                .where(model.id.in_(stale))
                .values(status=ExchangeStatus.STALE, resolved_at=now)
            )


# Open places ------------------------------------------------------------------------------
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
        slot, work_object = await _slot_and_object(session, view.slot_id)
        if view.slot_id in requested or not _in_organization(work_object, organization_id):
            continue
        if not await _eligible(_require_fits(session, user_id, work_object.organization_id, slot)):
            continue
        places.append(
            OpenPlace(
                slot_id=slot.id,
                shift=_info(slot, work_object),
                booked=view.booked,
                max_employees=view.max_employees,
                needs_approval=work_object.exchange_needs_approval,
            )
        )
    offers = []
    for offer, slot, work_object, offerer in await _live_offers_for(session, now, user_id):
        if not _in_organization(work_object, organization_id):
            continue
        if not await _eligible(_require_fits(session, user_id, work_object.organization_id, slot)):
            continue
        offers.append(
            OfferedShift(
                offer_id=offer.id,
                shift=_info(slot, work_object),
                offered_by=offerer.display_name,
                needs_approval=work_object.exchange_needs_approval,
            )
        )
    return OpenPlaces(places, offers)


def _in_organization(work_object: WorkObject, organization_id: int | None) -> bool:
    return organization_id is None or work_object.organization_id == organization_id


async def _require_fits(
    session: AsyncSession,
    user_id: int,
    organization_id: int,
    slot: TimeSlot,
    ignoring: Sequence[int] = (),
) -> None:
    """The user may take on `slot`'s time: no overlap, within the weekly hours cap."""
    await require_no_overlap(session, user_id, slot.starts_at, slot.ends_at, ignoring=ignoring)
    await _require_within_cap(session, user_id, organization_id, slot, ignoring)


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
    membership = await _membership_in(session, user_id, work_object.organization_id)
    await check_placement(session, clock, slot, membership)
    await _require_within_cap(session, user_id, work_object.organization_id, slot)
    info = _info(slot, work_object)
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
    await _insert_live(session, request, RequestExists())
    await _notify_planners(
        session,
        now,
        [work_object],
        f"request:{request.id}",
        **_payload(info, what="request", employee_name=await _name(session, user_id)),
    )
    return TakeResult(Outcome.AWAITS_APPROVAL, info)


# Give-aways ---------------------------------------------------------------------------
async def offer_shift(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int
) -> ShiftOffer:
    """The employee offers their planned shift to colleagues until 2 h before its start;
    it stays theirs until someone takes it."""
    planned_shift = await planned_shift_locked(session, planned_shift_id)
    if planned_shift.user_id != user_id:
        raise NotFound()
    deadline = planned_shift.starts_at - EXCHANGE_DEADLINE
    if deadline <= clock.now():
        raise TooLateToExchange(hours=int(EXCHANGE_DEADLINE.total_seconds() // 3600))
    offer = ShiftOffer(
        planned_shift_id=planned_shift.id,
        object_id=planned_shift.object_id,
        offered_by_user_id=user_id,
        status=ExchangeStatus.OPEN,
        deadline_at=deadline,
    )
    await _insert_live(session, offer, AlreadyOffered())
    return offer


async def withdraw_offer(
    session: AsyncSession, clock: Clock, *, user_id: int, offer_id: int
) -> ShiftOffer:
    """The employee takes back a give-away nobody has taken yet."""
    offer = await _locked(session, ShiftOffer, offer_id)
    if offer.offered_by_user_id != user_id:
        raise NotFound()
    if offer.status not in LIVE_STATUSES:
        raise OfferGone()
    offer.status = ExchangeStatus.WITHDRAWN
    offer.resolved_at = clock.now()
    await session.flush()
    return offer


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


async def _locked(session: AsyncSession, model: type[Request], row_id: int) -> Request:
    """The request row, locked (the first lock of every change in this module)."""
    row = await session.scalar(
        select(model)
        .where(model.id == row_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if row is None:
        raise NotFound()
    return row


async def _offered_shift_checked(
    session: AsyncSession, clock: Clock, offer: ShiftOffer, taker: Membership
) -> tuple[PlannedShift, TimeSlot, WorkObject]:
    """Lock the offered shift and the taker; the shift is still the offerer's and the
    taker may have it (their object, no overlap, within the cap)."""
    if offer.deadline_at <= clock.now():
        raise OfferGone()
    planned_shift = await planned_shift_locked(session, offer.planned_shift_id)
    if planned_shift.user_id != offer.offered_by_user_id:
        raise ShiftChanged()
    slot, work_object = await _slot_and_object(session, planned_shift.slot_id)
    await lock_user(session, taker.user_id)
    await require_works_on(session, taker, planned_shift.object_id)
    await _require_fits(session, taker.user_id, work_object.organization_id, slot)
    return planned_shift, slot, work_object


async def _move(session: AsyncSession, planned_shift: PlannedShift, to: Membership) -> None:
    async def change() -> None:
        planned_shift.user_id = to.user_id
        planned_shift.membership_id = to.id

    await apply_planned_change(session, change)


async def take_offered_shift(
    session: AsyncSession, clock: Clock, *, user_id: int, offer_id: int
) -> TakeResult:
    """A colleague takes a give-away: the first one gets it. Where the object wants
    approval it waits for a planner (the offerer stays responsible meanwhile)."""
    offer = await _locked(session, ShiftOffer, offer_id)
    if offer.status != ExchangeStatus.OPEN:
        raise OfferGone()
    if offer.offered_by_user_id == user_id:
        raise OwnShift()
    work_object = await session.get(WorkObject, offer.object_id)
    assert work_object is not None
    taker = await _membership_in(session, user_id, work_object.organization_id)
    planned_shift, slot, work_object = await _offered_shift_checked(session, clock, offer, taker)
    now = clock.now()
    info = _info(slot, work_object)
    offer.taker_user_id, offer.taker_membership_id = taker.user_id, taker.id
    taker_name = await _name(session, user_id)
    if work_object.exchange_needs_approval:
        offer.status = ExchangeStatus.PENDING_APPROVAL
        await session.flush()
        await _notify_planners(
            session,
            now,
            [work_object],
            f"offer:{offer.id}:{user_id}",
            **_payload(
                info,
                what="offer",
                employee_name=taker_name,
                other_name=await _name(session, offer.offered_by_user_id),
            ),
        )
        outcome = Outcome.AWAITS_APPROVAL
    else:
        await _complete_offer(session, now, offer, planned_shift, taker)
        outcome = Outcome.DONE
    await _tell(
        session,
        now,
        OFFER_TAKEN.name,
        f"{offer.id}:{user_id}",
        offer.offered_by_user_id,
        **_payload(info, taker_name=taker_name, pending="yes" if outcome != Outcome.DONE else "no"),
    )
    return TakeResult(outcome, info)


async def _complete_offer(
    session: AsyncSession,
    now: datetime,
    offer: ShiftOffer,
    planned_shift: PlannedShift,
    taker: Membership,
) -> None:
    await _move(session, planned_shift, taker)
    offer.status = ExchangeStatus.DONE
    offer.resolved_at = now
    await _stale_others(session, now, [planned_shift.id], done_offer_id=offer.id)
    await session.flush()


# Swaps ------------------------------------------------------------------------------------
def _swap_deadline(first: PlannedShift, second: PlannedShift) -> datetime:
    return min(first.starts_at, second.starts_at) - EXCHANGE_DEADLINE


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
    my_slot, my_object = await _slot_and_object(session, mine.slot_id)
    membership = await _membership_in(session, user_id, my_object.organization_id)
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
        if not await _eligible(
            _require_fits(session, user_id, my_object.organization_id, slot, [mine.id])
        ) or not await _eligible(
            _require_fits(session, holder.id, my_object.organization_id, my_slot, [theirs.id])
        ):
            continue
        candidates.append(SwappableShift(theirs.id, holder.display_name, _info(slot, work_object)))
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
        deadline_at=_swap_deadline(mine, theirs),
    )
    if swap.deadline_at <= clock.now():
        raise TooLateToExchange(hours=int(EXCHANGE_DEADLINE.total_seconds() // 3600))
    await _insert_live(session, swap, SwapExists())
    await _tell(
        session,
        clock.now(),
        SWAP_PROPOSED.name,
        str(swap.id),
        theirs.user_id,
        **_payload(await _shift_info(session, mine), "give_"),
        **_payload(await _shift_info(session, theirs), "get_"),
        proposer_name=await _name(session, user_id),
        buttons=_button("notify-button-swap", f"{SWAP_PAYLOAD_PREFIX}{swap.id}"),
    )
    return swap


@dataclass(frozen=True)
class _LockedSwap:
    mine: PlannedShift
    theirs: PlannedShift
    proposer: Membership
    partner: Membership
    objects: list[WorkObject]


async def _lock_swap(session: AsyncSession, clock: Clock, swap: ShiftSwap) -> _LockedSwap:
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
    my_slot, my_object = await _slot_and_object(session, mine.slot_id)
    their_slot, their_object = await _slot_and_object(session, theirs.slot_id)
    await _require_fits(session, proposer.user_id, swap.organization_id, their_slot, [mine.id])
    await _require_fits(session, partner.user_id, swap.organization_id, my_slot, [theirs.id])
    objects = [my_object] if my_object.id == their_object.id else [my_object, their_object]
    return _LockedSwap(mine, theirs, proposer, partner, objects)


async def _exchange(
    session: AsyncSession, now: datetime, swap: ShiftSwap, locked: _LockedSwap
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
    await _stale_others(session, now, [mine.id, theirs.id], done_swap_id=swap.id)
    await session.flush()


async def _swap_payload(session: AsyncSession, swap: ShiftSwap) -> dict[str, Any]:
    mine = await session.get(PlannedShift, swap.proposer_shift_id)
    theirs = await session.get(PlannedShift, swap.partner_shift_id)
    assert mine is not None and theirs is not None
    return {
        **_payload(await _shift_info(session, mine), "give_"),
        **_payload(await _shift_info(session, theirs), "get_"),
        "proposer_name": await _name(session, swap.proposer_user_id),
        "partner_name": await _name(session, swap.partner_user_id),
    }


async def answer_swap(
    session: AsyncSession, clock: Clock, *, user_id: int, swap_id: int, accept: bool
) -> Outcome | None:
    """The colleague accepts (the shifts change hands now, or after approval where an
    object wants it) or declines (None); the proposer is told either way."""
    swap = await _locked(session, ShiftSwap, swap_id)
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
        locked = await _lock_swap(session, clock, swap)
        if any(o.exchange_needs_approval for o in locked.objects):
            swap.status = ExchangeStatus.PENDING_APPROVAL
            await session.flush()
            payload = await _swap_payload(session, swap)
            await _notify_planners(
                session, now, locked.objects, f"swap:{swap.id}", what="swap", **payload
            )
            outcome = Outcome.AWAITS_APPROVAL
        else:
            await _exchange(session, now, swap, locked)
            outcome = Outcome.DONE
    answer = "declined" if outcome is None else outcome.value
    await _tell(
        session,
        now,
        SWAP_ANSWERED.name,
        str(swap.id),
        swap.proposer_user_id,
        answer=answer,
        **await _swap_payload(session, swap),
    )
    return outcome


async def swap_view(session: AsyncSession, swap: ShiftSwap) -> SwapView:
    mine = await session.get(PlannedShift, swap.proposer_shift_id)
    theirs = await session.get(PlannedShift, swap.partner_shift_id)
    assert mine is not None and theirs is not None
    return SwapView(
        swap_id=swap.id,
        status=swap.status,
        proposer_name=await _name(session, swap.proposer_user_id),
        partner_name=await _name(session, swap.partner_user_id),
        proposer_shift=await _shift_info(session, mine),
        partner_shift=await _shift_info(session, theirs),
    )


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


# Approvals ----------------------------------------------------------------------------
async def _planned_objects(session: AsyncSession, user_id: int, organization_id: int) -> set[int]:
    actor = await actor_in(session, user_id, organization_id)
    return {o.id for o in await objects_with_permission(session, actor, Permission.PLAN)}


async def pending_exchange_approvals(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[ExchangeApproval]:
    """Takes, give-aways and swaps waiting for a decision on objects the user plans (a
    swap across two objects needs `plan` on both)."""
    object_ids = await _planned_objects(session, user_id, organization_id)
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
                await _name(session, request.user_id),
                _info(*await _slot_and_object(session, request.slot_id)),
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
                await _name(session, offer.taker_user_id),
                await _shift_info(session, planned_shift),
                other=await _name(session, offer.offered_by_user_id),
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


async def _require_plans(
    session: AsyncSession, user_id: int, object_ids: Sequence[int]
) -> list[WorkObject]:
    objects = []
    for object_id in object_ids:
        _, work_object = await require_planner_on(session, user_id, object_id)
        objects.append(work_object)
    return objects


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
        await _tell(
            session,
            now,
            EXCHANGE_DECIDED.name,
            f"{kind.value}:{exchange_id}:{int(now.timestamp())}",
            recipient,
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


async def _decide_request(
    session: AsyncSession, clock: Clock, user_id: int, request_id: int, approve: bool
) -> _Decided:
    request = await _locked(session, SlotRequest, request_id)
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
        await _require_within_cap(session, request.user_id, work_object.organization_id, slot)
        planned_shift = await place_on_slot(session, clock, slot, membership)
        request.planned_shift_id = planned_shift.id
    request.status = ExchangeStatus.DONE if approve else ExchangeStatus.REFUSED
    request.resolved_at = clock.now()
    return _Decided(request, [request.user_id], _payload(_info(slot, work_object)))


async def _decide_offer(
    session: AsyncSession, clock: Clock, user_id: int, offer_id: int, approve: bool
) -> _Decided:
    offer = await _locked(session, ShiftOffer, offer_id)
    await _require_plans(session, user_id, [offer.object_id])
    if offer.status != ExchangeStatus.PENDING_APPROVAL or offer.taker_membership_id is None:
        raise ExchangeNotPending()
    taker = await session.get(Membership, offer.taker_membership_id)
    assert taker is not None
    recipients = [offer.offered_by_user_id, taker.user_id]
    if approve:
        planned_shift, slot, work_object = await _offered_shift_checked(
            session, clock, offer, taker
        )
        await _complete_offer(session, clock.now(), offer, planned_shift, taker)
        return _Decided(offer, recipients, _payload(_info(slot, work_object)))
    offered = await session.get(PlannedShift, offer.planned_shift_id)
    assert offered is not None
    offer.status = ExchangeStatus.OPEN
    offer.taker_user_id = offer.taker_membership_id = None
    await session.flush()
    return _Decided(offer, recipients, _payload(await _shift_info(session, offered)))


async def _decide_swap(
    session: AsyncSession, clock: Clock, user_id: int, swap_id: int, approve: bool
) -> _Decided:
    swap = await _locked(session, ShiftSwap, swap_id)
    mine = await session.get(PlannedShift, swap.proposer_shift_id)
    theirs = await session.get(PlannedShift, swap.partner_shift_id)
    assert mine is not None and theirs is not None
    await _require_plans(session, user_id, sorted({mine.object_id, theirs.object_id}))
    if swap.status != ExchangeStatus.PENDING_APPROVAL:
        raise ExchangeNotPending()
    if approve:
        await _exchange(session, clock.now(), swap, await _lock_swap(session, clock, swap))
    else:
        swap.status = ExchangeStatus.REFUSED
        swap.resolved_at = clock.now()
        await session.flush()
    return _Decided(
        swap, [swap.proposer_user_id, swap.partner_user_id], await _swap_payload(session, swap)
    )


# Scheduled jobs ---------------------------------------------------------------------------
async def lapse_exchanges_job(context: "JobContext") -> int:
    """Live give-aways, swaps and requests whose deadline has passed lapse; the people
    concerned are told once (the offerer keeps their shift). Safe to run any number of
    times: only live rows change, and the notifications have dedup keys."""
    session, now = context.session, context.now
    return (
        await _lapse(session, now, ShiftOffer)
        + await _lapse(session, now, ShiftSwap)
        + await _lapse(session, now, SlotRequest)
    )


async def _lapse(session: AsyncSession, now: datetime, model: type[Request]) -> int:
    rows = list(
        await session.scalars(
            select(model)
            .where(model.status.in_(LIVE_STATUSES), model.deadline_at <= now)
            .order_by(model.id)
            .with_for_update(skip_locked=True)
        )
    )
    for row in rows:
        row.status = ExchangeStatus.LAPSED
        row.resolved_at = now
        await _tell_lapsed(session, now, row)
    await session.flush()
    return len(rows)


async def _tell_lapsed(
    session: AsyncSession, now: datetime, row: ShiftOffer | ShiftSwap | SlotRequest
) -> None:
    if isinstance(row, ShiftOffer):
        planned_shift = await session.get(PlannedShift, row.planned_shift_id)
        assert planned_shift is not None
        payload = _payload(await _shift_info(session, planned_shift), what="offer")
        recipients = [row.offered_by_user_id, row.taker_user_id]
    elif isinstance(row, ShiftSwap):
        payload = {"what": "swap", **await _swap_payload(session, row)}
        recipients = [row.proposer_user_id, row.partner_user_id]
    else:
        payload = _payload(_info(*await _slot_and_object(session, row.slot_id)), what="request")
        recipients = [row.user_id]
    kind = type(row).__tablename__
    for recipient in recipients:
        if recipient is not None:
            await _tell(
                session, now, EXCHANGE_LAPSED.name, f"{kind}:{row.id}", recipient, **payload
            )


async def announce_open_places_job(context: "JobContext") -> int:
    """Tell employees about open places they have not heard of: one message listing
    them (non-urgent, so it waits for the end of quiet hours), at most one message per
    employee every `ANNOUNCE_INTERVAL`. Returns how many employees were told."""
    session, now = context.session, context.now
    employees = await _employees_near_open_places(session, now)
    told = 0
    for user_id in employees:
        last = await session.scalar(
            select(func.max(OpenPlaceNotice.created_at)).where(OpenPlaceNotice.user_id == user_id)
        )
        if last is not None and now - last < ANNOUNCE_INTERVAL:
            continue
        found = await open_places(session, ManualClock(now), user_id=user_id)
        known = set(
            await session.scalars(
                select(OpenPlaceNotice.subject).where(OpenPlaceNotice.user_id == user_id)
            )
        )
        new = [(f"slot:{p.slot_id}", p.shift) for p in found.places] + [
            (f"offer:{o.offer_id}", o.shift) for o in found.offers
        ]
        new = [(subject, info) for subject, info in new if subject not in known]
        if not new:
            continue
        session.add_all(
            OpenPlaceNotice(user_id=user_id, subject=subject, created_at=now) for subject, _ in new
        )
        new.sort(key=lambda item: item[1].starts_at)
        lines = "\n".join(
            "• {date} {start}–{end} · {object_name}".format(**_payload(info))
            for _, info in new[:MAX_PLACES_IN_MESSAGE]
        )
        digest = hashlib.sha1(",".join(s for s, _ in new).encode()).hexdigest()[:16]
        await _tell(
            session,
            now,
            OPEN_PLACES.name,
            digest,
            user_id,
            count=len(new),
            lines=lines,
            more=max(0, len(new) - MAX_PLACES_IN_MESSAGE),
            buttons=_button("notify-button-open-places", OPEN_PLACES_PAYLOAD),
        )
        told += 1
    await session.flush()
    return told


async def _employees_near_open_places(session: AsyncSession, now: datetime) -> list[int]:
    """Active employees of objects with an upcoming slot or a live give-away (a cheap
    first cut; `open_places` decides per employee)."""
    horizon = now + timedelta(days=SCHEDULE_DAYS)
    slot_objects = select(TimeSlot.object_id).where(
        TimeSlot.deleted_at.is_(None), TimeSlot.starts_at > now, TimeSlot.starts_at < horizon
    )
    offer_objects = select(ShiftOffer.object_id).where(
        ShiftOffer.status == ExchangeStatus.OPEN, ShiftOffer.deadline_at > now
    )
    rows = await session.scalars(
        select(Membership.user_id)
        .join(MembershipObject, MembershipObject.membership_id == Membership.id)
        .where(
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role == MembershipRole.EMPLOYEE,
            or_(
                MembershipObject.object_id.in_(slot_objects),
                MembershipObject.object_id.in_(offer_objects),
            ),
        )
        .distinct()
        .order_by(Membership.user_id)
    )
    return list(rows)


# The planning board (Mini App) ----------------------------------------------------------
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
        await _name(session, employee_user_id),
        await _name(session, other_user_id),
    )


async def week_exchanges(
    session: AsyncSession, *, user_id: int, organization_id: int, week_start: date
) -> list[PendingExchange]:
    """Live give-aways and swaps of shifts, and requests for free places waiting for
    approval, in the week starting `week_start` (local dates) on objects the user
    plans, for the week board."""
    object_ids = await _planned_objects(session, user_id, organization_id)
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
