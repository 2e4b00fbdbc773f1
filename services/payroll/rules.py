"""Money and the pay rules of a shift, pure: rounding to kopecks, hours of minutes,
lateness, the late fine, paid time, unpaid breaks, worked minutes, pay, the rate's
priority, the work date, which planned shifts can be opened now, when a forgotten shift
is closed and what a cancellation is charged. Instants are aware UTC datetimes; local
dates and times come only from the object's `ZoneInfo`."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from services.platform.db.models import CancellationApproval, ShiftCancellation
from services.platform.local_time import local_to_utc, local_today

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def money(amount: Decimal) -> Decimal:
    """Kopecks, rounded half up."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def as_money(value: Any) -> Decimal:
    """A number read from the database (a sum is None over no rows) as money."""
    return money(Decimal(value if value is not None else 0))


def hours_of(minutes: int) -> Decimal:
    """Minutes as hours, to two places."""
    return money(Decimal(minutes) / Decimal(60))


def whole_minutes(delta: timedelta) -> int:
    """Completed minutes of a duration; negative durations count as none."""
    return max(0, int(delta.total_seconds() // 60))


def lateness_minutes(planned_start: datetime | None, actual_start: datetime) -> int:
    """Minutes between the planned start and the actual start; a spontaneous shift
    (no planned start) is never late."""
    if planned_start is None:
        return 0
    return whole_minutes(actual_start - planned_start)


def late_fine(lateness: int, grace_minutes: int, fine_per_minute: Decimal) -> Decimal:
    """(lateness − grace) × fine per minute, only when lateness > grace. The grace is
    subtracted once, here, and nowhere else."""
    if lateness <= grace_minutes:
        return ZERO
    return money((lateness - grace_minutes) * fine_per_minute)


def earliest_open(planned_start: datetime, early_arrival_minutes: int) -> datetime:
    return planned_start - timedelta(minutes=early_arrival_minutes)


def paid_from(planned_start: datetime | None, actual_start: datetime, pay_early: bool) -> datetime:
    """Paid time starts at the planned start for an early arrival, unless the object pays
    early arrival; a late or spontaneous start is paid from the actual start."""
    if planned_start is not None and actual_start < planned_start and not pay_early:
        return planned_start
    return actual_start


def worked_minutes(paid_start: datetime, closed_at: datetime, unpaid_break: int = 0) -> int:
    """The paid span's whole minutes less the minutes not paid as breaks."""
    return max(0, whole_minutes(closed_at - paid_start) - unpaid_break)


def unpaid_break_minutes(
    span_minutes: int,
    recorded_break_minutes: int,
    *,
    breaks_paid: bool,
    required_after_hours: int,
    required_minutes: int,
) -> int:
    """Minutes of a shift's paid span not paid as breaks: the recorded breaks unless the
    object pays them; and where the object requires a break after N hours (N > 0), a
    span longer than N hours with no break recorded loses the required break. Never more
    than the span."""
    unpaid = 0 if breaks_paid else recorded_break_minutes
    required = required_after_hours > 0 and span_minutes > required_after_hours * 60
    if required and recorded_break_minutes == 0:
        unpaid += required_minutes
    return min(unpaid, span_minutes)


def pay_for(minutes: int, hourly_rate: Decimal) -> Decimal:
    """minutes × rate / 60, rounded half up to kopecks."""
    return money(Decimal(minutes) * hourly_rate / Decimal(60))


class RateSource(StrEnum):
    CONTRACT = "contract"
    SLOT = "slot"
    OBJECT = "object"


@dataclass(frozen=True)
class FrozenRate:
    hourly_rate: Decimal
    source: RateSource


def frozen_rate(
    contract_rate: Decimal | None, slot_rate: Decimal | None, object_rate: Decimal
) -> FrozenRate:
    """The contract's rate if set, else the slot's, else the object's."""
    if contract_rate is not None:
        return FrozenRate(money(contract_rate), RateSource.CONTRACT)
    if slot_rate is not None:
        return FrozenRate(money(slot_rate), RateSource.SLOT)
    return FrozenRate(money(object_rate), RateSource.OBJECT)


def work_date(planned_start: datetime | None, opened_at: datetime, zone: ZoneInfo | str) -> date:
    """The day a shift's work (its pay, fines, bonuses, rate version and pay period)
    belongs to: the planned start's local date in the object's timezone, or for a
    spontaneous shift the opening's. Clocking in early for a shift after midnight does
    not move it to the day before."""
    return local_today(planned_start or opened_at, zone)


def is_openable(
    planned_start: datetime,
    planned_end: datetime,
    now: datetime,
    zone: ZoneInfo,
    early_arrival_minutes: int,
) -> bool:
    """A planned shift is offered today when it starts on today's local date, or when
    its early-arrival window is already open (a shift just after midnight), and it has
    not ended yet."""
    if now >= planned_end:
        return False
    starts_today = local_today(planned_start, zone) == local_today(now, zone)
    return starts_today or earliest_open(planned_start, early_arrival_minutes) <= now


def _parse_time(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def _day_interval(
    opening_hours: dict[str, Any], day: date, zone: ZoneInfo
) -> tuple[datetime, datetime] | None:
    hours = opening_hours.get(WEEKDAY_KEYS[day.weekday()])
    if not hours or len(hours) != 2:
        return None
    opens, closes = _parse_time(hours[0]), _parse_time(hours[1])
    closing_day = day + timedelta(days=1) if closes <= opens else day
    return local_to_utc(day, opens, zone), local_to_utc(closing_day, closes, zone)


def closing_time_after(
    opening_hours: dict[str, Any], zone: ZoneInfo, opened_at: datetime
) -> datetime | None:
    """The object's next closing time after `opened_at`: the closing of the opening day's
    hours, or of the previous day's when they run past midnight; None when closed."""
    today = local_today(opened_at, zone)
    closings = [
        interval[1]
        for day in (today - timedelta(days=1), today)
        if (interval := _day_interval(opening_hours, day, zone)) is not None
        and interval[1] > opened_at
    ]
    return min(closings) if closings else None


def scheduled_end(
    planned_end: datetime | None,
    opening_hours: dict[str, Any],
    zone: ZoneInfo,
    opened_at: datetime,
    max_length: timedelta,
) -> datetime:
    """When the shift is due to end: the planned end; for a spontaneous shift the object's
    closing time, never later than the object's maximum shift length after opening."""
    if planned_end is not None:
        return planned_end
    cap = opened_at + max_length
    closing = closing_time_after(opening_hours, zone, opened_at)
    return min(closing, cap) if closing is not None else cap


def auto_close_due(end: datetime, grace_minutes: int, now: datetime) -> bool:
    """A forgotten shift is closed once now is past its end plus the grace; it is closed
    at its end, never at the moment this was noticed."""
    return now > end + timedelta(minutes=grace_minutes)


def chargeable_fine(cancellation: ShiftCancellation) -> Decimal:
    """What payroll charges for a cancellation: the short-notice fine, unless a document
    was approved or still waits for a decision."""
    if cancellation.fine_amount is None or cancellation.approval_status in (
        CancellationApproval.APPROVED,
        CancellationApproval.PENDING,
    ):
        return ZERO
    return cancellation.fine_amount
