"""The group chats notifications go to, as Telegram reports on them.

A group that answers 403 (the bot was removed) is marked unreachable and nothing more is
sent there; the mark is lifted when the bot is added back or a send there succeeds. A
group upgraded to a supergroup gets a new id, and the report chat settings follow it
(each notification on its way to the old id follows it when Telegram refuses it).
Private chats are marked on `users.is_reachable` instead."""

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import UnreachableChat, WorkObject
from services.platform.db.session import dialect_insert


async def is_chat_unreachable(session: AsyncSession, chat_id: int) -> bool:
    marked = await session.scalar(
        select(UnreachableChat.chat_id).where(UnreachableChat.chat_id == chat_id)
    )
    return marked is not None


async def mark_chat_unreachable(
    session: AsyncSession, chat_id: int, reason: str, now: datetime
) -> None:
    insert = dialect_insert(session)
    await session.execute(
        insert(UnreachableChat)
        .values(chat_id=chat_id, reason=reason[:300], marked_at=now)
        .on_conflict_do_nothing(index_elements=["chat_id"])
    )


async def mark_chat_reachable(session: AsyncSession, chat_id: int) -> None:
    """The bot is in the chat again (added back, or a message there went through)."""
    await session.execute(delete(UnreachableChat).where(UnreachableChat.chat_id == chat_id))


async def follow_chat_migration(session: AsyncSession, old_chat_id: int, new_chat_id: int) -> None:
    """The group `old_chat_id` is now the supergroup `new_chat_id`: the objects that
    reported to the group report there."""
    await session.execute(
        update(WorkObject)
        .where(WorkObject.report_chat_id == old_chat_id)
        .values(report_chat_id=new_chat_id)
    )
