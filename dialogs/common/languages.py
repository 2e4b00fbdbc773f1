"""The language choice shared by onboarding and the settings: a button per language of
the getter's `languages`, labelled in the user's language."""

from typing import Any

from aiogram_dialog.widgets.kbd import Column
from aiogram_dialog.widgets.text import Case

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n

_LANGUAGE_LABEL = Case(
    {"ru": I18n("settings-language-ru"), "en": I18n("settings-language-en")},
    selector=lambda data, case, manager: data["item"][0],
)


def language_column(on_click: Any) -> Column:
    """The languages one under another; a press hands the language code to `on_click`."""
    return choice_column("lang", "languages", on_click, type_factory=str, label=_LANGUAGE_LABEL)
