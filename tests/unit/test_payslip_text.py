"""Payslip lines that explain themselves, with hand-worked figures in both languages: a
late fine shows its grace and rate, a shift its local times and what happened to it; an
entry written before the facts were kept reads as it always did."""

from datetime import date
from decimal import Decimal

import pytest

from services.payroll.payslip_text import line_text
from services.payroll.payslips import PayslipLine
from services.platform.db.models import LedgerEntryType
from services.platform.i18n import Translator

MON = date(2026, 3, 2)


def line(kind: LedgerEntryType, amount: str, minutes: int, **fields) -> PayslipLine:
    return PayslipLine(
        entry_id=1,
        type=kind,
        work_date=MON,
        object_name="Мира",
        minutes=minutes,
        hourly_rate=fields.pop("hourly_rate", None),
        amount=Decimal(amount),
        reason="",
        payout_method=None,
        is_reversal=False,
        late_for_closed_period=False,
        timezone="Europe/Moscow",
        **fields,
    )


# 17 min late, 5 min of grace, 10.00 a minute: (17 − 5) × 10.00 = 120.00.
LATE = line(
    LedgerEntryType.LATE_FINE,
    "-120.00",
    17,
    details={"grace_minutes": "5", "fine_per_minute": "10.00"},
)
# 06:40–15:00 Moscow (03:40–12:00 UTC), paid from the planned 07:00: 480 min × 350.00 / 60
# = 2 800.00; the 20 early minutes are not paid; corrected by Olga.
SHIFT = line(
    LedgerEntryType.SHIFT_PAY,
    "2800.00",
    480,
    hourly_rate=Decimal("350.00"),
    details={
        "opened_at": "2026-03-02T03:40:00+00:00",
        "closed_at": "2026-03-02T12:00:00+00:00",
        "early_unpaid_minutes": "20",
        "auto_closed": "yes",
        "corrected_by": "Olga",
        "correction_reason": "left at 15:00",
    },
)
OLD_LATE = line(LedgerEntryType.LATE_FINE, "-120.00", 17)

EXPECTED = {
    "ru": [
        (
            LATE,
            "⏰ пн, 2 мар. · Мира: опоздание 17 мин − 5 мин льготы = 12 мин × 10,00\xa0₽/мин"
            " = -120,00\xa0₽",
        ),
        (
            SHIFT,
            "🕘 пн, 2 мар. · Мира, 06:40–15:00: 480 мин × 350,00\xa0₽/ч = +2\xa0800,00\xa0₽"
            " · закрыта автоматически · ранний приход 20 мин не оплачивается"
            " · исправил(а) Olga: left at 15:00",
        ),
        (OLD_LATE, "⏰ пн, 2 мар. · Мира: опоздание 17 мин → -120,00\xa0₽"),
    ],
    "en": [
        (
            LATE,
            "⏰ Mon, 2 Mar · Мира: 17 min late − 5 min grace = 12 min × ₽10.00/min = -₽120.00",
        ),
        (
            SHIFT,
            "🕘 Mon, 2 Mar · Мира, 06:40–15:00: 480 min × ₽350.00/h = +₽2,800.00"
            " · ended automatically · early arrival of 20 min not paid"
            " · corrected by Olga: left at 15:00",
        ),
        (OLD_LATE, "⏰ Mon, 2 Mar · Мира: 17 min late → -₽120.00"),
    ],
}


@pytest.mark.parametrize(
    ("language", "payslip_line", "text"),
    [(language, *case) for language, cases in EXPECTED.items() for case in cases],
)
def test_a_payslip_line_shows_how_its_amount_was_worked_out(
    language: str, payslip_line: PayslipLine, text: str
) -> None:
    assert line_text(Translator(language), payslip_line, "RUB") == text


def test_a_pound_organization_reads_pounds_on_the_fine() -> None:
    assert line_text(Translator("en"), LATE, "GBP").endswith("× £10.00/min = -£120.00")
