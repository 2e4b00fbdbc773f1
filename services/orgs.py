"""Organizations: creation by an owner and the owner's choice of where to act."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession

from services.clock import Clock
from services.db.models import Membership, MembershipRole, Organization, User
from services.errors import InvalidInput

MAX_NAME_LENGTH = 128


def clean_name(raw: str | None, *, field: str = "name") -> str:
    """A name as a person typed it: trimmed, not empty, not absurdly long."""
    name = " ".join((raw or "").split())
    if not name:
        raise InvalidInput(field=field, reason="empty")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(field=field, reason="too-long", limit=MAX_NAME_LENGTH)
    return name


def validate_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise InvalidInput(field="timezone", reason="unknown") from error
    return name


async def create_organization(
    session: AsyncSession,
    owner: User,
    clock: Clock,
    *,
    name: str,
    timezone: str = "Europe/Moscow",
    language: str | None = None,
) -> Organization:
    """Create an organization with `owner` as its owner and make it their current one."""
    organization = Organization(
        name=clean_name(name),
        timezone=validate_timezone(timezone),
        language=language or owner.language,
    )
    session.add(organization)
    await session.flush()
    local_today = clock.now().astimezone(ZoneInfo(organization.timezone)).date()
    session.add(
        Membership(
            organization_id=organization.id,
            user_id=owner.id,
            role=MembershipRole.OWNER,
            started_on=local_today,
        )
    )
    owner.active_organization_id = organization.id
    await session.flush()
    return organization
