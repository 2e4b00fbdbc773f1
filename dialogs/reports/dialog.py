"""Report windows: owners and managers pick a period (buttons or a calendar range) and
a scope, get the summary with chart pictures, the Excel table and AI insights;
employees see their own statistics ("📈 Моя статистика")."""

from datetime import date

from aiogram import F
from aiogram_dialog import Dialog, DialogManager, Window
from aiogram_dialog.widgets.kbd import (
    Back,
    Button,
    Calendar,
    CalendarUserConfig,
    Cancel,
    Group,
    SwitchTo,
    WebApp,
)
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column, choice_grid
from dialogs.common.i18n import I18n
from dialogs.planning.widgets import LocalCalendar
from dialogs.reports import getters, handlers
from dialogs.reports.states import MyStatsSG, ReportsSG

_LABEL = Format("{item[1]}")


class PastCalendar(LocalCalendar):
    """The localized calendar, opening at the window's `calendar_max` (today where the
    organization is, by our clock) and offering no later day."""

    async def _get_user_config(self, data: dict, manager: DialogManager) -> CalendarUserConfig:
        return CalendarUserConfig(firstweekday=0, max_date=data.get("calendar_max"))

    async def _render_keyboard(self, data: dict, manager: DialogManager):  # type: ignore[no-untyped-def]
        last_day: date | None = data.get("calendar_max")
        if self.get_offset(manager) is None and last_day is not None:
            self.set_offset(last_day.replace(day=1), manager)
        rows = await Calendar._render_keyboard(self, data, manager)
        return [row for row in rows if any(button.text.strip() for button in row)]


def reports_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("reports-period-title"),
            choice_grid("periods", "periods", handlers.period_chosen, width=2, type_factory=str),
            SwitchTo(I18n("reports-period-custom"), id="custom", state=ReportsSG.custom_start),
            Cancel(I18n("common-back")),
            state=ReportsSG.period,
            getter=getters.get_periods,
        ),
        Window(
            I18n("reports-custom-start"),
            PastCalendar(id="range_start", on_click=handlers.custom_start_chosen),
            SwitchTo(I18n("common-back"), id="back_start", state=ReportsSG.period),
            state=ReportsSG.custom_start,
            getter=getters.get_calendar,
        ),
        Window(
            I18n("reports-custom-end"),
            PastCalendar(id="range_end", on_click=handlers.custom_end_chosen),
            Back(I18n("common-back")),
            state=ReportsSG.custom_end,
            getter=getters.get_calendar,
        ),
        Window(
            I18n("reports-scope-title"),
            Button(
                I18n("reports-scope-organization"),
                id="scope_organization",
                on_click=handlers.organization_chosen,
            ),
            SwitchTo(I18n("reports-scope-object"), id="scope_object", state=ReportsSG.pick_object),
            SwitchTo(
                I18n("reports-scope-employee"), id="scope_employee", state=ReportsSG.pick_employee
            ),
            SwitchTo(I18n("common-back"), id="back_scope", state=ReportsSG.period),
            state=ReportsSG.scope,
            getter=getters.get_scope,
        ),
        Window(
            I18n("reports-pick-object"),
            I18n("reports-pick-empty", when="is_empty"),
            choice_column("objects", "items", handlers.object_chosen),
            SwitchTo(I18n("common-back"), id="back_objects", state=ReportsSG.scope),
            state=ReportsSG.pick_object,
            getter=getters.get_objects,
        ),
        Window(
            I18n("reports-pick-employee"),
            I18n("reports-pick-empty", when="is_empty"),
            choice_grid("employees", "items", handlers.employee_chosen, width=2),
            SwitchTo(I18n("common-back"), id="back_employees", state=ReportsSG.scope),
            state=ReportsSG.pick_employee,
            getter=getters.get_employees,
        ),
        Window(
            I18n("reports-summary"),
            I18n("reports-summary-money", when="show_money"),
            I18n("reports-summary-money-hidden", when="hide_money"),
            I18n("reports-summary-empty", when="is_empty"),
            I18n("reports-summary-top", when="has_top"),
            I18n("reports-summary-bottom", when="has_bottom"),
            I18n("reports-summary-lateness", when="has_lateness"),
            I18n("reports-summary-time-off", when="has_time_off"),
            I18n("reports-summary-labor", when="has_labor"),
            Group(
                Button(I18n("reports-excel"), id="excel", on_click=handlers.excel_clicked),
                Button(I18n("reports-ai"), id="ai", on_click=handlers.insights_clicked),
                width=2,
            ),
            WebApp(
                I18n("reports-dashboard"),
                Format("{dashboard_url}"),
                id="dashboard",
                when="dashboard_url",
            ),
            SwitchTo(I18n("reports-other-scope"), id="other_scope", state=ReportsSG.scope),
            SwitchTo(I18n("reports-other-period"), id="other_period", state=ReportsSG.period),
            Cancel(I18n("common-back")),
            state=ReportsSG.report,
            getter=getters.get_report,
        ),
        Window(
            I18n("reports-ai-title"),
            I18n("reports-ai-summary"),
            I18n("reports-ai-recommendations", when="has_recommendations"),
            I18n("reports-ai-cached", when="from_cache"),
            I18n("reports-ai-privacy"),
            SwitchTo(I18n("common-back"), id="back_report", state=ReportsSG.report),
            state=ReportsSG.insights,
            getter=getters.get_insight,
        ),
    )


def my_stats_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("mystats-title"),
            I18n("mystats-figures"),
            I18n("mystats-upcoming", when="has_upcoming"),
            I18n("mystats-no-upcoming", when=~F["has_upcoming"]),
            choice_grid(
                "my_periods", "periods", handlers.my_period_chosen, width=2, type_factory=str
            ),
            Cancel(I18n("common-back")),
            state=MyStatsSG.main,
            getter=getters.get_my_stats,
        ),
    )
