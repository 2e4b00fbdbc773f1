from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import MembershipRole, User
from services.platform.i18n import Translator
from services.staff.users import active_memberships, current_membership


async def get_organizations(
    user: User, session: AsyncSession, i18n: Translator, **_: Any
) -> dict[str, Any]:
    memberships = await active_memberships(session, user.id)
    current = current_membership(memberships, user.active_organization_id)
    items = [
        (
            m.organization_id,
            i18n.get(
                "orgs-item",
                name=m.organization_name,
                role=m.role.value,
                current="yes" if m == current else "no",
            ),
        )
        for m in memberships
    ]
    return {
        "organizations": items,
        "owns_any": any(m.role == MembershipRole.OWNER for m in memberships),
    }
