"""The scheduler's alerts with the injected clock: "not clocked in" to the object's owner
and managers, the owners' daily summary at their local hour, and the reminder of tasks
left open near the end of a shift. Each fires once, at the right local moment in every
timezone (DST days included), and two schedulers at once never double it."""

import asyncio
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from aiogram import Bot
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from services.attendance.jobs import not_clocked_in_job
from services.notify.notifier import Notifier, Outcome
from services.notify.outbox import DAILY_SUMMARY, NOT_CLOCKED_IN, TASKS_UNFINISHED
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    MembershipRole,
    NotificationPreferences,
    OutboxMessage,
    Shift,
    ShiftStatus,
    User,
)
from services.platform.db.session import SessionFactory
from services.platform.scheduler import ScheduledJob, Scheduler
from services.reports.jobs import daily_summary_job
from services.tasks.jobs import remind_unfinished_tasks_job
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import make_notifier
from tests.support.payroll import (
    add_finished_shift,
    add_object,
    add_person,
    add_planned,
    add_task,
    local,
    make_payroll_world,
)

TICK = timedelta(seconds=30)
NOT_CLOCKED_IN_JOB = ScheduledJob("not_clocked_in_alerts", not_clocked_in_job)
SUMMARY_JOB = ScheduledJob("daily_summaries", daily_summary_job)
TASKS_JOB = ScheduledJob("unfinished_tasks_reminders", remind_unfinished_tasks_job)


@pytest.fixture
def notifier(
    settings: Settings, session_factory: SessionFactory, bot: Bot, redis: Redis, clock: ManualClock
) -> Notifier:
    return make_notifier(settings, session_factory, bot, redis, clock)


def scheduler_of(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    job: ScheduledJob,
) -> Scheduler:
    return Scheduler(
        engine=engine, session_factory=session_factory, clock=clock, settings=settings, jobs=[job]
    )


async def queued(session_factory: SessionFactory, kind: str) -> list[OutboxMessage]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
            )
        )


async def tick_until(scheduler: Scheduler, clock: ManualClock, end: datetime) -> None:
    while clock.now() < end:
        await scheduler.tick()
        clock.advance(TICK)


async def deliver_all(notifier: Notifier, rows: list[OutboxMessage]) -> None:
    for row in rows:
        assert await notifier.deliver(row.id) == Outcome.SENT


async def telegram_id_of(session_factory: SessionFactory, user_id: int) -> int:
    async with session_factory() as session:
        user = await session.get(User, user_id)
    assert user is not None
    return user.telegram_id


# ------------------------------------------------------------------ not clocked in


async def test_owner_and_managers_are_alerted_once_when_nobody_clocked_in(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    notifier: Notifier,
    telegram: FakeTelegramServer,
) -> None:
    day = date(2026, 3, 3)
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, owner_telegram_id=61_001)
        cafe = await add_object(session, world, "Кофейня")
        cafe.not_clocked_in_alert_minutes = 15
        manager, _ = await add_person(
            session,
            world,
            "Max",
            [cafe],
            role=MembershipRole.MANAGER,
            permissions=["view"],
            telegram_id=61_002,
            language="en",
        )
        anna = await add_person(session, world, "Anna", [cafe], telegram_id=61_003)
        boris = await add_person(session, world, "Boris", [cafe], telegram_id=61_004)
        missing = await add_planned(session, anna, cafe, local(day, 9, 0), local(day, 17, 0))
        present = await add_planned(session, boris, cafe, local(day, 9, 0), local(day, 16, 0))
        # Boris opened his shift at 09:05 and is still on it.
        session.add(
            Shift(
                organization_id=world.organization.id,
                user_id=boris[0].id,
                membership_id=boris[1].id,
                object_id=cafe.id,
                planned_shift_id=present.id,
                planned_start_at=present.starts_at,
                opened_at=local(day, 9, 5),
                paid_from=local(day, 9, 5),
                scheduled_end_at=present.ends_at,
                hourly_rate=Decimal("300.00"),
                rate_source="object",
                status=ShiftStatus.OPEN,
            )
        )
        owner_id, manager_id = world.owner.id, manager.id
    scheduler = scheduler_of(engine, session_factory, clock, settings, NOT_CLOCKED_IN_JOB)

    clock.set(local(day, 8, 50).astimezone(UTC))
    await tick_until(scheduler, clock, local(day, 9, 15))
    assert await queued(session_factory, NOT_CLOCKED_IN.name) == []

    await tick_until(scheduler, clock, local(day, 12, 0))
    alerts = await queued(session_factory, NOT_CLOCKED_IN.name)
    assert sorted(row.recipient_user_id for row in alerts) == sorted([owner_id, manager_id])
    assert {row.not_before for row in alerts} == {local(day, 9, 15).astimezone(UTC)}
    assert {row.dedup_key.split(":")[1] for row in alerts} == {str(missing.id)}

    await deliver_all(notifier, alerts)
    (to_owner,) = telegram.chat_messages(61_001)
    assert to_owner["text"] == (
        "🚨 Anna не отметил(а) начало смены на объекте «Кофейня»: смена началась в 09:00, "
        "прошло 15 мин."
    )
    (to_manager,) = telegram.chat_messages(61_002)
    assert to_manager["text"].startswith("🚨 Anna has not clocked in at “Кофейня”")


