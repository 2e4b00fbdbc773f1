"""Read models of the rates: which overtime rule applies to each object, the holidays of
a span, and the owner's settings screen."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import Holiday, OvertimeRule, WorkObject
from services.rates import rules


def _rule(row: OvertimeRule) -> rules.OvertimeRule:
    return rules.OvertimeRule(
        row.daily_threshold_minutes, row.weekly_threshold_minutes, row.multiplier
    )


async def rules_by_object(
    session: AsyncSession, organization_id: int, object_ids: Iterable[int]
) -> dict[int, rules.OvertimeRule | None]:
    """The overtime rule of each object: its override, else the organization's, else
    none. One query."""
    wanted = set(object_ids)
    rows = list(
        await session.scalars(
            select(OvertimeRule).where(
                OvertimeRule.organization_id == organization_id,
                or_(OvertimeRule.object_id.is_(None), OvertimeRule.object_id.in_(wanted)),
            )
        )
    )
    default = next((_rule(r) for r in rows if r.object_id is None), None)
    overrides = {r.object_id: _rule(r) for r in rows if r.object_id is not None}
    return {object_id: overrides.get(object_id, default) for object_id in wanted}


async def holidays_between(
    session: AsyncSession, organization_id: int, start: date, end: date
) -> dict[date, Decimal]:
    """The organization's holidays from `start` to `end` (both included) → multiplier."""
    rows = await session.execute(
        select(Holiday.day, Holiday.multiplier).where(
            Holiday.organization_id == organization_id, Holiday.day.between(start, end)
        )
    )
    return dict(rows.tuples().all())


@dataclass(frozen=True)
class RuleView:
    object_id: int | None
    object_name: str  # "" for the organization's rule
    daily_threshold_minutes: int | None
    weekly_threshold_minutes: int | None
    multiplier: Decimal


@dataclass(frozen=True)
class RatesOverview:
    organization_rule: RuleView | None
    overrides: list[RuleView]
    holidays: list[Holiday]


async def rates_overview(
    session: AsyncSession, organization_id: int, *, holidays_from: date
) -> RatesOverview:
    """The organization's rule, every object override and the holidays from
    `holidays_from` on, in date order."""
    rows = await session.execute(
        select(OvertimeRule, WorkObject.name)
        .outerjoin(WorkObject, WorkObject.id == OvertimeRule.object_id)
        .where(OvertimeRule.organization_id == organization_id)
        .order_by(WorkObject.name)
    )
    views = [
        RuleView(
            row.object_id,
            name or "",
            row.daily_threshold_minutes,
            row.weekly_threshold_minutes,
            row.multiplier,
        )
        for row, name in rows
    ]
    holidays = await session.scalars(
        select(Holiday)
        .where(Holiday.organization_id == organization_id, Holiday.day >= holidays_from)
        .order_by(Holiday.day)
    )
    return RatesOverview(
        organization_rule=next((v for v in views if v.object_id is None), None),
        overrides=[v for v in views if v.object_id is not None],
        holidays=list(holidays),
    )
