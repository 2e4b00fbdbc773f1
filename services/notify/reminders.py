"""Reminders before planned shifts (C9), enqueued by the scheduler.

A reminder is due `reminder_lead_minutes` (per user, default 60) before the shift's
start. It is written to the outbox one tick before it is due, with its moment moved
earlier by a stable offset within `reminder_spread_seconds`, so that a thousand 09:00
shifts do not all send at the same second. The dedup key (shift, holder and start) makes
the job safe to run any number of times, and a shift that changed hands (give-away, swap)
reminds its new holder. A reminder already queued is checked against the shift as it is
when it is sent (`reminder_is_current`): one for a shift since moved, cancelled or given
away is dropped, and the shift as it is now gets its own.
"""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import SHIFT_REMINDER, notify
from services.notify.settings import REMINDER_LEAD_CHOICES
from services.platform.db.models import (
    NotificationPreferences,
    OutboxMessage,
    PlannedShift,
    PlannedShiftStatus,
    WorkObject,
)
from services.platform.db.models.notification_prefs import DEFAULT_REMINDER_LEAD_MINUTES

if TYPE_CHECKING:
    from services.platform.scheduler import JobContext


def spread_offset(shift_id: int, spread_seconds: int) -> timedelta:
    """A stable pseudo-random offset in [0, spread) for one shift (Knuth's hash)."""
    if spread_seconds <= 0:
        return timedelta(0)
    return timedelta(seconds=(shift_id * 2654435761) % (2**32) % spread_seconds)


def reminder_moment(
    starts_at: datetime, lead_minutes: int, shift_id: int, spread_seconds: int
) -> datetime:
    return starts_at - timedelta(minutes=lead_minutes) - spread_offset(shift_id, spread_seconds)


async def enqueue_shift_reminders(context: "JobContext") -> int:
    """Write the reminders due before the next tick; returns how many were considered."""
    notifier = context.settings.notifier
    ahead = timedelta(seconds=notifier.scheduler_interval_seconds)
    horizon = (
        context.now
        + timedelta(minutes=max(REMINDER_LEAD_CHOICES), seconds=notifier.reminder_spread_seconds)
        + ahead
    )
    rows = await context.session.execute(
        select(PlannedShift, WorkObject, NotificationPreferences.reminder_lead_minutes)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .outerjoin(NotificationPreferences, NotificationPreferences.user_id == PlannedShift.user_id)
        .where(
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.starts_at > context.now,
            PlannedShift.starts_at <= horizon,
        )
    )
    enqueued = 0
    for shift, work_object, lead_minutes in rows:
        due = reminder_moment(
            shift.starts_at,
            lead_minutes or DEFAULT_REMINDER_LEAD_MINUTES,
            shift.id,
            notifier.reminder_spread_seconds,
        )
        if due > context.now + ahead:
            continue
        local_start = shift.starts_at.astimezone(ZoneInfo(work_object.timezone))
        await notify(
            context.session,
            kind=SHIFT_REMINDER.name,
            dedup_key=(
                f"shift_reminder:{shift.id}:{shift.user_id}:{int(shift.starts_at.timestamp())}"
            ),
            not_before=due,
            recipient_user_id=shift.user_id,
            organization_id=work_object.organization_id,
            payload={
                "object_name": work_object.name,
                "start_time": local_start.strftime("%H:%M"),
                "start_date": local_start.strftime("%d.%m"),
                "timezone": work_object.timezone,
                "shift_id": shift.id,
                "starts_at": shift.starts_at.isoformat(),
                "buttons": [
                    {"text_key": "notify-button-open-shift", "start_payload": f"shift_{shift.id}"}
                ],
            },
        )
        enqueued += 1
    return enqueued


async def reminder_is_current(session: AsyncSession, reminder: OutboxMessage) -> bool:
    """The reminder's shift is still planned, still its recipient's and still starts when
    the reminder says."""
    shift_id = reminder.payload.get("shift_id")
    if shift_id is None:  # queued before reminders named their shift
        return True
    shift = await session.get(PlannedShift, shift_id)
    return (
        shift is not None
        and shift.status == PlannedShiftStatus.PLANNED
        and shift.user_id == reminder.recipient_user_id
        and shift.starts_at == datetime.fromisoformat(reminder.payload["starts_at"])
    )
