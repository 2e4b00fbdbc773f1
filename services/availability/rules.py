"""Pure availability rules: is a person free for a shift, and how much time off a span is.

A day's statement (`DayRule`) is read in the timezone of the object the shift is at:
the day's window becomes an interval of instants, a window whose end is not after its
start runs into the next day, and a whole day runs from local midnight to the next local
midnight (23 or 25 hours across a DST change). A shift is available when the intervals
of the days around it cover it completely; preferred when preferred intervals alone do.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from services.platform.db.models.availability import AvailabilityKind, TimeOffKind
from services.platform.local_time import local_to_utc, slot_instants

WEEKDAYS = range(7)
# The widest offsets any timezone has: the UTC envelope of local dates uses them.
_EARLIEST_OFFSET = timedelta(hours=14)
_LATEST_OFFSET = timedelta(hours=12)
HALF_DAY = Decimal("0.5")
MIDNIGHT = time(0)


@dataclass(frozen=True)
class DayRule:
    """One day's statement: the kind and a local window, or `None` for the whole day."""

    kind: AvailabilityKind
    start: time | None = None
    end: time | None = None

    @property
    def window(self) -> tuple[time, time] | None:
        return (self.start, self.end) if self.start is not None and self.end is not None else None


NO_STATEMENT = DayRule(AvailabilityKind.AVAILABLE)


@dataclass(frozen=True)
class TimeOffSpan:
    """Approved time off: local dates (inclusive) and, for part of a day, a local window
    that applies on each of those dates."""

    kind: TimeOffKind
    first_day: date
    last_day: date
    start: time | None = None
    end: time | None = None
    request_id: int | None = None

    @property
    def is_part_of_day(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True)
class PersonAvailability:
    """Everything the rule needs about one person in one organization."""

    weekly: Mapping[int, DayRule] = field(default_factory=dict)
    exceptions: Mapping[date, DayRule] = field(default_factory=dict)
    time_off: tuple[TimeOffSpan, ...] = ()

    def rule_for(self, day: date) -> tuple[DayRule, bool]:
        """The statement in force on a local date and whether it is a date exception."""
        if day in self.exceptions:
            return self.exceptions[day], True
        return self.weekly.get(day.weekday(), NO_STATEMENT), False


class VerdictKind(StrEnum):
    AVAILABLE = "available"
    PREFERRED = "preferred"
    UNAVAILABLE = "unavailable"
    TIME_OFF = "time_off"


@dataclass(frozen=True)
class Verdict:
    """The answer for one person and one shift. For `UNAVAILABLE`: the local `day` whose
    statement leaves part of the shift uncovered, that statement and whether it is a date
    exception. For `TIME_OFF`: the time off that overlaps the shift."""

    kind: VerdictKind
    day: date | None = None
    rule: DayRule | None = None
    from_exception: bool = False
    time_off: TimeOffSpan | None = None

    @property
    def is_free(self) -> bool:
        return self.kind in (VerdictKind.AVAILABLE, VerdictKind.PREFERRED)

    @property
    def is_time_off(self) -> bool:
        return self.kind is VerdictKind.TIME_OFF


AVAILABLE = Verdict(VerdictKind.AVAILABLE)
PREFERRED = Verdict(VerdictKind.PREFERRED)


def window_interval(
    day: date, start: time | None, end: time | None, tz: ZoneInfo
) -> tuple[datetime, datetime]:
    """The instants a local window on `day` covers, read like a slot's times (see
    `services.platform.local_time`); no window means the whole day."""
    if start is None or end is None:
        return local_to_utc(day, MIDNIGHT, tz), local_to_utc(day + timedelta(days=1), MIDNIGHT, tz)
    return slot_instants(day, start, end, tz)


