"""Sales typed in chat or uploaded as CSV/Excel: what is read, what is refused (with the
line), and labor % of sales."""

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook

from services.platform.errors import InvalidInput
from services.scheduling.sales import (
    SalesLine,
    labor_percent,
    parse_sales_rows,
    sales_rows_of_file,
    sales_rows_of_text,
)

TUESDAY = SalesLine("Кофейня", date(2026, 3, 3), Decimal("45000.50"))


@pytest.mark.parametrize(
    "text",
    [
        "Кофейня; 03.03.2026; 45000,50",
        "Кофейня;2026-03-03;45 000.50",
        "Object;Date;Amount\nКофейня\t03.03.2026\t45000.50\n\n",
    ],
)
def test_sales_lines_typed_in_chat_are_read(text: str) -> None:
    assert parse_sales_rows(sales_rows_of_text(text)) == [TUESDAY]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Кофейня; 03.03.2026; 45000\nКофейня; 32.03.2026; 100", 2),
        ("Кофейня; 03.03.2026; -5", 1),
        ("Кофейня; 03.03.2026", 1),
        ("", 1),
    ],
)
def test_a_line_that_cannot_be_read_is_refused_with_its_number(text: str, line: int) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_sales_rows(sales_rows_of_text(text))
    assert refused.value.params == {"field": "sales", "reason": "sales-line", "line": line}


def test_a_csv_file_and_an_excel_file_are_read() -> None:
    csv = "Объект,Дата,Сумма\nКофейня,03.03.2026,45000.50\n".encode("utf-8-sig")
    assert parse_sales_rows(sales_rows_of_file("sales.csv", csv)) == [TUESDAY]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Объект", "Дата", "Сумма"])
    sheet.append(["Кофейня", datetime(2026, 3, 3), 45000.5])
    content = io.BytesIO()
    workbook.save(content)
    assert parse_sales_rows(sales_rows_of_file("sales.xlsx", content.getvalue())) == [TUESDAY]


def test_a_broken_excel_file_is_refused() -> None:
    with pytest.raises(InvalidInput) as refused:
        sales_rows_of_file("sales.xlsx", b"not a workbook")
    assert refused.value.params["reason"] == "sales-file"


@pytest.mark.parametrize(
    ("cost", "sales", "percent"),
    [("5400", "10000", "54.0"), ("1000", "3000", "33.3"), ("100", None, None), ("100", "0", None)],
)
def test_labor_percent_of_sales(cost: str, sales: str | None, percent: str | None) -> None:
    expected = Decimal(percent) if percent else None
    assert labor_percent(Decimal(cost), Decimal(sales) if sales else None) == expected
