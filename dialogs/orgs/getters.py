from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from services.platform.db.models import MembershipRole
from services.staff.users import active_memberships, current_membership


async def get_organizations(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    memberships = await active_memberships(context.session, context.user.id)
    current = current_membership(memberships, context.user.active_organization_id)
    items = [
        (
            m.organization_id,
            context.i18n.get(
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
