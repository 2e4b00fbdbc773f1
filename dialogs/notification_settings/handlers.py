from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Select

from dialogs.common.context import update_context
from dialogs.notification_settings.getters import QUIET_HOURS_OFF
from dialogs.notification_settings.states import NotificationSettingsSG
from services.notify.settings import (
    QUIET_HOURS_CHOICES,
    set_daily_summary_hour,
    set_quiet_hours,
    set_reminder_lead,
    toggle_kind,
)


async def on_toggle_kind(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, kind: str
) -> None:
    context = update_context(manager)
    await toggle_kind(context.session, context.user.id, kind)


async def on_choose_lead(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, minutes: str
) -> None:
    context = update_context(manager)
    await set_reminder_lead(context.session, context.user.id, int(minutes))
    await manager.switch_to(NotificationSettingsSG.main)


async def on_choose_summary_hour(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, hour: str
) -> None:
    context = update_context(manager)
    await set_daily_summary_hour(context.session, context.user.id, int(hour))
    await manager.switch_to(NotificationSettingsSG.main)


async def on_choose_quiet_hours(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, choice: str
) -> None:
    context = update_context(manager)
    window = None if choice == QUIET_HOURS_OFF else QUIET_HOURS_CHOICES[int(choice)]
    await set_quiet_hours(context.session, context.user.id, window)
    await manager.switch_to(NotificationSettingsSG.main)
