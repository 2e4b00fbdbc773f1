"""The employee's checklist of the open shift and, from a task's deep link
(`/start task_<id>`), one task's card."""

from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, StartMode, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Start, SwitchTo

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.menu.states import MainMenuSG
from dialogs.tasks import getters, handlers
from dialogs.tasks.states import TasksSG


def tasks_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("tasks-no-shift", when=~F["has_shift"]),
            I18n("tasks-checklist", when=F["has_shift"] & F["has_tasks"]),
            I18n("tasks-none", when=F["has_shift"] & ~F["has_tasks"]),
            I18n("tasks-mandatory-left", when="mandatory_left"),
            choice_column("task", "open_tasks", handlers.task_chosen),
            Cancel(I18n("common-back")),
            state=TasksSG.checklist,
            getter=getters.get_checklist,
        ),
        Window(
            I18n("tasks-task-card", when="found"),
            I18n("tasks-task-mandatory", when="mandatory"),
            I18n("tasks-task-fine", when="has_fine"),
            I18n("tasks-task-needs-proof", when="proof_required"),
            I18n("tasks-task-bonus", when="has_bonus"),
            I18n("tasks-task-rejected", when="rejected"),
            I18n("tasks-task-gone", when=~F["found"]),
            Button(
                I18n("tasks-task-mark-done"),
                id="mark_done",
                on_click=handlers.task_pressed,
                when=F["is_open"] & ~F["proof_required"],
            ),
            Button(
                I18n("tasks-task-send-proof"),
                id="send_proof",
                on_click=handlers.task_pressed,
                when=F["is_open"] & F["proof_required"],
            ),
            SwitchTo(I18n("tasks-task-all"), id="all_tasks", state=TasksSG.checklist),
            Start(
                I18n("clock-to-menu"),
                id="to_menu",
                state=MainMenuSG.main,
                mode=StartMode.RESET_STACK,
            ),
            state=TasksSG.task,
            getter=getters.get_task,
        ),
        Window(
            I18n("tasks-proof", when=~F["expired"]),
            I18n("tasks-proof-expired", when="expired"),
            MessageInput(
                handlers.proof_received,
                content_types=[ContentType.PHOTO, ContentType.VIDEO],
            ),
            Button(
                I18n("tasks-proof-done"),
                id="proof_done",
                on_click=handlers.submit_proof,
                when="has_items",
            ),
            Button(I18n("tasks-proof-cancel"), id="proof_cancel", on_click=handlers.cancel_proof),
            state=TasksSG.proof,
            getter=getters.get_proof,
        ),
        on_start=handlers.on_start,
    )
