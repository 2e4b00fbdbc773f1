"""Employee schedule actions: cancel a planned shift with a reason."""

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.errors import show_domain_error
from dialogs.planning.widgets import set_notice
from dialogs.schedule.states import ScheduleSG
from services import planning
from services.db.models import CancellationReason
from services.errors import DomainError


def _context(manager: DialogManager) -> tuple[Any, Any, Any]:
    data = manager.middleware_data
    return data["session"], data["user"], data["clock"]


async def _refuse(callback: CallbackQuery, manager: DialogManager, error: DomainError) -> None:
    assert isinstance(callback.message, Message)
    await show_domain_error(callback.message, manager, error)


async def shift_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, planned_shift_id: int
) -> None:
    manager.dialog_data["planned_shift_id"] = int(planned_shift_id)
    manager.dialog_data.pop("photos", None)
    await manager.switch_to(ScheduleSG.cancel_reason)


async def reason_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, reason_id: int
) -> None:
    session, _, _ = _context(manager)
    reason = await session.get(CancellationReason, int(reason_id))
    if reason is None:
        return
    manager.dialog_data["reason_id"] = reason.id
    manager.dialog_data["reason_title"] = reason.title
    manager.dialog_data["photos"] = []
    await manager.switch_to(
        ScheduleSG.cancel_document if reason.needs_document else ScheduleSG.cancel_confirm
    )


async def document_received(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """Keep the largest size of each photo (up to the limit); anything else is asked again."""
    if not message.photo:
        await message.answer(manager.middleware_data["i18n"].get("schedule-send-photo"))
        manager.show_mode = ShowMode.SEND
        return
    photos = manager.dialog_data.setdefault("photos", [])
    if len(photos) < planning.MAX_DOCUMENT_PHOTOS:
        photos.append(message.photo[-1].file_id)
    manager.show_mode = ShowMode.SEND


async def cancel_confirmed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    session, user, clock = _context(manager)
    data = manager.dialog_data
    try:
        cancellation = await planning.cancel_planned_shift(
            session,
            clock,
            user_id=user.id,
            planned_shift_id=data["planned_shift_id"],
            reason_id=data["reason_id"],
            document_file_ids=data.get("photos", []),
        )
    except DomainError as error:
        await _refuse(callback, manager, error)
        return
    if data.get("photos"):
        set_notice(manager, "schedule-cancelled-pending")
    elif cancellation.fine_amount is not None:
        set_notice(
            manager,
            "schedule-cancelled-fine",
            fine=manager.middleware_data["i18n"].money(cancellation.fine_amount),
        )
    else:
        set_notice(manager, "schedule-cancelled")
    await manager.switch_to(ScheduleSG.main)
