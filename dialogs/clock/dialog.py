"""Clock-in and clock-out windows (employee), who is on shift now (owners and managers)
and the approval of a refused clock-in.

The location windows show a reply keyboard with Telegram's location button, which sends
a static pin, so where the object requires a live location the button is not offered
and the prompt says how to share one (its updates arrive through `live_location`). Their
`MessageInput`s take the location and answer anything else with a reminder while
staying in the window, so the dialog survives the round trip."""

from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, StartMode, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import (
    Button,
    Cancel,
    RequestLocation,
    Start,
    SwitchTo,
)
from aiogram_dialog.widgets.markup.reply_keyboard import ReplyKeyboardFactory
from aiogram_dialog.widgets.text import Case, Multi

from dialogs.clock import getters, handlers
from dialogs.clock.states import ApproveClockInSG, ClockSG, OnShiftSG
from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.windows import text_input_window
from dialogs.menu.states import MainMenuSG
from dialogs.tasks.states import TasksSG
from services.places.geo import LocationRefusal

_LOCATION_CONTENT = [ContentType.LOCATION, ContentType.VENUE]


def _location_keyboard() -> ReplyKeyboardFactory:
    return ReplyKeyboardFactory(resize_keyboard=True, one_time_keyboard=True)


def _refusal_text() -> Case:
    return Case(
        {reason.value: I18n(f"clock-refused-{reason.value}") for reason in LocationRefusal},
        selector="reason",
    )


def _card_text() -> Multi:
    return Multi(
        I18n("clock-card"),
        I18n("clock-card-planned", when="has_plan"),
        I18n("clock-card-paid-from", when="paid_later"),
        I18n("clock-card-late", when="is_late"),
    )


def _to_menu(text_key: str = "clock-to-menu") -> Start:
    return Start(I18n(text_key), id="to_menu", state=MainMenuSG.main, mode=StartMode.RESET_STACK)


def clock_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("clock-choose-title"),
            I18n("clock-already-open", when="has_open_shift"),
            Multi(_card_text(), when="has_open_shift"),
            I18n("clock-choose-planned", when="has_planned"),
            I18n("clock-choose-no-planned", when="no_planned"),
            I18n("clock-choose-spontaneous", when="has_spontaneous"),
            I18n("clock-choose-nothing", when="nothing"),
            choice_column("planned", "planned", handlers.planned_chosen),
            choice_column("spontaneous", "spontaneous", handlers.spontaneous_chosen),
            SwitchTo(I18n("clock-close"), id="to_close", state=ClockSG.card, when="has_open_shift"),
            _to_menu(),
            state=ClockSG.choose,
            getter=getters.get_choose,
        ),
        Window(
            I18n("clock-ask-location", when="live_optional"),
            I18n("clock-ask-location-live", when="live_required"),
            RequestLocation(I18n("clock-send-location"), when="live_optional"),
            _to_menu("common-cancel"),
            MessageInput(handlers.location_sent, content_types=_LOCATION_CONTENT),
            MessageInput(handlers.not_a_location),
            markup_factory=_location_keyboard(),
            state=ClockSG.location,
            getter=getters.get_location_request,
        ),
        Window(
            I18n("clock-refused-title"),
            _refusal_text(),
            I18n("clock-approval-requested", when="approval_requested"),
            Button(
                I18n("clock-ask-approval"),
                id="ask_approval",
                on_click=handlers.ask_approval,
                when="can_ask_approval",
            ),
            SwitchTo(I18n("clock-try-again"), id="again", state=ClockSG.location),
            _to_menu(),
            MessageInput(handlers.location_sent, content_types=_LOCATION_CONTENT),
            state=ClockSG.refused,
            getter=getters.get_refused,
        ),
        Window(
            I18n("clock-already-open", when="already_open"),
            I18n("clock-card-title", when="has_shift"),
            Multi(_card_text(), when="has_shift"),
            I18n("clock-no-open-shift", when="no_shift"),
            Button(
                I18n("clock-close"), id="close", on_click=handlers.close_pressed, when="has_shift"
            ),
            _to_menu(),
            state=ClockSG.card,
            getter=getters.get_card,
        ),
        Window(
            I18n("clock-close-warning", when="has_unfinished"),
            I18n("clock-close-warning-fine", when="has_fine"),
            I18n("clock-close-warning-cleared", when=~F["has_unfinished"]),
            Button(
                I18n("clock-close-anyway"),
                id="close_anyway",
                on_click=handlers.close_anyway,
                when="has_unfinished",
            ),
            Button(
                I18n("clock-close"),
                id="close_cleared",
                on_click=handlers.close_anyway,
                when=~F["has_unfinished"],
            ),
            Start(I18n("clock-back-to-checklist"), id="to_checklist", state=TasksSG.checklist),
            SwitchTo(I18n("common-back"), id="warning_back", state=ClockSG.card),
            state=ClockSG.close_warning,
            getter=getters.get_close_warning,
        ),
        Window(
            I18n("clock-close-ask-location", when="live_optional"),
            I18n("clock-close-ask-location-live", when="live_required"),
            RequestLocation(I18n("clock-send-location"), when="live_optional"),
            SwitchTo(I18n("common-back"), id="back_to_card", state=ClockSG.card),
            MessageInput(handlers.close_location_sent, content_types=_LOCATION_CONTENT),
            MessageInput(handlers.not_a_location),
            markup_factory=_location_keyboard(),
            state=ClockSG.close_location,
            getter=getters.get_close_location,
        ),
        Window(
            I18n("clock-close-refused-title"),
            _refusal_text(),
            SwitchTo(I18n("clock-try-again"), id="close_again", state=ClockSG.close_location),
            SwitchTo(I18n("common-back"), id="close_back", state=ClockSG.card),
            MessageInput(handlers.close_location_sent, content_types=_LOCATION_CONTENT),
            state=ClockSG.close_refused,
            getter=getters.get_refused,
        ),
        Window(
            I18n("clock-summary"),
            I18n("clock-summary-late", when="is_late"),
            _to_menu(),
            state=ClockSG.summary,
            getter=getters.get_summary,
        ),
        on_start=handlers.clock_started,
    )


