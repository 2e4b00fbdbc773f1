"""The "Today" board through the real Dispatcher, in Russian and English: the owner sees
each planned shift of the day with its state and acts on one in a few taps (counted
from the main menu). The clock stands at Monday 2 March 2026, 12:00 in Moscow."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from services.planning.settings import set_cancellation_fine
from services.platform.db.models import (
    AttendanceMark,
    AttendanceMarkKind,
    LedgerEntry,
    LedgerEntryType,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    ShiftStatus,
    User,
)
from services.platform.i18n import translator_for
from services.reports.figures import build_report
from services.reports.periods import PeriodKind, period_of
from services.reports.scope import ReportScope
from services.staff.permissions import actor_in
from tests.dialogs.conftest import UserFactory
from tests.support.planning import make_employee
from tests.support.shifts import OWNER_TG, add_planned_shift, make_shift_world

BORIS_TG = 7010

WORDS = {
    "ru": {
        "today": "📋 Сегодня",
        "anna_not_in": "Anna · {10:00}–{18:00} · ещё не пришёл(ла)",
        "boris_not_started": "Boris · {14:00}–{22:00} · ещё не начал(а)",
        "anna_button": "🟡 Anna · {10:00}–{18:00}",
        "boris_button": "⚪ Boris · {14:00}–{22:00}",
        "message": "✉️ Написать",
        "open_for": "🟢 Открыть смену за сотрудника",
        "close_for": "🛑 Закрыть смену за сотрудника",
        "absent": "🚫 Отметить отсутствие",
        "offer": "📢 Предложить место коллегам",
        "with_fine": "Со штрафом 500,00\xa0₽",
        "anna_on_shift": "Anna · {10:00}–{18:00} · на смене с {12:00} (опоздание 120 мин)",
        "anna_absent": "Anna · {10:00}–{18:00} · отсутствует: Заболела",
        "anna_finished": "Anna · {10:00}–{18:00} · закончил(а), 1 ч",
        "reason": "Забыла телефон",
        "sick": "Заболела",
    },
    "en": {
        "today": "📋 Today",
        "anna_not_in": "Anna · {10:00}–{18:00} · not in yet",
        "boris_not_started": "Boris · {14:00}–{22:00} · not started yet",
        "anna_button": "🟡 Anna · {10:00}–{18:00}",
        "boris_button": "⚪ Boris · {14:00}–{22:00}",
        "message": "✉️ Message",
        "open_for": "🟢 Start the shift for them",
        "close_for": "🛑 End the shift for them",
        "absent": "🚫 Mark absent",
        "offer": "📢 Offer the place to colleagues",
        "with_fine": "With a fine of ₽500.00",
        "anna_on_shift": "Anna · {10:00}–{18:00} · on shift since {12:00} (late 120 min)",
        "anna_absent": "Anna · {10:00}–{18:00} · absent: Sick",
        "anna_finished": "Anna · {10:00}–{18:00} · finished, 1 h",
        "reason": "Forgot her phone",
        "sick": "Sick",
    },
}


def _local_times(language: str, text: str) -> str:
    """`{10:00}` as the language writes that wall time (Babel's short format)."""
    translator = translator_for(language)
    return re.sub(
        r"\{(\d\d):(\d\d)\}",
        lambda found: translator.hour_minute(datetime(2026, 3, 2, int(found[1]), int(found[2]))),
        text,
    )


WORDS = {
    language: {key: _local_times(language, text) for key, text in words.items()}
    for language, words in WORDS.items()
}


async def _day(session_factory, clock, language: str):
    """Anna was due at 10:00 (two hours ago), Boris is due at 14:00."""
    world = await make_shift_world(session_factory)
    anna = await add_planned_shift(session_factory, world, datetime(2026, 3, 2, 7, 0, tzinfo=UTC))
    async with session_factory() as session, session.begin():
        await session.execute(
            update(User).where(User.id == world.owner.id).values(language=language)
        )
        boris, membership = await make_employee(
            session,
            world.organization,
            [world.work_object],
            telegram_id=BORIS_TG,
            first_name="Boris",
        )
    world_boris = type(world)(
        world.organization, world.work_object, world.owner, world.manager, boris, membership
    )
    boris_plan = await add_planned_shift(
        session_factory, world_boris, datetime(2026, 3, 2, 11, 0, tzinfo=UTC)
    )
    return world, anna, boris_plan


def _message_url(owner) -> str:
    markup = owner.screen().reply_markup
    return next(b.url for row in markup.inline_keyboard for b in row if b.url)


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_today_is_the_first_button_and_shows_each_shift_with_its_state(
    language: str, make_user: UserFactory, session_factory, clock
) -> None:
    words = WORDS[language]
    await _day(session_factory, clock, language)
    owner = make_user(OWNER_TG, language_code=language)
    await owner.send("/start")
    assert owner.buttons()[0] == words["today"]
    await owner.press(words["today"])  # tap 1

    assert words["anna_not_in"] in owner.text()
    assert words["boris_not_started"] in owner.text()
    await owner.press(words["anna_button"])  # tap 2
    assert words["message"] in owner.buttons()
    assert _message_url(owner) == "tg://user?id=7003"


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_owner_starts_a_late_employees_shift_for_her_in_three_taps_and_ends_it(
    language: str, make_user: UserFactory, session_factory, clock
) -> None:
    words = WORDS[language]
    _, anna_plan, _ = await _day(session_factory, clock, language)
    owner = make_user(OWNER_TG, language_code=language)
    await owner.send("/start")
    await owner.press(words["today"])
    await owner.press(words["anna_button"])
    await owner.press(words["open_for"])  # tap 3, then the reason
    await owner.send(words["reason"])

    assert words["anna_on_shift"] in owner.text()
    async with session_factory() as session:
        shift = await session.scalar(select(Shift))
        mark = await session.scalar(select(AttendanceMark))
    assert shift is not None and shift.planned_shift_id == anna_plan.id
    assert shift.late_minutes == 120
    assert mark is not None
    assert (mark.kind, mark.reason, mark.shift_id) == (
        AttendanceMarkKind.OPENED_FOR,
        words["reason"],
        shift.id,
    )

    clock.advance(timedelta(hours=1))
    await owner.press(f"🟢 Anna · {words['anna_button'].split(' · ')[1]}")
    await owner.press(words["close_for"])
    await owner.send(words["reason"])
    assert words["anna_finished"] in owner.text()
    async with session_factory() as session:
        closed = await session.get(Shift, shift.id)
    assert closed is not None and closed.status == ShiftStatus.CLOSED
    assert closed.close_reason == words["reason"]


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_marking_absent_with_the_fine_counts_a_no_show_before_the_shift_ends(
    language: str, make_user: UserFactory, session_factory, clock
) -> None:
    words = WORDS[language]
    world, anna_plan, _ = await _day(session_factory, clock, language)
    async with session_factory() as session, session.begin():
        await set_cancellation_fine(
            session, user_id=world.owner.id, organization_id=world.organization.id, amount="500"
        )

    async def no_shows() -> int:
        async with session_factory() as session:
            owner = await actor_in(session, world.owner.id, world.organization.id)
            today = period_of(PeriodKind.TODAY, clock.now().date())
            report = await build_report(session, clock, owner, today, ReportScope())
        return report.totals.no_shows

    # Two hours late, but the shift runs until 18:00: not a no-show yet.
    assert await no_shows() == 0
    owner = make_user(OWNER_TG, language_code=language)
    await owner.send("/start")
    await owner.press(words["today"])
    await owner.press(words["anna_button"])
    await owner.press(words["absent"])
    await owner.send(words["sick"])
    await owner.press(words["with_fine"])

    assert words["anna_absent"] in owner.text()
    assert await no_shows() == 1
    async with session_factory() as session:
        fine = await session.scalar(
            select(LedgerEntry).where(LedgerEntry.type == LedgerEntryType.ABSENCE_FINE)
        )
    assert fine is not None and str(fine.amount) == "-500.00"
    assert fine.user_id == anna_plan.user_id


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_offering_a_place_frees_it_for_colleagues(
    language: str, make_user: UserFactory, session_factory, clock
) -> None:
    words = WORDS[language]
    _, _, boris_plan = await _day(session_factory, clock, language)
    owner = make_user(OWNER_TG, language_code=language)
    await owner.send("/start")
    await owner.press(words["today"])
    await owner.press(words["boris_button"])
    assert words["open_for"] not in owner.buttons()  # not due yet
    await owner.press(words["offer"])
    await owner.send(words["sick"])

    async with session_factory() as session:
        plan = await session.get(PlannedShift, boris_plan.id)
    assert plan is not None and plan.status == PlannedShiftStatus.CANCELLED
    assert "Boris" not in owner.text()
