"""Hiring's rules in the database, on PostgreSQL and on the embedded default's SQLite: one
live application per candidate and object however many taps arrive at once, a hire
counted once, another organization's application not found."""

import asyncio
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from services.hiring.applications import ApplicationForm, apply
from services.hiring.decisions import hire, managed_application
from services.hiring.queries import application_card
from services.hiring.vacancies import VacancyTerms, save_vacancy
from services.platform.clock import ManualClock
from services.platform.db.models import (
    ContractTerms,
    JobApplication,
    Membership,
    MembershipRole,
    User,
)
from services.platform.errors import DomainError, NotFound
from services.staff.permissions import actor_in
from tests.conftest import ON_BOTH_DATABASES
from tests.support.staff import OwnedOrganization, organization_with_objects

pytestmark = ON_BOTH_DATABASES

FORM = ApplicationForm("Ivan", "+79001234567", "Два года", "Будни")


async def _vacancy(session_factory, clock, owner_tg: int = 5100) -> tuple[OwnedOrganization, str]:
    org = await organization_with_objects(session_factory, clock, owner_telegram_id=owner_tg)
    async with session_factory() as session, session.begin():
        actor = await actor_in(session, org.owner_id, org.organization_id)
        view = await save_vacancy(
            session,
            actor,
            clock,
            org.object_ids[0],
            VacancyTerms("Бариста", "250 ₽/ч", "2/2", "ул. Мира, 1"),
        )
    return org, view.code


async def _candidate(session_factory, telegram_id: int = 5101) -> User:
    async with session_factory() as session, session.begin():
        user = User(telegram_id=telegram_id, first_name="Ivan")
        session.add(user)
    return user


async def _attempt(session_factory, use_case, *args) -> str:
    async with session_factory() as session:
        try:
            await use_case(session, *args)
        except DomainError as error:
            await session.rollback()
            return error.code
        await session.commit()
        return "ok"


async def test_a_candidates_simultaneous_taps_make_one_application(
    session_factory, clock: ManualClock
) -> None:
    _, code = await _vacancy(session_factory, clock)
    candidate = await _candidate(session_factory)

    async def tap(session, *_):
        user = await session.get(User, candidate.id)
        await apply(session, user, clock, code, FORM)

    outcomes = await asyncio.gather(*(_attempt(session_factory, tap) for _ in range(5)))

    assert outcomes.count("ok") == 1
    assert set(outcomes) <= {"ok", "application-exists"}
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(JobApplication)) == 1


async def test_two_hires_of_one_application_enrol_once(session_factory, clock: ManualClock) -> None:
    org, code = await _vacancy(session_factory, clock)
    candidate = await _candidate(session_factory)
    async with session_factory() as session, session.begin():
        application = await apply(session, await session.get(User, candidate.id), clock, code, FORM)

    async def hire_it(session, *_):
        actor = await actor_in(session, org.owner_id, org.organization_id)
        await hire(session, actor, clock, application.id, Decimal("300"))

    outcomes = await asyncio.gather(*(_attempt(session_factory, hire_it) for _ in range(3)))

    assert outcomes.count("ok") == 1
    async with session_factory() as session:
        members = list(
            await session.scalars(
                select(Membership).where(Membership.role == MembershipRole.EMPLOYEE)
            )
        )
        versions = await session.scalar(select(func.count()).select_from(ContractTerms))
    assert len(members) == 1 and versions == 1


async def test_another_organizations_application_is_not_found(
    session_factory, clock: ManualClock
) -> None:
    _, code = await _vacancy(session_factory, clock)
    candidate = await _candidate(session_factory)
    async with session_factory() as session, session.begin():
        application = await apply(session, await session.get(User, candidate.id), clock, code, FORM)
    other = await organization_with_objects(
        session_factory, clock, owner_telegram_id=5200, name="Чужая"
    )

    async with session_factory() as session:
        stranger = await actor_in(session, other.owner_id, other.organization_id)
        with pytest.raises(NotFound):
            await managed_application(session, stranger, application.id)
        with pytest.raises(NotFound):
            await application_card(session, stranger, clock, application.id)
