"""Pure rules of planning (no I/O): what a slot's times and capacity may be, how a
comment is cleaned, and when a cancellation is short notice and fined."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from services.platform.errors import InvalidInput

MAX_EMPLOYEES_PER_SLOT = 50
MAX_COMMENT_LENGTH = 500


def require_distinct_times(start: time, end: time) -> None:
    """A slot needs a length: the same start and end is refused (an end before the start
    is on the next day)."""
    if start == end:
        raise InvalidInput(field="time", reason="same-times")


def require_capacity(max_employees: int) -> None:
    if not 1 <= max_employees <= MAX_EMPLOYEES_PER_SLOT:
        raise InvalidInput(field="max_employees", reason="capacity", limit=MAX_EMPLOYEES_PER_SLOT)


def clean_comment(comment: str) -> str:
    """An optional comment with its whitespace runs collapsed; too long is refused."""
    text = " ".join((comment or "").split())
    if len(text) > MAX_COMMENT_LENGTH:
        raise InvalidInput(field="comment", reason="too-long", limit=MAX_COMMENT_LENGTH)
    return text


@dataclass(frozen=True)
class FineTerms:
    """What cancelling a planned shift now would cost."""

    short_notice: bool
    fine: Decimal | None
    short_notice_hours: int


def fine_terms(
    starts_at: datetime, now: datetime, *, short_notice_hours: int, cancellation_fine: Decimal
) -> FineTerms:
    """Less than `short_notice_hours` before the start is short notice; short notice costs
    the organization's cancellation fine, when it has one."""
    short_notice = starts_at - now < timedelta(hours=short_notice_hours)
    return FineTerms(
        short_notice=short_notice,
        fine=cancellation_fine if short_notice and cancellation_fine > 0 else None,
        short_notice_hours=short_notice_hours,
    )
