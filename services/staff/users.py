"""Who is talking to us: registration on first contact, language, roles."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    User,
)
from services.platform.errors import InvalidInput
from services.platform.i18n import SUPPORTED_LANGUAGES, pick_language


@dataclass(frozen=True)
class TelegramProfile:
    telegram_id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


async def get_or_register_user(session: AsyncSession, profile: TelegramProfile) -> User:
    """Find the user by Telegram id or create them; a new user's language is their
    Telegram language when we speak it, Russian otherwise. Name changes are kept."""
    user = await session.scalar(select(User).where(User.telegram_id == profile.telegram_id))
    if user is None:
        user = User(
            telegram_id=profile.telegram_id,
            first_name=profile.first_name,
            last_name=profile.last_name,
            username=profile.username,
            language=pick_language(profile.language_code),
        )
        session.add(user)
        await session.flush()
        return user
    if (user.first_name, user.last_name, user.username) != (
        profile.first_name,
        profile.last_name,
        profile.username,
    ):
        user.first_name = profile.first_name
        user.last_name = profile.last_name
        user.username = profile.username
    if not user.is_reachable:
        user.is_reachable = True  # they wrote to us, so the chat works again
    return user


async def language_of(session: AsyncSession, telegram_id: int, language_code: str | None) -> str:
    """The language a user chose, or the one they would get on registering."""
    chosen = await session.scalar(select(User.language).where(User.telegram_id == telegram_id))
    return chosen or pick_language(language_code)


async def set_language(session: AsyncSession, user: User, language: str) -> None:
    if language not in SUPPORTED_LANGUAGES:
        raise InvalidInput(field="language")
    user.language = language


@dataclass(frozen=True)
class MembershipView:
    organization_id: int
    organization_name: str
    role: MembershipRole


async def active_memberships(session: AsyncSession, user_id: int) -> list[MembershipView]:
    rows = await session.execute(
        select(Organization.id, Organization.name, Membership.role)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Membership.user_id == user_id, Membership.status == MembershipStatus.ACTIVE)
        .order_by(Organization.name)
    )
    return [MembershipView(org_id, name, MembershipRole(role)) for org_id, name, role in rows]


def current_membership(
    memberships: list[MembershipView], active_organization_id: int | None
) -> MembershipView | None:
    """The organization the user acts in: the remembered choice, else the first one."""
    for membership in memberships:
        if membership.organization_id == active_organization_id:
            return membership
    return memberships[0] if memberships else None
