from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Back, Button, SwitchTo

from dialogs.common.i18n import I18n
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
        Button(I18n("menu-settings"), id="settings", on_click=handlers.open_settings),
        state=state,
        getter=getters.get_main_menu,
    )


def menu_dialog() -> Dialog:
    return Dialog(
        _main_window(MainMenuSG.main),
        Window(
            I18n("menu-invite-help"),
            Back(I18n("common-back")),
            state=MainMenuSG.invite_help,
        ),
    )
