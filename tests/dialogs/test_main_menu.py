"""/start, the role-aware main menu and the language setting, through the real
Dispatcher with Redis dialog storage and PostgreSQL."""

import asyncio
import re

from sqlalchemy import select

from services.platform.db.models import Membership, MembershipRole, Organization, User
from services.platform.i18n import translator_for
from tests.dialogs.conftest import UserFactory


async def test_new_user_gets_russian_menu_by_default(make_user: UserFactory, session) -> None:
    anna = make_user(1001, language_code=None)
    await anna.send("/start")

    assert "Здравствуйте, Anna" in anna.text()
    assert anna.buttons() == ["🏢 Я руковожу бизнесом", "✉️ У меня есть приглашение", "⚙️ Настройки"]
    user = await session.scalar(select(User).where(User.telegram_id == 1001))
    assert user is not None and user.language == "ru"


async def test_new_user_with_english_telegram_gets_english_menu(make_user: UserFactory) -> None:
    john = make_user(1002, language_code="en-GB", first_name="John")
    await john.send("/start")

    assert "Hello, John" in john.text()
    assert "🏢 I run a business" in john.buttons()


async def test_language_change_is_persisted(make_user: UserFactory, session_factory) -> None:
    anna = make_user(1003, language_code="ru")
    await anna.send("/start")
    await anna.press("⚙️ Настройки")
    await anna.press("🌐 Язык")
    await anna.press("🇬🇧 English")

    assert anna.text() == "Choose your language:"
    async with session_factory() as session:
        language = await session.scalar(select(User.language).where(User.telegram_id == 1003))
    assert language == "en"

    await anna.send("/start")
    assert "Hello, Anna" in anna.text()


async def test_owner_creates_business_and_gets_owner_menu(
    make_user: UserFactory, session_factory
) -> None:
    olga = make_user(1004, first_name="Olga")
    await olga.send("/start")
    await olga.press("🏢 Я руковожу бизнесом")
    await olga.send("Кофейня <Мира>")
    assert "Кофейня &lt;Мира&gt;" in olga.text()
    await olga.press(re.escape("Москва (UTC+3)"))
    await olga.press("🇷🇺 Русский")

    assert "Кофейня &lt;Мира&gt;" in olga.text()
    assert "Главное меню владельца" in olga.text()
    async with session_factory() as session:
        organization = await session.scalar(select(Organization))
        membership = await session.scalar(select(Membership))
    assert organization is not None and organization.name == "Кофейня <Мира>"
    assert membership is not None and membership.role == MembershipRole.OWNER


async def test_empty_organization_name_is_refused_and_dialog_stays(
    make_user: UserFactory, telegram
) -> None:
    olga = make_user(1005)
    await olga.send("/start")
    await olga.press("🏢 Я руковожу бизнесом")
    await olga.send("   ")

    refusal = telegram.last_message(1005)
    assert refusal is not None and refusal["text"] == "Поле не может быть пустым. Напишите текст."
    assert "Как называется ваш бизнес?" in olga.text()


async def test_a_new_users_two_quick_starts_register_them_once(
    make_user: UserFactory, session_factory, telegram
) -> None:
    # Sent before the first is answered (a double tap, or two /start from a link): both
    # updates reach the bot at once. They take turns, so the second finds the user the
    # first registered instead of failing on registering them again.
    anna = make_user(1003)
    starts = [anna._message(text="/start") for _ in range(2)]
    await asyncio.gather(*(anna._feed(start) for start in starts))

    assert "Здравствуйте, Anna" in anna.text()
    apology = translator_for("ru").get("common-something-went-wrong")
    assert [c for c in telegram.calls_of("sendMessage") if c.params["text"] == apology] == []
    async with session_factory() as session:
        users = list(await session.scalars(select(User).where(User.telegram_id == 1003)))
    assert len(users) == 1
