"""Charts (PNG of the expected size that decodes) and the Excel workbook (its cells) of
the scenario week's report."""

import io
from decimal import Decimal

import pytest
from matplotlib import image
from openpyxl import load_workbook

from services.platform.clock import ManualClock
from services.platform.i18n import translator_for
from services.reports import charts
from services.reports.export import report_workbook
from services.reports.figures import build_report
from services.reports.periods import PeriodKind, ReportPeriod
from services.reports.scope import ReportScope
from services.staff.permissions import actor_in
from tests.support.reports import AFTER_THE_WEEK, MON, SUN, add_manager, build_report_week

WEEK = ReportPeriod(PeriodKind.LAST_WEEK, MON, SUN)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def _report(session_factory, *, manager_permissions: list[str] | None = None):
    clock = ManualClock(AFTER_THE_WEEK)
    async with session_factory() as session, session.begin():
        week = await build_report_week(session)
        viewer = week.owner
        if manager_permissions is not None:
            viewer = await add_manager(session, week, manager_permissions)
    async with session_factory() as session:
        actor = await actor_in(session, viewer.id, week.organization_id)
        return await build_report(session, clock, actor, WEEK, ReportScope())


def _decoded(png: bytes):  # type: ignore[no-untyped-def]
    assert png.startswith(PNG_SIGNATURE)
    return image.imread(io.BytesIO(png), format="png")


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_charts_are_phone_sized_pngs(session_factory, language) -> None:
    report = await _report(session_factory)
    translator = translator_for(language)

    hours = _decoded(charts.hours_and_cost_chart(report, translator))
    lateness_png = charts.lateness_chart(report, translator)
    assert lateness_png is not None
    lateness = _decoded(lateness_png)

    assert hours.shape[:2] == (720, 1080)
    assert lateness.shape[:2] == (720, 1080)
    # Not a blank picture: bars were drawn in several colours.
    assert len({tuple(pixel) for pixel in hours.reshape(-1, hours.shape[2])[::97]}) > 5


async def test_no_lateness_chart_when_nobody_was_late(session_factory) -> None:
    report = await _report(session_factory)
    for row in report.employees:
        row.late_minutes = 0
    assert charts.lateness_chart(report, translator_for("ru")) is None


async def test_workbook_holds_the_full_table(session_factory) -> None:
    report = await _report(session_factory)
    filename, content = report_workbook(report, translator_for("ru"))
    assert filename == "report_2026-03-02_2026-03-08.xlsx"
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames == ["Итоги", "Сотрудники", "По дням", "Объекты"]

    summary = {row[0]: row[1] for row in workbook["Итоги"].iter_rows(values_only=True)}
    assert summary["Смены"] == 8
    assert Decimal(str(summary["Часы"])) == Decimal("49.97")
    assert Decimal(str(summary["Фонд оплаты"])) == Decimal("17365.00")
    assert (summary["Неявки"], summary["Отмены"], summary["Опоздания"]) == (1, 1, 2)

    employees = list(workbook["Сотрудники"].iter_rows(values_only=True))
    assert employees[0][:4] == ("Сотрудник", "Смены", "Часы", "Фонд оплаты")
    anna = employees[1]
    assert anna[0] == "Anna" and anna[1] == 2
    assert Decimal(str(anna[3])) == Decimal("4715.00")
    assert anna[-2:] == (320, 100)
    assert [row[0] for row in employees[1:]] == ["Anna", "Boris", "Gleb", "Vera", "Итого"]
    totals = employees[-1]
    assert totals[1] == 8 and Decimal(str(totals[3])) == Decimal("17365.00")
    sheet = workbook["Сотрудники"]
    assert sheet.freeze_panes == "A2"  # the header stays in view
    assert sheet["A1"].font.bold and sheet.cell(row=sheet.max_row, column=1).font.bold
    assert sheet.column_dimensions["A"].width >= len("Сотрудник")

    days = list(workbook["По дням"].iter_rows(values_only=True))
    assert len(days) == 9  # the header, seven days, the totals
    assert days[-1][0] == "Итого" and days[-1][1] == 8
    assert days[1][0].date() == MON and days[1][1] == 3
    assert Decimal(str(days[1][3])) == Decimal("7120.00")
    assert workbook["По дням"]["D2"].number_format == '#,##0.00 "₽"'
    assert workbook["Сотрудники"]["D2"].number_format == '#,##0.00 "₽"'


async def test_workbook_money_is_in_the_organizations_currency(session_factory) -> None:
    report = await _report(session_factory)
    report.currency = "GBP"
    _, content = report_workbook(report, translator_for("en"))
    workbook = load_workbook(io.BytesIO(content))
    assert workbook["Days"]["D2"].number_format == '#,##0.00 "£"'


async def test_workbook_without_view_money_has_no_money_columns(session_factory) -> None:
    report = await _report(session_factory, manager_permissions=["view"])
    _, content = report_workbook(report, translator_for("en"))
    workbook = load_workbook(io.BytesIO(content))
    header = next(workbook["Employees"].iter_rows(values_only=True))
    assert "Labour cost" not in header and "Fines" not in header
    summary = [row[0] for row in workbook["Summary"].iter_rows(values_only=True)]
    assert "Labour cost" not in summary
