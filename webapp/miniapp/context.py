"""Who is calling the Mini App API and how domain errors become HTTP answers.

The user comes from `webapp.auth.CurrentUser` (initData checked there); the organization
and role are the ones the user acts in (`services.orgs.organizations.acting_actor`, the
same choice the bot remembers). Domain errors keep their meaning: not found → 404,
permission denied → 403, any other refused rule → 409 with the message in the user's
language.
"""

from typing import Annotated, Any

from fastapi import Depends, HTTPException, status

from services.orgs.organizations import acting_actor
from services.platform.db.models import MembershipRole, User
from services.platform.errors import DomainError, NotFound, PermissionDenied
from services.platform.i18n import Translator, translator_for
from services.staff.permissions import Actor
from webapp.auth import CurrentUser
from webapp.dependencies import SessionDep


def translator_of(user: User) -> Translator:
    return translator_for(user.language)


def error_message(translator: Translator, error: DomainError) -> str:
    """`error-<code>-<reason>` when the catalogue has it, else `error-<code>`."""
    params = {k: v for k, v in error.params.items() if not isinstance(v, bool)}
    reason = error.params.get("reason")
    if reason:
        specific = f"error-{error.code}-{reason}"
        text = translator.get(specific, **params)
        if text != specific:
            return text
    return translator.get(f"error-{error.code}", **params)


def http_error(error: DomainError, user: User) -> HTTPException:
    if isinstance(error, NotFound):
        status_code = status.HTTP_404_NOT_FOUND
    elif isinstance(error, PermissionDenied):
        status_code = status.HTTP_403_FORBIDDEN
    else:
        status_code = status.HTTP_409_CONFLICT
    detail: dict[str, Any] = {
        "code": error.code,
        "message": error_message(translator_of(user), error),
    }
    return HTTPException(status_code, detail=detail)


async def acting_member(user: CurrentUser, session: SessionDep) -> Actor:
    """The caller inside their current organization; 403 without one."""
    try:
        return await acting_actor(session, user)
    except DomainError as error:
        raise http_error(error, user) from error


async def acting_planner(actor: Annotated[Actor, Depends(acting_member)]) -> Actor:
    """Owners and managers only (the pages of the people who plan); employees get 403."""
    if actor.role not in (MembershipRole.OWNER, MembershipRole.MANAGER):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail={"code": "permission-denied"})
    return actor


MemberDep = Annotated[Actor, Depends(acting_member)]
PlannerDep = Annotated[Actor, Depends(acting_planner)]
