"""Availability verdicts across DST weeks, nights past midnight and far-east timezones."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.availability.rules import (
    DayRule,
    PersonAvailability,
    TimeOffSpan,
    VerdictKind,
    shift_verdict,
    time_off_days,
    time_off_envelope,
    window_interval,
)
from services.platform.db.models.availability import AvailabilityKind, TimeOffKind
from services.platform.local_time import slot_instants

BERLIN = ZoneInfo("Europe/Berlin")
MOSCOW = ZoneInfo("Europe/Moscow")
KAMCHATKA = ZoneInfo("Asia/Kamchatka")
NEW_YORK = ZoneInfo("America/New_York")
ZONES = [BERLIN, MOSCOW, KAMCHATKA, NEW_YORK, ZoneInfo("UTC"), ZoneInfo("Pacific/Kiritimati")]

AVAILABLE = AvailabilityKind.AVAILABLE
PREFERRED = AvailabilityKind.PREFERRED
UNAVAILABLE = AvailabilityKind.UNAVAILABLE


def local(tz: ZoneInfo, day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=tz).astimezone(UTC)


def shift(tz: ZoneInfo, day: date, start: int, end: int) -> tuple[datetime, datetime]:
    """A shift from `start` to `end` o'clock local; an end not after the start is next day."""
    end_day = day if end > start else day + timedelta(days=1)
    return local(tz, day, start), local(tz, end_day, end)


def every_day(rule: DayRule) -> dict[int, DayRule]:
    return dict.fromkeys(range(7), rule)


MONDAY = date(2026, 12, 7)
# Europe/Berlin springs forward on 29 March 2026 (Sunday) and falls back on 25 October 2026.
BERLIN_SPRING_SATURDAY = date(2026, 3, 28)
BERLIN_AUTUMN_SATURDAY = date(2026, 10, 24)


def test_a_person_without_statements_is_available_for_any_shift() -> None:
    starts, ends = shift(MOSCOW, MONDAY, 9, 18)
    assert shift_verdict(PersonAvailability(), starts, ends, MOSCOW).kind is VerdictKind.AVAILABLE


@pytest.mark.parametrize("tz", ZONES, ids=str)
@pytest.mark.parametrize(
    ("rule", "start", "end", "expected"),
    [
        (DayRule(AVAILABLE, time(9), time(18)), 9, 18, VerdictKind.AVAILABLE),
        (DayRule(AVAILABLE, time(9), time(18)), 8, 18, VerdictKind.UNAVAILABLE),
        (DayRule(AVAILABLE, time(9), time(18)), 10, 19, VerdictKind.UNAVAILABLE),
        (DayRule(PREFERRED, time(9), time(18)), 10, 17, VerdictKind.PREFERRED),
        (DayRule(UNAVAILABLE), 10, 12, VerdictKind.UNAVAILABLE),
        (DayRule(AVAILABLE), 0, 23, VerdictKind.AVAILABLE),
        (DayRule(PREFERRED), 6, 14, VerdictKind.PREFERRED),
    ],
)
def test_a_day_window_covers_the_shifts_inside_it(
    tz: ZoneInfo, rule: DayRule, start: int, end: int, expected: VerdictKind
) -> None:
    person = PersonAvailability(weekly={MONDAY.weekday(): rule})
    starts, ends = shift(tz, MONDAY, start, end)
    assert shift_verdict(person, starts, ends, tz).kind is expected


@pytest.mark.parametrize("tz", ZONES, ids=str)
def test_a_night_window_past_midnight_covers_a_night_shift(tz: ZoneInfo) -> None:
    person = PersonAvailability(
        weekly={0: DayRule(AVAILABLE, time(20), time(6)), 1: DayRule(UNAVAILABLE)}
    )
    starts, ends = shift(tz, MONDAY, 22, 6)
    assert shift_verdict(person, starts, ends, tz).kind is VerdictKind.AVAILABLE
    starts, ends = shift(tz, MONDAY, 22, 7)
    verdict = shift_verdict(person, starts, ends, tz)
    assert verdict.kind is VerdictKind.UNAVAILABLE
    assert verdict.day == MONDAY + timedelta(days=1)
    assert verdict.rule == DayRule(UNAVAILABLE)


