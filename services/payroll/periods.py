"""Pay period arithmetic, pure: which span of local dates a date falls in for each kind of
period, and the organization's local date of an instant. Dates are local dates of the
organization's timezone; instants are aware UTC datetimes."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from services.platform.db.models import PayPeriodKind

DEFAULT_ANCHOR = date(2024, 1, 1)  # a Monday: weekly periods run Monday to Sunday
DEFAULT_PAY_DAY_OFFSET = 3
MAX_PAY_DAY_OFFSET = 31


@dataclass(frozen=True)
class PeriodSpan:
    start: date
    end: date  # included

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def _last_day_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def period_span(kind: PayPeriodKind, anchor: date, day: date) -> PeriodSpan:
    """The period of `kind` that contains `day`. Weekly and biweekly periods repeat every
    7 or 14 days from `anchor` (forwards and backwards); semi-monthly ones are the
    1st–15th and the 16th–last day of the month; monthly ones are calendar months."""
    if kind in (PayPeriodKind.WEEKLY, PayPeriodKind.BIWEEKLY):
        length = 7 if kind == PayPeriodKind.WEEKLY else 14
        start = anchor + timedelta(days=((day - anchor).days // length) * length)
        return PeriodSpan(start, start + timedelta(days=length - 1))
    if kind == PayPeriodKind.SEMI_MONTHLY:
        if day.day <= 15:
            return PeriodSpan(day.replace(day=1), day.replace(day=15))
        return PeriodSpan(day.replace(day=16), _last_day_of_month(day))
    return PeriodSpan(day.replace(day=1), _last_day_of_month(day))


def pay_day_of(end: date, offset_days: int) -> date:
    return end + timedelta(days=offset_days)
