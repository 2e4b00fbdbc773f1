from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.admin import getters, handlers
from dialogs.admin.states import AdminSG
from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window


def admin_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("admin-counts"),
            SwitchTo(I18n("admin-lookup"), id="lookup", state=AdminSG.lookup),
            SwitchTo(I18n("admin-tariffs"), id="tariffs", state=AdminSG.tariffs),
            SwitchTo(I18n("admin-broadcast"), id="broadcast", state=AdminSG.broadcast),
            Cancel(I18n("common-back")),
            state=AdminSG.main,
            getter=getters.get_counts,
        ),
        text_input_window(
            "admin-lookup-ask", handlers.lookup_entered, back_to(AdminSG.main), state=AdminSG.lookup
        ),
        Window(
            I18n("admin-lookup-results"),
            choice_column(
                "organization",
                "found",
                handlers.organization_chosen,
                label=Format("{item[1]} · #{item[0]}"),
            ),
            back_to(AdminSG.lookup),
            state=AdminSG.results,
            getter=getters.get_results,
        ),
        Window(
            I18n("admin-card"),
            back_to(AdminSG.lookup),
            back_to(AdminSG.main),
            state=AdminSG.card,
            getter=getters.get_card,
        ),
        Window(
            I18n("admin-tariffs-title"),
            choice_column("tariff", "tariffs", handlers.tariff_chosen, type_factory=str),
            back_to(AdminSG.main),
            state=AdminSG.tariffs,
            getter=getters.get_tariffs,
        ),
        Window(
            I18n("admin-tariff-title"),
            choice_column("field", "fields", handlers.field_chosen, type_factory=str),
            back_to(AdminSG.tariffs),
            state=AdminSG.tariff,
            getter=getters.get_tariff,
        ),
        Window(
            I18n("admin-tariff-edit-ask"),
            I18n("admin-tariff-edit-unlimited-hint", when="is_limit"),
            MessageInput(handlers.tariff_value_entered),
            back_to(AdminSG.tariff),
            state=AdminSG.tariff_edit,
            getter=getters.get_tariff_edit,
        ),
        text_input_window(
            "admin-broadcast-ask",
            handlers.broadcast_text_entered,
            back_to(AdminSG.main),
            state=AdminSG.broadcast,
        ),
        Window(
            I18n("admin-broadcast-preview"),
            Button(I18n("admin-broadcast-send"), id="send", on_click=handlers.broadcast_confirmed),
            back_to(AdminSG.broadcast),
            state=AdminSG.broadcast_confirm,
            getter=getters.get_broadcast,
        ),
        Window(
            I18n("admin-broadcast-sent"),
            back_to(AdminSG.main),
            state=AdminSG.broadcast_done,
            getter=getters.get_broadcast,
        ),
    )
