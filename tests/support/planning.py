"""Rows a planning test needs: an owner with an organization, objects and employees on
those objects (created directly), slots the owner plans and shifts booked on them
(through the use cases)."""

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.orgs.organizations import create_organization
from services.planning.bookings import book_slot
from services.planning.slots import create_slot
from services.platform.clock import Clock
from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    Organization,
    PlannedShift,
    TimeSlot,
    User,
    WorkObject,
)
from services.scheduling.settings import set_scheduling_limit


@dataclass
class World:
    owner: User
    organization: Organization
    work_object: WorkObject


async def make_world(
    session: AsyncSession,
    clock: Clock,
    *,
    owner_telegram_id: int = 5000,
    timezone: str = "Europe/Moscow",
    object_name: str = "Кофейня",
    allow_self_booking: bool = True,
    owner_language: str = "ru",
) -> World:
    owner = User(telegram_id=owner_telegram_id, first_name="Olga", language=owner_language)
    session.add(owner)
    await session.flush()
    organization = await create_organization(session, owner, clock, name="Org", timezone=timezone)
    work_object = await make_object(
        session, organization, name=object_name, allow_self_booking=allow_self_booking
    )
    return World(owner, organization, work_object)


async def make_object(
    session: AsyncSession,
    organization: Organization,
    *,
    name: str = "Склад",
    timezone: str | None = None,
    allow_self_booking: bool = True,
) -> WorkObject:
    work_object = WorkObject(
        organization_id=organization.id,
        name=name,
        timezone=timezone or organization.timezone,
        allow_self_booking=allow_self_booking,
    )
    session.add(work_object)
    await session.flush()
    return work_object


async def make_employee(
    session: AsyncSession,
    organization: Organization,
    objects: list[WorkObject],
    *,
    telegram_id: int,
    first_name: str = "Ivan",
    role: MembershipRole = MembershipRole.EMPLOYEE,
    permissions: list[str] | None = None,
    language: str = "ru",
) -> tuple[User, Membership]:
    user = User(telegram_id=telegram_id, first_name=first_name, language=language)
    session.add(user)
    await session.flush()
    membership = Membership(organization_id=organization.id, user_id=user.id, role=role)
    session.add(membership)
    await session.flush()
    for work_object in objects:
        session.add(
            MembershipObject(
                membership_id=membership.id,
                object_id=work_object.id,
                permissions=permissions or [],
            )
        )
    await session.flush()
    return user, membership


async def make_slot(
    session: AsyncSession,
    clock: Clock,
    owner: User,
    work_object: WorkObject,
    *,
    day: date,
    start: time = time(9),
    end: time = time(18),
    places: int = 1,
) -> TimeSlot:
    """A slot `owner` plans on `work_object`."""
    return await create_slot(
        session,
        clock,
        user_id=owner.id,
        object_id=work_object.id,
        local_date=day,
        start_time=start,
        end_time=end,
        max_employees=places,
    )


async def make_planned_shift(
    session: AsyncSession, clock: Clock, world: World, user: User, **slot: Any
) -> PlannedShift:
    """`user` booked on a new slot of the world's object (`slot`: `make_slot`'s `day`,
    `start`, `end`)."""
    new_slot = await make_slot(session, clock, world.owner, world.work_object, **slot)
    return await book_slot(session, clock, user_id=user.id, slot_id=new_slot.id)


async def allow_split_shifts(session: AsyncSession, world: World) -> None:
    """The owner lets one person work two shifts a day with no rest between them (the
    rule of work is 11 hours until an owner changes it)."""
    await set_scheduling_limit(
        session,
        user_id=world.owner.id,
        organization_id=world.organization.id,
        name="min_rest_hours",
        value="0",
    )
