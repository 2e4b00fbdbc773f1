from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Cancel, Column, Group, Select, SwitchTo
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
            I18n("notification-settings-summary-line", when="is_owner"),
            I18n("notification-settings-choose-kinds"),
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
            SwitchTo(
                I18n("notification-settings-summary-hour"),
                id="summary_hour",
                state=NotificationSettingsSG.summary_hour,
                when="is_owner",
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
        Window(
            I18n("notification-settings-summary-hour-choose"),
            Group(
                Select(
                    _ITEM_LABEL,
                    id="summary_hour",
                    item_id_getter=itemgetter(0),
                    items="hours",
                    on_click=handlers.on_choose_summary_hour,
                ),
                width=4,
            ),
            SwitchTo(I18n("common-back"), id="back", state=NotificationSettingsSG.main),
            state=NotificationSettingsSG.summary_hour,
            getter=getters.get_summary_hour_choices,
        ),
    )
