"""What people type: texts, numbers, money, opening hours, shift times and timezones."""

from datetime import time
from decimal import Decimal

import pytest

from services.platform.errors import InvalidInput
from services.platform.validation import (
    Quantity,
    clean_name,
    clean_text,
    parse_money,
    parse_opening_hours,
    parse_shift_times,
    parse_whole_number,
    validate_timezone,
)


def _reason(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput) as refusal:
        call()
    return str(refusal.value.params["reason"])


def test_text_is_kept_verbatim_but_trimmed() -> None:
    assert clean_name("  Кофейня <b>Мира</b> ☕  ") == "Кофейня <b>Мира</b> ☕"
    assert clean_name("Кафе\n\t «Ёлка»") == "Кафе «Ёлка»"
    assert clean_name("🍕🍕🍕") == "🍕🍕🍕"


@pytest.mark.parametrize("raw", ["", "   ", "\n\t", None, "\x00\x07"])
def test_empty_text_is_refused(raw: str | None) -> None:
    assert _reason(lambda: clean_name(raw)) == "empty"


def test_too_long_text_is_refused_with_the_limit() -> None:
    with pytest.raises(InvalidInput) as refusal:
        clean_text("я" * 10_000, field="address", max_length=512)
    assert refusal.value.params == {"field": "address", "reason": "too-long", "limit": 512}
    assert clean_name("я" * 128) == "я" * 128


@pytest.mark.parametrize(
    ("raw", "value"), [("150", 150), (" 30 ", 30), ("5000", 5000), ("+200", 200), ("1 000", 1000)]
)
def test_whole_numbers_in_range(raw: str, value: int) -> None:
    radius = parse_whole_number(
        raw, field="radius", quantity=Quantity.METRES, minimum=30, maximum=5000
    )
    assert radius == value


@pytest.mark.parametrize(
    "raw",
    ["", "abc", "🔥", "<b>150</b>", "1.5", "9" * 10_000, "-150", "29", "5001", "99999999999"],
)
def test_bad_whole_numbers_are_refused_with_the_quantity_and_the_range(raw: str) -> None:
    with pytest.raises(InvalidInput) as refusal:
        parse_whole_number(raw, field="radius", quantity=Quantity.METRES, minimum=30, maximum=5000)
    assert refusal.value.params == {
        "field": "radius",
        "reason": "whole-metres",
        "minimum": 30,
        "maximum": 5000,
    }


@pytest.mark.parametrize(
    ("raw", "value"),
    [("350", "350.00"), ("350,5", "350.50"), ("0", "0.00"), ("1 250.75", "1250.75")],
)
def test_money(raw: str, value: str) -> None:
    assert parse_money(raw, field="rate") == Decimal(value)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "money"),
        ("-1", "money"),
        ("1e9", "money"),
        ("NaN", "money"),
        ("Infinity", "money"),
        ("10.001", "too-precise"),
        ("2000000", "money"),
        ("сто", "money"),
        ("💰", "money"),
        ("9" * 10_000, "money"),
    ],
)
def test_bad_money_is_refused(raw: str, reason: str) -> None:
    assert _reason(lambda: parse_money(raw, field="rate")) == reason


@pytest.mark.parametrize(
    ("raw", "hours"),
    [
        ("09:00-21:00", ("09:00", "21:00")),
        ("9-21", ("09:00", "21:00")),
        ("10:30 – 22:15", ("10:30", "22:15")),
        ("20:00-02:00", ("20:00", "02:00")),
        ("00:00-24:00", ("00:00", "24:00")),
    ],
)
def test_opening_hours(raw: str, hours: tuple[str, str]) -> None:
    assert parse_opening_hours(raw) == hours


@pytest.mark.parametrize(
    "raw", ["9", "25-26", "09:60-10:00", "10-10", "утром", "<b>9-21</b>", "⏰", "9-21" * 2500]
)
def test_bad_opening_hours_are_refused(raw: str) -> None:
    assert _reason(lambda: parse_opening_hours(raw)) == "bad-hours"


@pytest.mark.parametrize(
    ("raw", "times"),
    [
        ("07:00-11:30", (time(7), time(11, 30))),
        ("22-6", (time(22), time(6))),
        ("16:00 – 24:00", (time(16), time(0))),
    ],
)
def test_shift_times(raw: str, times: tuple[time, time]) -> None:
    assert parse_shift_times(raw) == times


def test_bad_shift_times_are_refused() -> None:
    for bad in ["7 утра", "08:00-08:00", "24:00-08:00", ""]:
        assert _reason(lambda bad=bad: parse_shift_times(bad)) in {"bad-hours", "empty"}


def test_timezones_must_be_known_iana_names() -> None:
    assert validate_timezone(" Europe/Moscow ") == "Europe/Moscow"
    for bad in ["Mars/Olympus", "", "../../etc/passwd", "MSK+3", "🕐", "x" * 10_000]:
        assert _reason(lambda bad=bad: validate_timezone(bad)) in {"unknown"}
