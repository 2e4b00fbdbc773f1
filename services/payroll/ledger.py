"""Payroll (C7): the ledger of money entries, pay periods, payslips that explain every
line, payouts and the Excel export.

Rules, each in one place:
- Entries are append-only. Each cause (a shift, a task, a cancellation, a manual
  adjustment, a payout) settles to what it is due: the ledger is compared with what is
  due now and only the difference is written, as reversals (never edits) and new
  entries, under unique `cause_key`s. Running any recorder twice writes nothing twice.
- An entry belongs to the pay period of its work date, the local date of the
  organization's timezone. When that period is closed it goes to the next open period,
  marked `late_for_closed_period`.
- Payslip: gross − fines + bonuses = net; balance = net − paid. Totals are summed in SQL
  (GROUP BY), a fixed number of statements whatever the number of employees.
- Money is `Decimal`; pay is minutes × rate / 60, half-up to kopecks, per shift
  (`services.payroll.rules.pay_for`, written once).

Hooks the other features call (each in the caller's transaction):
`record_shift_entries` when a shift closes, auto-closes or is corrected;
`record_task_entries` when a shift closes and when a closed shift's proof is rejected;
`record_cancellation_fine` when a planned shift is cancelled and when its document is
decided. `record_missing_entries_job` catches any cause a hook missed.
"""

import io
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from sqlalchemy import and_, case, exists, func, literal, select, true
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Select

from services.notify.outbox import (
    PAYROLL_ADJUSTMENT,
    PAYROLL_PAYOUT,
    PAYROLL_PAYSLIP_READY,
    PAYROLL_SHIFT_CORRECTED,
    UserNotification,
    notify,
    notify_many,
)
from services.payroll.periods import (
    DEFAULT_ANCHOR,
    DEFAULT_PAY_DAY_OFFSET,
    MAX_PAY_DAY_OFFSET,
    pay_day_of,
    period_span,
)
from services.payroll.rules import (
    chargeable_fine,
    late_fine,
    lateness_minutes,
    money,
    paid_from,
    pay_for,
    worked_minutes,
)
from services.platform.clock import Clock, ManualClock
from services.platform.db.models import (
    CancellationApproval,
    CancellationReason,
    LedgerEntry,
    LedgerEntryType,
    Membership,
    MembershipObject,
    MembershipRole,
    Organization,
    OrganizationPayrollSettings,
    PayoutMethod,
    PayPeriod,
    PayPeriodKind,
    PayPeriodStatus,
    Payslip,
    Permission,
    PlannedShift,
    Shift,
    ShiftCancellation,
    ShiftStatus,
    ShiftTask,
    ShiftTaskStatus,
    User,
    WorkObject,
)
from services.platform.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from services.platform.i18n import Translator
from services.platform.local_time import local_to_utc, local_today, slot_instants, utc_to_local
from services.platform.validation import MAX_MONEY, clean_text
from services.staff.permissions import (
    Actor,
    actor_in,
    objects_with_permission,
    require_object_permission,
    require_owner,
)

if TYPE_CHECKING:
    from services.platform.scheduler import JobContext

ZERO = Decimal("0.00")
MAX_REASON_LENGTH = 500
FINE_TYPES = (
    LedgerEntryType.LATE_FINE,
    LedgerEntryType.TASK_FINE,
    LedgerEntryType.CANCELLATION_FINE,
    LedgerEntryType.MANUAL_DEDUCTION,
)
BONUS_TYPES = (LedgerEntryType.TASK_BONUS, LedgerEntryType.MANUAL_BONUS)
# Shift pay is written even when it is zero, so that the shift shows on the payslip.
ALWAYS_WRITTEN = (LedgerEntryType.SHIFT_PAY,)
MISSING_ENTRIES_BATCH = 1_000
PAYOUT_METHODS = tuple(PayoutMethod)
# `/start pay_<period id>`: the button of the "payslip ready" notification.
PAYSLIP_PAYLOAD_PREFIX = "pay_"


class PeriodClosed(DomainError):
    code = "payroll-period-closed"


class NothingToPay(DomainError):
    code = "payroll-nothing-to-pay"


class OverBalance(DomainError):
    """Params: balance (the most that can be paid)."""

    code = "payroll-over-balance"


class ShiftNotClosed(DomainError):
    code = "payroll-shift-not-closed"


# ------------------------------------------------------------------ views


@dataclass(frozen=True)
class PayslipTotals:
    user_id: int
    employee_name: str
    minutes: int
    gross: Decimal
    fines: Decimal  # positive: what fines and deductions took away
    bonuses: Decimal
    net: Decimal
    paid: Decimal

    @property
    def balance(self) -> Decimal:
        return self.net - self.paid


@dataclass(frozen=True)
class PayslipLine:
    entry_id: int
    type: LedgerEntryType
    work_date: date
    object_name: str
    minutes: int | None
    hourly_rate: Decimal | None
    amount: Decimal
    reason: str
    payout_method: PayoutMethod | None
    is_reversal: bool
    late_for_closed_period: bool


@dataclass(frozen=True)
class PayslipView:
    period: PayPeriod
    currency: str
    totals: PayslipTotals
    lines: list[PayslipLine] = field(default_factory=list)

    @property
    def frozen(self) -> bool:
        return self.period.status == PayPeriodStatus.CLOSED


@dataclass(frozen=True)
class _Due:
    """What one cause owes for one entry type right now."""

    type: LedgerEntryType
    amount: Decimal
    minutes: int | None = None
    hourly_rate: Decimal | None = None
    reason: str = ""


