"""The organization a user acts in, as a `services.staff.permissions.Actor`."""

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from services.platform.errors import PermissionDenied
from services.staff.permissions import Actor, actor_in
from services.staff.users import active_memberships, current_membership


async def actor_of(manager: DialogManager) -> Actor:
    """The user of the update in their current organization; refused without one."""
    context = update_context(manager)
    current = current_membership(
        await active_memberships(context.session, context.user.id),
        context.user.active_organization_id,
    )
    if current is None:
        raise PermissionDenied()
    return await actor_in(context.session, context.user.id, current.organization_id)
