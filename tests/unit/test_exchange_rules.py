"""Pure rules of the shift exchange: deadlines before the start, the local week, the
weekly hours cap."""

from datetime import UTC, date, datetime, timedelta

import pytest

from services.exchange.rules import offer_deadline, over_weekly_cap, swap_deadline
from services.platform.local_time import monday_of

NINE = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def test_a_give_away_closes_two_hours_before_the_start() -> None:
    assert offer_deadline(NINE) == datetime(2026, 3, 3, 7, 0, tzinfo=UTC)


def test_a_swap_closes_at_the_deadline_of_the_earlier_shift() -> None:
    later = NINE + timedelta(days=1)
    assert swap_deadline(later, NINE) == swap_deadline(NINE, later) == offer_deadline(NINE)


@pytest.mark.parametrize(
    ("local_date", "monday"),
    [
        (date(2026, 3, 2), date(2026, 3, 2)),  # a Monday is its own week's start
        (date(2026, 3, 8), date(2026, 3, 2)),  # Sunday ends the week
        (date(2026, 1, 1), date(2025, 12, 29)),  # across the new year
    ],
)
def test_the_week_starts_on_monday(local_date: date, monday: date) -> None:
    assert monday_of(local_date) == monday


@pytest.mark.parametrize(
    ("planned_hours", "added_hours", "over"),
    [
        (32, 8, False),  # reaching the cap exactly is allowed
        (33, 8, True),
        (0, 41, True),
        (0, 0, False),
    ],
)
def test_the_weekly_cap(planned_hours: int, added_hours: int, over: bool) -> None:
    planned, added = timedelta(hours=planned_hours), timedelta(hours=added_hours)
    assert over_weekly_cap(planned, added, cap_hours=40) is over
