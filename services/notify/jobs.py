"""Scheduled jobs of notifications."""

from services.notify.reminders import enqueue_shift_reminders
from services.platform.scheduler import ScheduledJob

JOBS = [ScheduledJob("shift_reminders", enqueue_shift_reminders)]
