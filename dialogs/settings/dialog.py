from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Cancel, Column, Select, Start, SwitchTo
from aiogram_dialog.widgets.text import Case

from dialogs.common.i18n import I18n
from dialogs.notification_settings.states import NotificationSettingsSG
from dialogs.settings import getters, handlers
from dialogs.settings.states import SettingsSG

_LANGUAGE_LABEL = Case(
    {"ru": I18n("settings-language-ru"), "en": I18n("settings-language-en")},
    selector=lambda data, case, manager: data["item"][0],
)


def settings_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("settings-title"),
            SwitchTo(I18n("settings-language"), id="language", state=SettingsSG.language),
            Start(
                I18n("notification-settings"),
                id="notifications",
                state=NotificationSettingsSG.main,
            ),
            Cancel(I18n("common-back")),
            state=SettingsSG.main,
            getter=getters.get_settings,
        ),
        Window(
            I18n("settings-language-choose"),
            Column(
                Select(
                    _LANGUAGE_LABEL,
                    id="lang",
                    item_id_getter=itemgetter(0),
                    items="languages",
                    on_click=handlers.choose_language,
                )
            ),
            SwitchTo(I18n("common-back"), id="back", state=SettingsSG.main),
            state=SettingsSG.language,
            getter=getters.get_settings,
        ),
    )
