"""The period as an Excel workbook: a summary sheet (one row per worker, with totals), a
detail sheet (every entry) and a sheet per object (its entries, with totals). The
entries are read as plain columns in batches and the file is written in a thread, so a
month of 30,000 entries does not hold up the other users of the process."""

import asyncio
from collections import defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.access import money_membership_scope
from services.payroll.payslips import PayslipTotals, organization_currency, period_totals
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
    money_format,
    sheet_titles,
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
_OBJECT = 3  # the detail column that names the object
_BATCH = 2_000  # rows converted per turn of the event loop


def _columns(translator: Translator, keys: tuple[tuple[str, str | None], ...]) -> list[Column]:
    return [Column(translator.get(key), number_format) for key, number_format in keys]


def _object_sheets(translator: Translator, entries: list[list[Any]], money: str) -> list[Sheet]:
    """A sheet per object with its entries (the detail columns but the object) and a
    totals row of minutes and amounts; entries of no object (payouts, bonuses by hand)
    stay on the detail sheet only. The totals row sums the amounts (minutes of pay and of
    lateness do not add up)."""
    by_object: dict[str, list[list[Any]]] = defaultdict(list)
    for entry in entries:
        if entry[_OBJECT]:
            by_object[entry[_OBJECT]].append(entry[:_OBJECT] + entry[_OBJECT + 1 :])
    keys = _DETAIL_COLUMNS[:_OBJECT] + _DETAIL_COLUMNS[_OBJECT + 1 :]
    names = sorted(by_object)
    sheets = []
    for title, name in zip(sheet_titles(names), names, strict=True):
        rows = by_object[name]
        totals = [translator.get("payroll-xlsx-total"), *[None] * 4, sum(row[5] for row in rows)]
        sheets.append(Sheet(title, _columns(translator, keys), rows, totals, money))
    return sheets


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
    gross, fines, bonuses, net, paid, balance) and a totals row, a detail sheet with
    every entry and a sheet per object, for viewers with `view_money`; money in the
    organization's currency. Three queries whatever the number of employees."""
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
    money = money_format(
        translator.currency_sign(await organization_currency(session, period.organization_id))
    )
    sheets = [
        replace(_summary_sheet(translator, totals), money_format=money),
        Sheet(
            translator.get("payroll-xlsx-detail-sheet"),
            _columns(translator, _DETAIL_COLUMNS),
            entries,
            money_format=money,
        ),
        *_object_sheets(translator, entries, money),
    ]
    content = await asyncio.to_thread(workbook_bytes, sheets)
    filename = f"payroll_{period.start_date.isoformat()}_{period.end_date.isoformat()}.xlsx"
    return filename, content
