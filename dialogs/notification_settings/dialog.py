from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Cancel, SwitchTo

from dialogs.common.choices import choice_column, choice_grid
from dialogs.common.i18n import I18n
from dialogs.notification_settings import getters, handlers
from dialogs.notification_settings.states import NotificationSettingsSG


def notification_settings_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("notification-settings-title"),
            I18n("notification-settings-summary-line", when="gets_summary"),
            I18n("notification-settings-choose-kinds"),
            choice_column("kind", "kinds", handlers.on_toggle_kind, type_factory=str),
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
                when="gets_summary",
            ),
            Cancel(I18n("common-back")),
            state=NotificationSettingsSG.main,
            getter=getters.get_notification_settings,
        ),
        Window(
            I18n("notification-settings-lead-choose"),
            choice_column("lead_minutes", "leads", handlers.on_choose_lead, type_factory=str),
            SwitchTo(I18n("common-back"), id="back", state=NotificationSettingsSG.main),
            state=NotificationSettingsSG.lead,
            getter=getters.get_lead_choices,
        ),
        Window(
            I18n("notification-settings-quiet-choose"),
            choice_column(
                "quiet_window", "windows", handlers.on_choose_quiet_hours, type_factory=str
            ),
            SwitchTo(I18n("common-back"), id="back", state=NotificationSettingsSG.main),
            state=NotificationSettingsSG.quiet,
            getter=getters.get_quiet_choices,
        ),
        Window(
            I18n("notification-settings-summary-hour-choose"),
            choice_grid(
                "summary_hour", "hours", handlers.on_choose_summary_hour, width=4, type_factory=str
            ),
            SwitchTo(I18n("common-back"), id="back", state=NotificationSettingsSG.main),
            state=NotificationSettingsSG.summary_hour,
            getter=getters.get_summary_hour_choices,
        ),
    )
