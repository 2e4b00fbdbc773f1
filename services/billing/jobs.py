"""Scheduled jobs of billing."""

from services.billing.subscriptions import (
    expire_subscriptions_job,
    poll_pending_payments_job,
    renewal_reminders_job,
)
from services.platform.scheduler import ScheduledJob

JOBS = [
    ScheduledJob("billing_poll_pending_payments", poll_pending_payments_job),
    ScheduledJob("billing_renewal_reminders", renewal_reminders_job),
    ScheduledJob("billing_expire_subscriptions", expire_subscriptions_job),
]
