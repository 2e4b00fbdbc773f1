"""Invites against real PostgreSQL and Redis: single-use codes under concurrency, the
employee limit in the joining transaction, and the guessing guard."""

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from services.orgs.invites import (
    MAX_FAILED_ATTEMPTS,
    EmployeeLimitReached,
    InviteExpired,
    InviteNotFound,
    InviteRevoked,
    InviteTerms,
    InviteUsedUp,
    MemoryFailedAttempts,
    RedisFailedAttempts,
    TooManyInviteAttempts,
    accept_invite,
    code_from_text,
    create_invite,
    reissue_invite,
    revoke_invite,
)
from services.platform.clock import ManualClock
from services.platform.db.models import (
    ContractTerms,
    Invite,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    OutboxMessage,
    User,
)
from services.platform.db.session import SessionFactory
from services.platform.errors import DomainError
from services.staff.permissions import actor_in
from tests.conftest import ON_BOTH_DATABASES
from tests.support.staff import OwnedOrganization, add_member, organization_with_objects


async def _invite(
    session_factory: SessionFactory, clock: ManualClock, org: OwnedOrganization, **terms
) -> Invite:
    """The owner's invite: an employee on every object of `org` unless `terms` say else."""
    terms = {"role": MembershipRole.EMPLOYEE, "object_ids": tuple(org.object_ids), **terms}
    async with session_factory() as session:
        actor = await actor_in(session, org.owner_id, org.organization_id)
        invite = await create_invite(session, actor, clock, InviteTerms(**terms))
        await session.commit()
        return invite


async def _users(session_factory: SessionFactory, count: int, first_id: int) -> list[int]:
    async with session_factory() as session:
        users = [User(telegram_id=first_id + i, first_name=f"U{i}") for i in range(count)]
        session.add_all(users)
        await session.commit()
        return [user.id for user in users]


async def _accept(
    session_factory: SessionFactory, clock: ManualClock, user_id: int, code: str, attempts
) -> str:
    async with session_factory() as session:
        user = await session.get(User, user_id)
        assert user is not None
        try:
            joined = await accept_invite(session, user, clock, code, attempts)
        except DomainError as error:
            await session.commit()
            return error.code
        await session.commit()
        return "already-member" if joined.already_member else "joined"


@ON_BOTH_DATABASES
async def test_single_use_invite_opened_by_ten_users_at_once_joins_exactly_one(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=5000)
    invite = await _invite(session_factory, clock, org, hourly_rate=Decimal("350.00"))
    user_ids = await _users(session_factory, 10, 5100)
    attempts = MemoryFailedAttempts(clock)

    outcomes = await asyncio.gather(
        *(_accept(session_factory, clock, uid, invite.code, attempts) for uid in user_ids)
    )

    assert sorted(outcomes) == [InviteUsedUp.code] * 9 + ["joined"]
    async with session_factory() as session:
        employees = await session.scalar(
            select(func.count()).where(Membership.role == MembershipRole.EMPLOYEE)
        )
        stored = await session.get(Invite, invite.id)
    assert employees == 1
    assert stored is not None and stored.uses == 1


@ON_BOTH_DATABASES
async def test_multi_use_invite_stops_at_max_uses_under_concurrency(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=5001)
    invite = await _invite(session_factory, clock, org, max_uses=3)
    user_ids = await _users(session_factory, 8, 5200)

    outcomes = await asyncio.gather(
        *(
            _accept(session_factory, clock, uid, invite.code, MemoryFailedAttempts(clock))
            for uid in user_ids
        )
    )

    assert outcomes.count("joined") == 3
    assert outcomes.count(InviteUsedUp.code) == 5


async def test_joining_creates_membership_objects_and_contract_in_local_date(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    # 22:30 UTC on 1 March is already 2 March in Moscow.
    clock.set(clock.now().replace(day=1, hour=22, minute=30))
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=5002, object_names=("A", "B")
    )
    invite = await _invite(
        session_factory,
        clock,
        org,
        role=MembershipRole.MANAGER,
        permissions=("view", "manage_staff"),
    )
    (user_id,) = await _users(session_factory, 1, 5300)

    assert (
        await _accept(session_factory, clock, user_id, invite.code, MemoryFailedAttempts(clock))
        == "joined"
    )

    async with session_factory() as session:
        membership = await session.scalar(select(Membership).where(Membership.user_id == user_id))
        assert membership is not None
        links = list(
            await session.scalars(
                select(MembershipObject).where(MembershipObject.membership_id == membership.id)
            )
        )
        terms = await session.scalar(
            select(ContractTerms).where(ContractTerms.membership_id == membership.id)
        )
        user = await session.get(User, user_id)
    assert membership.role == MembershipRole.MANAGER
    assert membership.started_on is not None and membership.started_on.isoformat() == "2026-03-02"
    assert sorted(link.object_id for link in links) == sorted(org.object_ids)
    assert all(link.permissions == ["manage_staff", "view"] for link in links)
    assert terms is not None and terms.hourly_rate is None
    assert terms.effective_from.isoformat() == "2026-03-02"
    assert user is not None and user.active_organization_id == org.organization_id


