"""Pay period arithmetic: every kind tiles the calendar without gaps or overlaps, and
the boundaries are local dates of the organization's timezone, DST included."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from services.payroll.periods import DEFAULT_ANCHOR, pay_day_of, period_span
from services.platform.db.models import PayPeriodKind
from services.platform.local_time import local_to_utc, local_today

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
KINDS = st.sampled_from(list(PayPeriodKind))
ZONES = st.sampled_from(
    ["Europe/Moscow", "Europe/Berlin", "America/New_York", "Asia/Vladivostok", "Australia/Sydney"]
)


@given(kind=KINDS, day=DAYS, anchor=DAYS)
def test_the_period_of_a_day_contains_it_and_the_next_one_follows_without_gap(kind, day, anchor):
    span = period_span(kind, anchor, day)
    assert day in span
    following = period_span(kind, anchor, span.end + timedelta(days=1))
    assert following.start == span.end + timedelta(days=1)
    preceding = period_span(kind, anchor, span.start - timedelta(days=1))
    assert preceding.end == span.start - timedelta(days=1)
    assert all(period_span(kind, anchor, span.start + timedelta(days=i)) == span for i in (0, 1))


@given(day=DAYS)
def test_lengths_of_each_kind(day):
    weekly = period_span(PayPeriodKind.WEEKLY, DEFAULT_ANCHOR, day)
    assert weekly.start.weekday() == 0  # the default anchor is a Monday
    assert (weekly.end - weekly.start).days == 6
    biweekly = period_span(PayPeriodKind.BIWEEKLY, DEFAULT_ANCHOR, day)
    assert (biweekly.end - biweekly.start).days == 13
    monthly = period_span(PayPeriodKind.MONTHLY, DEFAULT_ANCHOR, day)
    assert monthly.start.day == 1 and (monthly.end + timedelta(days=1)).day == 1
    semi = period_span(PayPeriodKind.SEMI_MONTHLY, DEFAULT_ANCHOR, day)
    assert (semi.start.day, semi.end.day) == (1, 15) or (
        semi.start.day == 16 and (semi.end + timedelta(days=1)).day == 1
    )


def test_semi_monthly_february_of_a_leap_year():
    span = period_span(PayPeriodKind.SEMI_MONTHLY, DEFAULT_ANCHOR, date(2028, 2, 20))
    assert (span.start, span.end) == (date(2028, 2, 16), date(2028, 2, 29))


def test_pay_day_is_counted_from_the_last_day():
    assert pay_day_of(date(2026, 3, 31), 3) == date(2026, 4, 3)


@given(
    instant=st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2099, 1, 1)),
    zone=ZONES,
    kind=KINDS,
)
def test_an_instant_lies_between_the_local_midnights_of_its_period(instant, zone, kind):
    """Whatever the offset that day (DST included), the instant is at or after the local
    midnight that opens its period and before the local midnight after its last day."""
    moment = instant.replace(tzinfo=UTC)
    span = period_span(kind, DEFAULT_ANCHOR, local_today(moment, zone))
    opens = local_to_utc(span.start, time(0), ZoneInfo(zone))
    closes = local_to_utc(span.end + timedelta(days=1), time(0), ZoneInfo(zone))
    assert opens <= moment < closes


def test_month_boundary_right_after_spring_dst_in_berlin():
    """Berlin moved to UTC+2 on 29 March 2026: 22:30 UTC on 31 March is already April."""
    assert local_today(datetime(2026, 3, 31, 21, 59, tzinfo=UTC), "Europe/Berlin") == date(
        2026, 3, 31
    )
    assert local_today(datetime(2026, 3, 31, 22, 0, tzinfo=UTC), "Europe/Berlin") == date(
        2026, 4, 1
    )


def test_month_boundary_after_autumn_dst_in_new_york():
    """New York is back at UTC−5 from 1 November 2026: 04:30 UTC on 1 December is still
    30 November there, 05:00 UTC is 1 December."""
    zone = "America/New_York"
    assert local_today(datetime(2026, 12, 1, 4, 30, tzinfo=UTC), zone) == date(2026, 11, 30)
    assert local_today(datetime(2026, 12, 1, 5, 0, tzinfo=UTC), zone) == date(2026, 12, 1)


def test_a_week_containing_the_dst_change_has_seven_local_days():
    """The Berlin week of 23–29 March 2026 lasts 167 real hours, but is still Monday to
    Sunday in local dates."""
    span = period_span(PayPeriodKind.WEEKLY, DEFAULT_ANCHOR, date(2026, 3, 29))
    assert (span.start, span.end) == (date(2026, 3, 23), date(2026, 3, 29))
    zone = ZoneInfo("Europe/Berlin")
    opens = local_to_utc(span.start, time(0), zone)
    closes = local_to_utc(span.end + timedelta(days=1), time(0), zone)
    assert closes - opens == timedelta(hours=167)
