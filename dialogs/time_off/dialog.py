"""Time off: an employee asks for days (or part of a day) in a few taps and sees their
requests; owners and planning managers answer the requests of their people, choosing
explicitly what becomes of shifts the employee already holds in those days."""

from aiogram import F
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.planning.widgets import LocalCalendar, Notice
from dialogs.time_off import getters, handlers
from dialogs.time_off.states import TimeOffSG


def time_off_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("time-off-title"),
            I18n("time-off-lines", when="lines"),
            I18n("time-off-none", when=~F["lines"]),
            SwitchTo(I18n("time-off-new"), id="new", state=TimeOffSG.kind, when="has_organization"),
            SwitchTo(
                I18n("time-off-withdraw"),
                id="withdraw",
                state=TimeOffSG.withdraw_pick,
                when="has_live",
            ),
            SwitchTo(
                I18n("time-off-approvals"),
                id="approvals",
                state=TimeOffSG.approvals,
                when="pending_count",
            ),
            Cancel(I18n("common-back")),
            state=TimeOffSG.main,
            getter=getters.get_main,
        ),
        Window(
            I18n("time-off-pick-kind"),
            choice_column("kind", "kinds", handlers.kind_chosen, type_factory=str),
            back_to(TimeOffSG.main),
            state=TimeOffSG.kind,
            getter=getters.get_kinds,
        ),
        Window(
            I18n("time-off-pick-first"),
            LocalCalendar(id="first_day", on_click=handlers.first_day_chosen),
            back_to(TimeOffSG.kind),
            state=TimeOffSG.first_day,
            getter=getters.get_first_day,
        ),
        Window(
            I18n("time-off-pick-last"),
            LocalCalendar(id="last_day", on_click=handlers.last_day_chosen),
            Button(I18n("time-off-part-of-day"), id="part", on_click=handlers.part_of_day_chosen),
            back_to(TimeOffSG.first_day),
            state=TimeOffSG.last_day,
            getter=getters.get_last_day,
        ),
        text_input_window(
            "time-off-hours-prompt",
            handlers.hours_entered,
            back_to(TimeOffSG.last_day, "common-cancel"),
            state=TimeOffSG.hours,
            text_only=True,
        ),
        text_input_window(
            "time-off-comment-prompt",
            handlers.comment_entered,
            Button(I18n("time-off-no-comment"), id="no_comment", on_click=handlers.no_comment),
            back_to(TimeOffSG.main, "common-cancel"),
            state=TimeOffSG.comment,
            text_only=True,
        ),
        Window(
            I18n("time-off-withdraw-pick"),
            choice_column("withdraw", "live", handlers.withdraw_chosen),
            back_to(TimeOffSG.main),
            state=TimeOffSG.withdraw_pick,
            getter=getters.get_main,
        ),
        Window(
            Notice(),
            I18n("time-off-approvals-title"),
            I18n("time-off-approvals-none", when="no_requests"),
            choice_column("request", "requests", handlers.request_chosen),
            back_to(TimeOffSG.main),
            state=TimeOffSG.approvals,
            getter=getters.get_approvals,
        ),
        Window(
            I18n("time-off-request-card", when="found"),
            I18n("time-off-held-shifts", when="held"),
            I18n("time-off-request-gone", when=~F["found"]),
            Button(
                I18n("time-off-approve"),
                id="approve",
                on_click=handlers.decision_chosen,
                when=F["found"] & F["no_held"],
            ),
            Button(
                I18n("time-off-approve-release"),
                id="release",
                on_click=handlers.decision_chosen,
                when="held",
            ),
            Button(
                I18n("time-off-approve-keep"),
                id="keep",
                on_click=handlers.decision_chosen,
                when="held",
            ),
            Button(
                I18n("time-off-decline"),
                id="decline",
                on_click=handlers.decision_chosen,
                when="found",
            ),
            back_to(TimeOffSG.approvals),
            state=TimeOffSG.approval,
            getter=getters.get_approval,
        ),
        text_input_window(
            "time-off-decision-comment",
            handlers.decision_comment_entered,
            Button(
                I18n("time-off-no-comment"),
                id="no_decision_comment",
                on_click=handlers.no_decision_comment,
            ),
            back_to(TimeOffSG.approval, "common-cancel"),
            state=TimeOffSG.decision_comment,
            text_only=True,
        ),
    )
