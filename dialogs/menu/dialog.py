from aiogram import F
from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Back, Button, SwitchTo, WebApp
from aiogram_dialog.widgets.text import Format

from dialogs.common.i18n import I18n
from dialogs.invites.join import invite_code_pasted
from dialogs.menu import getters, handlers
from dialogs.menu.states import MainMenuSG


def _main_window(state: State) -> Window:
    return Window(
        I18n("menu-greeting-new", when="is_new"),
        I18n("menu-greeting-owner", when="is_owner"),
        I18n("menu-greeting-manager", when="is_manager"),
        I18n("menu-greeting-employee", when="is_employee"),
        Button(
            I18n("menu-run-business"),
            id="run_business",
            on_click=handlers.start_business,
            when="is_new",
        ),
        SwitchTo(
            I18n("menu-have-invite"), id="have_invite", state=MainMenuSG.invite_help, when="is_new"
        ),
        Button(
            I18n("menu-objects"),
            id="objects",
            on_click=handlers.open_objects,
            when=F["is_owner"] | F["is_manager"],
        ),
        Button(
            I18n("menu-staff"), id="staff", on_click=handlers.open_staff, when="can_manage_staff"
        ),
        Button(
            I18n("menu-invites"),
            id="invites",
            on_click=handlers.open_invites,
            when="can_manage_staff",
        ),
        Button(
            I18n("menu-subscription"),
            id="subscription",
            on_click=handlers.open_subscription,
            when="is_owner",
        ),
        Button(
            I18n("menu-organizations"),
            id="organizations",
            on_click=handlers.open_organizations,
            when="shows_organizations",
        ),
        Button(
            I18n("menu-shift-tasks"),
            id="shift_tasks",
            on_click=handlers.open_shift_tasks,
            when="is_employee",
        ),
        Button(
            I18n("menu-task-templates"),
            id="task_templates",
            on_click=handlers.open_task_templates,
            when=F["is_owner"] | F["is_manager"],
        ),
        Button(
            I18n("menu-task-review"),
            id="task_review",
            on_click=handlers.open_task_review,
            when=F["is_owner"] | F["is_manager"],
        ),
        Button(
            I18n("menu-media-settings"),
            id="media_settings",
            on_click=handlers.open_media_settings,
            when="is_owner",
        ),
        Button(
            I18n("menu-planning"),
            id="planning",
            on_click=handlers.open_planning,
            when=F["is_owner"] | F["is_manager"],
        ),
        WebApp(
            I18n("menu-planning-board"),
            Format("{planning_board_url}"),
            id="planning_board",
            when="planning_board_url",
        ),
        Button(
            I18n("menu-my-schedule"),
            id="my_schedule",
            on_click=handlers.open_my_schedule,
            when="is_employee",
        ),
        Button(
            I18n("menu-open-places"),
            id="open_places",
            on_click=handlers.open_open_places,
            when="is_employee",
        ),
        Button(
            I18n("menu-clock-open"),
            id="clock_open",
            on_click=handlers.open_shift,
            when="is_employee",
        ),
        Button(
            I18n("menu-clock-close"),
            id="clock_close",
            on_click=handlers.close_shift,
            when="is_employee",
        ),
        Button(
            I18n("menu-on-shift"),
            id="on_shift",
            on_click=handlers.open_on_shift,
            when=F["is_owner"] | F["is_manager"],
        ),
        Button(
            I18n("menu-payroll"),
            id="payroll",
            on_click=handlers.open_payroll,
            when="can_view_money",
        ),
        Button(I18n("menu-my-pay"), id="my_pay", on_click=handlers.open_my_pay, when="is_employee"),
        Button(
            I18n("menu-reports"),
            id="reports",
            on_click=handlers.open_reports,
            when=F["is_owner"] | F["is_manager"],
        ),
        Button(
            I18n("menu-my-stats"),
            id="my_stats",
            on_click=handlers.open_my_stats,
            when="is_employee",
        ),
        Button(I18n("menu-settings"), id="settings", on_click=handlers.open_settings),
        state=state,
        getter=getters.get_main_menu,
    )


def menu_dialog() -> Dialog:
    return Dialog(
        _main_window(MainMenuSG.main),
        Window(
            I18n("menu-invite-help"),
            MessageInput(invite_code_pasted),
            Back(I18n("common-back")),
            state=MainMenuSG.invite_help,
        ),
    )
