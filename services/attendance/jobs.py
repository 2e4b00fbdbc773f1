"""Scheduled jobs of attendance: auto-closing overdue shifts and telling the object's
owners and managers about employees who have not clocked in."""

from datetime import timedelta

from sqlalchemy import exists, select

from services.attendance.clock_out import auto_close_overdue_shifts
from services.attendance.feed import feed_user_ids, today_buttons
from services.notify.outbox import NOT_CLOCKED_IN, UserNotification, notify_many
from services.platform.clock import ManualClock
from services.platform.db.models import (
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    ShiftStatus,
    User,
    WorkObject,
)
from services.platform.local_time import local_hhmm
from services.platform.scheduler import JobContext, ScheduledJob


async def auto_close_job(context: JobContext) -> int:
    """Auto-close at the tick's moment; returns how many closed."""
    return len(await auto_close_overdue_shifts(context.session, ManualClock(context.now)))


async def not_clocked_in_job(context: JobContext) -> int:
    """Once per planned shift, tell the object's owners and managers that its employee
    has not clocked in the object's `not_clocked_in_alert_minutes` after the planned start
    (while the planned shift lasts; a shift opened for it, or any open shift of the
    employee at that object, means they are there). Returns how many planned shifts are
    past their alert moment (each is reported once)."""
    now = context.now
    worked = exists().where(Shift.planned_shift_id == PlannedShift.id)
    on_shift_here = exists().where(
        Shift.user_id == PlannedShift.user_id,
        Shift.object_id == PlannedShift.object_id,
        Shift.status == ShiftStatus.OPEN,
    )
    rows = await context.session.execute(
        select(PlannedShift, WorkObject, User)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .join(User, User.id == PlannedShift.user_id)
        .where(
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.starts_at < now,
            PlannedShift.ends_at > now,
            ~worked,
            ~on_shift_here,
        )
        .order_by(PlannedShift.id)
    )
    recipients: dict[int, list[int]] = {}
    alerts: list[UserNotification] = []
    reported = 0
    for planned, work_object, employee in rows:
        if now < planned.starts_at + timedelta(minutes=work_object.not_clocked_in_alert_minutes):
            continue
        if work_object.id not in recipients:
            recipients[work_object.id] = await feed_user_ids(context.session, work_object)
        payload = {
            "employee": employee.display_name,
            "object": work_object.name,
            "start_time": local_hhmm(planned.starts_at, work_object.timezone),
            "minutes": int((now - planned.starts_at).total_seconds() // 60),
            "timezone": work_object.timezone,
            "buttons": today_buttons(employee.telegram_id),
        }
        alerts += [
            UserNotification(
                recipient,
                f"{NOT_CLOCKED_IN.name}:{planned.id}:u{recipient}",
                payload,
                work_object.organization_id,
            )
            for recipient in recipients[work_object.id]
        ]
        reported += 1
    await notify_many(
        context.session, kind=NOT_CLOCKED_IN.name, not_before=now, notifications=alerts
    )
    return reported


JOBS = [
    ScheduledJob("not_clocked_in_alerts", not_clocked_in_job),
    ScheduledJob("auto_close_shifts", auto_close_job),
]
