from decimal import Decimal
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from dialogs.common.actor import actor_of
from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from dialogs.task_templates.states import TaskTemplatesSG
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


object_chosen = remember_choice("object_id", TaskTemplatesSG.templates)


async def start_new(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    for field in ("title", "mandatory", "proof_required", "bonus", "fine"):
        manager.dialog_data.pop(field, None)
    await manager.switch_to(TaskTemplatesSG.title)


async def title_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    title = clean_text(message.text, field="title", max_length=MAX_TITLE_LENGTH)
    manager.dialog_data["title"] = title
    await manager.switch_to(TaskTemplatesSG.options)


async def toggle_mandatory(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["mandatory"] = not manager.dialog_data.get("mandatory")


async def toggle_proof(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["proof_required"] = not manager.dialog_data.get("proof_required")


async def _amount_typed(message: Message, manager: DialogManager, field: str) -> None:
    amount = parse_money(message.text, field=field)
    manager.dialog_data[field] = str(amount)
    await manager.switch_to(TaskTemplatesSG.options)


async def bonus_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _amount_typed(message, manager, "bonus")


async def fine_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _amount_typed(message, manager, "fine")


async def save_template(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    draft = manager.dialog_data
    actor = await actor_of(manager)
    template = TemplateDraft(
        title=draft["title"],
        mandatory=bool(draft.get("mandatory")),
        proof_required=bool(draft.get("proof_required")),
        bonus=Decimal(draft.get("bonus", "0")),
        fine=Decimal(draft.get("fine", "0")),
    )
    if "slot_id" in draft:
        await add_slot_task(context.session, actor, draft["slot_id"], template)
    else:
        await create_task_template(context.session, actor, draft["object_id"], template)
    await manager.switch_to(TaskTemplatesSG.templates)


async def toggle_ignore_object_tasks(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    """The "off" button (shown while the slot gets the object's tasks) turns it on."""
    context = update_context(manager)
    actor = await actor_of(manager)
    await set_slot_ignores_object_tasks(
        context.session, actor, manager.dialog_data["slot_id"], button.widget_id == "ignore_off"
    )


template_chosen = remember_choice("template_id", TaskTemplatesSG.template)


async def remove_template(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    await archive_task_template(context.session, actor, manager.dialog_data["template_id"])
    await manager.switch_to(TaskTemplatesSG.templates)
