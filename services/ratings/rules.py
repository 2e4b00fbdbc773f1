"""Pure rules of ratings: the time-weighted average, which texts wait for a moderator,
and the appeal window."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

RATE_PAYLOAD_PREFIX = "rate_"
REVIEW_PAYLOAD_PREFIX = "review_"
HALF_LIFE = timedelta(days=90)
APPEAL_WINDOW = timedelta(hours=72)
# Anonymous workplace reviews are shown to managers only from this many up, so that no
# author is identified by elimination.
MIN_ANONYMOUS_SHOWN = 3
MIN_SCORE, MAX_SCORE = 1, 5
MAX_COMMENT = 1000

_PHONE = re.compile(r"(?:\+?\d[\s()\-.]*){10,}")
_LINK = re.compile(
    r"(?:https?://|www\.|t\.me/|@[A-Za-z0-9_]{5,}|\b[\w-]+\.(?:ru|com|net|org|рф)\b)", re.I
)
# Word stems of insults in both languages; a match anywhere in a word holds the text.
_INSULT_STEMS = (
    "дурак",
    "идиот",
    "дебил",
    "кретин",
    "урод",
    "тупая",
    "тупой",
    "сволоч",
    "мразь",
    "idiot",
    "stupid",
    "moron",
    "dumb",
    "jerk",
)


@dataclass(frozen=True)
class Weighted:
    """A time-weighted average and how many ratings it stands on."""

    average: float | None
    count: int


def weight_of(rated_at: datetime, now: datetime) -> float:
    """A rating's weight halves every 90 days of its age (a future date weighs 1)."""
    age = max(now - rated_at, timedelta(0))
    return float(0.5 ** (age / HALF_LIFE))


def weighted_average(ratings: Iterable[tuple[int, datetime]], now: datetime) -> Weighted:
    """The average of (score, rated_at) pairs, each weighted by its age."""
    total = weights = 0.0
    count = 0
    for score, rated_at in ratings:
        weight = weight_of(rated_at, now)
        total += score * weight
        weights += weight
        count += 1
    return Weighted(round(total / weights, 2) if count else None, count)


def needs_moderation(comment: str) -> bool:
    """A text with a phone number, a link or contact, or an insult waits for a moderator."""
    lowered = comment.lower()
    return bool(
        _PHONE.search(comment)
        or _LINK.search(comment)
        or any(stem in lowered for stem in _INSULT_STEMS)
    )


def can_appeal(rated_at: datetime, now: datetime) -> bool:
    return now - rated_at <= APPEAL_WINDOW


def rating_buttons(shift_id: int) -> list[dict[str, str]]:
    """One row of notification buttons 1…5, each rating the shift in one tap
    (`/start rate_<shift>_<score>`)."""
    return [
        {
            "text_key": f"notify-button-rate-{score}",
            "start_payload": f"{RATE_PAYLOAD_PREFIX}{shift_id}_{score}",
        }
        for score in range(MIN_SCORE, MAX_SCORE + 1)
    ]
