"""The daily summary to managers: the figures of the objects they may report on only,
the labour cost only with `view_money` on all of them, birthdays of their objects'
people; once a day at their own hour; none when muted, unreachable or without the
reports' `view` on any object. Both languages render every variable."""

import asyncio
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from aiogram import Bot
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from services.notify.notifier import Notifier
from services.notify.outbox import DAILY_SUMMARY
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    NotificationPreferences,
    OutboxMessage,
    Permission,
    User,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.integration.test_scheduled_alerts import (
    SUMMARY_JOB,
    deliver_all,
    queued,
    scheduler_of,
    telegram_id_of,
)
from tests.support.notifications import make_notifier
from tests.support.payroll import (
    PayrollWorld,
    add_finished_shift,
    add_object,
    add_person,
    add_planned,
    local,
    make_payroll_world,
)

YESTERDAY = date(2026, 3, 2)  # Moscow, no DST: the default 09:00 is 06:00 UTC
SUMMARY_HOUR = datetime(2026, 3, 3, 6, 0, tzinfo=UTC)
VIEW = [Permission.VIEW.value]
VIEW_MONEY = [Permission.VIEW.value, Permission.VIEW_MONEY.value]


@pytest.fixture
def notifier(
    settings: Settings, session_factory: SessionFactory, bot: Bot, redis: Redis, clock: ManualClock
) -> Notifier:
    return make_notifier(settings, session_factory, bot, redis, clock)


@dataclass
class TwoObjects:
    """An organization with a shop (Anna worked 8 h on time) and a cafe (Boris worked
    7 h 40 min, 20 minutes late; Carl did not come); Anna and Boris have their birthday
    on the summary's day."""

    world: PayrollWorld
    shop: WorkObject
    cafe: WorkObject


async def two_objects(session: AsyncSession) -> TwoObjects:
    world = await make_payroll_world(session)
    shop = await add_object(session, world, "Магазин")
    cafe = await add_object(session, world, "Кофейня")
    anna = await add_person(session, world, "Anna", [shop])
    boris = await add_person(session, world, "Boris", [cafe])
    carl = await add_person(session, world, "Carl", [cafe])
    anna[0].birthday, boris[0].birthday = date(1995, 3, 3), date(1990, 3, 3)
    await add_finished_shift(session, anna, shop, local(YESTERDAY, 9, 0), local(YESTERDAY, 17, 0))
    late = await add_planned(session, boris, cafe, local(YESTERDAY, 10, 0), local(YESTERDAY, 18, 0))
    await add_finished_shift(
        session, boris, cafe, local(YESTERDAY, 10, 20), local(YESTERDAY, 18, 0), planned=late
    )
    await add_planned(session, carl, cafe, local(YESTERDAY, 9, 0), local(YESTERDAY, 17, 0))
    return TwoObjects(world, shop, cafe)


async def add_manager(
    session: AsyncSession,
    place: TwoObjects,
    name: str,
    objects: list[WorkObject],
    permissions: list[str],
    *,
    language: str = "ru",
    hour: int | None = None,
    muted: bool = False,
) -> User:
    manager, _ = await add_person(
        session,
        place.world,
        name,
        objects,
        role=MembershipRole.MANAGER,
        permissions=permissions,
        language=language,
    )
    if hour is not None or muted:
        session.add(
            NotificationPreferences(
                user_id=manager.id,
                muted_kinds=[DAILY_SUMMARY.name] if muted else [],
                reminder_lead_minutes=60,
                daily_summary_hour=hour or 9,
            )
        )
    return manager


async def run_summary_job_at(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    moment: datetime,
) -> None:
    clock.set(moment)
    await scheduler_of(engine, session_factory, clock, settings, SUMMARY_JOB).tick()


def summary_to(rows: list[OutboxMessage], user_id: int) -> OutboxMessage:
    (row,) = [row for row in rows if row.recipient_user_id == user_id]
    return row


