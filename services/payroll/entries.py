"""Writing ledger entries, append-only: a cause's live entries are brought to what it is
due now. Only the difference is written, as reversals (never edits) and new entries
under unique `cause_key`s, so settling twice writes nothing twice. An entry goes to the
pay period of its work date, or to the next open one (marked `late_for_closed_period`)
when that period is closed."""

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.periods import period_for_date
from services.payroll.rules import ZERO
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    Organization,
    PayoutMethod,
    PayPeriod,
    PayPeriodStatus,
)
from services.platform.db.session import dialect_insert

# Shift pay is written even when it is zero, so that the shift shows on the payslip.
ALWAYS_WRITTEN = (LedgerEntryType.SHIFT_PAY,)


@dataclass(frozen=True)
class Due:
    """What one cause owes for one entry type right now."""

    type: LedgerEntryType
    amount: Decimal
    minutes: int | None = None
    hourly_rate: Decimal | None = None
    reason: str = ""
    # The facts the amount was computed from, kept with the entry (`LedgerEntry.details`):
    # the rules may change later, the payslip still explains the line. Not compared when
    # settling: an entry is rewritten when its money changes, not its explanation.
    details: dict[str, str] | None = None


@dataclass(frozen=True)
class Cause:
    """Why money moves (`shift:<id>`, `task:<id>`, `payout:<request>`, …): who gets it,
    from which membership, on which work date; its entries' keys derive from `key`."""

    key: str
    organization: Organization
    user_id: int
    membership_id: int
    work_date: date
    object_id: int | None = None
    shift_id: int | None = None
    task_id: int | None = None
    cancellation_id: int | None = None


CauseDues = tuple[Cause, Sequence[Due]]


def _matches(entry: LedgerEntry, due: Due, cause: Cause) -> bool:
    return (
        entry.amount == due.amount
        and entry.minutes == due.minutes
        and entry.hourly_rate == due.hourly_rate
        and entry.reason == due.reason
        and entry.work_date == cause.work_date
        and entry.object_id == cause.object_id
    )


