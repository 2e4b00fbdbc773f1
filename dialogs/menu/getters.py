from typing import Any

from aiogram_dialog import DialogManager

from dialogs.announcements.getters import unread_on_home
from dialogs.common.context import update_context
from dialogs.common.mini_app import mini_app_link
from services.payroll.access import can_view_money
from services.platform.db.models import MembershipRole
from services.staff.memberships import can_manage_staff
from services.staff.permissions import actor_in
from services.staff.users import active_memberships, current_membership


async def get_main_menu(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    memberships = await active_memberships(context.session, context.user.id)
    current = current_membership(memberships, context.user.active_organization_id)
    role = current.role if current else None
    unread = await unread_on_home(dialog_manager, current.organization_id if current else None)
    return unread | {
        "user_name": context.user.first_name,
        "organization_id": current.organization_id if current else None,
        "organization_name": current.organization_name if current else "",
        "is_new": current is None,
        "is_owner": role == MembershipRole.OWNER,
        "is_manager": role == MembershipRole.MANAGER,
        "is_employee": role == MembershipRole.EMPLOYEE,
        "planning_board_url": mini_app_link(dialog_manager, "board")
        if role in (MembershipRole.OWNER, MembershipRole.MANAGER)
        else "",
        "has_many_organizations": len(memberships) > 1,
        # Owners also open it to found another organization.
        "shows_organizations": len(memberships) > 1 or role == MembershipRole.OWNER,
        "can_manage_staff": current is not None
        and await can_manage_staff(
            context.session,
            await actor_in(context.session, context.user.id, current.organization_id),
        ),
        "can_view_money": current is not None
        and await can_view_money(
            context.session,
            await actor_in(context.session, context.user.id, current.organization_id),
        ),
    }
