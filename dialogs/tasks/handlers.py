from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.context import update_context
from dialogs.common.errors import show_domain_error
from dialogs.common.media import incoming_media, orchestrator_of
from dialogs.menu.states import MainMenuSG
from dialogs.task_review.states import TaskReviewSG
from dialogs.tasks.states import TasksSG
from services.platform.errors import DomainError, NotFound
from services.tasks.errors import ProofRequired
from services.tasks.links import (
    TaskLinkRole,
    task_id_from_payload,
    task_link_payload,
    task_link_role,
)
from services.tasks.shift_tasks import begin_task_proof, complete_task, submit_task_proof


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """A task's deep link starts on its card."""
    if isinstance(start_data, dict) and "task_id" in start_data:
        manager.dialog_data["task_id"] = start_data["task_id"]


async def task_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, task_id: int
) -> None:
    await _do_task(callback, manager, task_id)


async def task_pressed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _do_task(callback, manager, manager.dialog_data["task_id"])


async def _do_task(callback: CallbackQuery, manager: DialogManager, task_id: int) -> None:
    """Mark the task done, or start its proof when it needs one."""
    context = update_context(manager)
    try:
        await complete_task(context.session, context.clock, context.user.id, task_id)
    except ProofRequired:
        flow = await begin_task_proof(
            context.session, orchestrator_of(manager), context.user.id, task_id
        )
        manager.dialog_data.update(task_id=task_id, flow_id=flow.flow_id)
        await manager.switch_to(TasksSG.proof)


async def proof_received(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    item = incoming_media(message)
    if item is None:
        return
    orchestrator = orchestrator_of(manager)
    flow_id = manager.dialog_data["flow_id"]
    await orchestrator.add(flow_id, item)
    if message.caption:
        await orchestrator.set_comment(flow_id, message.caption)


async def submit_proof(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    task_id = manager.dialog_data["task_id"]
    bot_name = (await context.bot.me()).username
    await submit_task_proof(
        context.session,
        context.clock,
        orchestrator_of(manager),
        user_id=context.user.id,
        task_id=task_id,
        flow_id=manager.dialog_data["flow_id"],
        review_link=f"https://t.me/{bot_name}?start={task_link_payload(task_id)}",
    )
    await manager.switch_to(TasksSG.checklist)


async def cancel_proof(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await orchestrator_of(manager).cancel(manager.dialog_data["flow_id"])
    await manager.switch_to(TasksSG.checklist)


async def start_task_by_deep_link(message: Message, manager: DialogManager, payload: str) -> None:
    """`/start task_<id>`: the employee of the shift gets the task's card, the owner or a
    manager who may view the object gets its proof review; anyone else is told the task
    is not available and gets the menu."""
    context = update_context(manager)
    try:
        task_id = task_id_from_payload(payload)
        role = await task_link_role(context.session, context.user.id, task_id)
    except NotFound:
        await message.answer(context.i18n.get("tasks-link-unavailable"))
        await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    except DomainError as error:
        await show_domain_error(message, manager, error)
        await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    state = TasksSG.task if role == TaskLinkRole.EMPLOYEE else TaskReviewSG.proof
    await manager.start(
        state, data={"task_id": task_id}, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND
    )
