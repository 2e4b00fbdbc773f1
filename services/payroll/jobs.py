"""Scheduled jobs of payroll: the safety net that records missing entries, and closing
the periods whose pay day has come."""

from services.payroll.closing import close_due_pay_periods
from services.payroll.ledger import record_missing_entries
from services.platform.clock import ManualClock
from services.platform.scheduler import JobContext, ScheduledJob


async def close_due_pay_periods_job(context: JobContext) -> int:
    return await close_due_pay_periods(context.session, ManualClock(context.now))


async def record_missing_entries_job(context: JobContext) -> int:
    return await record_missing_entries(context.session)


JOBS = [
    ScheduledJob("payroll_record_missing_entries", record_missing_entries_job),
    ScheduledJob("payroll_close_due_periods", close_due_pay_periods_job),
]
