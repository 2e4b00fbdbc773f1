"""The user acting in their current organization, for the staff and invite dialogs."""

from aiogram_dialog import DialogManager

from services.errors import PermissionDenied
from services.permissions import Actor, actor_in
from services.users import active_memberships, current_membership


async def current_actor(manager: DialogManager) -> Actor:
    data = manager.middleware_data
    user, session = data["user"], data["session"]
    current = current_membership(
        await active_memberships(session, user.id), user.active_organization_id
    )
    if current is None:
        raise PermissionDenied()
    return await actor_in(session, user.id, current.organization_id)
