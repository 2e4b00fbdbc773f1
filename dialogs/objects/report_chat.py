"""The bot in groups: greeting when added (and writing there again if the group was
marked unreachable), `/bind <code>` to make the group an object's report chat,
following the group when it becomes a supergroup (a new chat id), forgetting the group
when the bot is removed."""

from aiogram import Bot, F, Router
from aiogram.filters import JOIN_TRANSITION, LEAVE_TRANSITION, ChatMemberUpdatedFilter, Command
from aiogram.filters.command import CommandObject
from aiogram.types import ChatMemberUpdated, Message
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.chats import follow_chat_migration, mark_chat_reachable
from services.places.objects import bind_report_chat, forget_report_chat
from services.platform.clock import Clock
from services.platform.db.models import User
from services.platform.i18n import Translator, fluent_args

_GROUPS = F.chat.type.in_({"group", "supergroup"})


async def bot_added_to_group(
    event: ChatMemberUpdated, bot: Bot, i18n: Translator, session: AsyncSession
) -> None:
    await mark_chat_reachable(session, event.chat.id)
    await bot.send_message(event.chat.id, i18n.get("objects-group-welcome"))


async def bot_removed_from_group(event: ChatMemberUpdated, session: AsyncSession) -> None:
    await forget_report_chat(session, event.chat.id)


async def group_upgraded(message: Message, session: AsyncSession) -> None:
    assert message.migrate_to_chat_id is not None
    await follow_chat_migration(session, message.chat.id, message.migrate_to_chat_id)


async def bind_command(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    clock: Clock,
    i18n: Translator,
    user: User | None = None,
) -> None:
    work_object = await bind_report_chat(session, user, command.args or "", message.chat.id, clock)
    await message.answer(
        i18n.get("objects-group-bound", **fluent_args({"object_name": work_object.name}))
    )


def report_chat_router() -> Router:
    router = Router(name="report_chats")
    router.my_chat_member.register(
        bot_added_to_group, _GROUPS, ChatMemberUpdatedFilter(JOIN_TRANSITION)
    )
    router.my_chat_member.register(
        bot_removed_from_group, _GROUPS, ChatMemberUpdatedFilter(LEAVE_TRANSITION)
    )
    router.message.register(group_upgraded, _GROUPS, F.migrate_to_chat_id)
    router.message.register(bind_command, _GROUPS, Command("bind"))
    return router