def on_shift_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("onshift-choose-object", when="has_objects"),
            I18n("onshift-no-objects", when="no_objects"),
            choice_column("watched_objects", "objects", handlers.watched_object_chosen),
            Cancel(I18n("common-back")),
            state=OnShiftSG.objects,
            getter=getters.get_watched_objects,
        ),
        Window(
            I18n("onshift-title"),
            I18n("onshift-empty", when="nobody"),
            choice_column("watched_shifts", "shifts", handlers.watched_shift_chosen),
            SwitchTo(I18n("common-back"), id="to_objects", state=OnShiftSG.objects),
            state=OnShiftSG.shifts,
            getter=getters.get_on_shift,
        ),
        Window(
            I18n("onshift-card"),
            I18n("onshift-card-late", when="is_late"),
            I18n("onshift-card-gone", when="gone"),
            SwitchTo(I18n("onshift-close"), id="close", state=OnShiftSG.reason, when="is_open"),
            SwitchTo(I18n("common-back"), id="to_shifts", state=OnShiftSG.shifts),
            state=OnShiftSG.shift,
            getter=getters.get_watched_shift,
        ),
        text_input_window(
            "onshift-ask-reason",
            handlers.close_reason_entered,
            SwitchTo(I18n("common-back"), id="reason_back", state=OnShiftSG.shift),
            state=OnShiftSG.reason,
            getter=getters.get_watched_shift,
            text_only=True,
        ),
    )


def approve_clock_in_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("approve-title", when="available"),
            I18n("approve-details", when="available"),
            Multi(_refusal_text(), when="available"),
            I18n("approve-unavailable", when="unavailable"),
            Button(
                I18n("approve-confirm"),
                id="approve",
                on_click=handlers.approve_pressed,
                when="available",
            ),
            _to_menu(),
            state=ApproveClockInSG.confirm,
            getter=getters.get_approval,
        ),
        Window(
            I18n("approve-done"),
            _to_menu(),
            state=ApproveClockInSG.done,
            getter=getters.get_approval_done,
        ),
    )
