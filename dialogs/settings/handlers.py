from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Select

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.settings.states import SettingsSG
from services.orgs.organizations import set_currency
from services.platform.i18n import translator_for
from services.staff.users import set_language


async def choose_language(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, language: str
) -> None:
    context = update_context(manager)
    await set_language(context.session, context.user, language)
    # The window re-renders in the new language at once: that is the confirmation.
    manager.middleware_data["i18n"] = translator_for(language, context.i18n.currency)


async def choose_currency(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, currency: str
) -> None:
    context = update_context(manager)
    organization = await set_currency(context.session, await actor_of(manager), currency)
    # Amounts on the next windows are written in the new currency at once.
    manager.middleware_data["i18n"] = translator_for(context.i18n.language, organization.currency)
    await manager.switch_to(SettingsSG.main)
