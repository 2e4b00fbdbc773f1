"""The organization a user acts in, as a `services.staff.permissions.Actor`."""

from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import User
from services.platform.errors import PermissionDenied
from services.staff.permissions import Actor, actor_in
from services.staff.users import active_memberships, current_membership


async def current_actor(session: AsyncSession, user: User) -> Actor:
    current = current_membership(
        await active_memberships(session, user.id), user.active_organization_id
    )
    if current is None:
        raise PermissionDenied()
    return await actor_in(session, user.id, current.organization_id)


async def actor_of(manager: DialogManager) -> Actor:
    """The `current_actor` of the user whose update the dialog is handling."""
    data = manager.middleware_data
    return await current_actor(data["session"], data["user"])