def local_days_touched(starts_at: datetime, ends_at: datetime, tz: ZoneInfo) -> list[date]:
    """The local dates a span has time on, plus the day before (whose window may run
    past midnight into the span)."""
    first = starts_at.astimezone(tz).date() - timedelta(days=1)
    last = (ends_at - timedelta(microseconds=1)).astimezone(tz).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def time_off_intervals(span: TimeOffSpan, tz: ZoneInfo) -> Iterable[tuple[datetime, datetime]]:
    day = span.first_day
    while day <= span.last_day:
        yield window_interval(day, span.start, span.end, tz)
        day += timedelta(days=1)


def time_off_overlapping(
    time_off: Iterable[TimeOffSpan], starts_at: datetime, ends_at: datetime, tz: ZoneInfo
) -> TimeOffSpan | None:
    """The first time off that has an instant inside [starts_at, ends_at)."""
    days = local_days_touched(starts_at, ends_at, tz)
    for span in time_off:
        if span.last_day < days[0] or span.first_day > days[-1]:
            continue
        for begin, end in time_off_intervals(span, tz):
            if begin < ends_at and starts_at < end:
                return span
    return None


def _first_uncovered(
    intervals: list[tuple[datetime, datetime]], starts_at: datetime, ends_at: datetime
) -> datetime | None:
    """The earliest instant of [starts_at, ends_at) no interval covers, if any."""
    reached = starts_at
    for begin, end in sorted(intervals):
        if begin > reached:
            break
        reached = max(reached, end)
        if reached >= ends_at:
            return None
    return reached if reached < ends_at else None


def shift_verdict(
    person: PersonAvailability, starts_at: datetime, ends_at: datetime, tz: ZoneInfo
) -> Verdict:
    """Whether a person can work [starts_at, ends_at) at an object in `tz`.

    Approved time off wins over everything; otherwise the shift must be covered by the
    statements of the local days it touches (the previous day's window counts when it
    runs past midnight). A day without a statement is available all day."""
    if starts_at >= ends_at:
        raise ValueError("a shift ends after it starts")
    overlapping = time_off_overlapping(person.time_off, starts_at, ends_at, tz)
    if overlapping is not None:
        return Verdict(VerdictKind.TIME_OFF, time_off=overlapping)
    free: list[tuple[datetime, datetime]] = []
    preferred: list[tuple[datetime, datetime]] = []
    for day in local_days_touched(starts_at, ends_at, tz):
        rule, _ = person.rule_for(day)
        if rule.kind == AvailabilityKind.UNAVAILABLE:
            continue
        interval = window_interval(day, rule.start, rule.end, tz)
        free.append(interval)
        if rule.kind == AvailabilityKind.PREFERRED:
            preferred.append(interval)
    gap = _first_uncovered(free, starts_at, ends_at)
    if gap is None:
        return PREFERRED if _first_uncovered(preferred, starts_at, ends_at) is None else AVAILABLE
    day = gap.astimezone(tz).date()
    rule, from_exception = person.rule_for(day)
    return Verdict(VerdictKind.UNAVAILABLE, day=day, rule=rule, from_exception=from_exception)


def time_off_envelope(first_day: date, last_day: date) -> tuple[datetime, datetime]:
    """UTC instants that contain local dates `first_day`..`last_day` in every timezone."""
    start = datetime.combine(first_day, time(0), tzinfo=UTC) - _EARLIEST_OFFSET
    end = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=UTC) + _LATEST_OFFSET
    return start, end


def time_off_days(span: TimeOffSpan, period_start: date, period_end: date) -> Decimal:
    """Days of time off within local dates `period_start`..`period_end` (inclusive):
    a whole day counts 1, part of a day counts one half."""
    first = max(span.first_day, period_start)
    last = min(span.last_day, period_end)
    if last < first:
        return Decimal(0)
    days = Decimal((last - first).days + 1)
    return days * HALF_DAY if span.is_part_of_day else days


def validate_window(start: time | None, end: time | None) -> None:
    """A window has both ends or none, and is not empty."""
    if (start is None) != (end is None):
        raise ValueError("a window needs a start and an end")
    if start is not None and start == end:
        raise ValueError("a window cannot be empty")
