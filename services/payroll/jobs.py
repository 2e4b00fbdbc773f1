"""Scheduled jobs of payroll."""

from services.payroll.ledger import close_due_pay_periods_job, record_missing_entries_job
from services.platform.scheduler import ScheduledJob

JOBS = [
    ScheduledJob("payroll_record_missing_entries", record_missing_entries_job),
    ScheduledJob("payroll_close_due_periods", close_due_pay_periods_job),
]
