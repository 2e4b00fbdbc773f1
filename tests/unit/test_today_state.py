"""The state of a planned shift on the "Today" board, across timezones: the rule compares
instants, so a shift at 09:00 in Vladivostok and one at 09:00 in Moscow go through the
same states at the same distance from their starts."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.attendance.rules import TodayState, today_state

ZONES = ["Europe/Moscow", "Asia/Vladivostok", "America/New_York", "Pacific/Kiritimati"]


def _state(now, start, *, grace=5, opened=None, closed=None, absent=False):
    return today_state(
        now=now,
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        grace_minutes=grace,
        opened_at=opened,
        closed_at=closed,
        marked_absent=absent,
    )


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize(
    ("minutes_from_start", "expected"),
    [
        (-30, TodayState.NOT_STARTED),
        (4, TodayState.NOT_STARTED),  # within the 5 min grace: not late yet
        (5, TodayState.NOT_IN_YET),
        (7 * 60 + 59, TodayState.NOT_IN_YET),  # still running: not a no-show
        (8 * 60, TodayState.NO_SHOW),  # the end has passed
    ],
)
def test_a_shift_nobody_opened_goes_from_not_started_to_no_show_only_at_its_end(
    zone: str, minutes_from_start: int, expected: TodayState
) -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo(zone))
    assert _state(start + timedelta(minutes=minutes_from_start), start) == expected


def test_a_shift_crossing_a_dst_change_ends_at_its_instant() -> None:
    # 22:00 → 06:00 in New York over the night the clocks go forward (8 March 2026):
    # seven hours of real time, a no-show only once those have passed.
    # (instants in UTC: aware arithmetic in one zone would add wall-clock hours)
    start = datetime(2026, 3, 7, 22, 0, tzinfo=ZoneInfo("America/New_York")).astimezone(UTC)
    end = datetime(2026, 3, 8, 6, 0, tzinfo=ZoneInfo("America/New_York")).astimezone(UTC)
    state = today_state(
        now=start + timedelta(hours=6, minutes=59),
        starts_at=start,
        ends_at=end,
        grace_minutes=0,
        opened_at=None,
        closed_at=None,
        marked_absent=False,
    )
    assert state == TodayState.NOT_IN_YET
    assert (
        today_state(
            now=start + timedelta(hours=7),
            starts_at=start,
            ends_at=end,
            grace_minutes=0,
            opened_at=None,
            closed_at=None,
            marked_absent=False,
        )
        == TodayState.NO_SHOW
    )


def test_a_manager_mark_makes_a_no_show_before_the_end() -> None:
    start = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    assert _state(start + timedelta(minutes=20), start, absent=True) == TodayState.NO_SHOW


def test_an_opened_shift_is_on_shift_then_finished_whatever_the_time() -> None:
    start = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    opened = start + timedelta(minutes=4)
    late_evening = start + timedelta(hours=12)
    assert _state(late_evening, start, opened=opened) == TodayState.ON_SHIFT
    closed = start + timedelta(hours=8)
    assert _state(late_evening, start, opened=opened, closed=closed) == TodayState.FINISHED


@given(
    minutes=st.integers(min_value=-600, max_value=2000),
    grace=st.integers(min_value=0, max_value=120),
    zone=st.sampled_from(ZONES),
)
def test_nobody_running_is_ever_counted_as_a_no_show(minutes: int, grace: int, zone: str) -> None:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo(zone))
    now = start + timedelta(minutes=minutes)
    state = _state(now, start, grace=grace)
    assert (state == TodayState.NO_SHOW) == (now >= start + timedelta(hours=8))
