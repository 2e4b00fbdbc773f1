from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.planning.widgets import Notice
from dialogs.signing import getters, handlers
from dialogs.signing.states import SigningSG


def signing_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("contract-mine-title"),
            I18n("contract-mine-none", when="no_contracts"),
            choice_column("contract", "contracts", handlers.contract_selected),
            Cancel(I18n("common-back")),
            state=SigningSG.list,
            getter=getters.get_my_contracts,
        ),
        Window(
            I18n("contract-mine-card"),
            I18n("contract-esign-scope", when="can_sign"),
            Button(
                I18n("contract-sign"), id="sign", on_click=handlers.sign_pressed, when="can_sign"
            ),
            back_to(SigningSG.list),
            state=SigningSG.contract,
            getter=getters.get_my_contract,
        ),
        Window(
            I18n("contract-agreement"),
            Button(
                I18n("contract-agreement-accept"), id="accept", on_click=handlers.agreement_accepted
            ),
            back_to(SigningSG.contract),
            state=SigningSG.agreement,
            getter=getters.get_agreement,
        ),
        text_input_window(
            "contract-ask-code",
            handlers.code_entered,
            Button(I18n("contract-new-code"), id="new_code", on_click=handlers.new_code),
            back_to(SigningSG.contract),
            state=SigningSG.code,
            getter=getters.get_my_contract,
            text_only=True,
        ),
    )
