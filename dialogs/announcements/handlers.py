"""Handlers of announcements: each step keeps the draft in the dialog; "Send" and
"✅ Got it" call one use case each."""

import uuid
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.announcements.getters import ANNOUNCEMENT_ID, MEDIA, NEEDS_ACK, TEXT
from dialogs.announcements.states import AnnouncementsSG
from dialogs.common.actor import actor_of
from dialogs.common.choices import managed_multiselect
from dialogs.common.context import update_context
from dialogs.planning.widgets import set_notice
from services.announcements.posting import acknowledge, post_announcement
from services.announcements.queries import unread_for
from services.platform.errors import InvalidInput

OBJECT_IDS, REQUEST_KEY = "object_ids", "request_key"


async def posted_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, announcement_id: int
) -> None:
    manager.dialog_data[ANNOUNCEMENT_ID] = announcement_id
    await manager.switch_to(AnnouncementsSG.receipts)


async def new_clicked(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    for key in (TEXT, MEDIA, OBJECT_IDS):
        manager.dialog_data.pop(key, None)
    manager.dialog_data[NEEDS_ACK] = True
    manager.dialog_data[REQUEST_KEY] = uuid.uuid4().hex
    await manager.switch_to(AnnouncementsSG.audience)


async def everyone_chosen(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data[OBJECT_IDS] = []
    await manager.switch_to(AnnouncementsSG.compose)


async def objects_chosen(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    checked = managed_multiselect(manager, "objects").get_checked()
    if not checked:
        raise InvalidInput(field="objects", reason="no-objects")
    manager.dialog_data[OBJECT_IDS] = sorted(int(object_id) for object_id in checked)
    await manager.switch_to(AnnouncementsSG.compose)


async def draft_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """Text, or a photo or a file with a caption."""
    media: list[str] | None = None
    if message.photo:
        media = ["photo", message.photo[-1].file_id]
    elif message.document:
        media = ["document", message.document.file_id]
    text = message.text or message.caption or ""
    if not text.strip():
        raise InvalidInput(field="announcement", reason="announcement-empty")
    manager.dialog_data[TEXT] = text
    manager.dialog_data[MEDIA] = media
    await manager.switch_to(AnnouncementsSG.confirm)


async def ack_toggled(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data[NEEDS_ACK] = not manager.dialog_data.get(NEEDS_ACK, True)


async def send_clicked(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    data: dict[str, Any] = manager.dialog_data
    media = data.get(MEDIA)
    announcement = await post_announcement(
        context.session,
        context.clock,
        user_id=context.user.id,
        organization_id=actor.organization_id,
        text=data.get(TEXT),
        object_ids=data.get(OBJECT_IDS, []),
        needs_ack=bool(data.get(NEEDS_ACK, True)),
        request_key=data[REQUEST_KEY],
        media=(media[0], media[1]) if media else None,
    )
    data[ANNOUNCEMENT_ID] = announcement.id
    set_notice(manager, "announcements-sent")
    await manager.switch_to(AnnouncementsSG.receipts)


async def start_reading(start_data: Any, manager: DialogManager) -> None:
    """Open the announcement of the deep link, else the newest one awaiting "Got it"
    (none left: the window says so)."""
    if isinstance(start_data, dict) and start_data.get(ANNOUNCEMENT_ID):
        manager.dialog_data[ANNOUNCEMENT_ID] = int(start_data[ANNOUNCEMENT_ID])
        return
    context = update_context(manager)
    actor = await actor_of(manager)
    unread = await unread_for(
        context.session, user_id=context.user.id, organization_id=actor.organization_id
    )
    if unread:
        manager.dialog_data[ANNOUNCEMENT_ID] = unread[0].id


async def got_it(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Acknowledge, then the next unread one, or back home when none is left."""
    context = update_context(manager)
    actor = await actor_of(manager)
    await acknowledge(
        context.session,
        context.clock,
        user_id=context.user.id,
        announcement_id=int(manager.dialog_data[ANNOUNCEMENT_ID]),
    )
    unread = await unread_for(
        context.session, user_id=context.user.id, organization_id=actor.organization_id
    )
    if not unread:
        await manager.done()
        return
    manager.dialog_data[ANNOUNCEMENT_ID] = unread[0].id
    set_notice(manager, "announcements-acknowledged")
