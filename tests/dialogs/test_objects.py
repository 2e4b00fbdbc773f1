"""Objects (C2) through the real Dispatcher, PostgreSQL, Redis dialog storage and a fake
Yandex Geocoder over HTTP: creation from a pin or an address, editing every field, bad
input, the tariff limit, permissions of managers, the report chat."""

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from aiogram.types import (
    Chat,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberUpdated,
    Message,
    Update,
    User,
)
from sqlalchemy import select

from services.orgs.organizations import create_organization
from services.orgs.tariffs import TariffLimitReached
from services.places.objects import Place, create_object
from services.platform.clock import ManualClock
from services.platform.config import Settings, YandexSettings
from services.platform.db.models import Membership, MembershipObject, MembershipRole, WorkObject
from services.platform.db.session import SessionFactory
from services.staff.users import TelegramProfile, get_or_register_user
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.fakes.yandex_server import ONE_RESULT, REVERSE_ADDRESS, FakeYandexServer
from tests.support.dialogs import DialogUser

OWNER_ID = 3001
MANAGER_ID = 3002
GROUP_ID = -100_500


@pytest.fixture
async def yandex() -> AsyncIterator[FakeYandexServer]:
    server = FakeYandexServer(slow_seconds=2.0)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def settings(settings: Settings, yandex: FakeYandexServer) -> Settings:
    geocoder = YandexSettings(
        _env_file=None,  # type: ignore[call-arg]
        geocoder_url=yandex.geocoder_url,
        geocoder_key="geo-key",
        static_url=yandex.static_url,
        static_key="static-key",
        timeout_seconds=0.5,
    )
    return settings.model_copy(update={"yandex": geocoder})


async def _owner_with_organization(
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram_id: int,
    name: str = "Кофейня",
    language_code: str = "ru",
) -> int:
    async with session_factory() as session:
        owner = await get_or_register_user(
            session,
            TelegramProfile(
                telegram_id=telegram_id, first_name="Olga", language_code=language_code
            ),
        )
        organization = await create_organization(session, owner, clock, name=name)
        await session.commit()
        return organization.id


async def _object_of(session_factory: SessionFactory, name: str | None = None) -> WorkObject:
    async with session_factory() as session:
        query = select(WorkObject).order_by(WorkObject.id.desc())
        if name is not None:
            query = query.where(WorkObject.name == name)
        work_object = await session.scalar(query)
    assert work_object is not None
    return work_object


async def _open_objects(user: DialogUser) -> None:
    await user.send("/start")
    await user.press("🏪 Объекты")


async def _create_by_pin(user: DialogUser, name: str, latitude: float, longitude: float) -> None:
    await user.press("➕ Добавить объект")
    await user.send(name)
    await user.send_location(latitude, longitude)


def _refusal(telegram: FakeTelegramServer, chat_id: int) -> str:
    message = telegram.last_message(chat_id)
    assert message is not None
    return str(message["text"])


async def test_owner_creates_an_object_from_a_location_pin(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock, yandex
) -> None:
    await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    assert "Объектов пока нет" in olga.text()
    await _create_by_pin(olga, "Кофейня <Мира> ☕", 55.7522, 37.6156)

    card = olga.screen()
    assert "Кофейня &lt;Мира&gt; ☕" in olga.text()
    assert REVERSE_ADDRESS in olga.text()
    assert "радиус 150 м" in olga.text()
    assert card.photo, "the card shows the static map when a static key is set"
    work_object = await _object_of(session_factory)
    assert work_object.name == "Кофейня <Мира> ☕"
    assert (work_object.latitude, work_object.longitude) == (55.7522, 37.6156)
    assert work_object.address == REVERSE_ADDRESS
    assert work_object.timezone == "Europe/Moscow" and work_object.geofence_radius_m == 150
    assert yandex.requests[-1]["geocode"] == "37.615600,55.752200"


