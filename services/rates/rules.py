"""Overtime and holiday minutes of an employee's shifts, pure.

How a shift is split (the rule the payslip explains):
- A shift belongs whole to its work date (the planned start's local date in the object's
  timezone, `services.payroll.rules.work_date`); a night shift 22:00–06:00 counts on the
  day it starts, and the week is the Monday–Sunday of that work date.
- The employee's shifts are taken in the order they started. Daily overtime is the part
  of a shift beyond the daily threshold, counting the earlier shifts of its work date (on
  any object). Weekly overtime is the part of the remaining (not daily-overtime) minutes
  beyond the weekly threshold, counting the earlier such minutes of the week, so no
  minute is overtime twice. The shift's own object decides the thresholds and the
  multiplier (its override, else the organization's rule).
- Overtime minutes are the last minutes of the shift: a shift that crosses a threshold is
  regular up to it and overtime after it.
- Holiday minutes are the paid minutes whose instant falls on a holiday's local date in
  the object's timezone (00:00–24:00, real minutes: 23 or 25 on a DST day); a night
  shift into 1 January gets the holiday rate only after midnight.
- A minute that is both overtime and on a holiday gets one premium, the larger.
- A premium is the extra over the shift pay: minutes × rate × (multiplier − 1) / 60,
  rounded half up to kopecks.
Paid minutes are laid out from the paid start without gaps (unpaid breaks shorten the
shift's end).
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from services.platform.local_time import local_to_utc, local_today, monday_of

ONE = Decimal(1)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class OvertimeRule:
    daily_threshold_minutes: int | None
    weekly_threshold_minutes: int | None
    multiplier: Decimal

    @property
    def is_active(self) -> bool:
        return self.multiplier > ONE and (
            self.daily_threshold_minutes is not None or self.weekly_threshold_minutes is not None
        )


@dataclass(frozen=True)
class WorkedShift:
    """A finished shift as the rules need it."""

    shift_id: int
    work_date: date
    paid_from: datetime
    minutes: int  # paid minutes
    hourly_rate: Decimal
    zone: ZoneInfo
    rule: OvertimeRule | None

    @property
    def paid_until(self) -> datetime:
        return self.paid_from + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Premium:
    """An extra over the shift pay, with the facts it was computed from."""

    minutes: int
    multiplier: Decimal
    hourly_rate: Decimal
    amount: Decimal
    details: dict[str, str]


@dataclass(frozen=True)
class ShiftPremiums:
    overtime: Premium | None
    holiday: Premium | None


def premium_amount(minutes: int, hourly_rate: Decimal, multiplier: Decimal) -> Decimal:
    """minutes × rate × (multiplier − 1) / 60, half up to kopecks."""
    extra = Decimal(minutes) * hourly_rate * (multiplier - ONE) / Decimal(60)
    return extra.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class OvertimeSplit:
    daily: int
    weekly: int

    @property
    def total(self) -> int:
        return self.daily + self.weekly


def _beyond(before: int, added: int, threshold: int | None) -> int:
    """The part of `added` minutes beyond `threshold` when `before` came first."""
    if threshold is None:
        return 0
    return max(0, before + added - threshold) - max(0, before - threshold)


def overtime_splits(shifts: Iterable[WorkedShift]) -> dict[int, OvertimeSplit]:
    """Daily and weekly overtime minutes of each shift of one employee (module rules)."""
    per_day: dict[date, int] = defaultdict(int)
    regular_per_week: dict[date, int] = defaultdict(int)
    splits: dict[int, OvertimeSplit] = {}
    for shift in sorted(shifts, key=lambda s: (s.paid_from, s.shift_id)):
        rule = shift.rule if shift.rule is not None and shift.rule.is_active else None
        week = monday_of(shift.work_date)
        daily = _beyond(
            per_day[shift.work_date],
            shift.minutes,
            rule.daily_threshold_minutes if rule else None,
        )
        regular = shift.minutes - daily
        weekly = _beyond(
            regular_per_week[week], regular, rule.weekly_threshold_minutes if rule else None
        )
        per_day[shift.work_date] += shift.minutes
        regular_per_week[week] += regular
        splits[shift.shift_id] = OvertimeSplit(daily, weekly)
    return splits


def _overlap_minutes(start: datetime, end: datetime, low: datetime, high: datetime) -> int:
    seconds = (min(end, high) - max(start, low)).total_seconds()
    return max(0, int(seconds // 60))


def holiday_minutes(
    start: datetime, end: datetime, zone: ZoneInfo, holidays: Mapping[date, Decimal]
) -> tuple[int, Decimal]:
    """Minutes of [start, end) on holidays' local dates in `zone`, and the largest
    multiplier among those holidays (1 when none)."""
    minutes, multiplier = 0, ONE
    day = local_today(start, zone)
    last = local_today(end, zone)
    while day <= last:
        if day in holidays:
            low = local_to_utc(day, time(0), zone)
            high = local_to_utc(day + timedelta(days=1), time(0), zone)
            found = _overlap_minutes(start, end, low, high)
            if found:
                minutes += found
                multiplier = max(multiplier, holidays[day])
        day += timedelta(days=1)
    return minutes, multiplier


def shift_premiums(
    shift: WorkedShift, split: OvertimeSplit, holidays: Mapping[date, Decimal]
) -> ShiftPremiums:
    """The overtime and holiday premiums of one shift (module rules: one premium per
    minute, the larger)."""
    overtime_minutes = split.total
    tail_from = shift.paid_until - timedelta(minutes=overtime_minutes)
    on_holiday, holiday_rate = holiday_minutes(
        shift.paid_from, shift.paid_until, shift.zone, holidays
    )
    both = (
        holiday_minutes(tail_from, shift.paid_until, shift.zone, holidays)[0]
        if overtime_minutes and on_holiday
        else 0
    )
    overtime_rate = shift.rule.multiplier if shift.rule is not None and overtime_minutes else ONE
    if holiday_rate >= overtime_rate:
        overtime_minutes -= both
    else:
        on_holiday -= both
    overtime = None
    if overtime_minutes and shift.rule is not None:
        overtime = Premium(
            overtime_minutes,
            overtime_rate,
            shift.hourly_rate,
            premium_amount(overtime_minutes, shift.hourly_rate, overtime_rate),
            _overtime_details(shift.rule, split, overtime_rate, both, holiday_rate),
        )
    holiday = None
    if on_holiday and holiday_rate > ONE:
        holiday = Premium(
            on_holiday,
            holiday_rate,
            shift.hourly_rate,
            premium_amount(on_holiday, shift.hourly_rate, holiday_rate),
            {"multiplier": str(holiday_rate)},
        )
    return ShiftPremiums(overtime, holiday)


def _overtime_details(
    rule: OvertimeRule,
    split: OvertimeSplit,
    multiplier: Decimal,
    both: int,
    holiday_rate: Decimal,
) -> dict[str, str]:
    details = {
        "multiplier": str(multiplier),
        "daily_minutes": str(split.daily),
        "weekly_minutes": str(split.weekly),
    }
    if rule.daily_threshold_minutes is not None:
        details["daily_threshold_minutes"] = str(rule.daily_threshold_minutes)
    if rule.weekly_threshold_minutes is not None:
        details["weekly_threshold_minutes"] = str(rule.weekly_threshold_minutes)
    if both and holiday_rate >= multiplier:
        details["holiday_minutes_excluded"] = str(both)
    return details


def premiums_of(
    shifts: Sequence[WorkedShift], holidays: Mapping[date, Decimal]
) -> dict[int, ShiftPremiums]:
    """Every shift's premiums; `shifts` are all of one employee's finished shifts of the
    weeks concerned (earlier shifts of a week count towards the thresholds)."""
    splits = overtime_splits(shifts)
    return {s.shift_id: shift_premiums(s, splits[s.shift_id], holidays) for s in shifts}


@dataclass(frozen=True)
class PlannedWork:
    """A planned shift of one employee for the forecast."""

    work_date: date
    starts_at: datetime
    minutes: int
    rule: OvertimeRule | None


def planned_overtime_minutes(plan: Sequence[PlannedWork]) -> int:
    """How many planned minutes of the plan would be overtime (the same split as paid
    work)."""
    shifts = [
        WorkedShift(i, p.work_date, p.starts_at, p.minutes, ONE, ZoneInfo("UTC"), p.rule)
        for i, p in enumerate(plan)
    ]
    return sum(split.total for split in overtime_splits(shifts).values())
