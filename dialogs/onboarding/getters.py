from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from dialogs.common.timezones import timezone_buttons, timezone_label
from services.platform.i18n import SUPPORTED_LANGUAGES


async def get_timezones(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {
        "organization_name": dialog_manager.dialog_data.get("name", ""),
        "timezones": timezone_buttons(context.i18n, context.clock),
    }


async def get_languages(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    timezone = dialog_manager.dialog_data["timezone"]
    return {
        "organization_name": dialog_manager.dialog_data.get("name", ""),
        "timezone_label": timezone_label(context.i18n, timezone, context.clock),
        "languages": [(code, code == context.user.language) for code in SUPPORTED_LANGUAGES],
    }
