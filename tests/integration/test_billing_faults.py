"""YooKassa hung or absent: "Pay" gives up within the timeout and locks nothing for
others meanwhile (PostgreSQL and the embedded SQLite), and a hung poll of pending
payments holds up no other scheduled job."""

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from services.attendance.jobs import not_clocked_in_job
from services.billing.jobs import JOBS as BILLING_JOBS
from services.integrations.yookassa import PaymentProviderUnavailable, YookassaGateway
from services.notify.outbox import NOT_CLOCKED_IN
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import Organization, OutboxMessage, User
from services.platform.db.session import SessionFactory, create_engine, create_session_factory
from services.platform.scheduler import ScheduledJob, Scheduler
from tests.fakes.yookassa_server import FakeYookassaServer
from tests.support.billing import make_owner, start_payment, yookassa_settings
from tests.support.payroll import add_object, add_person, add_planned, local, make_payroll_world
from tests.support.services import alembic_upgrade

TIMEOUT_SECONDS = 1.0


@pytest.fixture
async def yookassa() -> AsyncIterator[FakeYookassaServer]:
    async with FakeYookassaServer() as server:
        yield server


def gateway_of(yookassa: FakeYookassaServer, timeout_seconds: float) -> YookassaGateway:
    settings = yookassa_settings(yookassa)
    settings.timeout_seconds = timeout_seconds
    return YookassaGateway(settings)


async def test_pay_while_yookassa_hangs_gives_up_at_the_timeout_and_locks_no_organization(
    session_factory: SessionFactory, clock: ManualClock, yookassa: FakeYookassaServer
) -> None:
    owner = await make_owner(session_factory, clock, 8101)
    yookassa.hold_answers()
    started = time.monotonic()
    paying = asyncio.create_task(
        start_payment(session_factory, gateway_of(yookassa, TIMEOUT_SECONDS), clock, owner)
    )
    await yookassa.wait_for_request()

    # Meanwhile the organization can be changed (a tariff check, a renewal, a rename).
    async with session_factory() as session, session.begin():
        locked = await session.scalar(
            select(Organization)
            .where(Organization.id == owner.organization_id)
            .with_for_update(nowait=True)
        )
        assert locked is not None
    with pytest.raises(PaymentProviderUnavailable):
        await asyncio.wait_for(paying, 10)
    assert time.monotonic() - started < TIMEOUT_SECONDS + 2

    # Once YooKassa answers again, the next tap completes the same payment.
    yookassa.release_answers()
    payment = await start_payment(session_factory, gateway_of(yookassa, 10), clock, owner)
    assert payment.confirmation_url is not None
    assert {call.idempotence_key for call in yookassa.created} == {payment.idempotence_key}


async def test_on_sqlite_other_users_write_while_pay_waits_for_yookassa(
    tmp_path: Path, clock: ManualClock, yookassa: FakeYookassaServer
) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'embedded.db'}"
    await asyncio.to_thread(alembic_upgrade, database_url)
    engine = create_engine(database_url)
    session_factory = create_session_factory(engine)
    try:
        owner = await make_owner(session_factory, clock, 8201)
        yookassa.hold_answers()
        paying = asyncio.create_task(
            start_payment(session_factory, gateway_of(yookassa, 30), clock, owner)
        )
        await yookassa.wait_for_request()

        # Another user registers while "Pay" waits: no "database is locked".
        async with session_factory() as session, session.begin():
            session.add(User(telegram_id=8202, first_name="Ivan", language="ru"))
        yookassa.release_answers()
        payment = await asyncio.wait_for(paying, 10)
        assert payment.confirmation_url is not None
    finally:
        await engine.dispose()


async def test_a_hung_yookassa_holds_up_no_other_scheduled_job(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    yookassa: FakeYookassaServer,
) -> None:
    """The poller asks YooKassa about a pending payment and gets no answer; meanwhile
    Anna's 09:00 shift starts and she does not clock in: her owner is alerted on time."""
    day = date(2026, 3, 3)
    clock.set(local(day, 8, 50).astimezone(UTC))
    owner = await make_owner(session_factory, clock, 8301)
    await start_payment(session_factory, gateway_of(yookassa, 10), clock, owner)
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, owner_telegram_id=8302)
        cafe = await add_object(session, world, "Кофейня")
        cafe.not_clocked_in_alert_minutes = 15
        anna = await add_person(session, world, "Anna", [cafe], telegram_id=8303)
        await add_planned(session, anna, cafe, local(day, 9, 0), local(day, 17, 0))
    settings.yookassa = yookassa_settings(yookassa)
    settings.yookassa.timeout_seconds = 60
    settings.notifier.scheduler_interval_seconds = 0.2
    scheduler = Scheduler(
        engine=engine,
        session_factory=session_factory,
        clock=clock,
        settings=settings,
        jobs=[*BILLING_JOBS, ScheduledJob("not_clocked_in_alerts", not_clocked_in_job)],
    )
    yookassa.hold_answers()
    clock.advance(timedelta(minutes=10))  # 09:00: the payment has been pending 10 minutes
    stop = asyncio.Event()
    running = asyncio.create_task(scheduler.run(stop))
    try:
        await yookassa.wait_for_request()
        clock.set(local(day, 9, 16).astimezone(UTC))
        alerted = await _wait_for_outbox(session_factory, NOT_CLOCKED_IN.name, seconds=10)
    finally:
        stop.set()
        yookassa.release_answers()
        await asyncio.wait_for(running, 30)

    assert [row.recipient_user_id for row in alerted] == [world.owner.id]


async def _wait_for_outbox(
    session_factory: SessionFactory, kind: str, *, seconds: float
) -> list[OutboxMessage]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        async with session_factory() as session:
            rows = list(
                await session.scalars(select(OutboxMessage).where(OutboxMessage.kind == kind))
            )
        if rows:
            return rows
        await asyncio.sleep(0.1)
    raise AssertionError(f"no {kind} notification in {seconds} s")
