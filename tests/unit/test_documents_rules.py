"""Employee documents' pure rules: expiry states, the reminder days, what blocks booking
and when a dismissed employee's documents are due for deletion."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from services.documents.rules import (
    ExpiryState,
    blocks_on,
    expiry_state,
    purge_due,
    reminder_due,
)

TODAY = date(2026, 3, 2)
days = st.integers(min_value=-400, max_value=400)


def test_a_document_is_valid_through_its_last_day_and_expired_the_day_after() -> None:
    assert expiry_state(TODAY, TODAY) == ExpiryState.EXPIRING
    assert expiry_state(TODAY - timedelta(days=1), TODAY) == ExpiryState.EXPIRED
    assert expiry_state(TODAY + timedelta(days=30), TODAY) == ExpiryState.EXPIRING
    assert expiry_state(TODAY + timedelta(days=31), TODAY) == ExpiryState.VALID
    assert expiry_state(None, TODAY) == ExpiryState.NO_EXPIRY


@given(days)
def test_reminders_come_exactly_30_and_7_days_before(offset: int) -> None:
    due = reminder_due(TODAY + timedelta(days=offset), TODAY)
    assert due == (offset if offset in (30, 7) else None)


@given(days)
def test_an_expired_document_blocks_shifts_after_its_last_day_only(offset: int) -> None:
    expires_on = TODAY + timedelta(days=offset)
    assert blocks_on(expires_on, TODAY) == (offset < 0)
    assert not blocks_on(None, TODAY)


@given(st.integers(min_value=1, max_value=3650), st.integers(min_value=0, max_value=4000))
def test_documents_go_once_the_retention_period_has_passed(retention: int, waited: int) -> None:
    ended_on = date(2026, 1, 10)
    assert purge_due(ended_on, retention, ended_on + timedelta(days=waited)) == (
        waited >= retention
    )


def test_a_membership_ended_without_a_date_is_never_purged() -> None:
    assert not purge_due(None, 1, TODAY)
