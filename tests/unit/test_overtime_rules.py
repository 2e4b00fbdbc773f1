"""Overtime and holiday rules (`services.rates.rules`), with figures worked out by hand:
thresholds crossed inside a shift, nights across midnight, DST weeks in Berlin, the week
of Kamchatka (UTC+12) that starts on a Sunday in UTC, holidays split at midnight and one
premium per minute when overtime falls on a holiday."""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.platform.errors import InvalidInput
from services.platform.local_time import monday_of
from services.rates.rules import (
    OvertimeRule,
    PlannedWork,
    WorkedShift,
    overtime_splits,
    planned_overtime_minutes,
    premium_amount,
    premiums_of,
)
from services.rates.settings import parse_holiday, parse_multiplier

MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")
KAMCHATKA = ZoneInfo("Asia/Kamchatka")
RATE = Decimal("300.00")
DAILY_8 = OvertimeRule(480, None, Decimal("1.5"))
WEEKLY_40 = OvertimeRule(None, 2400, Decimal("1.5"))
BOTH = OvertimeRule(480, 2400, Decimal("1.5"))


def shift(
    shift_id: int,
    start: datetime,
    minutes: int,
    rule: OvertimeRule | None = DAILY_8,
    *,
    zone: ZoneInfo = MOSCOW,
    day: date | None = None,
) -> WorkedShift:
    return WorkedShift(
        shift_id, day or start.astimezone(zone).date(), start, minutes, RATE, zone, rule
    )


