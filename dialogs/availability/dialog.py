"""An employee's availability: the week at a glance, a weekday or a date in two taps
(whole day, preferred, hours, not available), the private calendar link and the
birthday."""

from aiogram import F
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo, Url, WebApp
from aiogram_dialog.widgets.text import Format

from dialogs.availability import getters, handlers
from dialogs.availability.states import AvailabilitySG
from dialogs.common.choices import choice_column, choice_grid
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.planning.widgets import LocalCalendar, Notice


def availability_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("availability-title", when="has_organization"),
            Format("{week}", when="has_organization"),
            I18n("availability-exceptions", when="exceptions"),
            I18n("availability-no-organization", when=~F["has_organization"]),
            choice_grid("weekday", "weekdays", handlers.weekday_chosen, width=7),
            SwitchTo(
                I18n("availability-exception"),
                id="exception",
                state=AvailabilitySG.exception_date,
                when="has_organization",
            ),
            WebApp(
                I18n("availability-mini-app"),
                Format("{mini_app_url}"),
                id="mini_app",
                when="mini_app_url",
            ),
            Button(I18n("availability-calendar"), id="calendar", on_click=handlers.open_calendar),
            SwitchTo(I18n("availability-birthday"), id="birthday", state=AvailabilitySG.birthday),
            Cancel(I18n("common-back")),
            state=AvailabilitySG.main,
            getter=getters.get_main,
        ),
        Window(
            I18n("availability-day-title"),
            choice_column("whole_day", "whole_day", handlers.whole_day_chosen, type_factory=str),
            choice_column("hours", "hours", handlers.hours_kind_chosen, type_factory=str),
            Button(
                I18n("availability-clear"),
                id="clear",
                on_click=handlers.statement_cleared,
                when="has_statement",
            ),
            back_to(AvailabilitySG.main),
            state=AvailabilitySG.day,
            getter=getters.get_day,
        ),
        text_input_window(
            "availability-hours-prompt",
            handlers.hours_entered,
            back_to(AvailabilitySG.day, "common-cancel"),
            state=AvailabilitySG.hours,
            getter=getters.get_hours,
            text_only=True,
        ),
        Window(
            I18n("availability-pick-date"),
            LocalCalendar(id="exception_date", on_click=handlers.exception_date_chosen),
            back_to(AvailabilitySG.main),
            state=AvailabilitySG.exception_date,
            getter=getters.get_exception_date,
        ),
        Window(
            Notice(),
            I18n("availability-calendar-text"),
            Url(I18n("availability-calendar-open"), Format("{url}"), when="is_https"),
            Button(
                I18n("availability-calendar-rotate"),
                id="rotate",
                on_click=handlers.calendar_rotated,
            ),
            back_to(AvailabilitySG.main),
            state=AvailabilitySG.calendar,
            getter=getters.get_calendar,
        ),
        text_input_window(
            "availability-birthday-prompt",
            handlers.birthday_entered,
            Button(
                I18n("availability-birthday-remove"),
                id="remove_birthday",
                on_click=handlers.birthday_removed,
                when="has_birthday",
            ),
            back_to(AvailabilitySG.main, "common-cancel"),
            state=AvailabilitySG.birthday,
            getter=getters.get_birthday,
            text_only=True,
        ),
    )
