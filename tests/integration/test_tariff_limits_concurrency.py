"""Tariff limits hold under concurrency, on PostgreSQL and on the embedded default's
SQLite: an owner's creations at the same moment (several devices, a double tap) never
pass a count that allows only some of them."""

import asyncio

from sqlalchemy import func, select

from services.places.objects import Place, create_object
from services.platform.clock import ManualClock
from services.platform.db.models import Organization, Tariff, User, WorkObject
from services.platform.db.session import SessionFactory
from services.platform.errors import DomainError
from tests.conftest import ON_BOTH_DATABASES
from tests.support.staff import organization_with_objects

pytestmark = ON_BOTH_DATABASES


async def _create(session_factory: SessionFactory, owner_id: int, org_id: int, n: int) -> str:
    async with session_factory() as session:
        owner = await session.get(User, owner_id)
        assert owner is not None
        try:
            await create_object(
                session, owner, org_id, name=f"Точка {n}", place=Place(55.75, 37.61)
            )
        except DomainError as error:
            await session.rollback()
            return error.code
        await session.commit()
        return "created"


async def test_six_objects_created_at_once_stop_at_the_tariff_limit(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=8100, object_names=()
    )
    async with session_factory() as session:
        organization = await session.get(Organization, org.organization_id)
        assert organization is not None
        tariff = await session.get(Tariff, organization.tariff_code)
    assert tariff is not None and tariff.max_objects is not None and tariff.max_objects < 6

    outcomes = await asyncio.gather(
        *(_create(session_factory, org.owner_id, org.organization_id, n) for n in range(6))
    )

    assert outcomes.count("created") == tariff.max_objects
    assert outcomes.count("tariff-limit") == 6 - tariff.max_objects
    async with session_factory() as session:
        stored = await session.scalar(
            select(func.count()).where(WorkObject.organization_id == org.organization_id)
        )
    assert stored == tariff.max_objects
