from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.mini_app import mini_app_url
from services.payroll.access import can_view_money
from services.platform.config import Settings
from services.platform.db.models import MembershipRole, User
from services.staff.memberships import can_manage_staff
from services.staff.permissions import actor_in
from services.staff.users import active_memberships, current_membership


async def get_main_menu(
    user: User, session: AsyncSession, settings: Settings | None = None, **_: Any
) -> dict[str, Any]:
    memberships = await active_memberships(session, user.id)
    current = current_membership(memberships, user.active_organization_id)
    role = current.role if current else None
    return {
        "user_name": user.first_name,
        "organization_id": current.organization_id if current else None,
        "organization_name": current.organization_name if current else "",
        "is_new": current is None,
        "is_owner": role == MembershipRole.OWNER,
        "is_manager": role == MembershipRole.MANAGER,
        "is_employee": role == MembershipRole.EMPLOYEE,
        "planning_board_url": mini_app_url(settings, "board", user.language)
        if role in (MembershipRole.OWNER, MembershipRole.MANAGER)
        else "",
        "has_many_organizations": len(memberships) > 1,
        # Owners also open it to found another organization.
        "shows_organizations": len(memberships) > 1 or role == MembershipRole.OWNER,
        "can_manage_staff": current is not None
        and await can_manage_staff(
            session, await actor_in(session, user.id, current.organization_id)
        ),
        "can_view_money": current is not None
        and await can_view_money(
            session, await actor_in(session, user.id, current.organization_id)
        ),
    }
