from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.contract_templates import getters, handlers
from dialogs.contract_templates.states import ContractTemplatesSG
from dialogs.planning.widgets import Notice


def contract_templates_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("contract-templates-title"),
            I18n("contract-templates-none", when="no_templates"),
            I18n("contract-esign-scope"),
            choice_column("template", "templates", handlers.template_selected),
            SwitchTo(I18n("contract-template-new"), id="new", state=ContractTemplatesSG.base),
            Cancel(I18n("common-back")),
            state=ContractTemplatesSG.list,
            getter=getters.get_templates,
        ),
        Window(
            I18n("contract-template-choose-base"),
            Button(
                I18n("contract-template-base-gpc-ru"), id="gpc_ru", on_click=handlers.gpc_ru_chosen
            ),
            Button(
                I18n("contract-template-base-generic-en"),
                id="generic_en",
                on_click=handlers.generic_en_chosen,
            ),
            back_to(ContractTemplatesSG.list),
            state=ContractTemplatesSG.base,
        ),
        text_input_window(
            "contract-template-ask-name",
            handlers.name_entered,
            back_to(ContractTemplatesSG.list),
            state=ContractTemplatesSG.name,
            text_only=True,
        ),
        Window(
            Notice(),
            I18n("contract-template-view"),
            SwitchTo(I18n("contract-template-edit"), id="edit", state=ContractTemplatesSG.edit),
            back_to(ContractTemplatesSG.list),
            state=ContractTemplatesSG.view,
            getter=getters.get_template,
        ),
        Window(
            I18n("contract-template-ask-text"),
            MessageInput(handlers.text_sent),
            back_to(ContractTemplatesSG.view),
            state=ContractTemplatesSG.edit,
            getter=getters.get_known_fields,
        ),
    )
