"""The pure rules of ratings: the 90-day half-life average, what waits for a moderator,
the 72-hour appeal window and the one-tap buttons."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.ratings.rules import (
    can_appeal,
    needs_moderation,
    rating_buttons,
    weight_of,
    weighted_average,
)

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
ratings = st.lists(
    st.tuples(
        st.integers(min_value=1, max_value=5),
        st.integers(min_value=0, max_value=3650).map(lambda days: NOW - timedelta(days=days)),
    ),
    min_size=1,
    max_size=30,
)


def test_a_rating_weighs_half_after_90_days_and_a_quarter_after_180() -> None:
    assert weight_of(NOW, NOW) == 1
    assert weight_of(NOW - timedelta(days=90), NOW) == pytest.approx(0.5)
    assert weight_of(NOW - timedelta(days=180), NOW) == pytest.approx(0.25)


@given(ratings)
def test_the_average_lies_between_the_lowest_and_the_highest_score(pairs) -> None:
    result = weighted_average(pairs, NOW)
    scores = [score for score, _ in pairs]
    assert result.count == len(pairs)
    assert result.average is not None
    assert min(scores) - 0.01 <= result.average <= max(scores) + 0.01


@given(st.integers(min_value=1, max_value=5), ratings)
def test_equal_scores_average_to_that_score_whatever_their_age(score: int, pairs) -> None:
    assert weighted_average([(score, moment) for _, moment in pairs], NOW).average == score


def test_a_recent_rating_weighs_more_than_an_old_one() -> None:
    recent_good = weighted_average([(5, NOW), (1, NOW - timedelta(days=180))], NOW)
    recent_bad = weighted_average([(1, NOW), (5, NOW - timedelta(days=180))], NOW)
    assert recent_good.average == 4.2 and recent_bad.average == 1.8


def test_no_ratings_have_no_average() -> None:
    assert weighted_average([], NOW).average is None


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Отличная смена, всё чисто", False),
        ("Great shift, thank you", False),
        ("Позвоните: +7 900 123-45-67", True),
        ("call 89001234567", True),
        ("Смотрите https://example.org", True),
        ("пишите в t.me/somebody", True),
        ("Напишите @someone_here", True),
        ("Управляющий — идиот", True),
        ("what a MORON", True),
        ("Смена 2/2 с 9 до 21", False),
    ],
)
def test_texts_with_phones_links_or_insults_wait_for_a_moderator(text: str, held: bool) -> None:
    assert needs_moderation(text) is held


def test_an_appeal_is_possible_within_72_hours_only() -> None:
    assert can_appeal(NOW - timedelta(hours=72), NOW)
    assert not can_appeal(NOW - timedelta(hours=72, seconds=1), NOW)


def test_the_rating_buttons_rate_the_shift_from_1_to_5() -> None:
    assert [b["start_payload"] for b in rating_buttons(7)] == [f"rate_7_{s}" for s in range(1, 6)]
