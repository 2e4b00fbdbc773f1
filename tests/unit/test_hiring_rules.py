"""The pure rules of hiring: phones and texts a candidate types, the pipeline's counts
and the age of its oldest untouched application."""

from datetime import UTC, datetime, timedelta

import pytest

from services.hiring.rules import clean_phone, clean_text, pipeline_of
from services.platform.db.models import ApplicationStatus
from services.platform.errors import InvalidInput

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "phone"),
    [
        ("+7 900 123-45-67", "+79001234567"),
        ("79001234567", "+79001234567"),
        ("+7 (900) 123.45.67", "+79001234567"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_phones_are_kept_as_digits_with_a_plus(typed: str, phone: str) -> None:
    assert clean_phone(typed) == phone


@pytest.mark.parametrize("typed", ["", "12345", "call me", "+7 900 abc 45 67", "1" * 16])
def test_what_is_no_phone_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput):
        clean_phone(typed)


def test_texts_are_trimmed_and_limited() -> None:
    assert clean_text("  два   года ", field="experience") == "два года"
    with pytest.raises(InvalidInput):
        clean_text("   ", field="experience")
    with pytest.raises(InvalidInput):
        clean_text("x" * 129, field="name")


def test_the_pipeline_counts_stages_and_the_oldest_untouched_wait() -> None:
    applications = [
        (ApplicationStatus.NEW, NOW - timedelta(hours=50), None),
        (ApplicationStatus.NEW, NOW - timedelta(hours=70), NOW - timedelta(hours=60)),
        (ApplicationStatus.NEW, NOW - timedelta(hours=3), None),
        (ApplicationStatus.INTERVIEW, NOW - timedelta(hours=90), NOW),
        (ApplicationStatus.HIRED, NOW - timedelta(days=9), NOW),
        (ApplicationStatus.REJECTED, NOW - timedelta(days=9), NOW),
    ]
    pipeline = pipeline_of(applications, NOW)
    assert (pipeline.new, pipeline.interview, pipeline.hired, pipeline.rejected) == (3, 1, 1, 1)
    assert pipeline.oldest_untouched_hours == 50
    assert pipeline_of([], NOW).oldest_untouched_hours is None
