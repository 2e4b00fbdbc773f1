"""Pure rules of notifications: quiet hours across midnight and DST, the stable spread
of reminders, payload rendering, and the in-process send limiter."""

import asyncio
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from services.notify.notifier import render_buttons
from services.notify.reminders import reminder_moment, spread_offset
from services.notify.settings import quiet_hours_end
from services.platform.config import NotifierSettings
from services.platform.i18n import fluent_args
from services.platform.queue.rate_limit import LocalSendLimiter, Slot, SlotWait

MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")


def at(zone: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=zone).astimezone(UTC)


def test_quiet_hours_over_midnight_end_next_morning() -> None:
    late_evening = at(MOSCOW, 2026, 3, 2, 23, 30)
    assert quiet_hours_end(late_evening, MOSCOW, time(22), time(8)) == at(MOSCOW, 2026, 3, 3, 8)


def test_quiet_hours_after_midnight_end_the_same_morning() -> None:
    early = at(MOSCOW, 2026, 3, 3, 6, 15)
    assert quiet_hours_end(early, MOSCOW, time(22), time(8)) == at(MOSCOW, 2026, 3, 3, 8)


def test_outside_quiet_hours_nothing_waits() -> None:
    assert quiet_hours_end(at(MOSCOW, 2026, 3, 3, 8), MOSCOW, time(22), time(8)) is None
    assert quiet_hours_end(at(MOSCOW, 2026, 3, 3, 12), MOSCOW, time(22), time(8)) is None
    assert quiet_hours_end(at(MOSCOW, 2026, 3, 3, 12), MOSCOW, None, None) is None


def test_quiet_hours_within_one_day() -> None:
    assert quiet_hours_end(at(MOSCOW, 2026, 3, 3, 14), MOSCOW, time(13), time(15)) == at(
        MOSCOW, 2026, 3, 3, 15
    )
    assert quiet_hours_end(at(MOSCOW, 2026, 3, 3, 16), MOSCOW, time(13), time(15)) is None


def test_quiet_hours_over_the_dst_night_end_at_local_eight() -> None:
    # Berlin skips 02:00-03:00 on 2026-03-29; 08:00 that morning is 06:00 UTC.
    night = at(BERLIN, 2026, 3, 29, 1, 30)
    assert quiet_hours_end(night, BERLIN, time(22), time(8)) == datetime(2026, 3, 29, 6, tzinfo=UTC)


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=600))
def test_spread_offset_is_stable_and_inside_the_window(shift_id: int, spread: int) -> None:
    offset = spread_offset(shift_id, spread)
    assert timedelta(0) <= offset < timedelta(seconds=spread)
    assert offset == spread_offset(shift_id, spread)


def test_reminder_moment_is_lead_before_start_minus_the_spread() -> None:
    start = datetime(2026, 3, 3, 6, tzinfo=UTC)
    assert reminder_moment(start, 60, 7, 0) == datetime(2026, 3, 3, 5, tzinfo=UTC)
    assert reminder_moment(start, 30, 7, 120) <= datetime(2026, 3, 3, 5, 30, tzinfo=UTC)


def test_payload_strings_are_escaped_and_structures_left_out() -> None:
    args = fluent_args({"name": "<b>Мира</b>", "count": 3, "flag": True, "buttons": []})
    assert args == {"name": "&lt;b&gt;Мира&lt;/b&gt;", "count": 3}


def test_buttons_become_urls_and_deep_links() -> None:
    markup = render_buttons(
        [
            {"text_key": "notify-button-open-shift", "start_payload": "shift_5"},
            {"text_key": "notify-button-open-shift", "url": "https://example.org/p"},
        ],
        "en",
        "staffprobot_bot",
    )
    assert markup is not None
    (first,), (second,) = markup.inline_keyboard
    assert (first.text, first.url) == ("Start shift", "https://t.me/staffprobot_bot?start=shift_5")
    assert second.url == "https://example.org/p"


def test_a_list_of_buttons_becomes_one_row() -> None:
    markup = render_buttons(
        [
            [
                {"text_key": "notify-button-rate-1", "start_payload": "rate_9_1"},
                {"text_key": "notify-button-rate-2", "start_payload": "rate_9_2"},
            ],
            {"text_key": "notify-button-open-shift", "start_payload": "shift_9"},
        ],
        "ru",
        "staffprobot_bot",
    )
    assert markup is not None
    rates, (shift,) = markup.inline_keyboard
    assert [button.url for button in rates] == [
        "https://t.me/staffprobot_bot?start=rate_9_1",
        "https://t.me/staffprobot_bot?start=rate_9_2",
    ]
    assert shift.url.endswith("start=shift_9")


def limits(**overrides: int) -> NotifierSettings:
    return NotifierSettings(_env_file=None, **overrides)  # type: ignore[call-arg]


async def test_local_limiter_one_message_a_second_per_private_chat_from_its_answer() -> None:
    limiter = LocalSendLimiter(limits())
    first = await limiter.try_acquire(42)
    assert isinstance(first, Slot)

    # Unanswered, the first send may reach Telegram at any moment: asked again soon.
    in_flight = await limiter.try_acquire(42)
    assert isinstance(in_flight, SlotWait) and in_flight.chat_limited
    assert in_flight.seconds <= 0.05

    await limiter.answered(first)
    wait = await limiter.try_acquire(42)
    assert isinstance(wait, SlotWait) and wait.chat_limited and 0.9 < wait.seconds <= 1.005


async def test_local_limiter_paces_sends_on_a_schedule_of_slots() -> None:
    limiter = LocalSendLimiter(limits(global_per_second=20))
    # One slot per 1 s / 20, whatever the chats; a sender up to two slots behind the
    # schedule may catch up, so three may leave at once, and then one a slot.
    for chat_id in (1, 2, 3):
        assert isinstance(await limiter.try_acquire(chat_id), Slot)
    wait = await limiter.try_acquire(4)
    assert isinstance(wait, SlotWait) and not wait.chat_limited and 0.04 < wait.seconds <= 0.05


async def test_local_limiter_counts_a_send_for_a_second_after_its_answer() -> None:
    """Telegram counts a send somewhere between our asking and its answer: a send keeps
    its place in the global window while in flight, and for a second after the answer
    (not after the asking)."""
    limiter = LocalSendLimiter(limits(global_per_second=3))
    first = await limiter.try_acquire(1)
    assert isinstance(first, Slot)
    assert isinstance(await limiter.try_acquire(2), Slot)
    await asyncio.sleep(0.7)  # past the pacing (two per 2/3 s)
    assert isinstance(await limiter.try_acquire(3), Slot)

    all_in_flight = await limiter.try_acquire(4)
    await limiter.answered(first)
    after_answer = await limiter.try_acquire(4)

    assert isinstance(all_in_flight, SlotWait) and all_in_flight.seconds <= 0.05
    assert isinstance(after_answer, SlotWait) and not after_answer.chat_limited
    assert 0.9 < after_answer.seconds <= 1.005


async def test_local_limiter_pause_holds_every_chat() -> None:
    limiter = LocalSendLimiter(limits())
    await limiter.pause_all(3)
    wait = await limiter.try_acquire(7)
    assert isinstance(wait, SlotWait) and not wait.chat_limited and 2.9 < wait.seconds <= 3
