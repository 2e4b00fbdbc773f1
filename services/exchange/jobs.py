"""Scheduled jobs of the shift exchange: stale requests lapse at their deadline, and
employees hear about open places they have not heard of."""

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.exchange.locks import Request
from services.exchange.notices import OPEN_PLACES_PAYLOAD, button, shift_payload, tell
from services.exchange.open_places import open_places
from services.exchange.swaps import swap_payload
from services.exchange.views import planned_shift_info, slot_info
from services.notify.outbox import EXCHANGE_LAPSED, OPEN_PLACES
from services.planning.queries import SCHEDULE_DAYS
from services.platform.clock import ManualClock
from services.platform.db.models import (
    ExchangeStatus,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    OpenPlaceNotice,
    PlannedShift,
    ShiftOffer,
    ShiftSwap,
    SlotRequest,
    TimeSlot,
)
from services.platform.db.models.exchange import LIVE_STATUSES
from services.platform.scheduler import JobContext, ScheduledJob

# An employee hears about new open places at most once in this interval (one message
# listing all of them), so that a planner creating ten slots sends one message, not ten.
ANNOUNCE_INTERVAL = timedelta(minutes=30)
MAX_PLACES_IN_MESSAGE = 10


async def lapse_exchanges_job(context: JobContext) -> int:
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
        info = await planned_shift_info(session, planned_shift)
        payload, organization_id = shift_payload(info, what="offer"), info.organization_id
        recipients = [row.offered_by_user_id, row.taker_user_id]
    elif isinstance(row, ShiftSwap):
        payload = {"what": "swap", **await swap_payload(session, row)}
        organization_id = row.organization_id
        recipients = [row.proposer_user_id, row.partner_user_id]
    else:
        info = await slot_info(session, row.slot_id)
        payload, organization_id = shift_payload(info, what="request"), info.organization_id
        recipients = [row.user_id]
    kind = type(row).__tablename__
    for recipient in recipients:
        if recipient is not None:
            await tell(
                session,
                now,
                EXCHANGE_LAPSED.name,
                f"{kind}:{row.id}",
                recipient,
                organization_id,
                **payload,
            )


async def announce_open_places_job(context: JobContext) -> int:
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
            "• {date} {start}–{end} · {object_name}".format(**shift_payload(info))
            for _, info in new[:MAX_PLACES_IN_MESSAGE]
        )
        digest = hashlib.sha1(",".join(s for s, _ in new).encode()).hexdigest()[:16]
        await tell(
            session,
            now,
            OPEN_PLACES.name,
            digest,
            user_id,
            None,  # one message about every organization the employee works for
            count=len(new),
            lines=lines,
            more=max(0, len(new) - MAX_PLACES_IN_MESSAGE),
            buttons=button("notify-button-open-places", OPEN_PLACES_PAYLOAD),
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


JOBS = [
    ScheduledJob("exchange_lapse", lapse_exchanges_job),
    ScheduledJob("exchange_announce_open_places", announce_open_places_job),
]
