"""Announcements: owners and managers ("📢 Объявления") see what they posted and who has
read it, and post a new one (all staff or chosen objects; text, photo or file; with or
without "✅ Got it"). Recipients read it from the notification's button or from the top of
their home, and acknowledge it."""

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo
from aiogram_dialog.widgets.media import DynamicMedia

from dialogs.announcements import getters, handlers
from dialogs.announcements.states import AnnouncementsSG, ReadAnnouncementSG
from dialogs.common.choices import checklist_column, choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.planning.widgets import Notice

_DRAFT_CONTENT = [ContentType.TEXT, ContentType.PHOTO, ContentType.DOCUMENT]


def announcements_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("announcements-title"),
            I18n("announcements-none", when="none_posted"),
            choice_column("posted", "posted", handlers.posted_chosen),
            Button(I18n("announcements-new"), id="new", on_click=handlers.new_clicked),
            Cancel(I18n("common-back")),
            state=AnnouncementsSG.posted,
            getter=getters.get_posted,
        ),
        Window(
            Notice(),
            DynamicMedia("media", when="media"),
            I18n("announcements-receipts"),
            I18n("announcements-pending", when="has_pending"),
            back_to(AnnouncementsSG.posted),
            state=AnnouncementsSG.receipts,
            getter=getters.get_receipts,
        ),
        Window(
            I18n("announcements-audience"),
            Button(
                I18n("announcements-everyone"), id="everyone", on_click=handlers.everyone_chosen
            ),
            SwitchTo(I18n("announcements-some-objects"), id="some", state=AnnouncementsSG.objects),
            back_to(AnnouncementsSG.posted),
            state=AnnouncementsSG.audience,
            getter=getters.get_objects,
        ),
        Window(
            I18n("announcements-pick-objects"),
            checklist_column("objects", "objects"),
            Button(I18n("announcements-next"), id="objects_done", on_click=handlers.objects_chosen),
            back_to(AnnouncementsSG.audience),
            state=AnnouncementsSG.objects,
            getter=getters.get_objects,
        ),
        Window(
            I18n("announcements-compose"),
            MessageInput(handlers.draft_sent, content_types=_DRAFT_CONTENT),
            back_to(AnnouncementsSG.audience),
            state=AnnouncementsSG.compose,
        ),
        Window(
            DynamicMedia("media", when="media"),
            I18n("announcements-preview"),
            Button(
                I18n("announcements-ack-on"),
                id="ack_on",
                on_click=handlers.ack_toggled,
                when="needs_ack",
            ),
            Button(
                I18n("announcements-ack-off"),
                id="ack_off",
                on_click=handlers.ack_toggled,
                when="no_ack",
            ),
            Button(I18n("announcements-send"), id="send", on_click=handlers.send_clicked),
            back_to(AnnouncementsSG.compose, "announcements-edit"),
            state=AnnouncementsSG.confirm,
            getter=getters.get_draft,
        ),
    )


def read_announcement_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            DynamicMedia("media", when="media"),
            I18n("announcements-read", when="found"),
            I18n("announcements-all-read", when="all_read"),
            I18n("announcements-already-acked", when="acked"),
            Button(
                I18n("announcements-got-it"), id="got_it", on_click=handlers.got_it, when="can_ack"
            ),
            Cancel(I18n("common-back")),
            state=ReadAnnouncementSG.view,
            getter=getters.get_received,
        ),
        on_start=handlers.start_reading,
    )
