from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from dialogs.common.context import update_context
from dialogs.contracts.getters import CONTRACT_ID
from dialogs.contracts.handlers import send_pdf
from dialogs.planning.widgets import set_notice
from dialogs.signing.states import SigningSG
from services.contracts.queries import own_contract_view
from services.contracts.signing import (
    accept_agreement,
    confirm_signature,
    has_agreement,
    send_signing_code,
)
from services.platform.i18n import translator_for


async def contract_selected(
    callback: CallbackQuery, widget: object, manager: DialogManager, contract_id: int
) -> None:
    """Open a contract: its PDF first (the signed copy once signed), then the window."""
    context = update_context(manager)
    view = await own_contract_view(context.session, context.user, contract_id)
    manager.dialog_data[CONTRACT_ID] = contract_id
    assert callback.message is not None
    await send_pdf(manager, callback.message.chat.id, view.pdf, view.contract_id)
    await manager.switch_to(SigningSG.contract)


async def _send_code(manager: DialogManager, chat_id: int) -> None:
    context = update_context(manager)
    contract_id = manager.dialog_data[CONTRACT_ID]

    async def send(code: str) -> int:
        message = await context.bot.send_message(
            chat_id, context.i18n.get("contract-code-message", number=contract_id, code=code)
        )
        return message.message_id

    await send_signing_code(context.session, context.clock, context.user, contract_id, send)
    await manager.switch_to(SigningSG.code)


async def sign_pressed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """A stray tap signs nothing: it leads to the agreement (first time) or sends a code."""
    context = update_context(manager)
    view = await own_contract_view(context.session, context.user, manager.dialog_data[CONTRACT_ID])
    if not await has_agreement(context.session, context.user.id, view.organization_id):
        await manager.switch_to(SigningSG.agreement)
        return
    assert callback.message is not None
    await _send_code(manager, callback.message.chat.id)


async def agreement_accepted(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    await accept_agreement(
        context.session, context.clock, context.user, manager.dialog_data[CONTRACT_ID]
    )
    assert callback.message is not None
    await _send_code(manager, callback.message.chat.id)


async def new_code(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    assert callback.message is not None
    await _send_code(manager, callback.message.chat.id)


async def code_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """The signature: the signed copy goes to the signer and to the organization's side."""
    context = update_context(manager)
    signed = await confirm_signature(
        context.session,
        context.clock,
        context.user,
        manager.dialog_data[CONTRACT_ID],
        message.text or "",
    )
    await send_pdf(manager, message.chat.id, signed.signed_pdf, signed.contract_id)
    for telegram_id, language in signed.counterparts:
        await context.bot.send_document(
            telegram_id,
            BufferedInputFile(signed.signed_pdf, filename=f"contract-{signed.contract_id}.pdf"),
            caption=translator_for(language).get(
                "contract-signed-for-counterpart",
                name=context.user.display_name,
                number=signed.contract_id,
            ),
        )
    set_notice(manager, "contract-signed", number=signed.contract_id)
    await manager.switch_to(SigningSG.list)
