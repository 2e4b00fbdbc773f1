"""Scheduled jobs of shift tasks."""

from services.platform.scheduler import ScheduledJob
from services.tasks.shift_tasks import remind_unfinished_tasks_job

JOBS = [ScheduledJob("unfinished_tasks_reminders", remind_unfinished_tasks_job)]
