"""Announcements on PostgreSQL and SQLite: a 500-person organization gets one outbox row
per recipient (written in one statement, paced by the notifier), a repeated "Send" posts
nothing twice, chosen objects narrow the audience, "read by N of M" names who has not,
"Got it" counts once, and only owners and planners may post."""

import pytest
from sqlalchemy import func, select

from services.announcements.posting import acknowledge, post_announcement
from services.announcements.queries import posted_announcements, receipts, unread_for
from services.platform.clock import ManualClock
from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    OutboxMessage,
    Permission,
    User,
)
from services.platform.errors import NotFound, PermissionDenied
from tests.conftest import ON_BOTH_DATABASES
from tests.support.payroll import add_object, add_person, make_payroll_world

STAFF = 500


async def _crowd(session, world, work_object, count: int) -> None:
    """`count` employees of `work_object`, inserted in bulk."""
    users = [User(telegram_id=3_000_000 + i, first_name=f"E{i:03}") for i in range(count)]
    session.add_all(users)
    await session.flush()
    memberships = [
        Membership(
            organization_id=world.organization.id, user_id=u.id, role=MembershipRole.EMPLOYEE
        )
        for u in users
    ]
    session.add_all(memberships)
    await session.flush()
    session.add_all(
        MembershipObject(membership_id=m.id, object_id=work_object.id) for m in memberships
    )
    await session.flush()


@ON_BOTH_DATABASES
async def test_five_hundred_people_get_it_once_each(session_factory, clock: ManualClock):
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session)
        mira = await add_object(session, world, "Мира")
        await _crowd(session, world, mira, STAFF)
        for _ in range(2):  # a double tap on "Send"
            announcement = await post_announcement(
                session,
                clock,
                user_id=world.owner.id,
                organization_id=world.organization.id,
                text="Завтра санитарный день",
                object_ids=[],
                needs_ack=True,
                request_key="req-1",
            )
    async with session_factory() as session:
        rows = (
            await session.execute(
                select(
                    func.count(), func.count(func.distinct(OutboxMessage.recipient_user_id))
                ).where(OutboxMessage.kind == "announcement")
            )
        ).one()
        assert tuple(rows) == (STAFF, STAFF)
        found = await receipts(session, user_id=world.owner.id, announcement_id=announcement.id)
        assert (found.acknowledged, found.total) == (0, STAFF)


@ON_BOTH_DATABASES
async def test_read_receipts_name_who_has_not_read(session_factory, clock: ManualClock):
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session)
        mira = await add_object(session, world, "Мира")
        park = await add_object(session, world, "Парк")
        anna = (await add_person(session, world, "Anna", [mira]))[0]
        boris = (await add_person(session, world, "Boris", [mira, park]))[0]
        vera = (await add_person(session, world, "Vera", [park]))[0]
        await add_person(session, world, "Gleb", [mira])
        announcement = await post_announcement(
            session,
            clock,
            user_id=world.owner.id,
            organization_id=world.organization.id,
            text="Новая форма с понедельника",
            object_ids=[mira.id],
            needs_ack=True,
            request_key="req-2",
        )
    async with session_factory() as session, session.begin():
        for _ in range(2):
            await acknowledge(session, clock, user_id=boris.id, announcement_id=announcement.id)
        with pytest.raises(NotFound):
            await acknowledge(session, clock, user_id=vera.id, announcement_id=announcement.id)
        assert (
            await unread_for(session, user_id=vera.id, organization_id=world.organization.id) == []
        )
        assert [
            a.id
            for a in await unread_for(
                session, user_id=anna.id, organization_id=world.organization.id
            )
        ] == [announcement.id]
    async with session_factory() as session:
        found = await receipts(session, user_id=world.owner.id, announcement_id=announcement.id)
        assert (found.acknowledged, found.total, found.not_yet) == (1, 3, ["Anna", "Gleb"])
        [posted] = await posted_announcements(
            session, user_id=world.owner.id, organization_id=world.organization.id
        )
        assert (posted.acknowledged, posted.total) == (1, 3)
        with pytest.raises(PermissionDenied):
            await receipts(session, user_id=anna.id, announcement_id=announcement.id)


@ON_BOTH_DATABASES
async def test_only_owners_and_planners_post_to_their_objects(session_factory, clock: ManualClock):
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session)
        mira = await add_object(session, world, "Мира")
        park = await add_object(session, world, "Парк")
        anna = (await add_person(session, world, "Anna", [mira]))[0]
        await add_person(session, world, "Vera", [park])
        manager = (
            await add_person(
                session,
                world,
                "Max",
                [mira],
                role=MembershipRole.MANAGER,
                permissions=[Permission.VIEW.value, Permission.PLAN.value],
            )
        )[0]

        async def post(user_id: int, object_ids: list[int], key: str):
            return await post_announcement(
                session,
                clock,
                user_id=user_id,
                organization_id=world.organization.id,
                text="Проверка",
                object_ids=object_ids,
                needs_ack=False,
                request_key=key,
            )

        with pytest.raises(PermissionDenied):
            await post(anna.id, [], "a")
        with pytest.raises(PermissionDenied):
            await post(manager.id, [park.id], "b")
        # "Everyone" from a manager is the staff of the objects they plan.
        await post(manager.id, [], "c")
        recipients = list(
            await session.scalars(
                select(OutboxMessage.recipient_user_id).where(OutboxMessage.kind == "announcement")
            )
        )
        assert recipients == [anna.id]
