"""An object's report group as Telegram changes it under the bot: upgraded to a
supergroup (a new chat id), the bot removed and added back. Real PostgreSQL, Redis and
RabbitMQ, the real Dispatcher for the group's updates, the fake Telegram server."""

from datetime import timedelta

from aiogram import Bot, Dispatcher
from aiogram.types import Chat, Message, Update, User
from sqlalchemy import select

from services.notify.outbox import notify
from services.notify.relay import STALE_PUBLISHED_AFTER
from services.platform.clock import ManualClock
from services.platform.db.models import OutboxMessage, OutboxStatus, UnreachableChat, WorkObject
from services.platform.db.session import SessionFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.notifications import Pipeline, statuses
from tests.support.staff import organization_with_objects

OWNER_TG = 6001


async def object_reporting_to(
    session_factory: SessionFactory, clock: ManualClock, chat_id: int
) -> int:
    owned = await organization_with_objects(session_factory, clock, owner_telegram_id=OWNER_TG)
    (object_id,) = owned.object_ids
    async with session_factory() as session, session.begin():
        work_object = await session.get(WorkObject, object_id)
        assert work_object is not None
        work_object.report_chat_id = chat_id
    return object_id


async def report_chat_of(session_factory: SessionFactory, object_id: int) -> int | None:
    async with session_factory() as session:
        return await session.scalar(
            select(WorkObject.report_chat_id).where(WorkObject.id == object_id)
        )


async def report(
    session_factory: SessionFactory, clock: ManualClock, object_id: int, event: str
) -> None:
    """An event of the object's live feed, sent to its report chat as the feed does."""
    async with session_factory() as session, session.begin():
        work_object = await session.get(WorkObject, object_id)
        assert work_object is not None and work_object.report_chat_id is not None
        await notify(
            session,
            kind="shift_opened",
            dedup_key=f"shift_opened:{event}:chat",
            not_before=clock.now(),
            chat_id=work_object.report_chat_id,
            payload={
                "employee": event,
                "object": work_object.name,
                "opened": "09:00",
                "late_minutes": 0,
            },
        )


def sends_to(telegram: FakeTelegramServer) -> list[int]:
    return [call.params["chat_id"] for call in telegram.calls_of("sendMessage")]


async def test_a_group_upgraded_to_a_supergroup_gets_its_reports_there_once(
    pipeline: Pipeline, session_factory, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    group = telegram.group(-4001, "Отчёты")
    object_id = await object_reporting_to(session_factory, clock, group.id)
    supergroup = telegram.upgrade_group(group, -1_000_000_004_001)
    await report(session_factory, clock, object_id, "Ivan")
    await pipeline.start_consuming()

    await pipeline.relay_until_done(session_factory)

    assert sends_to(telegram) == [group.id, supergroup.id]
    (message,) = telegram.chat_messages(supergroup.id)
    assert "Ivan" in message["text"]
    assert await report_chat_of(session_factory, object_id) == supergroup.id
    assert await statuses(session_factory) == {OutboxStatus.SENT: 1}
    # Nothing is left for the stale sweep to send again, and the object's next report
    # goes straight to the supergroup.
    clock.advance(STALE_PUBLISHED_AFTER + timedelta(minutes=1))
    assert await pipeline.relay.republish_stale() == 0
    await report(session_factory, clock, object_id, "Maria")
    await pipeline.relay_until_done(session_factory)
    assert sends_to(telegram) == [group.id, supergroup.id, supergroup.id]


async def test_the_bot_told_of_the_upgrade_sends_the_reports_to_the_supergroup_at_once(
    pipeline: Pipeline,
    dispatcher: Dispatcher,
    bot: Bot,
    session_factory,
    telegram: FakeTelegramServer,
    clock: ManualClock,
) -> None:
    group = telegram.group(-4004, "Отчёты")
    object_id = await object_reporting_to(session_factory, clock, group.id)
    supergroup = telegram.upgrade_group(group, -1_000_000_004_004)

    # Telegram's service message in the old group: "the group was upgraded".
    upgraded = Message(
        message_id=1,
        date=clock.now(),
        chat=Chat(id=group.id, type="group", title=group.title),
        from_user=User(id=OWNER_TG, is_bot=False, first_name="Olga"),
        migrate_to_chat_id=supergroup.id,
    )
    await dispatcher.feed_update(bot, Update(update_id=1, message=upgraded))
    await report(session_factory, clock, object_id, "Ivan")
    await pipeline.start_consuming()
    await pipeline.relay_until_done(session_factory)

    assert await report_chat_of(session_factory, object_id) == supergroup.id
    assert sends_to(telegram) == [supergroup.id]


async def test_a_group_the_bot_was_added_back_to_gets_reports_again(
    pipeline: Pipeline,
    dispatcher: Dispatcher,
    bot: Bot,
    session_factory,
    telegram: FakeTelegramServer,
    clock: ManualClock,
) -> None:
    group = telegram.group(-4002, "Отчёты")
    object_id = await object_reporting_to(session_factory, clock, group.id)
    telegram.kick_bot(group.id)
    await report(session_factory, clock, object_id, "Ivan")
    await pipeline.start_consuming()
    await pipeline.relay_until_done(session_factory)
    assert await statuses(session_factory) == {OutboxStatus.SKIPPED: 1}

    # The owner adds the bot to the group again: Telegram tells the bot so.
    added = await telegram.add_bot_to_group(telegram.user(OWNER_TG), group)
    await dispatcher.feed_update(bot, Update.model_validate(added, context={"bot": bot}))
    await report(session_factory, clock, object_id, "Maria")
    await pipeline.relay_until_done(session_factory)

    reports = [m for m in telegram.chat_messages(group.id) if "Maria" in m.get("text", "")]
    assert len(reports) == 1
    async with session_factory() as session:
        assert await session.get(UnreachableChat, group.id) is None


async def test_a_message_that_went_through_clears_the_groups_unreachable_mark(
    pipeline: Pipeline, session_factory, telegram: FakeTelegramServer, clock: ManualClock
) -> None:
    """A 403 recorded while another message to the group was on its way (the bot was
    removed and added back meanwhile): the message that went through proves the group
    reachable, so its later reports are not muted."""
    group = telegram.group(-4003, "Отчёты")
    object_id = await object_reporting_to(session_factory, clock, group.id)
    telegram.delay_next("sendMessage", 1.0, chat_id=group.id)
    await report(session_factory, clock, object_id, "Ivan")
    await pipeline.start_consuming()
    await pipeline.relay.relay_once()
    await telegram.wait_for_call_in_flight("sendMessage")
    async with session_factory() as session, session.begin():
        session.add(UnreachableChat(chat_id=group.id, reason="Forbidden", marked_at=clock.now()))

    await pipeline.relay_until_done(session_factory)
    await report(session_factory, clock, object_id, "Maria")
    await pipeline.relay_until_done(session_factory)

    texts = [m["text"] for m in telegram.chat_messages(group.id)]
    assert [("Ivan" in t, "Maria" in t) for t in texts] == [(True, False), (False, True)]
    async with session_factory() as session:
        rows = await session.scalars(select(OutboxMessage.status))
        assert set(rows) == {OutboxStatus.SENT}
