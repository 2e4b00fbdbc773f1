"""Employee schedule actions: cancel a planned shift with a reason."""

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from dialogs.common.media import incoming_media, orchestrator_of
from dialogs.planning.widgets import set_notice
from dialogs.schedule.states import ScheduleSG
from services.planning.cancellations import begin_cancellation_document, cancel_planned_shift
from services.platform.db.models import CancellationReason

shift_chosen = remember_choice("planned_shift_id", ScheduleSG.cancel_reason)


async def reason_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, reason_id: int
) -> None:
    context = update_context(manager)
    reason = await context.session.get(CancellationReason, int(reason_id))
    if reason is None:
        return
    manager.dialog_data["reason_id"] = reason.id
    manager.dialog_data["reason_title"] = reason.title
    manager.dialog_data.pop("flow_id", None)
    if not reason.needs_document:
        await manager.switch_to(ScheduleSG.cancel_confirm)
        return
    flow = await begin_cancellation_document(
        context.session,
        context.clock,
        orchestrator_of(manager),
        user_id=context.user.id,
        planned_shift_id=manager.dialog_data["planned_shift_id"],
    )
    manager.dialog_data["flow_id"] = flow.flow_id
    await manager.switch_to(ScheduleSG.cancel_document)


async def document_received(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """A photo of the document joins the flow (albums too); anything else is asked again."""
    manager.show_mode = ShowMode.SEND
    item = incoming_media(message) if message.photo else None
    if item is None:
        await message.answer(update_context(manager).i18n.get("schedule-send-photo"))
        return
    await orchestrator_of(manager).add(manager.dialog_data["flow_id"], item)


async def cancel_confirmed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    data = manager.dialog_data
    cancellation = await cancel_planned_shift(
        context.session,
        context.clock,
        user_id=context.user.id,
        planned_shift_id=data["planned_shift_id"],
        reason_id=data["reason_id"],
        orchestrator=orchestrator_of(manager),
        document_flow_id=data.get("flow_id"),
    )
    if cancellation.document_flow_id is not None:
        set_notice(manager, "schedule-cancelled-pending")
    elif cancellation.fine_amount is not None:
        set_notice(
            manager,
            "schedule-cancelled-fine",
            fine=context.i18n.money(cancellation.fine_amount),
        )
    else:
        set_notice(manager, "schedule-cancelled")
    await manager.switch_to(ScheduleSG.main)
