"""Links into the Telegram Mini App (C11). Telegram opens Web App buttons only on https,
so without a public https webapp there is no link and the button is not shown."""

from urllib.parse import urlencode

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context

MINI_APP_PATH = "/app/"


def mini_app_is_off(manager: DialogManager) -> bool:
    """Telegram shows Mini App buttons only for an https webapp address."""
    return not update_context(manager).settings.webapp_base_url.startswith("https://")


def mini_app_link(manager: DialogManager, page: str, **params: str) -> str:
    """The page's URL in the language of the dialog's user, or "" when the webapp is not
    public https."""
    context = update_context(manager)
    base_url = context.settings.webapp_base_url
    if mini_app_is_off(manager):
        return ""
    query = urlencode({"lang": context.user.language, **params})
    return f"{base_url.rstrip('/')}{MINI_APP_PATH}{page}?{query}"
