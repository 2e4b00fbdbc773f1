"""Pure rules of attendance: the state of a planned shift on the "Today" board."""

from datetime import datetime, timedelta
from enum import StrEnum


class TodayState(StrEnum):
    NOT_STARTED = "not_started"
    NOT_IN_YET = "not_in_yet"
    ON_SHIFT = "on_shift"
    FINISHED = "finished"
    NO_SHOW = "no_show"


def today_state(
    *,
    now: datetime,
    starts_at: datetime,
    ends_at: datetime,
    grace_minutes: int,
    opened_at: datetime | None,
    closed_at: datetime | None,
    marked_absent: bool,
) -> TodayState:
    """What a planned shift is at `now` (all instants aware, compared in UTC, so the
    object's timezone cannot shift it): worked → on shift or finished; else marked
    absent or past its end → no-show; past start + the object's grace → not in yet
    (still expected: a shift that is still running is never a no-show); else not started."""
    if opened_at is not None:
        return TodayState.FINISHED if closed_at is not None else TodayState.ON_SHIFT
    if marked_absent or now >= ends_at:
        return TodayState.NO_SHOW
    if now >= starts_at + timedelta(minutes=grace_minutes):
        return TodayState.NOT_IN_YET
    return TodayState.NOT_STARTED
