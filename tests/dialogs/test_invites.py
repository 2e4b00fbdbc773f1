"""Invitations through the real Dispatcher (PostgreSQL, Redis dialog storage, the fake
Telegram server for the bot's own messages): owners create links, people open them."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from sqlalchemy import select

from services.orgs.invites import MAX_FAILED_ATTEMPTS, InviteTerms, create_invite
from services.platform.clock import ManualClock
from services.platform.db.models import Membership, MembershipRole, OutboxMessage, User
from services.staff.permissions import actor_in
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.dialogs import DialogUser
from tests.support.staff import add_member, organization_with_objects

LINK = re.compile(r"https://t\.me/staffprobot_test_bot\?start=(inv_[A-Za-z0-9_-]+)")
RATE_PROMPT = "Напишите почасовую ставку"


async def _owner(make_user: UserFactory, session_factory, clock, telegram_id: int = 3000):
    org = await organization_with_objects(
        session_factory,
        clock,
        owner_telegram_id=telegram_id,
        object_names=("Кафе на Мира", "Склад"),
    )
    owner = make_user(telegram_id, first_name="Olga")
    await owner.send("/start")
    return owner, org


async def _create_invite(
    owner: DialogUser, *, manager: bool = False, uses: str = "1️⃣ Одноразовое"
) -> str:
    """Walks the creation dialog from the main menu; returns the `/start` payload."""
    await owner.send("/start")
    await owner.press("✉️ Приглашения")
    await owner.press("➕ Пригласить управляющего" if manager else "➕ Пригласить сотрудника")
    await owner.press("▫️ Кафе на Мира")
    await owner.press("➡️ Далее")
    if manager:
        await owner.press("Без своей ставки")
        await owner.press("▫️ 👥 Сотрудники")
        await owner.press("➡️ Далее")
    else:
        await owner.send("350,50")
    await owner.press(uses)
    await owner.press("⏳ 7 дней")
    match = LINK.search(owner.text())
    assert match, owner.text()
    return match.group(1)


async def test_owner_invites_an_employee_who_lands_in_the_employee_menu(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    owner, _ = await _owner(make_user, session_factory, clock)
    payload = await _create_invite(owner)

    card = owner.text()
    assert "Приглашение: Сотрудник" in card and "Кафе на Мира" in card and "350,50" in card
    share = next(
        button
        for row in owner.screen().reply_markup.inline_keyboard
        for button in row
        if button.text == "📤 Поделиться"
    )
    shared = parse_qs(urlparse(share.url).query)
    assert share.url.startswith("https://t.me/share/url?")
    assert shared["url"] == [f"https://t.me/staffprobot_test_bot?start={payload}"]

    ivan = make_user(3001, first_name="Ivan")
    await ivan.send(f"/start {payload}")

    welcome = telegram.last_message(3001)
    assert welcome is not None
    assert welcome["text"] == "🎉 Вы присоединились к «Кофейня» как сотрудник."
    assert "Ваши смены и заработок" in ivan.text()
    async with session_factory() as session:
        membership = await session.scalar(
            select(Membership).join(User).where(User.telegram_id == 3001)
        )
    assert membership is not None and membership.role == MembershipRole.EMPLOYEE


async def test_owner_invites_a_manager_who_lands_in_the_manager_menu(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    owner, _ = await _owner(make_user, session_factory, clock)
    payload = await _create_invite(owner, manager=True)
    assert "Права: 👁 Просмотр, 👥 Сотрудники" in owner.text()

    maria = make_user(3002, first_name="Maria")
    await maria.send(f"/start {payload}")

    welcome = telegram.last_message(3002)
    assert welcome is not None
    assert welcome["text"] == "🎉 Вы присоединились к «Кофейня» как управляющий."
    assert "Главное меню управляющего" in maria.text()
    # manage_staff on an object: the manager gets the staff entries.
    assert "👥 Сотрудники" in maria.buttons() and "✉️ Приглашения" in maria.buttons()


async def test_used_revoked_and_expired_links_get_distinct_messages(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    owner, _ = await _owner(make_user, session_factory, clock)
    used = await _create_invite(owner)
    revoked = await _create_invite(owner)
    await owner.press("🚫 Отозвать")
    assert "Статус: отозвано" in owner.text()
    assert "📤 Поделиться" not in owner.buttons()
    expiring = await _create_invite(owner)

    first, second = make_user(3003), make_user(3004)
    await first.send(f"/start {used}")
    await second.send(f"/start {used}")
    assert telegram.last_message(3004)["text"].startswith("По этой ссылке уже присоединились")
    await second.send(f"/start {revoked}")
    assert telegram.last_message(3004)["text"].startswith("Это приглашение отозвано")
    clock.advance(timedelta(days=7, minutes=1))
    await second.send(f"/start {expiring}")
    assert telegram.last_message(3004)["text"].startswith("Срок действия приглашения истёк")
    # Refused people land in the newcomer's menu, not in a dead end.
    assert "🏢 Я руковожу бизнесом" in second.buttons()


async def test_member_opening_a_link_again_is_told_and_not_duplicated(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    owner, _ = await _owner(make_user, session_factory, clock)
    payload = await _create_invite(owner, uses="👥 Многоразовое, до 10")
    ivan = make_user(3005, first_name="Ivan")
    await ivan.send(f"/start {payload}")
    await ivan.send(f"/start {payload}")
    await owner.send(f"/start {payload}")

    assert telegram.last_message(3005)["text"] == "Вы уже состоите в «Кофейня»."
    assert telegram.last_message(3000)["text"] == "Вы уже состоите в «Кофейня»."
    async with session_factory() as session:
        memberships = list(await session.scalars(select(Membership)))
    assert len(memberships) == 2


@pytest.mark.parametrize(
    ("language", "already_member", "employee_menu", "used_by_someone_else"),
    [
        (
            "ru",
            "Вы уже состоите в «Кофейня».",
            "Ваши смены и заработок — здесь.",
            "По этой ссылке уже присоединились. Попросите работодателя прислать новую.",
        ),
        (
            "en",
            "You are already a member of “Кофейня”.",
            "Your shifts and earnings are here.",
            "Someone has already joined with this link. Ask your employer for a new one.",
        ),
    ],
)
async def test_employee_opening_their_used_link_again_lands_in_that_organizations_menu(
    language: str,
    already_member: str,
    employee_menu: str,
    used_by_someone_else: str,
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    owner, _ = await _owner(make_user, session_factory, clock)
    cafe_link = await _create_invite(owner)
    bakery = await organization_with_objects(
        session_factory, clock, owner_telegram_id=3030, name="Пекарня"
    )
    async with session_factory() as session:
        bakery_owner = await actor_in(session, bakery.owner_id, bakery.organization_id)
        bakery_invite = await create_invite(
            session,
            bakery_owner,
            clock,
            InviteTerms(role=MembershipRole.EMPLOYEE, object_ids=tuple(bakery.object_ids)),
        )
        await session.commit()
    ivan = make_user(3020, first_name="Ivan", language_code=language)
    await ivan.send(f"/start {cafe_link}")
    await ivan.send(f"/start inv_{bakery_invite.code}")
    assert "Пекарня" in ivan.text()

    await ivan.send(f"/start {cafe_link}")

    assert telegram.last_message(3020)["text"] == already_member
    assert "Кофейня" in ivan.text() and employee_menu in ivan.text()
    stranger = make_user(3021, language_code=language)
    await stranger.send(f"/start {cafe_link}")
    assert telegram.last_message(3021)["text"] == used_by_someone_else


async def test_sixth_employee_on_free_is_refused_and_the_owner_told(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    owner, org = await _owner(make_user, session_factory, clock)
    for index in range(5):
        await add_member(
            session_factory, org.organization_id, telegram_id=3100 + index, first_name="E"
        )
    payload = await _create_invite(owner)

    sixth = make_user(3006, first_name="Sixth")
    await sixth.send(f"/start {payload}")

    refusal = telegram.last_message(3006)
    assert refusal is not None
    assert refusal["text"].startswith("В «Кофейня» больше нет мест для сотрудников")
    assert "🏢 Я руковожу бизнесом" in sixth.buttons()
    async with session_factory() as session:
        notice = await session.scalar(select(OutboxMessage))
        joined = await session.scalar(select(Membership).join(User).where(User.telegram_id == 3006))
    assert joined is None
    assert notice is not None and notice.kind == "employee-limit-reached"
    assert notice.recipient_user_id == org.owner_id


async def test_guessing_codes_is_rate_limited(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    owner, _ = await _owner(make_user, session_factory, clock)
    payload = await _create_invite(owner)
    guesser = make_user(3007)

    for attempt in range(MAX_FAILED_ATTEMPTS):
        await guesser.send(f"/start inv_guess{attempt:04d}abcdefgh")
        assert telegram.last_message(3007)["text"].startswith("Приглашение не найдено")
    await guesser.send(f"/start {payload}")

    assert telegram.last_message(3007)["text"] == (
        "Слишком много неверных кодов. Попробуйте снова через 10 мин."
    )
    async with session_factory() as session:
        joined = await session.scalar(select(Membership).join(User).where(User.telegram_id == 3007))
    assert joined is None


async def test_code_pasted_into_the_invite_window(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    owner, _ = await _owner(make_user, session_factory, clock)
    payload = await _create_invite(owner)
    ivan = make_user(3008, first_name="Ivan")
    await ivan.send("/start")
    await ivan.press("✉️ У меня есть приглашение")

    await ivan.send("<b>привет</b> 🎉")
    assert telegram.last_message(3008)["text"].startswith("Приглашение не найдено")
    assert "Или пришлите сюда ссылку или код приглашения" in ivan.text()

    await ivan.send(f"https://t.me/staffprobot_test_bot?start={payload}")
    assert telegram.last_message(3008)["text"].startswith("🎉 Вы присоединились")
    assert "Ваши смены и заработок" in ivan.text()


async def test_bad_rates_are_refused_and_the_dialog_stays(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    owner, _ = await _owner(make_user, session_factory, clock)
    await owner.press("✉️ Приглашения")
    assert "Пока нет ни одного приглашения." in owner.text()
    await owner.press("➕ Пригласить сотрудника")
    await owner.press("➡️ Далее")
    assert telegram.last_message(3000)["text"] == "Отметьте хотя бы один объект."
    await owner.press("▫️ Склад")
    await owner.press("➡️ Далее")

    expectations = {
        "-100": "Ставка должна быть больше нуля.",
        "0": "Ставка должна быть больше нуля.",
        "100000000": "Слишком большая ставка: не больше 100 000 ₽ в час.",
        "сто рублей": "Напишите ставку числом в ₽, например 350 или 350,50.",
        "🍕": "Напишите ставку числом в ₽, например 350 или 350,50.",
        "<script>": "Напишите ставку числом в ₽, например 350 или 350,50.",
        "9" * 10_000: "Слишком большая ставка: не больше 100 000 ₽ в час.",
    }
    for typed, message in expectations.items():
        await owner.send(typed)
        refusal = telegram.last_message(3000)["text"]
        assert " ".join(refusal.split()) == message, typed
        assert RATE_PROMPT in owner.text()

    await owner.send("400")
    assert "Сколько человек могут присоединиться" in owner.text()


async def test_manager_without_manage_staff_is_refused_for_crafted_callbacks(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram: FakeTelegramServer
) -> None:
    _, org = await _owner(make_user, session_factory, clock)
    cafe, warehouse = org.object_ids
    await add_member(
        session_factory,
        org.organization_id,
        telegram_id=3010,
        first_name="Maria",
        role=MembershipRole.MANAGER,
        object_permissions={cafe: ["view", "manage_staff"], warehouse: ["view", "plan"]},
    )
    await add_member(
        session_factory,
        org.organization_id,
        telegram_id=3011,
        first_name="Pavel",
        role=MembershipRole.MANAGER,
        object_permissions={cafe: ["view", "plan"]},
    )
    on_warehouse = await add_member(
        session_factory,
        org.organization_id,
        telegram_id=3012,
        first_name="Boris",
        object_permissions={warehouse: []},
    )

    pavel = make_user(3011, first_name="Pavel")
    await pavel.send("/start")
    assert "👥 Сотрудники" not in pavel.buttons()
    await pavel.press_hidden("staff")
    assert "У вас нет прав на это действие." in pavel.text()
    await pavel.send("/start")
    await pavel.press_hidden("invites")
    assert "У вас нет прав на это действие." in pavel.text()

    maria = make_user(3010, first_name="Maria")
    await maria.send("/start")
    await maria.press("👥 Сотрудники")
    await maria.press_hidden(f"member:{on_warehouse}")
    assert telegram.last_message(3010)["text"] == "У вас нет прав на это действие."
    assert "Сотрудники" in maria.text() and "Boris" not in maria.text()

    async with session_factory() as session:
        owner_actor = await actor_in(session, org.owner_id, org.organization_id)
        warehouse_invite = await create_invite(
            session,
            owner_actor,
            clock,
            InviteTerms(role=MembershipRole.EMPLOYEE, object_ids=(warehouse,)),
        )
        await session.commit()
    await maria.send("/start")
    await maria.press("✉️ Приглашения")
    assert "Пока нет ни одного приглашения." in maria.text()
    await maria.press_hidden(f"invite:{warehouse_invite.id}")
    assert telegram.last_message(3010)["text"] == "У вас нет прав на это действие."
    assert "Приглашения" in maria.text()
