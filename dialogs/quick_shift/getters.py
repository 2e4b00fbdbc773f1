from datetime import date, time, timedelta
from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.planning.widgets import day_label
from services.planning.queries import object_employees, planning_objects
from services.planning.quick import likely_times, preview_week_copy
from services.platform.db.models import WorkObject
from services.platform.local_time import hhmm, local_today


def times_label(start: time, end: time) -> str:
    return f"{hhmm(start)}–{hhmm(end)}"


def times_id(start: time, end: time) -> str:
    return f"{hhmm(start)}-{hhmm(end)}"


async def _object(manager: DialogManager) -> WorkObject:
    work_object = await update_context(manager).session.get(
        WorkObject, manager.dialog_data["object_id"]
    )
    assert work_object is not None
    return work_object


async def get_objects(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    objects = await planning_objects(
        context.session, user_id=context.user.id, organization_id=actor.organization_id
    )
    return {"objects": [(o.id, o.name) for o in objects], "no_objects": not objects}


async def get_day(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    work_object = await _object(dialog_manager)
    return {
        "object": work_object.name,
        "calendar_min": local_today(context.clock.now(), work_object.timezone),
    }


async def get_times(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    work_object = await _object(dialog_manager)
    day = date.fromisoformat(dialog_manager.dialog_data["day"])
    choices = await likely_times(
        context.session, user_id=context.user.id, object_id=work_object.id, local_date=day
    )
    return {
        "object": work_object.name,
        "date": day_label(context.i18n, day),
        "times": [(times_id(start, end), times_label(start, end)) for start, end in choices],
        "no_times": not choices,
    }


async def get_employees(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    data = await get_times(dialog_manager)
    employees = await object_employees(
        context.session, user_id=context.user.id, object_id=dialog_manager.dialog_data["object_id"]
    )
    start, end = dialog_manager.dialog_data["times"].split("-")
    return data | {
        "hours": f"{start}–{end}",
        "employees": employees,
        "no_employees": not employees,
    }


async def get_done(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = await get_employees(dialog_manager)
    return data | {"employee": dialog_manager.dialog_data.get("employee", "")}


async def get_copy_preview(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    work_object = await _object(dialog_manager)
    preview = await preview_week_copy(
        context.session, context.clock, user_id=context.user.id, object_id=work_object.id
    )
    i18n = context.i18n
    conflicts = [
        i18n.get(
            "quick-copy-conflict",
            employee=conflict.employee_name,
            date=day_label(i18n, conflict.local_date),
            hours=times_label(conflict.start, conflict.end),
            why=i18n.get(f"error-{conflict.code}"),
        )
        for conflict in preview.conflicts
    ]
    return {
        "object": work_object.name,
        "source": f"{day_label(i18n, preview.source_monday)}–"
        f"{day_label(i18n, preview.source_monday + timedelta(days=6))}",
        "target": f"{day_label(i18n, preview.target_monday)}–"
        f"{day_label(i18n, preview.target_monday + timedelta(days=6))}",
        "slots": preview.slots,
        "people": preview.people,
        "conflicts": "\n".join(conflicts),
        "has_conflicts": bool(conflicts),
        "has_slots": preview.slots > 0,
        "nothing": preview.slots == 0,
    }
