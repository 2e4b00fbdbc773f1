"""Scheduled job of incidents: unanswered incidents lapse (count as accepted) once the
employee's 72 hours are over."""

from services.incidents.incidents import lapse_unanswered_incidents
from services.platform.clock import ManualClock
from services.platform.scheduler import JobContext, ScheduledJob


async def lapse_unanswered_incidents_job(context: JobContext) -> int:
    return await lapse_unanswered_incidents(context.session, ManualClock(context.now))


JOBS = [ScheduledJob("incidents_lapse_unanswered", lapse_unanswered_incidents_job)]
