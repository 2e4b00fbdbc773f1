"""Owners (and managers with `edit_objects`) manage the task templates of an object."""

from decimal import Decimal

from sqlalchemy import select

from services.platform.clock import ManualClock
from services.platform.db.models import TaskTemplate
from services.platform.db.session import SessionFactory
from tests.dialogs.conftest import UserFactory
from tests.support.media import seed_media_cast


async def test_an_owner_adds_a_mandatory_task_with_proof_bonus_and_fine(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    cast = await seed_media_cast(session_factory, clock)
    olga = make_user(cast.owner.telegram_id, first_name="Olga")
    await olga.send("/start")
    await olga.press("📝 Задачи объектов")
    await olga.press("🏪 Точка на Мира")
    assert "Задач пока нет" in olga.text()

    await olga.press("➕ Добавить задачу")
    await olga.send("Протереть <витрину>")
    await olga.press("⬜ Обязательная")
    await olga.press("⬜ Нужно фото/видео")
    await olga.press("🎁 Бонус")
    await olga.send("сто")
    assert "Бонус за выполнение" in olga.text()
    await olga.send("150,5")
    await olga.press("💸 Штраф")
    await olga.send("300")
    assert "Протереть &lt;витрину&gt;" in olga.text()
    assert "Обязательная: да" in olga.text()
    await olga.press("💾 Сохранить")

    assert olga.buttons()[0] == "❗📷 Протереть <витрину>"
    async with session_factory() as session:
        template = await session.scalar(select(TaskTemplate))
    assert template is not None
    assert (template.title, template.mandatory, template.proof_required) == (
        "Протереть <витрину>",
        True,
        True,
    )
    assert (template.bonus, template.fine) == (Decimal("150.50"), Decimal("300.00"))

    await olga.press("❗📷 Протереть <витрину>")
    await olga.press("🗑 Убрать задачу")
    assert "Задач пока нет" in olga.text()


async def test_a_manager_without_edit_objects_has_no_objects_to_edit(
    make_user: UserFactory, session_factory: SessionFactory, clock: ManualClock
) -> None:
    cast = await seed_media_cast(session_factory, clock)
    maria = make_user(cast.viewing_manager.telegram_id, first_name="Maria")
    await maria.send("/start")
    await maria.press("📝 Задачи объектов")

    assert "Нет объектов, где вы можете менять задачи" in maria.text()
