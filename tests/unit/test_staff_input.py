"""What owners type for rates, dates and searches."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.platform.errors import InvalidInput
from services.staff.memberships import (
    MAX_HOURLY_RATE,
    clean_search,
    parse_hourly_rate,
    parse_local_date,
)


@pytest.mark.parametrize(
    ("typed", "rate"),
    [
        ("350", "350.00"),
        ("350,5", "350.50"),
        ("1 200", "1200.00"),
        ("99.999", "100.00"),
        ("450₽", "450.00"),
    ],
)
def test_rates_as_typed(typed: str, rate: str) -> None:
    assert parse_hourly_rate(typed) == Decimal(rate)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "rate-not-a-number"),
        ("abc", "rate-not-a-number"),
        ("NaN", "rate-not-a-number"),
        ("Infinity", "rate-not-a-number"),
        ("🍕", "rate-not-a-number"),
        ("-5", "rate-not-positive"),
        ("0", "rate-not-positive"),
        ("100000.01", "rate-too-large"),
        ("9" * 10_000, "rate-too-large"),
    ],
)
def test_bad_rates_are_refused_with_a_reason(typed: str, reason: str) -> None:
    with pytest.raises(InvalidInput) as refusal:
        parse_hourly_rate(typed)
    assert refusal.value.params["reason"] == reason


@given(st.text(max_size=40))
def test_any_text_is_a_valid_rate_or_a_refusal(typed: str) -> None:
    try:
        rate = parse_hourly_rate(typed)
    except InvalidInput:
        return
    assert Decimal("0") < rate <= MAX_HOURLY_RATE
    assert rate == rate.quantize(Decimal("0.01"))


def test_dates_in_both_spellings() -> None:
    assert parse_local_date("15.03.2026") == date(2026, 3, 15)
    assert parse_local_date(" 2026-03-15 ") == date(2026, 3, 15)
    for typed in ("31.02.2026", "tomorrow", "", "15/03/2026"):
        with pytest.raises(InvalidInput):
            parse_local_date(typed)


def test_search_text_is_trimmed_and_bounded() -> None:
    assert clean_search("  Ivan   Petrov ") == "Ivan Petrov"
    with pytest.raises(InvalidInput):
        clean_search("   ")
    with pytest.raises(InvalidInput):
        clean_search("x" * 10_000)