@dataclass(frozen=True)
class _Cause:
    key: str
    organization: Organization
    user_id: int
    membership_id: int
    work_date: date
    object_id: int | None = None
    shift_id: int | None = None
    task_id: int | None = None
    cancellation_id: int | None = None


# ------------------------------------------------------------------ settings and periods


async def payroll_settings(
    session: AsyncSession, organization_id: int
) -> OrganizationPayrollSettings:
    """The organization's settings; monthly periods paid 3 days later until changed."""
    settings = await session.get(OrganizationPayrollSettings, organization_id)
    return settings or OrganizationPayrollSettings(
        organization_id=organization_id,
        period_kind=PayPeriodKind.MONTHLY,
        anchor_date=DEFAULT_ANCHOR,
        pay_day_offset_days=DEFAULT_PAY_DAY_OFFSET,
    )


@dataclass(frozen=True)
class PayrollSettingsChange:
    settings: OrganizationPayrollSettings
    current_period: PayPeriod  # kept as it was: its dates, its pay day, its entries
    effective_from: date  # the first day of the first period cut by the new settings


async def update_payroll_settings(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    period_kind: PayPeriodKind,
    pay_day_offset_days: int,
    anchor_date: date = DEFAULT_ANCHOR,
) -> PayrollSettingsChange:
    """The owner chooses how periods are cut and how many days after a period's end it
    is paid. A change never rewrites history: the current period is created under the
    old settings first (if nobody looked at it yet) and keeps its dates and pay day, like
    every period before it; the new settings cut periods from the day after it ends. The
    first new period may be shorter so that new ones line up with the `anchor_date`
    (weeks run Monday to Sunday)."""
    require_owner(await actor_in(session, user_id, organization_id))
    if not 0 <= pay_day_offset_days <= MAX_PAY_DAY_OFFSET:
        raise InvalidInput(
            field="pay_day", reason="out-of-range", minimum=0, maximum=MAX_PAY_DAY_OFFSET
        )
    current = await current_period(session, clock, organization_id)
    settings = await session.get(OrganizationPayrollSettings, organization_id)
    if settings is None:
        settings = OrganizationPayrollSettings(organization_id=organization_id)
        session.add(settings)
    settings.period_kind = period_kind
    settings.anchor_date = anchor_date
    settings.pay_day_offset_days = pay_day_offset_days
    await session.flush()
    return PayrollSettingsChange(settings, current, current.end_date + timedelta(days=1))


def _insert(session: AsyncSession) -> Any:
    dialect = session.bind.dialect.name if session.bind is not None else "postgresql"
    return pg_insert if dialect == "postgresql" else sqlite_insert


async def _organization(session: AsyncSession, organization_id: int) -> Organization:
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise NotFound(what="organization")
    return organization


async def _period(session: AsyncSession, period_id: int) -> PayPeriod:
    period = await session.get(PayPeriod, period_id)
    if period is None:
        raise NotFound(what="period")
    return period


async def organization_currency(session: AsyncSession, organization_id: int) -> str:
    return (await _organization(session, organization_id)).currency


async def period_for_date(session: AsyncSession, organization_id: int, day: date) -> PayPeriod:
    """The organization's period containing `day`, created on first use from the
    settings, clipped so that it never overlaps a period cut under earlier settings.
    Returned share-locked: a period cannot close while an entry is being added to it."""
    containing = (
        select(PayPeriod)
        .where(
            PayPeriod.organization_id == organization_id,
            PayPeriod.start_date <= day,
            PayPeriod.end_date >= day,
        )
        .with_for_update(read=True)
        .execution_options(populate_existing=True)
    )
    period = await session.scalar(containing)
    if period is not None:
        return period
    settings = await payroll_settings(session, organization_id)
    span = period_span(PayPeriodKind(settings.period_kind), settings.anchor_date, day)
    previous_end = await session.scalar(
        select(func.max(PayPeriod.end_date)).where(
            PayPeriod.organization_id == organization_id, PayPeriod.end_date < day
        )
    )
    next_start = await session.scalar(
        select(func.min(PayPeriod.start_date)).where(
            PayPeriod.organization_id == organization_id, PayPeriod.start_date > day
        )
    )
    start = max(span.start, previous_end + timedelta(days=1)) if previous_end else span.start
    end = min(span.end, next_start - timedelta(days=1)) if next_start else span.end
    await session.execute(
        _insert(session)(PayPeriod)
        .values(
            organization_id=organization_id,
            kind=settings.period_kind,
            start_date=start,
            end_date=end,
            pay_day=pay_day_of(end, settings.pay_day_offset_days),
            status=PayPeriodStatus.OPEN,
        )
        .on_conflict_do_nothing(index_elements=["organization_id", "start_date"])
    )
    period = await session.scalar(containing)
    assert period is not None
    return period


async def current_period(session: AsyncSession, clock: Clock, organization_id: int) -> PayPeriod:
    """The period of the organization's local date today."""
    organization = await _organization(session, organization_id)
    today = local_today(clock.now(), organization.timezone)
    return await period_for_date(session, organization_id, today)


# ------------------------------------------------------------------ settling causes


def _matches(entry: LedgerEntry, due: _Due, cause: _Cause) -> bool:
    return (
        entry.amount == due.amount
        and entry.minutes == due.minutes
        and entry.hourly_rate == due.hourly_rate
        and entry.reason == due.reason
        and entry.work_date == cause.work_date
        and entry.object_id == cause.object_id
    )


_Item = tuple[_Cause, Sequence[_Due]]


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


