"""What people type, checked once: texts, whole numbers, money, hours and timezones.

Every refusal is an `InvalidInput` with a `reason` (locale key
`error-invalid-input-<reason>`) and the limits as variables, so the user learns what to
type instead: a number's refusal names what it counts (metres, minutes, days, roubles
with kopecks) and its range, whatever was wrong with it. Texts are kept verbatim
(HTML-like text included); escaping is the job of whoever renders them.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import time
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from zoneinfo import available_timezones

from services.platform.errors import InvalidInput

MAX_NAME_LENGTH = 128
MAX_ADDRESS_LENGTH = 512
MAX_MONEY = Decimal("1000000.00")


class Quantity(StrEnum):
    """What a whole number counts; each has its hint (`error-invalid-input-whole-<value>`)."""

    METRES = "metres"
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    COUNT = "count"
    PERCENT = "percent"


_HOURS_PATTERN = re.compile(
    r"^\s*(?P<start_hour>\d{1,2})(?::(?P<start_minute>\d{2}))?\s*[-–—]\s*"
    r"(?P<end_hour>\d{1,2})(?::(?P<end_minute>\d{2}))?\s*$"
)


def clean_text(raw: str | None, *, field: str, max_length: int) -> str:
    """Text as a person typed it: control characters dropped, whitespace runs collapsed,
    trimmed; refused when nothing is left or when it is longer than `max_length`."""
    printable = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in raw or ""
    )
    text = " ".join(printable.split())
    if not text:
        raise InvalidInput(field=field, reason="empty")
    if len(text) > max_length:
        raise InvalidInput(field=field, reason="too-long", limit=max_length)
    return text


def clean_name(raw: str | None, *, field: str = "name") -> str:
    return clean_text(raw, field=field, max_length=MAX_NAME_LENGTH)


def _number_text(raw: str | None) -> str:
    return (raw or "").strip().replace(" ", "").replace("\u00a0", "")


def require_in_range(
    value: int | None, *, field: str, quantity: Quantity, minimum: int, maximum: int
) -> int:
    """`value` when it is within [minimum, maximum]; anything else (None: not a whole
    number at all) is refused with the quantity and the range."""
    if value is None or not minimum <= value <= maximum:
        raise InvalidInput(
            field=field, reason=f"whole-{quantity}", minimum=minimum, maximum=maximum
        )
    return value


def parse_whole_number(
    raw: str | None, *, field: str, quantity: Quantity, minimum: int, maximum: int
) -> int:
    """A whole number of `quantity` within [minimum, maximum]."""
    text = _number_text(raw)
    value = int(text) if re.fullmatch(r"[+-]?\d{1,32}", text) else None
    return require_in_range(value, field=field, quantity=quantity, minimum=minimum, maximum=maximum)


@dataclass(frozen=True)
class WholeNumberField:
    """A setting typed as a whole number of `quantity` within [minimum, maximum]."""

    name: str
    quantity: Quantity
    minimum: int
    maximum: int

    def parse(self, raw: str | None) -> int:
        return parse_whole_number(
            raw,
            field=self.name,
            quantity=self.quantity,
            minimum=self.minimum,
            maximum=self.maximum,
        )


def parse_money(raw: str | None, *, field: str, maximum: Decimal = MAX_MONEY) -> Decimal:
    """An amount in the organization's currency: not negative, at most two decimals
    (comma or dot), not absurdly large; refused with the maximum."""
    text = _number_text(raw).replace(",", ".")
    if not re.fullmatch(r"\+?\d{1,32}(\.\d{1,32})?", text):
        raise InvalidInput(field=field, reason="money", maximum=maximum)
    value = Decimal(text)
    if value > maximum:
        raise InvalidInput(field=field, reason="money", maximum=maximum)
    if value != value.quantize(Decimal("0.01")):
        raise InvalidInput(field=field, reason="too-precise")
    return value.quantize(Decimal("0.01"))


@lru_cache
def _known_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def validate_timezone(name: str | None) -> str:
    """An IANA timezone name known to this system (e.g. `Europe/Moscow`)."""
    candidate = (name or "").strip()
    if candidate not in _known_timezones():
        raise InvalidInput(field="timezone", reason="unknown")
    return candidate


def parse_opening_hours(raw: str | None) -> tuple[str, str]:
    """Opening hours of one day as (`HH:MM`, `HH:MM`) from text like `9-21` or
    `09:00–21:30`. An end before the start means the place closes after midnight;
    `24:00` is allowed as an end."""
    text = (raw or "").strip()
    if not text:
        raise InvalidInput(field="hours", reason="empty")
    match = _HOURS_PATTERN.match(text[:64])
    if match is None:
        raise InvalidInput(field="hours", reason="bad-hours")
    start = (int(match["start_hour"]), int(match["start_minute"] or 0))
    end = (int(match["end_hour"]), int(match["end_minute"] or 0))
    if not _is_clock_time(start) or not (_is_clock_time(end) or end == (24, 0)):
        raise InvalidInput(field="hours", reason="bad-hours")
    if start == end:
        raise InvalidInput(field="hours", reason="bad-hours")
    return f"{start[0]:02d}:{start[1]:02d}", f"{end[0]:02d}:{end[1]:02d}"


def parse_shift_times(raw: str | None) -> tuple[time, time]:
    """Start and end of a shift as wall-clock times, typed like opening hours
    (`07:00-15:30`, `22-6`); `24:00` as an end is midnight."""
    start, end = parse_opening_hours(raw)
    return time.fromisoformat(start), time.fromisoformat("00:00" if end == "24:00" else end)


_TIMES_THEN_NOTE = re.compile(r"^\s*(?P<times>[\d:]+\s*[-–—]\s*[\d:]+)(?:\s+(?P<note>.*))?$", re.S)


def parse_shift_times_and_note(raw: str | None) -> tuple[time, time, str]:
    """`parse_shift_times`, and what follows the times as a note (`07:00-11:30 forgot to
    clock out`); the note may be empty."""
    match = _TIMES_THEN_NOTE.match(raw or "")
    if match is None:
        return (*parse_shift_times(raw), "")
    start, end = parse_shift_times(match["times"])
    note = " ".join((match["note"] or "").split())
    return start, end, clean_text(note, field="reason", max_length=200) if note else ""


def _is_clock_time(hour_minute: tuple[int, int]) -> bool:
    hour, minute = hour_minute
    return 0 <= hour <= 23 and 0 <= minute <= 59
