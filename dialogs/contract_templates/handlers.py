from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.contract_templates.getters import TEMPLATE_ID
from dialogs.contract_templates.states import ContractTemplatesSG
from dialogs.planning.widgets import set_notice
from services.contracts.templates import change_template, create_template
from services.contracts.uploads import text_of_upload

START_FROM = "start_from"


async def gpc_ru_chosen(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data[START_FROM] = "gpc_ru"
    await manager.switch_to(ContractTemplatesSG.name)


async def generic_en_chosen(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    manager.dialog_data[START_FROM] = "generic_en"
    await manager.switch_to(ContractTemplatesSG.name)


async def name_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    template = await create_template(
        context.session,
        await actor_of(manager),
        name=message.text or "",
        start_from=manager.dialog_data[START_FROM],
    )
    manager.dialog_data[TEMPLATE_ID] = template.id
    await manager.switch_to(ContractTemplatesSG.view)


async def template_selected(
    callback: CallbackQuery, widget: object, manager: DialogManager, template_id: int
) -> None:
    manager.dialog_data[TEMPLATE_ID] = template_id
    await manager.switch_to(ContractTemplatesSG.view)


async def text_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """A new version from a message's text or from a .md/.txt/.docx file."""
    context = update_context(manager)
    if message.document is not None:
        data = await context.bot.download(message.document)
        assert data is not None
        body = text_of_upload(message.document.file_name or "", data.read())
    elif message.text:
        body = message.text
    else:
        await message.answer(context.i18n.get("contract-template-expect-text"))
        manager.show_mode = ShowMode.SEND
        return
    version = await change_template(
        context.session, await actor_of(manager), manager.dialog_data[TEMPLATE_ID], body
    )
    set_notice(manager, "contract-template-saved", version=version.number)
    await manager.switch_to(ContractTemplatesSG.view)
