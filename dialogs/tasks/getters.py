from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from dialogs.common.media import orchestrator_of
from services.media_orchestrator import MediaFlowExpired
from services.platform.db.models import ShiftTask, ShiftTaskStatus
from services.platform.errors import DomainError
from services.tasks.errors import NoOpenShift
from services.tasks.queries import own_open_shift_task
from services.tasks.shift_tasks import current_checklist


def _marks(task: ShiftTask) -> str:
    return ("❗" if task.mandatory else "") + ("📷" if task.proof_required else "")


def _line(task: ShiftTask) -> str:
    done = task.status == ShiftTaskStatus.DONE
    line = f"{'✅' if done else '⬜'} {_marks(task)} {task.title}".replace("  ", " ")
    if not done and task.rejection_comment:
        line += f"\n     ↩️ «{task.rejection_comment}»"
    return line


async def get_checklist(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    try:
        checklist = await current_checklist(context.session, context.user.id)
    except NoOpenShift:
        return {"has_shift": False, "has_tasks": False, "open_tasks": []}
    open_tasks = checklist.open_tasks
    return {
        "has_shift": True,
        "has_tasks": bool(checklist.tasks),
        "object_name": checklist.object_name,
        "done": len(checklist.tasks) - len(open_tasks),
        "total": len(checklist.tasks),
        "mandatory_left": sum(1 for task in open_tasks if task.mandatory),
        "tasks_list": "\n".join(_line(task) for task in checklist.tasks),
        "open_tasks": [(task.id, f"{_marks(task)} {task.title}".strip()) for task in open_tasks],
    }


async def get_task(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """One task of the open shift, as its deep link shows it."""
    context = update_context(dialog_manager)
    try:
        task = await own_open_shift_task(
            context.session, context.user.id, dialog_manager.dialog_data["task_id"]
        )
    except DomainError:
        return {"found": False, "is_open": False, "proof_required": False}
    is_open = task.status == ShiftTaskStatus.OPEN
    return {
        "found": True,
        "title": task.title,
        "is_open": is_open,
        "status": "open" if is_open else "done",
        "mandatory": task.mandatory,
        "proof_required": task.proof_required,
        "has_fine": task.mandatory and task.fine > 0,
        "fine": context.i18n.money(task.fine),
        "has_bonus": task.bonus > 0,
        "bonus": context.i18n.money(task.bonus),
        "rejected": is_open and bool(task.rejection_comment),
        "comment": task.rejection_comment or "",
    }


async def get_proof(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    task = await update_context(dialog_manager).session.get(
        ShiftTask, dialog_manager.dialog_data["task_id"]
    )
    title = task.title if task is not None else ""
    try:
        flow = await orchestrator_of(dialog_manager).get(dialog_manager.dialog_data["flow_id"])
    except MediaFlowExpired:
        return {"expired": True, "has_items": False, "task": title}
    return {
        "expired": False,
        "task": title,
        "count": len(flow.items),
        "max_items": flow.limits.max_items,
        "has_items": bool(flow.items),
    }
