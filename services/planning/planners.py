"""Who plans an object: the permission check every planning change starts with, and the
planners told when an employee books or cancels."""

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Permission,
    WorkObject,
)
from services.platform.errors import NotFound
from services.staff.permissions import Actor, actor_in, require_object_permission


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
    rows = await session.execute(
        select(Membership.user_id, Membership.role, MembershipObject.permissions)
        .outerjoin(
            MembershipObject,
            and_(
                MembershipObject.membership_id == Membership.id,
                MembershipObject.object_id == work_object.id,
            ),
        )
        .where(
            Membership.organization_id == work_object.organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role.in_([MembershipRole.OWNER, MembershipRole.MANAGER]),
        )
    )
    return sorted(
        {
            user_id
            for user_id, role, permissions in rows
            if role == MembershipRole.OWNER or Permission.PLAN.value in (permissions or ())
        }
    )
