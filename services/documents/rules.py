"""Pure rules of employee documents: expiry states, the reminder days and retention."""

from datetime import date, timedelta
from enum import StrEnum

# The kinds an owner is offered: (locale key of the title, has an expiry date).
DEFAULT_KINDS: tuple[tuple[str, bool], ...] = (
    ("documents-default-passport", False),
    ("documents-default-medical-book", True),
    ("documents-default-inn", False),
)
REMIND_DAYS_BEFORE = (30, 7)
DEFAULT_RETENTION_DAYS = 90
MIN_RETENTION_DAYS = 1
MAX_RETENTION_DAYS = 3650
MAX_TITLE_LENGTH = 128
MAX_REASON_LENGTH = 500
MAX_FILES = 5


class ExpiryState(StrEnum):
    NO_EXPIRY = "no_expiry"
    VALID = "valid"
    EXPIRING = "expiring"  # within the first reminder's days
    EXPIRED = "expired"


def expiry_state(expires_on: date | None, today: date) -> ExpiryState:
    """A document is valid through its expiry date and expired the day after."""
    if expires_on is None:
        return ExpiryState.NO_EXPIRY
    if expires_on < today:
        return ExpiryState.EXPIRED
    if (expires_on - today).days <= max(REMIND_DAYS_BEFORE):
        return ExpiryState.EXPIRING
    return ExpiryState.VALID


def reminder_due(expires_on: date, today: date) -> int | None:
    """The reminder's day count when one is due today (30 or 7 days before), else None."""
    days_left = (expires_on - today).days
    return days_left if days_left in REMIND_DAYS_BEFORE else None


def blocks_on(expires_on: date | None, on_date: date) -> bool:
    """An approved document with this expiry date no longer covers a shift on `on_date`."""
    return expires_on is not None and expires_on < on_date


def purge_due(ended_on: date | None, retention_days: int, today: date) -> bool:
    """A dismissed employee's documents go once `retention_days` have passed since the
    last day of work (a membership ended without a date is kept: nothing to count from)."""
    return ended_on is not None and today >= ended_on + timedelta(days=retention_days)
