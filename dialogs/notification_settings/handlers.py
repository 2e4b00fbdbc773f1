from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.errors import show_domain_error
from dialogs.notification_settings.getters import QUIET_HOURS_OFF
from dialogs.notification_settings.states import NotificationSettingsSG
from services.notify.settings import (
    QUIET_HOURS_CHOICES,
    set_daily_summary_hour,
    set_quiet_hours,
    set_reminder_lead,
    toggle_kind,
)
from services.platform.db.models import User
from services.platform.errors import DomainError


async def on_toggle_kind(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, kind: str
) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    user: User = manager.middleware_data["user"]
    try:
        await toggle_kind(session, user.id, kind)
    except DomainError as error:
        if isinstance(callback.message, Message):
            await show_domain_error(callback.message, manager, error)


async def on_choose_lead(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, minutes: str
) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    user: User = manager.middleware_data["user"]
    try:
        await set_reminder_lead(session, user.id, int(minutes))
    except DomainError as error:
        if isinstance(callback.message, Message):
            await show_domain_error(callback.message, manager, error)
        return
    await manager.switch_to(NotificationSettingsSG.main)


async def on_choose_summary_hour(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, hour: str
) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    user: User = manager.middleware_data["user"]
    try:
        await set_daily_summary_hour(session, user.id, int(hour))
    except DomainError as error:
        if isinstance(callback.message, Message):
            await show_domain_error(callback.message, manager, error)
        return
    await manager.switch_to(NotificationSettingsSG.main)


async def on_choose_quiet_hours(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, choice: str
) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    user: User = manager.middleware_data["user"]
    window = None if choice == QUIET_HOURS_OFF else QUIET_HOURS_CHOICES[int(choice)]
    try:
        await set_quiet_hours(session, user.id, window)
    except DomainError as error:
        if isinstance(callback.message, Message):
            await show_domain_error(callback.message, manager, error)
        return
    await manager.switch_to(NotificationSettingsSG.main)
