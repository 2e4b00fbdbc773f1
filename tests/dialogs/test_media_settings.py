"""The owner's storage mode per kind of media, through the real Dispatcher."""

from services.media.access import storage_modes
from services.platform.clock import ManualClock
from services.platform.db.models import MediaContext, StorageMode
from services.platform.db.session import SessionFactory
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.media import seed_media_cast


async def modes(session_factory: SessionFactory, organization_id: int) -> dict:  # type: ignore[type-arg]
    async with session_factory() as session:
        return await storage_modes(session, organization_id)


async def test_an_owner_on_pro_chooses_where_cancellation_and_employee_documents_go(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    cast = await seed_media_cast(session_factory, clock, tariff="pro")
    olga = make_user(cast.owner.telegram_id, first_name="Olga")
    await olga.send("/start")

    await olga.press("🗂 Хранение файлов")
    assert "Фотоотчёты по задачам: только в Telegram" in olga.text()
    assert "На тарифе" not in olga.text()
    await olga.press("📄 Документы к отменам")
    await olga.press("🔁 И там, и там")

    assert "Документы к отменам смен: в Telegram и в нашем хранилище" in olga.text()
    await olga.press("🪪 Документы сотрудников")
    await olga.press("🗄 В нашем хранилище")
    assert "Документы сотрудников: в нашем хранилище" in olga.text()
    assert await modes(session_factory, cast.organization_id) == {
        MediaContext.TASK_PROOF: StorageMode.TELEGRAM,
        MediaContext.CANCELLATION_DOCUMENT: StorageMode.BOTH,
        MediaContext.EMPLOYEE_DOCUMENT: StorageMode.STORAGE,
    }


async def test_the_free_tariff_keeps_media_in_telegram(
    make_user: UserFactory,
    session_factory: SessionFactory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    cast = await seed_media_cast(session_factory, clock, tariff="free")
    olga = make_user(cast.owner.telegram_id, first_name="Olga")
    await olga.send("/start")

    await olga.press("🗂 Хранение файлов")
    assert "На тарифе Free файлы хранятся только в Telegram" in olga.text()
    await olga.press("📸 Фотоотчёты по задачам")
    await olga.press("🗄 В нашем хранилище")

    refusal = await telegram.wait_for_message(cast.owner.telegram_id, text_contains="Free")
    assert "Хранилище недоступно на тарифе Free" in refusal["text"]
    assert "Где хранить файлы?" in olga.text()
    assert (await modes(session_factory, cast.organization_id))[
        MediaContext.TASK_PROOF
    ] == StorageMode.TELEGRAM


async def test_employees_and_managers_have_no_storage_button(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    cast = await seed_media_cast(session_factory, clock)
    for person in (cast.employee, cast.viewing_manager):
        member = make_user(person.telegram_id)
        await member.send("/start")
        assert "🗂 Хранение файлов" not in member.buttons()
