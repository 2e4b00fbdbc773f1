"""A monthly salary's share of a pay period, worked by hand: a day weighs 1/28 … 1/31 of
its own month's salary; a period across two months gets a part of each."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from services.payroll.pay_type_rules import TermsVersion, salary_parts, terms_on
from services.platform.db.models import PayType

SALARY = TermsVersion(date(2024, 1, 1), PayType.SALARY, Decimal("60000.00"))


def D(text: str) -> Decimal:
    return Decimal(text)


def test_a_whole_month_of_any_length_pays_the_whole_salary() -> None:
    for first, last in (
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2028, 2, 1), date(2028, 2, 29)),
        (date(2026, 4, 1), date(2026, 4, 30)),
        (date(2026, 3, 1), date(2026, 3, 31)),
    ):
        (part,) = salary_parts(first, last, [SALARY], None, None)
        assert part.amount == D("60000.00") and part.days == part.days_in_month


def test_a_start_in_mid_month_pays_the_covered_days() -> None:
    """Started on 10 March: 22 of 31 days, 60000 × 22 / 31 = 42580.645… → 42580.65."""
    (part,) = salary_parts(date(2026, 3, 1), date(2026, 3, 31), [SALARY], date(2026, 3, 10), None)
    assert (part.first_day, part.days, part.days_in_month) == (date(2026, 3, 10), 22, 31)
    assert part.amount == D("42580.65")


def test_a_week_across_february_and_march_takes_a_share_of_each() -> None:
    """Mon 23 Feb – Sun 1 Mar 2026: 6/28 of February (12857.142… → 12857.14) and 1/31 of
    March (1935.483… → 1935.48)."""
    parts = salary_parts(date(2026, 2, 23), date(2026, 3, 1), [SALARY], None, None)
    assert [(p.days, p.days_in_month, p.amount) for p in parts] == [
        (6, 28, D("12857.14")),
        (1, 31, D("1935.48")),
    ]


def test_a_raise_and_an_end_date_split_the_month() -> None:
    """60000 until 15 April, 66000 from 16 April, contract ended on 20 April: 15/30 ×
    60000 = 30000.00 and 5/30 × 66000 = 11000.00."""
    raise_ = TermsVersion(date(2026, 4, 16), PayType.SALARY, D("66000.00"))
    parts = salary_parts(
        date(2026, 4, 1), date(2026, 4, 30), [SALARY, raise_], None, date(2026, 4, 20)
    )
    assert [(p.first_day, p.last_day, p.amount) for p in parts] == [
        (date(2026, 4, 1), date(2026, 4, 15), D("30000.00")),
        (date(2026, 4, 16), date(2026, 4, 20), D("11000.00")),
    ]


def test_hourly_days_pay_no_salary() -> None:
    hourly = TermsVersion(date(2026, 3, 16), PayType.HOURLY)
    (part,) = salary_parts(date(2026, 3, 1), date(2026, 3, 31), [SALARY, hourly], None, None)
    assert part.last_day == date(2026, 3, 15) and part.amount == D("29032.26")
    assert terms_on([SALARY, hourly], date(2026, 3, 20)) == hourly
    assert terms_on([hourly], date(2026, 3, 1)) is None


@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 1)),
    lengths=st.lists(st.integers(min_value=1, max_value=16), min_size=1, max_size=6),
)
def test_periods_that_tile_whole_months_pay_each_month_once(start, lengths) -> None:
    """However a span of whole months is cut into periods, the parts add up to the
    salary per month, within a kopeck per part (each part is rounded on its own)."""
    first = start.replace(day=1)
    months = 2
    end = (first + timedelta(days=62)).replace(day=1) - timedelta(days=1)
    cuts, day = [], first
    for length in lengths * 10:
        if day > end:
            break
        last = min(day + timedelta(days=length - 1), end)
        cuts.append((day, last))
        day = last + timedelta(days=1)
    if day <= end:
        cuts.append((day, end))
    parts = [p for a, b in cuts for p in salary_parts(a, b, [SALARY], None, None)]
    total = sum((p.amount for p in parts), Decimal("0"))
    assert abs(total - months * D("60000.00")) <= D("0.01") * len(parts)
    assert sum(p.days for p in parts) == (end - first).days + 1
