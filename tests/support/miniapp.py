"""A seeded week for the Mini App tests, made through the real planning use cases.

The clock of the tests is Monday 2026-03-02 09:00 UTC (12:00 in Moscow). The owner Olga
has two objects: "Кофейня" (base rate 300 ₽/h, coordinates, 200 m geofence) and "Склад"
(no coordinates). Ivan (contract rate 400 ₽/h) and Maria work at the café; Petr is a
manager of the café who may plan but not see money. On Tuesday 09:00–18:00 the café has a
slot for two with Ivan on it; on Wednesday 10:00–16:00 a slot for one, still empty.
Another organization (owner Nina) has its own object, slot and employee.
"""

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from services.orgs.organizations import create_organization
from services.planning.bookings import assign_employee
from services.platform.clock import Clock
from services.platform.db.models import (
    ContractTerms,
    Membership,
    MembershipObject,
    MembershipRole,
    Permission,
    User,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from tests.support.dialogs import DialogUser
from tests.support.planning import make_slot

TUESDAY = date(2026, 3, 3)
WEDNESDAY = date(2026, 3, 4)


@dataclass(frozen=True)
class MiniAppCast:
    organization_id: int
    owner: User
    manager: User
    ivan: User
    maria: User
    stranger_owner: User
    cafe_id: int
    warehouse_id: int
    ivan_membership_id: int
    maria_membership_id: int
    tuesday_slot_id: int
    wednesday_slot_id: int
    ivan_tuesday_shift_id: int
    stranger_slot_id: int
    stranger_membership_id: int
    stranger_planned_shift_id: int


async def seed_miniapp_cast(session_factory: SessionFactory, clock: Clock) -> MiniAppCast:
    async with session_factory() as session:
        users = [
            User(telegram_id=telegram_id, first_name=name, language="ru")
            for telegram_id, name in (
                (7001, "Olga"),
                (7002, "Petr"),
                (7003, "Ivan"),
                (7004, "Maria"),
                (7005, "Nina"),
                (7006, "Oleg"),
            )
        ]
        session.add_all(users)
        await session.flush()
        owner, manager, ivan, maria, stranger, stranger_employee = users
        organization = await create_organization(session, owner, clock, name="Кофейни Ольги")
        cafe = WorkObject(
            organization_id=organization.id,
            name="Кофейня",
            address="Москва, ул. Мира, 1",
            latitude=55.781,
            longitude=37.633,
            geofence_radius_m=200,
            timezone="Europe/Moscow",
            base_hourly_rate=Decimal("300.00"),
        )
        warehouse = WorkObject(
            organization_id=organization.id, name="Склад", timezone="Europe/Moscow"
        )
        session.add_all([cafe, warehouse])
        await session.flush()
        memberships = {}
        for user, role, permissions in (
            (manager, MembershipRole.MANAGER, [Permission.VIEW.value, Permission.PLAN.value]),
            (ivan, MembershipRole.EMPLOYEE, []),
            (maria, MembershipRole.EMPLOYEE, []),
        ):
            membership = Membership(organization_id=organization.id, user_id=user.id, role=role)
            session.add(membership)
            await session.flush()
            session.add(
                MembershipObject(
                    membership_id=membership.id, object_id=cafe.id, permissions=permissions
                )
            )
            memberships[user.id] = membership
        session.add(
            ContractTerms(
                membership_id=memberships[ivan.id].id,
                effective_from=date(2026, 1, 1),
                hourly_rate=Decimal("400.00"),
            )
        )
        await session.flush()
        tuesday = await make_slot(session, clock, owner, cafe, day=TUESDAY, places=2)
        wednesday = await make_slot(
            session, clock, owner, cafe, day=WEDNESDAY, start=time(10), end=time(16)
        )
        ivan_tuesday = await assign_employee(
            session,
            clock,
            user_id=owner.id,
            slot_id=tuesday.id,
            membership_id=memberships[ivan.id].id,
        )

        stranger_organization = await create_organization(
            session, stranger, clock, name="Чужая пекарня"
        )
        bakery = WorkObject(
            organization_id=stranger_organization.id, name="Пекарня", timezone="Europe/Moscow"
        )
        session.add(bakery)
        await session.flush()
        stranger_membership = Membership(
            organization_id=stranger_organization.id,
            user_id=stranger_employee.id,
            role=MembershipRole.EMPLOYEE,
        )
        session.add(stranger_membership)
        await session.flush()
        session.add(MembershipObject(membership_id=stranger_membership.id, object_id=bakery.id))
        stranger_slot = await make_slot(
            session, clock, stranger, bakery, day=TUESDAY, start=time(8), end=time(12), places=3
        )
        stranger_planned = await assign_employee(
            session,
            clock,
            user_id=stranger.id,
            slot_id=stranger_slot.id,
            membership_id=stranger_membership.id,
        )
        await session.commit()
        return MiniAppCast(
            organization_id=organization.id,
            owner=owner,
            manager=manager,
            ivan=ivan,
            maria=maria,
            stranger_owner=stranger,
            cafe_id=cafe.id,
            warehouse_id=warehouse.id,
            ivan_membership_id=memberships[ivan.id].id,
            maria_membership_id=memberships[maria.id].id,
            tuesday_slot_id=tuesday.id,
            wednesday_slot_id=wednesday.id,
            ivan_tuesday_shift_id=ivan_tuesday.id,
            stranger_slot_id=stranger_slot.id,
            stranger_membership_id=stranger_membership.id,
            stranger_planned_shift_id=stranger_planned.id,
        )


def web_app_url(user: DialogUser, text: str) -> str:
    """The page the Web App button `text` of the user's window opens."""
    [button] = [
        button
        for row in user.screen().reply_markup.inline_keyboard  # type: ignore[union-attr]
        for button in row
        if button.text == text
    ]
    assert button.web_app is not None, f"{text} is not a Web App button"
    return button.web_app.url
