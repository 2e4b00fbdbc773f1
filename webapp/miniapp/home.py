"""`/api/miniapp/me`: who the caller is here, and which pages the home page offers them."""

from typing import Any

from services.platform.db.models import MembershipRole, Organization
from webapp.auth import CurrentUser
from webapp.dependencies import SessionDep
from webapp.miniapp.context import MemberDep, api_router

router = api_router()

PLANNER_PAGES = ("today", "board", "reports", "map")
MEMBER_PAGES = ("schedule", "open-shifts", "payslip")
EMPLOYEE_ONLY_PAGES = ("open-shifts",)  # as in the bot's menu: employees take open shifts


@router.get("/me")
async def me(user: CurrentUser, actor: MemberDep, session: SessionDep) -> dict[str, Any]:
    """Who the caller is here, and which pages they have."""
    organization = await session.get(Organization, actor.organization_id)
    is_planner = actor.role in (MembershipRole.OWNER, MembershipRole.MANAGER)
    return {
        "name": user.display_name,
        "language": user.language,
        "role": actor.role.value,
        "organization": {"id": actor.organization_id, "name": organization.name},
        "pages": [
            *(PLANNER_PAGES if is_planner else ()),
            *(
                page
                for page in MEMBER_PAGES
                if actor.role == MembershipRole.EMPLOYEE or page not in EMPLOYEE_ONLY_PAGES
            ),
        ],
    }