async def test_address_with_one_result_is_confirmed(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await olga.press("➕ Добавить объект")
    await olga.send("Склад")
    await olga.send("Тверская 7")

    assert ONE_RESULT.text in olga.text() and "Это он?" in olga.text()
    await olga.press("✅ Да, это здесь")
    work_object = await _object_of(session_factory)
    assert (work_object.address, work_object.latitude, work_object.longitude) == (
        ONE_RESULT.text,
        ONE_RESULT.latitude,
        ONE_RESULT.longitude,
    )
    assert "Склад" in olga.text()


async def test_address_with_several_results_is_picked(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await olga.press("➕ Добавить объект")
    await olga.send("Цветы")
    await olga.send("улица Ленина 1")

    assert "Нашлось несколько адресов" in olga.text()
    assert "📍 Россия, Казань, улица Ленина, 1" in olga.buttons()
    await olga.press("📍 Россия, Казань, улица Ленина, 1")
    work_object = await _object_of(session_factory)
    assert work_object.address == "Россия, Казань, улица Ленина, 1"
    assert (work_object.latitude, work_object.longitude) == (55.79, 49.12)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("nowhere street 1", "Адрес не найден"),
        ("timeout street 1", "Сервис карт сейчас не отвечает"),
        ("broken street 1", "Сервис карт сейчас не отвечает"),
    ],
)
async def test_address_not_found_or_geocoder_down_asks_for_a_location(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    address: str,
    message: str,
) -> None:
    await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await olga.press("➕ Добавить объект")
    await olga.send("Мойка")
    await olga.send(address)

    refusal = _refusal(telegram, OWNER_ID)
    assert message in refusal and "точку на карте" in refusal
    assert "Где находится «Мойка»?" in olga.text()
    await olga.send_location(55.0, 37.0)
    assert (await _object_of(session_factory)).name == "Мойка"


