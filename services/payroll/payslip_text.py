"""A payslip in words, one place for the chat and the Mini App: every ledger line as a
sentence (what, when, where, how much and why) and the totals as formatted amounts in
the reader's language."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from services.payroll.payslips import PayslipLine, PayslipView
from services.payroll.rules import hours_of
from services.platform.db.models import LedgerEntryType
from services.platform.i18n import Translator


def signed_money(i18n: Translator, amount: Decimal, currency: str) -> str:
    """Money with an explicit "+" for amounts added to the pay."""
    text = i18n.money(amount, currency)
    return f"+{text}" if amount > 0 else text


def _local_time(i18n: Translator, line: PayslipLine, iso_instant: str) -> str:
    return i18n.hour_minute(datetime.fromisoformat(iso_instant).astimezone(ZoneInfo(line.timezone)))


def _explained(i18n: Translator, line: PayslipLine, currency: str) -> tuple[str, dict[str, Any]]:
    """The message key of a line and the facts it shows: a shift's local start–end, a late
    fine's grace and rate, when the entry kept them (`details`); the plain line else."""
    details = line.details or {}
    if line.type == LedgerEntryType.SHIFT_PAY and "opened_at" in details:
        return "payroll-line-shift_pay-times", {
            "start": _local_time(i18n, line, details["opened_at"]),
            "end": _local_time(i18n, line, details["closed_at"]),
        }
    if line.type == LedgerEntryType.LATE_FINE and "grace_minutes" in details:
        late, grace = abs(line.minutes or 0), int(details["grace_minutes"])
        return "payroll-line-late_fine-rule", {
            "grace": grace,
            "fined": max(0, late - grace),
            "per_minute": i18n.money(Decimal(details["fine_per_minute"]), currency),
        }
    if line.type == LedgerEntryType.SALARY and "monthly_salary" in details:
        return "payroll-line-salary-share", {
            "salary": i18n.money(Decimal(details["monthly_salary"]), currency),
            "days": int(details["days"]),
            "month_days": int(details["days_in_month"]),
            "first": i18n.short_day(date.fromisoformat(details["first_day"])),
            "last": i18n.short_day(date.fromisoformat(details["last_day"])),
        }
    return f"payroll-line-{line.type}", {}


def _marks(i18n: Translator, line: PayslipLine) -> list[str]:
    """What happened to a shift that its pay line should say: closed automatically, an
    early arrival not paid, corrected by whom and why."""
    details = line.details or {}
    if line.type != LedgerEntryType.SHIFT_PAY:
        return []
    marks = []
    if details.get("auto_closed") and not line.needs_review:
        marks.append(i18n.get("payroll-mark-auto-closed"))
    if "early_unpaid_minutes" in details:
        marks.append(
            i18n.get("payroll-mark-early-unpaid", minutes=int(details["early_unpaid_minutes"]))
        )
    if "corrected_by" in details:
        key = (
            "payroll-mark-corrected"
            if details.get("correction_reason")
            else ("payroll-mark-corrected-no-reason")
        )
        marks.append(
            i18n.get(key, name=details["corrected_by"], reason=details.get("correction_reason", ""))
        )
    return marks


def line_text(i18n: Translator, line: PayslipLine, currency: str) -> str:
    """One ledger line in words, with the facts to redo its sum by hand; a reversal, an
    entry for a closed period and the pay of an auto-closed shift that needs review say
    so."""
    method = i18n.get(f"payroll-method-{line.payout_method}") if line.payout_method else ""
    multiplier = Decimal(line.details.get("multiplier", "1"))
    key, facts = _explained(i18n, line, currency)
    text = i18n.get(
        key,
        date=i18n.short_day(line.work_date),
        object=line.object_name,
        minutes=abs(line.minutes) if line.minutes is not None else 0,
        rate=i18n.money(line.hourly_rate, currency) if line.hourly_rate is not None else "",
        amount=signed_money(i18n, line.amount, currency),
        reason=line.reason,
        method=method,
        multiplier=i18n.number(multiplier),
        extra=i18n.number(multiplier - 1),
        **facts,
    )
    if "unpaid_break_minutes" in line.details:
        text = i18n.get(
            "payroll-line-without-breaks",
            line=text,
            breaks=line.details["unpaid_break_minutes"],
            recorded=line.details["break_minutes"],
        )
    text = " · ".join([text, *_marks(i18n, line)])
    if line.is_reversal:
        text = i18n.get("payroll-line-reversal", line=text)
    if line.late_for_closed_period:
        text = i18n.get("payroll-line-late", line=text)
    if line.needs_review:
        text = i18n.get("payroll-line-needs-review", line=text)
    return text


def payslip_figures(i18n: Translator, view: PayslipView) -> dict[str, str]:
    """Hours and the six totals, formatted: fines shown negative, bonuses with "+"."""
    totals, currency = view.totals, view.currency
    return {
        "hours": i18n.number(hours_of(totals.minutes)),
        "gross": i18n.money(totals.gross, currency),
        "fines": signed_money(i18n, -totals.fines, currency),
        "bonuses": signed_money(i18n, totals.bonuses, currency),
        "net": i18n.money(totals.net, currency),
        "paid": i18n.money(totals.paid, currency),
        "balance": i18n.money(totals.balance, currency),
    }
