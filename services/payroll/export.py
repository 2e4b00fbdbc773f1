"""The period as an Excel workbook: a summary sheet (one row per worker, with totals)
and a detail sheet (every entry). The entries are read as plain columns in batches and
the file is written in a thread, so a month of 30,000 entries does not hold up the other
users of the process."""

import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.access import money_membership_scope
from services.payroll.payslips import PayslipTotals, period_totals
from services.payroll.periods import period_by_id
from services.payroll.rules import hours_of
from services.platform.db.models import LedgerEntry, LedgerEntryType, Permission, User, WorkObject
from services.platform.db.models.users import display_name_of
from services.platform.i18n import Translator
from services.platform.xlsx import (
    DATE_FORMAT,
    HOURS_FORMAT,
    MONEY_FORMAT,
    Column,
    Sheet,
    totals_of,
    workbook_bytes,
)
from services.staff.permissions import actor_in

_SUMMARY_COLUMNS = (
    ("payroll-xlsx-employee", None),
    ("payroll-xlsx-hours", HOURS_FORMAT),
    ("payroll-xlsx-gross", MONEY_FORMAT),
    ("payroll-xlsx-fines", MONEY_FORMAT),
    ("payroll-xlsx-bonuses", MONEY_FORMAT),
    ("payroll-xlsx-net", MONEY_FORMAT),
    ("payroll-xlsx-paid", MONEY_FORMAT),
    ("payroll-xlsx-balance", MONEY_FORMAT),
)
_DETAIL_COLUMNS = (
    ("payroll-xlsx-date", DATE_FORMAT),
    ("payroll-xlsx-employee", None),
    ("payroll-xlsx-type", None),
    ("payroll-xlsx-object", None),
    ("payroll-xlsx-minutes", None),
    ("payroll-xlsx-rate", MONEY_FORMAT),
    ("payroll-xlsx-amount", MONEY_FORMAT),
    ("payroll-xlsx-reason", None),
    ("payroll-xlsx-late", None),
)
_BATCH = 2_000  # rows converted per turn of the event loop


def _columns(translator: Translator, keys: tuple[tuple[str, str | None], ...]) -> list[Column]:
    return [Column(translator.get(key), number_format) for key, number_format in keys]


def _summary_sheet(translator: Translator, totals: list[PayslipTotals]) -> Sheet:
    rows = [
        [
            row.employee_name,
            hours_of(row.minutes),
            *(row.gross, row.fines, row.bonuses, row.net, row.paid, row.balance),
        ]
        for row in totals
    ]
    return Sheet(
        translator.get("payroll-xlsx-summary-sheet"),
        _columns(translator, _SUMMARY_COLUMNS),
        rows,
        totals=totals_of(translator.get("payroll-xlsx-total"), rows),
    )


async def export_period_workbook(
    session: AsyncSession, *, user_id: int, period_id: int, translator: Translator
) -> tuple[str, bytes]:
    """The period as an Excel workbook: a summary sheet with one row per worker (hours,
    gross, fines, bonuses, net, paid, balance) and a totals row, and a detail sheet with
    every entry, for viewers with `view_money`. Two queries whatever the number of
    employees."""
    period = await period_by_id(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    scope = await money_membership_scope(session, actor, Permission.VIEW_MONEY)
    totals = await period_totals(session, period, scope=scope)
    detail = (
        select(
            LedgerEntry.work_date,
            User.first_name,
            User.last_name,
            User.username,
            User.telegram_id,
            LedgerEntry.type,
            WorkObject.name,
            LedgerEntry.minutes,
            LedgerEntry.hourly_rate,
            LedgerEntry.amount,
            LedgerEntry.reason,
            LedgerEntry.late_for_closed_period,
        )
        .join(User, User.id == LedgerEntry.user_id)
        .outerjoin(WorkObject, WorkObject.id == LedgerEntry.object_id)
        .where(LedgerEntry.pay_period_id == period.id)
        .order_by(User.first_name, User.id, LedgerEntry.work_date, LedgerEntry.id)
        .execution_options(yield_per=_BATCH)
    )
    if scope is not None:
        detail = detail.where(LedgerEntry.membership_id.in_(scope))
    type_names = {t: translator.get(f"payroll-type-{t}") for t in LedgerEntryType}
    late_mark = translator.get("payroll-xlsx-yes")
    entries = []
    async for batch in (await session.stream(detail)).partitions():
        entries.extend(
            [
                work_date,
                display_name_of(first_name, last_name, username, telegram_id),
                type_names[LedgerEntryType(entry_type)],
                object_name or "",
                minutes,
                rate,
                amount,
                reason,
                late_mark if late else "",
            ]
            for (
                work_date,
                first_name,
                last_name,
                username,
                telegram_id,
                entry_type,
                object_name,
                minutes,
                rate,
                amount,
                reason,
                late,
            ) in batch
        )
    sheets = [
        _summary_sheet(translator, totals),
        Sheet(
            translator.get("payroll-xlsx-detail-sheet"),
            _columns(translator, _DETAIL_COLUMNS),
            entries,
        ),
    ]
    content = await asyncio.to_thread(workbook_bytes, sheets)
    filename = f"payroll_{period.start_date.isoformat()}_{period.end_date.isoformat()}.xlsx"
    return filename, content
