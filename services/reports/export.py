"""A report as an Excel workbook: a summary sheet, then one row per employee with every
figure, one row per day and one per object, each with a totals row, labor cost against
sales per object and day when the report has them, and the days off by kind per person
when there are any. Money columns appear
only when the report shows money. Pure formatting of `services.reports.report.Report`:
no queries; CPU work, so callers on the event loop run it in a thread."""

from dataclasses import replace
from decimal import Decimal
from typing import Any

from services.payroll.rules import hours_of
from services.platform.db.models import TimeOffKind
from services.platform.i18n import Translator
from services.platform.xlsx import (
    DATE_FORMAT,
    HOURS_FORMAT,
    MONEY_FORMAT,
    Column,
    Sheet,
    money_format,
    totals_of,
    workbook_bytes,
)
from services.reports.report import Report

PERCENT_FORMAT = "0.0"


def _sheet(
    translator: Translator,
    title_key: str,
    columns: list[tuple[str, str | None]],
    rows: list[list[Any]],
) -> Sheet:
    """`columns`: (locale key of the header, number format or None)."""
    return Sheet(
        translator.get(title_key),
        [Column(translator.get(key), number_format) for key, number_format in columns],
        rows,
        totals=totals_of(translator.get("reports-xlsx-total"), rows) if rows else None,
    )


def _labor_sheet(report: Report, translator: Translator) -> Sheet:
    """Per object and day: labor cost, sales, labor % and whether it is over the target
    (its title says the target)."""
    columns: list[tuple[str, str | None]] = [
        ("reports-xlsx-object", None),
        ("reports-xlsx-date", DATE_FORMAT),
        ("reports-xlsx-cost", MONEY_FORMAT),
        ("reports-xlsx-sales", MONEY_FORMAT),
        ("reports-xlsx-sales-expected", None),
        ("reports-xlsx-labor-percent", PERCENT_FORMAT),
        ("reports-xlsx-over-target", None),
    ]
    yes = translator.get("reports-xlsx-yes")
    rows = [
        [
            day.object_name,
            day.day,
            day.cost,
            day.sales,
            yes if day.expected else "",
            float(day.percent) if day.percent is not None else None,  # not summed
            yes if day.over_target else "",
        ]
        for day in report.labor
    ]
    sheet = _sheet(translator, "reports-xlsx-labor", columns, rows)
    if report.labor_target is None:
        return sheet
    title = translator.get("reports-xlsx-over-target-of", target=float(report.labor_target))
    return replace(sheet, columns=[*sheet.columns[:-1], Column(title)])


def report_workbook(report: Report, translator: Translator) -> tuple[str, bytes]:
    money = report.show_money
    totals = report.totals
    lines: list[tuple[str, Any]] = [
        ("reports-xlsx-period-start", report.period.start),
        ("reports-xlsx-period-end", report.period.end),
        ("reports-xlsx-shifts", totals.shifts),
        ("reports-xlsx-hours", hours_of(totals.minutes)),
        ("reports-xlsx-late-arrivals", totals.late_arrivals),
        ("reports-xlsx-late-minutes", totals.late_minutes),
        ("reports-xlsx-planned", totals.planned),
        ("reports-xlsx-no-shows", totals.no_shows),
        ("reports-xlsx-cancellations", totals.cancellations),
        ("reports-xlsx-tasks-done", totals.tasks_done),
        ("reports-xlsx-tasks-total", totals.tasks_total),
    ]
    if money:
        lines += [
            ("reports-xlsx-cost", totals.cost),
            ("reports-xlsx-fines", totals.fines),
            ("reports-xlsx-bonuses", totals.bonuses),
        ]
    # The scope is the summary's header: it stays in view as the other lines scroll.
    summary = Sheet(
        translator.get("reports-xlsx-summary"),
        [Column(translator.get("reports-xlsx-scope")), Column(report.scope_title)],
        [[translator.get(key), value] for key, value in lines],
    )

    money_columns: list[tuple[str, str | None]] = [("reports-xlsx-cost", MONEY_FORMAT)]
    employee_columns: list[tuple[str, str | None]] = [
        ("reports-xlsx-employee", None),
        ("reports-xlsx-shifts", None),
        ("reports-xlsx-hours", HOURS_FORMAT),
        *(money_columns if money else []),
        ("reports-xlsx-late-arrivals", None),
        ("reports-xlsx-late-minutes", None),
        ("reports-xlsx-planned", None),
        ("reports-xlsx-no-shows", None),
        ("reports-xlsx-cancellations", None),
        ("reports-xlsx-tasks-done", None),
        ("reports-xlsx-tasks-total", None),
        *(
            [("reports-xlsx-fines", MONEY_FORMAT), ("reports-xlsx-bonuses", MONEY_FORMAT)]
            if money
            else []
        ),
    ]
    employee_rows = [
        [
            e.name,
            e.shifts,
            hours_of(e.minutes),
            *([e.cost] if money else []),
            e.late_arrivals,
            e.late_minutes,
            e.planned,
            e.no_shows,
            e.cancellations,
            e.tasks_done,
            e.tasks_total,
            *([e.fines, e.bonuses] if money else []),
        ]
        for e in report.employees
    ]
    employees = _sheet(translator, "reports-xlsx-employees", employee_columns, employee_rows)
    day_columns: list[tuple[str, str | None]] = [
        ("reports-xlsx-date", DATE_FORMAT),
        ("reports-xlsx-shifts", None),
        ("reports-xlsx-hours", HOURS_FORMAT),
        *(money_columns if money else []),
    ]
    day_rows = [
        [d.day, d.shifts, hours_of(d.minutes), *([d.cost] if money else [])] for d in report.days
    ]
    days = _sheet(translator, "reports-xlsx-days", day_columns, day_rows)
    object_columns: list[tuple[str, str | None]] = [
        ("reports-xlsx-object", None),
        ("reports-xlsx-shifts", None),
        ("reports-xlsx-hours", HOURS_FORMAT),
        *(money_columns if money else []),
        ("reports-xlsx-late-arrivals", None),
    ]
    object_rows = [
        [o.name, o.shifts, hours_of(o.minutes), *([o.cost] if money else []), o.late_arrivals]
        for o in report.objects
    ]
    objects = _sheet(translator, "reports-xlsx-objects", object_columns, object_rows)
    sheets = [summary, employees, days, objects]
    if report.labor:
        sheets.append(_labor_sheet(report, translator))
    if report.time_off:
        kinds = list(TimeOffKind)
        time_off_columns: list[tuple[str, str | None]] = [
            ("reports-xlsx-employee", None),
            *((f"time-off-kind-{kind.value}", None) for kind in kinds),
            ("reports-xlsx-time-off-total", None),
        ]
        time_off_rows = [
            [p.name, *(p.days.get(kind, Decimal(0)) for kind in kinds), p.total]
            for p in report.time_off
        ]
        sheets.append(_sheet(translator, "reports-xlsx-time-off", time_off_columns, time_off_rows))
    # Money in the organization's currency on every sheet.
    money_cells = money_format(translator.currency_sign(report.currency))
    content = workbook_bytes(replace(sheet, money_format=money_cells) for sheet in sheets)
    filename = f"report_{report.period.start.isoformat()}_{report.period.end.isoformat()}.xlsx"
    return filename, content
