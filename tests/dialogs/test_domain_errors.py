"""The dialog-level error path: a domain error from a use case is told in the user's
language, the dialog stays on its window, and the update's writes are rolled back."""

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.planning import handlers as planning_handlers
from services.planning.templates import create_template
from services.platform.db.models import WeeklyTemplate
from services.platform.errors import InvalidInput
from tests.dialogs.conftest import UserFactory
from tests.support.planning import make_world

OWNER_ID = 7101


async def test_a_refusal_after_a_write_leaves_nothing_written_and_keeps_the_window(
    make_user: UserFactory,
    session_factory,
    clock,
    telegram,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with session_factory() as session:
        await make_world(session, clock, owner_telegram_id=OWNER_ID)
        await session.commit()

    async def refused_after_writing(session: AsyncSession, **arguments: Any) -> WeeklyTemplate:
        await create_template(session, **arguments)  # the template row is flushed
        raise InvalidInput(field="title", reason="too-long", limit=20)

    # the handler calls the use case it imported: replace it there
    monkeypatch.setattr(planning_handlers, "create_template", refused_after_writing)
    owner = make_user(OWNER_ID)
    await owner.send("/start")
    await owner.press("📅 Планирование")
    await owner.press("Кофейня")
    await owner.press("🗓 Шаблоны")
    await owner.press("➕ Новый шаблон")
    asked = owner.screen()

    await owner.send("Будни")

    assert telegram.last_message(OWNER_ID)["text"] == "Слишком длинно: не больше 20 символов."
    assert owner.text() == asked.text
    assert owner.screen().message_id != asked.message_id  # sent again, below the error
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(WeeklyTemplate)) == 0
