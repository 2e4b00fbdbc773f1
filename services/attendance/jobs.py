"""Scheduled jobs of attendance."""

from services.attendance.clock import auto_close_job, not_clocked_in_job
from services.platform.scheduler import ScheduledJob

JOBS = [
    ScheduledJob("not_clocked_in_alerts", not_clocked_in_job),
    ScheduledJob("auto_close_shifts", auto_close_job),
]
