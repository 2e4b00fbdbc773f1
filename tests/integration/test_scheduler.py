"""The scheduler with the injected clock: shift reminders fire once, at the right local
time in every timezone (DST days included), spread over a window, and two schedulers
running at once never fire twice."""

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot
from prometheus_client import REGISTRY
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from services.jobs import SCHEDULED_JOBS
from services.notify.reminders import enqueue_shift_reminders
from services.planning.bookings import move_planned_shift
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    Membership,
    MembershipRole,
    NotificationPreferences,
    Organization,
    OutboxMessage,
    PlannedShift,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from services.platform.scheduler import JobContext, ScheduledJob, Scheduler
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import Pipeline, rabbit_pipeline, remove_rabbit_pipeline
from tests.support.planning import make_employee, make_planned_shift, make_slot, make_world

SPREAD_SECONDS = 60
REMINDERS = ScheduledJob("shift_reminders", enqueue_shift_reminders)
TICK = timedelta(seconds=30)


@pytest.fixture
def scheduler_settings(settings: Settings) -> Settings:
    settings.notifier.reminder_spread_seconds = SPREAD_SECONDS
    return settings


@pytest.fixture
async def pipeline(
    scheduler_settings: Settings,
    session_factory: SessionFactory,
    bot: Bot,
    redis: Redis,
    clock: ManualClock,
) -> AsyncIterator[Pipeline]:
    pipeline = await rabbit_pipeline(scheduler_settings, session_factory, bot, redis, clock)
    yield pipeline
    await remove_rabbit_pipeline(pipeline)


def make_scheduler(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    jobs: Sequence[ScheduledJob] = SCHEDULED_JOBS,
) -> Scheduler:
    return Scheduler(
        engine=engine, session_factory=session_factory, clock=clock, settings=settings, jobs=jobs
    )


