"""What the time-off windows show. Getters only read."""

from datetime import date
from typing import Any

from aiogram_dialog import DialogManager

from dialogs.availability.getters import organization_id_of
from dialogs.common.context import update_context
from services.platform.db.models import TimeOffKind, TimeOffStatus
from services.platform.i18n import Translator
from services.staff.memberships import organization_today
from services.time_off.queries import (
    TimeOffView,
    my_time_off,
    pending_time_off,
    time_off_request,
)
from services.time_off.requests import held_shift_count


def dates_text(i18n: Translator, view: TimeOffView) -> str:
    """ "Tue, 3 Mar – Fri, 6 Mar", "Tue, 3 Mar", "Tue, 3 Mar 09:00–13:00"."""
    first = i18n.short_day(view.first_day)
    text = (
        first if view.first_day == view.last_day else f"{first} – {i18n.short_day(view.last_day)}"
    )
    return f"{text} {view.window[0]}–{view.window[1]}" if view.window else text


def view_line(i18n: Translator, view: TimeOffView) -> str:
    return i18n(
        "time-off-line",
        status=view.status.value,
        kind=i18n(f"time-off-kind-{view.kind}"),
        dates=dates_text(i18n, view),
    )


async def _today(manager: DialogManager, organization_id: int) -> date:
    context = update_context(manager)
    return await organization_today(context.session, context.clock, organization_id)


async def get_main(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    organization_id = await organization_id_of(dialog_manager)
    if organization_id is None:
        return {
            "lines": "",
            "has_live": False,
            "live": [],
            "pending_count": 0,
            "has_organization": False,
        }
    mine = await my_time_off(
        context.session,
        user_id=context.user.id,
        organization_id=organization_id,
        since=await _today(dialog_manager, organization_id),
    )
    pending = await pending_time_off(
        context.session, user_id=context.user.id, organization_id=organization_id
    )
    return {
        "has_organization": True,
        "lines": "\n".join(view_line(context.i18n, view) for view in mine),
        "has_live": bool(mine),
        "live": [(view.id, view_line(context.i18n, view)) for view in mine],
        "pending_count": len(pending),
    }


async def get_kinds(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    i18n = update_context(dialog_manager).i18n
    return {"kinds": [(kind.value, i18n(f"time-off-kind-{kind.value}")) for kind in TimeOffKind]}


async def get_first_day(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    organization_id = await organization_id_of(dialog_manager)
    return {
        "calendar_min": await _today(dialog_manager, organization_id) if organization_id else None
    }


async def get_last_day(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    i18n = update_context(dialog_manager).i18n
    first = date.fromisoformat(dialog_manager.dialog_data["first_day"])
    return {"calendar_min": first, "first": i18n.short_day(first)}


async def get_approvals(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    organization_id = await organization_id_of(dialog_manager)
    pending = (
        await pending_time_off(
            context.session, user_id=context.user.id, organization_id=organization_id
        )
        if organization_id
        else []
    )
    return {
        "requests": [
            (view.id, f"{view.name}: {dates_text(context.i18n, view)}") for view in pending
        ],
        "no_requests": not pending,
    }


async def get_approval(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    request_id = dialog_manager.dialog_data["request_id"]
    view = await time_off_request(context.session, user_id=context.user.id, request_id=request_id)
    if view is None or view.status != TimeOffStatus.REQUESTED:
        return {"found": False, "held": 0, "no_held": False}
    held = await held_shift_count(context.session, request_id=request_id)
    return {
        "found": True,
        "name": view.name,
        "kind": context.i18n(f"time-off-kind-{view.kind}"),
        "dates": dates_text(context.i18n, view),
        "comment": view.comment or "—",
        "held": held,
        "no_held": held == 0,
    }
