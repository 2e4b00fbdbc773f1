"""Scheduled jobs of reports."""

from services.platform.scheduler import ScheduledJob
from services.reports.daily_summary import daily_summary_job

JOBS = [ScheduledJob("daily_summaries", daily_summary_job)]
