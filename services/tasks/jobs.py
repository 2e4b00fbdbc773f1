"""Scheduled jobs of shift tasks: reminding employees of the tasks still open near the
end of their shift."""

from datetime import timedelta

from sqlalchemy import select

from services.notify.outbox import TASKS_UNFINISHED, UserNotification, notify_many
from services.platform.db.models import Shift, ShiftStatus, ShiftTask, ShiftTaskStatus, WorkObject
from services.platform.local_time import local_hhmm
from services.platform.scheduler import JobContext, ScheduledJob

# An employee with tasks still open is reminded this long before the shift's end.
UNFINISHED_TASKS_REMINDER_LEAD = timedelta(minutes=30)


async def remind_unfinished_tasks_job(context: JobContext) -> int:
    """Once per shift, remind the employee of the tasks still open when the shift's
    scheduled end is `UNFINISHED_TASKS_REMINDER_LEAD` away or nearer. Returns how many
    shifts have such tasks."""
    rows = await context.session.execute(
        select(Shift, WorkObject, ShiftTask.title)
        .join(ShiftTask, ShiftTask.shift_id == Shift.id)
        .join(WorkObject, WorkObject.id == Shift.object_id)
        .where(
            Shift.status == ShiftStatus.OPEN,
            Shift.scheduled_end_at > context.now,
            Shift.scheduled_end_at <= context.now + UNFINISHED_TASKS_REMINDER_LEAD,
            ShiftTask.status == ShiftTaskStatus.OPEN,
        )
        .order_by(Shift.id, ShiftTask.mandatory.desc(), ShiftTask.id)
    )
    open_titles: dict[int, tuple[Shift, WorkObject, list[str]]] = {}
    for shift, work_object, title in rows:
        open_titles.setdefault(shift.id, (shift, work_object, []))[2].append(title)
    await notify_many(
        context.session,
        kind=TASKS_UNFINISHED.name,
        not_before=context.now,
        notifications=[
            UserNotification(
                shift.user_id,
                f"{TASKS_UNFINISHED.name}:{shift.id}",
                {
                    "object": work_object.name,
                    "end_time": local_hhmm(shift.scheduled_end_at, work_object.timezone),
                    "count": len(titles),
                    "tasks": "\n".join(f"• {title}" for title in titles),
                    "timezone": work_object.timezone,
                },
                shift.organization_id,
            )
            for shift, work_object, titles in open_titles.values()
        ],
    )
    return len(open_titles)


JOBS = [ScheduledJob("unfinished_tasks_reminders", remind_unfinished_tasks_job)]
