from operator import itemgetter

from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.admin import getters, handlers
from dialogs.admin.states import AdminSG
from dialogs.common.i18n import I18n


def _back(state: State = AdminSG.main) -> SwitchTo:
    return SwitchTo(I18n("common-back"), id=f"back_{state.state.split(':')[-1]}", state=state)


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
        Window(
            I18n("admin-lookup-ask"),
            MessageInput(handlers.lookup_entered),
            _back(),
            state=AdminSG.lookup,
        ),
        Window(
            I18n("admin-lookup-results"),
            Column(
                Select(
                    Format("{item[1]} · #{item[0]}"),
                    id="organization",
                    item_id_getter=itemgetter(0),
                    items="found",
                    type_factory=int,
                    on_click=handlers.organization_chosen,
                )
            ),
            _back(AdminSG.lookup),
            state=AdminSG.results,
            getter=getters.get_results,
        ),
        Window(
            I18n("admin-card"),
            _back(AdminSG.lookup),
            _back(),
            state=AdminSG.card,
            getter=getters.get_card,
        ),
        Window(
            I18n("admin-tariffs-title"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="tariff",
                    item_id_getter=itemgetter(0),
                    items="tariffs",
                    on_click=handlers.tariff_chosen,
                )
            ),
            _back(),
            state=AdminSG.tariffs,
            getter=getters.get_tariffs,
        ),
        Window(
            I18n("admin-tariff-title"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="field",
                    item_id_getter=itemgetter(0),
                    items="fields",
                    on_click=handlers.field_chosen,
                )
            ),
            _back(AdminSG.tariffs),
            state=AdminSG.tariff,
            getter=getters.get_tariff,
        ),
        Window(
            I18n("admin-tariff-edit-ask"),
            I18n("admin-tariff-edit-unlimited-hint", when="is_limit"),
            MessageInput(handlers.tariff_value_entered),
            _back(AdminSG.tariff),
            state=AdminSG.tariff_edit,
            getter=getters.get_tariff_edit,
        ),
        Window(
            I18n("admin-broadcast-ask"),
            MessageInput(handlers.broadcast_text_entered),
            _back(),
            state=AdminSG.broadcast,
        ),
        Window(
            I18n("admin-broadcast-preview"),
            Button(I18n("admin-broadcast-send"), id="send", on_click=handlers.broadcast_confirmed),
            _back(AdminSG.broadcast),
            state=AdminSG.broadcast_confirm,
            getter=getters.get_broadcast,
        ),
        Window(
            I18n("admin-broadcast-sent"),
            _back(),
            state=AdminSG.broadcast_done,
            getter=getters.get_broadcast,
        ),
    )
