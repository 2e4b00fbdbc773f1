"""Report charts rendered server-side to PNG with matplotlib (Agg, no display), sized
for a phone: 1080 × 720 px, large fonts, labels in the user's language. The figures
come from `services.reports.report.Report`, the same data the Mini App charts use.

Rendering is CPU work of a few hundred milliseconds: callers in the bot run it in a
thread (`asyncio.to_thread`) so that other users' updates are not held up. Each call
builds its own `Figure` and sets its font sizes itself (no pyplot state, no global
rcParams), so concurrent renders are safe.

matplotlib (and numpy with it) is loaded by the first chart, not with this module: it
costs a process about a second of start-up and ~50 MiB that most never use."""

import io
from typing import TYPE_CHECKING

from services.payroll.rules import hours_of
from services.platform.i18n import Translator
from services.reports.report import Report

WIDTH_PX, HEIGHT_PX, DPI = 1080, 720, 100
MAX_EMPLOYEES_ON_CHART = 12
# A day's bar never takes more than a seventh of the width (one day would fill it).
MIN_DAY_SLOTS, BAR_WIDTH = 7, 0.7
_HOURS_COLOUR = "#4C78A8"
_COST_COLOUR = "#F58518"
_LATE_COLOUR = "#E45756"
TITLE_SIZE, LABEL_SIZE, TICK_SIZE = 24, 20, 18

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator


def _figure() -> "Figure":
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: "Figure") -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _integer_ticks() -> "MaxNLocator":
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def hours_and_cost_chart(report: Report, translator: Translator) -> bytes:
    """`hours_and_cost_figure` as a PNG."""
    return _png(hours_and_cost_figure(report, translator))


def hours_and_cost_figure(report: Report, translator: Translator) -> "Figure":
    """Hours per day as bars and, when money is shown, labour cost per day as a line on
    a second axis in the organization's currency sign. Both axes start at zero (an empty
    period too), a short period keeps phone-sized bars (at least `MIN_DAY_SLOTS` slots
    wide, the days centred), the title names the period."""
    figure = _figure()
    axes = figure.add_subplot()
    positions = list(range(len(report.days)))
    hours = [float(hours_of(day.minutes)) for day in report.days]
    axes.bar(positions, hours, color=_HOURS_COLOUR, width=BAR_WIDTH)
    axes.set_ylabel(translator.get("reports-chart-hours"), color=_HOURS_COLOUR, fontsize=LABEL_SIZE)
    axes.yaxis.set_major_locator(_integer_ticks())
    axes.set_ylim(0, _headroom(hours))
    margin = max(0, MIN_DAY_SLOTS - len(positions)) / 2
    axes.set_xlim(-0.5 - margin, len(positions) - 0.5 + margin)
    axes.set_title(
        translator.get(
            "reports-chart-hours-title",
            title=report.scope_title,
            start=translator.day(report.period.start, "short"),
            end=translator.day(report.period.end, "short"),
        ),
        fontsize=TITLE_SIZE,
    )
    long_period = len(report.days) > 10
    labels = [
        str(day.day.day)
        if long_period
        else translator.short_day(day.day).split(",")[0] + f"\n{day.day.day}"
        for day in report.days
    ]
    step = max(1, len(positions) // 16)
    axes.set_xticks(positions[::step], labels[::step])
    axes.tick_params(labelsize=TICK_SIZE)
    axes.grid(axis="y", alpha=0.3)
    if report.show_money:
        cost_axes = axes.twinx()
        costs = [float(day.cost or 0) for day in report.days]
        cost_axes.plot(positions, costs, color=_COST_COLOUR, marker="o", linewidth=3)
        cost_axes.set_ylabel(
            translator.get(
                "reports-chart-cost", currency=translator.currency_sign(report.currency)
            ),
            color=_COST_COLOUR,
            fontsize=LABEL_SIZE,
        )
        cost_axes.tick_params(labelsize=TICK_SIZE)
        cost_axes.set_ylim(0, _headroom(costs))
    return figure


def _headroom(values: list[float]) -> float:
    """The top of a zero-based axis: room above the highest value, 1 when all are zero
    (matplotlib would centre a flat zero line and show negative values)."""
    return max([*values, 0.0]) * 1.15 or 1.0


def lateness_chart(report: Report, translator: Translator) -> bytes | None:
    """Late minutes per employee (the latest first), with the number of late arrivals on
    each bar; None when nobody was late."""
    late = sorted(
        (e for e in report.employees if e.late_minutes),
        key=lambda e: (-e.late_minutes, e.name),
    )[:MAX_EMPLOYEES_ON_CHART]
    if not late:
        return None
    figure = _figure()
    axes = figure.add_subplot()
    positions = list(range(len(late)))[::-1]
    minutes = [e.late_minutes for e in late]
    bars = axes.barh(positions, minutes, color=_LATE_COLOUR)
    axes.set_yticks(positions, [e.name for e in late])
    axes.bar_label(
        bars,
        labels=[
            translator.get(
                "reports-chart-late-label", minutes=e.late_minutes, count=e.late_arrivals
            )
            for e in late
        ],
        padding=6,
        fontsize=TICK_SIZE,
    )
    axes.set_xlabel(translator.get("reports-chart-late-minutes"), fontsize=LABEL_SIZE)
    axes.set_xlim(0, max(minutes) * 1.35)
    axes.xaxis.set_major_locator(_integer_ticks())
    axes.set_title(
        translator.get(
            "reports-chart-lateness-title",
            start=translator.day(report.period.start, "short"),
            end=translator.day(report.period.end, "short"),
        ),
        fontsize=TITLE_SIZE,
    )
    axes.tick_params(labelsize=TICK_SIZE)
    axes.grid(axis="x", alpha=0.3)
    return _png(figure)
