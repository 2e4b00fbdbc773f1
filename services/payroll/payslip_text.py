"""A payslip in words, one place for the chat and the Mini App: every ledger line as a
sentence (what, when, where, how much and why) and the totals as formatted amounts in
the reader's language."""

from decimal import Decimal

from services.payroll.payslips import PayslipLine, PayslipView
from services.payroll.rules import hours_of
from services.platform.i18n import Translator


def signed_money(i18n: Translator, amount: Decimal, currency: str) -> str:
    """Money with an explicit "+" for amounts added to the pay."""
    text = i18n.money(amount, currency)
    return f"+{text}" if amount > 0 else text


def line_text(i18n: Translator, line: PayslipLine, currency: str) -> str:
    """One ledger line in words; a reversal, an entry for a closed period and the pay of
    an auto-closed shift that needs review say so."""
    method = i18n.get(f"payroll-method-{line.payout_method}") if line.payout_method else ""
    multiplier = Decimal(line.details.get("multiplier", "1"))
    text = i18n.get(
        f"payroll-line-{line.type}",
        date=i18n.short_day(line.work_date),
        object=line.object_name,
        minutes=abs(line.minutes) if line.minutes is not None else 0,
        rate=i18n.money(line.hourly_rate, currency) if line.hourly_rate is not None else "",
        amount=signed_money(i18n, line.amount, currency),
        reason=line.reason,
        method=method,
        multiplier=i18n.number(multiplier),
        extra=i18n.number(multiplier - 1),
    )
    if "unpaid_break_minutes" in line.details:
        text = i18n.get(
            "payroll-line-without-breaks",
            line=text,
            breaks=line.details["unpaid_break_minutes"],
            recorded=line.details["break_minutes"],
        )
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
