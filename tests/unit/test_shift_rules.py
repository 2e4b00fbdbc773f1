"""Pay rules of a shift: lateness, the late fine (grace once), paid time, pay rounding,
rate priority, the work date, which planned shifts are offered today and when a forgotten
shift is closed — across Moscow, Vladivostok, Auckland (+12/+13 DST) and Berlin (DST),
and across midnight."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from services.payroll.rules import (
    RateSource,
    auto_close_due,
    closing_time_after,
    frozen_rate,
    is_openable,
    late_fine,
    lateness_minutes,
    paid_from,
    pay_for,
    scheduled_end,
    work_date,
    worked_minutes,
)
from services.platform.local_time import local_to_utc, local_today

ZONES = [
    ZoneInfo(name)
    for name in ("Europe/Moscow", "Asia/Vladivostok", "Pacific/Auckland", "Europe/Berlin")
]
MOSCOW, VLADIVOSTOK, AUCKLAND, BERLIN = ZONES

zones = st.sampled_from(ZONES)
local_days = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))
local_times = st.times().map(lambda t: t.replace(second=0, microsecond=0))
money_rates = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False)


def at(zone: ZoneInfo, day: date, hh: int, mm: int = 0) -> datetime:
    return local_to_utc(day, time(hh, mm), zone)


# ------------------------------------------------------------------ lateness and fine


def test_lateness_counts_whole_minutes_after_planned_start() -> None:
    start = at(MOSCOW, date(2026, 3, 2), 9)
    assert lateness_minutes(start, start + timedelta(minutes=12, seconds=59)) == 12
    assert lateness_minutes(start, start + timedelta(seconds=59)) == 0
    assert lateness_minutes(start, start - timedelta(minutes=20)) == 0


def test_spontaneous_shift_is_never_late() -> None:
    assert lateness_minutes(None, datetime(2026, 3, 2, 23, 59, tzinfo=UTC)) == 0


def test_fine_subtracts_the_grace_once() -> None:
    assert late_fine(12, 5, Decimal("10.00")) == Decimal("70.00")
    assert late_fine(5, 5, Decimal("10.00")) == Decimal("0.00")
    assert late_fine(6, 5, Decimal("10.00")) == Decimal("10.00")
    assert late_fine(3, 0, Decimal("2.50")) == Decimal("7.50")


@given(
    lateness=st.integers(min_value=0, max_value=24 * 60),
    grace=st.integers(min_value=0, max_value=120),
    per_minute=money_rates,
)
def test_fine_is_excess_over_grace_times_rate(lateness, grace, per_minute) -> None:
    fine = late_fine(lateness, grace, per_minute)
    assert fine == (max(0, lateness - grace) * per_minute).quantize(Decimal("0.01"))
    assert fine <= lateness * per_minute
    assert late_fine(lateness + 1, grace, per_minute) >= fine


@given(zone=zones, day=local_days, start=local_times, late_by=st.integers(0, 600))
def test_lateness_is_the_same_whatever_the_timezone(zone, day, start, late_by) -> None:
    planned = local_to_utc(day, start, zone)
    actual = planned + timedelta(minutes=late_by, seconds=30)
    assert lateness_minutes(planned, actual) == late_by


# ------------------------------------------------------------------ paid time and pay


def test_early_arrival_is_paid_from_planned_start_unless_the_object_pays_it() -> None:
    planned = at(BERLIN, date(2026, 3, 29), 9)  # the spring-forward day
    early = planned - timedelta(minutes=25)
    assert paid_from(planned, early, pay_early=False) == planned
    assert paid_from(planned, early, pay_early=True) == early
    late = planned + timedelta(minutes=7)
    assert paid_from(planned, late, pay_early=False) == late
    assert paid_from(None, early, pay_early=False) == early


def test_pay_is_rounded_half_up_to_kopecks() -> None:
    assert pay_for(1, Decimal("0.30")) == Decimal("0.01")  # 0.005 → 0.01, not banker's 0.00
    assert pay_for(1, Decimal("100.01")) == Decimal("1.67")
    assert pay_for(480, Decimal("350.00")) == Decimal("2800.00")
    assert pay_for(0, Decimal("350.00")) == Decimal("0.00")


@given(minutes=st.integers(min_value=0, max_value=16 * 60), rate=money_rates)
def test_pay_is_decimal_and_within_half_a_kopeck(minutes, rate) -> None:
    pay = pay_for(minutes, rate)
    exact = Decimal(minutes) * rate / Decimal(60)
    assert isinstance(pay, Decimal) and pay.as_tuple().exponent == -2
    assert abs(pay - exact) <= Decimal("0.005")


def test_night_shift_across_midnight_in_moscow() -> None:
    start = at(MOSCOW, date(2026, 3, 2), 22)
    end = at(MOSCOW, date(2026, 3, 3), 6)
    assert worked_minutes(start, end) == 480


def test_night_shift_over_the_autumn_dst_change_in_berlin_lasts_nine_hours() -> None:
    start = at(BERLIN, date(2026, 10, 24), 22)
    end = at(BERLIN, date(2026, 10, 25), 6)
    assert worked_minutes(start, end) == 540


def test_night_shift_over_the_auckland_dst_end_lasts_nine_hours() -> None:
    # New Zealand leaves +13 for +12 on 2026-04-05 at 03:00.
    start = at(AUCKLAND, date(2026, 4, 4), 22)
    end = at(AUCKLAND, date(2026, 4, 5), 6)
    assert worked_minutes(start, end) == 540


def test_worked_minutes_never_negative() -> None:
    moment = datetime(2026, 3, 2, 9, tzinfo=UTC)
    assert worked_minutes(moment, moment - timedelta(minutes=5)) == 0


# ------------------------------------------------------------------ rate priority


def test_rate_priority_contract_then_slot_then_object() -> None:
    assert frozen_rate(Decimal(500), Decimal(400), Decimal(300)).source == RateSource.CONTRACT
    assert frozen_rate(None, Decimal(400), Decimal(300)).hourly_rate == Decimal("400.00")
    assert frozen_rate(None, None, Decimal(300)).source == RateSource.OBJECT


@given(
    contract=st.one_of(st.none(), money_rates),
    slot=st.one_of(st.none(), money_rates),
    base=money_rates,
)
def test_rate_is_the_first_one_set(contract, slot, base) -> None:
    rate = frozen_rate(contract, slot, base)
    expected = next(value for value in (contract, slot, base) if value is not None)
    assert rate.hourly_rate == expected


# ------------------------------------------------------------------ today's shifts


@given(zone=zones, day=local_days, start=local_times, now_time=local_times)
def test_shift_of_todays_local_date_is_offered_until_it_ends(zone, day, start, now_time) -> None:
    planned_start = local_to_utc(day, start, zone)
    planned_end = planned_start + timedelta(hours=8)
    now = local_to_utc(day, now_time, zone)
    if local_today(now, zone) != day:
        return  # a wall time skipped by DST lands on the next date only at midnight gaps
    assert is_openable(planned_start, planned_end, now, zone, 30) == (now < planned_end)


def test_shift_just_after_midnight_is_offered_in_its_early_window_the_evening_before() -> None:
    for zone in ZONES:
        start = at(zone, date(2026, 3, 3), 0, 10)
        end = at(zone, date(2026, 3, 3), 8)
        assert is_openable(start, end, start - timedelta(minutes=20), zone, 30)
        assert not is_openable(start, end, start - timedelta(minutes=40), zone, 30)


def test_yesterdays_night_shift_is_offered_while_it_runs_but_not_after() -> None:
    start = at(VLADIVOSTOK, date(2026, 3, 2), 22)
    end = at(VLADIVOSTOK, date(2026, 3, 3), 6)
    assert is_openable(start, end, at(VLADIVOSTOK, date(2026, 3, 3), 1), VLADIVOSTOK, 30)
    assert not is_openable(start, end, end, VLADIVOSTOK, 30)


def test_today_is_the_objects_today_not_the_servers() -> None:
    # 2026-03-02 11:30 UTC is already 3 March 00:30 in Auckland (+13).
    now = datetime(2026, 3, 2, 11, 30, tzinfo=UTC)
    start = at(AUCKLAND, date(2026, 3, 3), 9)
    assert is_openable(start, start + timedelta(hours=8), now, AUCKLAND, 30)
    tomorrow = at(AUCKLAND, date(2026, 3, 4), 9)
    assert not is_openable(tomorrow, tomorrow + timedelta(hours=8), now, AUCKLAND, 30)


# ------------------------------------------------------------------ auto-close


HOURS = {"mon": ["09:00", "21:00"], "sat": ["18:00", "02:00"], "sun": ["10:00", "20:00"]}
TWELVE_HOURS = timedelta(hours=12)


def test_planned_end_wins() -> None:
    opened = at(MOSCOW, date(2026, 3, 2), 9)
    planned_end = at(MOSCOW, date(2026, 3, 2), 13)
    assert scheduled_end(planned_end, HOURS, MOSCOW, opened, TWELVE_HOURS) == planned_end


def test_spontaneous_shift_ends_at_closing_time_of_the_local_day() -> None:
    for zone in ZONES:
        opened = at(zone, date(2026, 3, 2), 10)  # a Monday
        assert scheduled_end(None, HOURS, zone, opened, TWELVE_HOURS) == at(
            zone, date(2026, 3, 2), 21
        )


def test_closing_after_midnight_belongs_to_the_previous_evening() -> None:
    opened = at(BERLIN, date(2026, 3, 8), 1)  # Sunday 01:00, Saturday's hours run to 02:00
    assert closing_time_after(HOURS, BERLIN, opened) == at(BERLIN, date(2026, 3, 8), 2)


def test_closing_time_on_the_spring_forward_day_in_berlin() -> None:
    opened = at(BERLIN, date(2026, 3, 29), 11)  # Sunday, clocks jumped at 02:00
    end = scheduled_end(None, HOURS, BERLIN, opened, TWELVE_HOURS)
    assert end == datetime(2026, 3, 29, 18, 0, tzinfo=UTC)  # 20:00 CEST


def test_closing_time_in_auckland_after_dst_ended() -> None:
    opened = at(AUCKLAND, date(2026, 4, 5), 11)  # Sunday, now +12
    end = scheduled_end(None, HOURS, AUCKLAND, opened, TWELVE_HOURS)
    assert end == datetime(2026, 4, 5, 8, tzinfo=UTC)


def test_without_planned_end_or_hours_the_shift_lasts_at_most_the_objects_maximum() -> None:
    opened = at(VLADIVOSTOK, date(2026, 3, 3), 8)  # Tuesday: closed
    assert scheduled_end(None, HOURS, VLADIVOSTOK, opened, TWELVE_HOURS) == opened + TWELVE_HOURS
    after_closing = at(MOSCOW, date(2026, 3, 2), 22)  # Monday, closed at 21:00
    six_hours = timedelta(hours=6)
    assert scheduled_end(None, HOURS, MOSCOW, after_closing, six_hours) == after_closing + six_hours
    assert scheduled_end(None, {}, MOSCOW, after_closing, six_hours) == after_closing + six_hours


def test_the_maximum_cuts_a_long_day_before_its_closing_time() -> None:
    opened = at(MOSCOW, date(2026, 3, 2), 9)  # Monday, open until 21:00
    assert scheduled_end(None, HOURS, MOSCOW, opened, timedelta(hours=4)) == at(
        MOSCOW, date(2026, 3, 2), 13
    )


def test_auto_close_is_due_only_after_end_plus_grace() -> None:
    end = datetime(2026, 3, 2, 18, tzinfo=UTC)
    assert not auto_close_due(end, 30, end + timedelta(minutes=30))
    assert auto_close_due(end, 30, end + timedelta(minutes=30, seconds=1))


@given(zone=zones, day=local_days, start=local_times, hours=st.integers(1, 24))
def test_spontaneous_end_is_after_opening_and_within_the_maximum(zone, day, start, hours) -> None:
    opened = local_to_utc(day, start, zone)
    end = scheduled_end(None, HOURS, zone, opened, timedelta(hours=hours))
    assert opened < end <= opened + timedelta(hours=hours)


# ------------------------------------------------------------------ work date


@given(zone=zones, day=local_days, early_minutes=st.integers(0, 240))
def test_clocking_in_before_midnight_for_a_shift_after_it_keeps_the_planned_day(
    zone, day, early_minutes
) -> None:
    planned_start = at(zone, day, 0, 10)
    opened = planned_start - timedelta(minutes=early_minutes)
    assert work_date(planned_start, opened, zone) == day


def test_a_shift_planned_at_0010_opened_at_2350_belongs_to_the_planned_day() -> None:
    for zone in ZONES:
        planned_start = at(zone, date(2026, 3, 1), 0, 10)  # the first day of a month
        opened = at(zone, date(2026, 2, 28), 23, 50)
        assert work_date(planned_start, opened, zone) == date(2026, 3, 1)


def test_the_work_date_is_read_in_the_objects_timezone_not_the_organizations() -> None:
    planned_start = at(VLADIVOSTOK, date(2026, 3, 2), 5)  # 22:00 the day before in Moscow
    assert local_today(planned_start, MOSCOW) == date(2026, 3, 1)
    assert work_date(planned_start, planned_start, VLADIVOSTOK) == date(2026, 3, 2)


@given(zone=zones, day=local_days, start=local_times)
def test_a_spontaneous_shift_belongs_to_the_local_day_it_opened(zone, day, start) -> None:
    opened = local_to_utc(day, start, zone)
    assert work_date(None, opened, zone) == local_today(opened, zone)
