"""Time-off actions: parse the tap or the text, call one use case, say what happened."""

from datetime import date, time
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.availability.getters import organization_id_of
from dialogs.common.choices import remember_choice, remember_day
from dialogs.common.context import update_context
from dialogs.planning.widgets import set_notice
from dialogs.time_off.states import TimeOffSG
from services.platform.db.models import TimeOffKind
from services.platform.errors import PermissionDenied
from services.platform.validation import parse_shift_times
from services.time_off.requests import (
    HeldShifts,
    approve_time_off,
    decline_time_off,
    request_time_off,
    withdraw_time_off,
)

kind_chosen = remember_choice("kind", TimeOffSG.first_day)
first_day_chosen = remember_day("first_day", TimeOffSG.last_day)


async def last_day_chosen(
    callback: CallbackQuery, widget: Any, manager: DialogManager, day: date
) -> None:
    manager.dialog_data["last_day"] = day.isoformat()
    manager.dialog_data.pop("hours", None)
    await manager.switch_to(TimeOffSG.comment)


async def part_of_day_chosen(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    manager.dialog_data["last_day"] = manager.dialog_data["first_day"]
    await manager.switch_to(TimeOffSG.hours)


async def hours_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    start, end = parse_shift_times(message.text)
    manager.dialog_data["hours"] = [start.isoformat(), end.isoformat()]
    await manager.switch_to(TimeOffSG.comment, show_mode=ShowMode.SEND)


async def _send_request(manager: DialogManager, comment: str, show_mode: ShowMode) -> None:
    context = update_context(manager)
    organization_id = await organization_id_of(manager)
    if organization_id is None:
        raise PermissionDenied()
    hours = manager.dialog_data.get("hours")
    await request_time_off(
        context.session,
        context.clock,
        user_id=context.user.id,
        organization_id=organization_id,
        kind=TimeOffKind(manager.dialog_data["kind"]),
        first_day=date.fromisoformat(manager.dialog_data["first_day"]),
        last_day=date.fromisoformat(manager.dialog_data["last_day"]),
        start=time.fromisoformat(hours[0]) if hours else None,
        end=time.fromisoformat(hours[1]) if hours else None,
        comment=comment,
    )
    set_notice(manager, "time-off-requested")
    await manager.switch_to(TimeOffSG.main, show_mode=show_mode)


async def comment_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _send_request(manager, message.text or "", ShowMode.SEND)


async def no_comment(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _send_request(manager, "", ShowMode.AUTO)


async def withdraw_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, request_id: int
) -> None:
    context = update_context(manager)
    await withdraw_time_off(
        context.session, context.clock, user_id=context.user.id, request_id=int(request_id)
    )
    set_notice(manager, "time-off-withdrawn")
    await manager.switch_to(TimeOffSG.main)


request_chosen = remember_choice("request_id", TimeOffSG.approval)


async def decision_chosen(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Approve (releasing or keeping held shifts) or decline: the comment comes next."""
    manager.dialog_data["decision"] = button.widget_id
    await manager.switch_to(TimeOffSG.decision_comment)


async def _decide(manager: DialogManager, comment: str, show_mode: ShowMode) -> None:
    context = update_context(manager)
    decision = manager.dialog_data["decision"]
    request_id = manager.dialog_data["request_id"]
    if decision == "decline":
        await decline_time_off(
            context.session,
            context.clock,
            user_id=context.user.id,
            request_id=request_id,
            comment=comment,
        )
        set_notice(manager, "time-off-declined")
    else:
        held = {"release": HeldShifts.RELEASE, "keep": HeldShifts.KEEP}.get(decision)
        released = await approve_time_off(
            context.session,
            context.clock,
            user_id=context.user.id,
            request_id=request_id,
            held=held,
            comment=comment,
        )
        set_notice(manager, "time-off-approved", released=len(released))
    await manager.switch_to(TimeOffSG.approvals, show_mode=show_mode)


async def decision_comment_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    await _decide(manager, message.text or "", ShowMode.SEND)


async def no_decision_comment(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await _decide(manager, "", ShowMode.AUTO)
