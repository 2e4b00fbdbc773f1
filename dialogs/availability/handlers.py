"""Availability actions: parse the tap or the text, call one use case, say what happened."""

from datetime import date
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.availability.getters import organization_id_of, target_label
from dialogs.availability.states import AvailabilitySG
from dialogs.common.context import update_context
from dialogs.planning.widgets import set_notice
from services.availability.rules import DayRule
from services.availability.statements import (
    clear_weekday,
    remove_exception,
    set_exception,
    set_weekday,
)
from services.availability.texts import day_rule_text
from services.calendar.feed import calendar_token, rotate_calendar_token
from services.platform.db.models import AvailabilityKind
from services.platform.errors import PermissionDenied
from services.platform.validation import parse_shift_times
from services.staff.memberships import organization_today, parse_local_date
from services.staff.users import set_birthday


async def weekday_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, weekday: int
) -> None:
    manager.dialog_data["target"] = {"weekday": int(weekday)}
    await manager.switch_to(AvailabilitySG.day)


async def exception_date_chosen(
    callback: CallbackQuery, widget: Any, manager: DialogManager, day: date
) -> None:
    manager.dialog_data["target"] = {"date": day.isoformat()}
    await manager.switch_to(AvailabilitySG.day)


async def _organization(manager: DialogManager) -> int:
    organization_id = await organization_id_of(manager)
    if organization_id is None:
        raise PermissionDenied()
    return organization_id


async def _state(manager: DialogManager, rule: DayRule, show_mode: ShowMode) -> None:
    """Save the rule for the window's weekday or date and go back to the week."""
    context = update_context(manager)
    organization_id = await _organization(manager)
    target = manager.dialog_data["target"]
    if "weekday" in target:
        await set_weekday(
            context.session,
            user_id=context.user.id,
            organization_id=organization_id,
            weekday=target["weekday"],
            kind=rule.kind,
            start=rule.start,
            end=rule.end,
        )
    else:
        await set_exception(
            context.session,
            user_id=context.user.id,
            organization_id=organization_id,
            on_date=date.fromisoformat(target["date"]),
            kind=rule.kind,
            start=rule.start,
            end=rule.end,
        )
    set_notice(
        manager,
        "availability-saved",
        day=target_label(context.i18n, target),
        rule=day_rule_text(context.i18n, rule),
    )
    await manager.switch_to(AvailabilitySG.main, show_mode=show_mode)


async def whole_day_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, kind: str
) -> None:
    await _state(manager, DayRule(AvailabilityKind(kind)), ShowMode.AUTO)


async def hours_kind_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, kind: str
) -> None:
    manager.dialog_data["hours_kind"] = AvailabilityKind(kind).value
    await manager.switch_to(AvailabilitySG.hours)


async def hours_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    start, end = parse_shift_times(message.text)
    kind = AvailabilityKind(manager.dialog_data["hours_kind"])
    await _state(manager, DayRule(kind, start, end), ShowMode.SEND)


async def statement_cleared(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    organization_id = await _organization(manager)
    target = manager.dialog_data["target"]
    if "weekday" in target:
        await clear_weekday(
            context.session,
            user_id=context.user.id,
            organization_id=organization_id,
            weekday=target["weekday"],
        )
    else:
        await remove_exception(
            context.session,
            user_id=context.user.id,
            organization_id=organization_id,
            on_date=date.fromisoformat(target["date"]),
        )
    set_notice(manager, "availability-cleared", day=target_label(context.i18n, target))
    await manager.switch_to(AvailabilitySG.main)


async def open_calendar(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await calendar_token(context.session, user_id=context.user.id)
    await manager.switch_to(AvailabilitySG.calendar)


async def calendar_rotated(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await rotate_calendar_token(context.session, context.clock, user_id=context.user.id)
    set_notice(manager, "availability-calendar-rotated")


async def birthday_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    today = await organization_today(context.session, context.clock, await _organization(manager))
    await set_birthday(context.session, context.user, parse_local_date(message.text), today)
    set_notice(manager, "availability-birthday-saved")
    await manager.switch_to(AvailabilitySG.main, show_mode=ShowMode.SEND)


async def birthday_removed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await set_birthday(context.session, context.user, None, date.max)
    set_notice(manager, "availability-birthday-removed")
    await manager.switch_to(AvailabilitySG.main)
