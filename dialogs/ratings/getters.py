from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.platform.db.models import MembershipRole, Shift, User, WorkObject
from services.platform.i18n import Translator, fluent_args
from services.platform.local_time import local_today
from services.ratings.queries import (
    RatingSummary,
    moderation_queue,
    my_ratings,
    object_reviews,
    objects_summary,
    review_card,
    reviewable_objects,
    team_ratings,
)
from services.ratings.rules import MAX_SCORE, MIN_SCORE

ANONYMOUS_WIDGET = "anonymous"


def _average(i18n: Translator, summary: RatingSummary) -> dict[str, Any]:
    return {
        "average": i18n.number(summary.average) if summary.average is not None else "—",
        "count": summary.count,
    }


def _scores() -> list[tuple[int, str]]:
    return [(score, f"{score} ⭐") for score in range(MIN_SCORE, MAX_SCORE + 1)]


async def get_main(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    is_employee = actor.role == MembershipRole.EMPLOYEE
    objects = (
        [] if is_employee else await objects_summary(context.session, actor, context.clock.now())
    )
    queue = await moderation_queue(context.session, actor)
    lines = [
        context.i18n.get(
            "ratings-object-line",
            **fluent_args({"object": o.name} | _average(context.i18n, o.summary)),
        )
        for o in objects
    ]
    return {
        "is_employee": is_employee,
        "is_manager": not is_employee,
        "objects": [(o.object_id, o.name) for o in objects],
        "lines": "\n".join(lines),
        "has_queue": bool(queue),
        "queue_size": len(queue),
    }


async def get_reviewable(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    objects = await reviewable_objects(context.session, await actor_of(dialog_manager))
    return {"objects": objects, "none": not objects}


async def get_scores(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"scores": _scores(), "score": dialog_manager.dialog_data.get("score", 0)}


async def get_mine(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    summary, ratings = await my_ratings(
        context.session, actor.user_id, actor.organization_id, context.clock.now()
    )
    return _average(context.i18n, summary) | {
        "ratings": [
            (r.id, f"{r.score} ⭐ · {context.i18n.day(r.rated_at.date())}") for r in ratings
        ],
        "none": not ratings,
    }


async def get_card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    card = await review_card(
        context.session,
        context.user,
        dialog_manager.dialog_data["review_id"],
        context.settings.superadmin_ids,
        context.clock.now(),
    )
    return {
        "object": card.object_name,
        "score": card.score,
        "comment": card.comment or "—",
        "author": card.author or context.i18n.get("ratings-anonymous"),
        "subject": card.subject or "",
        "has_subject": card.subject is not None,
        "status": context.i18n.get(f"ratings-status-{card.status}"),
        "appeal": context.i18n.get(f"ratings-appeal-{card.appeal_status}")
        if card.appeal_status
        else "",
        "appeal_comment": card.appeal_comment,
        "can_moderate": card.can_moderate,
        "can_appeal": card.can_appeal,
        "can_decide": card.can_decide_appeal,
    }


async def get_object_reviews(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    object_id = dialog_manager.dialog_data["object_id"]
    reviews = await object_reviews(
        context.session, await actor_of(dialog_manager), object_id, context.clock.now()
    )
    work_object = await context.session.get(WorkObject, object_id)
    assert work_object is not None
    lines = [
        context.i18n.get(
            "ratings-review-line", **fluent_args({"score": r.score, "comment": r.comment})
        )
        for r in reviews.reviews[:20]
    ]
    return _average(context.i18n, reviews.summary) | {
        "object": work_object.name,
        "lines": "\n".join(lines),
        "withheld": reviews.anonymous_withheld,
    }


async def get_team(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    team = await team_ratings(context.session, await actor_of(dialog_manager), context.clock.now())
    lines = [
        context.i18n.get(
            "ratings-team-line",
            **fluent_args({"name": person.name} | _average(context.i18n, person.summary)),
        )
        for person in team
    ]
    return {"lines": "\n".join(lines), "none": not team}


async def get_queue(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    queue = await moderation_queue(context.session, await actor_of(dialog_manager))
    return {
        "items": [(review_id, f"{score} ⭐ · {name}") for review_id, score, name in queue],
        "none": not queue,
    }


async def get_rated(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    shift = await context.session.get(Shift, dialog_manager.dialog_data["shift_id"])
    assert shift is not None
    work_object = await context.session.get(WorkObject, shift.object_id)
    assert work_object is not None
    employee = await context.session.get(User, shift.user_id)
    return {
        "scores": _scores(),
        "score": dialog_manager.dialog_data["score"],
        "employee": employee.display_name if employee else "—",
        "object": work_object.name,
        "day": context.i18n.day(local_today(shift.opened_at, work_object.timezone)),
    }