async def test_not_clocked_in_fires_at_the_local_moment_across_dst_and_once_with_two_schedulers(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    # Europe/Berlin moves to summer time on 2026-03-29: 09:00 is 08:00 UTC on the 28th
    # and 07:00 UTC on the 29th. Vladivostok (+10) has no DST.
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, timezone="Europe/Berlin")
        berlin = await add_object(session, world, "Berlin")
        anna = await add_person(session, world, "Anna", [berlin])
        winter = await add_planned(
            session,
            anna,
            berlin,
            local(date(2026, 3, 28), 9, 0, "Europe/Berlin"),
            local(date(2026, 3, 28), 17, 0, "Europe/Berlin"),
        )
        summer = await add_planned(
            session,
            anna,
            berlin,
            local(date(2026, 3, 29), 9, 0, "Europe/Berlin"),
            local(date(2026, 3, 29), 17, 0, "Europe/Berlin"),
        )
        east = await make_payroll_world(session, timezone="Asia/Vladivostok")
        port = await add_object(session, east, "Порт")
        ivan = await add_person(session, east, "Ivan", [port])
        vladivostok = await add_planned(
            session,
            ivan,
            port,
            local(date(2026, 3, 29), 9, 0, "Asia/Vladivostok"),
            local(date(2026, 3, 29), 17, 0, "Asia/Vladivostok"),
        )
        expected = {
            winter.id: datetime(2026, 3, 28, 8, 10, tzinfo=UTC),
            summer.id: datetime(2026, 3, 29, 7, 10, tzinfo=UTC),
            vladivostok.id: datetime(2026, 3, 28, 23, 10, tzinfo=UTC),
        }
    first = scheduler_of(engine, session_factory, clock, settings, NOT_CLOCKED_IN_JOB)
    second = scheduler_of(engine, session_factory, clock, settings, NOT_CLOCKED_IN_JOB)

    fired: dict[int, datetime] = {}
    clock.set(datetime(2026, 3, 28, 7, 0, tzinfo=UTC))
    while clock.now() < datetime(2026, 3, 29, 9, 0, tzinfo=UTC):
        await asyncio.gather(first.tick(), second.tick())
        for row in await queued(session_factory, NOT_CLOCKED_IN.name):
            fired.setdefault(int(row.dedup_key.split(":")[1]), clock.now())
        clock.advance(timedelta(minutes=5))

    assert fired == expected
    keys = [row.dedup_key for row in await queued(session_factory, NOT_CLOCKED_IN.name)]
    # One owner per organization, no manager: one alert per planned shift.
    assert len(keys) == len(set(keys)) == 3


