"""The notifier honours what users chose: muted kinds are skipped, non-urgent kinds wait
for the end of quiet hours (urgent ones do not), unregistered kinds always go out."""

from datetime import UTC, datetime, time

import pytest
from aiogram import Bot
from redis.asyncio import Redis
from sqlalchemy import select

from services.notify.notifier import Notifier, Outcome
from services.notify.outbox import DAILY_SUMMARY, SHIFT_REMINDER, notify
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import NotificationPreferences, OutboxMessage, OutboxStatus, User
from services.platform.db.session import SessionFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import make_notifier


@pytest.fixture
def notifier(
    settings: Settings, session_factory: SessionFactory, bot: Bot, redis: Redis, clock: ManualClock
) -> Notifier:
    return make_notifier(settings, session_factory, bot, redis, clock)


async def a_user(
    session_factory: SessionFactory,
    telegram_id: int,
    *,
    muted: list[str] | None = None,
    quiet: tuple[time, time] | None = None,
) -> int:
    async with session_factory() as session, session.begin():
        user = User(telegram_id=telegram_id, first_name="A", timezone="Europe/Moscow")
        session.add(user)
        await session.flush()
        start, end = quiet or (None, None)
        session.add(
            NotificationPreferences(
                user_id=user.id,
                muted_kinds=muted or [],
                reminder_lead_minutes=60,
                quiet_hours_start=start,
                quiet_hours_end=end,
            )
        )
        return user.id


async def queued(
    session_factory: SessionFactory, user_id: int, kind: str, clock: ManualClock
) -> int:
    async with session_factory() as session, session.begin():
        await notify(
            session,
            kind=kind,
            dedup_key=f"{kind}:{user_id}",
            not_before=clock.now(),
            recipient_user_id=user_id,
            payload={"object_name": "A", "start_time": "09:00", "start_date": "03.03"},
        )
        row_id = await session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.dedup_key == f"{kind}:{user_id}")
        )
    assert row_id is not None
    return row_id


async def test_a_muted_kind_is_skipped(
    notifier: Notifier, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    user_id = await a_user(session_factory, 9001, muted=[SHIFT_REMINDER.name])
    row_id = await queued(session_factory, user_id, SHIFT_REMINDER.name, clock)

    assert await notifier.deliver(row_id) == Outcome.SKIPPED
    assert telegram.chat_messages(9001) == []


async def test_quiet_hours_hold_non_urgent_kinds_until_morning(
    notifier: Notifier, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    clock.set(datetime(2026, 3, 2, 20, 30, tzinfo=UTC))  # 23:30 in Moscow
    user_id = await a_user(session_factory, 9002, quiet=(time(22), time(8)))
    summary = await queued(session_factory, user_id, DAILY_SUMMARY.name, clock)
    reminder = await queued(session_factory, user_id, SHIFT_REMINDER.name, clock)

    assert await notifier.deliver(summary) == Outcome.DEFERRED
    assert await notifier.deliver(reminder) == Outcome.SENT
    async with session_factory() as session:
        row = await session.get(OutboxMessage, summary)
    assert row is not None and row.status == OutboxStatus.PENDING
    assert row.not_before == datetime(2026, 3, 3, 5, tzinfo=UTC)  # 08:00 in Moscow

    clock.set(row.not_before)
    assert await notifier.deliver(summary) == Outcome.SENT
    assert len(telegram.chat_messages(9002)) == 2


async def test_a_second_delivery_of_the_same_notification_sends_nothing(
    notifier: Notifier, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    user_id = await a_user(session_factory, 9003)
    row_id = await queued(session_factory, user_id, "unregistered_kind", clock)

    assert await notifier.deliver(row_id) == Outcome.SENT
    assert await notifier.deliver(row_id) == Outcome.ALREADY_DONE
    assert len(telegram.chat_messages(9003)) == 1
