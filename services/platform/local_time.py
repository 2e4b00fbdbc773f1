"""Local wall-clock dates and times of an object ↔ UTC instants.

Rules chosen on purpose for the two DST cases:
- a wall time that does not exist (clocks jump forward over it) means the moment the
  clocks jumped, i.e. the first instant after the gap (02:30 on a spring-forward night in
  Berlin is 03:00 CEST);
- a wall time that happens twice (clocks go back) means its first occurrence.
A slot whose end time is not after its start time ends on the next local day
(22:00–06:00).
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def _wall(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def is_in_gap(local_date: date, local_time: time, zone: ZoneInfo) -> bool:
    """True when the wall time does not exist in `zone` on that date."""
    naive = datetime.combine(local_date, local_time)
    return _wall(naive.replace(tzinfo=zone).astimezone(UTC), zone) != naive


def local_to_utc(local_date: date, local_time: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a local wall time (see the module's DST rules)."""
    naive = datetime.combine(local_date, local_time.replace(tzinfo=None, fold=0))
    first = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if _wall(first, zone) == naive:
        return first
    # In a gap: fold=1 reads the wall time with the offset after the jump, which lands
    # before the jump; the jump lies between that instant and `first`.
    low = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    high = first
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if _wall(middle, zone) >= naive:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0)


def utc_to_local(moment: datetime, zone: ZoneInfo) -> tuple[date, time]:
    local = moment.astimezone(zone)
    return local.date(), local.time().replace(tzinfo=None, fold=0)


def crosses_midnight(start: time, end: time) -> bool:
    return end <= start


def slot_instants(
    local_date: date, start: time, end: time, zone: ZoneInfo
) -> tuple[datetime, datetime]:
    """Start and end instants of a slot; an end not after the start is on the next day."""
    end_date = local_date + timedelta(days=1) if crosses_midnight(start, end) else local_date
    return local_to_utc(local_date, start, zone), local_to_utc(end_date, end, zone)


def monday_of(day: date) -> date:
    """The Monday of the week of `day` (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


def _zone(zone: ZoneInfo | str) -> ZoneInfo:
    return ZoneInfo(zone) if isinstance(zone, str) else zone


def local_today(now: datetime, zone: ZoneInfo | str) -> date:
    """The local date at `now` in `zone` (an IANA name or a `ZoneInfo`), not the server's."""
    return now.astimezone(_zone(zone)).date()


def local_hhmm(instant: datetime, zone: ZoneInfo | str) -> str:
    """`HH:MM` of `instant` on the wall clock of `zone` (an IANA name or a `ZoneInfo`)."""
    return instant.astimezone(_zone(zone)).strftime("%H:%M")


def hhmm(value: time) -> str:
    """A wall time as people read it: `07:30`."""
    return value.strftime("%H:%M")
