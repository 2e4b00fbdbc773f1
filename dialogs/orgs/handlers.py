from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.context import update_context
from dialogs.onboarding.states import OnboardingSG
from services.orgs.organizations import switch_organization


async def organization_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, organization_id: int
) -> None:
    context = update_context(manager)
    await switch_organization(context.session, context.user, organization_id)
    await manager.done()


async def new_organization(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(OnboardingSG.name)
