"""Open places and give-aways to take, swap proposals to answer; from the schedule, a
shift to give away or to propose for a swap."""

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo, WebApp
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.exchange import getters, handlers
from dialogs.exchange.states import ExchangeSG
from dialogs.planning.widgets import Notice


def exchange_dialog() -> Dialog:
    return Dialog(
        Window(
            Notice(),
            I18n("exchange-places-title"),
            I18n("exchange-places-empty", when="is_empty"),
            choice_column("places", "items", handlers.place_chosen, type_factory=str),
            SwitchTo(
                I18n("exchange-incoming"),
                id="incoming",
                state=ExchangeSG.swaps,
                when="has_incoming",
            ),
            WebApp(
                I18n("exchange-open-in-app"),
                Format("{open_shifts_url}"),
                id="open_shifts_app",
                when="open_shifts_url",
            ),
            Cancel(I18n("common-back")),
            state=ExchangeSG.places,
            getter=getters.get_places,
        ),
        Window(
            Notice(),
            I18n("exchange-swaps-title"),
            I18n("exchange-swaps-empty", when="is_empty"),
            choice_column("swaps", "swaps", handlers.swap_chosen),
            back_to(ExchangeSG.places),
            state=ExchangeSG.swaps,
            getter=getters.get_swaps,
        ),
        Window(
            I18n("exchange-swap-details", when="found"),
            I18n("exchange-swap-gone", when="gone"),
            Button(
                I18n("exchange-swap-accept"),
                id="accept",
                on_click=handlers.accept_swap,
                when="found",
            ),
            Button(
                I18n("exchange-swap-decline"),
                id="decline",
                on_click=handlers.decline_swap,
                when="found",
            ),
            back_to(ExchangeSG.swaps),
            state=ExchangeSG.swap,
            getter=getters.get_swap,
        ),
        Window(
            Notice(),
            I18n("exchange-give-pick"),
            I18n("exchange-nothing-to-exchange", when="is_empty"),
            choice_column("give", "shifts", handlers.give_shift_chosen),
            Cancel(I18n("common-back")),
            state=ExchangeSG.give_pick,
            getter=getters.get_give_pick,
        ),
        Window(
            I18n("exchange-give-confirm", when="found"),
            Button(
                I18n("exchange-give-yes"),
                id="give_yes",
                on_click=handlers.give_confirmed,
                when="found",
            ),
            back_to(ExchangeSG.give_pick),
            state=ExchangeSG.give_confirm,
            getter=getters.get_give_confirm,
        ),
        Window(
            Notice(),
            I18n("exchange-swap-pick-mine"),
            I18n("exchange-nothing-to-exchange", when="is_empty"),
            choice_column("mine", "shifts", handlers.my_swap_shift_chosen),
            Cancel(I18n("common-back")),
            state=ExchangeSG.swap_pick_mine,
            getter=getters.get_swap_pick_mine,
        ),
        Window(
            I18n("exchange-swap-pick-theirs", when="found"),
            I18n("exchange-no-candidates", when="is_empty"),
            choice_column("theirs", "shifts", handlers.their_shift_chosen),
            back_to(ExchangeSG.swap_pick_mine),
            state=ExchangeSG.swap_pick_theirs,
            getter=getters.get_swap_pick_theirs,
        ),
        Window(
            I18n("exchange-swap-confirm", when="found"),
            Button(
                I18n("exchange-swap-propose"),
                id="propose",
                on_click=handlers.swap_proposed,
                when="found",
            ),
            back_to(ExchangeSG.swap_pick_theirs),
            state=ExchangeSG.swap_confirm,
            getter=getters.get_swap_confirm,
        ),
        on_start=handlers.on_start,
    )
