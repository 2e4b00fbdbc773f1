"""Searching staff by name folds case in every alphabet, on PostgreSQL and on the embedded
SQLite database alike."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import update

from services.platform.clock import ManualClock
from services.platform.db.models import Base, MembershipRole, User
from services.platform.db.session import SessionFactory, create_engine, create_session_factory
from services.staff.memberships import list_staff
from services.staff.permissions import actor_in
from tests.support.staff import add_member, organization_with_objects


@pytest.fixture
async def sqlite_sessions(tmp_path: Path) -> AsyncIterator[SessionFactory]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'staff.db'}")
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield create_session_factory(engine)
    await engine.dispose()


@pytest.fixture(params=["postgresql", "sqlite"])
def sessions(request: pytest.FixtureRequest) -> SessionFactory:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_sessions")
    return request.getfixturevalue("session_factory")


@pytest.mark.parametrize("query", ["анна", "АННА", "Анн", "ann"])
async def test_search_finds_a_cyrillic_name_whatever_its_case(
    sessions: SessionFactory, clock: ManualClock, query: str
) -> None:
    org = await organization_with_objects(sessions, clock, owner_telegram_id=6100)
    anna = await add_member(sessions, org.organization_id, telegram_id=6101, first_name="Анна")
    await add_member(sessions, org.organization_id, telegram_id=6102, first_name="Борис")
    if query == "ann":
        async with sessions() as session, session.begin():
            await session.execute(
                update(User).where(User.telegram_id == 6101).values(username="anna_k")
            )
    async with sessions() as session:
        actor = await actor_in(session, org.owner_id, org.organization_id)
        rows = await list_staff(session, actor, role=MembershipRole.EMPLOYEE, search=query)
    assert [row.membership_id for row in rows] == [anna]
