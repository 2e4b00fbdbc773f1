"""Contracts on real PostgreSQL: versioned rates, objects, dismissal and who may change
what."""

from dataclasses import dataclass
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
    end_contract,
    list_staff,
    rate_in_force,
    set_contract_rate,
    set_manager_permissions,
    staff_card,
)
from services.staff.permissions import actor_in
from tests.support.staff import (
    OwnedOrganization,
    add_employee,
    add_member,
    organization_with_objects,
)


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


async def _ivan_employed(
    session_factory: SessionFactory, clock: ManualClock, owner_telegram_id: int
) -> tuple[OwnedOrganization, int]:
    """An organization whose one object Ivan works at (since 1 January); his membership id."""
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=owner_telegram_id
    )
    membership_id = await add_employee(
        session_factory, org.organization_id, owner_telegram_id + 1, "Ivan", org.object_ids[0]
    )
    return org, membership_id


async def test_change_rate_from_a_later_date_keeps_todays_rate(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org, membership_id = await _ivan_employed(session_factory, clock, 6010)
    async with session_factory() as session:
        actor = await actor_in(session, org.owner_id, org.organization_id)
        # 10 March twice: the later decision replaces the earlier one.
        for rate, effective_from in (
            ("300", date(2026, 3, 2)),
            ("400", date(2026, 3, 10)),
            ("420", date(2026, 3, 10)),
        ):
            await change_rate(
                session,
                actor,
                clock,
                membership_id,
                hourly_rate=Decimal(rate),
                effective_from=effective_from,
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
    assert card.hourly_rate == Decimal("300.00")
    assert (card.next_rate_from, card.next_rate) == (date(2026, 3, 10), Decimal("420.00"))
    assert sorted(versions) == [Decimal("300.00"), Decimal("420.00")]


@pytest.mark.parametrize(
    "effective_from",
    [
        pytest.param(date(2025, 12, 1), id="not from before the contract started"),
        pytest.param(date(2026, 3, 2) + timedelta(days=400), id="not from over a year ahead"),
    ],
)
async def test_rate_change_is_refused_for_a_date(
    effective_from: date, session_factory: SessionFactory, clock: ManualClock
) -> None:
    org, membership_id = await _ivan_employed(session_factory, clock, 6010)
    async with session_factory() as session:
        actor = await actor_in(session, org.owner_id, org.organization_id)
        with pytest.raises(InvalidInput):
            await change_rate(
                session,
                actor,
                clock,
                membership_id,
                hourly_rate=Decimal("1"),
                effective_from=effective_from,
            )


async def test_dismissal_ends_the_contract_and_keeps_history(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org, membership_id = await _ivan_employed(session_factory, clock, 6020)
    async with session_factory() as session:
        actor = await actor_in(session, org.owner_id, org.organization_id)
        await set_contract_rate(session, membership_id, Decimal("300"), date(2026, 1, 1))
        with pytest.raises(InvalidInput):
            await end_contract(session, actor, clock, membership_id, on_date=date(2026, 3, 3))
        await end_contract(session, actor, clock, membership_id, on_date=date(2026, 2, 28))
        await session.commit()
        membership = await session.get(Membership, membership_id)
        rows = await list_staff(session, actor, role=MembershipRole.EMPLOYEE)
        with pytest.raises(InvalidInput):
            await end_contract(session, actor, clock, membership_id, on_date=date(2026, 3, 2))
    assert membership is not None
    assert (membership.status, membership.ended_on) == (MembershipStatus.ENDED, date(2026, 2, 28))
    assert [(row.membership_id, row.status) for row in rows] == [
        (membership_id, MembershipStatus.ENDED)
    ]


@dataclass(frozen=True)
class ManagedStaff:
    """Maria manages the staff of object A and only views B; Anton works on A, Boris on B
    (membership ids)."""

    object_a: int
    object_b: int
    maria: int
    anton: int
    boris: int


async def _maria_and_her_staff(session_factory: SessionFactory, clock: ManualClock):
    """The organization, Maria as an actor (`maria_actor(session)`) and the staff."""
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=6030, object_names=("A", "B")
    )
    object_a, object_b = org.object_ids
    maria = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=6031,
        first_name="Maria",
        role=MembershipRole.MANAGER,
        object_permissions={object_a: ["view", "manage_staff"], object_b: ["view"]},
    )
    staff = ManagedStaff(
        object_a,
        object_b,
        maria,
        anton=await add_employee(session_factory, org.organization_id, 6032, "Anton", object_a),
        boris=await add_employee(session_factory, org.organization_id, 6033, "Boris", object_b),
    )

    async def maria_actor(session):
        membership = await session.get(Membership, maria)
        assert membership is not None
        return await actor_in(session, membership.user_id, org.organization_id)

    return maria_actor, staff


def _rate_250_from_march_2(session, actor, clock, membership_id: int):
    return change_rate(
        session,
        actor,
        clock,
        membership_id,
        hourly_rate=Decimal("250"),
        effective_from=date(2026, 3, 2),
    )


async def test_manager_manages_only_employees_wholly_on_their_objects(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    maria_actor, staff = await _maria_and_her_staff(session_factory, clock)
    async with session_factory() as session:
        actor = await maria_actor(session)
        rows = await list_staff(session, actor, role=MembershipRole.EMPLOYEE)
        assert [row.membership_id for row in rows] == [staff.anton]
        await _rate_250_from_march_2(session, actor, clock, staff.anton)


@pytest.mark.parametrize(
    ("attempt", "refusal"),
    [
        pytest.param(
            lambda session, actor, clock, staff: _rate_250_from_march_2(
                session, actor, clock, staff.boris
            ),
            PermissionDenied,
            id="not the rate of an employee on an object she only views",
        ),
        pytest.param(
            lambda session, actor, clock, staff: change_objects(
                session, actor, staff.anton, [staff.object_a, staff.object_b]
            ),
            PermissionDenied,
            id="not moving her employee onto an object she only views",
        ),
        pytest.param(
            lambda session, actor, clock, staff: end_contract(
                session, actor, clock, staff.boris, on_date=date(2026, 3, 2)
            ),
            PermissionDenied,
            id="not dismissing an employee on an object she only views",
        ),
        pytest.param(
            lambda session, actor, clock, staff: list_staff(
                session, actor, role=MembershipRole.MANAGER
            ),
            PermissionDenied,
            id="not the list of managers",
        ),
        pytest.param(
            lambda session, actor, clock, staff: set_manager_permissions(
                session, actor, staff.maria, staff.object_a, ["plan"]
            ),
            PermissionDenied,
            id="not her own permissions",
        ),
        pytest.param(
            lambda session, actor, clock, staff: staff_card(session, actor, clock, 999_999),
            NotFound,
            id="no card of someone unknown",
        ),
    ],
)
async def test_manager_is_refused(
    attempt, refusal: type[Exception], session_factory: SessionFactory, clock: ManualClock
) -> None:
    maria_actor, staff = await _maria_and_her_staff(session_factory, clock)
    async with session_factory() as session:
        actor = await maria_actor(session)
        with pytest.raises(refusal):
            await attempt(session, actor, clock, staff)


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
