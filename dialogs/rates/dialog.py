"""Overtime and holidays (owner): the organization's rule — hours a day and a week after
which work is overtime, and its multiplier — an object's own rule, and the holidays with
their multiplier. Opened from the payroll periods ("⚡ Сверхурочные и праздники")."""

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.planning.widgets import Notice
from dialogs.rates import getters, handlers
from dialogs.rates.states import RatesSG


def rates_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("rates-overview"),
            I18n("rates-follows-organization", when="follows_organization"),
            SwitchTo(I18n("rates-set-daily"), id="daily", state=RatesSG.daily),
            SwitchTo(I18n("rates-set-weekly"), id="weekly", state=RatesSG.weekly),
            SwitchTo(I18n("rates-set-multiplier"), id="multiplier", state=RatesSG.multiplier),
            SwitchTo(
                I18n("rates-per-object"),
                id="objects",
                state=RatesSG.objects,
                when="is_organization",
            ),
            SwitchTo(
                I18n("rates-holidays"),
                id="holidays",
                state=RatesSG.holidays,
                when="is_organization",
            ),
            Button(
                I18n("rates-drop-override"),
                id="drop",
                on_click=handlers.override_dropped,
                when="has_override",
            ),
            Button(
                I18n("rates-back-to-organization"),
                id="organization",
                on_click=handlers.organization_chosen,
                when=lambda data, widget, manager: not data["is_organization"],
            ),
            Cancel(I18n("common-back"), when="is_organization"),
            state=RatesSG.overview,
            getter=getters.get_rates,
        ),
        text_input_window(
            "rates-daily-prompt",
            handlers.daily_entered,
            back_to(RatesSG.overview),
            state=RatesSG.daily,
            getter=getters.get_rates,
            text_only=True,
        ),
        text_input_window(
            "rates-weekly-prompt",
            handlers.weekly_entered,
            back_to(RatesSG.overview),
            state=RatesSG.weekly,
            getter=getters.get_rates,
            text_only=True,
        ),
        text_input_window(
            "rates-multiplier-prompt",
            handlers.multiplier_entered,
            back_to(RatesSG.overview),
            state=RatesSG.multiplier,
            getter=getters.get_rates,
            text_only=True,
        ),
        Window(
            I18n("rates-objects-title"),
            choice_column("objects", "objects", handlers.object_chosen),
            back_to(RatesSG.overview),
            state=RatesSG.objects,
            getter=getters.get_rates,
        ),
        Window(
            Notice(),
            I18n("rates-holidays-title"),
            I18n("rates-holidays-empty", when="no_holidays"),
            I18n("rates-holidays-remove-hint", when="has_holidays"),
            choice_column("holidays", "holidays", handlers.holiday_removed),
            SwitchTo(I18n("rates-holiday-add"), id="add", state=RatesSG.holiday_add),
            back_to(RatesSG.overview),
            state=RatesSG.holidays,
            getter=getters.get_rates,
        ),
        text_input_window(
            "rates-holiday-prompt",
            handlers.holiday_entered,
            back_to(RatesSG.holidays),
            state=RatesSG.holiday_add,
            text_only=True,
        ),
    )
