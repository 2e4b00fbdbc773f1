from datetime import UTC, datetime
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.clock.states import ApproveClockInSG, ClockSG, OnShiftSG
from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from services.attendance.approvals import (
    approve_clock_in,
    attempt_id_from_payload,
    request_approval,
)
from services.attendance.breaks import end_break, start_break
from services.attendance.clock_in import (
    ClockResult,
    ShiftChoice,
    check_can_open,
    due_shift,
    open_shift,
)
from services.attendance.clock_out import close_shift, close_shift_manually
from services.attendance.errors import ShiftAlreadyOpen
from services.attendance.queries import open_shift_of, shift_card
from services.places.geo import LocationReport
from services.platform.errors import DomainError
from services.platform.i18n import fluent_args
from services.tasks.queries import unfinished_mandatory_tasks


def location_report(message: Message) -> LocationReport:
    """A location message as the checks need it: where, how precise, live or not,
    first-hand or forwarded, a point or a venue, and when Telegram says it was sent (for
    an update of a live location, when it was updated)."""
    location = message.location
    assert location is not None
    return LocationReport(
        latitude=location.latitude,
        longitude=location.longitude,
        sent_at=message.date
        if message.edit_date is None
        else datetime.fromtimestamp(message.edit_date, UTC),
        horizontal_accuracy=location.horizontal_accuracy,
        live_period=location.live_period,
        forwarded=message.forward_origin is not None,
        venue=message.venue is not None,
    )


def _remember_refusal(manager: DialogManager, result: ClockResult) -> None:
    verdict, attempt = result.verdict, result.attempt
    assert verdict is not None and attempt is not None
    manager.dialog_data["refusal"] = {
        "attempt_id": attempt.id,
        "reason": verdict.refusal.value if verdict.refusal else "",
        "distance": round(verdict.distance_m) if verdict.distance_m is not None else 0,
        "allowed": round(verdict.allowed_m),
        "radius": verdict.radius_m,
    }
    manager.dialog_data["approval_requested"] = False


async def _show_open_shift(manager: DialogManager) -> None:
    manager.dialog_data["already_open"] = True
    await manager.switch_to(ClockSG.card)


# Opening ------------------------------------------------------------------------------


async def _choose(callback: CallbackQuery, manager: DialogManager, choice: ShiftChoice) -> None:
    context = update_context(manager)
    try:
        await check_can_open(context.session, context.user.id, choice, context.clock.now())
    except ShiftAlreadyOpen:
        await _show_open_shift(manager)
        return
    manager.dialog_data["planned_shift_id"] = choice.planned_shift_id
    manager.dialog_data["object_id"] = choice.object_id
    await manager.switch_to(ClockSG.location)


async def planned_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, item_id: int
) -> None:
    await _choose(callback, manager, ShiftChoice(planned_shift_id=item_id))


async def spontaneous_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, item_id: int
) -> None:
    await _choose(callback, manager, ShiftChoice(object_id=item_id))


async def location_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    choice = ShiftChoice(
        planned_shift_id=manager.dialog_data.get("planned_shift_id"),
        object_id=manager.dialog_data.get("object_id"),
    )
    try:
        result = await open_shift(
            context.session,
            context.clock,
            user_id=context.user.id,
            choice=choice,
            report=location_report(message),
        )
    except ShiftAlreadyOpen:
        await _show_open_shift(manager)
        return
    if result.accepted:
        await manager.switch_to(ClockSG.card)
        return
    _remember_refusal(manager, result)
    await manager.switch_to(ClockSG.refused)


