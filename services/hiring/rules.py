"""Pure rules of hiring: its deep-link payloads and windows, what a candidate may type,
and the pipeline's counts."""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.platform.db.models import ApplicationStatus
from services.platform.errors import InvalidInput

VACANCY_PAYLOAD_PREFIX = "job_"
APPLICATION_PAYLOAD_PREFIX = "app_"
MY_APPLICATION_PAYLOAD_PREFIX = "myapp_"
CODE_BYTES = 12  # 96 bits: unguessable, and fits Telegram's 64-character start payload

INTERVIEW_REMINDER_BEFORE = timedelta(hours=2)
UNTOUCHED_AFTER = timedelta(hours=48)
# Opened vacancy links per candidate per window, past which the link is refused.
MAX_VACANCY_OPENS = 20
VACANCY_OPENS_WINDOW = timedelta(hours=1)

MAX_SHORT_TEXT = 128
MAX_LONG_TEXT = 500
_PHONE = re.compile(r"\+?\d{10,15}")

# Rejection reasons offered as templates; the first is the default (polite).
REJECTION_TEMPLATES = ("polite", "filled", "schedule")


def clean_text(raw: str | None, *, field: str, limit: int = MAX_SHORT_TEXT) -> str:
    """Typed text, its whitespace collapsed: not empty, at most `limit` characters."""
    text = " ".join((raw or "").split())
    if not text:
        raise InvalidInput(field=field, reason="empty")
    if len(text) > limit:
        raise InvalidInput(field=field, reason="too-long", limit=limit)
    return text


def clean_phone(raw: str | None) -> str:
    """A phone number as shared by the contact button or typed ("+7 900 123-45-67"):
    10 to 15 digits, an optional leading plus kept."""
    text = (raw or "").strip()
    digits = re.sub(r"[\s()\-.]", "", text)
    if not _PHONE.fullmatch(digits):
        raise InvalidInput(field="phone", reason="phone-format")
    return digits if digits.startswith("+") else f"+{digits}"


@dataclass(frozen=True)
class Pipeline:
    """One object's applications by stage, and how long the oldest untouched one waits."""

    new: int
    interview: int
    hired: int
    rejected: int
    oldest_untouched_hours: int | None


def pipeline_of(
    applications: list[tuple[ApplicationStatus, datetime, datetime | None]], now: datetime
) -> Pipeline:
    """`applications` as (status, created_at, touched_at); withdrawn ones are not counted."""
    counts = Counter(status for status, _, _ in applications)
    untouched = [
        created
        for status, created, touched in applications
        if status == ApplicationStatus.NEW and touched is None
    ]
    oldest = int((now - min(untouched)).total_seconds() // 3600) if untouched else None
    return Pipeline(
        new=counts[ApplicationStatus.NEW],
        interview=counts[ApplicationStatus.INTERVIEW],
        hired=counts[ApplicationStatus.HIRED],
        rejected=counts[ApplicationStatus.REJECTED],
        oldest_untouched_hours=oldest,
    )
