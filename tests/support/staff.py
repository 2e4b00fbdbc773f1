"""Organizations, objects and members made directly in the database for staff and
invite tests (the objects dialog is tested on its own)."""

from dataclasses import dataclass
from datetime import date

from services.orgs.organizations import create_organization
from services.platform.clock import Clock
from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    User,
    WorkObject,
)
from services.platform.db.session import SessionFactory


@dataclass(frozen=True)
class OwnedOrganization:
    owner_id: int
    organization_id: int
    object_ids: list[int]


async def organization_with_objects(
    session_factory: SessionFactory,
    clock: Clock,
    *,
    owner_telegram_id: int,
    name: str = "Кофейня",
    object_names: tuple[str, ...] = ("Кафе на Мира",),
) -> OwnedOrganization:
    async with session_factory() as session:
        owner = User(telegram_id=owner_telegram_id, first_name="Olga", language="ru")
        session.add(owner)
        await session.flush()
        organization = await create_organization(session, owner, clock, name=name)
        objects = [
            WorkObject(organization_id=organization.id, name=object_name, timezone="Europe/Moscow")
            for object_name in object_names
        ]
        session.add_all(objects)
        await session.commit()
        return OwnedOrganization(owner.id, organization.id, [o.id for o in objects])


async def add_member(
    session_factory: SessionFactory,
    organization_id: int,
    *,
    telegram_id: int,
    first_name: str,
    role: MembershipRole = MembershipRole.EMPLOYEE,
    object_permissions: dict[int, list[str]] | None = None,
    started_on: date = date(2026, 1, 1),
) -> int:
    """A user with an active membership; returns the membership id."""
    async with session_factory() as session:
        user = User(telegram_id=telegram_id, first_name=first_name, language="ru")
        session.add(user)
        await session.flush()
        membership = Membership(
            organization_id=organization_id, user_id=user.id, role=role, started_on=started_on
        )
        session.add(membership)
        await session.flush()
        session.add_all(
            MembershipObject(membership_id=membership.id, object_id=object_id, permissions=granted)
            for object_id, granted in (object_permissions or {}).items()
        )
        await session.commit()
        return membership.id


async def add_employee(
    session_factory: SessionFactory,
    organization_id: int,
    telegram_id: int,
    first_name: str,
    *object_ids: int,
) -> int:
    """An employee working at `object_ids`; returns the membership id."""
    return await add_member(
        session_factory,
        organization_id,
        telegram_id=telegram_id,
        first_name=first_name,
        object_permissions={object_id: [] for object_id in object_ids},
    )
