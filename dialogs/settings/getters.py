from typing import Any

from services.platform.db.models import User
from services.platform.i18n import SUPPORTED_LANGUAGES


async def get_settings(user: User, **_: Any) -> dict[str, Any]:
    return {
        "language_name": user.language,
        "languages": [(code, code == user.language) for code in SUPPORTED_LANGUAGES],
    }
