"""Closing pay periods: by the owner, or by the scheduler once a period's pay day has
come. Closing freezes each employee's payslip and tells them it is ready."""

from datetime import timedelta

from sqlalchemy import literal, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import (
    PAYROLL_PAYSLIP_READY,
    UserNotification,
    money_variable,
    notify_many,
)
from services.payroll.deduction_cap import hold_back_over_cap
from services.payroll.pay_types import record_period_pay
from services.payroll.payslips import live_totals_query
from services.platform.clock import Clock
from services.platform.db.models import Organization, PayPeriod, PayPeriodStatus, Payslip
from services.platform.db.session import dialect_insert
from services.platform.errors import NotFound
from services.platform.local_time import local_today
from services.staff.permissions import actor_in, require_owner

# `/start pay_<period id>`: the button of the "payslip ready" notification.
PAYSLIP_PAYLOAD_PREFIX = "pay_"


async def close_pay_period(
    session: AsyncSession, clock: Clock, *, period_id: int, user_id: int | None
) -> PayPeriod:
    """Close a period (the owner, or the scheduler on its pay day when `user_id` is
    None): its entries are frozen, each employee's payslip is written in one INSERT …
    SELECT … GROUP BY and they are told in one statement. Later entries for its dates go
    to the next open period. Closing a closed period changes nothing."""
    period = await session.scalar(
        select(PayPeriod)
        .where(PayPeriod.id == period_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if period is None:
        raise NotFound(what="period")
    if user_id is not None:
        require_owner(await actor_in(session, user_id, period.organization_id))
    if period.status == PayPeriodStatus.CLOSED:
        return period
    await record_period_pay(session, period)
    await hold_back_over_cap(session, period)
    now = clock.now()
    period.status = PayPeriodStatus.CLOSED
    period.closed_at = now
    period.closed_by_user_id = user_id
    live = live_totals_query(period.id).subquery()
    await session.execute(
        dialect_insert(session)(Payslip)
        .from_select(
            [
                "pay_period_id",
                "organization_id",
                "user_id",
                "membership_id",
                "minutes",
                "gross",
                "fines",
                "bonuses",
                "net",
            ],
            select(
                literal(period.id),
                literal(period.organization_id),
                live.c.user_id,
                live.c.membership_id,
                live.c.minutes,
                live.c.gross,
                live.c.fines,
                live.c.bonuses,
                live.c.gross - live.c.fines + live.c.bonuses,
            ).where(true()),  # SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT
        )
        .on_conflict_do_nothing(index_elements=["pay_period_id", "user_id"])
    )
    rows = await session.execute(
        select(Payslip.user_id, Payslip.net).where(Payslip.pay_period_id == period.id)
    )
    await notify_many(
        session,
        kind=PAYROLL_PAYSLIP_READY.name,
        not_before=now,
        notifications=[
            UserNotification(
                recipient_user_id=employee_id,
                dedup_key=f"payroll_payslip_ready:{period.id}:u{employee_id}",
                payload={
                    "start": period.start_date.isoformat(),
                    "end": period.end_date.isoformat(),
                    "net": money_variable(net),
                    "buttons": [
                        {
                            "text_key": "notify-button-open-payslip",
                            "start_payload": f"{PAYSLIP_PAYLOAD_PREFIX}{period.id}",
                        }
                    ],
                },
                organization_id=period.organization_id,
            )
            for employee_id, net in rows
        ],
    )
    await session.flush()
    return period


async def close_due_pay_periods(session: AsyncSession, clock: Clock) -> int:
    """Close every open period whose pay day has come in its organization's local date."""
    now = clock.now()
    candidates = await session.execute(
        select(PayPeriod.id, PayPeriod.pay_day, Organization.timezone)
        .join(Organization, Organization.id == PayPeriod.organization_id)
        .where(
            PayPeriod.status == PayPeriodStatus.OPEN,
            PayPeriod.pay_day <= (now + timedelta(days=1)).date(),
        )
        .order_by(PayPeriod.id)
    )
    closed = 0
    for period_id, pay_day, timezone in candidates.all():
        if local_today(now, timezone) >= pay_day:
            await close_pay_period(session, clock, period_id=period_id, user_id=None)
            closed += 1
    return closed
