"""Platform administration (C15), for superadmins only (Telegram ids in the config):
counts, read-only organization lookup, tariff edits, a broadcast to every owner."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import ADMIN_BROADCAST, notify
from services.orgs.tariffs import LimitedResource, usage
from services.platform.clock import Clock
from services.platform.db.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    Payment,
    PaymentStatus,
    PlannedShift,
    PlannedShiftStatus,
    Tariff,
    User,
)
from services.platform.errors import InvalidInput, NotFound, PermissionDenied
from services.platform.validation import Quantity, parse_money, parse_whole_number

# "Today" and "this month" of the platform's statistics: our users are in Russia.
PLATFORM_TIMEZONE = ZoneInfo("Europe/Moscow")
MAX_BROADCAST_LENGTH = 3500
LOOKUP_LIMIT = 10
MAX_TARIFF_LIMIT = 100_000
_UNLIMITED_WORDS = {"-", "∞", "unlimited", "безлимит"}


class TariffField(StrEnum):
    MONTHLY_PRICE = "monthly_price"
    YEARLY_PRICE = "yearly_price"
    MAX_OBJECTS = "max_objects"
    MAX_EMPLOYEES = "max_employees"
    AI_INSIGHTS_PER_DAY = "ai_insights_per_day"


def require_superadmin(superadmin_ids: Sequence[int], telegram_id: int) -> None:
    if telegram_id not in superadmin_ids:
        raise PermissionDenied()


@dataclass(frozen=True)
class PlatformCounts:
    organizations: int
    active_users: int
    planned_shifts_today: int
    revenue_this_month: Decimal


@dataclass(frozen=True)
class OrganizationCard:
    id: int
    name: str
    tariff_title: str
    expires_at: datetime | None
    created_at: datetime
    owners: tuple[str, ...]
    objects: int
    employees: int
    paid_total: Decimal


async def platform_counts(session: AsyncSession, clock: Clock) -> PlatformCounts:
    """Counts for the platform: organizations, people with an active membership, shifts
    planned today and revenue this month (succeeded payments less refunds), in Moscow time."""
    local_now = clock.now().astimezone(PLATFORM_TIMEZONE)
    day_start = datetime.combine(local_now.date(), time(), PLATFORM_TIMEZONE)
    month_start = day_start.replace(day=1)
    organizations = await session.scalar(select(func.count()).select_from(Organization))
    active_users = await session.scalar(
        select(func.count(func.distinct(Membership.user_id))).where(
            Membership.status == MembershipStatus.ACTIVE
        )
    )
    shifts_today = await session.scalar(
        select(func.count()).where(
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.starts_at >= day_start,
            PlannedShift.starts_at < day_start + timedelta(days=1),
        )
    )
    revenue = await session.scalar(
        select(func.coalesce(func.sum(Payment.amount - Payment.refunded_amount), 0)).where(
            Payment.status == PaymentStatus.SUCCEEDED, Payment.succeeded_at >= month_start
        )
    )
    return PlatformCounts(
        organizations=int(organizations or 0),
        active_users=int(active_users or 0),
        planned_shifts_today=int(shifts_today or 0),
        revenue_this_month=Decimal(revenue or 0).quantize(Decimal("0.01")),
    )


async def find_organizations(session: AsyncSession, query: str) -> list[Organization]:
    """Organizations whose id is `query` or whose name contains it (case-insensitive)."""
    text = " ".join(query.split())
    if not text:
        raise InvalidInput(field="query", reason="empty")
    conditions = [func.lower(Organization.name).contains(text.lower(), autoescape=True)]
    if text.isdigit():
        conditions.append(Organization.id == int(text))
    rows = await session.scalars(
        select(Organization).where(or_(*conditions)).order_by(Organization.name).limit(LOOKUP_LIMIT)
    )
    return list(rows)


async def organization_card(session: AsyncSession, organization_id: int) -> OrganizationCard:
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise NotFound(what="organization")
    tariff = await session.get(Tariff, organization.tariff_code)
    owners = await session.scalars(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(
            Membership.organization_id == organization_id,
            Membership.role == MembershipRole.OWNER,
            Membership.status == MembershipStatus.ACTIVE,
        )
        .order_by(User.id)
    )
    paid = await session.scalar(
        select(func.coalesce(func.sum(Payment.amount - Payment.refunded_amount), 0)).where(
            Payment.organization_id == organization_id, Payment.status == PaymentStatus.SUCCEEDED
        )
    )
    return OrganizationCard(
        id=organization.id,
        name=organization.name,
        tariff_title=tariff.title if tariff else organization.tariff_code,
        expires_at=organization.subscription_expires_at,
        created_at=organization.created_at,
        owners=tuple(owner.display_name for owner in owners),
        objects=await usage(session, organization_id, LimitedResource.OBJECTS),
        employees=await usage(session, organization_id, LimitedResource.EMPLOYEES),
        paid_total=Decimal(paid or 0).quantize(Decimal("0.01")),
    )


def _parse_field(field: TariffField, raw: str) -> Decimal | int | None:
    if field in (TariffField.MONTHLY_PRICE, TariffField.YEARLY_PRICE):
        return parse_money(raw, field=field.value)
    if field != TariffField.AI_INSIGHTS_PER_DAY and raw.strip().lower() in _UNLIMITED_WORDS:
        return None
    return parse_whole_number(
        raw, field=field.value, quantity=Quantity.COUNT, minimum=0, maximum=MAX_TARIFF_LIMIT
    )


async def update_tariff(session: AsyncSession, code: str, field: TariffField, raw: str) -> Tariff:
    """Change one price or limit of a tariff. Limits accept "-" or "∞" for unlimited
    (not the AI insights); Free stays free of charge. Existing data is never touched:
    lower limits only refuse new objects and employees beyond them."""
    tariff = await session.get(Tariff, code, with_for_update=True)
    if tariff is None:
        raise NotFound(what="tariff")
    value = _parse_field(TariffField(field), raw)
    if tariff.monthly_price == 0 and field in (
        TariffField.MONTHLY_PRICE,
        TariffField.YEARLY_PRICE,
    ):
        raise InvalidInput(field=field.value, reason="free-price")
    setattr(tariff, field.value, value)
    await session.flush()
    return tariff


async def broadcast_to_owners(
    session: AsyncSession, clock: Clock, *, broadcast_id: str, text: str
) -> int:
    """Queue `text` to every owner of an active organization membership, once per owner
    and broadcast (dedup key), through the notification pipeline. Returns the count."""
    message = text.strip()
    if not message:
        raise InvalidInput(field="text", reason="empty")
    if len(message) > MAX_BROADCAST_LENGTH:
        raise InvalidInput(field="text", reason="too-long", limit=MAX_BROADCAST_LENGTH)
    owners = list(
        await session.scalars(
            select(Membership.user_id)
            .where(
                Membership.role == MembershipRole.OWNER,
                Membership.status == MembershipStatus.ACTIVE,
            )
            .distinct()
            .order_by(Membership.user_id)
        )
    )
    for user_id in owners:
        await notify(
            session,
            kind=ADMIN_BROADCAST.name,
            dedup_key=f"broadcast:{broadcast_id}:{user_id}",
            not_before=clock.now(),
            payload={"text": message},
            recipient_user_id=user_id,
        )
    return len(owners)
