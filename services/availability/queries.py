"""Read models of availability: the batch `AvailabilityBook` for planning boards and the
auto-scheduler, and what one person sees of their own statements and time off."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.availability.rules import (
    DayRule,
    PersonAvailability,
    TimeOffSpan,
    Verdict,
    shift_verdict,
)
from services.platform.db.models.availability import (
    AvailabilityException,
    AvailabilityKind,
    TimeOffKind,
    TimeOffRequest,
    TimeOffStatus,
    WeeklyAvailability,
)

# A local date near a UTC instant is at most this far from the instant's UTC date.
_DATE_MARGIN = timedelta(days=2)


def day_rule_of(row: WeeklyAvailability | AvailabilityException) -> DayRule:
    return DayRule(AvailabilityKind(row.kind), row.start_time, row.end_time)


def time_off_span_of(row: TimeOffRequest) -> TimeOffSpan:
    return TimeOffSpan(
        kind=TimeOffKind(row.kind),
        first_day=row.first_day,
        last_day=row.last_day,
        start=row.start_time,
        end=row.end_time,
        request_id=row.id,
    )


@dataclass
class AvailabilityBook:
    """Availability, date exceptions and approved time off of many people in one
    organization around a UTC period, loaded in three queries. A person without any
    statement is available everywhere."""

    organization_id: int
    start_utc: datetime
    end_utc: datetime
    people: dict[int, PersonAvailability] = field(default_factory=dict)

    def person(self, user_id: int) -> PersonAvailability:
        return self.people.get(user_id, PersonAvailability())

    def verdict(
        self, user_id: int, starts_at: datetime, ends_at: datetime, tz: ZoneInfo
    ) -> Verdict:
        """The rule's verdict for one person and a shift inside the loaded period."""
        return shift_verdict(self.person(user_id), starts_at, ends_at, tz)


async def availability_book(
    session: AsyncSession,
    organization_id: int,
    user_ids: Iterable[int],
    start_utc: datetime,
    end_utc: datetime,
) -> AvailabilityBook:
    """Everything `AvailabilityBook.verdict` needs for shifts within [start_utc, end_utc)
    of the given people: weekly statements, date exceptions near the period and approved
    time off overlapping it."""
    users = sorted(set(user_ids))
    book = AvailabilityBook(organization_id, start_utc, end_utc)
    if not users:
        return book
    first_day: date = (start_utc - _DATE_MARGIN).date()
    last_day: date = (end_utc + _DATE_MARGIN).date()
    weekly: dict[int, dict[int, DayRule]] = defaultdict(dict)
    exceptions: dict[int, dict[date, DayRule]] = defaultdict(dict)
    time_off: dict[int, list[TimeOffSpan]] = defaultdict(list)
    for week_row in await session.scalars(
        select(WeeklyAvailability).where(
            WeeklyAvailability.organization_id == organization_id,
            WeeklyAvailability.user_id.in_(users),
        )
    ):
        weekly[week_row.user_id][week_row.weekday] = day_rule_of(week_row)
    for exception_row in await session.scalars(
        select(AvailabilityException).where(
            AvailabilityException.organization_id == organization_id,
            AvailabilityException.user_id.in_(users),
            AvailabilityException.on_date.between(first_day, last_day),
        )
    ):
        exceptions[exception_row.user_id][exception_row.on_date] = day_rule_of(exception_row)
    for request in await session.scalars(
        select(TimeOffRequest)
        .where(
            TimeOffRequest.organization_id == organization_id,
            TimeOffRequest.user_id.in_(users),
            TimeOffRequest.status == TimeOffStatus.APPROVED,
            TimeOffRequest.starts_at < end_utc,
            TimeOffRequest.ends_at > start_utc,
        )
        .order_by(TimeOffRequest.first_day, TimeOffRequest.id)
    ):
        time_off[request.user_id].append(time_off_span_of(request))
    for user_id in users:
        if user_id in weekly or user_id in exceptions or user_id in time_off:
            book.people[user_id] = PersonAvailability(
                weekly=weekly.get(user_id, {}),
                exceptions=exceptions.get(user_id, {}),
                time_off=tuple(time_off.get(user_id, ())),
            )
    return book


async def person_verdict(
    session: AsyncSession,
    organization_id: int,
    user_id: int,
    starts_at: datetime,
    ends_at: datetime,
    tz: ZoneInfo,
) -> Verdict:
    """The verdict for one person and one shift (a book of one)."""
    book = await availability_book(session, organization_id, [user_id], starts_at, ends_at)
    return book.verdict(user_id, starts_at, ends_at, tz)


@dataclass(frozen=True)
class MyAvailability:
    """A person's own statements: every weekday (no statement: available all day) and
    the exceptions from a date on."""

    weekly: dict[int, DayRule]
    exceptions: list[tuple[date, DayRule]]


async def my_availability(
    session: AsyncSession, *, user_id: int, organization_id: int, since: date
) -> MyAvailability:
    weekly = {
        row.weekday: day_rule_of(row)
        for row in await session.scalars(
            select(WeeklyAvailability).where(
                WeeklyAvailability.organization_id == organization_id,
                WeeklyAvailability.user_id == user_id,
            )
        )
    }
    exceptions = [
        (row.on_date, day_rule_of(row))
        for row in await session.scalars(
            select(AvailabilityException)
            .where(
                AvailabilityException.organization_id == organization_id,
                AvailabilityException.user_id == user_id,
                AvailabilityException.on_date >= since,
            )
            .order_by(AvailabilityException.on_date)
        )
    ]
    return MyAvailability(weekly, exceptions)