async def _settle(
    session: AsyncSession, items: Sequence[_Item], *, author_user_id: int | None = None
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
        _insert(session)(LedgerEntry)
        .on_conflict_do_nothing(index_elements=["cause_key"])
        .returning(LedgerEntry.id)
        .execution_options(render_nulls=True),
        rows,
    )
    return len(result.all())


def _cause_columns(cause: _Cause) -> dict[str, Any]:
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
    cause: _Cause,
    due: _Due,
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
        "cause_key": cause_key,
        "reverses_entry_id": None,
        "late_for_closed_period": late,
    }


def _reversal_row(
    cause: _Cause,
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
        "cause_key": f"reverse:{original.id}",
        "reverses_entry_id": original.id,
        "late_for_closed_period": late,
    }


def _is_finished(shift: Shift) -> bool:
    return shift.status != ShiftStatus.OPEN and shift.pay is not None


def _shift_item(shift: Shift, organization: Organization) -> _Item:
    """A finished shift owes its frozen pay and its frozen late fine."""
    assert shift.pay is not None
    cause = _Cause(
        key=f"shift:{shift.id}",
        organization=organization,
        user_id=shift.user_id,
        membership_id=shift.membership_id,
        work_date=local_today(shift.opened_at, organization.timezone),
        object_id=shift.object_id,
        shift_id=shift.id,
    )
    return cause, [
        _Due(
            LedgerEntryType.SHIFT_PAY,
            shift.pay,
            minutes=shift.worked_minutes,
            hourly_rate=shift.hourly_rate,
        ),
        _Due(LedgerEntryType.LATE_FINE, -shift.late_fine, minutes=shift.late_minutes),
    ]


def _task_item(task: ShiftTask, shift: Shift, organization: Organization) -> _Item:
    """A done task owes its bonus; an undone mandatory one its fine (negative)."""
    done = task.status == ShiftTaskStatus.DONE
    cause = _Cause(
        key=f"task:{task.id}",
        organization=organization,
        user_id=shift.user_id,
        membership_id=shift.membership_id,
        work_date=local_today(shift.opened_at, organization.timezone),
        object_id=shift.object_id,
        shift_id=shift.id,
        task_id=task.id,
    )
    return cause, [
        _Due(LedgerEntryType.TASK_BONUS, task.bonus if done else ZERO, reason=task.title),
        _Due(
            LedgerEntryType.TASK_FINE,
            -task.fine if task.mandatory and not done else ZERO,
            reason=task.title,
        ),
    ]


async def _tasks_of(session: AsyncSession, shift_ids: Sequence[int]) -> list[ShiftTask]:
    return list(
        await session.scalars(
            select(ShiftTask)
            .where(ShiftTask.shift_id.in_(shift_ids))
            .order_by(ShiftTask.id)
            .execution_options(populate_existing=True)
        )
    )


async def record_shift_entries(
    session: AsyncSession, shift: Shift, *, author_user_id: int | None = None
) -> int:
    """Write the shift's pay and late fine from the values frozen on the shift (rate,
    worked minutes, pay, late minutes, fine). Call it when the shift closes, auto-closes
    or is corrected; again changes nothing. An open shift has nothing to write yet.
    The work date is the organization's local date of the opening."""
    if not _is_finished(shift):
        return 0
    organization = await _organization(session, shift.organization_id)
    return await _settle(session, [_shift_item(shift, organization)], author_user_id=author_user_id)


async def record_task_entries(session: AsyncSession, shift: Shift) -> int:
    """A done task earns its bonus; a mandatory task left undone costs its fine. Counted
    once the shift is over (close, auto-close), and settled again when a proof of the
    closed shift is rejected (the bonus is reversed, the fine applies). Idempotent."""
    if not _is_finished(shift):
        return 0
    organization = await _organization(session, shift.organization_id)
    tasks = await _tasks_of(session, [shift.id])
    return await _settle(session, [_task_item(task, shift, organization) for task in tasks])


async def _cancellation_items(
    session: AsyncSession, cancellations: Sequence[ShiftCancellation]
) -> list[_Item]:
    """What each cancellation owes (`chargeable_fine`), dated by the
    planned shift's local date and explained by the reason's title."""
    planned = {
        p.id: p
        for p in await session.scalars(
            select(PlannedShift).where(
                PlannedShift.id.in_([c.planned_shift_id for c in cancellations])
            )
        )
    }
    reason_ids = [c.reason_id for c in cancellations if c.reason_id is not None]
    titles = dict(
        (
            await session.execute(
                select(CancellationReason.id, CancellationReason.title).where(
                    CancellationReason.id.in_(reason_ids)
                )
            )
        ).all()
    )
    items: list[_Item] = []
    for cancellation in cancellations:
        plan = planned.get(cancellation.planned_shift_id)
        if plan is None:
            raise NotFound(what="planned-shift")
        organization = await _organization(session, cancellation.organization_id)
        cause = _Cause(
            key=f"cancellation:{cancellation.id}",
            organization=organization,
            user_id=plan.user_id,
            membership_id=plan.membership_id,
            work_date=local_today(plan.starts_at, organization.timezone),
            object_id=plan.object_id,
            cancellation_id=cancellation.id,
        )
        due = _Due(
            LedgerEntryType.CANCELLATION_FINE,
            -chargeable_fine(cancellation),
            reason=titles.get(cancellation.reason_id, "") if cancellation.reason_id else "",
        )
        items.append((cause, [due]))
    return items


