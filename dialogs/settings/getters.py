from typing import Any

from services.db.models import User
from services.i18n import SUPPORTED_LANGUAGES


async def get_settings(user: User, **_: Any) -> dict[str, Any]:
    return {
        "language_name": user.language,
        "languages": [(code, code == user.language) for code in SUPPORTED_LANGUAGES],
    }
