from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from services.attendance.approvals import attempt_for_approval
from services.attendance.breaks import break_status
from services.attendance.clock_in import today_options
from services.attendance.queries import (
    ShiftCard,
    on_shift_now,
    open_shift_of,
    shift_card,
    watched_objects,
)
from services.places.geo import allowed_distance_m
from services.platform.db.models import PlannedShift, ShiftStatus, WorkObject
from services.platform.errors import DomainError
from services.platform.i18n import Translator
from services.tasks.queries import unfinished_mandatory_tasks


def card_data(card: ShiftCard, i18n: Translator) -> dict[str, Any]:
    """The variables of a shift card (and of the summary once it is closed)."""
    shift = card.shift
    data: dict[str, Any] = {
        "object": card.work_object.name,
        "employee": card.employee_name,
        "opened": i18n.hour_minute(card.local(shift.opened_at)),
        "rate": i18n.money(shift.hourly_rate),
        "has_plan": shift.planned_start_at is not None,
        "planned_start": "",
        "planned_end": "",
        "paid_later": shift.paid_from != shift.opened_at,
        "paid_from": i18n.hour_minute(card.local(shift.paid_from)),
        "is_late": shift.late_minutes > 0,
        "late_minutes": shift.late_minutes,
        "late_fine": i18n.money(shift.late_fine),
        "is_open": shift.status == ShiftStatus.OPEN,
        "closed": i18n.hour_minute(card.local(shift.closed_at)) if shift.closed_at else "",
        "worked": shift.worked_minutes or 0,
        "pay": i18n.money(shift.pay) if shift.pay is not None else "",
        "break_minutes": shift.break_minutes,
        "unpaid_break": shift.unpaid_break_minutes,
        "has_breaks": shift.break_minutes > 0 or shift.unpaid_break_minutes > 0,
    }
    if shift.planned_start_at is not None and card.planned_end_at is not None:
        data["planned_start"] = i18n.hour_minute(card.local(shift.planned_start_at))
        data["planned_end"] = i18n.hour_minute(card.local(card.planned_end_at))
    return data


