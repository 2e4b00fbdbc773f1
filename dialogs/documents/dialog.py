from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, SwitchTo

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.documents import getters, handlers
from dialogs.documents.states import DocumentKindsSG, DocumentReviewSG, MyDocumentsSG
from dialogs.planning.widgets import Notice


def document_kinds_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("documents-kinds-title"),
            I18n("documents-kinds-none", when="no_kinds"),
            choice_column("kind", "kinds", handlers.kind_selected),
            choice_column("preset", "presets", handlers.preset_chosen),
            SwitchTo(I18n("documents-add-other"), id="add_other", state=DocumentKindsSG.title),
            SwitchTo(
                I18n("documents-retention-button"), id="retention", state=DocumentKindsSG.retention
            ),
            Cancel(I18n("common-back")),
            state=DocumentKindsSG.list,
            getter=getters.get_kinds,
        ),
        text_input_window(
            "documents-ask-title",
            handlers.title_entered,
            back_to(DocumentKindsSG.list),
            state=DocumentKindsSG.title,
            text_only=True,
        ),
        Window(
            I18n("documents-ask-expiry-kind"),
            Button(I18n("documents-with-expiry"), id="with_expiry", on_click=handlers.with_expiry),
            Button(
                I18n("documents-without-expiry"),
                id="without_expiry",
                on_click=handlers.without_expiry,
            ),
            back_to(DocumentKindsSG.list),
            state=DocumentKindsSG.expiry,
        ),
        Window(
            I18n("documents-kind-card"),
            choice_column("object", "objects", handlers.object_toggled),
            Button(
                I18n("documents-everywhere"),
                id="everywhere",
                on_click=handlers.all_objects,
                when=~F["everywhere"],
            ),
            Button(I18n("documents-delete-kind"), id="delete", on_click=handlers.kind_deleted),
            back_to(DocumentKindsSG.list),
            state=DocumentKindsSG.kind,
            getter=getters.get_kind,
        ),
        text_input_window(
            "documents-ask-retention",
            handlers.retention_entered,
            back_to(DocumentKindsSG.list),
            state=DocumentKindsSG.retention,
            getter=getters.get_kinds,
            text_only=True,
        ),
    )


def my_documents_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("documents-my-title"),
            I18n("documents-my-none", when="no_documents"),
            I18n("documents-my-rejections", when="lines"),
            choice_column("document", "documents", handlers.document_selected),
            Cancel(I18n("common-back")),
            state=MyDocumentsSG.list,
            getter=getters.get_my_documents,
        ),
        Window(
            I18n("documents-upload", when=~F["expired"]),
            I18n("documents-upload-expired", when="expired"),
            MessageInput(
                handlers.file_received, content_types=[ContentType.PHOTO, ContentType.DOCUMENT]
            ),
            Column(
                Button(
                    I18n("documents-upload-done"),
                    id="upload_done",
                    on_click=handlers.upload_done,
                    when="has_items",
                ),
                Button(
                    I18n("documents-upload-cancel"),
                    id="upload_cancel",
                    on_click=handlers.upload_cancelled,
                ),
            ),
            state=MyDocumentsSG.upload,
            getter=getters.get_upload,
        ),
        text_input_window(
            "documents-ask-expiry-date",
            handlers.expiry_entered,
            Button(
                I18n("documents-upload-cancel"),
                id="expiry_cancel",
                on_click=handlers.upload_cancelled,
            ),
            state=MyDocumentsSG.expiry,
            text_only=True,
        ),
    )


def document_review_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("documents-check-title", when=~F["of_member"]),
            I18n("documents-member-title", when="of_member"),
            I18n("documents-check-none", when="no_documents"),
            choice_column("to_check", "documents", handlers.document_chosen),
            Cancel(I18n("common-back")),
            state=DocumentReviewSG.list,
            getter=getters.get_to_check,
        ),
        Window(
            I18n("documents-check-card"),
            Button(
                I18n("documents-approve"), id="approve", on_click=handlers.approved, when="pending"
            ),
            SwitchTo(
                I18n("documents-reject"),
                id="reject",
                state=DocumentReviewSG.reason,
                when="pending",
            ),
            back_to(DocumentReviewSG.list),
            state=DocumentReviewSG.card,
            getter=getters.get_card,
        ),
        text_input_window(
            "documents-ask-reason",
            handlers.reason_entered,
            back_to(DocumentReviewSG.card),
            state=DocumentReviewSG.reason,
            text_only=True,
        ),
        on_start=handlers.on_review_start,
    )