async def test_sixth_employee_on_free_is_refused_and_owner_is_told(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=5003)
    for index in range(5):
        await add_member(
            session_factory, org.organization_id, telegram_id=5400 + index, first_name="E"
        )
    invite = await _invite(session_factory, clock, org, max_uses=5)
    (user_id,) = await _users(session_factory, 1, 5500)

    outcome = await _accept(
        session_factory, clock, user_id, invite.code, MemoryFailedAttempts(clock)
    )

    assert outcome == EmployeeLimitReached.code
    async with session_factory() as session:
        joined = await session.scalar(select(Membership).where(Membership.user_id == user_id))
        notices = list(await session.scalars(select(OutboxMessage)))
        stored = await session.get(Invite, invite.id)
    assert joined is None
    assert stored is not None and stored.uses == 0
    assert [(n.kind, n.recipient_user_id) for n in notices] == [
        ("employee-limit-reached", org.owner_id)
    ]


async def test_revoked_expired_and_reissued_codes(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=5004)
    revoked = await _invite(session_factory, clock, org)
    expiring = await _invite(session_factory, clock, org, valid_for=timedelta(days=1))
    async with session_factory() as session:
        actor = await actor_in(session, org.owner_id, org.organization_id)
        await revoke_invite(session, actor, clock, revoked.id)
        fresh = await reissue_invite(session, actor, clock, revoked.id)
        await session.commit()
    user_ids = await _users(session_factory, 3, 5600)
    clock.advance(timedelta(days=1, seconds=1))
    attempts = MemoryFailedAttempts(clock)

    assert await _accept(session_factory, clock, user_ids[0], revoked.code, attempts) == (
        InviteRevoked.code
    )
    assert await _accept(session_factory, clock, user_ids[1], expiring.code, attempts) == (
        InviteExpired.code
    )
    assert fresh.code != revoked.code
    assert await _accept(session_factory, clock, user_ids[2], fresh.code, attempts) == "joined"


async def test_dismissed_employee_rejoins_with_the_same_membership(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=5005)
    membership_id = await add_member(
        session_factory, org.organization_id, telegram_id=5700, first_name="Ivan"
    )
    async with session_factory() as session:
        membership = await session.get(Membership, membership_id)
        assert membership is not None
        membership.status = MembershipStatus.ENDED
        user_id = membership.user_id
        await session.commit()
    invite = await _invite(session_factory, clock, org, max_uses=2)

    attempts = MemoryFailedAttempts(clock)
    assert await _accept(session_factory, clock, user_id, invite.code, attempts) == "joined"
    assert await _accept(session_factory, clock, user_id, invite.code, attempts) == (
        "already-member"
    )
    async with session_factory() as session:
        memberships = list(
            await session.scalars(select(Membership).where(Membership.user_id == user_id))
        )
    assert [(m.id, m.status, m.ended_on) for m in memberships] == [
        (membership_id, MembershipStatus.ACTIVE, None)
    ]


@pytest.mark.parametrize("store", ["redis", "memory"])
async def test_guessing_is_refused_after_too_many_failures(
    store: str, session_factory: SessionFactory, clock: ManualClock, redis, namespace: str
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=5006)
    invite = await _invite(session_factory, clock, org)
    (user_id,) = await _users(session_factory, 1, 5800)
    attempts = (
        RedisFailedAttempts(redis, namespace) if store == "redis" else MemoryFailedAttempts(clock)
    )

    for guess in range(MAX_FAILED_ATTEMPTS):
        outcome = await _accept(session_factory, clock, user_id, f"guess{guess:04d}xx", attempts)
        assert outcome == InviteNotFound.code
    assert await _accept(session_factory, clock, user_id, invite.code, attempts) == (
        TooManyInviteAttempts.code
    )
    if store == "redis":
        ttl = await redis.ttl(f"{namespace}:invite-failures:5800")
        assert 0 < ttl <= 600
    else:
        clock.advance(timedelta(minutes=10, seconds=1))
        assert await _accept(session_factory, clock, user_id, invite.code, attempts) == "joined"


CODE = "AbCdEfGh_-123456"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param(f"https://t.me/some_bot?start=inv_{CODE}", CODE, id="from a start link"),
        pytest.param(f"  inv_{CODE} ", CODE, id="from a start payload with spaces around"),
        pytest.param(CODE, CODE, id="bare"),
        pytest.param("hello there", "", id="not from words"),
        pytest.param("<b>", "", id="not from markup"),
        pytest.param(None, "", id="not from a message without text"),
    ],
)
def test_code_is_read_from_a_link_a_payload_or_bare(text: str | None, code: str) -> None:
    assert code_from_text(text) == code


async def test_codes_are_long_and_random(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=5007)
    codes = {(await _invite(session_factory, clock, org)).code for _ in range(20)}
    assert len(codes) == 20
    # token_urlsafe: 6 bits per character, so 16 characters carry 96 bits.
    assert all(len(code) >= 16 for code in codes)
