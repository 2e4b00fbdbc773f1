from aiogram import F
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import (
    Button,
    Cancel,
    Column,
    SwitchTo,
)

from dialogs.common.choices import checklist_column, choice_column, paged_choice_column
from dialogs.common.i18n import I18n
from dialogs.common.windows import text_input_window
from dialogs.planning.widgets import Notice
from dialogs.staff import getters, handlers
from dialogs.staff.states import StaffSG

PAGE_SIZE = 8


def _to_card() -> SwitchTo:
    return SwitchTo(I18n("common-back"), id="to_card", state=StaffSG.card)


def _list_window() -> Window:
    return Window(
        I18n("staff-list-employees", when="showing_employees"),
        I18n("staff-list-managers", when="showing_managers"),
        I18n("staff-list-search", when="searching"),
        I18n("staff-list-nobody", when="nobody_found"),
        I18n("staff-list-hint", when="allowed"),
        I18n("error-permission-denied", when="refused"),
        MessageInput(handlers.search_entered),
        paged_choice_column(
            "member", "members", handlers.member_selected, "members_page", PAGE_SIZE
        ),
        Button(
            I18n("staff-reset-search"),
            id="reset_search",
            on_click=handlers.reset_search,
            when="searching",
        ),
        Button(
            I18n("staff-show-managers"),
            id="show_managers",
            on_click=handlers.switch_role,
            when="can_see_managers",
        ),
        Button(
            I18n("staff-show-employees"),
            id="show_employees",
            on_click=handlers.switch_role,
            when="showing_managers",
        ),
        Cancel(I18n("common-back")),
        state=StaffSG.list,
        getter=getters.get_staff_list,
    )


def _card_window() -> Window:
    return Window(
        Notice(),
        I18n("staff-card"),
        I18n("staff-card-ended", when="is_ended"),
        I18n("staff-card-rate", when="has_rate"),
        I18n("staff-card-no-rate", when="no_rate"),
        I18n("staff-card-next-rate", when="has_next_rate"),
        I18n("staff-card-salary", when="is_salaried"),
        I18n("staff-card-bonus", when="has_bonus"),
        SwitchTo(
            I18n("staff-change-rate"),
            id="change_rate",
            state=StaffSG.rate,
            when=F["is_active_employee"] & ~F["is_salaried"],
        ),
        SwitchTo(
            I18n("staff-change-pay-type"),
            id="pay_type",
            state=StaffSG.pay_type,
            when="is_active_employee",
        ),
        SwitchTo(
            I18n("staff-change-limits"),
            id="limits",
            state=StaffSG.limits,
            when="is_active_employee",
        ),
        Button(
            I18n("staff-contracts"),
            id="contracts",
            on_click=handlers.open_contracts,
            when="is_active_employee",
        ),
        Button(
            I18n("staff-documents"),
            id="documents",
            on_click=handlers.open_documents,
            when="is_active_employee",
        ),
        Button(
            I18n("staff-change-objects"),
            id="change_objects",
            on_click=handlers.edit_objects,
            when="is_active_employee",
        ),
        Button(
            I18n("staff-manager-permissions"),
            id="permissions",
            on_click=handlers.open_manager_objects,
            when="is_active_manager",
        ),
        SwitchTo(
            I18n("staff-dismiss"),
            id="dismiss_release",
            state=StaffSG.dismiss_release,
            when=F["is_active"] & F["upcoming_shifts"],
        ),
        SwitchTo(
            I18n("staff-dismiss"),
            id="dismiss",
            state=StaffSG.dismiss,
            when=F["is_active"] & ~F["upcoming_shifts"],
        ),
        SwitchTo(I18n("staff-to-list"), id="to_list", state=StaffSG.list),
        state=StaffSG.card,
        getter=getters.get_staff_card,
    )


