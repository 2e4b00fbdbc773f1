from decimal import Decimal
from typing import Any

from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.planning.widgets import day_label
from services.platform.db.models import TaskTemplate, WorkObject
from services.platform.local_time import hhmm
from services.staff.permissions import Actor
from services.tasks.templates import slot_tasks, task_template_objects, task_templates


def _yes_no(flag: bool) -> str:
    """A Fluent selector value (booleans are not message variables)."""
    return "yes" if flag else "no"


def _label(template: TaskTemplate) -> str:
    marks = ("❗" if template.mandatory else "") + ("📷" if template.proof_required else "")
    return f"{marks} {template.title}".strip()


async def get_objects(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    objects = await task_template_objects(context.session, await actor_of(dialog_manager))
    return {"objects": [(o.id, o.name) for o in objects], "has_objects": bool(objects)}


def _list(templates: list[TaskTemplate]) -> dict[str, Any]:
    return {"templates": [(t.id, _label(t)) for t in templates], "has_templates": bool(templates)}


async def get_templates(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    slot_id = dialog_manager.dialog_data.get("slot_id")
    if slot_id is not None:
        return await _slot_templates(dialog_manager, context.session, actor, slot_id)
    object_id = dialog_manager.dialog_data["object_id"]
    templates = await task_templates(context.session, actor, object_id)
    work_object = await context.session.get(WorkObject, object_id)
    return _list(templates) | {
        "slot_mode": False,
        "object_name": work_object.name if work_object else "",
    }


async def _slot_templates(
    dialog_manager: DialogManager, session: AsyncSession, actor: Actor, slot_id: int
) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await slot_tasks(session, actor, slot_id)
    return _list(view.tasks) | {
        "slot_mode": True,
        "object_name": view.object_name,
        "date": day_label(context.i18n, view.slot.local_date),
        "start": hhmm(view.slot.start_time),
        "end": hhmm(view.slot.end_time),
        "object_task_count": view.object_task_count,
        "ignores_object_tasks": view.slot.ignore_object_tasks,
        "ignores": _yes_no(view.slot.ignore_object_tasks),
    }


async def get_draft(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    draft = dialog_manager.dialog_data
    return {
        "title": draft.get("title", ""),
        "mandatory": bool(draft.get("mandatory")),
        "optional": not draft.get("mandatory"),
        "proof_required": bool(draft.get("proof_required")),
        "no_proof": not draft.get("proof_required"),
        "bonus": context.i18n.money(Decimal(draft.get("bonus", "0"))),
        "fine": context.i18n.money(Decimal(draft.get("fine", "0"))),
        "is_mandatory": _yes_no(bool(draft.get("mandatory"))),
        "needs_proof": _yes_no(bool(draft.get("proof_required"))),
    }


async def get_template(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    template = await context.session.get(TaskTemplate, dialog_manager.dialog_data["template_id"])
    assert template is not None
    return {
        "title": template.title,
        "mandatory": template.mandatory,
        "proof_required": template.proof_required,
        "bonus": context.i18n.money(template.bonus),
        "fine": context.i18n.money(template.fine),
        "is_mandatory": _yes_no(template.mandatory),
        "needs_proof": _yes_no(template.proof_required),
    }
