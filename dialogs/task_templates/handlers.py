from decimal import Decimal
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.actor import current_actor
from dialogs.common.errors import show_domain_error
from dialogs.common.input import show_callback_error
from dialogs.task_templates.states import TaskTemplatesSG
from services.platform.errors import DomainError
from services.platform.validation import clean_text, parse_money
from services.tasks.templates import (
    MAX_TITLE_LENGTH,
    TemplateDraft,
    add_slot_task,
    archive_task_template,
    create_task_template,
    set_slot_ignores_object_tasks,
)


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """From a planning slot: manage that slot's own tasks."""
    if isinstance(start_data, dict) and "slot_id" in start_data:
        manager.dialog_data["slot_id"] = start_data["slot_id"]


async def object_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, object_id: int
) -> None:
    manager.dialog_data["object_id"] = object_id
    await manager.switch_to(TaskTemplatesSG.templates)


async def start_new(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    for field in ("title", "mandatory", "proof_required", "bonus", "fine"):
        manager.dialog_data.pop(field, None)
    await manager.switch_to(TaskTemplatesSG.title)


async def title_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    try:
        title = clean_text(message.text, field="title", max_length=MAX_TITLE_LENGTH)
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return
    manager.dialog_data["title"] = title
    await manager.switch_to(TaskTemplatesSG.options)


async def toggle_mandatory(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["mandatory"] = not manager.dialog_data.get("mandatory")


async def toggle_proof(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["proof_required"] = not manager.dialog_data.get("proof_required")


async def _amount_typed(message: Message, manager: DialogManager, field: str) -> None:
    try:
        amount = parse_money(message.text, field=field)
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return
    manager.dialog_data[field] = str(amount)
    await manager.switch_to(TaskTemplatesSG.options)


async def bonus_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _amount_typed(message, manager, "bonus")


async def fine_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _amount_typed(message, manager, "fine")


async def save_template(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session = manager.middleware_data["session"]
    draft = manager.dialog_data
    try:
        actor = await current_actor(session, manager.middleware_data["user"])
        template = TemplateDraft(
            title=draft["title"],
            mandatory=bool(draft.get("mandatory")),
            proof_required=bool(draft.get("proof_required")),
            bonus=Decimal(draft.get("bonus", "0")),
            fine=Decimal(draft.get("fine", "0")),
        )
        if "slot_id" in draft:
            await add_slot_task(session, actor, draft["slot_id"], template)
        else:
            await create_task_template(session, actor, draft["object_id"], template)
    except DomainError as error:
        await show_callback_error(callback, manager, error)
        return
    await manager.switch_to(TaskTemplatesSG.templates)


async def toggle_ignore_object_tasks(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    """The "off" button (shown while the slot gets the object's tasks) turns it on."""
    session = manager.middleware_data["session"]
    try:
        actor = await current_actor(session, manager.middleware_data["user"])
        await set_slot_ignores_object_tasks(
            session, actor, manager.dialog_data["slot_id"], button.widget_id == "ignore_off"
        )
    except DomainError as error:
        await show_callback_error(callback, manager, error)


async def template_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, template_id: int
) -> None:
    manager.dialog_data["template_id"] = template_id
    await manager.switch_to(TaskTemplatesSG.template)


async def remove_template(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session = manager.middleware_data["session"]
    try:
        actor = await current_actor(session, manager.middleware_data["user"])
        await archive_task_template(session, actor, manager.dialog_data["template_id"])
    except DomainError as error:
        await show_callback_error(callback, manager, error)
        return
    await manager.switch_to(TaskTemplatesSG.templates)
