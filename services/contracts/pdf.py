"""PDF of a contract, rendered by Typst (a Rust typesetter in the `typst` wheel, with its
own embedded fonts, so Cyrillic renders the same on every machine without system fonts
or network). The text goes in as data (`sys.inputs`), never as Typst markup, so nothing a
template author types can run as code. The signed copy is the document's own pages plus
a last page of signature facts, joined with `pypdf`."""

import io
import json
from dataclasses import dataclass

from services.contracts.rules import Block

_LAYOUT = b"""
#let doc = json(bytes(sys.inputs.doc))
#set document(title: doc.title)
#set page(paper: "a4", margin: 2cm)
#set text(font: "Libertinus Serif", size: 11pt, lang: doc.lang)
#set par(justify: true)
#for block in doc.blocks {
  if block.kind == "title" {
    align(center, text(size: 14pt, weight: "bold", block.text))
  } else if block.kind == "heading" {
    v(0.4em)
    text(weight: "bold", block.text)
    parbreak()
  } else if block.kind == "facts" {
    table(columns: (auto, 1fr), stroke: 0.5pt, inset: 6pt, ..block.rows.flatten())
  } else {
    for line in block.text.split("\\n") { line; linebreak() }
    parbreak()
  }
}
"""


def _compile(title: str, language: str, blocks: list[dict[str, object]]) -> bytes:
    # Loaded by the first PDF, as pypdf below: together they cost a process ~20 MiB.
    import typst

    doc = json.dumps({"title": title, "lang": language, "blocks": blocks}, ensure_ascii=False)
    pdf = typst.compile(_LAYOUT, sys_inputs={"doc": doc}, ignore_system_fonts=True)
    assert isinstance(pdf, bytes)
    return pdf


def render_document(title: str, language: str, blocks: list[Block]) -> bytes:
    return _compile(title, language, [{"kind": block.kind, "text": block.text} for block in blocks])


@dataclass(frozen=True)
class SignatureFacts:
    """What the last page of a signed copy states, already in the reader's words."""

    heading: str
    note: str
    rows: list[tuple[str, str]]


def with_signature_page(document: bytes, language: str, facts: SignatureFacts) -> bytes:
    """The document's pages unchanged, then one page with the signature facts."""
    from pypdf import PdfReader, PdfWriter

    page = _compile(
        facts.heading,
        language,
        [
            {"kind": "title", "text": facts.heading},
            {"kind": "facts", "rows": [list(row) for row in facts.rows]},
            {"kind": "paragraph", "text": facts.note},
        ],
    )
    writer = PdfWriter()
    for source in (document, page):
        writer.append(PdfReader(io.BytesIO(source)))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def text_of(pdf: bytes) -> str:
    """The text of every page, for previews in chat and for tests."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
