"""A template text sent as a file: .md and .txt as UTF-8 text, .docx through python-docx
(headings become `#`/`##` lines, other paragraphs stay as they are; formatting is not
kept, since the PDF has its own)."""

import io
import zipfile

from services.contracts.errors import UnreadableFile

MAX_UPLOAD_BYTES = 1_000_000
TEXT_SUFFIXES = (".md", ".txt")


def _docx_text(data: bytes) -> str:
    import docx  # loaded by the first .docx: python-docx (and lxml) cost a process ~5 MiB

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableFile() from error
    lines = []
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style in ("Title", "Heading 1"):
            lines.append("# " + paragraph.text)
        elif style.startswith("Heading"):
            lines.append("## " + paragraph.text)
        else:
            lines.append(paragraph.text)
    return "\n\n".join(lines)


def text_of_upload(file_name: str, data: bytes) -> str:
    name = file_name.lower()
    if len(data) > MAX_UPLOAD_BYTES:
        raise UnreadableFile()
    if name.endswith(".docx"):
        return _docx_text(data)
    if name.endswith(TEXT_SUFFIXES):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableFile() from error
    raise UnreadableFile()