async def test_owner_edits_every_field(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await _create_by_pin(olga, "Кофейня", 55.75, 37.61)
    await olga.press("✏️ Изменить")

    typed_fields = [
        ("✏️ Название", "Кофейня № 2 <центр>"),
        ("⭕ Радиус", "300"),
        ("💰 Ставка в час", "350,50"),
        ("⏱ Льгота опоздания", "10"),
        ("💸 Штраф за минуту", "5"),
        ("🔒 Автозакрытие", "45"),
        ("🌅 Ранний приход", "20"),
        ("🚨 Не отметился", "25"),
        ("⌛ Макс. длина смены", "8"),
    ]
    for button, value in typed_fields:
        await olga.press(button)
        await olga.send(value)
        assert "Что изменить?" in olga.text(), button

    await olga.press("🕐 Часовой пояс")
    await olga.press(re.escape("Екатеринбург (UTC+5)"))
    await olga.press("🗓 Часы работы")
    await olga.press("Пн · выходной")
    await olga.send("9-21")
    await olga.press("Пн · 09:00–21:00")
    await olga.press("📋 Такие же часы во все дни")
    await olga.press("Вс · 09:00–21:00")
    await olga.press("🚫 Выходной")
    await olga.press("Сб · 09:00–21:00")
    await olga.send("20:00-02:00")
    await olga.press("⬅️ Назад")
    for flag in (
        "Оплачивать ранний приход",
        "Требовать живую геолокацию",
        "Проверять место при закрытии",
        "Разрешить смены без графика",
        "Разрешить самозапись",
    ):
        await olga.press(f". {flag}")
    await olga.press("📍 Адрес и точка")
    await olga.send("Тверская 7")
    await olga.press("✅ Да, это здесь")
    assert "Что изменить?" in olga.text()
    await olga.press("✅ Готово")

    work_object = await _object_of(session_factory)
    assert work_object.name == "Кофейня № 2 <центр>"
    assert work_object.geofence_radius_m == 300
    assert work_object.base_hourly_rate == Decimal("350.50")
    assert work_object.late_grace_minutes == 10
    assert work_object.late_fine_per_minute == Decimal("5.00")
    assert work_object.auto_close_grace_minutes == 45
    assert work_object.early_arrival_minutes == 20
    assert work_object.not_clocked_in_alert_minutes == 25
    assert work_object.max_shift_hours == 8
    assert work_object.timezone == "Asia/Yekaterinburg"
    weekdays = {day: ["09:00", "21:00"] for day in ("mon", "tue", "wed", "thu", "fri")}
    assert work_object.opening_hours == {**weekdays, "sat": ["20:00", "02:00"]}
    assert work_object.pay_early_arrival is True
    assert work_object.require_live_location is True
    assert work_object.check_location_on_close is False
    assert work_object.allow_spontaneous_shifts is True
    assert work_object.allow_self_booking is False
    assert (work_object.address, work_object.latitude) == (ONE_RESULT.text, ONE_RESULT.latitude)
    card = olga.text()
    assert "Кофейня № 2 &lt;центр&gt;" in card and "радиус 300 м" in card
    assert "Сб 20:00–02:00" in card and "Вс выходной" in card
    assert "350,50" in card and "Екатеринбург (UTC+5)" in card
    assert "сообщить через 25 мин после начала смены" in card
    assert "Смена без графика длится не больше 8 ч" in card


BAD_TEXT = ["   ", "я" * 10_000]
BAD_NUMBERS = ["   ", "🔥🔥", "<b>100</b>", "-5", "99999999999", "я" * 10_000]


@pytest.mark.parametrize(
    ("button", "bad_values", "prompt"),
    [
        ("✏️ Название", BAD_TEXT, "Напишите новое название"),
        ("⭕ Радиус", [*BAD_NUMBERS, "29", "5001"], "Радиус геозоны"),
        ("💰 Ставка в час", [*BAD_NUMBERS, "10.001"], "Ставка в час"),
        ("⏱ Льгота опоздания", BAD_NUMBERS, "не штрафуются"),
        ("💸 Штраф за минуту", BAD_NUMBERS, "Штраф за каждую минуту"),
        ("🔒 Автозакрытие", BAD_NUMBERS, "закрывать её автоматически"),
        ("🌅 Ранний приход", BAD_NUMBERS, "можно отметить приход"),
        ("🕐 Часовой пояс", ["Mars/Olympus", "🕐", "<b>Europe/Moscow</b>", "я" * 10_000], "IANA"),
    ],
)
async def test_bad_input_in_every_edit_field_is_refused_and_the_dialog_stays(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    button: str,
    bad_values: list[str],
    prompt: str,
) -> None:
    await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await _create_by_pin(olga, "Кофейня", 55.75, 37.61)
    before = await _object_of(session_factory)
    await olga.press("✏️ Изменить")
    await olga.press(button)
    for bad in bad_values:
        sent_before = len(telegram.chat_messages(OWNER_ID))
        await olga.send(bad)
        messages = telegram.chat_messages(OWNER_ID)
        assert len(messages) == sent_before + 1, f"no explanation for {bad[:20]!r}"
        explanation = messages[-1]["text"]
        assert explanation and "Что-то пошло не так" not in explanation
        assert prompt in olga.text(), f"the dialog moved on after {bad[:20]!r}"
    after = await _object_of(session_factory)
    assert (after.name, after.geofence_radius_m, after.base_hourly_rate, after.timezone) == (
        before.name,
        before.geofence_radius_m,
        before.base_hourly_rate,
        before.timezone,
    )


OBJECTS_SCREENS = {
    "ru": ("🏪 Объекты", "➕ Добавить объект", "✏️ Изменить"),
    "en": ("🏪 Locations", "➕ Add a location", "✏️ Edit"),
}


@pytest.mark.parametrize(
    ("language", "button", "typed", "hint"),
    [
        (
            "ru",
            "⭕ Радиус",
            "150.5",
            "Напишите целое число метров от 30 до 5\xa0000 — только цифры.",
        ),
        ("ru", "⭕ Радиус", "10", "Напишите целое число метров от 30 до 5\xa0000 — только цифры."),
        (
            "ru",
            "⏱ Льгота опоздания",
            "пять",
            "Напишите целое число минут от 0 до 240 — только цифры.",
        ),
        ("ru", "🚨 Не отметился", "0", "Напишите целое число минут от 1 до 240 — только цифры."),
        (
            "ru",
            "⌛ Макс. длина смены",
            "25",
            "Напишите целое число часов от 1 до 24 — только цифры.",
        ),
        (
            "en",
            "⌛ Max shift length",
            "0",
            "Type a whole number of hours from 1 to 24, digits only.",
        ),
        (
            "ru",
            "💰 Ставка в час",
            "сто",
            "Напишите сумму в ₽, не больше 100\xa0000; дробную часть — через запятую, "
            "например 350 или 350,50.",
        ),
        (
            "en",
            "⭕ Radius",
            "150.5",
            "Type a whole number of metres from 30 to 5,000, digits only.",
        ),
        (
            "en",
            "⏱ Lateness grace",
            "five",
            "Type a whole number of minutes from 0 to 240, digits only.",
        ),
        (
            "en",
            "💰 Hourly rate",
            "a hundred",
            "Type an amount in ₽ of at most 100,000, with a point before the cents, "
            "for example 350 or 350.50.",
        ),
    ],
)
async def test_a_wrong_number_is_answered_with_what_the_field_counts_and_its_range(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    language: str,
    button: str,
    typed: str,
    hint: str,
) -> None:
    objects, add, edit = OBJECTS_SCREENS[language]
    await _owner_with_organization(session_factory, clock, OWNER_ID, language_code=language)
    olga = make_user(OWNER_ID, language_code=language)
    await olga.send("/start")
    await olga.press(objects)
    await olga.press(add)
    await olga.send("Кофейня")
    await olga.send_location(55.75, 37.61)
    await olga.press(edit)
    await olga.press(button)

    await olga.send(typed)

    assert _refusal(telegram, OWNER_ID) == hint


async def test_bad_input_while_creating_and_in_opening_hours(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await olga.press("➕ Добавить объект")
    for bad in ["   ", "я" * 10_000]:
        await olga.send(bad)
        assert "Как называется объект?" in olga.text()
    assert _refusal(telegram, OWNER_ID) == "Слишком длинно: не больше 128 символов."
    await olga.send_photo()
    assert _refusal(telegram, OWNER_ID) == "Пожалуйста, напишите ответ текстом."

    await olga.send("Киоск")
    await olga.send("я" * 10_000)
    assert _refusal(telegram, OWNER_ID) == "Слишком длинно: не больше 512 символов."
    await olga.send_photo()
    assert "Отправьте точку на карте" in _refusal(telegram, OWNER_ID)
    assert "Где находится «Киоск»?" in olga.text()
    await olga.send_location(55.75, 37.61)

    await olga.press("✏️ Изменить")
    await olga.press("🗓 Часы работы")
    await olga.press("Пн · выходной")
    for bad in ["утром", "25-26", "10-10", "<b>9-21</b>", "⏰", "я" * 10_000]:
        await olga.send(bad)
        assert "Не понял часы" in _refusal(telegram, OWNER_ID)
        assert "Напишите часы работы" in olga.text()
    assert (await _object_of(session_factory)).opening_hours == {}


async def test_second_object_is_refused_on_the_free_tariff(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    organization_id = await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await _create_by_pin(olga, "Первый", 55.75, 37.61)
    await olga.press("⬅️ К списку")
    await olga.press("➕ Добавить объект")

    assert "Лимит тарифа" in olga.text() and "не больше 1 объекта" in olga.text()
    assert "💳 Улучшить тариф" in olga.buttons()

    # The rule holds in the use case too, not only at the button.
    async with session_factory() as session:
        owner = await get_or_register_user(
            session, TelegramProfile(telegram_id=OWNER_ID, first_name="Olga")
        )
        with pytest.raises(TariffLimitReached):
            await create_object(
                session, owner, organization_id, name="Второй", place=Place(55.0, 37.0)
            )
    async with session_factory() as session:
        names = list(await session.scalars(select(WorkObject.name)))
    assert names == ["Первый"]


async def test_archiving_frees_the_tariff_slot(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await _create_by_pin(olga, "Первый", 55.75, 37.61)
    await olga.press("🗄 В архив")
    await olga.press("🗄 Да, в архив")
    assert "Объектов пока нет" in olga.text()
    await _create_by_pin(olga, "Второй", 55.70, 37.60)
    assert "Второй" in olga.text()
    assert (await _object_of(session_factory, "Первый")).archived is True


async def _add_manager(
    session_factory: SessionFactory, organization_id: int, object_id: int, permissions: list[str]
) -> None:
    async with session_factory() as session:
        manager = await get_or_register_user(
            session, TelegramProfile(telegram_id=MANAGER_ID, first_name="Max", language_code="ru")
        )
        membership = Membership(
            organization_id=organization_id, user_id=manager.id, role=MembershipRole.MANAGER
        )
        session.add(membership)
        await session.flush()
        session.add(
            MembershipObject(
                membership_id=membership.id, object_id=object_id, permissions=permissions
            )
        )
        await session.commit()


async def test_manager_without_edit_objects_is_refused_even_with_crafted_callbacks(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    organization_id = await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await _create_by_pin(olga, "Кофейня", 55.75, 37.61)
    work_object = await _object_of(session_factory)
    await _add_manager(session_factory, organization_id, work_object.id, ["view"])

    max_ = make_user(MANAGER_ID, first_name="Max")
    await _open_objects(max_)
    assert "➕ Добавить объект" not in max_.buttons()
    await max_.press("🏪 Кофейня")
    assert "Кофейня" in max_.text()
    assert "✏️ Изменить" not in max_.buttons() and "🗄 В архив" not in max_.buttons()

    await max_.press_hidden("report_chat")
    assert _refusal(telegram, MANAGER_ID) == "У вас нет прав на это действие."
    await max_.press_hidden("edit")  # a hidden SwitchTo only changes the window...
    await max_.press_hidden("flag_allow_self_booking")
    assert _refusal(telegram, MANAGER_ID) == "У вас нет прав на это действие."
    await max_.press_hidden("field_radius")
    await max_.send("4000")
    assert _refusal(telegram, MANAGER_ID) == "У вас нет прав на это действие."
    await max_.send("/start")
    await max_.press("🏪 Объекты")
    await max_.press("🏪 Кофейня")
    await max_.press_hidden("archive")
    await max_.press_hidden("archive_yes")
    assert _refusal(telegram, MANAGER_ID) == "У вас нет прав на это действие."

    after = await _object_of(session_factory)
    assert (after.allow_self_booking, after.geofence_radius_m, after.archived) == (
        True,
        150,
        False,
    )


async def test_manager_with_edit_objects_edits_but_cannot_create(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    organization_id = await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await _create_by_pin(olga, "Кофейня", 55.75, 37.61)
    work_object = await _object_of(session_factory)
    await _add_manager(session_factory, organization_id, work_object.id, ["edit_objects"])

    max_ = make_user(MANAGER_ID, first_name="Max")
    await _open_objects(max_)
    assert "➕ Добавить объект" not in max_.buttons()
    await max_.press("🏪 Кофейня")
    await max_.press("✏️ Изменить")
    await max_.press("⭕ Радиус")
    await max_.send("500")
    assert (await _object_of(session_factory)).geofence_radius_m == 500


async def _feed(user: DialogUser, update: dict) -> None:
    await user.dp.feed_update(user.bot, Update(update_id=user._new_update_id(), **update))


def _group_message(user: DialogUser, text: str) -> Message:
    return Message(
        message_id=user._new_message_id(),
        date=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        chat=Chat(id=GROUP_ID, type="supergroup", title="Смены"),
        from_user=user.user,
        text=text,
    )


async def test_owner_binds_a_report_chat_with_a_one_time_code(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    bot,
) -> None:
    await _owner_with_organization(session_factory, clock, OWNER_ID)
    olga = make_user(OWNER_ID)
    await _open_objects(olga)
    await _create_by_pin(olga, "Кофейня <Мира>", 55.75, 37.61)
    await olga.press("📣 Чат отчётов")
    text = olga.text()
    assert "Группа пока не подключена" in text
    code_match = re.search(r"/bind ([\w-]+)", text)
    assert code_match is not None
    code = code_match.group(1)

    me = await bot.me()
    bot_user = User(id=me.id, is_bot=True, first_name=me.first_name, username=me.username)
    await _feed(
        olga,
        {
            "my_chat_member": ChatMemberUpdated(
                chat=Chat(id=GROUP_ID, type="supergroup", title="Смены"),
                from_user=olga.user,
                date=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
                old_chat_member=ChatMemberLeft(user=bot_user),
                new_chat_member=ChatMemberMember(user=bot_user),
            )
        },
    )
    assert "/bind КОД" in _refusal(telegram, GROUP_ID)

    await _feed(olga, {"message": _group_message(olga, "/bind wrong-code")})
    assert "Код не подходит" in _refusal(telegram, GROUP_ID)
    assert (await _object_of(session_factory)).report_chat_id is None

    stranger = make_user(3999, first_name="Eve")
    await _feed(stranger, {"message": _group_message(stranger, f"/bind {code}")})
    assert (await _object_of(session_factory)).report_chat_id is None

    await _feed(olga, {"message": _group_message(olga, f"/bind {code}")})
    assert _refusal(telegram, GROUP_ID) == (
        "✅ Готово: эта группа теперь получает отчёты объекта «Кофейня <Мира>»."
    )
    assert "«Кофейня &lt;Мира&gt;»" in telegram.calls_of("sendMessage")[-1].params["text"]
    assert (await _object_of(session_factory)).report_chat_id == GROUP_ID

    await _feed(olga, {"message": _group_message(olga, f"/bind {code}")})
    assert "Код не подходит" in _refusal(telegram, GROUP_ID), "the code works once"

    await _feed(
        olga,
        {
            "my_chat_member": ChatMemberUpdated(
                chat=Chat(id=GROUP_ID, type="supergroup", title="Смены"),
                from_user=olga.user,
                date=datetime(2026, 3, 2, 9, 5, tzinfo=UTC),
                old_chat_member=ChatMemberMember(user=bot_user),
                new_chat_member=ChatMemberLeft(user=bot_user),
            )
        },
    )
    assert (await _object_of(session_factory)).report_chat_id is None
