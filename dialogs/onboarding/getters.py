from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.timezones import timezone_buttons, timezone_label
from services.platform.clock import Clock
from services.platform.db.models import User
from services.platform.i18n import SUPPORTED_LANGUAGES, Translator


async def get_timezones(
    dialog_manager: DialogManager, i18n: Translator, clock: Clock, **_: Any
) -> dict[str, Any]:
    return {
        "organization_name": dialog_manager.dialog_data.get("name", ""),
        "timezones": timezone_buttons(i18n, clock),
    }


async def get_languages(
    dialog_manager: DialogManager, i18n: Translator, clock: Clock, user: User, **_: Any
) -> dict[str, Any]:
    timezone = dialog_manager.dialog_data["timezone"]
    return {
        "organization_name": dialog_manager.dialog_data.get("name", ""),
        "timezone_label": timezone_label(i18n, timezone, clock),
        "languages": [(code, code == user.language) for code in SUPPORTED_LANGUAGES],
    }
