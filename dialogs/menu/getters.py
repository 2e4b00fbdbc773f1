from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.db.models import MembershipRole, User
from services.users import active_memberships, current_membership


async def get_main_menu(user: User, session: AsyncSession, **_: Any) -> dict[str, Any]:
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
        "has_many_organizations": len(memberships) > 1,
    }