async def test_a_manager_of_one_of_two_objects_gets_only_that_objects_figures(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    notifier: Notifier,
    telegram: FakeTelegramServer,
) -> None:
    async with session_factory() as session, session.begin():
        place = await two_objects(session)
        max_ = await add_manager(session, place, "Max", [place.shop], VIEW_MONEY, language="en")
        owner_id, max_id = place.world.owner.id, max_.id

    await run_summary_job_at(engine, session_factory, clock, settings, SUMMARY_HOUR)

    rows = await queued(session_factory, DAILY_SUMMARY.name)
    assert sorted(row.recipient_user_id for row in rows) == sorted([owner_id, max_id])
    to_owner, to_max = summary_to(rows, owner_id), summary_to(rows, max_id)
    assert (to_owner.payload["shifts"], to_owner.payload["no_shows"]) == (2, 1)
    assert (to_max.payload["shifts"], to_max.payload["no_shows"]) == (1, 0)

    await deliver_all(notifier, [to_owner, to_max])
    (owner_message,) = telegram.chat_messages(await telegram_id_of(session_factory, owner_id))
    assert owner_message["text"] == (
        "📊 Сводка за 02.03.2026 · Кофейни\n"
        "Смен: 2, часов: 15,67\n"
        "Фонд оплаты: 4\xa0700,00\xa0₽\n"
        "Опозданий: 1, неявок: 1\n"
        "🎂 Сегодня день рождения: Anna, Boris"
    )
    (max_message,) = telegram.chat_messages(await telegram_id_of(session_factory, max_id))
    assert max_message["text"] == (
        "📊 Summary for 02.03.2026 · Кофейни · Магазин\n"
        "Shifts: 1, hours: 8\n"
        "Labour cost: ₽2,400.00\n"
        "Late arrivals: 0, no-shows: 0\n"
        "🎂 Birthday today: Anna"
    )


@pytest.mark.parametrize(
    ("language", "permissions", "expected"),
    [
        (
            "ru",
            VIEW,
            "📊 Сводка за 02.03.2026 · Кофейни · Кофейня\n"
            "Смен: 1, часов: 7,67\n"
            "Опозданий: 1, неявок: 1\n"
            "🎂 Сегодня день рождения: Boris",
        ),
        (
            "en",
            VIEW,
            "📊 Summary for 02.03.2026 · Кофейни · Кофейня\n"
            "Shifts: 1, hours: 7.67\n"
            "Late arrivals: 1, no-shows: 1\n"
            "🎂 Birthday today: Boris",
        ),
        (
            "ru",
            VIEW_MONEY,
            "📊 Сводка за 02.03.2026 · Кофейни · Кофейня\n"
            "Смен: 1, часов: 7,67\n"
            "Фонд оплаты: 2\xa0300,00\xa0₽\n"
            "Опозданий: 1, неявок: 1\n"
            "🎂 Сегодня день рождения: Boris",
        ),
        (
            "en",
            VIEW_MONEY,
            "📊 Summary for 02.03.2026 · Кофейни · Кофейня\n"
            "Shifts: 1, hours: 7.67\n"
            "Labour cost: ₽2,300.00\n"
            "Late arrivals: 1, no-shows: 1\n"
            "🎂 Birthday today: Boris",
        ),
    ],
    ids=["ru-without-money", "en-without-money", "ru-with-money", "en-with-money"],
)
async def test_a_managers_summary_shows_the_labour_cost_only_to_who_may_see_money(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    notifier: Notifier,
    telegram: FakeTelegramServer,
    language: str,
    permissions: list[str],
    expected: str,
) -> None:
    async with session_factory() as session, session.begin():
        place = await two_objects(session)
        mia = await add_manager(session, place, "Mia", [place.cafe], permissions, language=language)
        mia_id = mia.id

    await run_summary_job_at(engine, session_factory, clock, settings, SUMMARY_HOUR)

    to_mia = summary_to(await queued(session_factory, DAILY_SUMMARY.name), mia_id)
    assert ("cost" in to_mia.payload) == (Permission.VIEW_MONEY.value in permissions)
    await deliver_all(notifier, [to_mia])
    (message,) = telegram.chat_messages(await telegram_id_of(session_factory, mia_id))
    assert message["text"] == expected
    assert "{" not in message["text"] and "$" not in message["text"]


