"""Objects when no Yandex key is configured: location pins still work, the card has no
map, a typed address gets a clear "send a location" answer."""

from sqlalchemy import select

from services.orgs.organizations import create_organization
from services.platform.clock import ManualClock
from services.platform.db.models import WorkObject
from services.platform.db.session import SessionFactory
from services.staff.users import TelegramProfile, get_or_register_user
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer


async def test_pin_works_and_address_search_explains_itself_without_a_key(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    async with session_factory() as session:
        owner = await get_or_register_user(
            session, TelegramProfile(telegram_id=3101, first_name="Olga")
        )
        await create_organization(session, owner, clock, name="Кофейня")
        await session.commit()
    olga = make_user(3101)
    await olga.send("/start")
    await olga.press("🏪 Объекты")
    await olga.press("➕ Добавить объект")
    await olga.send("Киоск")
    assert "напишите адрес" not in olga.text()

    await olga.send("Тверская 7")
    assert telegram.last_message(3101)["text"] == (  # type: ignore[index]
        "Поиск по адресу не настроен. Отправьте точку на карте (📎 → Геопозиция)."
    )
    await olga.send_location(55.75, 37.61)

    assert "Киоск" in olga.text() and "адрес не указан" in olga.text()
    assert not olga.screen().photo, "no static map without a key"
    async with session_factory() as session:
        work_object = await session.scalar(select(WorkObject))
    assert work_object is not None
    assert (work_object.address, work_object.latitude, work_object.longitude) == (
        "",
        55.75,
        37.61,
    )
