"""The employee's schedule: the next 14 days, cancelling a planned shift with a reason
(and a document photo when the reason needs one); booking free places, giving a shift
away and proposing a swap open the exchange dialog."""

from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Start, SwitchTo

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.exchange.states import ExchangeSG
from dialogs.planning.widgets import Notice
from dialogs.schedule import getters, handlers
from dialogs.schedule.states import ScheduleSG


def schedule_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("schedule-title"),
            I18n("schedule-empty", when="is_empty"),
            I18n("planning-lines", when="lines"),
            Start(I18n("schedule-book"), id="book", state=ExchangeSG.places),
            Start(
                I18n("schedule-give-away"),
                id="give_away",
                state=ExchangeSG.give_pick,
                when="has_shifts",
            ),
            Start(
                I18n("schedule-propose-swap"),
                id="propose_swap",
                state=ExchangeSG.swap_pick_mine,
                when="has_shifts",
            ),
            SwitchTo(
                I18n("schedule-cancel"),
                id="cancel",
                state=ScheduleSG.cancel_pick,
                when="has_shifts",
            ),
            Cancel(I18n("common-back")),
            state=ScheduleSG.main,
            getter=getters.get_schedule,
        ),
        Window(
            I18n("schedule-cancel-pick"),
            choice_column("shifts", "shifts", handlers.shift_chosen),
            back_to(ScheduleSG.main),
            state=ScheduleSG.cancel_pick,
            getter=getters.get_schedule,
        ),
        Window(
            I18n("schedule-cancel-reason", when="found"),
            I18n("schedule-no-reasons", when="no_reasons"),
            choice_column("reasons", "reasons", handlers.reason_chosen),
            back_to(ScheduleSG.main),
            state=ScheduleSG.cancel_reason,
            getter=getters.get_cancel_reasons,
        ),
        Window(
            I18n("schedule-cancel-document", when=~F["expired"]),
            I18n("error-media-flow-expired", when="expired"),
            MessageInput(handlers.document_received, content_types=ContentType.ANY),
            SwitchTo(
                I18n("schedule-document-done"),
                id="document_done",
                state=ScheduleSG.cancel_confirm,
                when="has_photos",
            ),
            back_to(ScheduleSG.main),
            state=ScheduleSG.cancel_document,
            getter=getters.get_document,
        ),
        Window(
            I18n("schedule-cancel-confirm", when="found"),
            I18n("schedule-cancel-fine-warning", when="has_fine"),
            I18n("schedule-cancel-approval-note", when="needs_approval"),
            Button(
                I18n("schedule-cancel-yes"),
                id="cancel_yes",
                on_click=handlers.cancel_confirmed,
                when="found",
            ),
            back_to(ScheduleSG.main),
            state=ScheduleSG.cancel_confirm,
            getter=getters.get_confirm,
        ),
    )
