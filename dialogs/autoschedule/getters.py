"""What the fill-the-week windows show. Getters only read."""

from datetime import date
from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from dialogs.common.labor import labor_line
from services.planning.queries import planning_objects
from services.planning.work_limits import organization_limits
from services.planning.work_rules import week_of
from services.platform.db.models import DraftAssignment, User, WorkObject
from services.platform.local_time import local_hhmm, local_today
from services.scheduling.queries import (
    draft_summary,
    replacement_candidates,
)
from services.scheduling.sales import week_labor
from services.scheduling.settings import travel_times
from services.scheduling.solver import GOALS

# The summary is one chat message (at most 4096 characters).
PEOPLE_SHOWN = 15


def chosen_week(manager: DialogManager) -> tuple[date, ...]:
    return week_of(date.fromisoformat(manager.dialog_data["week"]))


def chosen_objects(manager: DialogManager) -> int | None:
    return manager.dialog_data.get("object_id") or None


async def get_scope(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    objects = await planning_objects(
        context.session,
        user_id=context.user.id,
        organization_id=dialog_manager.dialog_data["organization_id"],
    )
    return {"objects": [(o.id, o.name) for o in objects], "has_objects": bool(objects)}


async def get_weeks(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    today = local_today(context.clock.now(), dialog_manager.dialog_data["timezone"])
    weeks = [week_of(today), week_of(date.fromordinal(today.toordinal() + 7))]
    i18n = context.i18n
    return {
        "weeks": [
            (week[0].isoformat(), f"{i18n.short_day(week[0])} – {i18n.short_day(week[-1])}")
            for week in weeks
        ]
    }


async def get_summary(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    data = dialog_manager.dialog_data
    object_id = chosen_objects(dialog_manager)
    week = chosen_week(dialog_manager)
    summary = await draft_summary(
        context.session, context.clock, data["organization_id"], data["object_ids"], week
    )
    i18n = context.i18n
    hours = "\n".join(
        i18n("autoschedule-person-hours", name=name, hours=hours)
        for name, hours in summary.hours[:PEOPLE_SHOWN]
    )
    if len(summary.hours) > PEOPLE_SHOWN:
        hours += "\n" + i18n("autoschedule-more", count=len(summary.hours) - PEOPLE_SHOWN)
    return {
        "first_day": i18n.short_day(week[0]),
        "last_day": i18n.short_day(week[-1]),
        "filled": summary.filled,
        "places": summary.places,
        "cost": i18n.money(summary.cost),
        "overtime": summary.overtime_hours,
        "solve_s": data.get("solve_s", "0"),
        "limit_s": data.get("limit_s", "0"),
        "proven": data.get("proven", False),
        "not_proven": not data.get("proven", False),
        "person_hours": hours,
        "has_hours": bool(summary.hours),
        "empty_lines": "\n".join(data.get("empty_lines", [])),
        "has_empty": bool(data.get("empty_lines")),
        "has_drafts": summary.filled > 0,
        "goals": " → ".join(i18n(f"autoschedule-goal-{goal.key}") for goal in GOALS),
        "whole_organization": object_id is None,
    }


async def get_review(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    data = dialog_manager.dialog_data
    summary = await draft_summary(
        context.session,
        context.clock,
        data["organization_id"],
        data["object_ids"],
        chosen_week(dialog_manager),
    )
    i18n = context.i18n
    drafts = [
        (
            line.draft_id,
            i18n(
                "autoschedule-draft-line",
                day=i18n.short_day(local_today(line.starts_at, line.timezone)),
                start=local_hhmm(line.starts_at, line.timezone),
                end=local_hhmm(line.ends_at, line.timezone),
                object=line.object_name,
                name=line.user_name,
            ),
        )
        for line in summary.lines
    ]
    return {"drafts": drafts, "has_drafts": bool(drafts), "no_drafts": not drafts}


async def get_published(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    return {
        "published": data["published"],
        "skipped": data["skipped"],
        "people": data["people"],
        "has_skipped": data["skipped"] > 0,
    }


async def get_labor(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Labor cost, sales and labor % per object and day of the week, the draft included."""
    context = update_context(dialog_manager)
    data = dialog_manager.dialog_data
    target, days = await week_labor(
        context.session, data["organization_id"], data["object_ids"], chosen_week(dialog_manager)
    )
    i18n = context.i18n
    lines = [labor_line(i18n, day) for day in days]
    return {
        "labor_lines": "\n".join(lines) or i18n("autoschedule-labor-none"),
        "has_lines": bool(lines),
        "target": target if target is not None else "—",
        "over_days": sum(day.over_target for day in days),
    }


async def get_rules(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The limits the solver keeps and each object's travel time, each a button to change."""
    context = update_context(dialog_manager)
    data = dialog_manager.dialog_data
    limits = await organization_limits(context.session, data["organization_id"])
    values = {
        "min_rest_hours": limits.min_rest_minutes // 60,
        "max_day_hours": limits.max_day_minutes // 60,
        "max_week_hours": limits.max_week_minutes // 60,
        "max_consecutive_days": limits.max_consecutive_days,
        "overtime_week_hours": limits.overtime_week_minutes // 60,
    }
    i18n = context.i18n
    rules = [
        (f"limit:{name}", i18n(f"autoschedule-limit-{name}", value=value))
        for name, value in values.items()
    ]
    rules += [
        (f"travel:{object_id}", i18n("autoschedule-limit-travel", object=name, value=minutes))
        for object_id, name, minutes in await travel_times(context.session, data["object_ids"])
    ]
    return {"rules": rules}


async def get_draft(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """One drafted assignment and who could take the place instead."""
    context = update_context(dialog_manager)
    draft = await context.session.get(DraftAssignment, dialog_manager.dialog_data["draft_id"])
    if draft is None:
        return {"candidates": [], "has_candidates": False}
    work_object = await context.session.get(WorkObject, draft.object_id)
    user = await context.session.get(User, draft.user_id)
    assert work_object is not None and user is not None
    candidates = await replacement_candidates(context.session, context.clock, draft)
    return {
        "day": context.i18n.short_day(local_today(draft.starts_at, work_object.timezone)),
        "start": local_hhmm(draft.starts_at, work_object.timezone),
        "end": local_hhmm(draft.ends_at, work_object.timezone),
        "object": work_object.name,
        "name": user.first_name,
        "candidates": [(user_id, f"🔁 {name}") for user_id, name in candidates],
        "has_candidates": bool(candidates),
    }
