"""Who may do what. Enforced here, in `services`, for the bot and the Mini App alike:
hiding a button is a courtesy, this is the rule."""

from collections.abc import Iterable
from dataclasses import dataclass

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
from services.platform.errors import NotFound, PermissionDenied
from services.staff.users import kept_memberships


@dataclass(frozen=True)
class Actor:
    """A user acting inside one organization."""

    user_id: int
    organization_id: int
    membership_id: int
    role: MembershipRole

    @property
    def is_owner(self) -> bool:
        return self.role == MembershipRole.OWNER


async def actor_in(session: AsyncSession, user_id: int, organization_id: int) -> Actor:
    """The user's active membership in the organization, or `PermissionDenied`."""
    kept = kept_memberships(session, user_id)
    if kept is not None:
        found = next((m for m in kept if m.organization_id == organization_id), None)
        if found is None:
            raise PermissionDenied()
        return Actor(user_id, organization_id, found.membership_id, found.role)
    membership = await session.scalar(
        select(Membership).where(
            Membership.user_id == user_id,
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )
    if membership is None:
        raise PermissionDenied()
    return Actor(user_id, organization_id, membership.id, MembershipRole(membership.role))


async def owner_user_ids(session: AsyncSession, organization_id: int) -> list[int]:
    """The organization's active owners."""
    return list(
        await session.scalars(
            select(Membership.user_id).where(
                Membership.organization_id == organization_id,
                Membership.role == MembershipRole.OWNER,
                Membership.status == MembershipStatus.ACTIVE,
            )
        )
    )


def require_owner(actor: Actor) -> None:
    if not actor.is_owner:
        raise PermissionDenied()


async def object_permissions(session: AsyncSession, actor: Actor, object_id: int) -> set[str]:
    if actor.is_owner:
        return {permission.value for permission in Permission}
    if actor.role != MembershipRole.MANAGER:
        return set()
    granted = await session.scalar(
        select(MembershipObject.permissions).where(
            MembershipObject.membership_id == actor.membership_id,
            MembershipObject.object_id == object_id,
        )
    )
    return set(granted or ())


async def require_object_permission(
    session: AsyncSession, actor: Actor, object_id: int, permission: Permission
) -> WorkObject:
    """The object, if it belongs to the actor's organization and the actor holds
    `permission` on it. Another organization's object is "not found", not "forbidden"."""
    work_object = await session.get(WorkObject, object_id)
    if work_object is None or work_object.organization_id != actor.organization_id:
        raise NotFound()
    if permission.value not in await object_permissions(session, actor, object_id):
        raise PermissionDenied()
    return work_object


async def objects_with_permission(
    session: AsyncSession, actor: Actor, permission: Permission
) -> list[WorkObject]:
    """Non-archived objects of the organization on which the actor holds `permission`."""
    query = select(WorkObject).where(
        WorkObject.organization_id == actor.organization_id, WorkObject.archived.is_(False)
    )
    if not actor.is_owner:
        if actor.role != MembershipRole.MANAGER:
            return []
        query = query.join(MembershipObject, MembershipObject.object_id == WorkObject.id).where(
            MembershipObject.membership_id == actor.membership_id
        )
    objects = list(await session.scalars(query.order_by(WorkObject.name)))
    if actor.is_owner:
        return objects
    return [
        o for o in objects if permission.value in await object_permissions(session, actor, o.id)
    ]


async def require_permission_on_objects(
    session: AsyncSession, actor: Actor, object_ids: Iterable[int], permission: Permission
) -> None:
    """Owners pass; a manager must hold `permission` on every one of `object_ids` (and
    there must be at least one); employees never pass. Objects of another organization
    are "not found"."""
    wanted = set(object_ids)
    found = set(
        await session.scalars(
            select(WorkObject.id).where(
                WorkObject.id.in_(wanted), WorkObject.organization_id == actor.organization_id
            )
        )
    )
    if found != wanted:
        raise NotFound()
    if actor.is_owner:
        return
    if not wanted:
        raise PermissionDenied()
    for object_id in wanted:
        if permission.value not in await object_permissions(session, actor, object_id):
            raise PermissionDenied()


async def permission_holder_ids(
    session: AsyncSession, work_object: WorkObject, permission: Permission
) -> list[int]:
    """Who may act on the object with `permission`, in one query: the owners of its
    organization and the managers holding `permission` there (user ids, sorted)."""
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
            if role == MembershipRole.OWNER or permission.value in (permissions or ())
        }
    )
