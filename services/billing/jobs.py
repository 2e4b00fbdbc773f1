"""Scheduled jobs of billing."""

from services.billing.payments import NotificationOutcome, poll_pending_payments
from services.billing.subscriptions import expire_subscriptions, send_renewal_reminders
from services.integrations.yookassa import YookassaGateway
from services.platform.clock import ManualClock
from services.platform.scheduler import JobContext, ScheduledJob


async def poll_pending_payments_job(context: JobContext) -> int:
    gateway = YookassaGateway(context.settings.yookassa)
    if not gateway.is_configured:  # no shop, so no payment to ask about
        return 0
    outcomes = await poll_pending_payments(context.session, gateway, ManualClock(context.now))
    return sum(outcome != NotificationOutcome.UNCHANGED for outcome in outcomes)


async def renewal_reminders_job(context: JobContext) -> int:
    return await send_renewal_reminders(context.session, ManualClock(context.now))


async def expire_subscriptions_job(context: JobContext) -> int:
    return len(await expire_subscriptions(context.session, ManualClock(context.now)))


JOBS = [
    ScheduledJob("billing_poll_pending_payments", poll_pending_payments_job),
    ScheduledJob("billing_renewal_reminders", renewal_reminders_job),
    ScheduledJob("billing_expire_subscriptions", expire_subscriptions_job),
]