async def record_cancellation_fine(session: AsyncSession, cancellation: ShiftCancellation) -> int:
    """Charge a short-notice cancellation what `chargeable_fine` says:
    nothing while a document waits for a decision or once it is approved (an approval
    after charging reverses the fine). The work date is the planned shift's local date."""
    return await _settle(session, await _cancellation_items(session, [cancellation]))


async def correct_shift(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    shift_id: int,
    opened_at: datetime,
    closed_at: datetime,
) -> Shift:
    """An owner (or a manager with `edit_money` on the object) corrects a closed shift's
    times. Lateness, fine, paid time and pay are computed again by the shift rules with
    the shift's frozen rate; the ledger gets reversals and new entries, never edits.
    The employee is told."""
    shift = await session.get(Shift, shift_id, with_for_update=True, populate_existing=True)
    if shift is None:
        raise NotFound(what="shift")
    actor = await actor_in(session, user_id, shift.organization_id)
    work_object = await require_object_permission(
        session, actor, shift.object_id, Permission.EDIT_MONEY
    )
    if shift.status == ShiftStatus.OPEN:
        raise ShiftNotClosed()
    now = clock.now()
    if opened_at.tzinfo is None or closed_at.tzinfo is None:
        raise ValueError("aware datetimes only")
    if closed_at <= opened_at:
        raise InvalidInput(field="times", reason="end-before-start")
    if closed_at > now:
        raise InvalidInput(field="times", reason="in-future")
    lateness = lateness_minutes(shift.planned_start_at, opened_at)
    shift.opened_at = opened_at
    shift.closed_at = closed_at
    shift.paid_from = paid_from(shift.planned_start_at, opened_at, work_object.pay_early_arrival)
    shift.late_minutes = lateness
    shift.late_fine = late_fine(
        lateness, work_object.late_grace_minutes, work_object.late_fine_per_minute
    )
    shift.worked_minutes = worked_minutes(shift.paid_from, closed_at)
    shift.pay = pay_for(shift.worked_minutes, shift.hourly_rate)
    await session.flush()
    await record_shift_entries(session, shift, author_user_id=user_id)
    await record_task_entries(session, shift)
    organization = await _organization(session, shift.organization_id)
    await notify(
        session,
        kind=PAYROLL_SHIFT_CORRECTED.name,
        dedup_key=f"payroll_shift_corrected:{shift.id}:{int(now.timestamp())}",
        not_before=now,
        payload={
            "object": work_object.name,
            "date": local_today(opened_at, organization.timezone).isoformat(),
            "worked_minutes": shift.worked_minutes,
            "pay": str(shift.pay),
        },
        recipient_user_id=shift.user_id,
    )
    return shift


async def correct_shift_local_times(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    shift_id: int,
    start: time,
    end: time,
) -> Shift:
    """`correct_shift` from wall-clock times of the object's timezone on the local date
    the shift opened; an end not after the start is on the next day (a night shift)."""
    shift = await session.get(Shift, shift_id)
    if shift is None:
        raise NotFound(what="shift")
    work_object = await session.get(WorkObject, shift.object_id)
    assert work_object is not None
    zone = ZoneInfo(work_object.timezone)
    opened_at, closed_at = slot_instants(utc_to_local(shift.opened_at, zone)[0], start, end, zone)
    return await correct_shift(
        session, clock, user_id=user_id, shift_id=shift_id, opened_at=opened_at, closed_at=closed_at
    )


@dataclass(frozen=True)
class CorrectableShift:
    shift_id: int
    local_date: date
    object_name: str
    start: time  # local, the object's timezone
    end: time
    worked_minutes: int
    pay: Decimal