@pytest.mark.parametrize("tz", ZONES, ids=str)
def test_a_night_shift_is_covered_by_two_whole_days(tz: ZoneInfo) -> None:
    person = PersonAvailability(weekly={0: DayRule(AVAILABLE), 1: DayRule(PREFERRED)})
    starts, ends = shift(tz, MONDAY, 22, 6)
    assert shift_verdict(person, starts, ends, tz).kind is VerdictKind.AVAILABLE


def test_the_reason_names_the_weekday_rule_and_an_exception() -> None:
    person = PersonAvailability(
        weekly={0: DayRule(AVAILABLE, time(9), time(13))},
        exceptions={MONDAY + timedelta(days=7): DayRule(UNAVAILABLE)},
    )
    starts, ends = shift(BERLIN, MONDAY, 9, 18)
    verdict = shift_verdict(person, starts, ends, BERLIN)
    assert (verdict.kind, verdict.day, verdict.from_exception) == (
        VerdictKind.UNAVAILABLE,
        MONDAY,
        False,
    )
    assert verdict.rule is not None and verdict.rule.window == (time(9), time(13))
    starts, ends = shift(BERLIN, MONDAY + timedelta(days=7), 9, 12)
    verdict = shift_verdict(person, starts, ends, BERLIN)
    assert (verdict.kind, verdict.from_exception) == (VerdictKind.UNAVAILABLE, True)


def test_an_exception_makes_a_usually_free_day_unavailable_and_back() -> None:
    saturday = MONDAY + timedelta(days=5)
    person = PersonAvailability(
        weekly={5: DayRule(UNAVAILABLE)},
        exceptions={saturday: DayRule(PREFERRED, time(10), time(16))},
    )
    starts, ends = shift(MOSCOW, saturday, 10, 16)
    assert shift_verdict(person, starts, ends, MOSCOW).kind is VerdictKind.PREFERRED
    starts, ends = shift(MOSCOW, saturday + timedelta(days=7), 10, 16)
    assert shift_verdict(person, starts, ends, MOSCOW).kind is VerdictKind.UNAVAILABLE


@pytest.mark.parametrize("saturday", [BERLIN_SPRING_SATURDAY, BERLIN_AUTUMN_SATURDAY])
def test_a_night_shift_across_a_dst_change_is_read_in_local_time(saturday: date) -> None:
    sunday = saturday + timedelta(days=1)
    person = PersonAvailability(
        weekly={5: DayRule(AVAILABLE, time(22), time(6)), 6: DayRule(UNAVAILABLE)}
    )
    starts, ends = shift(BERLIN, saturday, 22, 6)
    assert ends.astimezone(BERLIN).date() == sunday
    assert shift_verdict(person, starts, ends, BERLIN).kind is VerdictKind.AVAILABLE
    starts, ends = shift(BERLIN, saturday, 22, 7)
    assert shift_verdict(person, starts, ends, BERLIN).kind is VerdictKind.UNAVAILABLE


@pytest.mark.parametrize(
    ("saturday", "hours"), [(BERLIN_SPRING_SATURDAY, 23), (BERLIN_AUTUMN_SATURDAY, 25)]
)
def test_a_whole_day_lasts_from_midnight_to_midnight_across_dst(saturday: date, hours: int) -> None:
    sunday = saturday + timedelta(days=1)
    begin, end = window_interval(sunday, None, None, BERLIN)
    assert end - begin == timedelta(hours=hours)
    person = PersonAvailability(weekly={6: DayRule(AVAILABLE), 0: DayRule(UNAVAILABLE)})
    assert shift_verdict(person, begin, end, BERLIN).kind is VerdictKind.AVAILABLE
    assert (
        shift_verdict(person, begin, end + timedelta(minutes=1), BERLIN).kind
        is VerdictKind.UNAVAILABLE
    )


def test_kamchatka_monday_morning_is_sunday_evening_in_utc() -> None:
    # 08:00–12:00 on Monday in Kamchatka (UTC+12) is Sunday 20:00–24:00 UTC.
    person = PersonAvailability(
        weekly={0: DayRule(AVAILABLE, time(8), time(12)), 6: DayRule(UNAVAILABLE)}
    )
    starts, ends = shift(KAMCHATKA, MONDAY, 8, 12)
    assert starts.weekday() == 6
    assert shift_verdict(person, starts, ends, KAMCHATKA).kind is VerdictKind.AVAILABLE
    assert shift_verdict(person, starts, ends, MOSCOW).kind is VerdictKind.UNAVAILABLE


