from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.errors import show_domain_error
from dialogs.common.i18n import fluent_args
from dialogs.common.media import incoming_media, orchestrator_of, send_album
from dialogs.tasks.states import TasksSG
from services.clock import Clock
from services.db.models import User
from services.errors import DomainError
from services.i18n import translator_for
from services.tasks import (
    ProofAlbum,
    ProofRequired,
    begin_task_proof,
    complete_task,
    submit_task_proof,
)


def _screen(callback: CallbackQuery) -> Message:
    assert isinstance(callback.message, Message)
    return callback.message


async def task_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, task_id: int
) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    user: User = manager.middleware_data["user"]
    clock: Clock = manager.middleware_data["clock"]
    try:
        try:
            await complete_task(session, clock, user.id, task_id)
        except ProofRequired:
            flow = await begin_task_proof(session, orchestrator_of(manager), user.id, task_id)
            manager.dialog_data.update(task_id=task_id, flow_id=flow.flow_id)
            await manager.switch_to(TasksSG.proof)
    except DomainError as error:
        await show_domain_error(_screen(callback), manager, error)


async def proof_received(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    item = incoming_media(message)
    if item is None:
        return
    orchestrator = orchestrator_of(manager)
    flow_id = manager.dialog_data["flow_id"]
    try:
        await orchestrator.add(flow_id, item)
        if message.caption:
            await orchestrator.set_comment(flow_id, message.caption)
    except DomainError as error:
        await show_domain_error(message, manager, error)


async def submit_proof(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    data = manager.middleware_data
    try:
        album = await submit_task_proof(
            data["session"],
            data["clock"],
            orchestrator_of(manager),
            user_id=data["user"].id,
            task_id=manager.dialog_data["task_id"],
            flow_id=manager.dialog_data["flow_id"],
        )
    except DomainError as error:
        await show_domain_error(_screen(callback), manager, error)
        return
    if album.chat_id is not None:
        await send_album(data["bot"], album.chat_id, album.items, _caption(album))
    await manager.switch_to(TasksSG.checklist)


def _caption(album: ProofAlbum) -> str:
    params = {
        "employee": album.employee,
        "task": album.task,
        "object_name": album.object_name,
        "time": album.time,
        "comment": album.comment,
    }
    return translator_for(album.language).get("tasks-proof-caption", **fluent_args(params))


async def cancel_proof(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await orchestrator_of(manager).cancel(manager.dialog_data["flow_id"])
    await manager.switch_to(TasksSG.checklist)
