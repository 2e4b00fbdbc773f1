"""The limits the auto-scheduler keeps, set by the owner: rest between shifts, hours a
day and a week, days in a row, the weekly overtime threshold, and each object's travel
time."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.planning.planners import require_planner_on
from services.platform.db.models import ObjectTravelTime, OrganizationSchedulingSettings, WorkObject
from services.platform.db.session import dialect_insert
from services.platform.validation import Quantity, WholeNumberField, parse_whole_number
from services.staff.permissions import actor_in, require_owner

LIMIT_FIELDS = {
    field.name: field
    for field in (
        WholeNumberField("min_rest_hours", Quantity.HOURS, 0, 24),
        WholeNumberField("max_day_hours", Quantity.HOURS, 1, 24),
        WholeNumberField("max_week_hours", Quantity.HOURS, 1, 168),
        WholeNumberField("max_consecutive_days", Quantity.DAYS, 1, 14),
        WholeNumberField("overtime_week_hours", Quantity.HOURS, 1, 168),
    )
}
MAX_TRAVEL_MINUTES = 24 * 60


async def set_scheduling_limit(
    session: AsyncSession, *, user_id: int, organization_id: int, name: str, value: str
) -> int:
    """The owner changes one limit of the organization (the others keep their values)."""
    require_owner(await actor_in(session, user_id, organization_id))
    number = LIMIT_FIELDS[name].parse(value)
    await session.execute(
        dialect_insert(session)(OrganizationSchedulingSettings)
        .values(organization_id=organization_id, **{name: number})
        .on_conflict_do_update(index_elements=["organization_id"], set_={name: number})
    )
    return number


async def set_travel_minutes(
    session: AsyncSession, *, user_id: int, object_id: int, value: str
) -> int:
    """A planner of the object sets how long it takes to get there from another object."""
    await require_planner_on(session, user_id, object_id)
    minutes = parse_whole_number(
        value,
        field="travel_minutes",
        quantity=Quantity.MINUTES,
        minimum=0,
        maximum=MAX_TRAVEL_MINUTES,
    )
    await session.execute(
        dialect_insert(session)(ObjectTravelTime)
        .values(object_id=object_id, travel_minutes=minutes)
        .on_conflict_do_update(index_elements=["object_id"], set_={"travel_minutes": minutes})
    )
    return minutes


async def travel_times(session: AsyncSession, object_ids: list[int]) -> list[tuple[int, str, int]]:
    """Object id, name and travel minutes of each object (0 when never set)."""
    rows = await session.execute(
        select(WorkObject.id, WorkObject.name, ObjectTravelTime.travel_minutes)
        .outerjoin(ObjectTravelTime, ObjectTravelTime.object_id == WorkObject.id)
        .where(WorkObject.id.in_(object_ids))
        .order_by(WorkObject.name, WorkObject.id)
    )
    return [(object_id, name, minutes or 0) for object_id, name, minutes in rows]
