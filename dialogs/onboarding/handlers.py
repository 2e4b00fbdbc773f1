from aiogram.types import Message
from aiogram_dialog import DialogManager, StartMode
from aiogram_dialog.widgets.input import MessageInput

from dialogs.common.errors import show_domain_error
from dialogs.menu.states import MainMenuSG
from services.errors import DomainError
from services.orgs import create_organization


async def organization_name_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    data = manager.middleware_data
    try:
        await create_organization(
            data["session"], data["user"], data["clock"], name=message.text or ""
        )
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return
    await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK)
