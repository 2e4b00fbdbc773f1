"""Commands: /start (with deep-link payloads), /menu and /settings."""

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from dialogs.menu.states import MainMenuSG
from dialogs.settings.states import SettingsSG
from services.i18n import Translator


async def start(message: Message, command: CommandObject, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(
        MainMenuSG.main,
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
        data={"start_payload": command.args or ""},
    )


async def menu(message: Message, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def settings(message: Message, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(SettingsSG.main, show_mode=ShowMode.SEND)


async def unknown_message(
    message: Message, dialog_manager: DialogManager, i18n: Translator
) -> None:
    """Text outside any dialog: explain and show the menu rather than stay silent."""
    await message.answer(i18n.get("common-unknown-command"))
    await dialog_manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


def commands_router() -> Router:
    router = Router(name="commands")
    router.message.register(start, CommandStart())
    router.message.register(menu, Command("menu"))
    router.message.register(settings, Command("settings"))
    return router


def fallback_router() -> Router:
    router = Router(name="fallback")
    router.message.register(unknown_message, F.chat.type == "private")
    return router
