"""The "I run a business" flow: name → timezone (a button, a typed IANA name or a
location pin) → language → the organization is created."""

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Select

from dialogs.common.errors import show_domain_error
from dialogs.common.input import show_callback_error
from dialogs.menu.states import MainMenuSG
from dialogs.onboarding.states import OnboardingSG
from services.orgs.organizations import clean_name, create_organization, validate_timezone
from services.places.timezones import timezone_for_location
from services.platform.errors import DomainError


async def organization_name_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    try:
        manager.dialog_data["name"] = clean_name(message.text)
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return
    await manager.switch_to(OnboardingSG.timezone)


async def timezone_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, timezone: str
) -> None:
    manager.dialog_data["timezone"] = validate_timezone(timezone)
    await manager.switch_to(OnboardingSG.language)


async def timezone_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    try:
        manager.dialog_data["timezone"] = validate_timezone(message.text)
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return
    await manager.switch_to(OnboardingSG.language)


async def timezone_from_location(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    assert message.location is not None
    try:
        manager.dialog_data["timezone"] = timezone_for_location(
            message.location.latitude, message.location.longitude
        )
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return
    await manager.switch_to(OnboardingSG.language)


async def language_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, language: str
) -> None:
    data = manager.middleware_data
    try:
        await create_organization(
            data["session"],
            data["user"],
            data["clock"],
            name=manager.dialog_data["name"],
            timezone=manager.dialog_data["timezone"],
            language=language,
        )
    except DomainError as error:
        await show_callback_error(callback, manager, error)
        return
    await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK)
