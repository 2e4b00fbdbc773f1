from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.actor import current_actor
from dialogs.common.errors import show_domain_error
from dialogs.common.i18n import translator_of
from dialogs.common.media import album_items, send_album
from dialogs.task_review.states import TaskReviewSG
from services.platform.errors import DomainError
from services.tasks.review import proof_media, reject_task_proof


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """A task's deep link starts on its proof."""
    if isinstance(start_data, dict) and "task_id" in start_data:
        manager.dialog_data["task_id"] = start_data["task_id"]


async def proof_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, task_id: int
) -> None:
    manager.dialog_data["task_id"] = task_id
    await manager.switch_to(TaskReviewSG.proof)


async def show_files(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """The proof's files, as an album in the reviewer's chat (above the window)."""
    data = manager.middleware_data
    session, user = data["session"], data["user"]
    assert isinstance(callback.message, Message)
    try:
        actor = await current_actor(session, user)
        files = await proof_media(session, actor, manager.dialog_data["task_id"])
    except DomainError as error:
        await show_domain_error(callback.message, manager, error)
        return
    caption = translator_of(manager).get("task-review-files-caption")
    await send_album(
        data["bot"],
        user.telegram_id,
        album_items(files),
        caption,
    )
    manager.show_mode = ShowMode.SEND


async def rejection_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    data = manager.middleware_data
    session = data["session"]
    try:
        actor = await current_actor(session, data["user"])
        await reject_task_proof(
            session, data["clock"], actor, manager.dialog_data["task_id"], message.text or ""
        )
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return
    await message.answer(translator_of(manager).get("task-review-rejected"))
    await manager.switch_to(TaskReviewSG.proofs, show_mode=ShowMode.SEND)
