"""The "Today" board's read model and its actions on the real database (PostgreSQL and
SQLite): today is the object's local day, a late start carries the alert's actions, a
manager's decisions are logged once."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from services.attendance.clock_in import ShiftChoice, open_shift
from services.attendance.errors import AlreadyMarkedAbsent, ShiftAlreadyOpen
from services.attendance.on_behalf import mark_absent, open_shift_for
from services.attendance.today import today_board
from services.notify.outbox import SHIFT_OPENED
from services.places.geo import LocationReport
from services.platform.clock import ManualClock
from services.platform.db.models import AttendanceMark, OutboxMessage, User
from services.platform.errors import PermissionDenied
from tests.conftest import ON_BOTH_DATABASES
from tests.support.shifts import CAFE, REPORT_CHAT_ID, add_planned_shift, make_shift_world

pytestmark = ON_BOTH_DATABASES


async def _states(session_factory, clock: ManualClock, user_id: int) -> list[tuple[str, str]]:
    async with session_factory() as session:
        user = await session.get(User, user_id)
        assert user is not None
        board = await today_board(session, clock, user)
    return [(row.employee_name, row.state.value) for item in board for row in item.rows]


async def test_today_is_the_objects_local_day_not_the_servers(session_factory) -> None:
    # 22:30 UTC on 2 March is 08:30 on 3 March in Vladivostok.
    clock = ManualClock(datetime(2026, 3, 2, 22, 30, tzinfo=UTC))
    world = await make_shift_world(session_factory, timezone="Asia/Vladivostok")
    # 09:00 on 3 March in Vladivostok (today there), and 09:00 on 2 March (yesterday there).
    await add_planned_shift(session_factory, world, datetime(2026, 3, 2, 23, 0, tzinfo=UTC))
    await add_planned_shift(session_factory, world, datetime(2026, 3, 1, 23, 0, tzinfo=UTC))

    assert await _states(session_factory, clock, world.owner.id) == [("Anna", "not_started")]
    clock.advance(timedelta(minutes=36))  # 09:06, past the 5 min grace
    assert await _states(session_factory, clock, world.owner.id) == [("Anna", "not_in_yet")]
    clock.advance(timedelta(hours=8))  # the shift has ended: a no-show now
    assert await _states(session_factory, clock, world.owner.id) == [("Anna", "no_show")]


async def test_a_late_start_gives_the_owner_and_manager_the_alerts_actions_not_the_chat(
    session_factory,
) -> None:
    clock = ManualClock(datetime(2026, 3, 2, 6, 17, tzinfo=UTC))  # 09:17 in Moscow
    world = await make_shift_world(session_factory)
    planned = await add_planned_shift(
        session_factory, world, datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    )
    async with session_factory() as session, session.begin():
        await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(planned_shift_id=planned.id),
            report=LocationReport(*CAFE, sent_at=clock.now(), horizontal_accuracy=10),
        )
    async with session_factory() as session:
        feed = list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == SHIFT_OPENED.name)
            )
        )
    with_buttons = {
        (row.recipient_user_id, row.chat_id): bool(row.payload.get("buttons")) for row in feed
    }
    assert with_buttons == {
        (world.owner.id, None): True,
        (world.manager.id, None): True,
        (None, REPORT_CHAT_ID): False,
    }
    assert await _states(session_factory, clock, world.owner.id) == [("Anna", "on_shift")]


async def test_marks_are_made_once_by_planners_only_and_an_open_shift_cannot_be_reopened(
    session_factory,
) -> None:
    clock = ManualClock(datetime(2026, 3, 2, 6, 30, tzinfo=UTC))
    world = await make_shift_world(session_factory)
    planned = await add_planned_shift(
        session_factory, world, datetime(2026, 3, 2, 6, 0, tzinfo=UTC)
    )
    with pytest.raises(PermissionDenied):
        async with session_factory() as session, session.begin():
            await mark_absent(
                session,
                clock,
                user_id=world.employee.id,
                planned_shift_id=planned.id,
                reason="сам себя",
                with_fine=False,
            )
    async with session_factory() as session, session.begin():
        await mark_absent(
            session,
            clock,
            user_id=world.manager.id,
            planned_shift_id=planned.id,
            reason="Болеет",
            with_fine=False,
        )
    with pytest.raises(AlreadyMarkedAbsent):
        async with session_factory() as session, session.begin():
            await mark_absent(
                session,
                clock,
                user_id=world.owner.id,
                planned_shift_id=planned.id,
                reason="Ещё раз",
                with_fine=False,
            )
    assert await _states(session_factory, clock, world.owner.id) == [("Anna", "no_show")]

    # She turns up after all: the manager opens the shift for her, once.
    async with session_factory() as session, session.begin():
        await open_shift_for(
            session, clock, user_id=world.manager.id, planned_shift_id=planned.id, reason="Пришла"
        )
    with pytest.raises(ShiftAlreadyOpen):
        async with session_factory() as session, session.begin():
            await open_shift_for(
                session, clock, user_id=world.owner.id, planned_shift_id=planned.id, reason="x"
            )
    assert await _states(session_factory, clock, world.owner.id) == [("Anna", "on_shift")]
    async with session_factory() as session:
        marks = [(m.kind, m.reason) for m in await session.scalars(select(AttendanceMark))]
    assert sorted(marks) == [("absent", "Болеет"), ("opened_for", "Пришла")]
