from typing import Any

from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.actor import current_actor
from services.media.access import media_settings
from services.platform.db.models import MediaContext, StorageMode, User


async def get_media_settings(
    dialog_manager: DialogManager, user: User, session: AsyncSession, **_: Any
) -> dict[str, Any]:
    view = await media_settings(session, await current_actor(session, user))
    chosen = dialog_manager.dialog_data.get("context", MediaContext.TASK_PROOF.value)
    return {
        "task_proof_mode": view.modes[MediaContext.TASK_PROOF].value,
        "cancellation_document_mode": view.modes[MediaContext.CANCELLATION_DOCUMENT].value,
        "storage_locked": not view.storage_allowed,
        "tariff": view.tariff_title,
        "contexts": [context.value for context in MediaContext],
        "modes": [mode.value for mode in StorageMode],
        "context": chosen,
        "current_mode": view.modes[MediaContext(chosen)].value,
    }
