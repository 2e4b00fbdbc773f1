from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Cancel, Start, SwitchTo

from dialogs.common.choices import choice_grid
from dialogs.common.i18n import I18n
from dialogs.common.languages import language_column
from dialogs.notification_settings.states import NotificationSettingsSG
from dialogs.settings import getters, handlers
from dialogs.settings.states import SettingsSG


def settings_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("settings-title"),
            SwitchTo(I18n("settings-language"), id="language", state=SettingsSG.language),
            SwitchTo(
                I18n("settings-currency"), id="currency", state=SettingsSG.currency, when="is_owner"
            ),
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
            language_column(handlers.choose_language),
            SwitchTo(I18n("common-back"), id="back", state=SettingsSG.main),
            state=SettingsSG.language,
            getter=getters.get_settings,
        ),
        Window(
            I18n("settings-currency-choose"),
            choice_grid("currencies", "currencies", handlers.choose_currency, 3, str),
            SwitchTo(I18n("common-back"), id="currency_back", state=SettingsSG.main),
            state=SettingsSG.currency,
            getter=getters.get_settings,
        ),
    )
