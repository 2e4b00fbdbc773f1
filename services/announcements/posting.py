"""Posting and acknowledging announcements, one transaction each."""

from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import ANNOUNCEMENT, UserNotification, notify_many
from services.platform.clock import Clock
from services.platform.db.models import (
    Announcement,
    AnnouncementRecipient,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Permission,
    User,
    WorkObject,
)
from services.platform.db.session import dialect_insert
from services.platform.errors import InvalidInput, NotFound, PermissionDenied
from services.platform.validation import clean_text
from services.staff.permissions import actor_in, objects_with_permission

MAX_TEXT = 3500
# Telegram's limit for the caption of a photo or a file.
MAX_CAPTION = 1000
MEDIA_TYPES = ("photo", "document")
# `/start ann_<id>`: the notification's button opens the announcement in the bot.
ANNOUNCEMENT_PAYLOAD_PREFIX = "ann_"


def announcement_id_from_payload(payload: str) -> int:
    digits = payload.removeprefix(ANNOUNCEMENT_PAYLOAD_PREFIX)
    if not digits.isdigit():
        raise NotFound(what="announcement")
    return int(digits)


async def postable_objects(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[WorkObject]:
    """Objects whose staff the user may address: all for the owner, those with `plan`
    for a manager; employees none."""
    actor = await actor_in(session, user_id, organization_id)
    return await objects_with_permission(session, actor, Permission.PLAN)


async def post_announcement(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    text: str | None,
    object_ids: list[int],
    needs_ack: bool,
    request_key: str,
    media: tuple[str, str] | None = None,
) -> Announcement:
    """Post to the active staff (employees and managers, not the author) of
    `object_ids`, or of every object the author may plan when none are chosen (the
    owner: all staff). Recipients are fixed now; each gets one notification through the
    outbox (dedup key per announcement and user), in one statement whatever their number,
    and the notifier paces the sending. A repeated `request_key` posts nothing new."""
    cleaned = clean_text(
        text, field="announcement", max_length=MAX_CAPTION if media is not None else MAX_TEXT
    )
    if media is not None and media[0] not in MEDIA_TYPES:
        raise InvalidInput(field="announcement", reason="announcement-media")
    existing = await session.scalar(
        select(Announcement).where(Announcement.request_key == request_key)
    )
    if existing is not None:
        return existing
    allowed = {
        o.id
        for o in await postable_objects(session, user_id=user_id, organization_id=organization_id)
    }
    if not allowed:
        raise PermissionDenied()
    chosen = set(object_ids) or allowed
    if not chosen <= allowed:
        raise PermissionDenied()
    announcement = Announcement(
        organization_id=organization_id,
        author_user_id=user_id,
        text=cleaned,
        media_type=media[0] if media else None,
        media_file_id=media[1] if media else None,
        needs_ack=needs_ack,
        object_ids=sorted(object_ids),
        request_key=request_key,
    )
    session.add(announcement)
    await session.flush()
    recipients = list(
        await session.scalars(
            select(Membership.user_id)
            .where(
                Membership.organization_id == organization_id,
                Membership.status == MembershipStatus.ACTIVE,
                Membership.role.in_([MembershipRole.EMPLOYEE, MembershipRole.MANAGER]),
                Membership.user_id != user_id,
                exists().where(
                    MembershipObject.membership_id == Membership.id,
                    MembershipObject.object_id.in_(chosen),
                ),
            )
            .distinct()
        )
    )
    if recipients:
        await session.execute(
            dialect_insert(session)(AnnouncementRecipient)
            .values([{"announcement_id": announcement.id, "user_id": r} for r in recipients])
            .on_conflict_do_nothing()
        )
    author = await session.get(User, user_id)
    assert author is not None
    payload = {
        "author": author.display_name,
        "text": cleaned,
        "buttons": [
            {
                "text_key": "announcements-open-button",
                "start_payload": f"{ANNOUNCEMENT_PAYLOAD_PREFIX}{announcement.id}",
            }
        ],
    }
    if media is not None:
        payload["media"] = [list(media)]
    await notify_many(
        session,
        kind=ANNOUNCEMENT.name,
        not_before=clock.now(),
        notifications=[
            UserNotification(
                recipient_user_id=recipient,
                dedup_key=f"announcement:{announcement.id}:{recipient}",
                payload=payload,
                organization_id=organization_id,
            )
            for recipient in recipients
        ],
    )
    return announcement


async def acknowledge(
    session: AsyncSession, clock: Clock, *, user_id: int, announcement_id: int
) -> None:
    """The recipient taps "✅ Got it": the first tap is kept, later ones change nothing."""
    found = await session.execute(
        update(AnnouncementRecipient)
        .where(
            AnnouncementRecipient.announcement_id == announcement_id,
            AnnouncementRecipient.user_id == user_id,
            AnnouncementRecipient.acknowledged_at.is_(None),
        )
        .values(acknowledged_at=clock.now())
    )
    if found.rowcount == 0:  # type: ignore[attr-defined]
        recipient = await session.get(AnnouncementRecipient, (announcement_id, user_id))
        if recipient is None:
            raise NotFound(what="announcement")
