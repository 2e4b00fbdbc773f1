from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.common.mini_app import mini_app_link
from services.tasks.review import ProofForReview, proofs_to_review


async def _proofs(manager: DialogManager) -> list[ProofForReview]:
    context = update_context(manager)
    actor = await actor_of(manager)
    return await proofs_to_review(context.session, actor, context.clock)


async def get_proofs(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    proofs = await _proofs(dialog_manager)
    return {
        "has_proofs": bool(proofs),
        "proofs": [(p.task_id, f"{p.title} · {p.employee}") for p in proofs],
    }


async def get_proof(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    task_id = dialog_manager.dialog_data["task_id"]
    proof = next((p for p in await _proofs(dialog_manager) if p.task_id == task_id), None)
    if proof is None:
        return {"found": False, "viewer_url": ""}
    return {
        "found": True,
        "task": proof.title,
        "employee": proof.employee,
        "object_name": proof.object_name,
        "can_reject": proof.can_reject,
        "viewer_url": mini_app_link(dialog_manager, "proofs", task=str(task_id)),
    }
