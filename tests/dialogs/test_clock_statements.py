"""The clock-in is the busiest flow of the bot (everyone at the start of a shift, at once):
each of its updates asks the database a few statements, with the employee's home, the
live feed (owner, manager and report chat) and the card of the shift opened."""

import re
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from services.platform.clock import ManualClock
from tests.dialogs.conftest import UserFactory
from tests.support.reply_keyboards import ReplyKeyboardMessageManager
from tests.support.shifts import CAFE, EMPLOYEE_TG, add_planned_shift, make_shift_world

MOST_STATEMENTS_PER_UPDATE = 6


@pytest.fixture
def message_manager() -> ReplyKeyboardMessageManager:
    return ReplyKeyboardMessageManager()


async def test_each_update_of_a_clock_in_asks_few_statements(
    make_user: UserFactory, session_factory, engine: AsyncEngine, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory)
    await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=5))
    anna = make_user(EMPLOYEE_TG)
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    async def counted(action: Callable[[], Awaitable[object]]) -> int:
        statements.clear()
        event.listen(engine.sync_engine, "before_cursor_execute", count)
        try:
            await action()
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", count)
        return len(statements)

    counts = {
        "/start": await counted(lambda: anna.send("/start")),
        "open shift": await counted(lambda: anna.press(re.escape("🟢 Открыть смену"))),
        "location": await counted(lambda: anna.send_location(*CAFE, horizontal_accuracy=10)),
    }

    assert "Смена открыта" in anna.text()
    assert max(counts.values()) <= MOST_STATEMENTS_PER_UPDATE, counts