async def correctable_shifts(
    session: AsyncSession, *, user_id: int, period_id: int, employee_user_id: int
) -> list[CorrectableShift]:
    """The employee's finished shifts opened within the period's dates, on objects where
    the viewer may edit money (`edit_money`; owners everywhere), in date order."""
    period = await _period(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    await _require_money_access(session, actor, employee_user_id, Permission.EDIT_MONEY)
    organization = await _organization(session, period.organization_id)
    zone = ZoneInfo(organization.timezone)
    query = (
        select(Shift, WorkObject)
        .join(WorkObject, WorkObject.id == Shift.object_id)
        .where(
            Shift.organization_id == period.organization_id,
            Shift.user_id == employee_user_id,
            Shift.status != ShiftStatus.OPEN,
            Shift.opened_at >= local_to_utc(period.start_date, time(0), zone),
            Shift.opened_at < local_to_utc(period.end_date + timedelta(days=1), time(0), zone),
        )
        .order_by(Shift.opened_at)
    )
    if not actor.is_owner:
        allowed = [
            o.id for o in await objects_with_permission(session, actor, Permission.EDIT_MONEY)
        ]
        query = query.where(Shift.object_id.in_(allowed))
    found = []
    for shift, work_object in await session.execute(query):
        object_zone = ZoneInfo(work_object.timezone)
        local_date, start = utc_to_local(shift.opened_at, object_zone)
        assert shift.closed_at is not None
        found.append(
            CorrectableShift(
                shift_id=shift.id,
                local_date=local_date,
                object_name=work_object.name,
                start=start,
                end=utc_to_local(shift.closed_at, object_zone)[1],
                worked_minutes=shift.worked_minutes or 0,
                pay=shift.pay or ZERO,
            )
        )
    return found


# ------------------------------------------------------------------ who may see and edit money


async def _money_membership_scope(
    session: AsyncSession, actor: Actor, permission: Permission
) -> Select[Any] | None:
    """Memberships whose money the actor may see or edit: None means all of the
    organization (owners); a manager gets those working on objects where they hold
    `permission`; anyone else nothing."""
    if actor.is_owner:
        return None
    if actor.role != MembershipRole.MANAGER:
        raise PermissionDenied()
    object_ids = [o.id for o in await objects_with_permission(session, actor, permission)]
    if not object_ids:
        raise PermissionDenied()
    return select(MembershipObject.membership_id).where(MembershipObject.object_id.in_(object_ids))


async def _require_money_access(
    session: AsyncSession, actor: Actor, employee_user_id: int, permission: Permission
) -> Membership:
    """The employee's membership, if the actor may handle their money (`permission`);
    employees may only see their own (never edit)."""
    membership = await session.scalar(
        select(Membership).where(
            Membership.organization_id == actor.organization_id,
            Membership.user_id == employee_user_id,
        )
    )
    if membership is None:
        raise NotFound(what="employee")
    if actor.user_id == employee_user_id and permission == Permission.VIEW_MONEY:
        return membership
    scope = await _money_membership_scope(session, actor, permission)
    if scope is not None and membership.id not in set(await session.scalars(scope)):
        raise PermissionDenied()
    return membership


async def _has_money_permission(
    session: AsyncSession, actor: Actor, permission: Permission
) -> bool:
    try:
        await _money_membership_scope(session, actor, permission)
    except PermissionDenied:
        return False
    return True


async def can_view_money(session: AsyncSession, actor: Actor) -> bool:
    return await _has_money_permission(session, actor, Permission.VIEW_MONEY)


async def can_edit_money(session: AsyncSession, actor: Actor) -> bool:
    return await _has_money_permission(session, actor, Permission.EDIT_MONEY)


# ------------------------------------------------------------------ totals and payslips


def _sum_of(types: Sequence[LedgerEntryType]) -> Any:
    return func.coalesce(
        func.sum(case((LedgerEntry.type.in_(types), LedgerEntry.amount), else_=ZERO)), ZERO
    )


_GROSS = _sum_of([LedgerEntryType.SHIFT_PAY])
_FINES = -_sum_of(FINE_TYPES)
_BONUSES = _sum_of(BONUS_TYPES)
_PAID = -_sum_of([LedgerEntryType.PAYOUT])
_MINUTES = func.coalesce(
    func.sum(case((LedgerEntry.type == LedgerEntryType.SHIFT_PAY, LedgerEntry.minutes), else_=0)),
    0,
)


def _live_totals_query(period_id: int) -> Select[Any]:
    """Per employee of the period: minutes, gross, fines, bonuses, paid — one GROUP BY."""
    return (
        select(
            LedgerEntry.user_id,
            func.min(LedgerEntry.membership_id).label("membership_id"),
            _MINUTES.label("minutes"),
            _GROSS.label("gross"),
            _FINES.label("fines"),
            _BONUSES.label("bonuses"),
            _PAID.label("paid"),
        )
        .where(LedgerEntry.pay_period_id == period_id)
        .group_by(LedgerEntry.user_id)
    )


def _dec(value: Any) -> Decimal:
    return money(Decimal(value if value is not None else 0))


async def _totals(
    session: AsyncSession,
    period: PayPeriod,
    *,
    user_id: int | None = None,
    scope: Select[Any] | None = None,
) -> list[PayslipTotals]:
    """Totals per employee: frozen on the payslips of a closed period (what was paid is
    always read from the ledger), summed from the ledger for an open one. One query."""
    live = _live_totals_query(period.id)
    if user_id is not None:
        live = live.where(LedgerEntry.user_id == user_id)
    if scope is not None:
        live = live.where(LedgerEntry.membership_id.in_(scope))
    live_rows = live.subquery()
    if period.status == PayPeriodStatus.CLOSED:
        query = (
            select(
                User,
                Payslip.minutes,
                Payslip.gross,
                Payslip.fines,
                Payslip.bonuses,
                Payslip.net,
                func.coalesce(live_rows.c.paid, ZERO),
            )
            .join(User, User.id == Payslip.user_id)
            .outerjoin(live_rows, live_rows.c.user_id == Payslip.user_id)
            .where(Payslip.pay_period_id == period.id)
        )
        if user_id is not None:
            query = query.where(Payslip.user_id == user_id)
        if scope is not None:
            query = query.where(Payslip.membership_id.in_(scope))
    else:
        query = select(
            User,
            live_rows.c.minutes,
            live_rows.c.gross,
            live_rows.c.fines,
            live_rows.c.bonuses,
            live_rows.c.gross - live_rows.c.fines + live_rows.c.bonuses,
            live_rows.c.paid,
        ).join(User, User.id == live_rows.c.user_id)
    rows = await session.execute(query.order_by(User.first_name, User.id))
    return [
        PayslipTotals(
            user_id=user.id,
            employee_name=user.display_name,
            minutes=int(minutes or 0),
            gross=_dec(gross),
            fines=_dec(fines),
            bonuses=_dec(bonuses),
            net=_dec(net),
            paid=_dec(paid),
        )
        for user, minutes, gross, fines, bonuses, net, paid in rows
    ]


def _empty_totals(user: User) -> PayslipTotals:
    return PayslipTotals(user.id, user.display_name, 0, ZERO, ZERO, ZERO, ZERO, ZERO)


async def _lines(session: AsyncSession, period_id: int, user_id: int) -> list[PayslipLine]:
    rows = await session.execute(
        select(LedgerEntry, WorkObject.name)
        .outerjoin(WorkObject, WorkObject.id == LedgerEntry.object_id)
        .where(LedgerEntry.pay_period_id == period_id, LedgerEntry.user_id == user_id)
        .order_by(LedgerEntry.work_date, LedgerEntry.id)
    )
    return [_line(entry, object_name) for entry, object_name in rows]


def _line(entry: LedgerEntry, object_name: str | None) -> PayslipLine:
    return PayslipLine(
        entry_id=entry.id,
        type=LedgerEntryType(entry.type),
        work_date=entry.work_date,
        object_name=object_name or "",
        minutes=entry.minutes,
        hourly_rate=entry.hourly_rate,
        amount=entry.amount,
        reason=entry.reason,
        payout_method=PayoutMethod(entry.payout_method) if entry.payout_method else None,
        is_reversal=entry.reverses_entry_id is not None,
        late_for_closed_period=entry.late_for_closed_period,
    )


async def payslip(
    session: AsyncSession, *, user_id: int, period_id: int, employee_user_id: int
) -> PayslipView:
    """One employee's payslip for a period with every ledger line: the employee sees
    their own, owners and managers with `view_money` see their employees'."""
    period = await _period(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    await _require_money_access(session, actor, employee_user_id, Permission.VIEW_MONEY)
    organization = await _organization(session, period.organization_id)
    found = await _totals(session, period, user_id=employee_user_id)
    employee = await session.get(User, employee_user_id)
    assert employee is not None
    return PayslipView(
        period=period,
        currency=organization.currency,
        totals=found[0] if found else _empty_totals(employee),
        lines=await _lines(session, period.id, employee_user_id),
    )


async def period_payslips(
    session: AsyncSession, *, user_id: int, period_id: int
) -> list[PayslipTotals]:
    """Everyone's totals for a period, as far as the viewer may see money (`view_money`).
    A fixed number of statements whatever the number of employees."""
    period = await _period(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    scope = await _money_membership_scope(session, actor, Permission.VIEW_MONEY)
    return await _totals(session, period, scope=scope)


async def recent_periods(
    session: AsyncSession, clock: Clock, *, user_id: int, organization_id: int, limit: int = 12
) -> list[PayPeriod]:
    """The current period and the ones before it, newest first (anyone in the
    organization: employees see their own payslips in them)."""
    await actor_in(session, user_id, organization_id)
    current = await current_period(session, clock, organization_id)
    return list(
        await session.scalars(
            select(PayPeriod)
            .where(
                PayPeriod.organization_id == organization_id,
                PayPeriod.start_date <= current.start_date,
            )
            .order_by(PayPeriod.start_date.desc())
            .limit(limit)
        )
    )


async def close_pay_period(
    session: AsyncSession, clock: Clock, *, period_id: int, user_id: int | None
) -> PayPeriod:
    """Close a period (the owner, or the scheduler on its pay day when `user_id` is
    None): its entries are frozen, each employee's payslip is written in one INSERT …
    SELECT … GROUP BY and they are told in one statement. Later entries for its dates go
    to the next open period. Closing a closed period changes nothing."""
    period = await session.scalar(
        select(PayPeriod)
        .where(PayPeriod.id == period_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if period is None:
        raise NotFound(what="period")
    if user_id is not None:
        require_owner(await actor_in(session, user_id, period.organization_id))
    if period.status == PayPeriodStatus.CLOSED:
        return period
    now = clock.now()
    period.status = PayPeriodStatus.CLOSED
    period.closed_at = now
    period.closed_by_user_id = user_id
    live = _live_totals_query(period.id).subquery()
    await session.execute(
        _insert(session)(Payslip)
        .from_select(
            [
                "pay_period_id",
                "organization_id",
                "user_id",
                "membership_id",
                "minutes",
                "gross",
                "fines",
                "bonuses",
                "net",
            ],
            select(
                literal(period.id),
                literal(period.organization_id),
                live.c.user_id,
                live.c.membership_id,
                live.c.minutes,
                live.c.gross,
                live.c.fines,
                live.c.bonuses,
                live.c.gross - live.c.fines + live.c.bonuses,
            ).where(true()),  # SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT
        )
        .on_conflict_do_nothing(index_elements=["pay_period_id", "user_id"])
    )
    rows = await session.execute(
        select(Payslip.user_id, Payslip.net).where(Payslip.pay_period_id == period.id)
    )
    await notify_many(
        session,
        kind=PAYROLL_PAYSLIP_READY.name,
        not_before=now,
        notifications=[
            UserNotification(
                recipient_user_id=employee_id,
                dedup_key=f"payroll_payslip_ready:{period.id}:u{employee_id}",
                payload={
                    "start": period.start_date.isoformat(),
                    "end": period.end_date.isoformat(),
                    "net": str(net),
                    "buttons": [
                        {
                            "text_key": "notify-button-open-payslip",
                            "start_payload": f"{PAYSLIP_PAYLOAD_PREFIX}{period.id}",
                        }
                    ],
                },
            )
            for employee_id, net in rows
        ],
    )
    await session.flush()
    return period


# ------------------------------------------------------------------ manual entries and payouts


async def _write_once(session: AsyncSession, row: dict[str, Any]) -> LedgerEntry:
    """Insert the entry unless its cause key exists; return the entry either way."""
    await _insert_entries(session, [row])
    entry = await session.scalar(
        select(LedgerEntry).where(LedgerEntry.cause_key == row["cause_key"])
    )
    assert entry is not None
    return entry


def _adjustment_amount(amount: Decimal) -> Decimal:
    if amount <= ZERO or amount > MAX_MONEY:
        raise InvalidInput(field="amount", reason="out-of-range", minimum=0, maximum=MAX_MONEY)
    if amount != money(amount):
        raise InvalidInput(field="amount", reason="too-precise")
    return money(amount)


async def _open_target_period(
    session: AsyncSession, clock: Clock, organization: Organization, period_id: int | None
) -> tuple[PayPeriod, date]:
    """The open period a manual entry goes to (today's unless one is named) and its work
    date: today, or the period's last day when the period is already behind us."""
    today = local_today(clock.now(), organization.timezone)
    if period_id is None:
        period = await period_for_date(session, organization.id, today)
    else:
        found = await session.get(PayPeriod, period_id)
        if found is None or found.organization_id != organization.id:
            raise NotFound(what="period")
        period = await period_for_date(session, organization.id, found.start_date)
    if period.status == PayPeriodStatus.CLOSED:
        raise PeriodClosed()
    return period, min(max(today, period.start_date), period.end_date)


async def add_manual_adjustment(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    employee_user_id: int,
    amount: Decimal,
    is_bonus: bool,
    reason: str,
    request_key: str,
    period_id: int | None = None,
) -> LedgerEntry:
    """A manual bonus or deduction (a positive `amount`) with a reason, by an owner or a
    manager with `edit_money` on the employee's objects, into an open period (today's by
    default). `request_key` makes a repeated request (double tap) write once. The
    employee is told."""
    actor = await actor_in(session, user_id, organization_id)
    membership = await _require_money_access(
        session, actor, employee_user_id, Permission.EDIT_MONEY
    )
    value = _adjustment_amount(amount)
    text = clean_text(reason, field="reason", max_length=MAX_REASON_LENGTH)
    organization = await _organization(session, organization_id)
    period, work_date = await _open_target_period(session, clock, organization, period_id)
    entry_type = LedgerEntryType.MANUAL_BONUS if is_bonus else LedgerEntryType.MANUAL_DEDUCTION
    cause = _Cause(
        key=f"manual:{request_key}",
        organization=organization,
        user_id=employee_user_id,
        membership_id=membership.id,
        work_date=work_date,
    )
    due = _Due(entry_type, value if is_bonus else -value, reason=text)
    entry = await _write_once(
        session, _entry_row(cause, due, period, False, f"{cause.key}:{entry_type.value}:1", user_id)
    )
    now = clock.now()
    await notify(
        session,
        kind=PAYROLL_ADJUSTMENT.name,
        dedup_key=f"payroll_adjustment:{entry.id}",
        not_before=now,
        payload={
            "kind": entry.type,
            "amount": str(value),
            "reason": text,
            "currency": organization.currency,
        },
        recipient_user_id=employee_user_id,
    )
    return entry


async def record_payout(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    period_id: int,
    employee_user_id: int,
    method: PayoutMethod,
    request_key: str,
    amount: Decimal | None = None,
) -> LedgerEntry:
    """Mark money paid (cash, card or bank transfer) against an employee's payslip of a
    period, open or closed: the whole balance when `amount` is None, else at most the
    balance. A `payout` entry is written once per `request_key`; the employee is told."""
    period = await _period(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    membership = await _require_money_access(
        session, actor, employee_user_id, Permission.EDIT_MONEY
    )
    cause_key = f"payout:{request_key}:payout:1"
    existing = await session.scalar(select(LedgerEntry).where(LedgerEntry.cause_key == cause_key))
    if existing is not None:
        return existing
    organization = await _organization(session, period.organization_id)
    found = await _totals(session, period, user_id=employee_user_id)
    balance = found[0].balance if found else ZERO
    value = balance if amount is None else _adjustment_amount(amount)
    if value <= ZERO:
        raise NothingToPay()
    if value > balance:
        raise OverBalance(balance=balance)
    today = local_today(clock.now(), organization.timezone)
    cause = _Cause(
        key=f"payout:{request_key}",
        organization=organization,
        user_id=employee_user_id,
        membership_id=membership.id,
        work_date=min(max(today, period.start_date), period.end_date),
    )
    due = _Due(LedgerEntryType.PAYOUT, -value)
    entry = await _write_once(
        session, _entry_row(cause, due, period, False, cause_key, user_id, payout_method=method)
    )
    now = clock.now()
    await notify(
        session,
        kind=PAYROLL_PAYOUT.name,
        dedup_key=f"payroll_payout:{entry.id}",
        not_before=now,
        payload={
            "amount": str(value),
            "method": method.value,
            "start": period.start_date.isoformat(),
            "end": period.end_date.isoformat(),
            "currency": organization.currency,
        },
        recipient_user_id=employee_user_id,
    )
    return entry


# ------------------------------------------------------------------ export


_SUMMARY_COLUMNS = (
    "payroll-xlsx-employee",
    "payroll-xlsx-hours",
    "payroll-xlsx-gross",
    "payroll-xlsx-fines",
    "payroll-xlsx-bonuses",
    "payroll-xlsx-net",
    "payroll-xlsx-paid",
    "payroll-xlsx-balance",
)
_DETAIL_COLUMNS = (
    "payroll-xlsx-date",
    "payroll-xlsx-employee",
    "payroll-xlsx-type",
    "payroll-xlsx-object",
    "payroll-xlsx-minutes",
    "payroll-xlsx-rate",
    "payroll-xlsx-amount",
    "payroll-xlsx-reason",
    "payroll-xlsx-late",
)
_MONEY_FORMAT = "#,##0.00"
_DATE_FORMAT = "yyyy-mm-dd"


def _cell(sheet: Any, value: Any, number_format: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def _header(sheet: Any, titles: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        cells.append(cell)
    return cells


def hours_of(minutes: int) -> Decimal:
    return money(Decimal(minutes) / Decimal(60))


async def export_period_workbook(
    session: AsyncSession, *, user_id: int, period_id: int, translator: Translator
) -> tuple[str, bytes]:
    """The period as an Excel workbook: a summary sheet with one row per worker (hours,
    gross, fines, bonuses, net, paid, balance) and a detail sheet with every entry, for
    viewers with `view_money`. Two queries whatever the number of employees."""
    period = await _period(session, period_id)
    actor = await actor_in(session, user_id, period.organization_id)
    scope = await _money_membership_scope(session, actor, Permission.VIEW_MONEY)
    totals = await _totals(session, period, scope=scope)
    detail = (
        select(LedgerEntry, User, WorkObject.name)
        .join(User, User.id == LedgerEntry.user_id)
        .outerjoin(WorkObject, WorkObject.id == LedgerEntry.object_id)
        .where(LedgerEntry.pay_period_id == period.id)
        .order_by(User.first_name, User.id, LedgerEntry.work_date, LedgerEntry.id)
    )
    if scope is not None:
        detail = detail.where(LedgerEntry.membership_id.in_(scope))
    entries = (await session.execute(detail)).all()

    # Write-only mode streams the rows: a month of 30,000 shifts stays fast and small.
    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet(translator.get("payroll-xlsx-summary-sheet"))
    summary.append(_header(summary, [translator.get(key) for key in _SUMMARY_COLUMNS]))
    for row in totals:
        money_cells = [row.gross, row.fines, row.bonuses, row.net, row.paid, row.balance]
        summary.append(
            [row.employee_name, _cell(summary, hours_of(row.minutes), _MONEY_FORMAT)]
            + [_cell(summary, value, _MONEY_FORMAT) for value in money_cells]
        )
    sheet = workbook.create_sheet(translator.get("payroll-xlsx-detail-sheet"))
    sheet.append(_header(sheet, [translator.get(key) for key in _DETAIL_COLUMNS]))
    type_names = {t: translator.get(f"payroll-type-{t}") for t in LedgerEntryType}
    late_mark = translator.get("payroll-xlsx-yes")
    for entry, employee, object_name in entries:
        sheet.append(
            [
                _cell(sheet, entry.work_date, _DATE_FORMAT),
                employee.display_name,
                type_names[LedgerEntryType(entry.type)],
                object_name or "",
                entry.minutes,
                _cell(sheet, entry.hourly_rate, _MONEY_FORMAT),
                _cell(sheet, entry.amount, _MONEY_FORMAT),
                entry.reason,
                late_mark if entry.late_for_closed_period else "",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    filename = f"payroll_{period.start_date.isoformat()}_{period.end_date.isoformat()}.xlsx"
    return filename, buffer.getvalue()


# ------------------------------------------------------------------ scheduled jobs


async def close_due_pay_periods(session: AsyncSession, clock: Clock) -> int:
    """Close every open period whose pay day has come in its organization's local date."""
    now = clock.now()
    candidates = await session.execute(
        select(PayPeriod.id, PayPeriod.pay_day, Organization.timezone)
        .join(Organization, Organization.id == PayPeriod.organization_id)
        .where(
            PayPeriod.status == PayPeriodStatus.OPEN,
            PayPeriod.pay_day <= (now + timedelta(days=1)).date(),
        )
        .order_by(PayPeriod.id)
    )
    closed = 0
    for period_id, pay_day, timezone in candidates.all():
        if local_today(now, timezone) >= pay_day:
            await close_pay_period(session, clock, period_id=period_id, user_id=None)
            closed += 1
    return closed


async def close_due_pay_periods_job(context: "JobContext") -> int:
    return await close_due_pay_periods(context.session, ManualClock(context.now))


async def record_missing_entries(session: AsyncSession) -> int:
    """The safety net behind the hooks: finished shifts without a pay entry get their
    shift and task entries, decided short-notice cancellations without an entry get their
    fine. Bounded batches, set-based (a fixed number of statements per batch); what it
    writes is what the hooks would have written."""
    shifts = list(
        await session.scalars(
            select(Shift)
            .where(
                Shift.status != ShiftStatus.OPEN,
                Shift.pay.is_not(None),
                ~exists().where(
                    and_(
                        LedgerEntry.shift_id == Shift.id,
                        LedgerEntry.type == LedgerEntryType.SHIFT_PAY,
                    )
                ),
            )
            .order_by(Shift.id)
            .limit(MISSING_ENTRIES_BATCH)
        )
    )
    by_id = {shift.id: shift for shift in shifts}
    items: list[_Item] = []
    for shift in shifts:
        items.append(_shift_item(shift, await _organization(session, shift.organization_id)))
    for task in await _tasks_of(session, list(by_id)) if shifts else []:
        shift = by_id[task.shift_id]
        organization = await _organization(session, shift.organization_id)
        items.append(_task_item(task, shift, organization))
    cancellations = list(
        await session.scalars(
            select(ShiftCancellation)
            .where(
                ShiftCancellation.fine_amount.is_not(None),
                ShiftCancellation.approval_status.in_(
                    [CancellationApproval.NOT_NEEDED, CancellationApproval.REFUSED]
                ),
                ~exists().where(LedgerEntry.cancellation_id == ShiftCancellation.id),
            )
            .order_by(ShiftCancellation.id)
            .limit(MISSING_ENTRIES_BATCH)
        )
    )
    if cancellations:
        items += await _cancellation_items(session, cancellations)
    return await _settle(session, items)


async def record_missing_entries_job(context: "JobContext") -> int:
    return await record_missing_entries(context.session)