# ------------------------------------------------------------------ daily summary


async def test_daily_summary_comes_once_at_the_owners_hour_with_yesterdays_figures(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    notifier: Notifier,
    telegram: FakeTelegramServer,
) -> None:
    yesterday = date(2026, 3, 28)  # Berlin changes to summer time overnight
    zone = "Europe/Berlin"
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, timezone=zone, owner_telegram_id=62_001)
        session.add(
            NotificationPreferences(
                user_id=world.owner.id,
                muted_kinds=[],
                reminder_lead_minutes=60,
                daily_summary_hour=8,
            )
        )
        shop = await add_object(session, world, "Магазин", grace=5)
        anna = await add_person(session, world, "Anna", [shop])
        boris = await add_person(session, world, "Boris", [shop])
        anna[0].birthday = date(1996, 3, 29)  # the summary's day: a note for the owner
        boris[0].birthday = date(1996, 3, 28)
        planned = await add_planned(
            session, anna, shop, local(yesterday, 9, 0, zone), local(yesterday, 17, 0, zone)
        )
        # 20 minutes late, worked until 17:00: 7 h 40 min at 300 ₽.
        await add_finished_shift(
            session,
            anna,
            shop,
            local(yesterday, 9, 20, zone),
            local(yesterday, 17, 0, zone),
            planned=planned,
        )
        await add_planned(
            session, boris, shop, local(yesterday, 10, 0, zone), local(yesterday, 18, 0, zone)
        )
        owner_id = world.owner.id
    first = scheduler_of(engine, session_factory, clock, settings, SUMMARY_JOB)
    second = scheduler_of(engine, session_factory, clock, settings, SUMMARY_JOB)

    # 08:00 CEST on the 29th is 06:00 UTC.
    clock.set(datetime(2026, 3, 29, 5, 0, tzinfo=UTC))
    while clock.now() < datetime(2026, 3, 29, 6, 0, tzinfo=UTC):
        await asyncio.gather(first.tick(), second.tick())
        clock.advance(TICK)
    assert await queued(session_factory, DAILY_SUMMARY.name) == []
    while clock.now() < datetime(2026, 3, 29, 12, 0, tzinfo=UTC):
        await asyncio.gather(first.tick(), second.tick())
        clock.advance(timedelta(minutes=2))

    (summary,) = await queued(session_factory, DAILY_SUMMARY.name)
    assert summary.recipient_user_id == owner_id
    assert summary.not_before == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    assert summary.payload["shifts"] == 1 and summary.payload["no_shows"] == 1
    assert summary.payload["late_arrivals"] == 1

    clock.set(summary.not_before)
    await deliver_all(notifier, [summary])
    (message,) = telegram.chat_messages(62_001)
    assert message["text"] == (
        "📊 Сводка за 28.03.2026 · Кофейни\n"
        "Смен: 1, часов: 7,67\n"
        "Фонд оплаты: 2\xa0300,00\xa0₽\n"
        "Опозданий: 1, неявок: 1\n"
        "🎂 Сегодня день рождения: Anna"
    )


