from typing import Any

from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment, MediaId

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.hiring.queries import application_card, hiring_pipelines, object_applications
from services.hiring.rules import REJECTION_TEMPLATES
from services.hiring.vacancies import object_vacancy, vacancy_link
from services.platform.db.models import ApplicationStatus, InterviewAnswer, WorkObject
from services.platform.i18n import fluent_args
from services.platform.local_time import local_today

INTERVIEW_HOURS = list(range(8, 22))
INTERVIEW_MINUTES = [0, 15, 30, 45]


async def get_pipelines(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    pipelines = await hiring_pipelines(
        context.session, await actor_of(dialog_manager), context.clock
    )
    lines = [
        context.i18n.get(
            "hiring-pipeline-line",
            **fluent_args(
                {
                    "object": p.object_name,
                    "new": p.pipeline.new,
                    "interview": p.pipeline.interview,
                    "hired": p.pipeline.hired,
                    "rejected": p.pipeline.rejected,
                    "waiting": p.pipeline.oldest_untouched_hours
                    if p.pipeline.oldest_untouched_hours is not None
                    else -1,
                }
            ),
        )
        for p in pipelines
    ]
    return {
        "objects": [(p.object_id, p.object_name) for p in pipelines],
        "lines": "\n".join(lines),
        "no_objects": not pipelines,
    }


async def get_object(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    object_id = dialog_manager.dialog_data["object_id"]
    view = await object_vacancy(context.session, await actor_of(dialog_manager), object_id)
    work_object = await context.session.get(WorkObject, object_id)
    assert work_object is not None
    me = await context.bot.me()
    data: dict[str, Any] = {
        "object": work_object.name,
        "has_vacancy": view is not None,
        "no_vacancy": view is None,
        "is_open": bool(view and view.is_open),
        "is_closed": bool(view and not view.is_open),
    }
    if view is not None:
        data |= {
            "position": view.position,
            "pay": view.pay,
            "schedule": view.schedule,
            "address": view.address,
            "link": vacancy_link(me.username or "", view.code),
        }
    return data


async def get_address(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    work_object = await context.session.get(WorkObject, dialog_manager.dialog_data["object_id"])
    assert work_object is not None
    return {"object_address": work_object.address or ""}


async def get_applications(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    rows = await object_applications(
        context.session, await actor_of(dialog_manager), dialog_manager.dialog_data["object_id"]
    )
    return {
        "applications": [
            (row.id, f"{context.i18n.get(f'hiring-status-icon-{row.status}')} {row.name}")
            for row in rows
        ],
        "none": not rows,
    }


async def get_application(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    card = await application_card(
        context.session,
        await actor_of(dialog_manager),
        context.clock,
        dialog_manager.dialog_data["application_id"],
    )
    live = card.status in (ApplicationStatus.NEW, ApplicationStatus.INTERVIEW)
    elsewhere = card.ratings_elsewhere
    return {
        "object": card.object_name,
        "name": card.name,
        "phone": card.phone,
        "experience": card.experience,
        "availability": card.availability,
        "status": context.i18n.get(f"hiring-status-{card.status}"),
        "applied": card.applied,
        "interview": card.interview,
        "interview_place": card.interview_place
        if not card.interview_online
        else context.i18n.get("hiring-online"),
        "interview_note": card.interview_note,
        "answer": context.i18n.get(f"hiring-answer-{card.interview_answer}")
        if card.interview_answer
        else "",
        "reject_reason": card.reject_reason,
        "has_interview": bool(card.interview) and card.status == ApplicationStatus.INTERVIEW,
        "is_rejected": card.status == ApplicationStatus.REJECTED,
        "is_live": live,
        "can_make_contract": card.hired_membership_id is not None,
        "shares_ratings": elsewhere is not None,
        "rating_average": context.i18n.number(elsewhere.average)
        if elsewhere and elsewhere.average is not None
        else "—",
        "rating_count": elsewhere.count if elsewhere else 0,
        "photo": MediaAttachment(type="photo", file_id=MediaId(card.photo_file_id))
        if card.photo_file_id
        else None,
        "answer_asks_other": card.interview_answer == InterviewAnswer.ANOTHER_TIME,
    }


async def get_interview_day(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    card_object = await context.session.get(WorkObject, dialog_manager.dialog_data["object_id"])
    assert card_object is not None
    return {"calendar_min": local_today(context.clock.now(), card_object.timezone)}


async def get_time_choices(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {
        "hours": [(hour, f"{hour:02d}") for hour in INTERVIEW_HOURS],
        "minutes": [(minute, f":{minute:02d}") for minute in INTERVIEW_MINUTES],
        "hour": dialog_manager.dialog_data.get("hour", 0),
    }


async def get_reject_templates(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    i18n = update_context(dialog_manager).i18n
    return {
        "templates": [
            (key, i18n.get(f"hiring-reject-template-{key}-button")) for key in REJECTION_TEMPLATES
        ]
    }
