"""The hours-and-cost chart read on a phone: one day is one ordinary bar, an empty period
has no negative axis, cost is labelled with the currency's sign, the title names the
period; the picture itself is a phone-sized PNG."""

from datetime import date
from decimal import Decimal

import pytest

from services.platform.i18n import Translator
from services.reports import charts
from services.reports.periods import PeriodKind, ReportPeriod
from services.reports.report import DayFigures, Report, Totals
from services.reports.scope import ReportScope

MON = date(2026, 3, 2)


def report_of(days: list[DayFigures], currency: str = "RUB") -> Report:
    period = ReportPeriod(PeriodKind.CUSTOM, days[0].day, days[-1].day)
    totals = Totals(0, 0, Decimal(0), 0, 0, 0, 0, 0, 0, 0, Decimal(0), Decimal(0))
    return Report(1, "Org", currency, period, ReportScope(), "Кофейня", True, totals, days, [], [])


def bar_share_of_width(report: Report) -> float:
    """The widest hours bar as a share of the plot's width."""
    axes = charts.hours_and_cost_figure(report, Translator("ru")).axes[0]
    left, right = axes.get_xlim()
    return max(patch.get_width() for patch in axes.patches) / (right - left)


def test_one_day_draws_one_ordinary_bar_not_a_wall() -> None:
    one_day = report_of([DayFigures(MON, 2, 480, Decimal("2400.00"))])
    week = report_of(
        [DayFigures(date(2026, 3, 2 + n), 2, 480, Decimal("2400.00")) for n in range(7)]
    )
    assert bar_share_of_width(one_day) == pytest.approx(bar_share_of_width(week))
    assert bar_share_of_width(one_day) == pytest.approx(0.1)


def test_an_empty_period_has_zero_based_axes_and_no_negative_values() -> None:
    empty = report_of([DayFigures(date(2026, 3, 2 + n), 0, 0, Decimal("0.00")) for n in range(7)])
    figure = charts.hours_and_cost_figure(empty, Translator("ru"))
    hours_axes, cost_axes = figure.axes
    assert hours_axes.get_ylim() == (0.0, 1.0)
    assert cost_axes.get_ylim() == (0.0, 1.0)


@pytest.mark.parametrize(
    ("language", "currency", "label", "title"),
    [
        ("ru", "RUB", "Фонд оплаты, ₽", "Кофейня: часы и фонд оплаты, 02.03.2026 – 02.03.2026"),
        ("en", "RUB", "Labour cost, ₽", "Кофейня: hours and labour cost, 3/2/26 – 3/2/26"),
        ("en", "GBP", "Labour cost, £", "Кофейня: hours and labour cost, 3/2/26 – 3/2/26"),
    ],
)
def test_cost_axis_shows_the_currency_sign_and_the_title_the_period(
    language: str, currency: str, label: str, title: str
) -> None:
    report = report_of([DayFigures(MON, 1, 60, Decimal("300.00"))], currency)
    hours_axes, cost_axes = charts.hours_and_cost_figure(report, Translator(language)).axes
    assert cost_axes.get_ylabel() == label
    assert hours_axes.get_title() == title
    assert "RUB" not in cost_axes.get_ylabel()


def test_the_picture_is_a_phone_sized_png() -> None:
    png = charts.hours_and_cost_chart(report_of([DayFigures(MON, 1, 60, None)]), Translator("en"))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
