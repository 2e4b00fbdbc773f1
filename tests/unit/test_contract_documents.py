"""Contract templates and their PDF, pure: fields found, unknown fields named, every field
filled, the text laid out in blocks, the PDF rendered with Cyrillic and read back, the
signature page appended, and template texts sent as .md/.txt/.docx files."""

import io

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from services.contracts.builtin import ESIGN_AGREEMENTS, STARTING_TEXTS
from services.contracts.errors import UnreadableFile
from services.contracts.pdf import SignatureFacts, render_document, text_of, with_signature_page
from services.contracts.rules import (
    KNOWN_FIELDS,
    Block,
    asked_fields,
    blocks_of,
    code_hash,
    code_matches,
    fields_of,
    fill,
    unknown_fields,
)
from services.contracts.uploads import text_of_upload

EVERY_FIELD = {
    "employee.full_name": "Иванов Иван Иванович",
    "contract.start": "01.03.2026",
    "contract.end": "31.05.2026",
    "contract.rate": "350,00 ₽",
    "contract.service": "приготовление кофе",
    "organization.name": "ООО «Ромашка»",
    "contract.number": "17",
    "contract.date": "02.03.2026",
    "objects": "Кафе на Мира, Склад",
}


def test_every_known_field_is_filled_in_the_built_in_gpc_contract() -> None:
    text = fill(STARTING_TEXTS["gpc_ru"], EVERY_FIELD)
    assert set(fields_of(STARTING_TEXTS["gpc_ru"])) == set(KNOWN_FIELDS)
    assert "{" not in text
    for value in EVERY_FIELD.values():
        assert value in text


@pytest.mark.parametrize("body", [*STARTING_TEXTS.values(), *ESIGN_AGREEMENTS.values()])
def test_built_in_texts_use_only_known_fields(body: str) -> None:
    assert unknown_fields(body) == []


def test_unknown_fields_are_named_once_in_order_of_use() -> None:
    body = "{employee.full_name} {employee.passport} {pay} {employee.passport} {objects}"
    assert unknown_fields(body) == ["employee.passport", "pay"]


def test_the_wizard_asks_only_the_fields_the_text_uses_in_its_own_order() -> None:
    assert asked_fields("{contract.rate} {employee.full_name} {objects}") == [
        "employee.full_name",
        "contract.rate",
    ]


@given(st.dictionaries(st.sampled_from(KNOWN_FIELDS), st.text(max_size=20)))
def test_filling_leaves_no_known_field_behind(values: dict[str, str]) -> None:
    body = " ".join("{" + name + "}" for name in KNOWN_FIELDS)
    filled = fill(body, values)
    for name in KNOWN_FIELDS:
        assert "{" + name + "}" not in filled or "{" + name + "}" in values.get(name, "")


def test_blocks_title_headings_and_paragraphs() -> None:
    text = "# Договор\n\nпервая строка\nвторая строка\n\n## 1. Предмет\nтекст"
    assert blocks_of(text) == [
        Block("title", "Договор"),
        Block("paragraph", "первая строка\nвторая строка"),
        Block("heading", "1. Предмет"),
        Block("paragraph", "текст"),
    ]


def test_a_code_matches_only_its_own_contract() -> None:
    stored = code_hash(7, "123456")
    assert code_matches(7, " 123456 ", stored)
    assert not code_matches(7, "123457", stored)
    assert not code_matches(8, "123456", stored)


def test_pdf_renders_cyrillic_and_reads_back() -> None:
    pdf = render_document("Договор", "ru", blocks_of(fill(STARTING_TEXTS["gpc_ru"], EVERY_FIELD)))
    text = " ".join(text_of(pdf).split())
    assert pdf.startswith(b"%PDF")
    assert "Договор возмездного оказания услуг № 17" in text
    assert "Иванов Иван Иванович" in text and "350,00 ₽" in text
    assert "с 01.03.2026 по 31.05.2026" in text


def test_template_text_is_data_not_typst_markup() -> None:
    tricky = '#read("/etc/passwd") $x^2$ *bold* [link] <label> @ref \\ ` = heading'
    pdf = render_document("T", "en", [Block("paragraph", tricky)])
    assert " ".join(text_of(pdf).split()) == tricky


def test_the_signature_page_is_appended_after_the_unchanged_pages() -> None:
    document = render_document("Договор", "ru", blocks_of("# Договор\n\nТекст"))
    facts = SignatureFacts("Сведения о подписании", "Простая ЭП", [("SHA-256", "ab" * 32)])
    signed = with_signature_page(document, "ru", facts)
    pages = PdfReader(io.BytesIO(signed)).pages
    assert len(pages) == len(PdfReader(io.BytesIO(document)).pages) + 1
    assert "Текст" in pages[0].extract_text()
    assert "ab" * 32 in pages[-1].extract_text()


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Договор № {contract.number}", level=1)
    document.add_paragraph("{employee.full_name} оказывает услуги.")
    document.add_heading("1. Оплата", level=2)
    document.add_paragraph("Ставка {contract.rate}.")
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def test_docx_headings_become_title_and_sections() -> None:
    text = text_of_upload("Шаблон.DOCX", _docx_bytes())
    assert blocks_of(text) == [
        Block("title", "Договор № {contract.number}"),
        Block("paragraph", "{employee.full_name} оказывает услуги."),
        Block("heading", "1. Оплата"),
        Block("paragraph", "Ставка {contract.rate}."),
    ]


def test_markdown_and_text_files_are_read_as_utf8() -> None:
    assert text_of_upload("t.md", "\ufeff# Договор".encode()) == "# Договор"
    assert text_of_upload("t.txt", b"plain") == "plain"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("t.docx", b"not a zip"),
        ("t.md", b"\xff\xfe\xfa"),
        ("t.pdf", b"%PDF-1.7"),
        ("t.md", b"x" * 1_000_001),
    ],
)
def test_unreadable_files_are_refused(name: str, data: bytes) -> None:
    with pytest.raises(UnreadableFile):
        text_of_upload(name, data)
