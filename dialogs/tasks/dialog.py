from operator import itemgetter

from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Select
from aiogram_dialog.widgets.text import Format

from dialogs.common.i18n import I18n
from dialogs.tasks import getters, handlers
from dialogs.tasks.states import TasksSG


def tasks_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("tasks-no-shift", when=~F["has_shift"]),
            I18n("tasks-checklist", when=F["has_shift"] & F["has_tasks"]),
            I18n("tasks-none", when=F["has_shift"] & ~F["has_tasks"]),
            I18n("tasks-mandatory-left", when="mandatory_left"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="task",
                    item_id_getter=itemgetter(0),
                    items="open_tasks",
                    type_factory=int,
                    on_click=handlers.task_chosen,
                )
            ),
            Cancel(I18n("common-back")),
            state=TasksSG.checklist,
            getter=getters.get_checklist,
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
    )