def _pay_type_windows() -> list[Window]:
    return [
        Window(
            I18n("staff-pay-type-ask"),
            Column(
                Button(I18n("staff-pay-hourly"), id="hourly", on_click=handlers.pay_hourly),
                SwitchTo(I18n("staff-pay-salary"), id="salary", state=StaffSG.pay_salary),
                SwitchTo(I18n("staff-pay-bonus"), id="bonus", state=StaffSG.pay_shift_bonus),
            ),
            _to_card(),
            state=StaffSG.pay_type,
        ),
        text_input_window(
            "staff-ask-salary",
            handlers.salary_entered,
            _to_card(),
            state=StaffSG.pay_salary,
            text_only=True,
        ),
        text_input_window(
            "staff-ask-shift-bonus",
            handlers.shift_bonus_entered,
            Button(
                I18n("staff-no-shift-bonus"), id="no_shift_bonus", on_click=handlers.no_shift_bonus
            ),
            _to_card(),
            state=StaffSG.pay_shift_bonus,
            text_only=True,
        ),
        text_input_window(
            "staff-ask-period-bonus",
            handlers.period_bonus_entered,
            Button(
                I18n("staff-no-period-bonus"),
                id="no_period_bonus",
                on_click=handlers.no_period_bonus,
            ),
            _to_card(),
            state=StaffSG.pay_period_bonus,
            text_only=True,
        ),
    ]


def _limit_windows() -> list[Window]:
    """A contract's own scheduling limits and weekly target, each a button to change."""
    return [
        Window(
            Notice(),
            I18n("staff-limits"),
            choice_column("limit", "limits", handlers.limit_selected, type_factory=str),
            _to_card(),
            state=StaffSG.limits,
            getter=getters.get_contract_limits,
        ),
        text_input_window(
            I18n("staff-ask-limit"),
            handlers.limit_entered,
            Button(
                I18n("staff-limit-organization"),
                id="limit_default",
                on_click=handlers.limit_default,
            ),
            SwitchTo(I18n("common-back"), id="to_limits", state=StaffSG.limits),
            state=StaffSG.limit_value,
            getter=getters.get_limit_prompt,
            text_only=True,
        ),
    ]


def staff_dialog() -> Dialog:
    return Dialog(
        _list_window(),
        _card_window(),
        *_pay_type_windows(),
        *_limit_windows(),
        text_input_window(
            "staff-ask-rate",
            handlers.rate_entered,
            Button(I18n("staff-without-rate"), id="no_rate", on_click=handlers.without_rate),
            _to_card(),
            state=StaffSG.rate,
        ),
        text_input_window(
            "staff-ask-rate-date",
            handlers.rate_date_entered,
            Button(I18n("staff-from-today"), id="from_today", on_click=handlers.rate_from_today),
            _to_card(),
            state=StaffSG.rate_date,
        ),
        Window(
            I18n("staff-choose-objects"),
            checklist_column(handlers.OBJECTS_WIDGET, "objects"),
            Button(I18n("staff-save"), id="save_objects", on_click=handlers.save_objects),
            _to_card(),
            state=StaffSG.objects,
            getter=getters.get_object_choices,
        ),
        Window(
            I18n("staff-ask-dismiss-release"),
            Button(
                I18n("staff-release-open-places"),
                id="release_open",
                on_click=handlers.release_as_open_places,
            ),
            Button(
                I18n("staff-release-cancel"), id="release_cancel", on_click=handlers.cancel_shifts
            ),
            _to_card(),
            state=StaffSG.dismiss_release,
            getter=getters.get_staff_card,
        ),
        text_input_window(
            "staff-ask-dismiss-date",
            handlers.dismiss_date_entered,
            Button(
                I18n("staff-dismiss-today"), id="dismiss_today", on_click=handlers.dismiss_today
            ),
            _to_card(),
            state=StaffSG.dismiss,
        ),
        Window(
            I18n("staff-choose-manager-object"),
            choice_column("manager_object", "objects", handlers.manager_object_selected),
            _to_card(),
            state=StaffSG.manager_objects,
            getter=getters.get_manager_objects,
        ),
        Window(
            I18n("staff-choose-permissions"),
            checklist_column(handlers.PERMISSIONS_WIDGET, "permissions"),
            Button(I18n("staff-save"), id="save_permissions", on_click=handlers.save_permissions),
            SwitchTo(I18n("common-back"), id="to_manager_objects", state=StaffSG.manager_objects),
            state=StaffSG.manager_permissions,
            getter=getters.get_permission_choices,
        ),
    )
