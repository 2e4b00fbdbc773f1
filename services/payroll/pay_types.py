"""What the pay types owe for a pay period, written when it closes (before the
deduction cap, which is a share of this pay): a monthly salary's prorated share
(`pay_type_rules.salary_parts`), a bonus for each finished shift of the period whose
mandatory tasks were all done, and a bonus for the period when the member worked in it
and left no mandatory task undone. Settled like every cause: closing computes it once."""

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.entries import Cause, CauseDues, Due, settle
from services.payroll.pay_type_rules import TermsVersion, salary_parts, terms_on
from services.platform.db.models import (
    ContractTerms,
    LedgerEntry,
    LedgerEntryType,
    Membership,
    Organization,
    PayPeriod,
    PayType,
    ShiftTask,
    ShiftTaskStatus,
)
from services.staff.memberships import organization_of


async def _versions(session: AsyncSession, organization_id: int) -> dict[int, list[TermsVersion]]:
    """Every contract version of the organization's memberships, by membership."""
    rows = await session.scalars(
        select(ContractTerms)
        .join(Membership, Membership.id == ContractTerms.membership_id)
        .where(Membership.organization_id == organization_id)
    )
    versions: dict[int, list[TermsVersion]] = defaultdict(list)
    for row in rows:
        versions[row.membership_id].append(
            TermsVersion(
                row.effective_from,
                PayType(row.pay_type),
                row.monthly_salary,
                row.shift_bonus,
                row.period_bonus,
            )
        )
    return versions


async def _worked_shifts(session: AsyncSession, period: PayPeriod) -> list[LedgerEntry]:
    """The period's shift pay lines that no reversal has cancelled: its finished shifts."""
    entries = list(
        await session.scalars(
            select(LedgerEntry).where(
                LedgerEntry.pay_period_id == period.id,
                LedgerEntry.type == LedgerEntryType.SHIFT_PAY,
                LedgerEntry.shift_id.is_not(None),
            )
        )
    )
    reversed_ids = {e.reverses_entry_id for e in entries if e.reverses_entry_id is not None}
    return [e for e in entries if e.reverses_entry_id is None and e.id not in reversed_ids]


async def _shifts_with_undone_tasks(session: AsyncSession, shift_ids: list[int]) -> set[int]:
    return set(
        await session.scalars(
            select(ShiftTask.shift_id).where(
                ShiftTask.shift_id.in_(shift_ids),
                ShiftTask.mandatory.is_(True),
                ShiftTask.status != ShiftTaskStatus.DONE,
            )
        )
    )


def _cause(
    key: str, organization: Organization, membership: Membership, day: date, **ids: int
) -> Cause:
    return Cause(
        key=key,
        organization=organization,
        user_id=membership.user_id,
        membership_id=membership.id,
        work_date=day,
        **ids,
    )


def _salary_items(
    organization: Organization,
    period: PayPeriod,
    membership: Membership,
    versions: list[TermsVersion],
) -> list[CauseDues]:
    items: list[CauseDues] = []
    for part in salary_parts(
        period.start_date, period.end_date, versions, membership.started_on, membership.ended_on
    ):
        key = f"salary:{period.id}:{membership.id}:{part.first_day.isoformat()}"
        due = Due(
            LedgerEntryType.SALARY,
            part.amount,
            details={
                "monthly_salary": str(part.monthly_salary),
                "days": str(part.days),
                "days_in_month": str(part.days_in_month),
                "first_day": part.first_day.isoformat(),
                "last_day": part.last_day.isoformat(),
            },
        )
        items.append((_cause(key, organization, membership, part.last_day), [due]))
    return items


def _bonus_items(
    organization: Organization,
    period: PayPeriod,
    membership: Membership,
    versions: list[TermsVersion],
    worked: list[LedgerEntry],
    undone: set[int],
) -> list[CauseDues]:
    """A bonus per finished shift with no mandatory task undone (by the terms of its work
    date), and one per period (by the terms of the period's last day) when the member
    worked in it and left no mandatory task undone."""
    undone_shifts = {e.shift_id for e in worked if e.shift_id in undone}
    items: list[CauseDues] = []
    for entry in worked:
        terms = terms_on(versions, entry.work_date)
        if terms is None or terms.pay_type != PayType.HOURLY_BONUS or not terms.shift_bonus:
            continue
        if entry.shift_id in undone_shifts:
            continue
        cause = _cause(
            f"shift-bonus:{entry.shift_id}",
            organization,
            membership,
            entry.work_date,
            shift_id=entry.shift_id,
        )
        due = Due(LedgerEntryType.SHIFT_BONUS, terms.shift_bonus, details={"per_shift": "1"})
        items.append((cause, [due]))
    terms = terms_on(versions, period.end_date)
    if (
        worked
        and not undone_shifts
        and terms is not None
        and terms.pay_type == PayType.HOURLY_BONUS
        and terms.period_bonus
    ):
        cause = _cause(
            f"period-bonus:{period.id}:{membership.id}", organization, membership, period.end_date
        )
        items.append((cause, [Due(LedgerEntryType.PERIOD_BONUS, terms.period_bonus)]))
    return items


async def record_period_pay(session: AsyncSession, period: PayPeriod) -> int:
    """Before `period` closes: each member's salary share and bonuses for it. Returns
    the rows written (none when run again)."""
    versions = await _versions(session, period.organization_id)
    paid_otherwise = {
        membership_id
        for membership_id, member_versions in versions.items()
        if any(v.pay_type != PayType.HOURLY for v in member_versions)
    }
    if not paid_otherwise:
        return 0
    organization = await organization_of(session, period.organization_id)
    worked = await _worked_shifts(session, period)
    undone = await _shifts_with_undone_tasks(session, [e.shift_id for e in worked if e.shift_id])
    by_membership: dict[int, list[LedgerEntry]] = defaultdict(list)
    for entry in worked:
        by_membership[entry.membership_id].append(entry)
    memberships = await session.scalars(select(Membership).where(Membership.id.in_(paid_otherwise)))
    items: list[CauseDues] = []
    for membership in memberships:
        member_versions = versions[membership.id]
        items += _salary_items(organization, period, membership, member_versions)
        items += _bonus_items(
            organization, period, membership, member_versions, by_membership[membership.id], undone
        )
    return await settle(session, items)
