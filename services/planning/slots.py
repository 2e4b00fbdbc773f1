"""Time slots of an object: creating one, copying a day, generating many (for templates)
without duplicates, deleting one; the live slot and the payload its notifications carry."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import SLOT_DELETED, notify
from services.planning.errors import SlotExists, SlotInPast
from services.planning.planners import require_planner_on
from services.planning.rules import require_capacity, require_distinct_times
from services.platform.clock import Clock
from services.platform.db.models import (
    CancellationApproval,
    CancellationInitiator,
    PlannedShift,
    PlannedShiftStatus,
    ShiftCancellation,
    TimeSlot,
    WorkObject,
)
from services.platform.db.session import dialect_insert
from services.platform.errors import InvalidInput, NotFound
from services.platform.local_time import hhmm, slot_instants


@dataclass(frozen=True)
class GenerationResult:
    created: int
    skipped: int


def slot_payload(work_object: WorkObject, slot: TimeSlot, **extra: Any) -> dict[str, Any]:
    return {
        "object_name": work_object.name,
        "date": slot.local_date.strftime("%d.%m.%Y"),
        "start": hhmm(slot.start_time),
        "end": hhmm(slot.end_time),
        **extra,
    }


async def live_slot(session: AsyncSession, slot_id: int, *, lock: bool = False) -> TimeSlot:
    query = select(TimeSlot).where(TimeSlot.id == slot_id, TimeSlot.deleted_at.is_(None))
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    slot = await session.scalar(query)
    if slot is None:
        raise NotFound()
    return slot


def _slot_values(
    work_object: WorkObject,
    local_date: date,
    start: time,
    end: time,
    *,
    max_employees: int,
    rate_override: Decimal | None,
    note: str,
) -> dict[str, Any]:
    starts_at, ends_at = slot_instants(local_date, start, end, ZoneInfo(work_object.timezone))
    if ends_at <= starts_at:
        raise InvalidInput(field="time", reason="dst-gap")
    return {
        "object_id": work_object.id,
        "local_date": local_date,
        "start_time": start,
        "end_time": end,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "max_employees": max_employees,
        "rate_override": rate_override,
        "note": note,
    }


async def _insert_slots_skipping_existing(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """Insert slots; a slot with the same object, date and times is left as it is.
    Returns how many were created."""
    if not rows:
        return 0
    statement = (
        dialect_insert(session)(TimeSlot)
        .values(rows)
        .on_conflict_do_nothing(
            index_elements=["object_id", "local_date", "start_time", "end_time"],
            index_where=TimeSlot.deleted_at.is_(None),
        )
        .returning(TimeSlot.id)
    )
    created = (await session.execute(statement)).scalars().all()
    return len(created)


async def create_slot(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    object_id: int,
    local_date: date,
    start_time: time,
    end_time: time,
    max_employees: int = 1,
    rate_override: Decimal | None = None,
    note: str = "",
) -> TimeSlot:
    """Create one slot at the object (owners and managers with `plan`). The times are the
    object's local wall times; an end not after the start is on the next day. A slot in
    the past or a second slot with the same date and times is refused."""
    _, work_object = await require_planner_on(session, user_id, object_id)
    require_distinct_times(start_time, end_time)
    require_capacity(max_employees)
    values = _slot_values(
        work_object,
        local_date,
        start_time,
        end_time,
        max_employees=max_employees,
        rate_override=rate_override,
        note=note,
    )
    if values["starts_at"] <= clock.now():
        raise SlotInPast()
    if not await _insert_slots_skipping_existing(session, [values]):
        raise SlotExists()
    slot = await session.scalar(
        select(TimeSlot).where(
            TimeSlot.object_id == object_id,
            TimeSlot.local_date == local_date,
            TimeSlot.start_time == start_time,
            TimeSlot.end_time == end_time,
            TimeSlot.deleted_at.is_(None),
        )
    )
    assert slot is not None
    return slot


async def copy_day(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    object_id: int,
    source_date: date,
    target_date: date,
) -> GenerationResult:
    """Copy the object's slots of one local day to another (without people). Slots that
    already exist on the target day or would start in the past are skipped."""
    _, work_object = await require_planner_on(session, user_id, object_id)
    sources = list(
        await session.scalars(
            select(TimeSlot).where(
                TimeSlot.object_id == object_id,
                TimeSlot.local_date == source_date,
                TimeSlot.deleted_at.is_(None),
            )
        )
    )
    return await generate_slots(
        session,
        clock,
        work_object,
        [
            (target_date, s.start_time, s.end_time, s.max_employees, s.rate_override, s.note)
            for s in sources
        ],
    )


async def generate_slots(
    session: AsyncSession,
    clock: Clock,
    work_object: WorkObject,
    wanted: Sequence[tuple[date, time, time, int, Decimal | None, str]],
) -> GenerationResult:
    """Create the wanted slots (date, start, end, capacity, rate, note) of the object,
    skipping those that exist already or would start in the past."""
    now = clock.now()
    rows = []
    for local_date, start, end, max_employees, rate, note in wanted:
        values = _slot_values(
            work_object,
            local_date,
            start,
            end,
            max_employees=max_employees,
            rate_override=rate,
            note=note,
        )
        if values["starts_at"] > now:
            rows.append(values)
    created = await _insert_slots_skipping_existing(session, rows)
    return GenerationResult(created=created, skipped=len(wanted) - created)


def cancel_without_fine(
    session: AsyncSession,
    planned_shift: PlannedShift,
    *,
    organization_id: int,
    initiator: CancellationInitiator,
    by_user_id: int | None,
    now: datetime,
) -> None:
    """Cancel a planned shift for a reason that is not the employee's (the slot deleted,
    the employee dismissed): recorded as a cancellation that needs no approval and
    carries no fine."""
    planned_shift.status = PlannedShiftStatus.CANCELLED
    planned_shift.cancelled_at = now
    session.add(
        ShiftCancellation(
            planned_shift_id=planned_shift.id,
            organization_id=organization_id,
            initiator=initiator,
            cancelled_by_user_id=by_user_id,
            comment="",
            short_notice=False,
            approval_status=CancellationApproval.NOT_NEEDED,
        )
    )


async def delete_slot(session: AsyncSession, clock: Clock, *, user_id: int, slot_id: int) -> None:
    """Delete a slot that has not started yet: its planned shifts are cancelled (no fine)
    and everyone planned on it is told. The row stays, marked deleted, for history."""
    slot = await live_slot(session, slot_id, lock=True)
    _, work_object = await require_planner_on(session, user_id, slot.object_id)
    now = clock.now()
    if slot.starts_at <= now:
        raise SlotInPast()
    planned = await session.scalars(
        select(PlannedShift).where(
            PlannedShift.slot_id == slot.id, PlannedShift.status == PlannedShiftStatus.PLANNED
        )
    )
    for planned_shift in planned:
        cancel_without_fine(
            session,
            planned_shift,
            organization_id=work_object.organization_id,
            initiator=CancellationInitiator.SLOT_DELETED,
            by_user_id=user_id,
            now=now,
        )
        await notify(
            session,
            kind=SLOT_DELETED.name,
            dedup_key=f"slot-deleted:{planned_shift.id}",
            not_before=now,
            recipient_user_id=planned_shift.user_id,
            organization_id=work_object.organization_id,
            payload=slot_payload(work_object, slot),
        )
    slot.deleted_at = now
    await session.flush()
