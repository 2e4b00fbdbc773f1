"""Tariff limits, enforced on the server inside the transaction that creates the row.

The organization row is locked first (`SELECT … FOR UPDATE`), so two concurrent
creations cannot both pass a count that allows only one of them.
"""

from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    Tariff,
    WorkObject,
)
from services.platform.errors import DomainError, NotFound

# Tariffs are priced and paid (YooKassa) in roubles, whatever an organization's currency.
TARIFF_CURRENCY = "RUB"


class LimitedResource(StrEnum):
    OBJECTS = "objects"
    EMPLOYEES = "employees"


class TariffLimitReached(DomainError):
    """Params: resource, limit, tariff (title)."""

    code = "tariff-limit"


async def tariff_of(session: AsyncSession, organization: Organization) -> Tariff:
    tariff = await session.get(Tariff, organization.tariff_code)
    if tariff is None:
        raise NotFound(what="tariff")
    return tariff


async def lock_organization(session: AsyncSession, organization_id: int) -> Organization:
    organization = await session.scalar(
        select(Organization).where(Organization.id == organization_id).with_for_update()
    )
    if organization is None:
        raise NotFound(what="organization")
    return organization


async def usage(session: AsyncSession, organization_id: int, resource: LimitedResource) -> int:
    if resource == LimitedResource.OBJECTS:
        query = select(func.count()).where(
            WorkObject.organization_id == organization_id, WorkObject.archived.is_(False)
        )
    else:
        query = select(func.count()).where(
            Membership.organization_id == organization_id,
            Membership.role == MembershipRole.EMPLOYEE,
            Membership.status == MembershipStatus.ACTIVE,
        )
    return int(await session.scalar(query) or 0)


async def ensure_within_limit(
    session: AsyncSession, organization_id: int, resource: LimitedResource, adding: int = 1
) -> None:
    """Raise `TariffLimitReached` unless `adding` more of `resource` fit the tariff.
    Call it in the transaction that then creates the rows."""
    organization = await lock_organization(session, organization_id)
    tariff = await tariff_of(session, organization)
    limit = tariff.max_objects if resource == LimitedResource.OBJECTS else tariff.max_employees
    if limit is None:
        return
    if await usage(session, organization_id, resource) + adding > limit:
        raise TariffLimitReached(resource=resource.value, limit=limit, tariff=tariff.title)
