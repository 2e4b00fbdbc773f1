from datetime import date, time
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, ManagedCalendar

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.planning.widgets import set_notice
from dialogs.quick_shift.getters import times_id
from dialogs.quick_shift.states import QuickShiftSG
from services.attendance.queries import display_name_of
from services.planning.queries import planning_objects
from services.planning.quick import copy_week, plan_shift, set_slot_rate
from services.platform.validation import parse_shift_times


async def start_quick_shift(manager: DialogManager) -> None:
    """ "➕ Shift": the object is chosen only when the planner has several."""
    context = update_context(manager)
    actor = await actor_of(manager)
    objects = await planning_objects(
        context.session, user_id=context.user.id, organization_id=actor.organization_id
    )
    if len(objects) == 1:
        await manager.start(QuickShiftSG.day, data={"object_id": objects[0].id})
    else:
        await manager.start(QuickShiftSG.object)


async def on_start(start_data: Any, manager: DialogManager) -> None:
    if isinstance(start_data, dict) and "object_id" in start_data:
        manager.dialog_data["object_id"] = start_data["object_id"]


async def object_chosen(
    callback: CallbackQuery, widget: Any, manager: DialogManager, object_id: int
) -> None:
    manager.dialog_data["object_id"] = int(object_id)
    await manager.switch_to(QuickShiftSG.day)


async def day_chosen(
    callback: CallbackQuery, widget: ManagedCalendar, manager: DialogManager, chosen: date
) -> None:
    manager.dialog_data["day"] = chosen.isoformat()
    await manager.switch_to(QuickShiftSG.times)


async def times_chosen(
    callback: CallbackQuery, widget: Any, manager: DialogManager, chosen: str
) -> None:
    manager.dialog_data["times"] = chosen
    await manager.switch_to(QuickShiftSG.employee)


async def times_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    start, end = parse_shift_times(message.text)
    manager.dialog_data["times"] = times_id(start, end)
    await manager.switch_to(QuickShiftSG.employee)


async def employee_chosen(
    callback: CallbackQuery, widget: Any, manager: DialogManager, membership_id: int
) -> None:
    context = update_context(manager)
    start, end = (time.fromisoformat(part) for part in manager.dialog_data["times"].split("-"))
    planned = await plan_shift(
        context.session,
        context.clock,
        user_id=context.user.id,
        object_id=manager.dialog_data["object_id"],
        local_date=date.fromisoformat(manager.dialog_data["day"]),
        start=start,
        end=end,
        membership_id=int(membership_id),
    )
    manager.dialog_data["slot_id"] = planned.slot_id
    manager.dialog_data["employee"] = await display_name_of(context.session, planned.user_id)
    await manager.switch_to(QuickShiftSG.done)


async def rate_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    slot = await set_slot_rate(
        context.session,
        user_id=context.user.id,
        slot_id=manager.dialog_data["slot_id"],
        rate=message.text or "",
    )
    if slot.rate_override is None:
        set_notice(manager, "quick-rate-cleared")
    else:
        set_notice(manager, "quick-rate-set", rate=context.i18n.money(slot.rate_override))
    await manager.switch_to(QuickShiftSG.done)


async def copy_confirmed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    result = await copy_week(
        context.session,
        context.clock,
        user_id=context.user.id,
        object_id=manager.dialog_data["object_id"],
    )
    set_notice(
        manager,
        "quick-copy-done",
        people=result.people,
        slots=result.slots,
        conflicts=len(result.conflicts),
    )
    await manager.switch_to(QuickShiftSG.day)
