"""The one text widget of the UI: renders a `locales/` key in the user's language.

The getter's data are the message's variables; strings are HTML-escaped because the
bot speaks HTML and user input (names, addresses) must be shown verbatim.
"""

from typing import Any

from aiogram_dialog.api.protocols import DialogManager
from aiogram_dialog.widgets.common import WhenCondition
from aiogram_dialog.widgets.text import Text

from services.platform.i18n import Translator, fluent_args, translator_for


def translator_of(manager: DialogManager) -> Translator:
    translator = manager.middleware_data.get("i18n")
    return translator if isinstance(translator, Translator) else translator_for(None)


class I18n(Text):
    def __init__(self, key: str, when: WhenCondition = None) -> None:
        super().__init__(when=when)
        self.key = key

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        return translator_of(manager).get(self.key, **fluent_args(data))
