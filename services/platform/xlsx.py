"""Excel workbooks written with xlsxwriter in constant-memory mode: each row goes to a
temporary file as it is written, so a month of 30,000 ledger entries stays fast and
small. Every sheet gets a bold header that stays in view when scrolling, number formats
(money in the organization's currency, dates) and column widths fitted to what the
columns hold, and, when given, a bold totals row.

Writing a workbook is CPU work of up to a second: callers on the event loop run
`workbook_bytes` in a thread (`asyncio.to_thread`)."""

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from xlsxwriter import Workbook

MONEY_FORMAT = "#,##0.00"
HOURS_FORMAT = "0.00"
DATE_FORMAT = "yyyy-mm-dd"
_MIN_WIDTH, _MAX_WIDTH = 8, 48
_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 date system
_FORBIDDEN_IN_TITLES = re.compile(r"[\[\]:*?/\\]")
_MAX_TITLE = 31  # Excel's limit on a sheet's name


def money_format(currency_sign: str) -> str:
    """Money with two decimals and the currency's sign after it ("1,234.50 ₽" — Excel
    writes the separators of the reader's locale)."""
    return f'{MONEY_FORMAT} "{currency_sign}"'


def sheet_titles(names: Iterable[str]) -> list[str]:
    """Names usable as sheet titles, in order: characters Excel refuses replaced, cut to
    its length limit, made unique with a number."""
    titles: list[str] = []
    for name in names:
        base = _FORBIDDEN_IN_TITLES.sub("_", name).strip() or "_"
        title, number = base[:_MAX_TITLE], 1
        while title.casefold() in (taken.casefold() for taken in titles):
            number += 1
            suffix = f" ({number})"
            title = base[: _MAX_TITLE - len(suffix)] + suffix
        titles.append(title)
    return titles


@dataclass(frozen=True)
class Column:
    title: str
    # None: by the value (money for Decimal, a date for dates, general otherwise).
    number_format: str | None = None


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    totals: Sequence[Any] | None = None
    # What `MONEY_FORMAT` columns and amounts are written with (`money_format`).
    money_format: str = MONEY_FORMAT


def totals_of(label: str, rows: Sequence[Sequence[Any]]) -> list[Any]:
    """A totals row: the label, then the sum of every column after the first that holds
    only numbers (blank for the others)."""
    width = len(rows[0]) if rows else 0
    sums: list[Any] = [label]
    for index in range(1, width):
        column = [row[index] for row in rows]
        numbers = all(
            isinstance(value, int | Decimal) and not isinstance(value, bool) for value in column
        )
        sums.append(sum(column) if numbers else None)
    return sums


def _format_of(value: Any) -> str | None:
    if isinstance(value, Decimal):
        return MONEY_FORMAT
    if isinstance(value, date):
        return DATE_FORMAT
    return None


def _shown_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return len(DATE_FORMAT)
    if isinstance(value, Decimal):
        return len(f"{value:,.2f}") + 2  # and the currency sign
    return len(str(value))


class _SheetWriter:
    def __init__(self, workbook: "Workbook", sheet: Sheet) -> None:
        self.workbook = workbook
        self.worksheet = workbook.add_worksheet(sheet.title[:31])  # Excel's limit
        self.columns = sheet.columns
        self.money_format = sheet.money_format
        self.widths = [len(column.title) + 2 for column in sheet.columns]
        self.formats: dict[tuple[str | None, bool], Any] = {}
        self.row = 0

    def cell_format(self, number_format: str | None, bold: bool) -> Any:
        key = (number_format, bold)
        if key not in self.formats:
            properties: dict[str, Any] = {"bold": True} if bold else {}
            if number_format:
                properties["num_format"] = number_format
            self.formats[key] = self.workbook.add_format(properties) if properties else None
        return self.formats[key]

    def write(self, values: Sequence[Any], *, bold: bool = False) -> None:
        # Typed writes, dates as Excel serial numbers: xlsxwriter's generic `write` and
        # `write_datetime` cost three times as much on a 30,000-row sheet.
        worksheet, row = self.worksheet, self.row
        for index, value in enumerate(values):
            if value is None or value == "":
                continue
            number_format = self.columns[index].number_format or _format_of(value)
            if number_format == MONEY_FORMAT:
                number_format = self.money_format
            cell_format = self.cell_format(number_format, bold)
            if isinstance(value, str):
                worksheet.write_string(row, index, value, cell_format)
            elif isinstance(value, date):
                worksheet.write_number(row, index, (value - _EXCEL_EPOCH).days, cell_format)
            else:
                worksheet.write_number(row, index, value, cell_format)
            width = _shown_width(value) + 2
            if width > self.widths[index]:
                self.widths[index] = width
        self.row += 1

    def finish(self) -> None:
        self.worksheet.freeze_panes(1, 0)
        for index, width in enumerate(self.widths):
            self.worksheet.set_column(index, index, min(max(width, _MIN_WIDTH), _MAX_WIDTH))


def workbook_bytes(sheets: Iterable[Sheet]) -> bytes:
    """The sheets, in order, as the bytes of an `.xlsx` file."""
    from xlsxwriter import Workbook  # loaded by the first workbook, as every export's is

    buffer = io.BytesIO()
    workbook = Workbook(buffer, {"constant_memory": True})
    for sheet in sheets:
        writer = _SheetWriter(workbook, sheet)
        writer.write([column.title for column in sheet.columns], bold=True)
        for values in sheet.rows:
            writer.write(values)
        if sheet.totals is not None:
            writer.write(sheet.totals, bold=True)
        writer.finish()
    workbook.close()
    return buffer.getvalue()
