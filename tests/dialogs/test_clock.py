"""Clock-in and clock-out through the real Dispatcher (Redis dialog storage, PostgreSQL):
every branch of the location check, early and late arrival, spontaneous shifts, the
manager's approval, closing with and without a check, auto-close, and the live feed."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from aiogram import Dispatcher
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy import select

from services.attendance.clock_in import ShiftChoice, open_shift
from services.attendance.clock_out import auto_close_overdue_shifts
from services.attendance.errors import SpontaneousNotAllowed
from services.places.geo import LocationReport
from services.platform.clock import ManualClock
from services.platform.db.models import (
    ClockInAttempt,
    ClockInOverride,
    LedgerEntry,
    LedgerEntryType,
    OutboxMessage,
    Shift,
    ShiftStatus,
)
from tests.dialogs.conftest import UserFactory
from tests.support.dialogs import DialogUser
from tests.support.reply_keyboards import ReplyKeyboardMessageManager
from tests.support.shifts import (
    CAFE,
    EMPLOYEE_TG,
    MANAGER_TG,
    REPORT_CHAT_ID,
    ShiftWorld,
    add_planned_shift,
    make_shift_world,
    north_of,
    set_contract_rate,
)

OPEN = "🟢 Открыть смену"
CLOSE = "🔴 Закрыть смену"


@pytest.fixture
def message_manager() -> ReplyKeyboardMessageManager:
    return ReplyKeyboardMessageManager()


async def press(user: DialogUser, text: str) -> None:
    await user.press(re.escape(text))


async def start_the_due_shift(anna: DialogUser) -> None:
    """One tap from the menu: her only shift due now needs no choosing."""
    await anna.send("/start")
    await press(anna, OPEN)


async def shifts_of(session_factory) -> list[Shift]:
    async with session_factory() as session:
        return list(await session.scalars(select(Shift).order_by(Shift.id)))


async def attempts_of(session_factory) -> list[ClockInAttempt]:
    async with session_factory() as session:
        return list(await session.scalars(select(ClockInAttempt).order_by(ClockInAttempt.id)))


async def outbox(session_factory, kind: str) -> list[OutboxMessage]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
            )
        )


def last_screen_with(user: DialogUser, label: str) -> Message:
    """The newest message the user was shown with the button `label`."""
    return next(
        message
        for message in reversed(user.message_manager.sent_messages)
        if message.chat.id == user.chat.id
        and isinstance(message.reply_markup, InlineKeyboardMarkup)
        and any(b.text == label for row in message.reply_markup.inline_keyboard for b in row)
    )


@pytest.fixture
def anna_asked_for_her_location(make_user: UserFactory, session_factory, clock):
    """Builds the world where Anna has a shift starting `starts_in` from now, pressed
    "Start shift" and is asked for her location; gives the world and Anna."""

    async def build(
        *, starts_in: timedelta = timedelta(minutes=10), **object_fields
    ) -> tuple[ShiftWorld, DialogUser]:
        world = await make_shift_world(session_factory, **object_fields)
        await add_planned_shift(session_factory, world, clock.now() + starts_in)
        anna = make_user(EMPLOYEE_TG)
        await start_the_due_shift(anna)
        return world, anna

    return build


# ------------------------------------------------------------------ the location check


async def test_inside_the_fence_opens_the_shift_and_feeds_owner_manager_and_chat(
    anna_asked_for_her_location,
    session_factory,
    clock: ManualClock,
    message_manager: ReplyKeyboardMessageManager,
) -> None:
    world, anna = await anna_asked_for_her_location()

    assert "Отправить геопозицию" in anna.text()
    assert message_manager.requests_location(EMPLOYEE_TG)

    await anna.send_location(*north_of(CAFE, 100), horizontal_accuracy=10)

    assert "Смена открыта" in anna.text()
    [shift] = await shifts_of(session_factory)
    assert shift.status == ShiftStatus.OPEN and shift.user_id == world.employee.id
    assert shift.hourly_rate == Decimal("300.00") and shift.rate_source == "object"
    [attempt] = await attempts_of(session_factory)
    assert attempt.result == "accepted" and attempt.shift_id == shift.id
    assert round(attempt.distance_m or 0) == 100 and attempt.horizontal_accuracy == 10
    feed = await outbox(session_factory, "shift_opened")
    assert {m.recipient_user_id for m in feed if m.chat_id is None} == {
        world.owner.id,
        world.manager.id,
    }
    assert [m.chat_id for m in feed if m.chat_id is not None] == [REPORT_CHAT_ID]


async def test_outside_the_fence_is_refused_with_distance_and_radius(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location()
    await anna.send_location(*north_of(CAFE, 850))

    assert "Смена не открыта" in anna.text()
    assert "Вы в 850 м от объекта" in anna.text() and "радиус объекта 150 м" in anna.text()
    assert await shifts_of(session_factory) == []
    [attempt] = await attempts_of(session_factory)
    assert attempt.result == "refused" and attempt.reason == "too-far"
    refused = await outbox(session_factory, "clock_in_refused")
    assert len(refused) == 3  # the owner, the manager and the report chat
    assert refused[0].payload["distance_m"] == 850


async def test_accuracy_gives_slack_up_to_50_m(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location()
    await anna.send_location(*north_of(CAFE, 230), horizontal_accuracy=500)
    assert "допускается не дальше 200 м" in anna.text()

    await press(anna, "🔁 Отправить геопозицию ещё раз")
    await anna.send_location(*north_of(CAFE, 190), horizontal_accuracy=45)
    assert "Смена открыта" in anna.text()


@pytest.mark.parametrize(
    ("location", "refusal", "reason"),
    [
        pytest.param(
            {"forwarded": True},
            "Пересланная геопозиция не принимается",
            "forwarded",
            id="a forwarded location is refused",
        ),
        pytest.param(
            {"minutes_old": 3},
            "Геопозиция устарела",
            "stale",
            id="a location sent 3 minutes ago is refused as stale",
        ),
        pytest.param(
            {"venue": True},
            "Место, выбранное из списка, не принимается",
            "venue",
            id="a venue picked from a list is refused",
        ),
    ],
)
async def test_location_that_is_not_a_fresh_pin_is_refused(
    anna_asked_for_her_location, location: dict, refusal: str, reason: str, session_factory, clock
) -> None:
    _, anna = await anna_asked_for_her_location()
    sent_at = clock.now() - timedelta(minutes=location.get("minutes_old", 0))
    await anna.send_location(
        *CAFE,
        forwarded=location.get("forwarded", False),
        venue=location.get("venue", False),
        sent_at=sent_at,
    )

    assert refusal in anna.text()
    assert (await attempts_of(session_factory))[0].reason == reason


async def test_static_pin_on_a_live_only_object_is_refused_and_live_location_accepted(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location(require_live_location=True)
    assert "нужна <b>трансляция</b> геопозиции" in anna.text()
    await anna.send_location(*CAFE)
    assert "нужна трансляция геопозиции" in anna.text()

    await anna.send_location(*CAFE, live_period=900)
    assert "Смена открыта" in anna.text()
    attempts = await attempts_of(session_factory)
    assert [(a.reason, a.is_live) for a in attempts] == [("not-live", False), (None, True)]


LIVE_LOCATION_WORDS = {
    "ru": {
        "open": "🟢 Открыть смену",
        "close": "🔴 Закрыть смену",
        "how": "📎 → Геопозиция → «Транслировать геопозицию»",
        "again": "🔁 Отправить геопозицию ещё раз",
        "refused": "Смена не открыта",
        "opened": "Смена открыта",
        "closed": "Смена закрыта",
    },
    "en": {
        "open": "🟢 Start shift",
        "close": "🔴 End shift",
        "how": '📎 → Location → "Share my live location"',
        "again": "🔁 Send location again",
        "refused": "Shift not started",
        "opened": "On shift",
        "closed": "Shift ended",
    },
}


async def anna_opening_on_a_live_only_object(
    make_user: UserFactory, session_factory, clock: ManualClock, language: str
) -> DialogUser:
    world = await make_shift_world(
        session_factory, employee_language=language, require_live_location=True
    )
    await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=10))
    anna = make_user(EMPLOYEE_TG, language_code=language)
    await anna.send("/start")
    await press(anna, LIVE_LOCATION_WORDS[language]["open"])
    return anna


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_live_only_object_explains_live_sharing_and_opens_on_a_live_update(
    language: str,
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    message_manager: ReplyKeyboardMessageManager,
    telegram,
) -> None:
    words = LIVE_LOCATION_WORDS[language]
    anna = await anna_opening_on_a_live_only_object(make_user, session_factory, clock, language)
    assert words["how"] in anna.text()
    # Telegram's location button sends a static pin, which this object refuses.
    assert not message_manager.requests_location(EMPLOYEE_TG)

    shared = await anna.send_location(*north_of(CAFE, 400), live_period=3600)
    assert words["refused"] in anna.text()
    clock.advance(timedelta(minutes=1))
    said = len(telegram.chat_messages(EMPLOYEE_TG))
    await anna.move_live_location(shared, *north_of(CAFE, 300))
    assert words["refused"] in anna.text()  # not re-checked until she asks to try again
    assert len(telegram.chat_messages(EMPLOYEE_TG)) == said
    await press(anna, words["again"])
    assert words["how"] in anna.text()
    clock.advance(timedelta(minutes=3))  # the message itself is old now, its update is not
    await anna.move_live_location(shared, *north_of(CAFE, 20))

    assert words["opened"] in anna.text()
    attempts = await attempts_of(session_factory)
    assert [(a.reason, a.is_live) for a in attempts] == [("too-far", True), (None, True)]


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_live_only_object_closes_on_the_next_update_of_the_live_location(
    language: str,
    dispatcher: Dispatcher,
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    message_manager: ReplyKeyboardMessageManager,
) -> None:
    # Telegram delivers the updates of a live location only to a bot that asks for them.
    assert "edited_message" in dispatcher.resolve_used_update_types()
    words = LIVE_LOCATION_WORDS[language]
    anna = await anna_opening_on_a_live_only_object(make_user, session_factory, clock, language)
    shared = await anna.send_location(*CAFE, live_period=12 * 3600)
    assert words["opened"] in anna.text()
    clock.advance(timedelta(hours=1))
    shown = len(message_manager.sent_messages)
    await anna.move_live_location(shared, *north_of(CAFE, 30))
    assert len(message_manager.sent_messages) == shown  # no window waits for a location

    clock.advance(timedelta(hours=7, minutes=10))
    await press(anna, words["close"])
    assert words["how"] in anna.text()
    assert not message_manager.requests_location(EMPLOYEE_TG)
    await anna.move_live_location(shared, *north_of(CAFE, 20))

    assert words["closed"] in anna.text()
    [shift] = await shifts_of(session_factory)
    assert shift.status == ShiftStatus.CLOSED
    kinds = [(a.kind, a.result, a.is_live) for a in await attempts_of(session_factory)]
    assert kinds == [("open", "accepted", True), ("close", "accepted", True)]


async def test_state_survives_text_before_the_location(
    anna_asked_for_her_location, session_factory, clock: ManualClock, telegram
) -> None:
    _, anna = await anna_asked_for_her_location()
    await anna.send("я на месте")
    await anna.send_photo()

    reminder = telegram.last_message(EMPLOYEE_TG)
    assert reminder is not None and "Нужна геопозиция" in reminder["text"]
    assert "Отправить геопозицию" in anna.text()

    await anna.send_location(*CAFE)
    assert "Смена открыта" in anna.text()


# ------------------------------------------------------------------ taps


class Taps:
    """The buttons a user pressed from the main menu on, counted."""

    def __init__(self, user: DialogUser) -> None:
        self.user, self.count = user, 0

    async def press(self, text: str) -> None:
        self.count += 1
        await press(self.user, text)


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_one_tap_to_start_the_due_shift_and_two_to_end_it(
    language: str,
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    message_manager: ReplyKeyboardMessageManager,
) -> None:
    words = LIVE_LOCATION_WORDS[language]
    world = await make_shift_world(session_factory, employee_language=language)
    await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=10))
    anna = make_user(EMPLOYEE_TG, language_code=language)
    await anna.send("/start")

    clock_in = Taps(anna)
    await clock_in.press(words["open"])
    assert message_manager.requests_location(EMPLOYEE_TG)
    await anna.send_location(*CAFE)
    assert words["opened"] in anna.text()
    assert clock_in.count == 1

    clock.advance(timedelta(hours=8))
    await anna.send("/start")
    clock_out = Taps(anna)
    await clock_out.press(words["close"])
    await clock_out.press(words["close"])
    assert message_manager.requests_location(EMPLOYEE_TG)
    await anna.send_location(*CAFE)
    assert words["closed"] in anna.text()
    assert clock_out.count == 2
    [shift] = await shifts_of(session_factory)
    assert shift.status == ShiftStatus.CLOSED


async def test_two_shifts_due_at_once_are_chosen_between(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory)
    ending = timedelta(hours=2, minutes=5)
    await add_planned_shift(session_factory, world, clock.now() - timedelta(hours=2), ending)
    await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=10))
    anna = make_user(EMPLOYEE_TG)
    await anna.send("/start")
    await press(anna, OPEN)

    assert "Ваши смены на сегодня" in anna.text()
    assert {"Кофейня · 10:00–12:05", "Кофейня · 12:10–20:10"} <= set(anna.buttons())


# ------------------------------------------------------------------ what can be opened


async def test_no_planned_shift_and_no_spontaneous_object(
    make_user: UserFactory, session_factory
) -> None:
    await make_shift_world(session_factory)
    anna = make_user(EMPLOYEE_TG)
    await anna.send("/start")
    await press(anna, OPEN)

    assert "Открыть нечего" in anna.text()
    assert anna.buttons() == ["⬅️ В меню"]


async def test_spontaneous_shift_where_allowed_is_never_late(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    await make_shift_world(session_factory, allow_spontaneous_shifts=True)
    anna = make_user(EMPLOYEE_TG)
    await anna.send("/start")
    await press(anna, OPEN)
    assert "нет запланированных смен" in anna.text()
    await press(anna, "⚡ Кофейня — без плана")
    assert "Внеплановая смена" in anna.text()
    await anna.send_location(*CAFE)

    [shift] = await shifts_of(session_factory)
    assert shift.planned_shift_id is None and shift.late_minutes == 0
    # Monday's hours end at 22:00 Moscow time = 19:00 UTC.
    assert shift.scheduled_end_at == clock.now().replace(hour=19)


async def test_spontaneous_shift_where_not_allowed_is_not_offered_nor_opened(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory, allow_spontaneous_shifts=False)
    anna = make_user(EMPLOYEE_TG)
    await anna.send("/start")
    await press(anna, OPEN)
    assert "Открыть нечего" in anna.text()
    assert not any("без плана" in label for label in anna.buttons())

    async with session_factory() as session:
        with pytest.raises(SpontaneousNotAllowed):
            await open_shift(
                session,
                clock,
                user_id=world.employee.id,
                choice=ShiftChoice(object_id=world.work_object.id),
                report=LocationReport(*CAFE, sent_at=clock.now()),
            )


async def test_early_arrival_is_allowed_but_paid_from_planned_start(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory)
    start = clock.now() + timedelta(minutes=20)
    await add_planned_shift(session_factory, world, start)
    anna = make_user(EMPLOYEE_TG)
    await start_the_due_shift(anna)
    await anna.send_location(*CAFE)

    assert "Оплата считается с 12:20" in anna.text()
    [shift] = await shifts_of(session_factory)
    assert shift.opened_at == clock.now() and shift.paid_from == start
    assert shift.late_minutes == 0


async def test_too_early_is_refused_with_the_opening_time(
    make_user: UserFactory, session_factory, clock: ManualClock, telegram
) -> None:
    world = await make_shift_world(session_factory)
    await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=45))
    anna = make_user(EMPLOYEE_TG)
    await anna.send("/start")
    await press(anna, OPEN)
    assert "Ваши смены на сегодня" in anna.text()  # not due yet: nothing to skip to
    await press(anna, "Кофейня · 12:45–20:45")

    refusal = telegram.last_message(EMPLOYEE_TG)
    assert refusal is not None and "Рано" in refusal["text"] and "с 12:15" in refusal["text"]
    assert "Ваши смены на сегодня" in anna.text()
    assert await attempts_of(session_factory) == []


async def test_late_arrival_with_fine_grace_subtracted_once(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location(starts_in=timedelta(minutes=-12))
    await anna.send_location(*CAFE)

    assert "Опоздание: 12 мин, штраф 70,00" in anna.text()
    [shift] = await shifts_of(session_factory)
    assert shift.late_minutes == 12 and shift.late_fine == Decimal("70.00")
    assert shift.paid_from == clock.now()
    [feed] = [m for m in await outbox(session_factory, "shift_opened") if m.chat_id]
    assert feed.payload["late_minutes"] == 12


async def test_the_ledger_keeps_the_rules_a_late_shift_was_fined_under(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location(
        starts_in=timedelta(minutes=-12), check_location_on_close=False
    )
    await anna.send_location(*CAFE)
    clock.advance(timedelta(hours=1))
    await press(anna, CLOSE)

    async with session_factory() as session:
        entries = {
            entry.type: entry
            for entry in await session.scalars(select(LedgerEntry).order_by(LedgerEntry.id))
        }
    fine = entries[LedgerEntryType.LATE_FINE]
    assert (fine.amount, fine.minutes) == (Decimal("-70.00"), 12)
    assert fine.details == {"grace_minutes": "5", "fine_per_minute": "10.00"}
    pay = entries[LedgerEntryType.SHIFT_PAY].details
    assert pay is not None and pay["opened_at"] == (clock.now() - timedelta(hours=1)).isoformat()
    assert pay["closed_at"] == clock.now().isoformat() and "corrected_by" not in pay


async def test_rate_priority_contract_over_slot_over_object(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory)
    await add_planned_shift(
        session_factory, world, clock.now() + timedelta(minutes=10), rate_override=Decimal(400)
    )
    async with session_factory() as session, session.begin():
        await set_contract_rate(session, world.membership, Decimal("555.50"), clock.now().date())
    anna = make_user(EMPLOYEE_TG)
    await start_the_due_shift(anna)
    await anna.send_location(*CAFE)

    [shift] = await shifts_of(session_factory)
    assert (shift.hourly_rate, shift.rate_source) == (Decimal("555.50"), "contract")


async def test_the_menu_offers_to_end_the_running_shift_not_to_open_another(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location()
    stale_menu = last_screen_with(anna, OPEN)
    await anna.send_location(*CAFE)
    await anna.send("/start")
    # The menu offers to end the running shift, not to open another.
    assert CLOSE in anna.buttons() and OPEN not in anna.buttons()
    # A press on the menu shown before: the menu as it is now, the shift running.
    await anna.click(stale_menu, InlineButtonTextLocator(OPEN))

    assert "На смене" in anna.text() and "Кофейня" in anna.text()
    assert CLOSE in anna.buttons() and OPEN not in anna.buttons()
    assert len(await shifts_of(session_factory)) == 1


# ------------------------------------------------------------------ manager override


async def test_manager_approves_a_refused_attempt_at_the_attempts_time(
    anna_asked_for_her_location, make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world, anna = await anna_asked_for_her_location()
    await anna.send_location(*north_of(CAFE, 850))
    attempted_at = clock.now()
    await press(anna, "🙋 Попросить руководителя одобрить")
    assert "Запрос отправлен руководителю" in anna.text()

    requests = await outbox(session_factory, "clock_in_approval")
    assert {m.recipient_user_id for m in requests} == {world.owner.id, world.manager.id}
    payload = requests[0].payload["buttons"][0]["start_payload"]
    assert payload.startswith("approve_")

    clock.advance(timedelta(minutes=7))
    max_ = make_user(MANAGER_TG, first_name="Max")
    await max_.send(f"/start {payload}")
    assert "Одобрить открытие смены?" in max_.text() and "Anna" in max_.text()
    assert "Вы в 850 м от объекта" in max_.text()
    await press(max_, "✅ Одобрить")

    assert "смена сотрудника Anna открыта с 12:00" in max_.text()
    [shift] = await shifts_of(session_factory)
    assert shift.opened_at == attempted_at and shift.status == ShiftStatus.OPEN
    async with session_factory() as session:
        override = await session.scalar(select(ClockInOverride))
    assert override is not None and override.approver_user_id == world.manager.id
    assert override.approved_at == clock.now() and override.shift_id == shift.id
    assert len(await outbox(session_factory, "clock_in_approved")) == 1

    await max_.send(f"/start {payload}")
    assert "Эту попытку одобрить нельзя" in max_.text()


async def test_an_employee_cannot_approve(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location()
    await anna.send_location(*north_of(CAFE, 850))
    [attempt] = await attempts_of(session_factory)
    await anna.send(f"/start approve_{attempt.id}")

    assert "Эту попытку одобрить нельзя" in anna.text()
    assert "✅ Одобрить" not in anna.buttons()


# ------------------------------------------------------------------ closing


async def test_close_with_location_check_shows_the_summary(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    world, anna = await anna_asked_for_her_location()
    await anna.send_location(*CAFE)

    clock.advance(timedelta(hours=8, minutes=10, seconds=30))
    await anna.send("/start")
    await press(anna, CLOSE)
    assert "Смена открыта" in anna.text()
    await press(anna, CLOSE)
    assert "чтобы закрыть смену" in anna.text().lower()
    await anna.send_location(*north_of(CAFE, 50))

    text = anna.text()
    assert "Смена закрыта" in text and "12:00 — 20:10" in text
    assert "Отработано: 480 мин" in text and "Начислено: 2\xa0400,00\xa0₽" in text
    [shift] = await shifts_of(session_factory)
    assert shift.status == ShiftStatus.CLOSED and shift.worked_minutes == 480
    assert shift.pay == Decimal("2400.00") and shift.closed_by_user_id == world.employee.id
    assert len(await outbox(session_factory, "shift_closed")) == 3


async def test_close_refused_then_accepted(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location()
    await anna.send_location(*CAFE)
    clock.advance(timedelta(hours=2))
    await press(anna, CLOSE)
    await anna.send_location(*north_of(CAFE, 1200))

    assert "Смена не закрыта" in anna.text() and "1\xa0200 м" in anna.text()
    assert (await shifts_of(session_factory))[0].status == ShiftStatus.OPEN

    await anna.send_location(*CAFE)
    assert "Смена закрыта" in anna.text()
    [shift] = await shifts_of(session_factory)
    assert shift.status == ShiftStatus.CLOSED and shift.worked_minutes == 110
    kinds = [(a.kind, a.result) for a in await attempts_of(session_factory)]
    assert kinds == [("open", "accepted"), ("close", "refused"), ("close", "accepted")]


async def test_close_without_check_where_the_object_does_not_ask(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location(check_location_on_close=False)
    await anna.send_location(*CAFE)
    clock.advance(timedelta(minutes=70))
    await press(anna, CLOSE)

    assert "Смена закрыта" in anna.text() and "Отработано: 60 мин" in anna.text()


async def test_forgotten_shift_is_auto_closed_at_planned_end(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory)
    planned = await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=10))
    anna = make_user(EMPLOYEE_TG)
    await start_the_due_shift(anna)
    await anna.send_location(*CAFE)

    clock.advance(timedelta(hours=8, minutes=40))  # end + 30 min grace exactly: not yet
    async with session_factory() as session, session.begin():
        assert await auto_close_overdue_shifts(session, clock) == []
    clock.advance(timedelta(minutes=5))
    async with session_factory() as session, session.begin():
        closed = await auto_close_overdue_shifts(session, clock)
    async with session_factory() as session, session.begin():
        assert await auto_close_overdue_shifts(session, clock) == []

    [shift] = await shifts_of(session_factory)
    assert closed == [shift.id]
    assert shift.status == ShiftStatus.AUTO_CLOSED and shift.closed_at == planned.ends_at
    assert shift.worked_minutes == 480 and shift.pay == Decimal("2400.00")
    told = await outbox(session_factory, "shift_auto_closed")
    assert {m.recipient_user_id for m in told} == {
        world.employee.id,
        world.owner.id,
        world.manager.id,
        None,
    }

    # Her menu no longer offers to end it, nor does a press on an older screen.
    stale_screen = last_screen_with(anna, CLOSE)
    await anna.send("/start")
    assert "На смене" not in anna.text()
    assert CLOSE not in anna.buttons() and OPEN in anna.buttons()
    await anna.click(stale_screen, InlineButtonTextLocator(CLOSE))
    assert CLOSE not in anna.buttons()
    assert [s.status for s in await shifts_of(session_factory)] == [ShiftStatus.AUTO_CLOSED]


# ------------------------------------------------------------------ owners and managers


async def test_manager_sees_who_is_on_shift_and_closes_with_a_reason(
    anna_asked_for_her_location, make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world, anna = await anna_asked_for_her_location(starts_in=timedelta(minutes=-3))
    await anna.send_location(*CAFE)

    max_ = make_user(MANAGER_TG, first_name="Max")
    await max_.send("/start")
    await press(max_, "👷 На смене")
    await press(max_, "Кофейня")
    assert "на смене сейчас — 1" in max_.text()
    await press(max_, "Anna · с 12:00 · ⏰ 3 мин")
    await press(max_, "🛑 Закрыть смену")
    await max_.send("Ушла по болезни")

    [shift] = await shifts_of(session_factory)
    assert shift.status == ShiftStatus.CLOSED and shift.close_reason == "Ушла по болезни"
    assert shift.closed_by_user_id == world.manager.id
    [told] = await outbox(session_factory, "shift_closed_by_manager")
    assert told.recipient_user_id == world.employee.id
    assert "никого нет" in max_.text()


async def test_object_without_coordinates_refuses_and_offers_approval(
    anna_asked_for_her_location, session_factory, clock: ManualClock
) -> None:
    _, anna = await anna_asked_for_her_location(latitude=None, longitude=None)
    await anna.send_location(*CAFE)

    assert "не указаны координаты" in anna.text()
    assert "🙋 Попросить руководителя одобрить" in anna.buttons()
    [attempt] = await attempts_of(session_factory)
    assert attempt.reason == "no-fence" and attempt.distance_m is None


async def test_cancel_on_the_location_keyboard_returns_to_the_menu(
    anna_asked_for_her_location,
    session_factory,
    clock: ManualClock,
    message_manager: ReplyKeyboardMessageManager,
) -> None:
    _, anna = await anna_asked_for_her_location()
    location_button, cancel_button = message_manager.reply_buttons(EMPLOYEE_TG)
    assert location_button == "📍 Отправить геопозицию" and cancel_button.startswith("✖️ Отмена")

    await anna.send(cancel_button)

    assert OPEN in anna.buttons()
    assert await attempts_of(session_factory) == []


async def test_reminder_deep_link_asks_for_the_location_of_the_due_shift(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory)
    planned = await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=10))
    anna = make_user(EMPLOYEE_TG)
    await anna.send(f"/start shift_{planned.id}")

    assert "Смена по графику: 12:10–20:10" in anna.text()