async def test_money_on_only_some_of_a_managers_objects_hides_the_cost_as_reports_do(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    async with session_factory() as session, session.begin():
        place = await two_objects(session)
        max_ = await add_manager(session, place, "Max", [place.shop], VIEW_MONEY)
        membership_id = await session.scalar(
            select(Membership.id).where(Membership.user_id == max_.id)
        )
        # Max reports on the cafe too, without seeing its money.
        session.add(
            MembershipObject(membership_id=membership_id, object_id=place.cafe.id, permissions=VIEW)
        )
        max_id = max_.id

    await run_summary_job_at(engine, session_factory, clock, settings, SUMMARY_HOUR)

    to_max = summary_to(await queued(session_factory, DAILY_SUMMARY.name), max_id)
    assert to_max.payload["shifts"] == 2 and to_max.payload["with_cost"] == "no"
    assert "cost" not in to_max.payload


async def test_a_manager_gets_the_summary_once_a_day_at_their_own_hour(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    async with session_factory() as session, session.begin():
        place = await two_objects(session)
        max_ = await add_manager(session, place, "Max", [place.shop], VIEW, hour=7)
        mia = await add_manager(session, place, "Mia", [place.shop], VIEW, hour=7)
        max_id, mia_id = max_.id, mia.id
    first = scheduler_of(engine, session_factory, clock, settings, SUMMARY_JOB)
    second = scheduler_of(engine, session_factory, clock, settings, SUMMARY_JOB)

    clock.set(datetime(2026, 3, 3, 3, 50, tzinfo=UTC))  # 06:50 in Moscow
    runs = []
    while clock.now() < SUMMARY_HOUR:  # ticks until 09:00, the owner's hour
        runs += await asyncio.gather(first.tick(), second.tick())
        clock.advance(timedelta(minutes=10))

    rows = await queued(session_factory, DAILY_SUMMARY.name)
    assert sorted(row.recipient_user_id for row in rows) == sorted([max_id, mia_id])
    assert {row.not_before for row in rows} == {datetime(2026, 3, 3, 4, 0, tzinfo=UTC)}
    # The job ran at every tick until 09:00; only the first run, at 07:00, queued them.
    assert sum(SUMMARY_JOB.name in run for run in runs) > 2
    assert sum(run.get(SUMMARY_JOB.name, 0) for run in runs) == 2


@pytest.mark.parametrize(
    ("permissions", "muted", "reachable", "receives"),
    [
        (VIEW, False, True, True),
        (VIEW, True, True, False),
        (VIEW, False, False, False),
        ([Permission.PLAN.value, Permission.MANAGE_STAFF.value], False, True, False),
        ([Permission.VIEW_MONEY.value], False, True, False),
    ],
    ids=["reports-on-the-cafe", "muted", "unreachable", "no-reports-right", "money-alone"],
)
async def test_only_managers_who_may_and_want_to_see_reports_get_the_summary(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    permissions: list[str],
    muted: bool,
    reachable: bool,
    receives: bool,
) -> None:
    async with session_factory() as session, session.begin():
        place = await two_objects(session)
        max_ = await add_manager(session, place, "Max", [place.shop], VIEW)
        nik = await add_manager(session, place, "Nik", [place.cafe], permissions, muted=muted)
        nik.is_reachable = reachable
        expected = {place.world.owner.id, max_.id} | ({nik.id} if receives else set())

    await run_summary_job_at(engine, session_factory, clock, settings, SUMMARY_HOUR)

    rows = await queued(session_factory, DAILY_SUMMARY.name)
    assert sorted(row.recipient_user_id for row in rows) == sorted(expected)
