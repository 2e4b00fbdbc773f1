"""The hard rules in force, read from the database: the organization's limits (defaults
until its owner sets them), each contract's own limits and weekly target, the objects'
travel times, and a person's planned shifts around a day (`services.planning.work_rules`
judges them)."""

from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.planning.work_rules import Limits, Work, WorkRules
from services.platform.db.models import (
    ContractTerms,
    ObjectTravelTime,
    OrganizationSchedulingSettings,
    PlannedShift,
    PlannedShiftStatus,
    WorkObject,
)

# Planned shifts this far around a day count for rest, the week and days in a row.
AROUND = timedelta(days=8)


async def organization_limits(session: AsyncSession, organization_id: int) -> Limits:
    """The organization's limits; the defaults until its owner sets them."""
    row = await session.get(OrganizationSchedulingSettings, organization_id)
    if row is None:
        return Limits()
    return Limits(
        min_rest_minutes=row.min_rest_hours * 60,
        max_day_minutes=row.max_day_hours * 60,
        max_week_minutes=row.max_week_hours * 60,
        max_consecutive_days=row.max_consecutive_days,
        overtime_week_minutes=row.overtime_week_hours * 60,
    )


async def contracts_in_force(
    session: AsyncSession, membership_ids: list[int], on_date: date
) -> dict[int, ContractTerms]:
    """Each contract's version in force on the date, in one query."""
    versions: dict[int, ContractTerms] = {}
    for terms in await session.scalars(
        select(ContractTerms)
        .where(
            ContractTerms.membership_id.in_(membership_ids),
            ContractTerms.effective_from <= on_date,
        )
        .order_by(ContractTerms.membership_id, ContractTerms.effective_from)
    ):
        versions[terms.membership_id] = terms
    return versions


def person_limits(limits: Limits, terms: ContractTerms | None) -> Limits:
    """The organization's limits with the contract's own where it sets them."""
    if terms is None:
        return limits
    return limits.with_contract(
        terms.max_day_hours, terms.max_week_hours, terms.max_consecutive_days
    )


def target_minutes(terms: ContractTerms | None) -> int | None:
    """The contract's weekly target in minutes; None: an even share of the week."""
    if terms is None or terms.target_week_hours is None:
        return None
    return terms.target_week_hours * 60


async def travel_minutes(session: AsyncSession, object_ids: list[int]) -> dict[int, int]:
    rows = await session.execute(
        select(ObjectTravelTime.object_id, ObjectTravelTime.travel_minutes).where(
            ObjectTravelTime.object_id.in_(object_ids)
        )
    )
    return dict(rows.tuples().all())


async def work_rules_for(
    session: AsyncSession, organization_id: int, membership_id: int, on_date: date
) -> WorkRules:
    """The rules one member works under on a date: the organization's limits with their
    contract's own, and the travel times of the organization's objects."""
    limits = await organization_limits(session, organization_id)
    terms = (await contracts_in_force(session, [membership_id], on_date)).get(membership_id)
    object_ids = list(
        await session.scalars(
            select(WorkObject.id).where(WorkObject.organization_id == organization_id)
        )
    )
    return WorkRules(person_limits(limits, terms), await travel_minutes(session, object_ids))


async def planned_work(
    session: AsyncSession, user_ids: list[int], start: datetime, end: datetime
) -> dict[int, list[Work]]:
    """Each user's planned shifts from `AROUND` before `start` to `AROUND` after `end`."""
    planned: dict[int, list[Work]] = defaultdict(list)
    for shift, timezone in await session.execute(
        select(PlannedShift, WorkObject.timezone)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .where(
            PlannedShift.user_id.in_(user_ids),
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.starts_at < end + AROUND,
            PlannedShift.ends_at > start - AROUND,
        )
    ):
        work = Work(shift.object_id, shift.starts_at, shift.ends_at, ZoneInfo(timezone))
        planned[shift.user_id].append(work)
    return planned