class Staff:
    """An organization with one object per timezone, and shifts planned on them."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.organization: Organization | None = None
        self.objects: dict[str, WorkObject] = {}
        self.slots: dict[tuple[str, date, time], TimeSlot] = {}

    async def object_in(self, timezone: str) -> WorkObject:
        if self.organization is None:
            self.organization = Organization(name="Сеть кофеен")
            self.session.add(self.organization)
            await self.session.flush()
        if timezone not in self.objects:
            work_object = WorkObject(
                organization_id=self.organization.id,
                name=f"Точка {timezone.split('/')[-1]}",
                timezone=timezone,
            )
            self.session.add(work_object)
            await self.session.flush()
            self.objects[timezone] = work_object
        return self.objects[timezone]

    async def many_shifts(self, telegram_ids: range, timezone: str, day: date, start: time) -> None:
        """One shift each for many new employees, inserted in bulk."""
        await self.shift(telegram_ids[0], timezone, day, start)
        assert self.organization is not None
        slot = self.slots[(timezone, day, start)]
        users = [User(telegram_id=tid, first_name=f"E{tid}") for tid in telegram_ids[1:]]
        self.session.add_all(users)
        await self.session.flush()
        memberships = [
            Membership(
                organization_id=self.organization.id, user_id=user.id, role=MembershipRole.EMPLOYEE
            )
            for user in users
        ]
        self.session.add_all(memberships)
        await self.session.flush()
        self.session.add_all(
            PlannedShift(
                slot_id=slot.id,
                object_id=slot.object_id,
                membership_id=membership.id,
                user_id=membership.user_id,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
            )
            for membership in memberships
        )
        await self.session.flush()

    async def shift(
        self,
        telegram_id: int,
        timezone: str,
        day: date,
        start: time,
        *,
        lead_minutes: int | None = None,
        language: str = "ru",
    ) -> PlannedShift:
        work_object = await self.object_in(timezone)
        assert self.organization is not None
        user = await self.session.scalar(select(User).where(User.telegram_id == telegram_id))
        if user is None:
            user = User(telegram_id=telegram_id, first_name=f"E{telegram_id}", language=language)
            self.session.add(user)
            await self.session.flush()
            if lead_minutes is not None:
                self.session.add(
                    NotificationPreferences(
                        user_id=user.id, muted_kinds=[], reminder_lead_minutes=lead_minutes
                    )
                )
        membership = Membership(
            organization_id=self.organization.id, user_id=user.id, role=MembershipRole.EMPLOYEE
        )
        self.session.add(membership)
        await self.session.flush()
        zone = ZoneInfo(timezone)
        starts_at = datetime.combine(day, start, tzinfo=zone).astimezone(UTC)
        ends_at = starts_at + timedelta(hours=8)
        slot = self.slots.get((timezone, day, start))
        if slot is None:
            slot = TimeSlot(
                object_id=work_object.id,
                local_date=day,
                start_time=start,
                end_time=time((start.hour + 8) % 24, start.minute),
                starts_at=starts_at,
                ends_at=ends_at,
                max_employees=10_000,
            )
            self.session.add(slot)
            await self.session.flush()
            self.slots[(timezone, day, start)] = slot
        shift = PlannedShift(
            slot_id=slot.id,
            object_id=work_object.id,
            membership_id=membership.id,
            user_id=user.id,
            starts_at=starts_at,
            ends_at=ends_at,
        )
        self.session.add(shift)
        await self.session.flush()
        return shift


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


async def test_reminders_fire_once_at_the_local_time_in_every_timezone(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    scheduler_settings: Settings,
    pipeline: Pipeline,
    telegram: FakeTelegramServer,
) -> None:
    async with session_factory() as session, session.begin():
        staff = Staff(session)
        # Europe/Berlin moves to summer time on 2026-03-29: 09:00 is 08:00 UTC the day
        # before and 07:00 UTC that day.
        shifts = {
            "berlin-winter": await staff.shift(7001, "Europe/Berlin", date(2026, 3, 28), time(9)),
            "vladivostok": await staff.shift(
                7002, "Asia/Vladivostok", date(2026, 3, 29), time(9), language="en"
            ),
            "moscow-30min": await staff.shift(
                7003, "Europe/Moscow", date(2026, 3, 29), time(9), lead_minutes=30
            ),
            "berlin-summer": await staff.shift(7004, "Europe/Berlin", date(2026, 3, 29), time(9)),
        }
        ids = {name: shift.id for name, shift in shifts.items()}
    expected = {
        "berlin-winter": utc(2026, 3, 28, 7, 0),  # 08:00 CET
        "vladivostok": utc(2026, 3, 28, 22, 0),  # 08:00 +10
        "moscow-30min": utc(2026, 3, 29, 5, 30),  # 08:30 MSK
        "berlin-summer": utc(2026, 3, 29, 6, 0),  # 08:00 CEST
    }
    scheduler = make_scheduler(engine, session_factory, clock, scheduler_settings, [REMINDERS])
    await pipeline.start_consuming()

    published_at: dict[int, list[datetime]] = {}
    clock.set(utc(2026, 3, 28, 6, 0))
    while clock.now() < utc(2026, 3, 29, 7, 0):
        await scheduler.tick()
        if await pipeline.relay.relay_once():
            async with session_factory() as session:
                for key in await session.scalars(
                    select(OutboxMessage.dedup_key).where(OutboxMessage.published_at == clock.now())
                ):
                    published_at.setdefault(int(key.split(":")[1]), []).append(clock.now())
        # Every 30 s around the expected moments, every 10 minutes elsewhere.
        windows = [
            (moment - timedelta(minutes=3), moment + timedelta(minutes=3))
            for moment in expected.values()
        ]
        if any(start <= clock.now() <= end for start, end in windows):
            clock.advance(TICK)
        else:
            upcoming = [start for start, _ in windows if start > clock.now()]
            clock.set(min([clock.now() + timedelta(minutes=10), *upcoming]))
    await pipeline.settle()

    for name, moment in expected.items():
        (fired,) = published_at[ids[name]]
        assert moment - timedelta(seconds=SPREAD_SECONDS) <= fired <= moment + TICK, name
    for telegram_id in (7001, 7002, 7003, 7004):
        (message,) = telegram.chat_messages(telegram_id)
        assert "09:00" in message["text"]
    assert "28.03" in telegram.chat_messages(7001)[0]["text"]
    assert telegram.chat_messages(7002)[0]["text"].startswith("⏰ Reminder")
    assert telegram.buttons(telegram.chat_messages(7004)[0]) == ["Открыть смену"]
    button = telegram.chat_messages(7004)[0]["reply_markup"]["inline_keyboard"][0][0]
    assert button["url"] == f"https://t.me/staffprobot_test_bot?start=shift_{ids['berlin-summer']}"


async def test_a_thousand_nine_oclock_reminders_are_spread_over_the_window(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    settings.notifier.reminder_spread_seconds = 120
    async with session_factory() as session, session.begin():
        staff = Staff(session)
        await staff.many_shifts(range(100_000, 101_000), "Europe/Moscow", date(2026, 3, 3), time(9))
    scheduler = make_scheduler(engine, session_factory, clock, settings, [REMINDERS])
    clock.set(utc(2026, 3, 3, 4, 57))  # 07:57 MSK, the reminders are due from 07:58 to 08:00
    while clock.now() <= utc(2026, 3, 3, 5, 0):
        await scheduler.tick()
        clock.advance(TICK)

    async with session_factory() as session:
        moments = list(await session.scalars(select(OutboxMessage.not_before)))
    per_second = Counter(moment.replace(microsecond=0) for moment in moments)
    assert len(moments) == 1000
    assert min(moments) >= utc(2026, 3, 3, 4, 58) and max(moments) <= utc(2026, 3, 3, 5, 0)
    assert max(per_second.values()) <= 20 < len(per_second)


async def test_two_schedulers_at_once_never_double_fire(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    async with session_factory() as session, session.begin():
        staff = Staff(session)
        await staff.many_shifts(
            range(200_000, 200_200), "Asia/Vladivostok", date(2026, 3, 3), time(9)
        )
    clock.set(utc(2026, 3, 2, 21, 56))  # 07:56 +10: the first reminders are due at 07:58
    first = make_scheduler(engine, session_factory, clock, settings, [REMINDERS])
    second = make_scheduler(engine, session_factory, clock, settings, [REMINDERS])

    for _ in range(8):
        await asyncio.gather(first.tick(), second.tick())
        clock.advance(TICK)
        for _ in range(2):
            await asyncio.gather(first.tick(), second.tick())

    async with session_factory() as session:
        keys = list(await session.scalars(select(OutboxMessage.dedup_key)))
    assert len(keys) == len(set(keys)) == 200


async def test_only_one_scheduler_leads_while_a_tick_runs(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    running = asyncio.Event()
    release = asyncio.Event()
    runs: list[datetime] = []

    async def slow_job(context: JobContext) -> int:
        runs.append(context.now)
        running.set()
        await release.wait()
        return 1

    jobs = [ScheduledJob("slow", slow_job)]
    leader = make_scheduler(engine, session_factory, clock, settings, jobs)
    other = make_scheduler(engine, session_factory, clock, settings, jobs)

    leading = asyncio.create_task(leader.tick())
    await running.wait()
    assert await other.tick() == {}  # the job is led elsewhere: skipped here
    release.set()
    assert await leading == {"slow": 1}
    # Once the leader's tick is over, the next tick may run anywhere.
    assert await other.tick() == {"slow": 1}
    assert len(runs) == 2


async def test_a_failing_job_does_not_stop_the_others(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    async def broken(context: JobContext) -> int:
        raise RuntimeError("boom")

    async def fine(context: JobContext) -> int:
        return 7

    jobs = [ScheduledJob("broken", broken), ScheduledJob("fine", fine)]
    done = await make_scheduler(engine, session_factory, clock, settings, jobs).tick()

    assert done == {"fine": 7}


async def test_a_hung_job_delays_no_other_job_and_is_cut_off_at_its_timeout(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    other_ran = asyncio.Event()

    async def hung(context: JobContext) -> int:
        await asyncio.Event().wait()  # an outside service that never answers
        return 1

    async def other(context: JobContext) -> int:
        other_ran.set()
        return 1

    jobs = [ScheduledJob("hung", hung, timeout_seconds=1.0), ScheduledJob("other", other)]
    timed_out = job_runs("hung", "timed_out")
    ticking = asyncio.create_task(
        make_scheduler(engine, session_factory, clock, settings, jobs).tick()
    )

    await asyncio.wait_for(other_ran.wait(), 0.5)
    assert await asyncio.wait_for(ticking, 5) == {"other": 1}
    assert job_runs("hung", "timed_out") == timed_out + 1


async def test_a_job_still_running_is_skipped_by_the_next_tick_not_started_twice(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    slow_started = asyncio.Event()
    release = asyncio.Event()
    runs: list[datetime] = []

    async def slow(context: JobContext) -> int:
        runs.append(context.now)
        slow_started.set()
        await release.wait()
        return 1

    scheduler = make_scheduler(
        engine, session_factory, clock, settings, [ScheduledJob("slow", slow)]
    )
    overlaps = job_runs("slow", "overlap")
    first = asyncio.create_task(scheduler.tick())
    await slow_started.wait()

    clock.advance(TICK)
    assert await asyncio.wait_for(scheduler.tick(), 5) == {}
    release.set()
    assert await first == {"slow": 1}
    assert len(runs) == 1
    assert job_runs("slow", "overlap") == overlaps + 1


def job_runs(job: str, outcome: str) -> float:
    return (
        REGISTRY.get_sample_value(
            "staffprobot_scheduler_job_runs_total", {"job": job, "outcome": outcome}
        )
        or 0.0
    )


async def test_each_job_tells_when_it_last_succeeded_for_the_overdue_alert(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    async def broken(context: JobContext) -> int:
        raise RuntimeError("boom")

    async def fine(context: JobContext) -> int:
        return 1

    jobs = [ScheduledJob("never_succeeds", broken), ScheduledJob("succeeds", fine)]
    await make_scheduler(engine, session_factory, clock, settings, jobs).tick()

    def last_success(job: str) -> float | None:
        return REGISTRY.get_sample_value(
            "staffprobot_scheduler_job_last_success_timestamp_seconds", {"job": job}
        )

    assert last_success("succeeds") == clock.now().timestamp()
    assert last_success("never_succeeds") is None


async def test_cancelled_and_started_shifts_get_no_reminder(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    async with session_factory() as session, session.begin():
        staff = Staff(session)
        cancelled = await staff.shift(7101, "Europe/Moscow", date(2026, 3, 2), time(13))
        cancelled.status = "cancelled"
        await staff.shift(7102, "Europe/Moscow", date(2026, 3, 2), time(11))
    clock.set(utc(2026, 3, 2, 9, 30))  # 12:30 MSK: the 11:00 shift started long ago

    await make_scheduler(engine, session_factory, clock, settings).tick()

    async with session_factory() as session:
        assert (await session.scalars(select(OutboxMessage))).all() == []


async def test_a_shift_that_changed_hands_reminds_its_new_holder(
    engine: AsyncEngine, session_factory: SessionFactory, clock: ManualClock, settings: Settings
) -> None:
    """Anna (3 h reminders) gave her 13:00 shift away after her reminder went out: Boris,
    who took it, is reminded at his own time all the same."""
    async with session_factory() as session, session.begin():
        staff = Staff(session)
        shift = await staff.shift(
            7201, "Europe/Moscow", date(2026, 3, 2), time(13), lead_minutes=180
        )
        boris_later = await staff.shift(7202, "Europe/Moscow", date(2026, 3, 5), time(13))
    scheduler = make_scheduler(engine, session_factory, clock, settings, jobs=[REMINDERS])
    clock.set(utc(2026, 3, 2, 7, 0))  # 10:00 MSK: Anna's reminder is due
    await scheduler.tick()
    async with session_factory() as session, session.begin():
        taken = await session.get(PlannedShift, shift.id)
        assert taken is not None
        taken.user_id, taken.membership_id = boris_later.user_id, boris_later.membership_id
    clock.set(utc(2026, 3, 2, 9, 0))  # 12:00 MSK: Boris's (default 60 min) is due
    await scheduler.tick()

    async with session_factory() as session:
        recipients = list(
            await session.scalars(
                select(OutboxMessage.recipient_user_id).order_by(OutboxMessage.id)
            )
        )
    assert recipients == [shift.user_id, boris_later.user_id]


async def test_a_shift_moved_after_its_reminder_was_queued_is_reminded_at_its_new_time_only(
    engine: AsyncEngine,
    session_factory: SessionFactory,
    clock: ManualClock,
    settings: Settings,
    pipeline: Pipeline,
    telegram: FakeTelegramServer,
) -> None:
    """Ivan's 13:00 shift is moved to 16:00 just after its 12:00 reminder was queued (one
    tick before it was due): he is not told 13:00, and is reminded of 16:00 at 15:00."""
    settings.notifier.reminder_spread_seconds = 0
    clock.set(utc(2026, 3, 2, 8, 0))  # 11:00 MSK
    async with session_factory() as session, session.begin():
        world = await make_world(session, clock)
        ivan, _ = await make_employee(
            session, world.organization, [world.work_object], telegram_id=7301
        )
        planned = await make_planned_shift(
            session, clock, world, ivan, day=date(2026, 3, 2), start=time(13), end=time(15)
        )
        later = await make_slot(
            session, clock, world.owner, world.work_object, day=date(2026, 3, 2), start=time(16)
        )
    scheduler = make_scheduler(engine, session_factory, clock, settings, [REMINDERS])
    await pipeline.start_consuming()
    clock.set(utc(2026, 3, 2, 8, 59, 45))
    assert await scheduler.tick() == {"shift_reminders": 1}

    async with session_factory() as session, session.begin():
        await move_planned_shift(
            session, clock, user_id=world.owner.id, planned_shift_id=planned.id, slot_id=later.id
        )
    for moment in (utc(2026, 3, 2, 9, 0), utc(2026, 3, 2, 12, 0)):  # 12:00 and 15:00 MSK
        clock.set(moment)
        await scheduler.tick()
        await pipeline.relay_until_done(session_factory)

    reminders = [m["text"] for m in telegram.chat_messages(7301) if m["text"].startswith("⏰")]
    assert len(reminders) == 1 and "16:00" in reminders[0]