def at(day: date, hour: int, zone: ZoneInfo = MOSCOW) -> datetime:
    """A local wall time as the UTC instant the database keeps."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=zone).astimezone(UTC)


MON = date(2026, 3, 2)


def test_a_ten_hour_day_has_two_hours_of_overtime_at_half_the_rate_extra() -> None:
    premiums = premiums_of([shift(1, at(MON, 9), 600)], {})
    # 120 min × 300 ₽/h × (1.5 − 1) / 60 = 300.00
    assert premiums[1].overtime is not None
    assert (premiums[1].overtime.minutes, premiums[1].overtime.amount) == (120, Decimal("300.00"))
    assert premiums[1].overtime.details["daily_threshold_minutes"] == "480"
    assert premiums[1].holiday is None


def test_the_shift_that_crosses_the_daily_threshold_carries_the_overtime() -> None:
    splits = overtime_splits([shift(1, at(MON, 8), 360), shift(2, at(MON, 15), 240)])
    assert (splits[1].total, splits[2].total) == (0, 120)


def test_daily_overtime_is_not_counted_again_towards_the_week() -> None:
    # Mon–Fri 9 h: 60 min daily overtime each, 480 regular → 2400 regular, no weekly yet;
    # Saturday's 4 h are all beyond 40 regular hours.
    week = [shift(i, at(MON + timedelta(days=i), 9), 540, BOTH) for i in range(5)]
    week.append(shift(5, at(MON + timedelta(days=5), 10), 240, BOTH))
    splits = overtime_splits(week)
    assert [(splits[i].daily, splits[i].weekly) for i in range(6)] == [(60, 0)] * 5 + [(0, 240)]


def test_a_night_shift_counts_on_the_day_and_week_it_starts() -> None:
    sunday = MON + timedelta(days=6)
    week = [shift(i, at(MON + timedelta(days=i), 9), 480, WEEKLY_40) for i in range(5)]
    # Sunday 22:00 – Monday 08:00: all ten hours belong to this week, all beyond 40 h.
    week.append(shift(9, at(sunday, 22), 600, WEEKLY_40))
    week.append(shift(10, at(MON + timedelta(days=7), 10), 480, WEEKLY_40))
    splits = overtime_splits(week)
    assert splits[9].weekly == 600
    assert splits[10].weekly == 0


def test_a_spring_forward_night_in_berlin_counts_its_real_minutes() -> None:
    # 28→29 March 2026: 20:00–08:00 on the wall clock is 11 real hours.
    start = at(date(2026, 3, 28), 20, BERLIN)
    end = at(date(2026, 3, 29), 8, BERLIN)
    minutes = int((end - start).total_seconds() // 60)
    assert minutes == 660
    premiums = premiums_of([shift(1, start, minutes, zone=BERLIN)], {})
    assert premiums[1].overtime is not None and premiums[1].overtime.minutes == 180


def test_a_kamchatka_monday_morning_starts_a_new_week_though_utc_is_still_sunday() -> None:
    monday = date(2026, 3, 9)
    early = at(monday, 6, KAMCHATKA)
    assert early.date() == date(2026, 3, 8)
    week = [
        shift(i, at(MON + timedelta(days=i), 9, KAMCHATKA), 480, WEEKLY_40, zone=KAMCHATKA)
        for i in range(5)
    ]
    week.append(shift(7, early, 480, WEEKLY_40, zone=KAMCHATKA))
    assert overtime_splits(week)[7].total == 0


def test_a_holiday_night_gets_the_holiday_rate_only_after_midnight() -> None:
    start = at(date(2026, 12, 31), 22)
    premiums = premiums_of([shift(1, start, 480, None)], {date(2027, 1, 1): Decimal("2")})
    holiday = premiums[1].holiday
    # 00:00–06:00 on 1 January: 360 min × 300 / 60 × (2 − 1) = 1800.00
    assert holiday is not None
    assert (holiday.minutes, holiday.amount) == (360, Decimal("1800.00"))


def test_overtime_on_a_holiday_takes_the_larger_premium_only() -> None:
    day = date(2027, 1, 1)
    twelve_hours = [shift(1, at(day, 8), 720)]
    double = premiums_of(twelve_hours, {day: Decimal("2")})[1]
    # 720 min at double pay: 720 × 300 / 60 = 3600.00; the 240 overtime minutes get no
    # second premium.
    assert double.overtime is None
    assert double.holiday is not None and double.holiday.amount == Decimal("3600.00")
    small = premiums_of(twelve_hours, {day: Decimal("1.25")})[1]
    # overtime 240 × 300 × 0.5 / 60 = 600.00; holiday 480 × 300 × 0.25 / 60 = 600.00
    assert small.overtime is not None and small.holiday is not None
    assert (small.overtime.minutes, small.overtime.amount) == (240, Decimal("600.00"))
    assert (small.holiday.minutes, small.holiday.amount) == (480, Decimal("600.00"))


def test_a_holiday_on_the_autumn_dst_day_has_twenty_five_hours() -> None:
    day = date(2026, 10, 25)
    start = at(day, 0, BERLIN)
    end = at(day + timedelta(days=1), 0, BERLIN)
    minutes = int((end - start).total_seconds() // 60)
    premiums = premiums_of([shift(1, start, minutes, None, zone=BERLIN)], {day: Decimal("2")})
    assert premiums[1].holiday is not None and premiums[1].holiday.minutes == 1500


def test_a_rule_with_multiplier_one_or_no_threshold_pays_no_overtime() -> None:
    for rule in (OvertimeRule(480, None, Decimal("1")), OvertimeRule(None, None, Decimal("2"))):
        assert premiums_of([shift(1, at(MON, 9), 720, rule)], {})[1].overtime is None


def test_the_planning_forecast_uses_the_same_split() -> None:
    plan = [
        PlannedWork(MON + timedelta(days=i), at(MON + timedelta(days=i), 9), 540, BOTH)
        for i in range(5)
    ]
    assert planned_overtime_minutes(plan) == 300


@pytest.mark.parametrize(
    ("minutes", "multiplier", "expected"),
    [(60, "1.5", "150.00"), (1, "1.5", "2.50"), (7, "1.25", "8.75"), (45, "2", "225.00")],
)
def test_premium_amounts_by_hand(minutes: int, multiplier: str, expected: str) -> None:
    assert premium_amount(minutes, RATE, Decimal(multiplier)) == Decimal(expected)


@pytest.mark.parametrize("raw", ["1,5", "1.5", "1.5x", "2", " 1.25 "])
def test_multipliers_are_read_as_people_type_them(raw: str) -> None:
    assert parse_multiplier(raw) in {Decimal("1.5"), Decimal("2"), Decimal("1.25")}


@pytest.mark.parametrize("raw", ["", "0.5", "abc", "6", "1.555", "-2"])
def test_impossible_multipliers_are_refused(raw: str) -> None:
    with pytest.raises(InvalidInput):
        parse_multiplier(raw)


def test_a_holiday_is_typed_with_an_optional_multiplier_and_name() -> None:
    assert parse_holiday("31.12.2026") == (date(2026, 12, 31), Decimal("2"), "")
    assert parse_holiday("01.01.2027 2,5 Новый год") == (
        date(2027, 1, 1),
        Decimal("2.50"),
        "Новый год",
    )


days = st.integers(min_value=0, max_value=13)
lengths = st.integers(min_value=1, max_value=16 * 60)
work = st.lists(st.tuples(days, st.integers(0, 23), lengths), min_size=1, max_size=12)


def _worked(items: list[tuple[int, int, int]], rule: OvertimeRule) -> list[WorkedShift]:
    return [
        shift(i, at(MON + timedelta(days=d), hour), length, rule, day=MON + timedelta(days=d))
        for i, (d, hour, length) in enumerate(items)
    ]


@given(work)
def test_daily_overtime_is_what_each_day_has_beyond_the_threshold(items) -> None:
    shifts = _worked(items, DAILY_8)
    per_day: dict[date, int] = defaultdict(int)
    for s in shifts:
        per_day[s.work_date] += s.minutes
    total = sum(split.total for split in overtime_splits(shifts).values())
    assert total == sum(max(0, minutes - 480) for minutes in per_day.values())


@given(work)
def test_weekly_overtime_is_what_each_week_has_beyond_the_threshold(items) -> None:
    shifts = _worked(items, WEEKLY_40)
    per_week: dict[date, int] = defaultdict(int)
    for s in shifts:
        per_week[monday_of(s.work_date)] += s.minutes
    total = sum(split.total for split in overtime_splits(shifts).values())
    assert total == sum(max(0, minutes - 2400) for minutes in per_week.values())


@given(work)
def test_no_minute_is_overtime_twice(items) -> None:
    shifts = _worked(items, BOTH)
    splits = overtime_splits(shifts)
    assert all(0 <= splits[s.shift_id].total <= s.minutes for s in shifts)
