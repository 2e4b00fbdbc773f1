"""How the exchange shows a shift and the people in it: `ShiftInfo` read from a slot,
display names, the kinds of exchange and the outcome of taking a shift."""

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import PlannedShift, TimeSlot, User, WorkObject


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

    organization_id: int
    object_id: int
    object_name: str
    local_date: date
    start_time: time
    end_time: time
    starts_at: datetime


@dataclass(frozen=True)
class TakeResult:
    outcome: Outcome
    shift: ShiftInfo


def shift_info(slot: TimeSlot, work_object: WorkObject) -> ShiftInfo:
    return ShiftInfo(
        organization_id=work_object.organization_id,
        object_id=work_object.id,
        object_name=work_object.name,
        local_date=slot.local_date,
        start_time=slot.start_time,
        end_time=slot.end_time,
        starts_at=slot.starts_at,
    )


async def slot_and_object(session: AsyncSession, slot_id: int) -> tuple[TimeSlot, WorkObject]:
    slot = await session.get(TimeSlot, slot_id)
    assert slot is not None
    work_object = await session.get(WorkObject, slot.object_id)
    assert work_object is not None
    return slot, work_object


async def slot_info(session: AsyncSession, slot_id: int) -> ShiftInfo:
    return shift_info(*await slot_and_object(session, slot_id))


async def planned_shift_info(session: AsyncSession, planned_shift: PlannedShift) -> ShiftInfo:
    return await slot_info(session, planned_shift.slot_id)


async def display_name(session: AsyncSession, user_id: int | None) -> str:
    """The user's name as colleagues see it; "" for nobody."""
    user = await session.get(User, user_id) if user_id is not None else None
    return user.display_name if user else ""
