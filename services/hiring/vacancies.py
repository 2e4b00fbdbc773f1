"""An object's vacancy: written by those who hire there (owners, managers with
`manage_staff` on the object), opened by candidates through its link, shown as a QR
picture and posted by the bot to a channel or group where it is an administrator."""

import secrets
from dataclasses import dataclass

from aiogram import Bot
from aiogram.enums import ChatMemberStatus
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.hiring.errors import NotAChatAdmin, VacancyNotFound
from services.hiring.rules import CODE_BYTES, VACANCY_PAYLOAD_PREFIX, clean_text
from services.platform.clock import Clock
from services.platform.db.models import Organization, Permission, Vacancy, WorkObject
from services.platform.i18n import fluent_args, translator_for
from services.staff.permissions import Actor, require_object_permission


@dataclass(frozen=True)
class VacancyTerms:
    position: str
    pay: str
    schedule: str
    address: str
    photo_file_id: str | None = None


@dataclass(frozen=True)
class VacancyView:
    id: int
    object_id: int
    object_name: str
    organization_name: str
    code: str
    position: str
    pay: str
    schedule: str
    address: str
    photo_file_id: str | None
    is_open: bool


def vacancy_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={VACANCY_PAYLOAD_PREFIX}{code}"


async def _view(session: AsyncSession, vacancy: Vacancy) -> VacancyView:
    work_object = await session.get(WorkObject, vacancy.object_id)
    organization = await session.get(Organization, vacancy.organization_id)
    assert work_object is not None and organization is not None
    return VacancyView(
        id=vacancy.id,
        object_id=vacancy.object_id,
        object_name=work_object.name,
        organization_name=organization.name,
        code=vacancy.code,
        position=vacancy.position,
        pay=vacancy.pay,
        schedule=vacancy.schedule,
        address=vacancy.address,
        photo_file_id=vacancy.photo_file_id,
        is_open=vacancy.is_open,
    )


async def require_hiring_rights(session: AsyncSession, actor: Actor, object_id: int) -> WorkObject:
    """The object, if the actor hires there: its owner, or a manager with
    `manage_staff` on it. Another organization's object is not found."""
    return await require_object_permission(session, actor, object_id, Permission.MANAGE_STAFF)


async def save_vacancy(
    session: AsyncSession, actor: Actor, clock: Clock, object_id: int, terms: VacancyTerms
) -> VacancyView:
    """Mark the object as hiring on these terms (a vacancy written again keeps its
    link) and open it."""
    await require_hiring_rights(session, actor, object_id)
    fields = {
        "position": clean_text(terms.position, field="position"),
        "pay": clean_text(terms.pay, field="pay", limit=256),
        "schedule": clean_text(terms.schedule, field="schedule", limit=256),
        "address": clean_text(terms.address, field="address", limit=256),
    }
    vacancy = await session.scalar(
        select(Vacancy).where(Vacancy.object_id == object_id).with_for_update()
    )
    if vacancy is None:
        vacancy = Vacancy(
            organization_id=actor.organization_id,
            object_id=object_id,
            code=secrets.token_urlsafe(CODE_BYTES),
            created_by_user_id=actor.user_id,
            **fields,
        )
        session.add(vacancy)
    else:
        for name, value in fields.items():
            setattr(vacancy, name, value)
    vacancy.photo_file_id = terms.photo_file_id
    vacancy.is_open = True
    await session.flush()
    return await _view(session, vacancy)


async def set_vacancy_open(
    session: AsyncSession, actor: Actor, object_id: int, *, is_open: bool
) -> VacancyView:
    """Close the vacancy (its link tells candidates so) or open it again."""
    await require_hiring_rights(session, actor, object_id)
    vacancy = await session.scalar(select(Vacancy).where(Vacancy.object_id == object_id))
    if vacancy is None:
        raise VacancyNotFound()
    vacancy.is_open = is_open
    await session.flush()
    return await _view(session, vacancy)


async def object_vacancy(session: AsyncSession, actor: Actor, object_id: int) -> VacancyView | None:
    """The object's vacancy as those who hire there see it; None before one is written."""
    await require_hiring_rights(session, actor, object_id)
    vacancy = await session.scalar(select(Vacancy).where(Vacancy.object_id == object_id))
    return await _view(session, vacancy) if vacancy else None


async def vacancy_by_code(session: AsyncSession, code: str) -> VacancyView:
    """The vacancy a link opens, open or closed; an unknown code is not found."""
    vacancy = await session.scalar(select(Vacancy).where(Vacancy.code == code)) if code else None
    if vacancy is None:
        raise VacancyNotFound()
    return await _view(session, vacancy)


def vacancy_text(view: VacancyView, language: str) -> str:
    """The vacancy as a post for a channel or a group, in the organization's language."""
    return translator_for(language).get(
        "hiring-vacancy-post",
        **fluent_args(
            {
                "organization": view.organization_name,
                "position": view.position,
                "pay": view.pay,
                "schedule": view.schedule,
                "address": view.address,
            }
        ),
    )


async def post_vacancy(
    session: AsyncSession, actor: Actor, bot: Bot, object_id: int, chat_id: int
) -> VacancyView:
    """Post the vacancy, with an "Apply" button on its link, to a channel or group where
    the bot is an administrator (it is refused otherwise, before anything is sent)."""
    view = await object_vacancy(session, actor, object_id)
    if view is None:
        raise VacancyNotFound()
    me = await bot.me()
    try:
        member = await bot.get_chat_member(chat_id, me.id)
    except TelegramBadRequest as error:  # not a chat the bot is in
        raise NotAChatAdmin() from error
    if member.status not in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.CREATOR):
        raise NotAChatAdmin()
    organization = await session.get(Organization, actor.organization_id)
    assert organization is not None
    translator = translator_for(organization.language)
    text = vacancy_text(view, organization.language)
    apply = InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=translator.get("hiring-vacancy-apply-button"),
                    url=vacancy_link(me.username or "", view.code),
                )
            ]
        ]
    )
    if view.photo_file_id:
        await bot.send_photo(chat_id, view.photo_file_id, caption=text, reply_markup=apply)
    else:
        await bot.send_message(chat_id, text, reply_markup=apply)
    return view
