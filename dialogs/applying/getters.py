from typing import Any
from zoneinfo import ZoneInfo

from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment, MediaId

from dialogs.common.context import update_context
from services.hiring.applications import live_application_of, my_application
from services.hiring.decisions import interview_when
from services.hiring.vacancies import vacancy_by_code
from services.platform.db.models import (
    ApplicationStatus,
    InterviewAnswer,
    WorkObject,
)

CONSENT_WIDGET = "shares_ratings"


async def get_vacancy(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await vacancy_by_code(context.session, dialog_manager.dialog_data["code"])
    live = await live_application_of(context.session, context.user, view.id)
    return {
        "organization": view.organization_name,
        "object": view.object_name,
        "position": view.position,
        "pay": view.pay,
        "schedule": view.schedule,
        "address": view.address,
        "photo": MediaAttachment(type="photo", file_id=MediaId(view.photo_file_id))
        if view.photo_file_id
        else None,
        "can_apply": view.is_open and live is None,
        "is_closed": not view.is_open,
        "has_applied": live is not None,
    }


async def get_name(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"telegram_name": update_context(dialog_manager).user.display_name}


async def get_status(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    application = await my_application(
        context.session, context.user, dialog_manager.dialog_data["application_id"]
    )
    work_object = await context.session.get(WorkObject, application.object_id)
    assert work_object is not None
    status = ApplicationStatus(application.status)
    return {
        "object": work_object.name,
        "status": context.i18n.get(f"hiring-status-{status}"),
        "interview": interview_when(application.interview_at, ZoneInfo(work_object.timezone))
        if application.interview_at and status == ApplicationStatus.INTERVIEW
        else "",
        "place": application.interview_place
        if not application.interview_online
        else context.i18n.get("hiring-online"),
        "note": application.interview_note,
        "reason": application.reject_reason,
        "is_rejected": status == ApplicationStatus.REJECTED,
        "is_live": status in (ApplicationStatus.NEW, ApplicationStatus.INTERVIEW),
        "can_answer": status == ApplicationStatus.INTERVIEW
        and application.interview_answer == InterviewAnswer.PENDING,
        "answered": status == ApplicationStatus.INTERVIEW
        and application.interview_answer != InterviewAnswer.PENDING,
        "answer": context.i18n.get(f"hiring-answer-{application.interview_answer}")
        if application.interview_answer
        else "",
    }
