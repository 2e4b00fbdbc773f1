"""Organizations: creation by an owner and the user's choice of where to act."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.clock import Clock
from services.platform.db.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    User,
)
from services.platform.errors import InvalidInput, PermissionDenied
from services.platform.i18n import CURRENCY_SIGNS, DEFAULT_CURRENCY, SUPPORTED_LANGUAGES
from services.platform.local_time import local_today
from services.platform.validation import MAX_NAME_LENGTH, clean_name, validate_timezone
from services.staff.permissions import Actor, actor_in
from services.staff.users import active_memberships, current_membership

__all__ = [
    "MAX_NAME_LENGTH",
    "acting_actor",
    "acting_currency",
    "clean_name",
    "create_organization",
    "set_currency",
    "switch_organization",
    "validate_timezone",
]

DEFAULT_TIMEZONE = "Europe/Moscow"


async def create_organization(
    session: AsyncSession,
    owner: User,
    clock: Clock,
    *,
    name: str,
    timezone: str = DEFAULT_TIMEZONE,
    language: str | None = None,
) -> Organization:
    """Create an organization (currency RUB) with `owner` as its owner and make it their
    current one. The language is the organization's (reports, group messages)."""
    chosen_language = language or owner.language
    if chosen_language not in SUPPORTED_LANGUAGES:
        raise InvalidInput(field="language")
    organization = Organization(
        name=clean_name(name),
        timezone=validate_timezone(timezone),
        language=chosen_language,
        currency="RUB",
    )
    session.add(organization)
    await session.flush()
    today = local_today(clock.now(), organization.timezone)
    session.add(
        Membership(
            organization_id=organization.id,
            user_id=owner.id,
            role=MembershipRole.OWNER,
            started_on=today,
        )
    )
    owner.active_organization_id = organization.id
    await session.flush()
    return organization


async def switch_organization(session: AsyncSession, user: User, organization_id: int) -> None:
    """Remember the organization the user acts in; only one where they are an active
    member (anything else is refused)."""
    membership_id = await session.scalar(
        select(Membership.id).where(
            Membership.user_id == user.id,
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )
    if membership_id is None:
        raise PermissionDenied()
    user.active_organization_id = organization_id


async def acting_actor(session: AsyncSession, user: User) -> Actor:
    """The user acting in their current organization (the remembered one, else the
    first); `PermissionDenied` for a user with no organization."""
    current = current_membership(
        await active_memberships(session, user.id), user.active_organization_id
    )
    if current is None:
        raise PermissionDenied()
    return await actor_in(session, user.id, current.organization_id)


async def acting_currency(session: AsyncSession, user: User) -> str:
    """The currency of the organization the user acts in (the default before they have
    one): every amount shown to them is written in it."""
    if user.active_organization_id is None:
        return DEFAULT_CURRENCY
    organization = await session.get(Organization, user.active_organization_id)
    return organization.currency if organization is not None else DEFAULT_CURRENCY


async def set_currency(session: AsyncSession, actor: Actor, currency: str) -> Organization:
    """The owner sets the currency the organization's money is kept and shown in. Amounts
    are not converted: it names the money the rates and fines were typed in."""
    if actor.role != MembershipRole.OWNER:
        raise PermissionDenied()
    if currency not in CURRENCY_SIGNS:
        raise InvalidInput(field="currency")
    organization = await session.get(Organization, actor.organization_id, with_for_update=True)
    assert organization is not None
    organization.currency = currency
    await session.flush()
    return organization
