"""Joining an organization by an invite: from a `/start inv_<code>` deep link or from a
code or link pasted into the main menu's "I have an invite" window."""

from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput

from dialogs.common.context import update_context
from dialogs.common.errors import show_domain_error
from dialogs.menu.states import MainMenuSG
from services.orgs.invites import accept_invite, code_from_text
from services.platform.errors import DomainError
from services.platform.i18n import fluent_args


async def _accept_and_greet(message: Message, manager: DialogManager, raw: str | None) -> bool:
    """Accept the invite in `raw`; tell the user the outcome. True when they are a member
    now (newly joined or already one).

    A refusal is caught here rather than left to the error handler: the owners' notice
    of a full tariff is the one write of a refusal and must be committed, and the deep
    link goes on to the menu either way."""
    context = update_context(manager)
    try:
        joined = await accept_invite(
            context.session,
            context.user,
            context.clock,
            code_from_text(raw),
            manager.middleware_data["invite_failures"],
        )
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return False
    greeting = (
        "invites-already-member" if joined.already_member else f"invites-joined-{joined.role}"
    )
    await message.answer(
        context.i18n.get(greeting, **fluent_args({"organization": joined.organization_name}))
    )
    return True


async def join_by_deep_link(message: Message, manager: DialogManager, payload: str) -> None:
    """`/start inv_<code>`: join, then the main menu of whatever the user now is."""
    await _accept_and_greet(message, manager, payload)
    await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def invite_code_pasted(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    """A code or link typed into the "I have an invite" window; on failure the window
    stays so the user can try again."""
    if await _accept_and_greet(message, manager, message.text):
        await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
