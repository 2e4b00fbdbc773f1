"""Local wall times of an object ↔ UTC, across midnight and DST (services.platform.local_time)."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.platform.local_time import is_in_gap, local_to_utc, slot_instants, utc_to_local

ZONES = [
    "Europe/Moscow",
    "Asia/Vladivostok",
    "Pacific/Auckland",
    "Europe/Berlin",
    "America/New_York",
]

# Years around DST changes of every zone in the set.
local_dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
local_times = st.times().map(lambda t: t.replace(microsecond=0))
instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=400, deadline=None)
@given(zone_name=st.sampled_from(ZONES), local_date=local_dates, local_time=local_times)
def test_existing_local_times_round_trip(zone_name: str, local_date: date, local_time: time):
    zone = ZoneInfo(zone_name)
    moment = local_to_utc(local_date, local_time, zone)
    assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0)
    if is_in_gap(local_date, local_time, zone):
        # A skipped wall time means the moment the clocks jumped: the local time read
        # back is the first one after the gap, and an instant earlier is before it.
        back_date, back_time = utc_to_local(moment, zone)
        assert datetime.combine(back_date, back_time) > datetime.combine(local_date, local_time)
        before = utc_to_local(moment - timedelta(seconds=1), zone)
        assert datetime.combine(*before) < datetime.combine(local_date, local_time)
    else:
        assert utc_to_local(moment, zone) == (local_date, local_time)


@settings(max_examples=400, deadline=None)
@given(zone_name=st.sampled_from(ZONES), moment=instants)
def test_instants_round_trip_except_the_second_pass_of_a_fold(zone_name: str, moment: datetime):
    zone = ZoneInfo(zone_name)
    moment = moment.replace(microsecond=0)
    back = local_to_utc(*utc_to_local(moment, zone), zone)
    if back != moment:
        # The wall time happened twice: the first occurrence is chosen, one DST step earlier.
        assert moment.astimezone(zone).fold == 1
        assert timedelta(0) < moment - back <= timedelta(hours=1)


@settings(max_examples=300, deadline=None)
@given(zone_name=st.sampled_from(ZONES), local_date=local_dates, start=local_times, end=local_times)
def test_slot_end_never_before_start(zone_name: str, local_date: date, start: time, end: time):
    starts_at, ends_at = slot_instants(local_date, start, end, ZoneInfo(zone_name))
    assert ends_at >= starts_at
    assert ends_at - starts_at <= timedelta(hours=25)


@pytest.mark.parametrize(
    ("zone_name", "local_date", "start", "end", "expected_start", "expected_end"),
    [
        # Moscow, +3 all year: a night slot ends the next day.
        (
            "Europe/Moscow",
            date(2026, 3, 5),
            time(22),
            time(6),
            "2026-03-05T19:00",
            "2026-03-06T03:00",
        ),
        # Vladivostok, +10: the local date is a day ahead of UTC in the morning.
        (
            "Asia/Vladivostok",
            date(2026, 3, 5),
            time(8),
            time(17),
            "2026-03-04T22:00",
            "2026-03-05T07:00",
        ),
        # Auckland leaves DST on 2026-04-05 at 03:00 (+13 → +12): the night is an hour longer.
        (
            "Pacific/Auckland",
            date(2026, 4, 4),
            time(22),
            time(6),
            "2026-04-04T09:00",
            "2026-04-04T18:00",
        ),
        # Berlin springs forward on 2026-03-29 at 02:00: 22:00–06:00 lasts 7 hours.
        (
            "Europe/Berlin",
            date(2026, 3, 28),
            time(22),
            time(6),
            "2026-03-28T21:00",
            "2026-03-29T04:00",
        ),
        # A start inside the Berlin gap means the moment the clocks jumped (03:00 CEST).
        (
            "Europe/Berlin",
            date(2026, 3, 29),
            time(2, 30),
            time(10),
            "2026-03-29T01:00",
            "2026-03-29T08:00",
        ),
        # New York falls back on 2026-11-01: 01:30 happens twice, the first one is meant.
        (
            "America/New_York",
            date(2026, 11, 1),
            time(1, 30),
            time(9),
            "2026-11-01T05:30",
            "2026-11-01T14:00",
        ),
    ],
)
def test_known_slots(zone_name, local_date, start, end, expected_start, expected_end):
    starts_at, ends_at = slot_instants(local_date, start, end, ZoneInfo(zone_name))
    assert starts_at == datetime.fromisoformat(expected_start).replace(tzinfo=UTC)
    assert ends_at == datetime.fromisoformat(expected_end).replace(tzinfo=UTC)
