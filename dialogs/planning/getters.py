"""What the planning windows show. Getters only read."""

from datetime import date, time, timedelta
from typing import Any

from aiogram_dialog import DialogManager
from babel.dates import get_day_names

from dialogs.common.context import update_context
from dialogs.common.mini_app import mini_app_link
from dialogs.exchange.getters import shift_args
from dialogs.planning.widgets import day_label
from services.availability.texts import marked_name
from services.exchange.approvals import ExchangeApproval, pending_exchange_approvals
from services.planning.cancellations import PendingApproval, cancellation_reasons, pending_approvals
from services.planning.queries import (
    SlotView,
    assignable_employees,
    is_owner_of,
    object_schedule,
    planning_objects,
    slot_details,
)
from services.planning.settings import planning_settings
from services.planning.templates import object_templates, template_items
from services.platform.db.models import Organization, WorkObject
from services.platform.i18n import Translator
from services.platform.local_time import crosses_midnight, hhmm, local_today

HOURS = list(range(24))
MINUTES = [0, 15, 30, 45]
PLACES = [1, 2, 3, 4, 5, 6]
# Approvals inbox item ids: `cancellation:<id>` or an exchange's `kind:<id>`.
CANCELLATION_KEY = "cancellation"


def _day(manager: DialogManager, key: str) -> date:
    return date.fromisoformat(manager.dialog_data[key])


def _time(manager: DialogManager, key: str) -> time | None:
    raw = manager.dialog_data.get(key)
    return time.fromisoformat(raw) if raw else None


async def _object(manager: DialogManager) -> WorkObject:
    work_object = await update_context(manager).session.get(
        WorkObject, manager.dialog_data["object_id"]
    )
    assert work_object is not None
    return work_object


async def _calendar_min(manager: DialogManager) -> date:
    work_object = await _object(manager)
    return local_today(update_context(manager).clock.now(), work_object.timezone)


