from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.input import show_callback_error
from dialogs.onboarding.states import OnboardingSG
from services.orgs.organizations import switch_organization
from services.platform.errors import DomainError


async def organization_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, organization_id: int
) -> None:
    data = manager.middleware_data
    try:
        await switch_organization(data["session"], data["user"], organization_id)
    except DomainError as error:
        await show_callback_error(callback, manager, error)
        return
    await manager.done()


async def new_organization(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(OnboardingSG.name)