async def get_choose(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    options = await today_options(context.session, context.user.id, context.clock.now())
    if options.open_shift_id is not None:
        card = card_data(await shift_card(context.session, options.open_shift_id), context.i18n)
        return card | _choice_lists([], []) | {"has_open_shift": True, "nothing": False}
    planned = []
    for option in options.planned:
        zone = ZoneInfo(option.timezone)
        label = context.i18n.get(
            "clock-planned-item",
            object=option.object_name,
            start=context.i18n.hour_minute(option.starts_at.astimezone(zone)),
            end=context.i18n.hour_minute(option.ends_at.astimezone(zone)),
        )
        planned.append((str(option.planned_shift_id), label))
    spontaneous = [
        (
            str(option.object_id),
            context.i18n.get("clock-spontaneous-item", object=option.object_name),
        )
        for option in options.spontaneous
    ]
    return _choice_lists(planned, spontaneous) | {
        "has_open_shift": False,
        "nothing": not planned and not spontaneous,
    }


def _choice_lists(
    planned: list[tuple[str, str]], spontaneous: list[tuple[str, str]]
) -> dict[str, Any]:
    return {
        "planned": planned,
        "spontaneous": spontaneous,
        "has_planned": bool(planned),
        "no_planned": not planned and bool(spontaneous),
        "has_spontaneous": bool(spontaneous),
    }


async def get_location_request(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    planned_shift_id = dialog_manager.dialog_data.get("planned_shift_id")
    if planned_shift_id is not None:
        planned = await context.session.get(PlannedShift, planned_shift_id)
        assert planned is not None
        work_object = await context.session.get(WorkObject, planned.object_id)
        assert work_object is not None
        zone = ZoneInfo(work_object.timezone)
        period = context.i18n.get(
            "clock-period-planned",
            start=context.i18n.hour_minute(planned.starts_at.astimezone(zone)),
            end=context.i18n.hour_minute(planned.ends_at.astimezone(zone)),
        )
    else:
        work_object = await context.session.get(WorkObject, dialog_manager.dialog_data["object_id"])
        assert work_object is not None
        period = context.i18n.get("clock-period-spontaneous")
    return {"object": work_object.name, "period": period} | _live_location(work_object)


def _live_location(work_object: WorkObject | None) -> dict[str, bool]:
    """Whether the object takes only a live location, which the location button cannot
    send."""
    required = work_object is not None and work_object.require_live_location
    return {"live_required": required, "live_optional": not required}


def refusal_data(dialog_manager: DialogManager) -> dict[str, Any]:
    refusal = dialog_manager.dialog_data.get("refusal", {})
    return {
        "reason": refusal.get("reason", ""),
        "distance": refusal.get("distance", 0),
        "allowed": refusal.get("allowed", 0),
        "radius": refusal.get("radius", 0),
        "approval_requested": bool(dialog_manager.dialog_data.get("approval_requested")),
        "can_ask_approval": not dialog_manager.dialog_data.get("approval_requested"),
    }


async def get_refused(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return refusal_data(dialog_manager)


async def get_card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    shift = await open_shift_of(context.session, context.user.id)
    already_open = bool(dialog_manager.dialog_data.get("already_open"))
    if shift is None:
        return {
            "has_shift": False,
            "no_shift": True,
            "already_open": False,
        }
    card = await shift_card(context.session, shift.id)
    breaks = await break_status(context.session, shift, context.clock.now())
    since = breaks.on_break_since
    return card_data(card, context.i18n) | {
        "has_shift": True,
        "no_shift": False,
        "already_open": already_open,
        "on_break": since is not None,
        "off_break": since is None,
        "break_since": context.i18n.hour_minute(card.local(since)) if since else "",
        "breaks_so_far": breaks.minutes_so_far,
        "has_breaks_so_far": breaks.minutes_so_far > 0 and since is None,
    }


async def get_close_warning(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The mandatory tasks still open on the user's shift and the fines they will cost."""
    context = update_context(dialog_manager)
    shift = await open_shift_of(context.session, context.user.id)
    tasks = await unfinished_mandatory_tasks(context.session, shift.id) if shift is not None else []
    fines = sum((task.fine for task in tasks), Decimal("0.00"))
    lines = [
        context.i18n.get(
            "clock-close-warning-line-fine", title=task.title, fine=context.i18n.money(task.fine)
        )
        if task.fine > 0
        else context.i18n.get("clock-close-warning-line", title=task.title)
        for task in tasks
    ]
    return {
        "has_unfinished": bool(tasks),
        "count": len(tasks),
        "tasks_list": "\n".join(lines),
        "has_fine": fines > 0,
        "fine": context.i18n.money(fines),
    }


async def get_close_location(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    shift = await open_shift_of(context.session, context.user.id)
    if shift is None:
        return {"object": ""} | _live_location(None)
    card = await shift_card(context.session, shift.id)
    return card_data(card, context.i18n) | _live_location(card.work_object)


async def get_summary(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    card = await shift_card(context.session, dialog_manager.dialog_data["closed_shift_id"])
    return card_data(card, context.i18n)


# Owners and managers -------------------------------------------------------------------


async def get_watched_objects(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    objects = [(str(o.id), o.name) for o in await watched_objects(context.session, context.user)]
    return {"objects": objects, "has_objects": bool(objects), "no_objects": not objects}


async def get_on_shift(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    object_id = dialog_manager.dialog_data["object_id"]
    work_object = await context.session.get(WorkObject, object_id)
    cards = await on_shift_now(context.session, context.user.id, object_id)
    items = []
    for card in cards:
        opened = context.i18n.hour_minute(card.local(card.shift.opened_at))
        key = "onshift-item-late" if card.shift.late_minutes else "onshift-item"
        label = context.i18n.get(
            key,
            employee=card.employee_name,
            opened=opened,
            late_minutes=card.shift.late_minutes,
        )
        items.append((str(card.shift.id), label))
    return {
        "object": work_object.name if work_object else "",
        "count": len(items),
        "shifts": items,
        "nobody": not items,
    }


async def get_watched_shift(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    card = await shift_card(context.session, dialog_manager.dialog_data["shift_id"])
    data = card_data(card, context.i18n)
    return data | {"gone": not data["is_open"]}


async def get_approval(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    attempt_id = dialog_manager.start_data["attempt_id"]  # type: ignore[index]
    try:
        attempt, employee, object_name = await attempt_for_approval(
            context.session, approver_user_id=context.user.id, attempt_id=attempt_id
        )
    except DomainError:
        return {"available": False, "unavailable": True}
    work_object = await context.session.get(WorkObject, attempt.object_id)
    assert work_object is not None
    radius = work_object.geofence_radius_m
    return {
        "available": True,
        "unavailable": False,
        "employee": employee,
        "object": object_name,
        "time": context.i18n.hour_minute(
            attempt.attempted_at.astimezone(ZoneInfo(work_object.timezone))
        ),
        "reason": attempt.reason or "",
        "distance": round(attempt.distance_m) if attempt.distance_m is not None else 0,
        "allowed": round(allowed_distance_m(radius, attempt.horizontal_accuracy)),
        "radius": radius,
    }


async def get_approval_done(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return dict(dialog_manager.dialog_data.get("approved", {}))
