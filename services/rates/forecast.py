"""The planning forecast: how much of an employee's planned week would be overtime under
the rules, so a planner is warned before the week is worked."""

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import PlannedShift, PlannedShiftStatus, WorkObject
from services.platform.local_time import local_today, monday_of
from services.rates.queries import rules_by_object
from services.rates.rules import PlannedWork, planned_overtime_minutes

# Local dates differ from UTC ones by less than a day in every timezone.
ZONE_MARGIN = timedelta(days=1)


async def planned_week_overtime(session: AsyncSession, planned_shift: PlannedShift) -> int:
    """Overtime minutes of the week (Monday–Sunday, by each shift's local start date)
    that holds `planned_shift`, over the employee's planned shifts in the organization;
    0 when no rule applies. A read, for the planner's warning."""
    work_object = await session.get(WorkObject, planned_shift.object_id)
    assert work_object is not None
    monday = monday_of(local_today(planned_shift.starts_at, work_object.timezone))
    start = datetime.combine(monday, time(0), UTC) - ZONE_MARGIN
    rows = (
        await session.execute(
            select(PlannedShift, WorkObject.timezone)
            .join(WorkObject, WorkObject.id == PlannedShift.object_id)
            .where(
                PlannedShift.user_id == planned_shift.user_id,
                WorkObject.organization_id == work_object.organization_id,
                PlannedShift.status == PlannedShiftStatus.PLANNED,
                PlannedShift.starts_at >= start,
                PlannedShift.starts_at < start + timedelta(days=7) + 2 * ZONE_MARGIN,
            )
        )
    ).all()
    week = [
        (plan, local_today(plan.starts_at, zone))
        for plan, zone in rows
        if monday_of(local_today(plan.starts_at, zone)) == monday
    ]
    rules = await rules_by_object(
        session, work_object.organization_id, {plan.object_id for plan, _ in week}
    )
    return planned_overtime_minutes(
        [
            PlannedWork(
                day,
                plan.starts_at,
                int((plan.ends_at - plan.starts_at).total_seconds() // 60),
                rules[plan.object_id],
            )
            for plan, day in week
        ]
    )
