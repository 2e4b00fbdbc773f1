"""Overtime and holiday premiums in the ledger: each finished shift has a cause
`premium:<shift id>` with an `overtime_premium` and a `holiday_premium` entry (zero
amounts are not written). The rules (`services.rates.rules`) need the employee's whole
week, so a shift that closes or is corrected settles the premiums of every shift of the
weeks it touches: a later shift's overtime moves when an earlier one is corrected, and
settling writes only the difference (reversals and new entries), never twice. A week is
settled under the overtime rules and holidays in force when it is settled."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.entries import Cause, CauseDues, Due, settle
from services.payroll.rules import ZERO, work_date
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    Organization,
    Shift,
    ShiftStatus,
    WorkObject,
)
from services.platform.local_time import monday_of
from services.rates.queries import holidays_between, rules_by_object
from services.rates.rules import Premium, ShiftPremiums, WorkedShift, premiums_of
from services.staff.memberships import organization_of

PREMIUM_TYPES = (LedgerEntryType.OVERTIME_PREMIUM, LedgerEntryType.HOLIDAY_PREMIUM)
# Local dates differ from UTC ones by less than a day in every timezone.
ZONE_MARGIN = timedelta(days=1)

Week = tuple[int, int, date]  # organization, employee, Monday


def premium_cause(shift_id: int) -> str:
    return f"premium:{shift_id}"


async def object_zones(session: AsyncSession, object_ids: Iterable[int]) -> dict[int, str]:
    """The timezone of each object, in one query."""
    return dict(
        (
            await session.execute(
                select(WorkObject.id, WorkObject.timezone).where(WorkObject.id.in_(set(object_ids)))
            )
        ).all()
    )


def _is_finished(shift: Shift) -> bool:
    return shift.status != ShiftStatus.OPEN and shift.pay is not None


def _due(entry_type: LedgerEntryType, premium: Premium | None) -> Due:
    if premium is None:
        return Due(entry_type, ZERO)
    return Due(
        entry_type,
        premium.amount,
        minutes=premium.minutes,
        hourly_rate=premium.hourly_rate,
        details=premium.details,
    )


async def _finished_shifts_of_weeks(session: AsyncSession, weeks: set[Week]) -> list[Shift]:
    """Finished shifts of the weeks' employees around those weeks (cut exactly later)."""
    first = min(monday for _, _, monday in weeks)
    last = max(monday for _, _, monday in weeks) + timedelta(days=7)
    started = func.coalesce(Shift.planned_start_at, Shift.opened_at)
    return list(
        await session.scalars(
            select(Shift)
            .where(
                Shift.organization_id.in_({organization for organization, _, _ in weeks}),
                Shift.user_id.in_({user for _, user, _ in weeks}),
                Shift.status != ShiftStatus.OPEN,
                Shift.pay.is_not(None),
                started >= datetime.combine(first, time(0), UTC) - ZONE_MARGIN,
                started < datetime.combine(last, time(0), UTC) + ZONE_MARGIN,
            )
            .order_by(Shift.id)
        )
    )


async def _weeks_items(session: AsyncSession, weeks: set[Week]) -> list[CauseDues]:
    """The premium dues of every shift of the weeks: a fixed number of statements per
    organization (its rules and holidays are read once), whatever the number of people."""
    shifts = await _finished_shifts_of_weeks(session, weeks)
    zones = await object_zones(session, [shift.object_id for shift in shifts])
    by_organization: dict[int, dict[int, list[tuple[Shift, date]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for shift in shifts:
        day = work_date(shift.planned_start_at, shift.opened_at, zones[shift.object_id])
        if (shift.organization_id, shift.user_id, monday_of(day)) in weeks:
            by_organization[shift.organization_id][shift.user_id].append((shift, day))
    items: list[CauseDues] = []
    for organization_id, by_user in by_organization.items():
        found = [item for worked in by_user.values() for item in worked]
        organization = await organization_of(session, organization_id)
        rules = await rules_by_object(session, organization_id, {s.object_id for s, _ in found})
        days = [day for _, day in found]
        holidays = await holidays_between(
            session, organization_id, min(days) - timedelta(days=1), max(days) + timedelta(days=2)
        )
        for worked in by_user.values():
            premiums = premiums_of(
                [
                    WorkedShift(
                        shift.id,
                        day,
                        shift.paid_from,
                        shift.worked_minutes or 0,
                        shift.hourly_rate,
                        ZoneInfo(zones[shift.object_id]),
                        rules[shift.object_id],
                    )
                    for shift, day in worked
                ],
                holidays,
            )
            items += [
                _premium_item(shift, day, organization, premiums[shift.id]) for shift, day in worked
            ]
    return items


def _premium_item(
    shift: Shift, day: date, organization: Organization, premium: ShiftPremiums
) -> CauseDues:
    cause = Cause(
        key=premium_cause(shift.id),
        organization=organization,
        user_id=shift.user_id,
        membership_id=shift.membership_id,
        work_date=day,
        object_id=shift.object_id,
        shift_id=shift.id,
    )
    return cause, [
        _due(LedgerEntryType.OVERTIME_PREMIUM, premium.overtime),
        _due(LedgerEntryType.HOLIDAY_PREMIUM, premium.holiday),
    ]


async def record_premium_entries(
    session: AsyncSession, shifts: Sequence[Shift], *, author_user_id: int | None = None
) -> int:
    """Settle the premiums of every shift in the weeks of `shifts` (their work dates',
    and those their premium entries were written for, should a correction have moved a
    shift to another week). Idempotent; returns how many rows were written."""
    finished = [shift for shift in shifts if _is_finished(shift)]
    if not finished:
        return 0
    zones = await object_zones(session, [shift.object_id for shift in finished])
    weeks: set[Week] = {
        (
            shift.organization_id,
            shift.user_id,
            monday_of(work_date(shift.planned_start_at, shift.opened_at, zones[shift.object_id])),
        )
        for shift in finished
    }
    written_for = await session.execute(
        select(LedgerEntry.organization_id, LedgerEntry.user_id, LedgerEntry.work_date)
        .where(LedgerEntry.cause.in_([premium_cause(shift.id) for shift in finished]))
        .distinct()
    )
    weeks |= {(org, user, monday_of(day)) for org, user, day in written_for.tuples()}
    return await settle(session, await _weeks_items(session, weeks), author_user_id=author_user_id)
