"""A report as an Excel workbook (openpyxl): a summary sheet, one row per employee with
every figure, one row per day and one per object. Money columns appear only when the
report shows money. Pure formatting of `services.reports.report.Report`: no queries."""

import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from services.payroll.rules import hours_of
from services.platform.i18n import Translator
from services.reports.report import Report

_MONEY_FORMAT = "#,##0.00"
_HOURS_FORMAT = "0.00"


def _sheet(
    workbook: Workbook,
    title: str,
    columns: list[tuple[str, str | None]],
    rows: list[list[Any]],
    translator: Translator,
) -> Worksheet:
    """`columns`: (locale key of the header, number format or None)."""
    sheet = workbook.create_sheet(title)
    sheet.append([translator.get(key) for key, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for index, (_, number_format) in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = 16
        if number_format:
            for cell in sheet[letter][1:]:
                cell.number_format = number_format
    return sheet


def report_workbook(report: Report, translator: Translator) -> tuple[str, bytes]:
    money = report.show_money
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = translator.get("reports-xlsx-summary")
    totals = report.totals
    lines: list[tuple[str, Any]] = [
        ("reports-xlsx-scope", report.scope_title),
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
    for key, value in lines:
        summary.append([translator.get(key), value])
        cell = summary.cell(row=summary.max_row, column=2)
        if isinstance(value, Decimal):
            cell.number_format = _MONEY_FORMAT
        elif key.startswith("reports-xlsx-period"):
            cell.number_format = "yyyy-mm-dd"
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 20

    money_columns: list[tuple[str, str | None]] = [("reports-xlsx-cost", _MONEY_FORMAT)]
    employee_columns: list[tuple[str, str | None]] = [
        ("reports-xlsx-employee", None),
        ("reports-xlsx-shifts", None),
        ("reports-xlsx-hours", _HOURS_FORMAT),
        *(money_columns if money else []),
        ("reports-xlsx-late-arrivals", None),
        ("reports-xlsx-late-minutes", None),
        ("reports-xlsx-planned", None),
        ("reports-xlsx-no-shows", None),
        ("reports-xlsx-cancellations", None),
        ("reports-xlsx-tasks-done", None),
        ("reports-xlsx-tasks-total", None),
        *(
            [("reports-xlsx-fines", _MONEY_FORMAT), ("reports-xlsx-bonuses", _MONEY_FORMAT)]
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
    _sheet(
        workbook,
        translator.get("reports-xlsx-employees"),
        employee_columns,
        employee_rows,
        translator,
    )
    day_columns: list[tuple[str, str | None]] = [
        ("reports-xlsx-date", "yyyy-mm-dd"),
        ("reports-xlsx-shifts", None),
        ("reports-xlsx-hours", _HOURS_FORMAT),
        *(money_columns if money else []),
    ]
    day_rows = [
        [d.day, d.shifts, hours_of(d.minutes), *([d.cost] if money else [])] for d in report.days
    ]
    _sheet(workbook, translator.get("reports-xlsx-days"), day_columns, day_rows, translator)
    object_columns: list[tuple[str, str | None]] = [
        ("reports-xlsx-object", None),
        ("reports-xlsx-shifts", None),
        ("reports-xlsx-hours", _HOURS_FORMAT),
        *(money_columns if money else []),
        ("reports-xlsx-late-arrivals", None),
    ]
    object_rows = [
        [o.name, o.shifts, hours_of(o.minutes), *([o.cost] if money else []), o.late_arrivals]
        for o in report.objects
    ]
    _sheet(
        workbook, translator.get("reports-xlsx-objects"), object_columns, object_rows, translator
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    filename = f"report_{report.period.start.isoformat()}_{report.period.end.isoformat()}.xlsx"
    return filename, buffer.getvalue()
