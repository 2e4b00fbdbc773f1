from typing import Any

from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.actor import current_actor
from dialogs.common.mini_app import mini_app_url
from services.platform.clock import Clock
from services.platform.config import Settings
from services.platform.db.models import User
from services.tasks.review import ProofForReview, proofs_to_review


async def _proofs(session: AsyncSession, user: User, clock: Clock) -> list[ProofForReview]:
    return await proofs_to_review(session, await current_actor(session, user), clock)


async def get_proofs(user: User, session: AsyncSession, clock: Clock, **_: Any) -> dict[str, Any]:
    proofs = await _proofs(session, user, clock)
    return {
        "has_proofs": bool(proofs),
        "proofs": [(p.task_id, f"{p.title} · {p.employee}") for p in proofs],
    }


async def get_proof(
    dialog_manager: DialogManager,
    user: User,
    session: AsyncSession,
    clock: Clock,
    settings: Settings | None = None,
    **_: Any,
) -> dict[str, Any]:
    task_id = dialog_manager.dialog_data["task_id"]
    proof = next((p for p in await _proofs(session, user, clock) if p.task_id == task_id), None)
    if proof is None:
        return {"found": False, "viewer_url": ""}
    return {
        "found": True,
        "task": proof.title,
        "employee": proof.employee,
        "object_name": proof.object_name,
        "viewer_url": mini_app_url(settings, "proofs", user.language, task=str(task_id)),
    }
