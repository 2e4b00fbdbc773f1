"""Pure rules of the pay types: which contract version is in force on a day, and a
monthly salary's share of a pay period, prorated by the days of each calendar month the
contract covers (a day of a 28-day month weighs 1/28 of that month's salary, a day of a
31-day month 1/31)."""

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from services.payroll.rules import money
from services.platform.db.models import PayType


@dataclass(frozen=True)
class TermsVersion:
    effective_from: date
    pay_type: PayType
    monthly_salary: Decimal | None = None
    shift_bonus: Decimal | None = None
    period_bonus: Decimal | None = None


@dataclass(frozen=True)
class SalaryPart:
    """Consecutive covered days of one calendar month under one salary: `days` of the
    month's `days_in_month` × `monthly_salary` = `amount` (half up to kopecks)."""

    first_day: date
    last_day: date
    days: int
    days_in_month: int
    monthly_salary: Decimal
    amount: Decimal


def terms_on(versions: Sequence[TermsVersion], day: date) -> TermsVersion | None:
    """The version with the latest `effective_from` not after `day`."""
    in_force = [v for v in versions if v.effective_from <= day]
    return max(in_force, key=lambda v: v.effective_from) if in_force else None


def days_in_month(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def salary_parts(
    period_start: date,
    period_end: date,
    versions: Sequence[TermsVersion],
    covered_from: date | None,
    covered_until: date | None,
) -> list[SalaryPart]:
    """The salary owed for `period_start`…`period_end`: every day the contract covers
    (from `covered_from`, until `covered_until`, both included; None: open) on which a
    salary version is in force, grouped by month and salary, each group prorated by its
    month's length."""
    parts: list[SalaryPart] = []
    run: list[date] = []
    run_salary: Decimal | None = None

    def close_run() -> None:
        if run and run_salary is not None:
            length = days_in_month(run[0])
            parts.append(
                SalaryPart(
                    run[0],
                    run[-1],
                    len(run),
                    length,
                    run_salary,
                    money(run_salary * len(run) / length),
                )
            )

    day = period_start
    while day <= period_end:
        terms = terms_on(versions, day)
        covered = (covered_from is None or day >= covered_from) and (
            covered_until is None or day <= covered_until
        )
        salary = (
            terms.monthly_salary
            if covered and terms is not None and terms.pay_type == PayType.SALARY
            else None
        )
        continues = run and salary == run_salary and day.month == run[-1].month
        if not continues:
            close_run()
            run, run_salary = [], salary
        if salary is not None:
            run.append(day)
        day += timedelta(days=1)
    close_run()
    return parts
