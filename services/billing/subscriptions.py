"""Subscriptions (C12): tariffs on sale and their prices, the owner's overview of tariff,
expiry and usage, the paid period a payment adds, renewal reminders and expiry.

Rules:
- A paid period starts at the later of now and the current expiry and lasts a calendar
  month or year. An expired subscription falls back to Free: nothing is deleted, creating
  beyond the Free limits is refused (services.orgs.tariffs), and the owner is told the
  limits.
- A tariff whose limits the organization already exceeds cannot be bought (a downgrade is
  refused with usage vs limit).
- Owners are reminded 7 days and 1 day before a paid subscription expires.
"""

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

import structlog
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import (
    BILLING_RENEWAL_REMINDER,
    BILLING_SUBSCRIPTION_EXPIRED,
    notify,
)
from services.orgs.tariffs import LimitedResource, usage
from services.platform.clock import Clock
from services.platform.db.models import (
    BillingPeriod,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    Tariff,
)
from services.platform.errors import DomainError, NotFound
from services.platform.local_time import local_today
from services.staff.permissions import actor_in, require_owner

log = structlog.get_logger("billing")

FREE_TARIFF = "free"
REMINDER_DAYS = (7, 1)
_MONTHS = {BillingPeriod.MONTHLY: 1, BillingPeriod.YEARLY: 12}


@dataclass(frozen=True)
class LimitUsage:
    resource: LimitedResource
    used: int
    limit: int | None

    @property
    def exceeded(self) -> bool:
        return self.limit is not None and self.used > self.limit


@dataclass(frozen=True)
class SubscriptionOverview:
    organization_id: int
    timezone: str
    tariff: Tariff
    expires_at: datetime | None
    limits: tuple[LimitUsage, ...]


# ---------------------------------------------------------------------------- rules


class TariffDowngradeRefused(DomainError):
    """Params: tariff (title), resource, usage, limit: what is already above the limit."""

    code = "tariff-downgrade"


def price_of(tariff: Tariff, period: BillingPeriod) -> Decimal:
    return tariff.yearly_price if period == BillingPeriod.YEARLY else tariff.monthly_price


def add_period(start: datetime, period: BillingPeriod) -> datetime:
    """`start` plus one calendar month or year; the 31st becomes the month's last day."""
    months = start.month - 1 + _MONTHS[BillingPeriod(period)]
    year, month = start.year + months // 12, months % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day)


def subscription_start(now: datetime, current_expiry: datetime | None) -> datetime:
    """A new period starts at the later of now and the current expiry (days are added)."""
    return max(now, current_expiry) if current_expiry is not None else now


def _limit_of(tariff: Tariff, resource: LimitedResource) -> int | None:
    return tariff.max_objects if resource == LimitedResource.OBJECTS else tariff.max_employees


async def limit_usage(
    session: AsyncSession, organization_id: int, tariff: Tariff
) -> tuple[LimitUsage, ...]:
    return tuple(
        [
            LimitUsage(
                resource,
                await usage(session, organization_id, resource),
                _limit_of(tariff, resource),
            )
            for resource in LimitedResource
        ]
    )


async def ensure_tariff_fits(session: AsyncSession, organization_id: int, tariff: Tariff) -> None:
    """Refuse a tariff whose limits the organization already exceeds (nothing is ever
    deleted to make it fit: the owner archives or dismisses first)."""
    for item in await limit_usage(session, organization_id, tariff):
        if item.exceeded:
            raise TariffDowngradeRefused(
                tariff=tariff.title, resource=item.resource.value, usage=item.used, limit=item.limit
            )


# ---------------------------------------------------------------------------- reading


async def purchasable_tariffs(session: AsyncSession) -> list[Tariff]:
    rows = await session.scalars(
        select(Tariff).where(Tariff.monthly_price > 0).order_by(Tariff.sort_order)
    )
    return list(rows)


async def subscription_overview(
    session: AsyncSession, user_id: int, organization_id: int
) -> SubscriptionOverview:
    """The owner's view: tariff, expiry, and usage against each limit."""
    require_owner(await actor_in(session, user_id, organization_id))
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise NotFound(what="organization")
    tariff = await session.get(Tariff, organization.tariff_code)
    if tariff is None:
        raise NotFound(what="tariff")
    return SubscriptionOverview(
        organization_id=organization_id,
        timezone=organization.timezone,
        tariff=tariff,
        expires_at=organization.subscription_expires_at,
        limits=await limit_usage(session, organization_id, tariff),
    )


