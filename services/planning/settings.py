"""The organization's planning settings, set by its owner: the fine for a short-notice
cancellation and the weekly hours an employee may take on through exchange."""

from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import OrganizationPlanningSettings
from services.platform.db.session import dialect_insert
from services.platform.validation import Quantity, parse_money, parse_whole_number
from services.staff.permissions import actor_in, require_owner

MAX_WEEKLY_HOURS = 168


async def planning_settings(
    session: AsyncSession, organization_id: int
) -> OrganizationPlanningSettings:
    """The organization's planning settings; defaults (not stored) until an owner sets them."""
    settings = await session.get(OrganizationPlanningSettings, organization_id)
    if settings is None:
        return OrganizationPlanningSettings(
            organization_id=organization_id, cancellation_fine=Decimal("0.00")
        )
    return settings


async def _save_planning_settings(
    session: AsyncSession, organization_id: int, **values: Any
) -> OrganizationPlanningSettings:
    statement = (
        dialect_insert(session)(OrganizationPlanningSettings)
        .values(organization_id=organization_id, **values)
        .on_conflict_do_update(index_elements=["organization_id"], set_=values)
    )
    await session.execute(statement)
    settings = await session.get(
        OrganizationPlanningSettings, organization_id, populate_existing=True
    )
    assert settings is not None
    return settings


async def set_cancellation_fine(
    session: AsyncSession, *, user_id: int, organization_id: int, amount: str
) -> OrganizationPlanningSettings:
    """The owner sets the fine for a short-notice cancellation (0 means none)."""
    require_owner(await actor_in(session, user_id, organization_id))
    return await _save_planning_settings(
        session, organization_id, cancellation_fine=parse_money(amount, field="amount")
    )


async def set_weekly_hours_cap(
    session: AsyncSession, *, user_id: int, organization_id: int, hours: str
) -> OrganizationPlanningSettings:
    """The owner sets how many planned hours a week an employee may take on through open
    places, give-aways and swaps (0 means no cap)."""
    require_owner(await actor_in(session, user_id, organization_id))
    cap = parse_whole_number(
        hours,
        field="weekly_hours_cap",
        quantity=Quantity.HOURS,
        minimum=0,
        maximum=MAX_WEEKLY_HOURS,
    )
    return await _save_planning_settings(session, organization_id, weekly_hours_cap=cap or None)
