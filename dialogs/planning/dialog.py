"""Planning for owners and managers: objects → slots (calendar and time picker), the
schedule of a day, weekly templates; cancellation reasons and approvals."""

from aiogram import F
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo, WebApp
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column, choice_grid
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.planning import getters, handlers
from dialogs.planning.states import PlanningSG
from dialogs.planning.widgets import LocalCalendar, Notice


def _objects_window() -> Window:
    return Window(
        Notice(),
        I18n("planning-title", when="has_objects"),
        I18n("planning-no-objects", when="no_objects"),
        choice_column("objects", "objects", handlers.choose_object),
        SwitchTo(I18n("planning-reasons"), id="reasons", state=PlanningSG.reasons, when="is_owner"),
        SwitchTo(I18n("planning-approvals"), id="approvals", state=PlanningSG.approvals),
        Cancel(I18n("common-back")),
        state=PlanningSG.objects,
        getter=getters.get_objects,
    )


def _object_window() -> Window:
    return Window(
        I18n("planning-object-title"),
        Button(I18n("planning-new-slot"), id="new_slot", on_click=handlers.new_slot),
        SwitchTo(I18n("planning-schedule"), id="schedule", state=PlanningSG.day_pick),
        SwitchTo(I18n("planning-templates"), id="templates", state=PlanningSG.templates),
        back_to(PlanningSG.objects, "planning-back-to-objects"),
        state=PlanningSG.work_object,
        getter=getters.get_object,
    )


def _slot_windows() -> list[Window]:
    time_keyboard = [
        choice_grid("hour", "hours", handlers.hour_chosen, width=6),
        choice_grid("minute", "minutes", handlers.minute_chosen, width=4),
    ]
    return [
        Window(
            I18n("planning-pick-date"),
            LocalCalendar(id="slot_date", on_click=handlers.slot_date_chosen),
            back_to(PlanningSG.work_object),
            state=PlanningSG.slot_date,
            getter=getters.get_calendar,
        ),
        Window(
            I18n("planning-pick-start"),
            *time_keyboard,
            back_to(PlanningSG.work_object),
            state=PlanningSG.start_time,
            getter=getters.get_time_picker,
        ),
        Window(
            I18n("planning-pick-end"),
            *time_keyboard,
            back_to(PlanningSG.start_time),
            state=PlanningSG.end_time,
            getter=getters.get_time_picker,
        ),
        Window(
            Notice(),
            I18n("planning-pick-places"),
            I18n("planning-overnight", when="overnight"),
            choice_grid("places", "places", handlers.places_chosen, width=6),
            back_to(PlanningSG.end_time),
            state=PlanningSG.places,
            getter=getters.get_places,
        ),
        Window(
            I18n("planning-slot-created"),
            I18n("planning-overnight", when="overnight"),
            Button(I18n("planning-another-slot"), id="another", on_click=handlers.new_slot),
            SwitchTo(I18n("planning-to-day"), id="to_day", state=PlanningSG.day),
            back_to(PlanningSG.work_object, "planning-to-object"),
            state=PlanningSG.slot_created,
            getter=getters.get_slot_created,
        ),
    ]


