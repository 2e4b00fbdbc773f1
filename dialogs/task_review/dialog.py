from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Back, Button, Cancel, SwitchTo, WebApp
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.task_review import getters, handlers
from dialogs.task_review.states import TaskReviewSG


def task_review_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("task-review-title", when="has_proofs"),
            I18n("task-review-empty", when=~F["has_proofs"]),
            choice_column("proof", "proofs", handlers.proof_chosen),
            Cancel(I18n("common-back")),
            state=TaskReviewSG.proofs,
            getter=getters.get_proofs,
        ),
        Window(
            I18n("task-review-proof", when="found"),
            I18n("task-review-gone", when=~F["found"]),
            Button(
                I18n("task-review-show-files"),
                id="files",
                on_click=handlers.show_files,
                when="found",
            ),
            WebApp(
                I18n("task-review-open-viewer"),
                Format("{viewer_url}"),
                id="viewer",
                when=F["found"] & F["viewer_url"],
            ),
            SwitchTo(
                I18n("task-review-reject"),
                id="reject",
                state=TaskReviewSG.reject,
                when=F["found"] & F["can_reject"],
            ),
            Back(I18n("common-back")),
            state=TaskReviewSG.proof,
            getter=getters.get_proof,
        ),
        Window(
            I18n("task-review-ask-comment"),
            MessageInput(handlers.rejection_typed, content_types=ContentType.TEXT),
            SwitchTo(I18n("common-back"), id="back", state=TaskReviewSG.proof),
            state=TaskReviewSG.reject,
        ),
        on_start=handlers.on_start,
    )
