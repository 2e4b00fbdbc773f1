"""Dismissal (C1): the contract ends on a date and the employee's planned shifts that are
not over are released, as the owner chooses: left in the plan as open places for
colleagues, or cancelled with their places. Nothing of the organization reaches the
dismissed person any more: no reminder or "not clocked in" alert of a released shift,
and the notifier skips any notification about the organization for a non-member."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Select, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.planning.slots import cancel_without_fine, live_slot
from services.platform.clock import Clock
from services.platform.db.models import (
    CancellationInitiator,
    Membership,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
)
from services.staff.memberships import end_contract
from services.staff.permissions import Actor


class ShiftRelease(StrEnum):
    """What becomes of a dismissed employee's planned shifts."""

    OPEN_PLACES = "open_places"  # the places stay, free for colleagues to take
    CANCEL = "cancel"  # the places leave the plan


def _releasable(membership_id: int, now: datetime) -> Select[PlannedShift]:
    """The member's planned shifts that are not over and not being worked."""
    return select(PlannedShift).where(
        PlannedShift.membership_id == membership_id,
        PlannedShift.status == PlannedShiftStatus.PLANNED,
        PlannedShift.ends_at > now,
        ~exists().where(Shift.planned_shift_id == PlannedShift.id),
    )


async def upcoming_shift_count(
    session: AsyncSession, actor: Actor, clock: Clock, membership_id: int
) -> int:
    """How many planned shifts a dismissal of the member would release."""
    query = (
        _releasable(membership_id, clock.now())
        .join(Membership, Membership.id == PlannedShift.membership_id)
        .where(Membership.organization_id == actor.organization_id)
    )
    return int(await session.scalar(select(func.count()).select_from(query.subquery())) or 0)


async def dismiss(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    membership_id: int,
    *,
    on_date: date,
    release: ShiftRelease,
) -> int:
    """End the member's contract on `on_date` (`end_contract`: who may, which dates) and
    release their planned shifts that are not over and not being worked: each is
    cancelled (recorded as a cancellation by dismissal, without a fine), and with
    `ShiftRelease.CANCEL` its place leaves the plan too (the slot has one place fewer, or
    is deleted when it was its only one). With `OPEN_PLACES` the freed places are
    announced to colleagues like any open place. Returns how many were released."""
    membership = await end_contract(session, actor, clock, membership_id, on_date=on_date)
    now = clock.now()
    released = list(
        await session.scalars(
            _releasable(membership.id, now).order_by(PlannedShift.starts_at).with_for_update()
        )
    )
    for planned_shift in released:
        cancel_without_fine(
            session,
            planned_shift,
            organization_id=membership.organization_id,
            initiator=CancellationInitiator.DISMISSAL,
            by_user_id=actor.user_id,
            now=now,
        )
        if release == ShiftRelease.CANCEL and planned_shift.starts_at > now:
            slot = await live_slot(session, planned_shift.slot_id, lock=True)
            if slot.max_employees > 1:
                slot.max_employees -= 1
            else:
                slot.deleted_at = now
    await session.flush()
    return len(released)
