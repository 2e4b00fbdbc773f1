"""Scheduled jobs of hiring: the reminder two hours before an interview (to the
candidate and to those who hire at the object) and the reminder of an application
nobody has acted on for 48 hours."""

from zoneinfo import ZoneInfo

from sqlalchemy import select

from services.attendance.feed import staff_manager_ids
from services.hiring.decisions import interview_when
from services.hiring.rules import (
    APPLICATION_PAYLOAD_PREFIX,
    INTERVIEW_REMINDER_BEFORE,
    MY_APPLICATION_PAYLOAD_PREFIX,
    UNTOUCHED_AFTER,
)
from services.notify.outbox import (
    HIRING_INTERVIEW_REMINDER,
    HIRING_UNTOUCHED,
    UserNotification,
    notify_many,
)
from services.platform.db.models import ApplicationStatus, JobApplication, WorkObject
from services.platform.scheduler import JobContext, ScheduledJob


def _button(text_key: str, payload: str) -> list[dict[str, str]]:
    return [{"text_key": text_key, "start_payload": payload}]


async def interview_reminders_job(context: JobContext) -> int:
    """Once per interview moment (a moved interview is reminded again), within the two
    hours before it. Returns how many interviews were reminded."""
    now = context.now
    rows = await context.session.execute(
        select(JobApplication, WorkObject)
        .join(WorkObject, WorkObject.id == JobApplication.object_id)
        .where(
            JobApplication.status == ApplicationStatus.INTERVIEW,
            JobApplication.interview_at > now,
            JobApplication.interview_at <= now + INTERVIEW_REMINDER_BEFORE,
        )
        .order_by(JobApplication.id)
    )
    reminders: list[UserNotification] = []
    reminded = 0
    for application, work_object in rows:
        assert application.interview_at is not None
        cause = f"{application.id}:{application.interview_at.isoformat()}"
        payload = {
            "candidate": application.name,
            "object": work_object.name,
            "when": interview_when(application.interview_at, ZoneInfo(work_object.timezone)),
            "online": "yes" if application.interview_online else "no",
            "place": application.interview_place,
        }
        reminders.append(
            UserNotification(
                application.candidate_user_id,
                f"{HIRING_INTERVIEW_REMINDER.name}:{cause}:candidate",
                payload
                | {
                    "buttons": _button(
                        "notify-button-my-application",
                        f"{MY_APPLICATION_PAYLOAD_PREFIX}{application.id}",
                    )
                },
            )
        )
        reminders += [
            UserNotification(
                recipient,
                f"{HIRING_INTERVIEW_REMINDER.name}:{cause}:u{recipient}",
                payload
                | {
                    "buttons": _button(
                        "notify-button-open-application",
                        f"{APPLICATION_PAYLOAD_PREFIX}{application.id}",
                    )
                },
                application.organization_id,
            )
            for recipient in await staff_manager_ids(context.session, work_object)
        ]
        reminded += 1
    await notify_many(
        context.session,
        kind=HIRING_INTERVIEW_REMINDER.name,
        not_before=now,
        notifications=reminders,
    )
    return reminded


async def untouched_applications_job(context: JobContext) -> int:
    """Once per application: new and not acted on for 48 hours → those who hire at
    its object are reminded. Returns how many applications are that old."""
    now = context.now
    rows = await context.session.execute(
        select(JobApplication, WorkObject)
        .join(WorkObject, WorkObject.id == JobApplication.object_id)
        .where(
            JobApplication.status == ApplicationStatus.NEW,
            JobApplication.touched_at.is_(None),
            JobApplication.created_at <= now - UNTOUCHED_AFTER,
        )
        .order_by(JobApplication.id)
    )
    reminders: list[UserNotification] = []
    waiting = 0
    for application, work_object in rows:
        payload = {
            "candidate": application.name,
            "object": work_object.name,
            "hours": int((now - application.created_at).total_seconds() // 3600),
            "buttons": _button(
                "notify-button-open-application", f"{APPLICATION_PAYLOAD_PREFIX}{application.id}"
            ),
        }
        reminders += [
            UserNotification(
                recipient,
                f"{HIRING_UNTOUCHED.name}:{application.id}:u{recipient}",
                payload,
                application.organization_id,
            )
            for recipient in await staff_manager_ids(context.session, work_object)
        ]
        waiting += 1
    await notify_many(
        context.session, kind=HIRING_UNTOUCHED.name, not_before=now, notifications=reminders
    )
    return waiting


JOBS = [
    ScheduledJob("hiring_interview_reminders", interview_reminders_job),
    ScheduledJob("hiring_untouched_applications", untouched_applications_job),
]
