"""Hiring for owners and managers with `manage_staff`: the pipeline per object, the
object's vacancy (link, QR picture, channel post), its applications and the decisions
on each (interview, rejection, hire, block)."""

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Row, SwitchTo
from aiogram_dialog.widgets.media import DynamicMedia
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column, choice_grid
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.hiring import getters, handlers
from dialogs.hiring.states import HiringSG
from dialogs.planning.widgets import LocalCalendar, Notice


def _vacancy_windows() -> list[Window]:
    return [
        Window(
            Notice(),
            I18n("hiring-object-title"),
            I18n("hiring-no-vacancy", when="no_vacancy"),
            I18n("hiring-vacancy-card", when="has_vacancy"),
            I18n("hiring-vacancy-closed", when="is_closed"),
            SwitchTo(
                I18n("hiring-applications"),
                id="applications",
                state=HiringSG.applications,
                when="has_vacancy",
            ),
            SwitchTo(I18n("hiring-write-vacancy"), id="write", state=HiringSG.position),
            Row(
                Button(I18n("hiring-qr"), id="qr", on_click=handlers.send_qr, when="is_open"),
                SwitchTo(I18n("hiring-post"), id="post", state=HiringSG.post, when="is_open"),
            ),
            Button(I18n("hiring-close"), id="close", on_click=handlers.toggle_open, when="is_open"),
            Button(
                I18n("hiring-reopen"), id="reopen", on_click=handlers.toggle_open, when="is_closed"
            ),
            back_to(HiringSG.main),
            state=HiringSG.work_object,
            getter=getters.get_object,
        ),
        text_input_window(
            "hiring-ask-position",
            handlers.position_entered,
            back_to(HiringSG.work_object, "common-cancel"),
            state=HiringSG.position,
            text_only=True,
        ),
        text_input_window(
            "hiring-ask-pay",
            handlers.pay_entered,
            back_to(HiringSG.work_object, "common-cancel"),
            state=HiringSG.pay,
            text_only=True,
        ),
        text_input_window(
            "hiring-ask-schedule",
            handlers.schedule_entered,
            back_to(HiringSG.work_object, "common-cancel"),
            state=HiringSG.schedule,
            text_only=True,
        ),
        text_input_window(
            "hiring-ask-address",
            handlers.address_entered,
            Button(
                I18n("hiring-object-address"),
                id="object_address",
                on_click=handlers.object_address_kept,
            ),
            back_to(HiringSG.work_object, "common-cancel"),
            state=HiringSG.address,
            getter=getters.get_address,
            text_only=True,
        ),
        Window(
            I18n("hiring-ask-photo"),
            MessageInput(handlers.photo_sent),
            Button(I18n("hiring-no-photo"), id="no_photo", on_click=handlers.without_photo),
            back_to(HiringSG.work_object, "common-cancel"),
            state=HiringSG.photo,
        ),
        Window(
            I18n("hiring-ask-post-target"),
            MessageInput(handlers.post_target_sent),
            back_to(HiringSG.work_object, "common-cancel"),
            state=HiringSG.post,
        ),
    ]


def _application_windows() -> list[Window]:
    return [
        Window(
            I18n("hiring-applications-title"),
            I18n("hiring-applications-none", when="none"),
            choice_column("applications", "applications", handlers.application_chosen),
            back_to(HiringSG.work_object),
            state=HiringSG.applications,
            getter=getters.get_applications,
        ),
        Window(
            DynamicMedia("photo", when="photo"),
            Notice(),
            I18n("hiring-application-card"),
            I18n("hiring-application-interview", when="has_interview"),
            I18n("hiring-application-rejected", when="is_rejected"),
            I18n("hiring-application-ratings", when="shares_ratings"),
            SwitchTo(
                I18n("hiring-invite-interview"),
                id="interview",
                state=HiringSG.interview_day,
                when="is_live",
            ),
            SwitchTo(I18n("hiring-hire"), id="hire", state=HiringSG.hire, when="is_live"),
            SwitchTo(I18n("hiring-reject"), id="reject", state=HiringSG.reject, when="is_live"),
            Button(
                I18n("hiring-make-contract"),
                id="contract",
                on_click=handlers.make_contract,
                when="can_make_contract",
            ),
            Button(I18n("hiring-block"), id="block", on_click=handlers.block_pressed),
            SwitchTo(I18n("hiring-to-applications"), id="to_list", state=HiringSG.applications),
            Cancel(I18n("common-back")),
            state=HiringSG.application,
            getter=getters.get_application,
        ),
        Window(
            I18n("hiring-pick-interview-day"),
            LocalCalendar(id="interview_day", on_click=handlers.interview_day_chosen),
            back_to(HiringSG.application, "common-cancel"),
            state=HiringSG.interview_day,
            getter=getters.get_interview_day,
        ),
        Window(
            I18n("hiring-pick-interview-hour"),
            choice_grid("hour", "hours", handlers.interview_hour_chosen, width=7),
            back_to(HiringSG.application, "common-cancel"),
            state=HiringSG.interview_hour,
            getter=getters.get_time_choices,
        ),
        Window(
            I18n("hiring-pick-interview-minute"),
            choice_grid("minute", "minutes", handlers.interview_minute_chosen, width=4),
            back_to(HiringSG.application, "common-cancel"),
            state=HiringSG.interview_minute,
            getter=getters.get_time_choices,
        ),
        Window(
            I18n("hiring-pick-interview-place"),
            Button(I18n("hiring-at-object"), id="at_object", on_click=handlers.place_chosen),
            Button(I18n("hiring-online"), id="online", on_click=handlers.place_chosen),
            back_to(HiringSG.application, "common-cancel"),
            state=HiringSG.interview_place,
        ),
        text_input_window(
            "hiring-ask-interview-note",
            handlers.note_entered,
            Button(I18n("hiring-no-note"), id="no_note", on_click=handlers.without_note),
            back_to(HiringSG.application, "common-cancel"),
            state=HiringSG.interview_note,
            text_only=True,
        ),
        Window(
            I18n("hiring-pick-reject-reason"),
            choice_column("templates", "templates", handlers.template_chosen, type_factory=str),
            SwitchTo(I18n("hiring-own-reason"), id="own", state=HiringSG.reject_own),
            back_to(HiringSG.application, "common-cancel"),
            state=HiringSG.reject,
            getter=getters.get_reject_templates,
        ),
        text_input_window(
            "hiring-ask-own-reason",
            handlers.own_reason_entered,
            back_to(HiringSG.reject, "common-back"),
            state=HiringSG.reject_own,
            text_only=True,
        ),
        text_input_window(
            "hiring-ask-hire-rate",
            handlers.hire_rate_entered,
            Button(I18n("hiring-hire-no-rate"), id="no_rate", on_click=handlers.hire_without_rate),
            back_to(HiringSG.application, "common-cancel"),
            state=HiringSG.hire,
            text_only=True,
        ),
    ]


def hiring_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("hiring-title"),
            I18n("hiring-no-objects", when="no_objects"),
            Format("{lines}", when="lines"),
            choice_column("objects", "objects", handlers.object_chosen),
            Cancel(I18n("common-back")),
            state=HiringSG.main,
            getter=getters.get_pipelines,
        ),
        *_vacancy_windows(),
        *_application_windows(),
        on_start=handlers.on_start,
    )
