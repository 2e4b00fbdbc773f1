"""Links into the Telegram Mini App (C11). Telegram opens Web App buttons only on https,
so without a public https webapp there is no link and the button is not shown."""

from urllib.parse import urlencode

from aiogram_dialog import DialogManager

from services.platform.config import Settings

MINI_APP_PATH = "/app/"


def mini_app_url(settings: Settings | None, page: str, language: str, **params: str) -> str:
    """The page's URL in the user's language, or "" when the webapp is not public https."""
    if settings is None or not settings.webapp_base_url.startswith("https://"):
        return ""
    query = urlencode({"lang": language, **params})
    return f"{settings.webapp_base_url.rstrip('/')}{MINI_APP_PATH}{page}?{query}"


def mini_app_link(manager: DialogManager, page: str, **params: str) -> str:
    """`mini_app_url` for the user of a dialog window."""
    data = manager.middleware_data
    return mini_app_url(data.get("settings"), page, data["user"].language, **params)
