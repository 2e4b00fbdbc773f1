"""Read models of announcements: what a recipient has not acknowledged yet, one
announcement as its recipient sees it, the author's list with read counts, and who has
not read one."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import Announcement, AnnouncementRecipient, User
from services.platform.db.models.users import display_name_of
from services.platform.errors import NotFound, PermissionDenied
from services.staff.permissions import actor_in

RECENT = 10


@dataclass(frozen=True)
class ReceivedAnnouncement:
    announcement: Announcement
    author_name: str
    acknowledged_at: datetime | None


# Read on every employee's main menu, so built once: `user_id`, `organization_id`.
_UNREAD = (
    select(Announcement)
    .join(AnnouncementRecipient, AnnouncementRecipient.announcement_id == Announcement.id)
    .where(
        AnnouncementRecipient.user_id == bindparam("user_id"),
        AnnouncementRecipient.acknowledged_at.is_(None),
        Announcement.organization_id == bindparam("organization_id"),
        Announcement.needs_ack.is_(True),
    )
    .order_by(Announcement.id.desc())
)


async def unread_for(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[Announcement]:
    """The user's announcements in the organization that ask for "✅ Got it" and are not
    acknowledged yet, newest first."""
    parameters = {"user_id": user_id, "organization_id": organization_id}
    return list(await session.scalars(_UNREAD, parameters))


async def received_announcement(
    session: AsyncSession, *, user_id: int, announcement_id: int
) -> ReceivedAnnouncement:
    """An announcement as one of its recipients sees it; anyone else gets `NotFound`."""
    row = (
        await session.execute(
            select(Announcement, AnnouncementRecipient.acknowledged_at, User)
            .join(AnnouncementRecipient, AnnouncementRecipient.announcement_id == Announcement.id)
            .outerjoin(User, User.id == Announcement.author_user_id)
            .where(
                Announcement.id == announcement_id,
                AnnouncementRecipient.user_id == user_id,
            )
        )
    ).first()
    if row is None:
        raise NotFound(what="announcement")
    announcement, acknowledged_at, author = row
    return ReceivedAnnouncement(
        announcement, author.display_name if author else "", acknowledged_at
    )


@dataclass(frozen=True)
class PostedAnnouncement:
    announcement: Announcement
    acknowledged: int
    total: int


async def posted_announcements(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[PostedAnnouncement]:
    """The latest announcements with how many recipients acknowledged them: all of the
    organization's for the owner, their own for a manager. One query."""
    actor = await actor_in(session, user_id, organization_id)
    acknowledged = func.count(AnnouncementRecipient.acknowledged_at)
    query = (
        select(Announcement, acknowledged, func.count(AnnouncementRecipient.user_id))
        .outerjoin(AnnouncementRecipient, AnnouncementRecipient.announcement_id == Announcement.id)
        .where(Announcement.organization_id == organization_id)
        .group_by(Announcement.id)
        .order_by(Announcement.id.desc())
        .limit(RECENT)
    )
    if not actor.is_owner:
        query = query.where(Announcement.author_user_id == user_id)
    rows = await session.execute(query)
    return [PostedAnnouncement(a, int(done), int(total)) for a, done, total in rows]


@dataclass(frozen=True)
class Receipts:
    announcement: Announcement
    acknowledged: int
    total: int
    not_yet: list[str]  # names of who has not acknowledged, alphabetically


async def receipts(session: AsyncSession, *, user_id: int, announcement_id: int) -> Receipts:
    """ "Read by 12 of 15" and who has not: for the author and the owner."""
    announcement = await session.get(Announcement, announcement_id)
    if announcement is None:
        raise NotFound(what="announcement")
    actor = await actor_in(session, user_id, announcement.organization_id)
    if not actor.is_owner and announcement.author_user_id != user_id:
        raise PermissionDenied()
    rows = (
        await session.execute(
            select(
                AnnouncementRecipient.acknowledged_at,
                User.first_name,
                User.last_name,
                User.username,
                User.telegram_id,
            )
            .join(User, User.id == AnnouncementRecipient.user_id)
            .where(AnnouncementRecipient.announcement_id == announcement_id)
        )
    ).all()
    pending = sorted(
        display_name_of(first, last, username, telegram_id)
        for acknowledged_at, first, last, username, telegram_id in rows
        if acknowledged_at is None
    )
    return Receipts(announcement, len(rows) - len(pending), len(rows), pending)