def _day_windows() -> list[Window]:
    return [
        Window(
            I18n("planning-pick-day"),
            LocalCalendar(id="day", on_click=handlers.day_chosen),
            back_to(PlanningSG.work_object),
            state=PlanningSG.day_pick,
            getter=getters.get_calendar,
        ),
        Window(
            Notice(),
            I18n("planning-day-title"),
            I18n("planning-day-empty", when="is_empty"),
            I18n("planning-lines", when="lines"),
            choice_column("slots", "slots", handlers.slot_chosen),
            SwitchTo(I18n("planning-copy-day"), id="copy", state=PlanningSG.copy_target),
            Button(I18n("planning-new-slot"), id="new_slot", on_click=handlers.new_slot),
            back_to(PlanningSG.day_pick),
            state=PlanningSG.day,
            getter=getters.get_day,
        ),
        Window(
            I18n("planning-copy-pick"),
            LocalCalendar(id="copy_to", on_click=handlers.copy_target_chosen),
            back_to(PlanningSG.day),
            state=PlanningSG.copy_target,
            getter=getters.get_day,
        ),
        Window(
            Notice(),
            I18n("planning-slot-title"),
            I18n("planning-overnight", when="overnight"),
            I18n("planning-lines", when="lines"),
            SwitchTo(
                I18n("planning-assign"), id="assign", state=PlanningSG.assign, when="has_room"
            ),
            SwitchTo(
                I18n("planning-unassign"),
                id="unassign",
                state=PlanningSG.unassign_pick,
                when="has_people",
            ),
            SwitchTo(
                I18n("planning-move"), id="move", state=PlanningSG.move_pick, when="has_people"
            ),
            WebApp(I18n("planning-on-board"), Format("{board_url}"), id="board", when="board_url"),
            Button(I18n("planning-slot-tasks"), id="slot_tasks", on_click=handlers.open_slot_tasks),
            SwitchTo(I18n("planning-delete-slot"), id="delete", state=PlanningSG.delete_confirm),
            back_to(PlanningSG.day),
            state=PlanningSG.slot,
            getter=getters.get_slot,
        ),
        Window(
            I18n("planning-assign-pick"),
            I18n("planning-assign-nobody", when="no_employees"),
            choice_column("employees", "employees", handlers.employee_chosen),
            back_to(PlanningSG.slot),
            state=PlanningSG.assign,
            getter=getters.get_assign,
        ),
        text_input_window(
            "planning-assign-reason",
            handlers.assign_reason_entered,
            back_to(PlanningSG.assign, "common-cancel"),
            state=PlanningSG.assign_reason,
            getter=getters.get_assign_reason,
            text_only=True,
        ),
        Window(
            I18n("planning-unassign-pick"),
            choice_column("people", "people", handlers.unassign_person_chosen),
            back_to(PlanningSG.slot),
            state=PlanningSG.unassign_pick,
            getter=getters.get_slot,
        ),
        text_input_window(
            "planning-unassign-comment",
            handlers.unassign_comment_entered,
            back_to(PlanningSG.slot, "common-cancel"),
            state=PlanningSG.unassign_comment,
            getter=getters.get_unassign_comment,
        ),
        Window(
            I18n("planning-move-pick"),
            choice_column("move_people", "people", handlers.move_person_chosen),
            back_to(PlanningSG.slot),
            state=PlanningSG.move_pick,
            getter=getters.get_slot,
        ),
        Window(
            I18n("planning-move-day"),
            LocalCalendar(id="move_day", on_click=handlers.move_day_chosen),
            back_to(PlanningSG.slot, "common-cancel"),
            state=PlanningSG.move_day,
            getter=getters.get_move_day,
        ),
        Window(
            Notice(),
            I18n("planning-move-target"),
            I18n("planning-move-none", when="no_targets"),
            choice_column("move_targets", "targets", handlers.move_target_chosen),
            back_to(PlanningSG.move_day, "planning-move-other-day"),
            back_to(PlanningSG.slot, "common-cancel"),
            state=PlanningSG.move_target,
            getter=getters.get_move_targets,
        ),
        Window(
            I18n("planning-delete-confirm"),
            Button(
                I18n("planning-delete-yes"), id="delete_yes", on_click=handlers.delete_confirmed
            ),
            back_to(PlanningSG.slot, "common-cancel"),
            state=PlanningSG.delete_confirm,
            getter=getters.get_slot,
        ),
    ]


def _template_windows() -> list[Window]:
    return [
        Window(
            I18n("planning-templates-title"),
            I18n("planning-templates-empty", when="is_empty"),
            choice_column("templates", "templates", handlers.template_chosen),
            SwitchTo(I18n("planning-new-template"), id="new", state=PlanningSG.template_title),
            back_to(PlanningSG.work_object),
            state=PlanningSG.templates,
            getter=getters.get_templates,
        ),
        text_input_window(
            "planning-template-ask-title",
            handlers.template_title_entered,
            back_to(PlanningSG.templates, "common-cancel"),
            state=PlanningSG.template_title,
        ),
        Window(
            Notice(),
            I18n("planning-template-title"),
            I18n("planning-template-empty", when="is_empty"),
            I18n("planning-lines", when="lines"),
            choice_column("items", "items", handlers.template_item_removed),
            Button(I18n("planning-add-item"), id="add_item", on_click=handlers.add_template_shift),
            SwitchTo(
                I18n("planning-apply"), id="apply", state=PlanningSG.apply_from, when="has_items"
            ),
            back_to(PlanningSG.templates),
            state=PlanningSG.template,
            getter=getters.get_template,
        ),
        Window(
            I18n("planning-pick-weekday"),
            choice_grid("weekday", "weekdays", handlers.weekday_chosen, width=7),
            back_to(PlanningSG.template),
            state=PlanningSG.template_weekday,
            getter=getters.get_weekdays,
        ),
        Window(
            I18n("planning-apply-from"),
            LocalCalendar(id="apply_from", on_click=handlers.apply_from_chosen),
            back_to(PlanningSG.template),
            state=PlanningSG.apply_from,
            getter=getters.get_apply,
        ),
        Window(
            I18n("planning-apply-to"),
            LocalCalendar(id="apply_to", on_click=handlers.apply_to_chosen),
            back_to(PlanningSG.apply_from),
            state=PlanningSG.apply_to,
            getter=getters.get_apply,
        ),
    ]