async def get_objects(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    organization_id = dialog_manager.dialog_data["organization_id"]
    objects = await planning_objects(
        context.session, user_id=context.user.id, organization_id=organization_id
    )
    pending = await pending_approvals(
        context.session, user_id=context.user.id, organization_id=organization_id
    )
    exchanges = await pending_exchange_approvals(
        context.session, user_id=context.user.id, organization_id=organization_id
    )
    return {
        "objects": [(o.id, o.name) for o in objects],
        "has_objects": bool(objects),
        "no_objects": not objects,
        "pending_count": len(pending) + len(exchanges),
        "is_owner": await is_owner_of(
            context.session, user_id=context.user.id, organization_id=organization_id
        ),
    }


async def get_object(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    work_object = await _object(dialog_manager)
    return {"object_name": work_object.name, "timezone": work_object.timezone}


async def get_calendar(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"calendar_min": await _calendar_min(dialog_manager)}


def _choice(values: list[int], selected: int | None, label: str) -> list[tuple[int, str]]:
    return [
        (value, f"[{label.format(value)}]" if value == selected else label.format(value))
        for value in values
    ]


async def get_time_picker(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Hour buttons ("09") and minute buttons (":30"); the half chosen so far is marked."""
    context = update_context(dialog_manager)
    data = dialog_manager.dialog_data
    start = _time(dialog_manager, "start")
    return {
        "hours": _choice(HOURS, data.get("hour"), "{:02d}"),
        "minutes": _choice(MINUTES, data.get("minute"), ":{:02d}"),
        "date": day_label(context.i18n, _day(dialog_manager, "slot_date"))
        if data.get("slot_date")
        else "",
        "weekday": _weekday_names(context.i18n)[data["weekday"]] if "weekday" in data else "",
        "start": hhmm(start) if start else "",
    }


def _weekday_names(i18n: Translator) -> dict[int, str]:
    return {
        day: name.capitalize()
        for day, name in get_day_names("abbreviated", locale=i18n.language).items()
    }


async def get_places(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    data = dialog_manager.dialog_data
    start, end = _time(dialog_manager, "start"), _time(dialog_manager, "end")
    assert start is not None and end is not None
    when = (
        day_label(context.i18n, _day(dialog_manager, "slot_date"))
        if data.get("purpose") == "slot"
        else _weekday_names(context.i18n)[data["weekday"]]
    )
    return {
        "places": [(n, str(n)) for n in PLACES],
        "date": when,
        "start": hhmm(start),
        "end": hhmm(end),
        "overnight": crosses_midnight(start, end),
    }


async def get_slot_created(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = await get_places(dialog_manager)
    data["places"] = dialog_manager.dialog_data["created_places"]
    return data


def _people_text(i18n: Translator, view: SlotView) -> str:
    return ", ".join(p.name for p in view.people) or i18n.get("planning-nobody")


def _slot_label(i18n: Translator, key: str, view: SlotView) -> str:
    text = i18n.get(
        key,
        start=hhmm(view.start_time),
        end=hhmm(view.end_time),
        booked=view.booked,
        places=view.max_employees,
        people=_people_text(i18n, view),
    )
    return f"{text} {i18n.get('planning-overnight-mark')}" if view.crosses_midnight else text


async def get_day(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    day = _day(dialog_manager, "day")
    work_object = await _object(dialog_manager)
    views = await object_schedule(
        context.session,
        user_id=context.user.id,
        object_id=work_object.id,
        local_date=day,
    )
    return {
        "object_name": work_object.name,
        "date": day_label(context.i18n, day),
        "lines": "\n".join(_slot_label(context.i18n, "planning-slot-line", v) for v in views),
        "slots": [(v.slot_id, _slot_label(context.i18n, "planning-slot-button", v)) for v in views],
        "is_empty": not views,
        "calendar_min": local_today(context.clock.now(), work_object.timezone),
    }


async def _slot_view(dialog_manager: DialogManager) -> SlotView:
    context = update_context(dialog_manager)
    return await slot_details(
        context.session,
        user_id=context.user.id,
        slot_id=dialog_manager.dialog_data["slot_id"],
    )


async def get_slot(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await _slot_view(dialog_manager)
    return {
        "date": day_label(context.i18n, view.local_date),
        "start": hhmm(view.start_time),
        "end": hhmm(view.end_time),
        "booked": view.booked,
        "places": view.max_employees,
        "overnight": view.crosses_midnight,
        "lines": "\n".join(f"👤 {p.name}" for p in view.people),
        "has_people": bool(view.people),
        "has_room": view.booked < view.max_employees,
        "people": [(p.planned_shift_id, p.name) for p in view.people],
        "board_url": mini_app_link(
            dialog_manager,
            "board",
            week=(view.local_date - timedelta(days=view.local_date.weekday())).isoformat(),
        ),
    }


async def get_assign(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    data = await get_slot(dialog_manager)
    employees = await assignable_employees(
        context.session,
        user_id=context.user.id,
        slot_id=dialog_manager.dialog_data["slot_id"],
    )
    data["employees"] = [(c.membership_id, marked_name(c.name, c.verdict)) for c in employees]
    data["no_employees"] = not employees
    return data


async def get_assign_reason(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {
        "name": dialog_manager.dialog_data["assign_name"],
        "why": dialog_manager.dialog_data["assign_why"],
    }


async def get_unassign_comment(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"name": dialog_manager.dialog_data["unassign_name"]}


async def get_templates(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    work_object = await _object(dialog_manager)
    templates = await object_templates(
        context.session, user_id=context.user.id, object_id=work_object.id
    )
    return {
        "object_name": work_object.name,
        "templates": [(t.id, t.title) for t in templates],
        "is_empty": not templates,
    }


async def get_template(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    template, items = await template_items(
        context.session,
        user_id=context.user.id,
        template_id=dialog_manager.dialog_data["template_id"],
    )
    names = _weekday_names(context.i18n)
    lines = [
        context.i18n.get(
            "planning-template-line",
            weekday=names[item.weekday],
            start=hhmm(item.start_time),
            end=hhmm(item.end_time),
            places=item.max_employees,
        )
        for item in items
    ]
    return {
        "title": template.title,
        "items": [
            (item.id, context.i18n.get("planning-item-remove", line=line))
            for item, line in zip(items, lines, strict=True)
        ],
        "lines": "\n".join(lines),
        "is_empty": not items,
        "has_items": bool(items),
    }


async def get_weekdays(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"weekdays": list(_weekday_names(update_context(dialog_manager).i18n).items())}


async def get_apply(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = await get_template(dialog_manager)
    data["calendar_min"] = await _calendar_min(dialog_manager)
    raw_from = dialog_manager.dialog_data.get("apply_from")
    data["date_from"] = (
        day_label(update_context(dialog_manager).i18n, date.fromisoformat(raw_from))
        if raw_from
        else ""
    )
    return data


async def get_reasons(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    organization_id = dialog_manager.dialog_data["organization_id"]
    organization = await context.session.get(Organization, organization_id)
    assert organization is not None
    settings = await planning_settings(context.session, organization_id)
    reasons = await cancellation_reasons(context.session, organization_id)
    lines = [
        context.i18n.get(
            "planning-reason-line-document" if r.needs_document else "planning-reason-line",
            title=r.title,
        )
        for r in reasons
    ]
    return {
        "hours": organization.short_notice_hours,
        "fine": context.i18n.money(settings.cancellation_fine, organization.currency),
        "weekly_cap": settings.weekly_hours_cap or 0,
        "lines": "\n".join(lines),
        "is_empty": not reasons,
        "reasons": [
            (r.id, context.i18n.get("planning-reason-remove", title=r.title)) for r in reasons
        ],
    }


async def get_reason_document(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"title": dialog_manager.dialog_data["reason_title"]}


async def get_approvals(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Cancellation documents and exchange requests in one inbox."""
    context = update_context(dialog_manager)
    organization_id = dialog_manager.dialog_data["organization_id"]
    pending = await pending_approvals(
        context.session, user_id=context.user.id, organization_id=organization_id
    )
    exchanges = await pending_exchange_approvals(
        context.session, user_id=context.user.id, organization_id=organization_id
    )
    items = [
        (
            f"{CANCELLATION_KEY}:{p.cancellation_id}",
            context.i18n.get(
                "planning-approval-button",
                name=p.employee_name,
                date=day_label(context.i18n, p.local_date),
                start=hhmm(p.start_time),
            ),
        )
        for p in pending
    ] + [
        (
            e.key,
            context.i18n.get(
                "planning-exchange-button",
                what=e.kind.value,
                name=e.employee,
                date=day_label(context.i18n, e.shift.local_date),
                start=hhmm(e.shift.start_time),
            ),
        )
        for e in exchanges
    ]
    return {"approvals": items, "is_empty": not items}


async def current_exchange(dialog_manager: DialogManager) -> ExchangeApproval | None:
    context = update_context(dialog_manager)
    pending = await pending_exchange_approvals(
        context.session,
        user_id=context.user.id,
        organization_id=dialog_manager.dialog_data["organization_id"],
    )
    wanted = dialog_manager.dialog_data.get("exchange_key")
    return next((e for e in pending if e.key == wanted), None)


async def get_exchange_approval(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    approval = await current_exchange(dialog_manager)
    if approval is None:
        return {"found": False, "is_swap": False}
    other_shift = approval.other_shift
    return {
        "found": True,
        "is_swap": other_shift is not None,
        "what": approval.kind.value,
        "name": approval.employee,
        "other": approval.other,
        **shift_args(context.i18n, approval.shift),
        **(shift_args(context.i18n, other_shift, "other_") if other_shift else {}),
    }


async def current_approval(dialog_manager: DialogManager) -> PendingApproval | None:
    context = update_context(dialog_manager)
    pending = await pending_approvals(
        context.session,
        user_id=context.user.id,
        organization_id=dialog_manager.dialog_data["organization_id"],
    )
    wanted = dialog_manager.dialog_data.get("approval_id")
    return next((p for p in pending if p.cancellation_id == wanted), None)


async def get_approval(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    approval = await current_approval(dialog_manager)
    if approval is None:
        return {"found": False}
    organization = await context.session.get(
        Organization, dialog_manager.dialog_data["organization_id"]
    )
    assert organization is not None
    return {
        "found": True,
        "name": approval.employee_name,
        "object_name": approval.object_name,
        "date": day_label(context.i18n, approval.local_date),
        "start": hhmm(approval.start_time),
        "end": hhmm(approval.end_time),
        "reason": approval.reason_title,
        "photos": len(approval.documents),
        "fine": context.i18n.money(approval.fine_amount, organization.currency)
        if approval.fine_amount
        else context.i18n.get("planning-no-fine"),
    }


async def get_move_day(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {
        "name": dialog_manager.dialog_data["move_name"],
        "calendar_min": await _calendar_min(dialog_manager),
    }


async def get_move_targets(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The object's other slots of the chosen day, where the employee may be moved."""
    context = update_context(dialog_manager)
    day = _day(dialog_manager, "move_day")
    views = await object_schedule(
        context.session,
        user_id=context.user.id,
        object_id=dialog_manager.dialog_data["object_id"],
        local_date=day,
    )
    targets = [
        (v.slot_id, _slot_label(context.i18n, "planning-slot-button", v))
        for v in views
        if v.slot_id != dialog_manager.dialog_data["slot_id"]
    ]
    return {
        "name": dialog_manager.dialog_data["move_name"],
        "date": day_label(context.i18n, day),
        "targets": targets,
        "no_targets": not targets,
    }
