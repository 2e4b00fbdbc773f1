from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo, Url, WebApp
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.windows import text_input_window
from dialogs.today import getters, handlers
from dialogs.today.states import TodaySG


def today_dialog() -> Dialog:
    to_board = SwitchTo(I18n("common-back"), id="to_board", state=TodaySG.board)
    return Dialog(
        Window(
            I18n("today-title"),
            Format("{blocks}", when="has_objects"),
            I18n("today-no-objects", when="no_objects"),
            choice_column("today_rows", "rows", handlers.row_chosen, type_factory=str),
            SwitchTo(I18n("today-refresh"), id="refresh", state=TodaySG.board),
            WebApp(I18n("today-in-app"), Format("{today_url}"), id="today_app", when="today_url"),
            Cancel(I18n("common-back")),
            state=TodaySG.board,
            getter=getters.get_board,
        ),
        Window(
            I18n("today-row", when="present"),
            I18n("today-row-gone", when="gone"),
            Url(I18n("today-message"), Format("{message_url}"), id="message", when="present"),
            Button(
                I18n("today-mark-absent"),
                id="absent",
                on_click=handlers.ask_absent_reason,
                when="can_mark_absent",
            ),
            Button(
                I18n("today-open-for"),
                id="open_for",
                on_click=handlers.ask_open_reason,
                when="can_open",
            ),
            Button(
                I18n("today-close-for"),
                id="close_for",
                on_click=handlers.ask_close_reason,
                when="can_close",
            ),
            Button(
                I18n("today-offer-place"),
                id="offer",
                on_click=handlers.ask_offer_reason,
                when="can_offer",
            ),
            to_board,
            state=TodaySG.row,
            getter=getters.get_row,
        ),
        text_input_window(
            "today-ask-reason",
            handlers.reason_entered,
            SwitchTo(I18n("common-back"), id="reason_back", state=TodaySG.row),
            state=TodaySG.reason,
            getter=getters.get_row,
            text_only=True,
        ),
        Window(
            I18n("today-ask-fine"),
            Button(
                I18n("today-with-fine"),
                id="with_fine",
                on_click=handlers.absent_with_fine,
                when="has_fine",
            ),
            Button(
                I18n("today-without-fine"), id="without_fine", on_click=handlers.absent_without_fine
            ),
            SwitchTo(I18n("common-back"), id="fine_back", state=TodaySG.row),
            state=TodaySG.fine,
            getter=getters.get_row,
        ),
    )
