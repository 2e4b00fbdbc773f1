"""Scheduled jobs of contracts: reminders 14 and 3 days before a contract's last day, to
the employee and to the organization's side."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.contracts.contracts import counterparts
from services.notify.outbox import CONTRACT_ENDING, notify
from services.platform.clock import Clock, ManualClock
from services.platform.db.models import Contract, ContractStatus, Membership, Organization
from services.platform.local_time import local_today
from services.platform.scheduler import JobContext, ScheduledJob

REMIND_DAYS_BEFORE = (14, 3)


async def remind_contract_endings(session: AsyncSession, clock: Clock) -> int:
    """Queue the reminders due today where each organization is; each reminder is sent
    once per contract, day count and last day (a moved end date reminds again)."""
    now = clock.now()
    utc_today = now.date()
    window = (utc_today, utc_today + timedelta(days=max(REMIND_DAYS_BEFORE) + 1))
    rows = await session.execute(
        select(Contract, Membership.user_id, Organization.timezone)
        .join(Membership, Membership.id == Contract.membership_id)
        .join(Organization, Organization.id == Contract.organization_id)
        .where(
            Contract.status.in_([ContractStatus.SENT, ContractStatus.SIGNED]),
            Contract.ends_on.between(*window),
        )
    )
    queued = 0
    for contract, employee_id, timezone in rows:
        assert contract.ends_on is not None
        days_left = (contract.ends_on - local_today(now, ZoneInfo(timezone))).days
        if days_left not in REMIND_DAYS_BEFORE:
            continue
        recipients = [employee_id, *(user.id for user in await counterparts(session, contract))]
        for user_id in recipients:
            await notify(
                session,
                kind=CONTRACT_ENDING.name,
                dedup_key=f"contract-ending:{contract.id}:{contract.ends_on}:{days_left}:{user_id}",
                not_before=now,
                recipient_user_id=user_id,
                organization_id=contract.organization_id,
                payload={
                    "number": contract.id,
                    "days": days_left,
                    "ends_on": contract.ends_on.strftime("%d.%m.%Y"),
                },
            )
            queued += 1
    return queued


async def remind_contract_endings_job(context: JobContext) -> int:
    return await remind_contract_endings(context.session, ManualClock(context.now))


JOBS = [ScheduledJob("contracts_remind_endings", remind_contract_endings_job)]
