"""The period as an Excel workbook: a summary sheet (one row per worker) and a detail
sheet (every entry), streamed in write-only mode."""

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.access import money_membership_scope
from services.payroll.payslips import period_totals
from services.payroll.periods import period_by_id
from services.payroll.rules import hours_of
from services.platform.db.models import LedgerEntry, LedgerEntryType, Permission, User, WorkObject
from services.platform.i18n import Translator
from services.staff.permissions import actor_in

_SUMMARY_COLUMNS = (
    "payroll-xlsx-employee",
    "payroll-xlsx-hours",
    "payroll-xlsx-gross",
    "payroll-xlsx-fines",
    "payroll-xlsx-bonuses",
    "payroll-xlsx-net",
    "payroll-xlsx-paid",
    "payroll-xlsx-balance",
)
_DETAIL_COLUMNS = (
    "payroll-xlsx-date",
    "payroll-xlsx-employee",
    "payroll-xlsx-type",
    "payroll-xlsx-object",
    "payroll-xlsx-minutes",
    "payroll-xlsx-rate",
    "payroll-xlsx-amount",
    "payroll-xlsx-reason",
    "payroll-xlsx-late",
)
_MONEY_FORMAT = "#,##0.00"
_DATE_FORMAT = "yyyy-mm-dd"


def _cell(sheet: Any, value: Any, number_format: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def _header(sheet: Any, titles: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


async def export_period_workbook(
    session: AsyncSession, *, user_id: int, period_id: int, translator: Translator
) -> tuple[str, bytes]:
    """The period as an Excel workbook: a summary sheet with one row per worker (hours,
    gross, fines, bonuses, net, paid, balance) and a detail sheet with every entry, for
    viewers with `view_money`. Two queries whatever the number of employees."""
    period = await period_by_id(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    scope = await money_membership_scope(session, actor, Permission.VIEW_MONEY)
    totals = await period_totals(session, period, scope=scope)
    detail = (
        select(LedgerEntry, User, WorkObject.name)
        .join(User, User.id == LedgerEntry.user_id)
        .outerjoin(WorkObject, WorkObject.id == LedgerEntry.object_id)
        .where(LedgerEntry.pay_period_id == period.id)
        .order_by(User.first_name, User.id, LedgerEntry.work_date, LedgerEntry.id)
    )
    if scope is not None:
        detail = detail.where(LedgerEntry.membership_id.in_(scope))
    entries = (await session.execute(detail)).all()

    # Write-only mode streams the rows: a month of 30,000 shifts stays fast and small.
    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet(translator.get("payroll-xlsx-summary-sheet"))
    summary.append(_header(summary, [translator.get(key) for key in _SUMMARY_COLUMNS]))
    for row in totals:
        money_cells = [row.gross, row.fines, row.bonuses, row.net, row.paid, row.balance]
        summary.append(
            [row.employee_name, _cell(summary, hours_of(row.minutes), _MONEY_FORMAT)]
            + [_cell(summary, value, _MONEY_FORMAT) for value in money_cells]
        )
    sheet = workbook.create_sheet(translator.get("payroll-xlsx-detail-sheet"))
    sheet.append(_header(sheet, [translator.get(key) for key in _DETAIL_COLUMNS]))
    type_names = {t: translator.get(f"payroll-type-{t}") for t in LedgerEntryType}
    late_mark = translator.get("payroll-xlsx-yes")
    for entry, employee, object_name in entries:
        sheet.append(
            [
                _cell(sheet, entry.work_date, _DATE_FORMAT),
                employee.display_name,
                type_names[LedgerEntryType(entry.type)],
                object_name or "",
                entry.minutes,
                _cell(sheet, entry.hourly_rate, _MONEY_FORMAT),
                _cell(sheet, entry.amount, _MONEY_FORMAT),
                entry.reason,
                late_mark if entry.late_for_closed_period else "",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    filename = f"payroll_{period.start_date.isoformat()}_{period.end_date.isoformat()}.xlsx"
    return filename, buffer.getvalue()
