"""Unpaid breaks (`services.payroll.rules.unpaid_break_minutes`): recorded breaks come
off unless the object pays them; a required break comes off a shift longer than the
threshold only when no break was recorded; never more than the span."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.payroll.rules import unpaid_break_minutes, worked_minutes


@pytest.mark.parametrize(
    ("span", "recorded", "paid", "after", "required", "expected"),
    [
        (480, 30, False, 0, 30, 30),  # unpaid breaks off, no requirement
        (480, 30, True, 0, 30, 0),  # paid breaks
        (420, 0, False, 6, 30, 30),  # 7 h, nothing recorded: the required 30 min
        (360, 0, False, 6, 30, 0),  # exactly 6 h is not more than 6 h
        (420, 10, False, 6, 30, 10),  # a break recorded: only it comes off
        (420, 10, True, 6, 30, 0),  # recorded and paid: nothing
        (420, 0, True, 6, 45, 45),  # the required break is unpaid even where breaks are paid
        (20, 40, False, 0, 30, 20),  # never more than the span
    ],
)
def test_unpaid_break_minutes_by_hand(span, recorded, paid, after, required, expected) -> None:
    assert (
        unpaid_break_minutes(
            span,
            recorded,
            breaks_paid=paid,
            required_after_hours=after,
            required_minutes=required,
        )
        == expected
    )


def test_worked_minutes_of_a_night_shift_less_its_break() -> None:
    # 22:00–06:00 Moscow is 480 minutes whatever the dates; 30 unpaid → 450.
    start = datetime(2026, 3, 1, 19, 0, tzinfo=UTC)
    assert worked_minutes(start, start + timedelta(hours=8), 30) == 450


@given(
    span=st.integers(0, 24 * 60),
    recorded=st.integers(0, 24 * 60),
    paid=st.booleans(),
    after=st.integers(0, 24),
    required=st.integers(5, 120),
)
def test_unpaid_breaks_never_exceed_the_span(span, recorded, paid, after, required) -> None:
    unpaid = unpaid_break_minutes(
        span, recorded, breaks_paid=paid, required_after_hours=after, required_minutes=required
    )
    assert 0 <= unpaid <= span
    if after == 0 and paid:
        assert unpaid == 0