async def tariff_title(session: AsyncSession, tariff_code: str) -> str:
    """The tariff's title, or its code when the tariff is gone."""
    tariff = await session.get(Tariff, tariff_code)
    return tariff.title if tariff else tariff_code


# ---------------------------------------------------------------------------- renewal


async def send_renewal_reminders(session: AsyncSession, clock: Clock) -> int:
    """Remind owners 7 days and 1 day before a paid subscription expires, once each per
    expiry date (dedup keys). Returns the number of organizations reminded."""
    now = clock.now()
    organizations = await session.scalars(
        select(Organization).where(
            Organization.tariff_code != FREE_TARIFF,
            Organization.subscription_expires_at > now,
            Organization.subscription_expires_at <= now + timedelta(days=max(REMINDER_DAYS)),
        )
    )
    reminded = 0
    for organization in organizations:
        expires_at = organization.subscription_expires_at
        assert expires_at is not None
        days = min(d for d in REMINDER_DAYS if expires_at - now <= timedelta(days=d))
        await notify_owners(
            session,
            clock,
            organization.id,
            kind=BILLING_RENEWAL_REMINDER.name,
            dedup=f"billing:renewal:{organization.id}:{expires_at.isoformat()}:{days}",
            payload={
                "tariff": await tariff_title(session, organization.tariff_code),
                "days": days,
                "expires_on": local_expiry_date(organization, expires_at),
            },
        )
        reminded += 1
    return reminded


async def expire_subscriptions(session: AsyncSession, clock: Clock) -> list[int]:
    """Move organizations whose paid period ended to Free and explain the Free limits
    against their usage. Nothing is deleted. Returns the organizations moved."""
    now = clock.now()
    free = await session.get(Tariff, FREE_TARIFF)
    if free is None:
        raise NotFound(what="tariff")
    organizations = list(
        await session.scalars(
            select(Organization)
            .where(
                Organization.tariff_code != FREE_TARIFF,
                Organization.subscription_expires_at <= now,
            )
            .with_for_update(skip_locked=True)
        )
    )
    for organization in organizations:
        expires_at = organization.subscription_expires_at
        assert expires_at is not None
        previous = await session.get(Tariff, organization.tariff_code)
        organization.tariff_code = FREE_TARIFF
        limits = {item.resource: item for item in await limit_usage(session, organization.id, free)}
        objects, employees = limits[LimitedResource.OBJECTS], limits[LimitedResource.EMPLOYEES]
        await notify_owners(
            session,
            clock,
            organization.id,
            kind=BILLING_SUBSCRIPTION_EXPIRED.name,
            dedup=f"billing:expired:{organization.id}:{expires_at.isoformat()}",
            payload={
                "previous_tariff": previous.title if previous else "",
                "tariff": free.title,
                "objects_used": objects.used,
                "objects_limit": objects.limit if objects.limit is not None else 0,
                "employees_used": employees.used,
                "employees_limit": employees.limit if employees.limit is not None else 0,
            },
        )
        log.info("billing.subscription_expired", organization_id=organization.id)
    await session.flush()
    return [organization.id for organization in organizations]


# ---------------------------------------------------------------------------- owners


async def owner_user_ids(session: AsyncSession, organization_id: int) -> Sequence[int]:
    rows = await session.scalars(
        select(Membership.user_id).where(
            Membership.organization_id == organization_id,
            Membership.role == MembershipRole.OWNER,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )
    return list(rows)


async def notify_owners(
    session: AsyncSession,
    clock: Clock,
    organization_id: int,
    *,
    kind: str,
    dedup: str,
    payload: dict[str, object],
) -> None:
    """One notification to each active owner; `dedup` is made per owner."""
    for user_id in await owner_user_ids(session, organization_id):
        await notify(
            session,
            kind=kind,
            dedup_key=f"{dedup}:{user_id}",
            not_before=clock.now(),
            payload=payload,
            recipient_user_id=user_id,
        )


def local_expiry_date(organization: Organization, expires_at: datetime) -> str:
    """The local date of the organization on which a subscription expires, ISO formatted."""
    return local_today(expires_at, organization.timezone).isoformat()