async def not_a_location(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """Anything but a location while one is awaited: remind, and stay in the window."""
    await message.answer(update_context(manager).i18n.get("clock-location-reminder"))
    manager.show_mode = ShowMode.SEND


async def ask_approval(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await request_approval(
        context.session,
        context.clock,
        user_id=context.user.id,
        attempt_id=manager.dialog_data["refusal"]["attempt_id"],
    )
    manager.dialog_data["approval_requested"] = True


# Breaks -------------------------------------------------------------------------------


async def break_pressed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await start_break(context.session, context.clock, user_id=context.user.id)


async def back_pressed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await end_break(context.session, context.clock, user_id=context.user.id)


# Closing ------------------------------------------------------------------------------


async def close_pressed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Unfinished mandatory tasks are shown (with their fines) before anything else."""
    context = update_context(manager)
    shift = await open_shift_of(context.session, context.user.id)
    if shift is not None and await unfinished_mandatory_tasks(context.session, shift.id):
        await manager.switch_to(ClockSG.close_warning)
        return
    await _go_close(callback, manager)


async def close_anyway(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _go_close(callback, manager)


async def _go_close(callback: CallbackQuery, manager: DialogManager) -> None:
    """Ask for the location where the object checks it on close, else close now."""
    context = update_context(manager)
    shift = await open_shift_of(context.session, context.user.id)
    if shift is None:
        await manager.switch_to(ClockSG.card)
        return
    if (await shift_card(context.session, shift.id)).work_object.check_location_on_close:
        await manager.switch_to(ClockSG.close_location)
        return
    closed = await close_shift(context.session, context.clock, user_id=context.user.id, report=None)
    assert closed.shift is not None
    manager.dialog_data["closed_shift_id"] = closed.shift.id
    await manager.switch_to(ClockSG.summary)


async def close_location_sent(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    context = update_context(manager)
    result = await close_shift(
        context.session, context.clock, user_id=context.user.id, report=location_report(message)
    )
    if result.shift is not None:
        manager.dialog_data["closed_shift_id"] = result.shift.id
        await manager.switch_to(ClockSG.summary)
        return
    _remember_refusal(manager, result)
    await manager.switch_to(ClockSG.close_refused)


# Owners and managers ------------------------------------------------------------------


watched_object_chosen = remember_choice("object_id", OnShiftSG.shifts)


watched_shift_chosen = remember_choice("shift_id", OnShiftSG.shift)


async def close_reason_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    context = update_context(manager)
    shift = await close_shift_manually(
        context.session,
        context.clock,
        user_id=context.user.id,
        shift_id=manager.dialog_data["shift_id"],
        reason=message.text or "",
    )
    card = await shift_card(context.session, shift.id)
    text = context.i18n.get(
        "onshift-closed",
        **fluent_args({"employee": card.employee_name, "reason": shift.close_reason or ""}),
    )
    await message.answer(text)
    await manager.switch_to(OnShiftSG.shifts, show_mode=ShowMode.SEND)


async def approve_pressed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    shift = await approve_clock_in(
        context.session,
        context.clock,
        approver_user_id=context.user.id,
        attempt_id=manager.start_data["attempt_id"],  # type: ignore[index]
    )
    card = await shift_card(context.session, shift.id)
    manager.dialog_data["approved"] = {
        "employee": card.employee_name,
        "time": context.i18n.hour_minute(card.local(shift.opened_at)),
    }
    await manager.switch_to(ApproveClockInSG.done)


# Entry points (menu buttons and deep links) -------------------------------------------


async def start_open_shift(dialog_manager: DialogManager, **start: Any) -> None:
    """One tap to the location request when exactly one planned shift is due now; the
    choice of what to open otherwise."""
    context = update_context(dialog_manager)
    now = context.clock.now()
    due = await due_shift(context.session, context.user.id, now)
    if due is None:
        await dialog_manager.start(ClockSG.choose, **start)
        return
    await dialog_manager.start(
        ClockSG.location, data={"planned_shift_id": due.planned_shift_id}, **start
    )


async def clock_started(start_data: Any, manager: DialogManager) -> None:
    """The shift chosen before the dialog started (the one due now) is the dialog's choice."""
    if isinstance(start_data, dict) and "planned_shift_id" in start_data:
        manager.dialog_data["planned_shift_id"] = start_data["planned_shift_id"]


async def start_close_shift(dialog_manager: DialogManager, **start: Any) -> None:
    await dialog_manager.start(ClockSG.card, **start)


async def start_on_shift(dialog_manager: DialogManager) -> None:
    await dialog_manager.start(OnShiftSG.objects)


async def start_approval_by_deep_link(dialog_manager: DialogManager, payload: str) -> None:
    """`/start approve_<attempt id>` from the button of an approval request."""
    try:
        attempt_id = attempt_id_from_payload(payload)
    except DomainError:
        attempt_id = 0
    await dialog_manager.start(
        ApproveClockInSG.confirm,
        data={"attempt_id": attempt_id},
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
    )
