"""Whether an employee may take on a shift's time: an active member of the
organization, no overlap with their planned shifts, within the weekly hours cap."""

from collections.abc import Awaitable, Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.exchange.errors import WeeklyCapReached
from services.exchange.rules import over_weekly_cap
from services.planning.bookings import active_membership, require_no_overlap
from services.planning.errors import NotOnObject
from services.planning.settings import planning_settings
from services.platform.db.models import (
    Membership,
    PlannedShift,
    PlannedShiftStatus,
    TimeSlot,
    WorkObject,
)
from services.platform.errors import DomainError
from services.platform.local_time import monday_of


async def membership_in(session: AsyncSession, user_id: int, organization_id: int) -> Membership:
    membership = await active_membership(session, user_id, organization_id)
    if membership is None:
        raise NotOnObject()
    return membership


async def _week_hours(
    session: AsyncSession,
    user_id: int,
    organization_id: int,
    local_date: date,
    ignoring: Sequence[int] = (),
) -> timedelta:
    """Planned time of the user in the organization in the local week of `local_date`."""
    monday = monday_of(local_date)
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


async def require_within_cap(
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
    if over_weekly_cap(planned, slot.ends_at - slot.starts_at, cap):
        raise WeeklyCapReached(cap=cap)


async def require_fits(
    session: AsyncSession,
    user_id: int,
    organization_id: int,
    slot: TimeSlot,
    ignoring: Sequence[int] = (),
) -> None:
    """The user may take on `slot`'s time: no overlap, within the weekly hours cap."""
    await require_no_overlap(session, user_id, slot.starts_at, slot.ends_at, ignoring=ignoring)
    await require_within_cap(session, user_id, organization_id, slot, ignoring)


async def passes(check: Awaitable[None]) -> bool:
    """Whether a rule check passes (for listings, which leave out what would be refused)."""
    try:
        await check
    except DomainError:
        return False
    return True
