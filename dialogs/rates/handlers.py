"""Handlers of the rates settings: each typed value or tap calls one use case of
`services.rates.settings` and returns to the overview with a notice."""

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.planning.widgets import set_notice
from dialogs.rates.getters import OBJECT_ID
from dialogs.rates.states import RatesSG
from services.rates.settings import (
    mark_holiday,
    set_daily_threshold,
    set_overtime_multiplier,
    set_weekly_threshold,
    unmark_holiday,
    use_organization_rule,
)


async def _change_rule(message: Message, manager: DialogManager, change: Any) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    await change(
        context.session,
        user_id=context.user.id,
        organization_id=actor.organization_id,
        object_id=manager.dialog_data.get(OBJECT_ID),
        raw=message.text or "",
    )
    set_notice(manager, "rates-saved")
    await manager.switch_to(RatesSG.overview)


async def daily_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _change_rule(message, manager, set_daily_threshold)


async def weekly_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _change_rule(message, manager, set_weekly_threshold)


async def multiplier_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    await _change_rule(message, manager, set_overtime_multiplier)


async def object_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, object_id: int
) -> None:
    manager.dialog_data[OBJECT_ID] = object_id
    await manager.switch_to(RatesSG.overview)


async def organization_chosen(
    callback: CallbackQuery, widget: Button, manager: DialogManager
) -> None:
    manager.dialog_data.pop(OBJECT_ID, None)


async def override_dropped(callback: CallbackQuery, widget: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    await use_organization_rule(
        context.session,
        user_id=context.user.id,
        organization_id=actor.organization_id,
        object_id=manager.dialog_data[OBJECT_ID],
    )
    set_notice(manager, "rates-override-dropped")


async def holiday_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    holiday = await mark_holiday(
        context.session,
        user_id=context.user.id,
        organization_id=actor.organization_id,
        raw=message.text or "",
    )
    set_notice(
        manager,
        "rates-holiday-marked",
        date=context.i18n.day(holiday.day, "short"),
        multiplier=context.i18n.number(holiday.multiplier),
    )
    await manager.switch_to(RatesSG.holidays)


async def holiday_removed(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, holiday_id: int
) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    await unmark_holiday(
        context.session,
        user_id=context.user.id,
        organization_id=actor.organization_id,
        holiday_id=holiday_id,
    )
    set_notice(manager, "rates-holiday-removed")
