"""Weekly templates of an object: weekday × time ranges, and applying a template to a
range of dates."""

from datetime import date, time, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.orgs.organizations import clean_name
from services.planning.errors import SlotExists
from services.planning.planners import require_planner_on
from services.planning.rules import require_capacity, require_distinct_times
from services.planning.slots import GenerationResult, generate_slots
from services.platform.clock import Clock
from services.platform.db.models import WeeklyTemplate, WeeklyTemplateItem, WorkObject
from services.platform.errors import InvalidInput, NotFound

MAX_TEMPLATE_RANGE_DAYS = 93


async def create_template(
    session: AsyncSession, *, user_id: int, object_id: int, title: str
) -> WeeklyTemplate:
    """A new, empty weekly template of the object (owners and managers with `plan`)."""
    await require_planner_on(session, user_id, object_id)
    template = WeeklyTemplate(object_id=object_id, title=clean_name(title, field="title"))
    session.add(template)
    await session.flush()
    return template


async def _template_for_planner(
    session: AsyncSession, user_id: int, template_id: int
) -> tuple[WeeklyTemplate, WorkObject]:
    template = await session.get(WeeklyTemplate, template_id)
    if template is None:
        raise NotFound()
    _, work_object = await require_planner_on(session, user_id, template.object_id)
    return template, work_object


async def add_template_item(
    session: AsyncSession,
    *,
    user_id: int,
    template_id: int,
    weekday: int,
    start_time: time,
    end_time: time,
    max_employees: int = 1,
    rate_override: Decimal | None = None,
) -> WeeklyTemplateItem:
    """Add a weekday × time range to a template (weekday 0 = Monday); the same range on
    the same weekday twice is refused."""
    await _template_for_planner(session, user_id, template_id)
    if not 0 <= weekday <= 6:
        raise InvalidInput(field="weekday")
    require_distinct_times(start_time, end_time)
    require_capacity(max_employees)
    exists = await session.scalar(
        select(WeeklyTemplateItem.id).where(
            WeeklyTemplateItem.template_id == template_id,
            WeeklyTemplateItem.weekday == weekday,
            WeeklyTemplateItem.start_time == start_time,
            WeeklyTemplateItem.end_time == end_time,
        )
    )
    if exists is not None:
        raise SlotExists()
    item = WeeklyTemplateItem(
        template_id=template_id,
        weekday=weekday,
        start_time=start_time,
        end_time=end_time,
        max_employees=max_employees,
        rate_override=rate_override,
    )
    session.add(item)
    await session.flush()
    return item


async def remove_template_item(session: AsyncSession, *, user_id: int, item_id: int) -> None:
    item = await session.get(WeeklyTemplateItem, item_id)
    if item is None:
        raise NotFound()
    await _template_for_planner(session, user_id, item.template_id)
    await session.delete(item)
    await session.flush()


async def object_templates(
    session: AsyncSession, *, user_id: int, object_id: int
) -> list[WeeklyTemplate]:
    await require_planner_on(session, user_id, object_id)
    return list(
        await session.scalars(
            select(WeeklyTemplate)
            .where(WeeklyTemplate.object_id == object_id)
            .order_by(WeeklyTemplate.title, WeeklyTemplate.id)
        )
    )


async def template_items(
    session: AsyncSession, *, user_id: int, template_id: int
) -> tuple[WeeklyTemplate, list[WeeklyTemplateItem]]:
    template, _ = await _template_for_planner(session, user_id, template_id)
    items = await session.scalars(
        select(WeeklyTemplateItem)
        .where(WeeklyTemplateItem.template_id == template_id)
        .order_by(WeeklyTemplateItem.weekday, WeeklyTemplateItem.start_time)
    )
    return template, list(items)


async def apply_template(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    template_id: int,
    date_from: date,
    date_to: date,
) -> GenerationResult:
    """Generate the template's slots for every local date of the range (both ends
    included). Existing slots (same object, date and times) and slots that would start in
    the past are skipped, so applying a template again never duplicates anything."""
    template, work_object = await _template_for_planner(session, user_id, template_id)
    if date_to < date_from:
        raise InvalidInput(field="date_range", reason="reversed")
    if (date_to - date_from).days >= MAX_TEMPLATE_RANGE_DAYS:
        raise InvalidInput(field="date_range", reason="too-long", limit=MAX_TEMPLATE_RANGE_DAYS)
    items = list(
        await session.scalars(
            select(WeeklyTemplateItem).where(WeeklyTemplateItem.template_id == template.id)
        )
    )
    wanted = []
    day = date_from
    while day <= date_to:
        for item in items:
            if item.weekday == day.weekday():
                wanted.append(
                    (
                        day,
                        item.start_time,
                        item.end_time,
                        item.max_employees,
                        item.rate_override,
                        "",
                    )
                )
        day += timedelta(days=1)
    return await generate_slots(session, clock, work_object, wanted)