def _reason_windows() -> list[Window]:
    return [
        Window(
            Notice(),
            I18n("planning-reasons-title"),
            I18n("planning-reasons-empty", when="is_empty"),
            I18n("planning-lines", when="lines"),
            choice_column("reasons", "reasons", handlers.reason_removed),
            SwitchTo(I18n("planning-add-reason"), id="add_reason", state=PlanningSG.reason_title),
            SwitchTo(I18n("planning-set-fine"), id="fine", state=PlanningSG.fine),
            SwitchTo(I18n("planning-set-weekly-cap"), id="weekly_cap", state=PlanningSG.weekly_cap),
            back_to(PlanningSG.objects),
            state=PlanningSG.reasons,
            getter=getters.get_reasons,
        ),
        text_input_window(
            "planning-reason-ask-title",
            handlers.reason_title_entered,
            back_to(PlanningSG.reasons, "common-cancel"),
            state=PlanningSG.reason_title,
        ),
        Window(
            I18n("planning-reason-ask-document"),
            Button(
                I18n("planning-reason-document-yes"),
                id="doc_yes",
                on_click=handlers.reason_with_document,
            ),
            Button(
                I18n("planning-reason-document-no"),
                id="doc_no",
                on_click=handlers.reason_without_document,
            ),
            back_to(PlanningSG.reasons, "common-cancel"),
            state=PlanningSG.reason_document,
            getter=getters.get_reason_document,
        ),
        text_input_window(
            "planning-fine-ask",
            handlers.fine_entered,
            back_to(PlanningSG.reasons, "common-cancel"),
            state=PlanningSG.fine,
        ),
        text_input_window(
            "planning-weekly-cap-ask",
            handlers.weekly_cap_entered,
            back_to(PlanningSG.reasons, "common-cancel"),
            state=PlanningSG.weekly_cap,
        ),
        Window(
            Notice(),
            I18n("planning-approvals-title"),
            I18n("planning-approvals-empty", when="is_empty"),
            choice_column("approvals", "approvals", handlers.approval_chosen, type_factory=str),
            back_to(PlanningSG.objects),
            state=PlanningSG.approvals,
            getter=getters.get_approvals,
        ),
        Window(
            I18n("planning-approval-title", when="found"),
            Button(
                I18n("planning-show-documents"),
                id="documents",
                on_click=handlers.show_documents,
                when="found",
            ),
            Button(I18n("planning-approve"), id="approve", on_click=handlers.approve, when="found"),
            Button(I18n("planning-refuse"), id="refuse", on_click=handlers.refuse, when="found"),
            back_to(PlanningSG.approvals),
            state=PlanningSG.approval,
            getter=getters.get_approval,
        ),
        Window(
            I18n("planning-exchange-title", when="found"),
            I18n("planning-exchange-swap-line", when="is_swap"),
            I18n("planning-exchange-gone", when=~F["found"]),
            Button(
                I18n("planning-approve"),
                id="approve_exchange",
                on_click=handlers.approve_exchange,
                when="found",
            ),
            SwitchTo(
                I18n("planning-refuse"),
                id="refuse_exchange",
                state=PlanningSG.exchange_refusal,
                when="found",
            ),
            back_to(PlanningSG.approvals),
            state=PlanningSG.exchange_approval,
            getter=getters.get_exchange_approval,
        ),
        text_input_window(
            "planning-exchange-refusal-comment",
            handlers.refusal_comment_entered,
            Button(
                I18n("planning-exchange-refuse-silently"),
                id="refuse_silently",
                on_click=handlers.refuse_exchange_silently,
            ),
            back_to(PlanningSG.exchange_approval, "common-cancel"),
            state=PlanningSG.exchange_refusal,
        ),
    ]


def planning_dialog() -> Dialog:
    return Dialog(
        _objects_window(),
        _object_window(),
        *_slot_windows(),
        *_day_windows(),
        *_template_windows(),
        *_reason_windows(),
        on_start=handlers.on_start,
    )
