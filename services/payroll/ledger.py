"""The ledger (C7): what each cause of money is due, settled into entries
(`services.payroll.entries`). Money is `Decimal`; pay is minutes × rate / 60, half-up to
kopecks, per shift (`services.payroll.rules.pay_for`, written once).

Hooks the other features call (each in the caller's transaction):
`record_shift_entries` when a shift closes, auto-closes or is corrected;
`record_task_entries` when a shift closes and when a closed shift's proof is rejected;
`record_cancellation_fine` when a planned shift is cancelled and when its document is
decided; `record_absence_fine` when a manager marks someone absent with a fine.
Overtime and holiday premiums are settled with a shift's pay
(`services.payroll.premiums`). `record_missing_entries` (a scheduled job) catches any
cause a hook missed.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.entries import Cause, CauseDues, Due, settle
from services.payroll.premiums import object_zones, record_premium_entries
from services.payroll.rules import ZERO, chargeable_fine, whole_minutes, work_date
from services.platform.db.models import (
    AttendanceMark,
    CancellationApproval,
    CancellationReason,
    LedgerEntry,
    LedgerEntryType,
    Organization,
    PlannedShift,
    Shift,
    ShiftCancellation,
    ShiftStatus,
    ShiftTask,
    ShiftTaskStatus,
)
from services.platform.errors import NotFound
from services.staff.memberships import organization_of

FINE_TYPES = (
    LedgerEntryType.LATE_FINE,
    LedgerEntryType.TASK_FINE,
    LedgerEntryType.CANCELLATION_FINE,
    LedgerEntryType.MANUAL_DEDUCTION,
    LedgerEntryType.INCIDENT_DEDUCTION,
    LedgerEntryType.DEDUCTION_HELD_BACK,
    LedgerEntryType.DEDUCTION_CARRIED_OVER,
    LedgerEntryType.ABSENCE_FINE,
)
BONUS_TYPES = (
    LedgerEntryType.TASK_BONUS,
    LedgerEntryType.MANUAL_BONUS,
    LedgerEntryType.EXPENSE_COMPENSATION,
    LedgerEntryType.SHIFT_BONUS,
    LedgerEntryType.PERIOD_BONUS,
)
# What pays for work itself: the payslip's gross.
PAY_TYPES = (LedgerEntryType.SHIFT_PAY, LedgerEntryType.SALARY)
MISSING_ENTRIES_BATCH = 1_000


def _is_finished(shift: Shift) -> bool:
    return shift.status != ShiftStatus.OPEN and shift.pay is not None


def _work_cause(
    key: str, organization: Organization, work: Shift | PlannedShift, day: date, **ids: int
) -> Cause:
    """A cause that comes of an employee's work on an object (a shift, a task of it, a
    cancelled plan): it is theirs, on its work date `day`."""
    return Cause(
        key=key,
        organization=organization,
        user_id=work.user_id,
        membership_id=work.membership_id,
        work_date=day,
        object_id=work.object_id,
        **ids,
    )


def _shift_work_date(shift: Shift, zones: dict[int, str]) -> date:
    return work_date(shift.planned_start_at, shift.opened_at, zones[shift.object_id])


def _break_details(shift: Shift) -> dict[str, str]:
    """The breaks a shift's paid minutes exclude, for its payslip line (empty: none)."""
    if not shift.unpaid_break_minutes:
        return {}
    return {
        "unpaid_break_minutes": str(shift.unpaid_break_minutes),
        "break_minutes": str(shift.break_minutes),
    }


@dataclass(frozen=True)
class Correction:
    """Who corrected a shift's times, and why (shown on the payslip line)."""

    author_name: str
    reason: str


def shift_pay_details(shift: Shift, correction: Correction | None) -> dict[str, str]:
    """The facts a shift's pay line shows: its times (UTC, shown in the object's local
    time), the unpaid early minutes, whether it was closed automatically, and who
    corrected it and why."""
    assert shift.closed_at is not None
    details = {"opened_at": shift.opened_at.isoformat(), "closed_at": shift.closed_at.isoformat()}
    early = whole_minutes(shift.paid_from - shift.opened_at)
    if early > 0:
        details["early_unpaid_minutes"] = str(early)
    if shift.status == ShiftStatus.AUTO_CLOSED:
        details["auto_closed"] = "yes"
    if correction is not None:
        details["corrected_by"] = correction.author_name
        details["correction_reason"] = correction.reason
    return details


def late_fine_details(shift: Shift) -> dict[str, str]:
    """The lateness rules frozen on the shift at clock-in, so that the fine can be redone
    by hand: (late minutes − grace) × fine per minute."""
    return {
        "grace_minutes": str(shift.late_grace_minutes),
        "fine_per_minute": str(shift.late_fine_per_minute),
    }


