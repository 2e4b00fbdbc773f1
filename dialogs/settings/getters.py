from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from services.platform.i18n import SUPPORTED_LANGUAGES


async def get_settings(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {
        "language_name": context.user.language,
        "languages": [(code, code == context.user.language) for code in SUPPORTED_LANGUAGES],
    }
