"""Use cases of an employee's own statements: a weekday's availability and exceptions for
dates. One transaction each; the callers commit."""

from datetime import date, time

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.availability.rules import validate_window
from services.platform.db.models import (
    AvailabilityException,
    AvailabilityKind,
    Membership,
    MembershipStatus,
    WeeklyAvailability,
)
from services.platform.errors import InvalidInput, PermissionDenied

MAX_NOTE_LENGTH = 200


async def _require_member(session: AsyncSession, user_id: int, organization_id: int) -> None:
    membership = await session.scalar(
        select(Membership.id).where(
            Membership.user_id == user_id,
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )
    if membership is None:
        raise PermissionDenied()


def _checked_window(kind: AvailabilityKind, start: time | None, end: time | None) -> None:
    try:
        validate_window(start, end)
    except ValueError as error:
        raise InvalidInput(field="window", reason="empty") from error
    if kind is AvailabilityKind.UNAVAILABLE and start is not None:
        raise InvalidInput(field="window", reason="unavailable-has-no-window")


async def set_weekday(
    session: AsyncSession,
    *,
    user_id: int,
    organization_id: int,
    weekday: int,
    kind: AvailabilityKind,
    start: time | None = None,
    end: time | None = None,
) -> WeeklyAvailability:
    """State a weekday (0 = Monday): all day (no window), a local window (past midnight
    when the end is not after the start) or not available; replaces the earlier one."""
    await _require_member(session, user_id, organization_id)
    if weekday not in range(7):
        raise InvalidInput(field="weekday", reason="range")
    _checked_window(kind, start, end)
    row = await session.scalar(
        select(WeeklyAvailability)
        .where(
            WeeklyAvailability.organization_id == organization_id,
            WeeklyAvailability.user_id == user_id,
            WeeklyAvailability.weekday == weekday,
        )
        .with_for_update()
    )
    if row is None:
        row = WeeklyAvailability(organization_id=organization_id, user_id=user_id, weekday=weekday)
        session.add(row)
    row.kind, row.start_time, row.end_time = kind, start, end
    await session.flush()
    return row


async def clear_weekday(
    session: AsyncSession, *, user_id: int, organization_id: int, weekday: int
) -> None:
    """Forget a weekday's statement: the day counts as available again."""
    await session.execute(
        delete(WeeklyAvailability).where(
            WeeklyAvailability.organization_id == organization_id,
            WeeklyAvailability.user_id == user_id,
            WeeklyAvailability.weekday == weekday,
        )
    )


async def set_exception(
    session: AsyncSession,
    *,
    user_id: int,
    organization_id: int,
    on_date: date,
    kind: AvailabilityKind,
    start: time | None = None,
    end: time | None = None,
    note: str = "",
) -> AvailabilityException:
    """State one local date differently from its weekday; replaces an earlier one."""
    await _require_member(session, user_id, organization_id)
    _checked_window(kind, start, end)
    note = " ".join(note.split())
    if len(note) > MAX_NOTE_LENGTH:
        raise InvalidInput(field="note", reason="too-long", limit=MAX_NOTE_LENGTH)
    row = await session.scalar(
        select(AvailabilityException)
        .where(
            AvailabilityException.organization_id == organization_id,
            AvailabilityException.user_id == user_id,
            AvailabilityException.on_date == on_date,
        )
        .with_for_update()
    )
    if row is None:
        row = AvailabilityException(
            organization_id=organization_id, user_id=user_id, on_date=on_date
        )
        session.add(row)
    row.kind, row.start_time, row.end_time, row.note = kind, start, end, note
    await session.flush()
    return row


async def remove_exception(
    session: AsyncSession, *, user_id: int, organization_id: int, on_date: date
) -> None:
    await session.execute(
        delete(AvailabilityException).where(
            AvailabilityException.organization_id == organization_id,
            AvailabilityException.user_id == user_id,
            AvailabilityException.on_date == on_date,
        )
    )