def _shift_item(
    shift: Shift,
    organization: Organization,
    zones: dict[int, str],
    correction: Correction | None = None,
) -> CauseDues:
    """A finished shift owes its frozen pay and its frozen late fine."""
    assert shift.pay is not None
    cause = _work_cause(
        f"shift:{shift.id}",
        organization,
        shift,
        _shift_work_date(shift, zones),
        shift_id=shift.id,
    )
    return cause, [
        Due(
            LedgerEntryType.SHIFT_PAY,
            shift.pay,
            minutes=shift.worked_minutes,
            hourly_rate=shift.hourly_rate,
            details=shift_pay_details(shift, correction) | _break_details(shift),
        ),
        Due(
            LedgerEntryType.LATE_FINE,
            -shift.late_fine,
            minutes=shift.late_minutes,
            details=late_fine_details(shift),
        ),
    ]


def _task_item(
    task: ShiftTask, shift: Shift, organization: Organization, zones: dict[int, str]
) -> CauseDues:
    """A done task owes its bonus; an undone mandatory one its fine (negative)."""
    done = task.status == ShiftTaskStatus.DONE
    cause = _work_cause(
        f"task:{task.id}",
        organization,
        shift,
        _shift_work_date(shift, zones),
        shift_id=shift.id,
        task_id=task.id,
    )
    return cause, [
        Due(LedgerEntryType.TASK_BONUS, task.bonus if done else ZERO, reason=task.title),
        Due(
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
    session: AsyncSession,
    shift: Shift,
    *,
    author_user_id: int | None = None,
    correction: Correction | None = None,
) -> int:
    """Write the shift's pay and late fine from the values frozen on the shift (rate,
    worked minutes, pay, late minutes, fine), with the facts they were computed from, and
    settle the premiums of its week. Call it when the shift closes, auto-closes or is
    corrected (`correction`: by whom and why); again changes nothing. An open shift has
    nothing to write yet. The work date is the shift's (`rules.work_date`), in the
    object's timezone."""
    if not _is_finished(shift):
        return 0
    organization = await organization_of(session, shift.organization_id)
    zones = await object_zones(session, [shift.object_id])
    written = await settle(
        session,
        [_shift_item(shift, organization, zones, correction)],
        author_user_id=author_user_id,
    )
    return written + await record_premium_entries(session, [shift], author_user_id=author_user_id)


async def record_task_entries(session: AsyncSession, shift: Shift) -> int:
    """A done task earns its bonus; a mandatory task left undone costs its fine. Counted
    once the shift is over (close, auto-close), and settled again when a proof of the
    closed shift is rejected (the bonus is reversed, the fine applies). Idempotent."""
    if not _is_finished(shift):
        return 0
    organization = await organization_of(session, shift.organization_id)
    zones = await object_zones(session, [shift.object_id])
    tasks = await _tasks_of(session, [shift.id])
    return await settle(session, [_task_item(task, shift, organization, zones) for task in tasks])


async def _cancellation_items(
    session: AsyncSession, cancellations: Sequence[ShiftCancellation]
) -> list[CauseDues]:
    """What each cancellation owes (`chargeable_fine`), dated by the planned shift's
    local date in its object's timezone and explained by the reason's title."""
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
    zones = await object_zones(session, [p.object_id for p in planned.values()])
    items: list[CauseDues] = []
    for cancellation in cancellations:
        plan = planned.get(cancellation.planned_shift_id)
        if plan is None:
            raise NotFound(what="planned-shift")
        organization = await organization_of(session, cancellation.organization_id)
        cause = _work_cause(
            f"cancellation:{cancellation.id}",
            organization,
            plan,
            work_date(plan.starts_at, plan.starts_at, zones[plan.object_id]),
            cancellation_id=cancellation.id,
        )
        due = Due(
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
    return await settle(session, await _cancellation_items(session, [cancellation]))


async def record_absence_fine(
    session: AsyncSession, mark: AttendanceMark, planned: PlannedShift
) -> int:
    """Charge the fine of an absence a manager marked (nothing when none was chosen),
    on the planned shift's local date, explained by the manager's reason."""
    if not mark.fine_amount:
        return 0
    organization = await organization_of(session, mark.organization_id)
    zones = await object_zones(session, [planned.object_id])
    cause = _work_cause(
        f"absence:{mark.id}",
        organization,
        planned,
        work_date(planned.starts_at, planned.starts_at, zones[planned.object_id]),
    )
    due = Due(LedgerEntryType.ABSENCE_FINE, -mark.fine_amount, reason=mark.reason)
    return await settle(session, [(cause, [due])])


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
    zones = await object_zones(session, [shift.object_id for shift in shifts])
    items: list[CauseDues] = []
    for shift in shifts:
        organization = await organization_of(session, shift.organization_id)
        items.append(_shift_item(shift, organization, zones))
    for task in await _tasks_of(session, list(by_id)) if shifts else []:
        shift = by_id[task.shift_id]
        organization = await organization_of(session, shift.organization_id)
        items.append(_task_item(task, shift, organization, zones))
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
    return await settle(session, items) + await record_premium_entries(session, shifts)
