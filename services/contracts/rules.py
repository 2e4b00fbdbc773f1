"""Template fields and the document's text, pure: which `{fields}` a text uses, which of
them are unknown, filling them in, and the blocks (headings, paragraphs) a PDF is made of.
One-time codes are compared by their hash."""

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date

FIELD = re.compile(r"\{([a-z_]+(?:\.[a-z_]+)?)\}")

# Every field a template may use, in the order the contract wizard asks for the ones
# that need a person's answer.
KNOWN_FIELDS = (
    "employee.full_name",
    "contract.start",
    "contract.end",
    "contract.rate",
    "contract.service",
    "organization.name",
    "contract.number",
    "contract.date",
    "objects",
)
# Fields the wizard asks for (pre-filled where the profile or the terms know them).
ASKED_FIELDS = KNOWN_FIELDS[:5]
MAX_TEMPLATE_LENGTH = 20_000
MAX_NAME_LENGTH = 128
MAX_VALUE_LENGTH = 500
CODE_DIGITS = 6


def fields_of(body: str) -> list[str]:
    """The fields a text uses, each once, in order of first use."""
    seen: dict[str, None] = {}
    for match in FIELD.finditer(body):
        seen.setdefault(match.group(1), None)
    return list(seen)


def unknown_fields(body: str) -> list[str]:
    return [name for name in fields_of(body) if name not in KNOWN_FIELDS]


def asked_fields(body: str) -> list[str]:
    """The fields of this text the wizard asks for, in the wizard's order."""
    used = set(fields_of(body))
    return [name for name in ASKED_FIELDS if name in used]


def fill(body: str, values: dict[str, str]) -> str:
    """The text with every field replaced by its value ("—" where none is known)."""
    return FIELD.sub(lambda match: values.get(match.group(1)) or "—", body)


def document_date(value: date | None) -> str:
    """Dates in a document: day.month.year in every language, as contracts write them."""
    return value.strftime("%d.%m.%Y") if value is not None else "—"


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "heading" or "paragraph"
    text: str


def blocks_of(text: str) -> list[Block]:
    """A filled text as PDF blocks: `# ` starts the title, `## ` a heading, blank lines
    separate paragraphs, single line breaks are kept within one."""
    blocks: list[Block] = []
    lines: list[str] = []

    def close_paragraph() -> None:
        if lines:
            blocks.append(Block("paragraph", "\n".join(lines)))
            lines.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        if line.startswith("## "):
            close_paragraph()
            blocks.append(Block("heading", line[3:].strip()))
        elif line.startswith("# "):
            close_paragraph()
            blocks.append(Block("title", line[2:].strip()))
        elif not line.strip():
            close_paragraph()
        else:
            lines.append(line.strip())
    close_paragraph()
    return blocks


def code_hash(contract_id: int, code: str) -> str:
    """A code's stored form: bound to its contract, so a hash says nothing elsewhere."""
    return hashlib.sha256(f"{contract_id}:{code.strip()}".encode()).hexdigest()


def code_matches(contract_id: int, typed: str, stored_hash: str) -> bool:
    return hmac.compare_digest(code_hash(contract_id, typed), stored_hash)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