@pytest.mark.parametrize("tz", ZONES, ids=str)
def test_approved_time_off_wins_over_availability(tz: ZoneInfo) -> None:
    vacation = TimeOffSpan(TimeOffKind.VACATION, MONDAY, MONDAY + timedelta(days=2), request_id=7)
    person = PersonAvailability(weekly=every_day(DayRule(PREFERRED)), time_off=(vacation,))
    starts, ends = shift(tz, MONDAY + timedelta(days=2), 20, 2)
    verdict = shift_verdict(person, starts, ends, tz)
    assert verdict.kind is VerdictKind.TIME_OFF
    assert verdict.time_off == vacation
    starts, ends = shift(tz, MONDAY + timedelta(days=3), 0, 8)
    assert shift_verdict(person, starts, ends, tz).kind is VerdictKind.PREFERRED


def test_part_of_a_day_off_blocks_only_its_hours() -> None:
    doctor = TimeOffSpan(TimeOffKind.OTHER, MONDAY, MONDAY, time(9), time(12))
    person = PersonAvailability(time_off=(doctor,))
    assert shift_verdict(person, *shift(MOSCOW, MONDAY, 11, 15), MOSCOW).is_time_off
    assert shift_verdict(person, *shift(MOSCOW, MONDAY, 12, 18), MOSCOW).is_free


hours = st.integers(min_value=0, max_value=23)


@given(
    tz=st.sampled_from(ZONES),
    day=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)),
    window_start=hours,
    window_end=hours,
    shift_start=hours,
    shift_hours=st.integers(min_value=1, max_value=12),
)
def test_a_shift_inside_its_window_is_available_and_one_sticking_out_is_not(
    tz: ZoneInfo, day: date, window_start: int, window_end: int, shift_start: int, shift_hours: int
) -> None:
    if window_start == window_end:
        return
    rule = DayRule(AVAILABLE, time(window_start), time(window_end))
    person = PersonAvailability(
        weekly={day.weekday(): rule},
        exceptions={
            day - timedelta(days=1): DayRule(UNAVAILABLE),
            day + timedelta(days=1): DayRule(UNAVAILABLE),
        },
    )
    begin, end = window_interval(day, rule.start, rule.end, tz)
    starts = local(tz, day, shift_start)
    ends = starts + timedelta(hours=shift_hours)
    verdict = shift_verdict(person, starts, ends, tz)
    inside = begin <= starts and ends <= end
    assert verdict.is_free is inside
    if not inside:
        assert verdict.day is not None


@given(
    first=st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31)),
    length=st.integers(min_value=0, max_value=40),
    tz=st.sampled_from(ZONES),
)
def test_the_time_off_envelope_holds_every_local_day_of_the_span(
    first: date, length: int, tz: ZoneInfo
) -> None:
    last = first + timedelta(days=length)
    start, end = time_off_envelope(first, last)
    assert start <= local(tz, first, 0)
    assert window_interval(last, None, None, tz)[1] <= end


def test_days_off_count_whole_days_and_half_days_within_a_period() -> None:
    vacation = TimeOffSpan(TimeOffKind.VACATION, date(2026, 11, 28), date(2026, 12, 3))
    doctor = TimeOffSpan(TimeOffKind.SICK, date(2026, 12, 2), date(2026, 12, 2), time(9), time(12))
    december = (date(2026, 12, 1), date(2026, 12, 31))
    assert time_off_days(vacation, *december) == 3
    assert time_off_days(doctor, *december) == 0.5
    assert time_off_days(vacation, date(2027, 1, 1), date(2027, 1, 31)) == 0


def test_a_window_starting_in_the_spring_gap_covers_the_slot_with_the_same_times() -> None:
    sunday = BERLIN_SPRING_SATURDAY + timedelta(days=1)
    person = PersonAvailability(weekly={6: DayRule(AVAILABLE, time(2, 30), time(6))})
    starts, ends = slot_instants(sunday, time(2, 30), time(6), BERLIN)
    assert shift_verdict(person, starts, ends, BERLIN).kind is VerdictKind.AVAILABLE
