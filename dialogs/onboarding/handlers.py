"""The "I run a business" flow: name → timezone (a button, a typed IANA name or a
location pin) → language → the organization is created."""

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Select

from dialogs.common.context import update_context
from dialogs.menu.states import MainMenuSG
from dialogs.onboarding.states import OnboardingSG
from services.orgs.organizations import clean_name, create_organization, validate_timezone
from services.places.timezones import timezone_for_location


async def organization_name_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    manager.dialog_data["name"] = clean_name(message.text)
    await manager.switch_to(OnboardingSG.timezone)


async def timezone_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, timezone: str
) -> None:
    manager.dialog_data["timezone"] = validate_timezone(timezone)
    await manager.switch_to(OnboardingSG.language)


async def timezone_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    manager.dialog_data["timezone"] = validate_timezone(message.text)
    await manager.switch_to(OnboardingSG.language)


async def timezone_from_location(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    assert message.location is not None
    manager.dialog_data["timezone"] = timezone_for_location(
        message.location.latitude, message.location.longitude
    )
    await manager.switch_to(OnboardingSG.language)


async def language_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, language: str
) -> None:
    context = update_context(manager)
    await create_organization(
        context.session,
        context.user,
        context.clock,
        name=manager.dialog_data["name"],
        timezone=manager.dialog_data["timezone"],
        language=language,
    )
    await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK)
