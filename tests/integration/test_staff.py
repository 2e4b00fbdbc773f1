"""Contracts on real PostgreSQL: versioned rates, objects, dismissal and who may change
what."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from services.platform.clock import ManualClock
from services.platform.db.models import ContractTerms, Membership, MembershipRole, MembershipStatus
from services.platform.db.session import SessionFactory
from services.platform.errors import InvalidInput, NotFound, PermissionDenied
from services.staff.memberships import (
    change_objects,
    change_rate,
    dismiss,
    list_staff,
    rate_in_force,
    set_contract_rate,
    set_manager_permissions,
    staff_card,
)
from services.staff.permissions import actor_in
from tests.support.staff import add_member, organization_with_objects


async def test_rate_in_force_is_the_latest_version_not_after_the_date(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=6000)
    membership_id = await add_member(
        session_factory, org.organization_id, telegram_id=6001, first_name="Ivan"
    )
    async with session_factory() as session:
        await set_contract_rate(session, membership_id, Decimal("300.00"), date(2026, 1, 1))
        await set_contract_rate(session, membership_id, None, date(2026, 4, 1))
        await set_contract_rate(session, membership_id, Decimal("350.00"), date(2026, 3, 1))
        await session.commit()

        expected = {
            date(2025, 12, 31): None,
            date(2026, 1, 1): Decimal("300.00"),
            date(2026, 2, 28): Decimal("300.00"),
            date(2026, 3, 1): Decimal("350.00"),
            date(2026, 3, 31): Decimal("350.00"),
            date(2026, 4, 1): None,
            date(2027, 1, 1): None,
        }
        for on_date, rate in expected.items():
            assert await rate_in_force(session, membership_id, on_date) == rate, on_date


async def test_change_rate_from_a_later_date_keeps_todays_rate(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=6010)
    membership_id = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=6011,
        first_name="Ivan",
        object_permissions={org.object_ids[0]: []},
    )
    async with session_factory() as session:
        actor = await actor_in(session, org.owner_id, org.organization_id)
        await change_rate(
            session,
            actor,
            clock,
            membership_id,
            hourly_rate=Decimal("300"),
            effective_from=date(2026, 3, 2),
        )
        await change_rate(
            session,
            actor,
            clock,
            membership_id,
            hourly_rate=Decimal("400"),
            effective_from=date(2026, 3, 10),
        )
        # The same day twice: the later decision replaces the earlier one.
        await change_rate(
            session,
            actor,
            clock,
            membership_id,
            hourly_rate=Decimal("420"),
            effective_from=date(2026, 3, 10),
        )
        await session.commit()
        card = await staff_card(session, actor, clock, membership_id)
        versions = list(
            await session.scalars(
                select(ContractTerms.hourly_rate).where(
                    ContractTerms.membership_id == membership_id
                )
            )
        )
        with pytest.raises(InvalidInput):
            await change_rate(
                session,
                actor,
                clock,
                membership_id,
                hourly_rate=Decimal("1"),
                effective_from=date(2025, 12, 1),
            )
        with pytest.raises(InvalidInput):
            await change_rate(
                session,
                actor,
                clock,
                membership_id,
                hourly_rate=Decimal("1"),
                effective_from=date(2026, 3, 2) + timedelta(days=400),
            )
    assert card.hourly_rate == Decimal("300.00")
    assert (card.next_rate_from, card.next_rate) == (date(2026, 3, 10), Decimal("420.00"))
    assert sorted(versions) == [Decimal("300.00"), Decimal("420.00")]


async def test_dismissal_ends_the_contract_and_keeps_history(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=6020)
    membership_id = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=6021,
        first_name="Ivan",
        object_permissions={org.object_ids[0]: []},
    )
    async with session_factory() as session:
        actor = await actor_in(session, org.owner_id, org.organization_id)
        await set_contract_rate(session, membership_id, Decimal("300"), date(2026, 1, 1))
        with pytest.raises(InvalidInput):
            await dismiss(session, actor, clock, membership_id, on_date=date(2026, 3, 3))
        await dismiss(session, actor, clock, membership_id, on_date=date(2026, 2, 28))
        await session.commit()
        membership = await session.get(Membership, membership_id)
        rows = await list_staff(session, actor, role=MembershipRole.EMPLOYEE)
        with pytest.raises(InvalidInput):
            await dismiss(session, actor, clock, membership_id, on_date=date(2026, 3, 2))
    assert membership is not None
    assert (membership.status, membership.ended_on) == (MembershipStatus.ENDED, date(2026, 2, 28))
    assert [(row.membership_id, row.status) for row in rows] == [
        (membership_id, MembershipStatus.ENDED)
    ]


async def test_manager_manages_only_employees_wholly_on_their_objects(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=6030, object_names=("A", "B")
    )
    object_a, object_b = org.object_ids
    manager_id = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=6031,
        first_name="Maria",
        role=MembershipRole.MANAGER,
        object_permissions={object_a: ["view", "manage_staff"], object_b: ["view"]},
    )
    on_a = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=6032,
        first_name="Anton",
        object_permissions={object_a: []},
    )
    on_b = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=6033,
        first_name="Boris",
        object_permissions={object_b: []},
    )
    async with session_factory() as session:
        manager_membership = await session.get(Membership, manager_id)
        assert manager_membership is not None
        actor = await actor_in(session, manager_membership.user_id, org.organization_id)

        rows = await list_staff(session, actor, role=MembershipRole.EMPLOYEE)
        assert [row.membership_id for row in rows] == [on_a]
        await change_rate(
            session, actor, clock, on_a, hourly_rate=Decimal("250"), effective_from=date(2026, 3, 2)
        )
        with pytest.raises(PermissionDenied):
            await change_rate(
                session,
                actor,
                clock,
                on_b,
                hourly_rate=Decimal("250"),
                effective_from=date(2026, 3, 2),
            )
        with pytest.raises(PermissionDenied):
            await change_objects(session, actor, on_a, [object_a, object_b])
        with pytest.raises(PermissionDenied):
            await dismiss(session, actor, clock, on_b, on_date=date(2026, 3, 2))
        with pytest.raises(PermissionDenied):
            await list_staff(session, actor, role=MembershipRole.MANAGER)
        with pytest.raises(PermissionDenied):
            await set_manager_permissions(session, actor, manager_id, object_a, ["plan"])
        with pytest.raises(NotFound):
            await staff_card(session, actor, clock, 999_999)


async def test_owner_sets_manager_permissions_per_object(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=6040, object_names=("A", "B")
    )
    object_a, object_b = org.object_ids
    manager_id = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=6041,
        first_name="Maria",
        role=MembershipRole.MANAGER,
        object_permissions={object_a: ["view"]},
    )
    async with session_factory() as session:
        owner = await actor_in(session, org.owner_id, org.organization_id)
        await set_manager_permissions(session, owner, manager_id, object_b, ["plan", "view"])
        await set_manager_permissions(session, owner, manager_id, object_a, [])
        with pytest.raises(InvalidInput):
            await set_manager_permissions(session, owner, manager_id, object_a, ["fly"])
        await session.commit()
        card = await staff_card(session, owner, clock, manager_id)
    assert [(o.object_id, o.permissions) for o in card.objects] == [(object_b, ("plan", "view"))]
