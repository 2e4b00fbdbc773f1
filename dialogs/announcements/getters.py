"""Getters of announcements: the author's list and receipts, the new announcement's
audience and preview, and an announcement as its recipient reads it; the employee
home's unread block."""

from typing import Any

from aiogram.enums import ContentType
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment, MediaId

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.announcements.posting import postable_objects
from services.announcements.queries import (
    posted_announcements,
    receipts,
    received_announcement,
    unread_for,
)

ANNOUNCEMENT_ID = "announcement_id"
TEXT, MEDIA, NEEDS_ACK = "text", "media", "needs_ack"
PREVIEW_LENGTH = 40
MEDIA_CONTENT = {"photo": ContentType.PHOTO, "document": ContentType.DOCUMENT}


def _preview(text: str) -> str:
    return text if len(text) <= PREVIEW_LENGTH else f"{text[: PREVIEW_LENGTH - 1]}…"


def _attachment(media_type: str | None, file_id: str | None) -> MediaAttachment | None:
    if media_type is None or file_id is None:
        return None
    return MediaAttachment(MEDIA_CONTENT[media_type], file_id=MediaId(file_id))


async def get_posted(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    posted = await posted_announcements(
        context.session, user_id=context.user.id, organization_id=actor.organization_id
    )
    return {
        "posted": [
            (
                p.announcement.id,
                context.i18n.get(
                    "announcements-posted-item",
                    preview=_preview(p.announcement.text),
                    read=p.acknowledged,
                    total=p.total,
                    needs_ack="yes" if p.announcement.needs_ack else "no",
                ),
            )
            for p in posted
        ],
        "has_posted": bool(posted),
        "none_posted": not posted,
    }


async def get_receipts(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    found = await receipts(
        context.session,
        user_id=context.user.id,
        announcement_id=int(dialog_manager.dialog_data[ANNOUNCEMENT_ID]),
    )
    return {
        "text": found.announcement.text,
        "read": found.acknowledged,
        "total": found.total,
        "needs_ack": "yes" if found.announcement.needs_ack else "no",
        "has_pending": bool(found.not_yet) and found.announcement.needs_ack,
        "pending": ", ".join(found.not_yet),
        "media": _attachment(found.announcement.media_type, found.announcement.media_file_id),
    }


async def get_objects(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    objects = await postable_objects(
        context.session, user_id=context.user.id, organization_id=actor.organization_id
    )
    return {"objects": [(str(o.id), o.name) for o in objects], "is_owner": actor.is_owner}


async def get_draft(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    media = data.get(MEDIA)
    return {
        "text": data.get(TEXT, ""),
        "needs_ack": bool(data.get(NEEDS_ACK, True)),
        "no_ack": not data.get(NEEDS_ACK, True),
        "media": _attachment(*media) if media else None,
    }


async def get_received(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    if ANNOUNCEMENT_ID not in dialog_manager.dialog_data:
        return {"found": False, "all_read": True, "can_ack": False, "acked": False, "media": None}
    received = await received_announcement(
        context.session,
        user_id=context.user.id,
        announcement_id=int(dialog_manager.dialog_data[ANNOUNCEMENT_ID]),
    )
    announcement = received.announcement
    return {
        "found": True,
        "all_read": False,
        "author": received.author_name,
        "text": announcement.text,
        "date": context.i18n.day(announcement.created_at.date(), "short"),
        "can_ack": announcement.needs_ack and received.acknowledged_at is None,
        "acked": received.acknowledged_at is not None,
        "media": _attachment(announcement.media_type, announcement.media_file_id),
    }


async def unread_on_home(dialog_manager: DialogManager, organization_id: int | None) -> dict:
    """The employee home's block: how many announcements wait for "✅ Got it"."""
    if organization_id is None:
        return {"unread_announcements": 0, "has_unread_announcements": False}
    context = update_context(dialog_manager)
    unread = await unread_for(
        context.session, user_id=context.user.id, organization_id=organization_id
    )
    return {
        "unread_announcements": len(unread),
        "has_unread_announcements": bool(unread),
        "latest_unread": _preview(unread[0].text) if unread else "",
    }
