from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.common.media import album_items, incoming_media, orchestrator_of, send_album
from dialogs.documents.getters import DOCUMENT_ID, FLOW_ID, KIND_ID, MEMBERSHIP_ID
from dialogs.documents.states import DocumentKindsSG, DocumentReviewSG, MyDocumentsSG
from dialogs.planning.widgets import set_notice
from services.documents.kinds import (
    add_kind,
    clean_title,
    delete_kind,
    set_all_objects,
    set_retention_days,
    toggle_kind_object,
)
from services.documents.rules import DEFAULT_KINDS
from services.documents.uploads import (
    add_file,
    approve_document,
    begin_upload,
    reject_document,
    submit_document,
)
from services.documents.views import open_document
from services.staff.memberships import parse_local_date

TITLE = "title"
HAS_EXPIRY = "has_expiry"


# The owner's required documents -------------------------------------------------------
async def kind_selected(
    callback: CallbackQuery, widget: object, manager: DialogManager, kind_id: int
) -> None:
    manager.dialog_data[KIND_ID] = kind_id
    await manager.switch_to(DocumentKindsSG.kind)


async def preset_chosen(
    callback: CallbackQuery, widget: object, manager: DialogManager, index: int
) -> None:
    context = update_context(manager)
    key, has_expiry = DEFAULT_KINDS[index]
    kind = await add_kind(
        context.session, await actor_of(manager), context.i18n.get(key), has_expiry=has_expiry
    )
    set_notice(manager, "documents-kind-added", title=kind.title)


async def title_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    manager.dialog_data[TITLE] = clean_title(message.text)
    await manager.switch_to(DocumentKindsSG.expiry)


async def _add_typed_kind(manager: DialogManager, has_expiry: bool) -> None:
    context = update_context(manager)
    kind = await add_kind(
        context.session,
        await actor_of(manager),
        manager.dialog_data[TITLE],
        has_expiry=has_expiry,
    )
    set_notice(manager, "documents-kind-added", title=kind.title)
    await manager.switch_to(DocumentKindsSG.list)


async def with_expiry(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _add_typed_kind(manager, True)


async def without_expiry(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _add_typed_kind(manager, False)


async def object_toggled(
    callback: CallbackQuery, widget: object, manager: DialogManager, object_id: int
) -> None:
    context = update_context(manager)
    await toggle_kind_object(
        context.session, await actor_of(manager), manager.dialog_data[KIND_ID], object_id
    )


async def all_objects(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await set_all_objects(context.session, await actor_of(manager), manager.dialog_data[KIND_ID])


async def kind_deleted(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await delete_kind(context.session, await actor_of(manager), manager.dialog_data[KIND_ID])
    set_notice(manager, "documents-kind-deleted")
    await manager.switch_to(DocumentKindsSG.list)


async def retention_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    days = await set_retention_days(context.session, await actor_of(manager), message.text)
    set_notice(manager, "documents-retention-set", days=days)
    await manager.switch_to(DocumentKindsSG.list)


# An employee's documents --------------------------------------------------------------
async def document_selected(
    callback: CallbackQuery, widget: object, manager: DialogManager, kind_id: int
) -> None:
    context = update_context(manager)
    flow, kind = await begin_upload(
        context.session, orchestrator_of(manager), await actor_of(manager), kind_id
    )
    manager.dialog_data.update(
        {KIND_ID: kind.id, FLOW_ID: flow.flow_id, HAS_EXPIRY: kind.has_expiry, TITLE: kind.title}
    )
    await manager.switch_to(MyDocumentsSG.upload)


async def file_received(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    item = incoming_media(message)
    if item is not None:
        await add_file(orchestrator_of(manager), manager.dialog_data[FLOW_ID], item)


async def _submit(manager: DialogManager, raw_date: str | None) -> None:
    context = update_context(manager)
    await submit_document(
        context.session,
        context.clock,
        orchestrator_of(manager),
        await actor_of(manager),
        kind_id=manager.dialog_data[KIND_ID],
        flow_id=manager.dialog_data[FLOW_ID],
        expires_on=parse_local_date(raw_date) if raw_date is not None else None,
    )
    set_notice(manager, "documents-sent", title=manager.dialog_data[TITLE])
    await manager.switch_to(MyDocumentsSG.list)


async def upload_done(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    if manager.dialog_data[HAS_EXPIRY]:
        await manager.switch_to(MyDocumentsSG.expiry)
    else:
        await _submit(manager, None)


async def expiry_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _submit(manager, message.text or "")


async def upload_cancelled(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await orchestrator_of(manager).cancel(manager.dialog_data[FLOW_ID])
    await manager.switch_to(MyDocumentsSG.list)


# Review -------------------------------------------------------------------------------
async def on_review_start(start_data: Any, manager: DialogManager) -> None:
    """From a staff card: that employee's documents, whatever their status."""
    if isinstance(start_data, dict) and MEMBERSHIP_ID in start_data:
        manager.dialog_data[MEMBERSHIP_ID] = start_data[MEMBERSHIP_ID]


async def document_chosen(
    callback: CallbackQuery, widget: object, manager: DialogManager, document_id: int
) -> None:
    """Open an upload: its files first, as an album (the view is logged), then the card."""
    context = update_context(manager)
    card = await open_document(context.session, await actor_of(manager), context.clock, document_id)
    manager.dialog_data[DOCUMENT_ID] = document_id
    assert callback.message is not None
    await send_album(
        context.bot,
        callback.message.chat.id,
        album_items(card.files),
        f"{card.employee} · {card.title}",
    )
    manager.show_mode = ShowMode.SEND  # the card goes below the files
    await manager.switch_to(DocumentReviewSG.card)


async def approved(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await approve_document(
        context.session, await actor_of(manager), context.clock, manager.dialog_data[DOCUMENT_ID]
    )
    set_notice(manager, "documents-approved")
    await manager.switch_to(DocumentReviewSG.list)


async def reason_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    await reject_document(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data[DOCUMENT_ID],
        message.text,
    )
    set_notice(manager, "documents-rejected")
    await manager.switch_to(DocumentReviewSG.list)