class _Periods:
    """Receiving periods of one settle: the organization's periods from the earliest work
    date on are read (share-locked) in one query; a date no period covers yet gets one
    created on first use (`period_for_date`)."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._by_organization: dict[int, list[PayPeriod]] = defaultdict(list)

    async def load(self, organization_id: int, earliest: date) -> None:
        self._by_organization[organization_id] = list(
            await self._session.scalars(
                select(PayPeriod)
                .where(
                    PayPeriod.organization_id == organization_id,
                    PayPeriod.end_date >= earliest,
                )
                .with_for_update(read=True)
                .execution_options(populate_existing=True)
            )
        )

    async def _containing(self, organization_id: int, day: date) -> PayPeriod:
        known = self._by_organization[organization_id]
        for period in known:
            if period.start_date <= day <= period.end_date:
                return period
        period = await period_for_date(self._session, organization_id, day)
        known.append(period)
        return period

    async def of(self, organization_id: int, work_date: date) -> tuple[PayPeriod, bool]:
        """Where an entry dated `work_date` goes: its own period while open, else the next
        open one; the flag says it arrived after its own period closed."""
        period = await self._containing(organization_id, work_date)
        late = False
        while period.status == PayPeriodStatus.CLOSED:
            late = True
            period = await self._containing(organization_id, period.end_date + timedelta(days=1))
        return period, late


async def settle(
    session: AsyncSession, items: Sequence[CauseDues], *, author_user_id: int | None = None
) -> int:
    """Bring each cause's live entries to its dues: an entry that no longer matches is
    reversed, a missing or changed one is written anew. Returns how many rows were
    written; a second run writes none (and concurrent runs collide on `cause_key`).
    Set-based: one read of the existing entries, one of the periods per organization and
    one multi-row insert per 1,000 rows, whatever the number of causes."""
    if not items:
        return 0
    existing: dict[str, list[LedgerEntry]] = defaultdict(list)
    for entry in await session.scalars(
        select(LedgerEntry)
        .where(LedgerEntry.cause.in_([cause.key for cause, _ in items]))
        .order_by(LedgerEntry.id)
        .execution_options(populate_existing=True)
    ):
        existing[entry.cause].append(entry)
    periods = _Periods(session)
    earliest: dict[int, date] = {}
    for cause, _ in items:
        for day in [cause.work_date, *(e.work_date for e in existing[cause.key])]:
            known = earliest.get(cause.organization.id, day)
            earliest[cause.organization.id] = min(known, day)
    for organization_id, day in earliest.items():
        await periods.load(organization_id, day)
    rows: list[dict[str, Any]] = []
    for cause, dues in items:
        entries = existing[cause.key]
        reversed_ids = {e.reverses_entry_id for e in entries if e.reverses_entry_id is not None}
        originals = [e for e in entries if e.reverses_entry_id is None]
        live = {LedgerEntryType(e.type): e for e in originals if e.id not in reversed_ids}
        written = Counter(LedgerEntryType(e.type) for e in originals)
        wanted = {d.type: d for d in dues if d.amount != ZERO or d.type in ALWAYS_WRITTEN}
        for entry_type in [*wanted, *(t for t in live if t not in wanted)]:
            current, due = live.get(entry_type), wanted.get(entry_type)
            if current is not None and due is not None and _matches(current, due, cause):
                continue
            if current is not None:
                period, late = await periods.of(cause.organization.id, current.work_date)
                rows.append(_reversal_row(cause, current, period, late, author_user_id))
            if due is not None:
                period, late = await periods.of(cause.organization.id, cause.work_date)
                key = f"{cause.key}:{entry_type.value}:{written[entry_type] + 1}"
                rows.append(_entry_row(cause, due, period, late, key, author_user_id))
    return await _insert_entries(session, rows)


async def _insert_entries(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """Insert the rows whose cause key is new; returns how many were inserted.
    `render_nulls`: the ORM bulk insert would otherwise split the rows into a statement
    per run of rows with the same NULL columns (pay, fine and task rows interleave);
    with it every 1,000 rows go in one multi-row INSERT."""
    if not rows:
        return 0
    result = await session.execute(
        dialect_insert(session)(LedgerEntry)
        .on_conflict_do_nothing(index_elements=["cause_key"])
        .returning(LedgerEntry.id)
        .execution_options(render_nulls=True),
        rows,
    )
    return len(result.all())


def _cause_columns(cause: Cause) -> dict[str, Any]:
    return {
        "organization_id": cause.organization.id,
        "user_id": cause.user_id,
        "membership_id": cause.membership_id,
        "object_id": cause.object_id,
        "shift_id": cause.shift_id,
        "task_id": cause.task_id,
        "cancellation_id": cause.cancellation_id,
        "cause": cause.key,
    }


def _entry_row(
    cause: Cause,
    due: Due,
    period: PayPeriod,
    late: bool,
    cause_key: str,
    author_user_id: int | None,
    payout_method: PayoutMethod | None = None,
) -> dict[str, Any]:
    return _cause_columns(cause) | {
        "pay_period_id": period.id,
        "type": due.type,
        "amount": due.amount,
        "work_date": cause.work_date,
        "minutes": due.minutes,
        "hourly_rate": due.hourly_rate,
        "payout_method": payout_method,
        "author_user_id": author_user_id,
        "reason": due.reason,
        "details": due.details,
        "cause_key": cause_key,
        "reverses_entry_id": None,
        "late_for_closed_period": late,
    }


def _reversal_row(
    cause: Cause,
    original: LedgerEntry,
    period: PayPeriod,
    late: bool,
    author_user_id: int | None,
) -> dict[str, Any]:
    return _cause_columns(cause) | {
        "object_id": original.object_id,
        "pay_period_id": period.id,
        "type": original.type,
        "amount": -original.amount,
        "work_date": original.work_date,
        "minutes": -original.minutes if original.minutes is not None else None,
        "hourly_rate": original.hourly_rate,
        "payout_method": original.payout_method,
        "author_user_id": author_user_id,
        "reason": original.reason,
        "details": original.details,
        "cause_key": f"reverse:{original.id}",
        "reverses_entry_id": original.id,
        "late_for_closed_period": late,
    }


async def write_entry_once(
    session: AsyncSession,
    cause: Cause,
    due: Due,
    period: PayPeriod,
    *,
    cause_key: str,
    author_user_id: int,
    payout_method: PayoutMethod | None = None,
) -> LedgerEntry:
    """A manual entry or a payout into `period`, inserted unless its cause key exists;
    the entry either way (a repeated request writes once)."""
    row = _entry_row(cause, due, period, False, cause_key, author_user_id, payout_method)
    await _insert_entries(session, [row])
    entry = await session.scalar(select(LedgerEntry).where(LedgerEntry.cause_key == cause_key))
    assert entry is not None
    return entry
