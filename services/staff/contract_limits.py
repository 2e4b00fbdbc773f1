"""A contract's own scheduling limits (hours a day and a week, days in a row), which
override the organization's, and its weekly target hours, which the auto-scheduler
steers each person's hours towards. Kept on the contract's versions, like its rate."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.clock import Clock
from services.platform.db.models import ContractTerms
from services.platform.validation import Quantity, WholeNumberField
from services.staff.memberships import (
    managed_member,
    organization_today,
    require_active,
    set_contract_rate,
    terms_in_force,
)
from services.staff.permissions import Actor

LIMITS = {
    limit.name: limit
    for limit in (
        WholeNumberField("max_day_hours", Quantity.HOURS, 1, 24),
        WholeNumberField("max_week_hours", Quantity.HOURS, 1, 168),
        WholeNumberField("max_consecutive_days", Quantity.DAYS, 1, 14),
        WholeNumberField("target_week_hours", Quantity.HOURS, 1, 168),
    )
}


async def set_contract_limit(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    membership_id: int,
    *,
    name: str,
    value: str | None,
) -> ContractTerms:
    """A new contract version from today (the organization's date) with one of the
    contract's own limits, or the target, typed as a whole number; None puts the
    organization's limit (or an even share) back. The rest of the terms go on."""
    number = None if value is None else LIMITS[name].parse(value)
    membership = await managed_member(session, actor, membership_id)
    require_active(membership)
    today = await organization_today(session, clock, actor.organization_id)
    current = await terms_in_force(session, membership.id, today)
    await set_contract_rate(session, membership.id, current.hourly_rate if current else None, today)
    version = await session.scalar(
        select(ContractTerms).where(
            ContractTerms.membership_id == membership.id, ContractTerms.effective_from == today
        )
    )
    assert version is not None
    setattr(version, name, number)
    await session.flush()
    return version
