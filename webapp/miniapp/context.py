"""Who is calling the Mini App API: the user comes from `webapp.auth.CurrentUser` (initData
checked there); the organization and role are the ones the user acts in
(`services.orgs.organizations.acting_actor`, the same choice the bot remembers). Refusals
are domain errors, answered by `webapp.errors`.
"""

from typing import Annotated

from fastapi import APIRouter, Depends

from services.orgs.organizations import acting_actor
from services.platform.db.models import MembershipRole, User
from services.platform.errors import PermissionDenied
from services.platform.i18n import Translator, translator_for
from services.staff.permissions import Actor
from webapp.auth import CurrentUser
from webapp.dependencies import SessionDep


def api_router() -> APIRouter:
    """A router of the Mini App's JSON API (`/api/miniapp/…`)."""
    return APIRouter(prefix="/api/miniapp", tags=["miniapp"])


def translator_of(user: User) -> Translator:
    return translator_for(user.language)


async def acting_member(user: CurrentUser, session: SessionDep) -> Actor:
    """The caller inside their current organization; 403 without one."""
    return await acting_actor(session, user)


async def acting_planner(actor: Annotated[Actor, Depends(acting_member)]) -> Actor:
    """Owners and managers only (the pages of the people who plan); employees get 403."""
    if actor.role not in (MembershipRole.OWNER, MembershipRole.MANAGER):
        raise PermissionDenied()
    return actor


MemberDep = Annotated[Actor, Depends(acting_member)]
PlannerDep = Annotated[Actor, Depends(acting_planner)]
