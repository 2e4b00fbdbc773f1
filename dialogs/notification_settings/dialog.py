from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Cancel, Column, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.common.i18n import I18n
from dialogs.notification_settings import getters, handlers
from dialogs.notification_settings.states import NotificationSettingsSG

# Item labels are translated by the getters (locale texts, nothing typed by users).
_ITEM_LABEL = Format("{item[1]}")


def notification_settings_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("notification-settings-title"),
            Column(
                Select(
                    _ITEM_LABEL,
                    id="kind",
                    item_id_getter=itemgetter(0),
                    items="kinds",
                    on_click=handlers.on_toggle_kind,
                )
            ),
            SwitchTo(
                I18n("notification-settings-lead"), id="lead", state=NotificationSettingsSG.lead
            ),
            SwitchTo(
                I18n("notification-settings-quiet"), id="quiet", state=NotificationSettingsSG.quiet
            ),
            Cancel(I18n("common-back")),
            state=NotificationSettingsSG.main,
            getter=getters.get_notification_settings,
        ),
        Window(
            I18n("notification-settings-lead-choose"),
            Column(
                Select(
                    _ITEM_LABEL,
                    id="lead_minutes",
                    item_id_getter=itemgetter(0),
                    items="leads",
                    on_click=handlers.on_choose_lead,
                )
            ),
            SwitchTo(I18n("common-back"), id="back", state=NotificationSettingsSG.main),
            state=NotificationSettingsSG.lead,
            getter=getters.get_lead_choices,
        ),
        Window(
            I18n("notification-settings-quiet-choose"),
            Column(
                Select(
                    _ITEM_LABEL,
                    id="quiet_window",
                    item_id_getter=itemgetter(0),
                    items="windows",
                    on_click=handlers.on_choose_quiet_hours,
                )
            ),
            SwitchTo(I18n("common-back"), id="back", state=NotificationSettingsSG.main),
            state=NotificationSettingsSG.quiet,
            getter=getters.get_quiet_choices,
        ),
    )
