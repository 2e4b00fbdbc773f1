"""The "I run a business" flow (name, timezone, language) and the organization
switcher, through the real Dispatcher, PostgreSQL and Redis dialog storage."""

import re

from sqlalchemy import select

from services.orgs.organizations import create_organization
from services.platform.clock import ManualClock
from services.platform.db.models import Membership, MembershipRole, Organization, User
from services.platform.db.session import SessionFactory
from services.staff.users import TelegramProfile, get_or_register_user
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.dialogs import DialogUser


async def _organizations(session_factory: SessionFactory) -> list[Organization]:
    async with session_factory() as session:
        return list(await session.scalars(select(Organization).order_by(Organization.id)))


async def _active_organization_id(session_factory: SessionFactory, telegram_id: int) -> int | None:
    async with session_factory() as session:
        return await session.scalar(
            select(User.active_organization_id).where(User.telegram_id == telegram_id)
        )


async def test_owner_picks_the_timezone_by_location_and_the_language(
    make_user: UserFactory, session_factory: SessionFactory
) -> None:
    olga = make_user(4001, first_name="Olga")
    await olga.send("/start")
    await olga.press("🏢 Я руковожу бизнесом")
    await olga.send("Пекарня «Колос» 🥐")
    assert "В каком часовом поясе работает «Пекарня «Колос» 🥐»?" in olga.text()
    assert "Новосибирск (UTC+7)" in olga.buttons()

    await olga.send_location(55.0302, 82.9204)
    assert "Часовой пояс: Новосибирск (UTC+7)" in olga.text()
    await olga.press("🇬🇧 English")

    assert "Главное меню владельца" in olga.text()
    assert "🏪 Объекты" in olga.buttons()
    assert "🏢 Организации" in olga.buttons(), "an owner can found another organization"
    [organization] = await _organizations(session_factory)
    assert (organization.name, organization.timezone, organization.language) == (
        "Пекарня «Колос» 🥐",
        "Asia/Novosibirsk",
        "en",
    )
    assert organization.currency == "RUB"


async def test_timezone_can_be_typed_or_picked(
    make_user: UserFactory, session_factory: SessionFactory
) -> None:
    john = make_user(4002, language_code="en", first_name="John")
    await john.send("/start")
    await john.press("🏢 I run a business")
    await john.send("Car wash")
    await john.send("Asia/Kolkata")
    assert "Timezone: Asia/Kolkata (UTC+5:30)" in john.text()
    await john.press("⬅️ Back")
    await john.press(re.escape("Kaliningrad (UTC+2)"))
    await john.press("🇷🇺 Русский")
    [organization] = await _organizations(session_factory)
    assert (organization.timezone, organization.language) == ("Europe/Kaliningrad", "ru")


async def test_bad_onboarding_input_is_explained_and_the_dialog_stays(
    make_user: UserFactory, session_factory: SessionFactory, telegram: FakeTelegramServer
) -> None:
    olga = make_user(4003)
    await olga.send("/start")
    await olga.press("🏢 Я руковожу бизнесом")
    await olga.send("я" * 10_000)
    assert telegram.last_message(4003)["text"] == "Слишком длинно: не больше 128 символов."  # type: ignore[index]
    await olga.send_photo()
    assert telegram.last_message(4003)["text"] == "Пожалуйста, напишите ответ текстом."  # type: ignore[index]
    assert "Как называется ваш бизнес?" in olga.text()

    await olga.send("<b>Кафе</b>")
    for bad in ["Mars/Olympus", "🕐", "<i>Europe/Moscow</i>", "я" * 10_000]:
        await olga.send(bad)
        assert telegram.last_message(4003)["text"] == (  # type: ignore[index]
            "Неизвестный часовой пояс. Выберите из списка."
        )
        assert "В каком часовом поясе" in olga.text()
    await olga.send_location(-33.87, 151.21)  # Sydney: far from every reference city
    assert "не получилось определить часовой пояс" in telegram.last_message(4003)["text"]  # type: ignore[index]
    assert "В каком часовом поясе" in olga.text()
    assert "&lt;b&gt;Кафе&lt;/b&gt;" in olga.text(), "user text is shown escaped"
    assert await _organizations(session_factory) == []


async def _owner_of(
    session_factory: SessionFactory, clock: ManualClock, telegram_id: int, name: str
) -> int:
    async with session_factory() as session:
        user = await get_or_register_user(
            session, TelegramProfile(telegram_id=telegram_id, first_name="Olga")
        )
        organization = await create_organization(session, user, clock, name=name)
        await session.commit()
        return organization.id


async def _join_as_employee(
    session_factory: SessionFactory, clock: ManualClock, telegram_id: int, name: str
) -> int:
    other_owner_id = await _owner_of(session_factory, clock, telegram_id + 100, name)
    async with session_factory() as session:
        user = await get_or_register_user(
            session, TelegramProfile(telegram_id=telegram_id, first_name="Olga")
        )
        session.add(
            Membership(
                organization_id=other_owner_id, user_id=user.id, role=MembershipRole.EMPLOYEE
            )
        )
        await session.commit()
    return other_owner_id


async def test_switching_organizations(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    own_id = await _owner_of(session_factory, clock, 4004, "Кофейня")
    employer_id = await _join_as_employee(session_factory, clock, 4004, "Автомойка")
    olga = make_user(4004)
    await olga.send("/start")
    assert "Кофейня" in olga.text() and "Главное меню владельца" in olga.text()

    await olga.press("🏢 Организации")
    assert olga.buttons()[:2] == ["Автомойка · сотрудник", "✅ Кофейня · владелец"]
    await olga.press("Автомойка · сотрудник")
    assert "Автомойка" in olga.text() and "Ваши смены и заработок" in olga.text()
    assert "🏪 Объекты" not in olga.buttons()
    assert await _active_organization_id(session_factory, 4004) == employer_id

    await olga.send("/start")
    assert "Автомойка" in olga.text(), "the choice is remembered"
    await olga.press("🏢 Организации")
    await olga.press("Кофейня · владелец")
    assert "Главное меню владельца" in olga.text()
    assert await _active_organization_id(session_factory, 4004) == own_id


async def test_owner_creates_another_organization_from_the_switcher(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    await _owner_of(session_factory, clock, 4005, "Кофейня")
    await _join_as_employee(session_factory, clock, 4005, "Автомойка")
    olga = make_user(4005)
    await olga.send("/start")
    await olga.press("🏢 Организации")
    await olga.press("➕ Новая организация")
    await olga.send("Цветочный киоск")
    await olga.press(re.escape("Москва (UTC+3)"))
    await olga.press("🇷🇺 Русский")

    assert "Цветочный киоск" in olga.text() and "Главное меню владельца" in olga.text()
    organizations = await _organizations(session_factory)
    created = next(o for o in organizations if o.name == "Цветочный киоск")
    assert await _active_organization_id(session_factory, 4005) == created.id


async def test_switching_to_a_foreign_organization_is_refused(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    own_id = await _owner_of(session_factory, clock, 4006, "Кофейня")
    await _join_as_employee(session_factory, clock, 4006, "Автомойка")
    foreign_id = await _owner_of(session_factory, clock, 4999, "Чужая")
    olga: DialogUser = make_user(4006)
    await olga.send("/start")
    await olga.press("🏢 Организации")
    await olga.press_hidden(f"org:{foreign_id}")
    assert telegram.last_message(4006)["text"] == "У вас нет прав на это действие."  # type: ignore[index]
    assert await _active_organization_id(session_factory, 4006) == own_id
