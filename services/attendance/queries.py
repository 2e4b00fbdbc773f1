"""Read models of attendance: a user's open shift, a shift's card, who is on shift at an
object now, the objects a manager watches, and how many shifts are open."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import (
    Permission,
    PlannedShift,
    Shift,
    ShiftStatus,
    User,
    WorkObject,
)
from services.platform.db.session import kept_reads
from services.platform.errors import NotFound
from services.staff.permissions import actor_in, objects_with_permission, require_object_permission
from services.staff.users import active_memberships, current_membership


@dataclass(frozen=True)
class ShiftCard:
    shift: Shift
    work_object: WorkObject
    employee_name: str
    planned_end_at: datetime | None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.work_object.timezone)

    def local(self, instant: datetime) -> datetime:
        return instant.astimezone(self.zone)


async def object_by_id(session: AsyncSession, object_id: int) -> WorkObject:
    work_object = await session.get(WorkObject, object_id)
    if work_object is None:
        raise NotFound(what="object")
    return work_object


async def display_name_of(session: AsyncSession, user_id: int) -> str:
    """The user's name as shown to others; empty for a user that no longer exists."""
    user = await session.get(User, user_id)
    return user.display_name if user else ""


# Read on every main menu, so built once: `user_id`.
_OPEN_SHIFT_OF = select(Shift).where(
    Shift.user_id == bindparam("user_id"), Shift.status == ShiftStatus.OPEN
)


async def open_shift_of(session: AsyncSession, user_id: int) -> Shift | None:
    """The user's open shift (kept for the session until it writes: see `kept_reads`)."""
    kept = kept_reads(session)
    key = ("open_shift", user_id)
    if key not in kept:
        kept[key] = await session.scalar(_OPEN_SHIFT_OF, {"user_id": user_id})
    return kept[key]


def keep_new_shift(session: AsyncSession, shift: Shift, *rows: object) -> None:
    """A shift just opened, kept for the rest of the session once its writes are done (its
    card is shown next): the user's open shift, the rows its card reads (its object and
    plan, which stay in the identity map) and no breaks yet."""
    kept = kept_reads(session)
    kept[("open_shift", shift.user_id)] = shift
    kept[("card_rows", shift.id)] = rows
    kept[("breaks", shift.id)] = []


def kept_breaks(session: AsyncSession, shift_id: int) -> list[Any] | None:
    """The shift's breaks when kept (none yet for a shift just opened)."""
    return kept_reads(session).get(("breaks", shift_id))


async def shift_card(session: AsyncSession, shift_id: int) -> ShiftCard:
    shift = await session.get(Shift, shift_id)
    if shift is None:
        raise NotFound(what="shift")
    work_object = await object_by_id(session, shift.object_id)
    planned = (
        await session.get(PlannedShift, shift.planned_shift_id) if shift.planned_shift_id else None
    )
    return ShiftCard(
        shift=shift,
        work_object=work_object,
        employee_name=await display_name_of(session, shift.user_id),
        planned_end_at=planned.ends_at if planned else None,
    )


async def on_shift_now(session: AsyncSession, user_id: int, object_id: int) -> list[ShiftCard]:
    """Open shifts at an object, oldest first, for its owner or a manager with `view`."""
    work_object = await object_by_id(session, object_id)
    actor = await actor_in(session, user_id, work_object.organization_id)
    await require_object_permission(session, actor, object_id, Permission.VIEW)
    shift_ids = await session.scalars(
        select(Shift.id)
        .where(Shift.object_id == object_id, Shift.status == ShiftStatus.OPEN)
        .order_by(Shift.opened_at)
    )
    return [await shift_card(session, shift_id) for shift_id in shift_ids]


async def watched_objects(session: AsyncSession, user: User) -> list[WorkObject]:
    """Objects of the user's current organization whose shifts they may watch (`view`)."""
    current = current_membership(
        await active_memberships(session, user.id), user.active_organization_id
    )
    if current is None:
        return []
    actor = await actor_in(session, user.id, current.organization_id)
    return await objects_with_permission(session, actor, Permission.VIEW)


async def count_open_shifts(session: AsyncSession) -> int:
    count = await session.scalar(select(func.count()).where(Shift.status == ShiftStatus.OPEN))
    return int(count or 0)
