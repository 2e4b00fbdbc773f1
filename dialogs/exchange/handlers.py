"""Open places, give-aways and swaps: parse the tap, call one use case, say what happened."""

from typing import Any

from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from dialogs.exchange.getters import shift_args
from dialogs.exchange.states import ExchangeSG
from dialogs.planning.widgets import set_notice
from services.exchange.notices import SWAP_PAYLOAD_PREFIX
from services.exchange.offers import offer_shift, take_offered_shift, withdraw_offer
from services.exchange.open_places import take_open_place
from services.exchange.queries import my_offers
from services.exchange.swaps import answer_swap, propose_swap, swap_view
from services.exchange.views import Outcome


async def start_swap_by_deep_link(manager: DialogManager, payload: str) -> None:
    """`swap_<id>` from a notification opens that proposal."""
    swap_id = payload.removeprefix(SWAP_PAYLOAD_PREFIX)
    await manager.start(
        ExchangeSG.swap,
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
        data={"swap_id": int(swap_id) if swap_id.isdigit() else 0},
    )


async def on_start(start_data: Any, manager: DialogManager) -> None:
    if isinstance(start_data, dict) and "swap_id" in start_data:
        manager.dialog_data["swap_id"] = start_data["swap_id"]


async def place_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, item_id: str
) -> None:
    """A tap on an open place or a give-away takes it (or asks for approval)."""
    context = update_context(manager)
    kind, _, raw_id = item_id.partition(":")
    if kind == "slot":
        result = await take_open_place(
            context.session, context.clock, user_id=context.user.id, slot_id=int(raw_id)
        )
    else:
        result = await take_offered_shift(
            context.session, context.clock, user_id=context.user.id, offer_id=int(raw_id)
        )
    key = "schedule-booked" if result.outcome == Outcome.DONE else "exchange-take-requested"
    set_notice(manager, key, **shift_args(context.i18n, result.shift))


swap_chosen = remember_choice("swap_id", ExchangeSG.swap)


async def _answer(callback: CallbackQuery, manager: DialogManager, accept: bool) -> None:
    context = update_context(manager)
    outcome = await answer_swap(
        context.session,
        context.clock,
        user_id=context.user.id,
        swap_id=manager.dialog_data["swap_id"],
        accept=accept,
    )
    notices = {
        None: "exchange-swap-declined",
        Outcome.DONE: "exchange-swap-done",
        Outcome.AWAITS_APPROVAL: "exchange-swap-awaits-approval",
    }
    set_notice(manager, notices[outcome])
    await manager.switch_to(ExchangeSG.swaps)


async def accept_swap(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _answer(callback, manager, accept=True)


async def decline_swap(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _answer(callback, manager, accept=False)


async def give_shift_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, planned_shift_id: int
) -> None:
    """A shift already offered is taken back; another one goes to the confirmation."""
    context = update_context(manager)
    offered = await my_offers(context.session, context.clock, user_id=context.user.id)
    if int(planned_shift_id) in offered:
        await withdraw_offer(
            context.session,
            context.clock,
            user_id=context.user.id,
            offer_id=offered[int(planned_shift_id)],
        )
        set_notice(manager, "exchange-offer-withdrawn")
        return
    manager.dialog_data["planned_shift_id"] = int(planned_shift_id)
    await manager.switch_to(ExchangeSG.give_confirm)


async def give_confirmed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await offer_shift(
        context.session,
        context.clock,
        user_id=context.user.id,
        planned_shift_id=manager.dialog_data["planned_shift_id"],
    )
    set_notice(manager, "exchange-given")
    await manager.switch_to(ExchangeSG.give_pick)


my_swap_shift_chosen = remember_choice("planned_shift_id", ExchangeSG.swap_pick_theirs)


their_shift_chosen = remember_choice("partner_shift_id", ExchangeSG.swap_confirm)


async def swap_proposed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    swap = await propose_swap(
        context.session,
        context.clock,
        user_id=context.user.id,
        planned_shift_id=manager.dialog_data["planned_shift_id"],
        partner_shift_id=manager.dialog_data["partner_shift_id"],
    )
    view = await swap_view(context.session, swap)
    set_notice(manager, "exchange-swap-proposed", name=view.partner_name)
    await manager.switch_to(ExchangeSG.swap_pick_mine)
