"""Scheduled jobs of reports."""

from services.platform.clock import ManualClock
from services.platform.scheduler import JobContext, ScheduledJob
from services.reports.daily_summary import queue_daily_summaries


async def daily_summary_job(context: JobContext) -> int:
    """Owners' and managers' daily summaries due at this tick; returns how many were queued."""
    return await queue_daily_summaries(context.session, ManualClock(context.now))


JOBS = [ScheduledJob("daily_summaries", daily_summary_job)]
