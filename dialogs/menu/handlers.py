from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button

from dialogs.onboarding.states import OnboardingSG
from dialogs.settings.states import SettingsSG


async def start_business(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(OnboardingSG.name)


async def open_settings(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(SettingsSG.main)
