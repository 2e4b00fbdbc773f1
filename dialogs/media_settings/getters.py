from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.media.access import media_settings
from services.platform.db.models import MediaContext, StorageMode


async def get_media_settings(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await media_settings(context.session, await actor_of(dialog_manager))
    chosen = dialog_manager.dialog_data.get("context", MediaContext.TASK_PROOF.value)
    return {
        "task_proof_mode": view.modes[MediaContext.TASK_PROOF].value,
        "cancellation_document_mode": view.modes[MediaContext.CANCELLATION_DOCUMENT].value,
        "employee_document_mode": view.modes[MediaContext.EMPLOYEE_DOCUMENT].value,
        "storage_locked": not view.storage_allowed,
        "tariff": view.tariff_title,
        "contexts": [media_context.value for media_context in MediaContext],
        "modes": [mode.value for mode in StorageMode],
        "context": chosen,
        "current_mode": view.modes[MediaContext(chosen)].value,
    }
