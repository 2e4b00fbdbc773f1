"""Who may see and edit money: owners everyone's, managers that of the people on objects
where they hold `view_money` or `edit_money`, employees only their own (to see)."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Select

from services.platform.db.models import Membership, MembershipObject, MembershipRole, Permission
from services.platform.errors import NotFound, PermissionDenied
from services.staff.permissions import Actor, objects_with_permission


async def money_membership_scope(
    session: AsyncSession, actor: Actor, permission: Permission
) -> Select[Any] | None:
    """Memberships whose money the actor may see or edit: None means all of the
    organization (owners); a manager gets those working on objects where they hold
    `permission`; anyone else nothing."""
    if actor.is_owner:
        return None
    if actor.role != MembershipRole.MANAGER:
        raise PermissionDenied()
    object_ids = [o.id for o in await objects_with_permission(session, actor, permission)]
    if not object_ids:
        raise PermissionDenied()
    return select(MembershipObject.membership_id).where(MembershipObject.object_id.in_(object_ids))


async def require_money_access(
    session: AsyncSession, actor: Actor, employee_user_id: int, permission: Permission
) -> Membership:
    """The employee's membership, if the actor may handle their money (`permission`);
    employees may only see their own (never edit)."""
    membership = await session.scalar(
        select(Membership).where(
            Membership.organization_id == actor.organization_id,
            Membership.user_id == employee_user_id,
        )
    )
    if membership is None:
        raise NotFound(what="employee")
    if actor.user_id == employee_user_id and permission == Permission.VIEW_MONEY:
        return membership
    scope = await money_membership_scope(session, actor, permission)
    if scope is not None and membership.id not in set(await session.scalars(scope)):
        raise PermissionDenied()
    return membership


async def _has_money_permission(
    session: AsyncSession, actor: Actor, permission: Permission
) -> bool:
    try:
        await money_membership_scope(session, actor, permission)
    except PermissionDenied:
        return False
    return True


async def can_view_money(session: AsyncSession, actor: Actor) -> bool:
    return await _has_money_permission(session, actor, Permission.VIEW_MONEY)


async def can_edit_money(session: AsyncSession, actor: Actor) -> bool:
    return await _has_money_permission(session, actor, Permission.EDIT_MONEY)
