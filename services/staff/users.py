"""Who is talking to us: registration on first contact, language, birthday, roles."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, bindparam, extract, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Organization,
    User,
)
from services.platform.db.session import kept_reads
from services.platform.errors import InvalidInput
from services.platform.i18n import SUPPORTED_LANGUAGES, pick_language


@dataclass(frozen=True)
class TelegramProfile:
    telegram_id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


# The query of every update (`get_or_register_user`), built once: `telegram_id`.
_USER_WITH_MEMBERSHIPS = (
    select(User, Membership, Organization)
    .outerjoin(
        Membership,
        and_(Membership.user_id == User.id, Membership.status == MembershipStatus.ACTIVE),
    )
    .outerjoin(Organization, Organization.id == Membership.organization_id)
    .where(User.telegram_id == bindparam("telegram_id"))
    .order_by(Organization.name)
)


async def get_or_register_user(session: AsyncSession, profile: TelegramProfile) -> User:
    """Find the user by Telegram id or create them; a new user's language is their
    Telegram language when we speak it, Russian otherwise. Name changes are kept.

    The user's active memberships and their organizations come in the same query and are
    kept for the rest of the session (`active_memberships`), as every screen asks them."""
    rows = (
        await session.execute(_USER_WITH_MEMBERSHIPS, {"telegram_id": profile.telegram_id})
    ).all()
    if not rows:
        user = User(
            telegram_id=profile.telegram_id,
            first_name=profile.first_name,
            last_name=profile.last_name,
            username=profile.username,
            language=pick_language(profile.language_code),
        )
        session.add(user)
        await session.flush()
        _keep_memberships(session, user.id, [])
        return user
    user = rows[0][0]
    _keep_memberships(
        session, user.id, [(membership, org) for _, membership, org in rows if membership]
    )
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


EARLIEST_BIRTH_YEAR = 1900


async def set_birthday(
    session: AsyncSession, user: User, birthday: date | None, today: date
) -> None:
    """An optional birthday in the person's profile (None removes it); not in the future."""
    if birthday is not None and not (date(EARLIEST_BIRTH_YEAR, 1, 1) <= birthday <= today):
        raise InvalidInput(field="birthday", reason="birthday-range")
    user.birthday = birthday


async def birthdays_on(
    session: AsyncSession,
    organization_id: int,
    day: date,
    object_ids: Collection[int] | None = None,
) -> list[str]:
    """Names of the organization's active members whose birthday falls on `day` (those
    born on 29 February are greeted on 28 February in other years); with `object_ids`,
    only the members attached to one of those objects."""
    same_day = (extract("month", User.birthday) == day.month) & (
        extract("day", User.birthday) == day.day
    )
    leap_born = (extract("month", User.birthday) == 2) & (extract("day", User.birthday) == 29)
    no_leap_day = (day + timedelta(days=1)).month == 3 and day.day == 28
    query = (
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            User.birthday.is_not(None),
            or_(same_day, leap_born) if no_leap_day else same_day,
        )
        .order_by(User.first_name, User.id)
    )
    if object_ids is not None:
        query = query.where(
            Membership.id.in_(
                select(MembershipObject.membership_id).where(
                    MembershipObject.object_id.in_(object_ids)
                )
            )
        )
    return [user.display_name for user in await session.scalars(query)]


@dataclass(frozen=True)
class MembershipView:
    organization_id: int
    organization_name: str
    role: MembershipRole
    membership_id: int


def _memberships_key(user_id: int) -> tuple[str, int]:
    return ("active_memberships", user_id)


def _keep_memberships(
    session: AsyncSession, user_id: int, rows: list[tuple[Membership, Organization]]
) -> list[MembershipView]:
    """The views, kept with the rows they were made of (which keeps those in the
    session's identity map: `session.get` of the organization asks nothing)."""
    views = [
        MembershipView(org.id, org.name, MembershipRole(membership.role), membership.id)
        for membership, org in rows
    ]
    kept_reads(session)[_memberships_key(user_id)] = (views, rows)
    return views


def kept_memberships(session: AsyncSession, user_id: int) -> list[MembershipView] | None:
    """The user's active memberships when this session read them and wrote nothing since."""
    kept = kept_reads(session).get(_memberships_key(user_id))
    return kept[0] if kept is not None else None


async def active_memberships(session: AsyncSession, user_id: int) -> list[MembershipView]:
    """The user's active memberships, by organization name."""
    kept = kept_memberships(session, user_id)
    if kept is not None:
        return kept
    rows = await session.execute(
        select(Membership, Organization)
        .join(Organization, Organization.id == Membership.organization_id)
        .where(Membership.user_id == user_id, Membership.status == MembershipStatus.ACTIVE)
        .order_by(Organization.name)
    )
    return _keep_memberships(session, user_id, [(m, o) for m, o in rows.tuples()])


def current_membership(
    memberships: list[MembershipView], active_organization_id: int | None
) -> MembershipView | None:
    """The organization the user acts in: the remembered choice, else the first one."""
    for membership in memberships:
        if membership.organization_id == active_organization_id:
            return membership
    return memberships[0] if memberships else None
