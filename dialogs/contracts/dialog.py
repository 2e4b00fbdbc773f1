from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo
from aiogram_dialog.widgets.text import Multi

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.contracts import getters, handlers
from dialogs.contracts.states import ContractsSG
from dialogs.planning.widgets import Notice


def contracts_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("contract-list-title"),
            I18n("contract-list-none", when="no_contracts"),
            choice_column("contract", "contracts", handlers.contract_selected),
            SwitchTo(I18n("contract-new"), id="new", state=ContractsSG.template),
            Cancel(I18n("common-back")),
            state=ContractsSG.list,
            getter=getters.get_contracts,
        ),
        Window(
            I18n("contract-choose-template"),
            I18n("contract-no-templates", when="no_templates"),
            I18n("contract-esign-scope"),
            choice_column("template", "templates", handlers.template_selected),
            back_to(ContractsSG.list),
            state=ContractsSG.template,
            getter=getters.get_template_choices,
        ),
        text_input_window(
            _field_prompt(),
            handlers.value_entered,
            Button(
                I18n("contract-keep-value"),
                id="keep",
                on_click=handlers.keep_default,
                when="has_default",
            ),
            Button(
                I18n("contract-no-end"), id="no_end", on_click=handlers.leave_empty, when="asks_end"
            ),
            Button(
                I18n("contract-rate-none"),
                id="no_rate",
                on_click=handlers.leave_empty,
                when="asks_rate",
            ),
            back_to(ContractsSG.list),
            state=ContractsSG.field,
            getter=getters.get_field,
            text_only=True,
        ),
        Window(
            I18n("contract-preview"),
            Button(I18n("contract-send"), id="send", on_click=handlers.send_to_sign),
            back_to(ContractsSG.list),
            state=ContractsSG.preview,
            getter=getters.get_preview,
        ),
        Window(
            Notice(),
            I18n("contract-card"),
            I18n("contract-card-history"),
            Button(I18n("contract-show-pdf"), id="pdf", on_click=handlers.show_pdf),
            Button(
                I18n("contract-send"),
                id="send_draft",
                on_click=handlers.send_to_sign,
                when="is_draft",
            ),
            SwitchTo(
                I18n("contract-change-end"),
                id="change_end",
                state=ContractsSG.end_date,
                when="is_sent",
            ),
            back_to(ContractsSG.list),
            state=ContractsSG.card,
            getter=getters.get_preview,
        ),
        text_input_window(
            "contract-ask-new-end",
            handlers.end_date_entered,
            Button(I18n("contract-no-end"), id="open_ended", on_click=handlers.no_end_date),
            back_to(ContractsSG.card),
            state=ContractsSG.end_date,
            text_only=True,
        ),
    )


def _field_prompt() -> Multi:
    """The question for the field being asked (each window shows one)."""
    return Multi(
        *(
            I18n(f"contract-ask-{name}", when=f"ask_{name}")
            for name in ("full_name", "start", "end", "rate", "service")
        )
    )
