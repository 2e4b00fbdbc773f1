"""Report periods: a span of local dates of the organization's timezone, named ("today",
"last week", …, computed from the clock's local today) or a custom range of at most a year."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from services.platform.errors import InvalidInput

MAX_PERIOD_DAYS = 366


class PeriodKind(StrEnum):
    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "this_week"
    LAST_WEEK = "last_week"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    CUSTOM = "custom"


@dataclass(frozen=True)
class ReportPeriod:
    kind: PeriodKind
    start: date
    end: date  # included

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    @property
    def key(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def period_of(
    kind: PeriodKind, today: date, start: date | None = None, end: date | None = None
) -> ReportPeriod:
    """The span of local dates of a period; weeks run Monday to Sunday. A custom range
    needs both ends, in order, at most a year long."""
    if kind == PeriodKind.TODAY:
        return ReportPeriod(kind, today, today)
    if kind == PeriodKind.YESTERDAY:
        yesterday = today - timedelta(days=1)
        return ReportPeriod(kind, yesterday, yesterday)
    if kind in (PeriodKind.THIS_WEEK, PeriodKind.LAST_WEEK):
        monday = today - timedelta(days=today.weekday())
        if kind == PeriodKind.LAST_WEEK:
            monday -= timedelta(days=7)
        return ReportPeriod(kind, monday, monday + timedelta(days=6))
    if kind == PeriodKind.THIS_MONTH:
        first = today.replace(day=1)
        return ReportPeriod(kind, first, _month_end(first))
    if kind == PeriodKind.LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return ReportPeriod(kind, last.replace(day=1), last)
    if start is None or end is None:
        raise InvalidInput(field="period", reason="period-incomplete")
    if end < start:
        raise InvalidInput(field="period", reason="period-reversed")
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise InvalidInput(field="period", reason="period-too-long")
    return ReportPeriod(kind, start, end)


def _month_end(first: date) -> date:
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