async def test_each_owner_gets_the_summary_at_their_own_local_hour_every_day(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    async with session_factory() as session, session.begin():
        moscow = await make_payroll_world(session, timezone="Europe/Moscow")
        east = await make_payroll_world(session, timezone="Asia/Vladivostok")
        muted = await make_payroll_world(session, timezone="Europe/Moscow")
        session.add(
            NotificationPreferences(
                user_id=muted.owner.id,
                muted_kinds=[DAILY_SUMMARY.name],
                reminder_lead_minutes=60,
                daily_summary_hour=9,
            )
        )
        owners = {moscow.owner.id: "moscow", east.owner.id: "east"}
    scheduler = scheduler_of(engine, session_factory, clock, settings, SUMMARY_JOB)

    clock.set(datetime(2026, 3, 2, 20, 0, tzinfo=UTC))
    while clock.now() < datetime(2026, 3, 4, 12, 0, tzinfo=UTC):
        await scheduler.tick()
        clock.advance(timedelta(minutes=10))

    fired = sorted(
        (owners[row.recipient_user_id], row.not_before)
        for row in await queued(session_factory, DAILY_SUMMARY.name)
    )
    # The default hour is 09:00: 23:00 UTC for Vladivostok, 06:00 UTC for Moscow.
    assert fired == [
        ("east", datetime(2026, 3, 2, 23, 0, tzinfo=UTC)),
        ("east", datetime(2026, 3, 3, 23, 0, tzinfo=UTC)),
        ("moscow", datetime(2026, 3, 3, 6, 0, tzinfo=UTC)),
        ("moscow", datetime(2026, 3, 4, 6, 0, tzinfo=UTC)),
    ]


async def test_a_worker_down_at_the_hour_still_sends_the_summary_later_that_morning(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    async with session_factory() as session, session.begin():
        await make_payroll_world(session, timezone="Europe/Moscow")
    scheduler = scheduler_of(engine, session_factory, clock, settings, SUMMARY_JOB)

    clock.set(datetime(2026, 3, 3, 7, 30, tzinfo=UTC))  # 10:30 in Moscow
    await scheduler.tick()
    clock.set(datetime(2026, 3, 3, 8, 0, tzinfo=UTC))  # 11:00: the catch-up is over
    await scheduler.tick()

    (summary,) = await queued(session_factory, DAILY_SUMMARY.name)
    assert summary.not_before == datetime(2026, 3, 3, 7, 30, tzinfo=UTC)
    assert summary.payload["shifts"] == 0


# ------------------------------------------------------------------ unfinished tasks


async def test_open_tasks_are_reminded_once_half_an_hour_before_the_shift_ends(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    notifier: Notifier,
    telegram: FakeTelegramServer,
) -> None:
    day = date(2026, 3, 3)
    zone = "Asia/Vladivostok"
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, timezone=zone)
        port = await add_object(session, world, "Порт")
        anna = await add_person(session, world, "Anna", [port], telegram_id=63_001)
        boris = await add_person(session, world, "Boris", [port], telegram_id=63_002)
        busy = await add_finished_shift(
            session, anna, port, local(day, 9, 0, zone), local(day, 18, 0, zone)
        )
        done = await add_finished_shift(
            session, boris, port, local(day, 9, 0, zone), local(day, 18, 0, zone)
        )
        for shift in (busy, done):
            shift.status, shift.closed_at = ShiftStatus.OPEN, None
            shift.scheduled_end_at = local(day, 18, 0, zone)
        await add_task(session, busy, "Пересчитать кассу", done=False)
        await add_task(session, busy, "Вынести мусор", done=False, mandatory=True)
        await add_task(session, busy, "Протереть витрину", done=True)
        await add_task(session, done, "Протереть витрину", done=True)
    first = scheduler_of(engine, session_factory, clock, settings, TASKS_JOB)
    second = scheduler_of(engine, session_factory, clock, settings, TASKS_JOB)

    clock.set(local(day, 17, 0, zone).astimezone(UTC))
    while clock.now() < local(day, 17, 30, zone):
        await asyncio.gather(first.tick(), second.tick())
        clock.advance(TICK)
    assert await queued(session_factory, TASKS_UNFINISHED.name) == []
    while clock.now() < local(day, 18, 30, zone):
        await asyncio.gather(first.tick(), second.tick())
        clock.advance(TICK)

    (reminder,) = await queued(session_factory, TASKS_UNFINISHED.name)
    assert reminder.not_before == local(day, 17, 30, zone)
    await deliver_all(notifier, [reminder])
    (message,) = telegram.chat_messages(63_001)
    assert message["text"] == (
        "📋 Смена на объекте «Порт» заканчивается в 18:00, а задачи ещё не выполнены (2):\n"
        "• Вынести мусор\n"
        "• Пересчитать кассу"
    )
    assert telegram.chat_messages(63_002) == []
