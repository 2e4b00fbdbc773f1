from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from dialogs.common.context import update_context
from dialogs.today.states import TodaySG
from services.attendance.clock_out import close_shift_manually
from services.attendance.on_behalf import mark_absent, open_shift_for
from services.attendance.today import TodayRow, today_row
from services.planning.bookings import unassign
from services.platform.errors import NotFound
from services.platform.i18n import fluent_args

# What the typed reason is for.
ABSENT, OPEN, CLOSE, OFFER = "absent", "open", "close", "offer"


async def start_today(dialog_manager: DialogManager, **kwargs: Any) -> None:
    await dialog_manager.start(TodaySG.board, **kwargs)


async def start_today_by_deep_link(dialog_manager: DialogManager) -> None:
    """`/start today` from the button of a "not clocked in" or "late" alert."""
    await start_today(dialog_manager, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def row_chosen(
    callback: CallbackQuery, widget: Any, manager: DialogManager, key: str
) -> None:
    manager.dialog_data["row"] = key
    await manager.switch_to(TodaySG.row)


def _asks_reason_for(action: str) -> Any:
    async def ask(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
        manager.dialog_data["action"] = action
        await manager.switch_to(TodaySG.reason)

    return ask


ask_absent_reason = _asks_reason_for(ABSENT)
ask_open_reason = _asks_reason_for(OPEN)
ask_close_reason = _asks_reason_for(CLOSE)
ask_offer_reason = _asks_reason_for(OFFER)


async def _chosen_row(manager: DialogManager) -> TodayRow:
    context = update_context(manager)
    found = await today_row(
        context.session, context.clock, context.user, manager.dialog_data["row"]
    )
    if found is None:
        raise NotFound(what="shift")
    return found[1]


async def reason_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    found = await today_row(
        context.session, context.clock, context.user, manager.dialog_data["row"]
    )
    if found is None:
        raise NotFound(what="shift")
    _, row = found
    action, reason = manager.dialog_data["action"], message.text or ""
    if action == ABSENT:
        manager.dialog_data["reason"] = reason
        await manager.switch_to(TodaySG.fine)
        return
    if action == OPEN and row.planned_shift_id:
        await open_shift_for(
            context.session,
            context.clock,
            user_id=context.user.id,
            planned_shift_id=row.planned_shift_id,
            reason=reason,
        )
    elif action == CLOSE and row.shift_id:
        await close_shift_manually(
            context.session,
            context.clock,
            user_id=context.user.id,
            shift_id=row.shift_id,
            reason=reason,
        )
    elif action == OFFER and row.planned_shift_id:
        await unassign(
            context.session,
            context.clock,
            user_id=context.user.id,
            planned_shift_id=row.planned_shift_id,
            comment=reason,
        )
    await _done(message, manager, action, row.employee_name)


async def _done(message: Message, manager: DialogManager, action: str, employee: str) -> None:
    context = update_context(manager)
    await message.answer(
        context.i18n.get(f"today-done-{action}", **fluent_args({"employee": employee}))
    )
    await manager.switch_to(TodaySG.board, show_mode=ShowMode.SEND)


def _marks_absent(with_fine: bool) -> Any:
    async def mark(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
        context = update_context(manager)
        row = await _chosen_row(manager)
        if row.planned_shift_id is None:
            raise NotFound(what="shift")
        await mark_absent(
            context.session,
            context.clock,
            user_id=context.user.id,
            planned_shift_id=row.planned_shift_id,
            reason=manager.dialog_data["reason"],
            with_fine=with_fine,
        )
        assert isinstance(callback.message, Message)
        await _done(callback.message, manager, ABSENT, row.employee_name)

    return mark


absent_with_fine = _marks_absent(with_fine=True)
absent_without_fine = _marks_absent(with_fine=False)
