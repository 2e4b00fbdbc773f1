"""What the employee's schedule windows show. Getters only read."""

from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from dialogs.common.media import orchestrator_of
from dialogs.planning.widgets import day_label
from services.media_orchestrator import MediaFlowExpired
from services.planning.cancellations import cancellation_reasons, cancellation_terms
from services.planning.queries import ScheduleEntry, my_schedule
from services.platform.db.models import Organization, PlannedShift, WorkObject
from services.platform.i18n import Translator
from services.platform.local_time import hhmm


def _shift_args(i18n: Translator, entry: ScheduleEntry) -> dict[str, Any]:
    return {
        "date": day_label(i18n, entry.local_date),
        "start": hhmm(entry.start_time),
        "end": hhmm(entry.end_time),
        "object_name": entry.object_name,
    }


async def _entries(manager: DialogManager) -> list[ScheduleEntry]:
    context = update_context(manager)
    return await my_schedule(context.session, context.clock, user_id=context.user.id)


async def get_schedule(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    entries = await _entries(dialog_manager)
    return {
        "lines": "\n".join(
            context.i18n.get("schedule-line", **_shift_args(context.i18n, e)) for e in entries
        ),
        "is_empty": not entries,
        "has_shifts": bool(entries),
        "shifts": [
            (e.planned_shift_id, context.i18n.get("schedule-line", **_shift_args(context.i18n, e)))
            for e in entries
        ],
    }


async def _chosen_shift(manager: DialogManager) -> ScheduleEntry | None:
    wanted = manager.dialog_data.get("planned_shift_id")
    return next((e for e in await _entries(manager) if e.planned_shift_id == wanted), None)


async def get_cancel_reasons(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    entry = await _chosen_shift(dialog_manager)
    if entry is None:
        return {"found": False, "reasons": [], "no_reasons": False}
    planned_shift = await context.session.get(PlannedShift, entry.planned_shift_id)
    assert planned_shift is not None
    work_object = await context.session.get(WorkObject, planned_shift.object_id)
    assert work_object is not None
    reasons = await cancellation_reasons(context.session, work_object.organization_id)
    return {
        "found": True,
        **_shift_args(context.i18n, entry),
        "reasons": [
            (
                r.id,
                context.i18n.get("schedule-reason-button-document", title=r.title)
                if r.needs_document
                else r.title,
            )
            for r in reasons
        ],
        "no_reasons": not reasons,
    }


async def get_document(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    try:
        flow = await orchestrator_of(dialog_manager).get(dialog_manager.dialog_data["flow_id"])
    except MediaFlowExpired:
        return {"expired": True, "reason": "", "count": 0, "has_photos": False}
    return {
        "expired": False,
        "reason": dialog_manager.dialog_data.get("reason_title", ""),
        "count": len(flow.items),
        "max_items": flow.limits.max_items,
        "has_photos": bool(flow.items),
    }


async def get_confirm(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    entry = await _chosen_shift(dialog_manager)
    if entry is None:
        return {"found": False}
    terms = await cancellation_terms(
        context.session,
        context.clock,
        user_id=context.user.id,
        planned_shift_id=entry.planned_shift_id,
    )
    currency = await _currency(dialog_manager, entry.planned_shift_id)
    return {
        "found": True,
        **_shift_args(context.i18n, entry),
        "reason": dialog_manager.dialog_data.get("reason_title", ""),
        "has_fine": terms.fine is not None,
        "fine": context.i18n.money(terms.fine, currency) if terms.fine is not None else "",
        "hours": terms.short_notice_hours,
        "needs_approval": bool(dialog_manager.dialog_data.get("flow_id")),
    }


async def _currency(manager: DialogManager, planned_shift_id: int) -> str:
    context = update_context(manager)
    planned_shift = await context.session.get(PlannedShift, planned_shift_id)
    assert planned_shift is not None
    work_object = await context.session.get(WorkObject, planned_shift.object_id)
    assert work_object is not None
    organization = await context.session.get(Organization, work_object.organization_id)
    assert organization is not None
    return organization.currency
