from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button

from dialogs.clock.handlers import start_close_shift, start_on_shift, start_open_shift
from dialogs.payroll.handlers import start_my_pay
from dialogs.quick_shift.handlers import start_quick_shift
from dialogs.reports.handlers import start_my_stats, start_reports


async def open_shift(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_open_shift(manager)


async def close_shift(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_close_shift(manager)


async def open_on_shift(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_on_shift(manager)


async def open_my_pay(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_my_pay(manager)


async def open_reports(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_reports(manager)


async def open_my_stats(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_my_stats(manager)


async def open_quick_shift(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_quick_shift(manager)
