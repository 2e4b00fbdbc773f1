"""What the open places, give-away and swap windows show. Getters only read."""

from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from dialogs.common.mini_app import mini_app_link
from dialogs.planning.widgets import day_label
from services.exchange.open_places import open_places
from services.exchange.queries import incoming_swaps, my_offers
from services.exchange.rules import EXCHANGE_DEADLINE
from services.exchange.swaps import SwappableShift, SwapView, swap_candidates
from services.exchange.views import ShiftInfo
from services.planning.queries import ScheduleEntry, my_schedule
from services.platform.errors import DomainError
from services.platform.i18n import Translator
from services.platform.local_time import hhmm


def shift_args(
    i18n: Translator, shift: ShiftInfo | ScheduleEntry, prefix: str = ""
) -> dict[str, Any]:
    return {
        f"{prefix}date": day_label(i18n, shift.local_date),
        f"{prefix}start": hhmm(shift.start_time),
        f"{prefix}end": hhmm(shift.end_time),
        f"{prefix}object_name": shift.object_name,
    }


def _line(i18n: Translator, shift: ShiftInfo | ScheduleEntry) -> str:
    return i18n.get("schedule-line", **shift_args(i18n, shift))


async def get_places(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    found = await open_places(context.session, context.clock, user_id=context.user.id)
    incoming = await incoming_swaps(context.session, context.clock, user_id=context.user.id)
    items = [
        (
            f"slot:{p.slot_id}",
            context.i18n.get(
                "exchange-place-button",
                **shift_args(context.i18n, p.shift),
                booked=p.booked,
                places=p.max_employees,
                approval="yes" if p.needs_approval else "no",
            ),
        )
        for p in found.places
    ] + [
        (
            f"offer:{o.offer_id}",
            context.i18n.get(
                "exchange-offer-button",
                **shift_args(context.i18n, o.shift),
                name=o.offered_by,
                approval="yes" if o.needs_approval else "no",
            ),
        )
        for o in found.offers
    ]
    return {
        "items": items,
        "is_empty": found.is_empty,
        "has_incoming": bool(incoming),
        "incoming_count": len(incoming),
        "open_shifts_url": mini_app_link(dialog_manager, "open-shifts"),
    }


def _swap_args(i18n: Translator, view: SwapView) -> dict[str, Any]:
    return {
        "name": view.proposer_name,
        **shift_args(i18n, view.partner_shift, "give_"),
        **shift_args(i18n, view.proposer_shift, "get_"),
    }


async def get_swaps(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    incoming = await incoming_swaps(context.session, context.clock, user_id=context.user.id)
    return {
        "swaps": [
            (v.swap_id, context.i18n.get("exchange-swap-button", **_swap_args(context.i18n, v)))
            for v in incoming
        ],
        "is_empty": not incoming,
    }


async def get_swap(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    wanted = dialog_manager.dialog_data.get("swap_id")
    incoming = await incoming_swaps(context.session, context.clock, user_id=context.user.id)
    view = next((v for v in incoming if v.swap_id == wanted), None)
    if view is None:
        return {"found": False, "gone": True}
    return {"found": True, "gone": False, **_swap_args(context.i18n, view)}


async def _my_entries(manager: DialogManager) -> list[ScheduleEntry]:
    context = update_context(manager)
    return await my_schedule(context.session, context.clock, user_id=context.user.id)


def _exchangeable(manager: DialogManager, entry: ScheduleEntry) -> bool:
    return entry.starts_at - EXCHANGE_DEADLINE > update_context(manager).clock.now()


async def get_give_pick(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    offered = await my_offers(context.session, context.clock, user_id=context.user.id)
    shifts = []
    for entry in await _my_entries(dialog_manager):
        if not _exchangeable(dialog_manager, entry):
            continue
        key = (
            "exchange-give-withdraw-button"
            if entry.planned_shift_id in offered
            else "schedule-line"
        )
        shifts.append(
            (entry.planned_shift_id, context.i18n.get(key, **shift_args(context.i18n, entry)))
        )
    return {"shifts": shifts, "is_empty": not shifts, "hours": _deadline_hours()}


def _deadline_hours() -> int:
    return int(EXCHANGE_DEADLINE.total_seconds() // 3600)


async def _chosen(manager: DialogManager) -> ScheduleEntry | None:
    wanted = manager.dialog_data.get("planned_shift_id")
    return next((e for e in await _my_entries(manager) if e.planned_shift_id == wanted), None)


async def get_give_confirm(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    entry = await _chosen(dialog_manager)
    if entry is None:
        return {"found": False}
    return {"found": True, **shift_args(context.i18n, entry), "hours": _deadline_hours()}


async def get_swap_pick_mine(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    shifts = [
        (e.planned_shift_id, _line(context.i18n, e))
        for e in await _my_entries(dialog_manager)
        if _exchangeable(dialog_manager, e)
    ]
    return {"shifts": shifts, "is_empty": not shifts, "hours": _deadline_hours()}


async def _candidates(manager: DialogManager) -> list[SwappableShift]:
    context = update_context(manager)
    try:
        return await swap_candidates(
            context.session,
            context.clock,
            user_id=context.user.id,
            planned_shift_id=manager.dialog_data["planned_shift_id"],
        )
    except DomainError:
        return []  # the shift is no longer the user's: nothing to offer for it


async def get_swap_pick_theirs(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    entry = await _chosen(dialog_manager)
    candidates = await _candidates(dialog_manager)
    return {
        **(shift_args(context.i18n, entry) if entry else {}),
        "found": entry is not None,
        "shifts": [
            (
                c.planned_shift_id,
                context.i18n.get(
                    "exchange-candidate-button",
                    **shift_args(context.i18n, c.shift),
                    name=c.holder_name,
                ),
            )
            for c in candidates
        ],
        "is_empty": not candidates,
    }


async def get_swap_confirm(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    entry = await _chosen(dialog_manager)
    wanted = dialog_manager.dialog_data.get("partner_shift_id")
    candidate = next(
        (c for c in await _candidates(dialog_manager) if c.planned_shift_id == wanted), None
    )
    if entry is None or candidate is None:
        return {"found": False}
    return {
        "found": True,
        "name": candidate.holder_name,
        **shift_args(context.i18n, entry, "give_"),
        **shift_args(context.i18n, candidate.shift, "get_"),
    }
