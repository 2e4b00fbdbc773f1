"""Who plans an object: the permission check every planning change starts with, and the
planners told when an employee books or cancels."""

from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import (
    Permission,
    WorkObject,
)
from services.platform.errors import NotFound
from services.staff.permissions import (
    Actor,
    actor_in,
    permission_holder_ids,
    require_object_permission,
)


async def work_object_of(session: AsyncSession, object_id: int) -> WorkObject:
    work_object = await session.get(WorkObject, object_id)
    if work_object is None:
        raise NotFound()
    return work_object


async def require_planner_on(
    session: AsyncSession, user_id: int, object_id: int, permission: Permission = Permission.PLAN
) -> tuple[Actor, WorkObject]:
    """The acting owner or manager and the object they plan, or a domain error."""
    work_object = await work_object_of(session, object_id)
    actor = await actor_in(session, user_id, work_object.organization_id)
    await require_object_permission(session, actor, object_id, permission)
    return actor, work_object


async def planner_user_ids(session: AsyncSession, work_object: WorkObject) -> list[int]:
    """Owners of the object's organization and managers with `plan` on the object."""
    return await permission_holder_ids(session, work_object, Permission.PLAN)
