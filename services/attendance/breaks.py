"""Breaks during a shift (C21): the employee starts one ("☕ Break") and ends it
("Back"); one running break per shift is guaranteed by a partial unique index; closing
the shift ends a running break at the close. At close the recorded break minutes within
the paid time and the minutes not paid as breaks (`rules.unpaid_break_minutes`, the
object's rules) are set on the shift."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.attendance.errors import NoOpenShift
from services.attendance.queries import kept_breaks
from services.payroll.rules import unpaid_break_minutes, whole_minutes
from services.platform.clock import Clock
from services.platform.db.models import Shift, ShiftBreak, ShiftStatus, WorkObject
from services.platform.db.session import dialect_insert
from services.platform.errors import DomainError


class AlreadyOnBreak(DomainError):
    code = "break-already-started"


class NotOnBreak(DomainError):
    code = "break-not-started"


async def _locked_open_shift(session: AsyncSession, user_id: int) -> Shift:
    shift = await session.scalar(
        select(Shift)
        .where(Shift.user_id == user_id, Shift.status == ShiftStatus.OPEN)
        .with_for_update()
    )
    if shift is None:
        raise NoOpenShift()
    return shift


async def running_break(session: AsyncSession, shift_id: int) -> ShiftBreak | None:
    return await session.scalar(
        select(ShiftBreak).where(ShiftBreak.shift_id == shift_id, ShiftBreak.ended_at.is_(None))
    )


async def start_break(session: AsyncSession, clock: Clock, *, user_id: int) -> ShiftBreak:
    """The employee on shift starts a break now; a second tap (or a second device) while
    one runs is refused, by the database if two taps race."""
    shift = await _locked_open_shift(session, user_id)
    inserted = await session.scalar(
        dialect_insert(session)(ShiftBreak)
        .values(shift_id=shift.id, started_at=clock.now())
        .on_conflict_do_nothing()
        .returning(ShiftBreak.id)
    )
    if inserted is None:
        raise AlreadyOnBreak()
    started = await session.get(ShiftBreak, inserted)
    assert started is not None
    return started


async def end_break(session: AsyncSession, clock: Clock, *, user_id: int) -> ShiftBreak:
    """The employee is back: the running break ends now."""
    shift = await _locked_open_shift(session, user_id)
    running = await running_break(session, shift.id)
    if running is None:
        raise NotOnBreak()
    running.ended_at = max(clock.now(), running.started_at)
    await session.flush()
    return running


def _overlap_minutes(shift: Shift, closed_at: datetime, breaks: list[ShiftBreak]) -> int:
    seconds = 0.0
    for item in breaks:
        end = item.ended_at or closed_at
        low, high = max(item.started_at, shift.paid_from), min(end, closed_at)
        seconds += max(0.0, (high - low).total_seconds())
    return int(seconds // 60)


async def settle_breaks(
    session: AsyncSession, shift: Shift, work_object: WorkObject, closed_at: datetime
) -> None:
    """At close: end a running break at `closed_at`, then set the shift's recorded break
    minutes (within its paid time) and the minutes not paid as breaks."""
    breaks = list(await session.scalars(select(ShiftBreak).where(ShiftBreak.shift_id == shift.id)))
    for item in breaks:
        if item.ended_at is None:
            item.ended_at = max(closed_at, item.started_at)
    shift.break_minutes = _overlap_minutes(shift, closed_at, breaks)
    shift.unpaid_break_minutes = unpaid_break_minutes(
        whole_minutes(closed_at - shift.paid_from),
        shift.break_minutes,
        breaks_paid=work_object.breaks_paid,
        required_after_hours=work_object.required_break_after_hours,
        required_minutes=work_object.required_break_minutes,
    )


@dataclass(frozen=True)
class BreakStatus:
    on_break_since: datetime | None
    minutes_so_far: int  # every break of the shift up to now


async def break_status(session: AsyncSession, shift: Shift, now: datetime) -> BreakStatus:
    """For the shift card: the running break's start and the break minutes so far."""
    breaks = kept_breaks(session, shift.id)
    if breaks is None:
        breaks = list(
            await session.scalars(
                select(ShiftBreak).where(ShiftBreak.shift_id == shift.id).order_by(ShiftBreak.id)
            )
        )
    running = next((b.started_at for b in breaks if b.ended_at is None), None)
    seconds = sum(((b.ended_at or now) - b.started_at).total_seconds() for b in breaks)
    return BreakStatus(running, max(0, int(seconds // 60)))
