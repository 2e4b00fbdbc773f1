"""A workbook written by `services.platform.xlsx` opens in a spreadsheet (read back with
openpyxl) and shows what it was given: text as typed, each value in its own format even
where a column mixes kinds, a bold header that stays in view, blank cells for missing
values."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from services.platform.xlsx import (
    DATE_FORMAT,
    HOURS_FORMAT,
    MONEY_FORMAT,
    Column,
    Sheet,
    money_format,
    workbook_bytes,
)

RUBLES = money_format("₽")


def _read(*sheets: Sheet) -> Workbook:
    return load_workbook(io.BytesIO(workbook_bytes(sheets)))


@pytest.mark.parametrize(
    "text",
    [
        "Кофейня & бар <центр>",
        "кавычки \"двойные\" и 'одинарные'",
        "  отступ в начале и в конце  ",
        "_x0041_ as typed, not the letter A",
        "много\nстрок",
    ],
)
def test_text_reads_back_as_typed(text: str) -> None:
    workbook = _read(Sheet("Тексты", [Column("Текст")], [[text]]))
    assert workbook["Тексты"]["A2"].value == text


def test_a_control_character_does_not_break_the_file() -> None:
    workbook = _read(Sheet("S", [Column("Text")], [["bell\x07 here"]]))
    assert workbook["S"]["A2"].value.startswith("bell") and "here" in workbook["S"]["A2"].value


def test_each_value_keeps_its_own_format_in_a_mixed_column() -> None:
    rows = [["Начало", date(2026, 3, 2)], ["Смены", 8], ["Часы", Decimal("8.00")]]
    sheet = _read(Sheet("Итоги", [Column("Что"), Column("Сколько")], rows, money_format=RUBLES))[
        "Итоги"
    ]
    assert sheet["B2"].value.date() == date(2026, 3, 2)
    assert sheet["B2"].number_format == DATE_FORMAT
    assert (sheet["B3"].value, sheet["B3"].number_format) == (8, "General")
    assert (sheet["B4"].value, sheet["B4"].number_format) == (8, RUBLES)


def test_columns_of_a_sheet_are_formatted_by_their_declared_format() -> None:
    columns = [Column("Имя"), Column("Часы", HOURS_FORMAT), Column("Сумма", MONEY_FORMAT)]
    rows = [["Anna", Decimal("4.50"), Decimal("1200.00")], ["Boris", None, ""]]
    totals = ["Итого", Decimal("4.50"), Decimal("1200.00")]
    sheet = _read(Sheet("Люди", columns, rows, totals, RUBLES))["Люди"]
    assert list(sheet.iter_rows(values_only=True)) == [
        ("Имя", "Часы", "Сумма"),
        ("Anna", 4.5, 1200),
        ("Boris", None, None),
        ("Итого", 4.5, 1200),
    ]
    assert sheet["B2"].number_format == HOURS_FORMAT and sheet["C2"].number_format == RUBLES
    assert sheet["A1"].font.bold and sheet["C4"].font.bold and not sheet["A2"].font.bold
    assert sheet["C4"].number_format == RUBLES  # the totals row is bold and still money
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= len("Итого")


def test_sheets_keep_their_order_and_an_empty_one_has_its_header() -> None:
    workbook = _read(
        Sheet("Первый", [Column("A")], [[1], [2]]),
        Sheet("Пустой", [Column("B"), Column("C")], []),
    )
    assert workbook.sheetnames == ["Первый", "Пустой"]
    assert list(workbook["Пустой"].iter_rows(values_only=True)) == [("B", "C")]
    assert [row[0] for row in workbook["Первый"].iter_rows(values_only=True)] == ["A", 1, 2]
