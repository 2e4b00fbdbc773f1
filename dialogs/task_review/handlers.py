from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from dialogs.common.actor import actor_of
from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from dialogs.common.media import album_items, send_album
from dialogs.task_review.states import TaskReviewSG
from services.tasks.review import proof_media, reject_task_proof


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """A task's deep link starts on its proof."""
    if isinstance(start_data, dict) and "task_id" in start_data:
        manager.dialog_data["task_id"] = start_data["task_id"]


proof_chosen = remember_choice("task_id", TaskReviewSG.proof)


async def show_files(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """The proof's files, as an album in the reviewer's chat (above the window)."""
    context = update_context(manager)
    assert isinstance(callback.message, Message)
    actor = await actor_of(manager)
    files = await proof_media(context.session, actor, manager.dialog_data["task_id"])
    caption = context.i18n.get("task-review-files-caption")
    await send_album(
        context.bot,
        context.user.telegram_id,
        album_items(files),
        caption,
    )
    manager.show_mode = ShowMode.SEND


async def rejection_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    await reject_task_proof(
        context.session, context.clock, actor, manager.dialog_data["task_id"], message.text or ""
    )
    await message.answer(context.i18n.get("task-review-rejected"))
    await manager.switch_to(TaskReviewSG.proofs, show_mode=ShowMode.SEND)
