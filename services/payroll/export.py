"""The period as an Excel workbook: a summary sheet (one row per worker, with totals), a
detail sheet (every entry) and a sheet per object (its entries, with totals). The
entries are read as plain columns (SQLAlchemy Core, no ORM rows) in batches of a few
milliseconds each; the sheets per object are sorted out and the file written in a
thread, so a month of 30,000 entries does not hold up the other users of the process."""

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
_BATCH = 1_000  # rows converted per turn of the event loop (~5 ms)


def _columns(translator: Translator, keys: tuple[tuple[str, str | None], ...]) -> list[Column]:
    return [Column(translator.get(key), number_format) for key, number_format in keys]


def _object_sheets(
    columns: list[Column], total_label: str, entries: list[tuple[Any, ...]], money: str
) -> list[Sheet]:
    """A sheet per object with its entries (the detail columns but the object) and a
    totals row of minutes and amounts; entries of no object (payouts, bonuses by hand)
    stay on the detail sheet only. The totals row sums the amounts (minutes of pay and of
    lateness do not add up)."""
    by_object: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for entry in entries:
        if entry[_OBJECT]:
            by_object[entry[_OBJECT]].append(entry[:_OBJECT] + entry[_OBJECT + 1 :])
    names = sorted(by_object)
    sheets = []
    for title, name in zip(sheet_titles(names), names, strict=True):
        rows = by_object[name]
        totals = [total_label, *[None] * 4, sum(row[5] for row in rows)]
        sheets.append(Sheet(title, columns, rows, totals, money))
    return sheets


def _workbook(
    summary: Sheet,
    detail: Sheet,
    entries: list[tuple[Any, ...]],
    object_columns: list[Column],
    total_label: str,
) -> bytes:
    """The summary, the detail and a sheet per object of the entries: CPU work, run in
    a thread."""
    by_object = _object_sheets(object_columns, total_label, entries, detail.money_format)
    return workbook_bytes([summary, detail, *by_object])


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
            LedgerEntry.user_id,
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
    )
    if scope is not None:
        detail = detail.where(LedgerEntry.membership_id.in_(scope))
    type_names = {t: translator.get(f"payroll-type-{t}") for t in LedgerEntryType}
    late_mark = translator.get("payroll-xlsx-yes")
    names: dict[int, str] = {}
    # Tuples: the collector stops tracking tuples of plain values, so 30,000 entries
    # do not make it walk the whole heap while they are read.
    entries: list[tuple[Any, ...]] = []
    connection = await session.connection()
    async for batch in (await connection.stream(detail)).partitions(_BATCH):
        for (
            work_date,
            user_id,
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
        ) in batch:
            name = names.get(user_id)
            if name is None:
                name = names[user_id] = display_name_of(
                    first_name, last_name, username, telegram_id
                )
            entries.append(
                (
                    work_date,
                    name,
                    type_names[entry_type],
                    object_name or "",
                    minutes,
                    rate,
                    amount,
                    reason,
                    late_mark if late else "",
                )
            )
    money = money_format(
        translator.currency_sign(await organization_currency(session, period.organization_id))
    )
    detail_sheet = Sheet(
        translator.get("payroll-xlsx-detail-sheet"),
        _columns(translator, _DETAIL_COLUMNS),
        entries,
        money_format=money,
    )
    content = await asyncio.to_thread(
        _workbook,
        replace(_summary_sheet(translator, totals), money_format=money),
        detail_sheet,
        entries,
        _columns(translator, _DETAIL_COLUMNS[:_OBJECT] + _DETAIL_COLUMNS[_OBJECT + 1 :]),
        translator.get("payroll-xlsx-total"),
    )
    filename = f"payroll_{period.start_date.isoformat()}_{period.end_date.isoformat()}.xlsx"
    return filename, content
