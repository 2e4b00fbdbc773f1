"""Pure rules of the shift exchange (no I/O): when a give-away or a swap closes and the
weekly hours cap."""

from datetime import datetime, timedelta

EXCHANGE_DEADLINE_HOURS = 2
# Give-aways and swaps close this long before the shift starts, so that the planners
# still see who works it.
EXCHANGE_DEADLINE = timedelta(hours=EXCHANGE_DEADLINE_HOURS)


def offer_deadline(starts_at: datetime) -> datetime:
    """A give-away can be taken until this moment."""
    return starts_at - EXCHANGE_DEADLINE


def swap_deadline(first_starts_at: datetime, second_starts_at: datetime) -> datetime:
    """A swap closes at the deadline of the earlier of its two shifts."""
    return min(first_starts_at, second_starts_at) - EXCHANGE_DEADLINE


def over_weekly_cap(planned: timedelta, added: timedelta, cap_hours: int) -> bool:
    """Whether `added` on top of the week's `planned` time goes past the cap (reaching it
    exactly is allowed)."""
    return planned + added > timedelta(hours=cap_hours)
