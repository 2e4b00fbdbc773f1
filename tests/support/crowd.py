"""A crowd of employees clocking in through the real bot process, as people would:
/start, "Open shift", the object, the location. An answer that asks to try again (or
shows the menu after a lost screen) makes the employee start over after a pause;
silence past a deadline counts as a lost update.

The figures (updates sent, answered, asked to retry, lost, shifts opened per user) are
what a chaos test prints and asserts on."""

import asyncio
import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select

from services.platform.db.models import Shift, User, WorkObject
from services.platform.db.session import SessionFactory
from services.platform.i18n import translator_for
from tests.fakes.telegram_server import FakeTelegramServer, FakeUser, JsonDict
from tests.support.planning import make_employee
from tests.support.shifts import CAFE, make_shift_world

CROWD_FIRST_TG = 810_000
_RU = translator_for("ru")


def plain(key: str, **params: object) -> str:
    """A catalogue text as the user reads it (HTML markup removed)."""
    return html.unescape(re.sub(r"<[^>]+>", "", _RU.get(key, **params)))


# Answers after which a person starts over: the apology, the menu after a lost screen.
RETRY_ANSWERS = (
    plain("common-something-went-wrong"),
    plain("common-outdated-screen"),
    plain("common-unknown-command"),
)
OPENED = plain("clock-card-title")
ALREADY_OPEN = plain("clock-already-open")


async def seed_crowd(session_factory: SessionFactory, size: int) -> tuple[list[int], str]:
    """`size` employees of the cafe (which allows unplanned shifts); their Telegram ids
    and the object's name."""
    world = await make_shift_world(session_factory, allow_spontaneous_shifts=True)
    telegram_ids = [CROWD_FIRST_TG + n for n in range(size)]
    async with session_factory() as session, session.begin():
        work_object = await session.get(WorkObject, world.work_object.id)
        assert work_object is not None
        for telegram_id in telegram_ids:
            await make_employee(
                session,
                world.organization,
                [work_object],
                telegram_id=telegram_id,
                first_name=f"E{telegram_id}",
            )
    return telegram_ids, world.work_object.name


async def shifts_per_user(session_factory: SessionFactory, object_name: str) -> Counter[int]:
    """Shifts at the object by the employee's Telegram id."""
    async with session_factory() as session:
        rows = await session.execute(
            select(User.telegram_id, func.count())
            .join(Shift, Shift.user_id == User.id)
            .join(WorkObject, WorkObject.id == Shift.object_id)
            .where(WorkObject.name == object_name)
            .group_by(User.telegram_id)
        )
    return Counter({telegram_id: count for telegram_id, count in rows})


@dataclass
class CrowdFigures:
    users: int
    updates_sent: int = 0
    answered: int = 0
    retry_answers: int = 0
    lost: int = 0
    # Users told their shift is open: "opened", or "already open" when the answer to the
    # walk that opened it was a "try again" (the database went away while confirming the
    # commit, so the bot could not know it had been kept).
    opened: Counter[int] = field(default_factory=Counter)
    told_already_open: int = 0
    unexpected: list[str] = field(default_factory=list)

    def report(self, scenario: str, shifts: Counter[int], seconds: float) -> str:
        duplicated = sum(count - 1 for count in shifts.values() if count > 1)
        return (
            f"[chaos] {scenario}: {self.users} users, {self.updates_sent} updates sent, "
            f"{self.answered} answered ({self.retry_answers} with a 'try again'), "
            f"{self.lost} lost, {len(self.opened)} users told their shift is open "
            f"({self.told_already_open} by 'already open' after a 'try again'), "
            f"{sum(shifts.values())} shifts in the database, {duplicated} duplicated, "
            f"{seconds:.1f} s"
        )


Step = tuple[Callable[[FakeUser], object], Callable[[JsonDict], bool]]


class ClockInCrowd:
    def __init__(
        self,
        telegram: FakeTelegramServer,
        telegram_ids: list[int],
        object_name: str,
        *,
        answer_timeout: float = 15.0,
        retry_pause: float = 1.0,
        max_attempts: int = 6,
    ) -> None:
        self.telegram = telegram
        self.users = [telegram.user(tid, first_name=f"E{tid}") for tid in telegram_ids]
        self.object_name = object_name
        self.answer_timeout = answer_timeout
        self.retry_pause = retry_pause
        self.max_attempts = max_attempts
        self.figures = CrowdFigures(users=len(self.users))
        self._progress = asyncio.Condition()

    async def run(self) -> CrowdFigures:
        await asyncio.gather(*(self._clock_in(user) for user in self.users))
        return self.figures

    async def wait_until_opened(self, count: int) -> None:
        """Until `count` employees have been told their shift is open."""
        async with self._progress:
            await self._progress.wait_for(lambda: len(self.figures.opened) >= count)

    async def _clock_in(self, user: FakeUser) -> None:
        for _ in range(self.max_attempts):
            if await self._attempt(user):
                return
            await asyncio.sleep(self.retry_pause)

    def _steps(self) -> list[Step]:
        telegram = self.telegram
        open_label = plain("menu-clock-open")
        object_label = plain("clock-spontaneous-item", object=self.object_name)
        return [
            (
                lambda user: telegram.send_text(user, "/start"),
                lambda message: open_label in telegram.buttons(message),
            ),
            (
                lambda user: telegram.press(user, open_label),
                lambda message: object_label in telegram.buttons(message),
            ),
            (
                lambda user: telegram.press(user, object_label),
                lambda message: plain("clock-send-location") in _text(message),
            ),
            (
                lambda user: telegram.send_location(user, *CAFE, horizontal_accuracy=12),
                lambda message: OPENED in _text(message),
            ),
        ]

    async def _attempt(self, user: FakeUser) -> bool:
        """One walk from /start to the opened shift; False when the user must start over."""
        for act, expected in self._steps():
            mark = len(self.telegram.calls)
            await act(user)  # type: ignore[misc]
            self.figures.updates_sent += 1
            answer = await self._answer(user, mark, expected)
            if answer is None:
                return False
            if ALREADY_OPEN in _text(answer):
                self.figures.told_already_open += 1
                break
            if not expected(answer):
                return False
        async with self._progress:
            self.figures.opened[user.id] += 1
            self._progress.notify_all()
        return True

    async def _answer(
        self, user: FakeUser, mark: int, expected: Callable[[JsonDict], bool]
    ) -> JsonDict | None:
        def understood(message: JsonDict) -> bool:
            text = _text(message)
            return expected(message) or ALREADY_OPEN in text or _asks_to_retry(text)

        try:
            answer = await self.telegram.wait_for_message(
                user.id, after_call=mark, timeout=self.answer_timeout, matching=understood
            )
        except TimeoutError:
            self.figures.lost += 1
            last = self.telegram.last_message(user.id)
            self.figures.unexpected.append(f"{user.id}: silence; last: {_text(last or {})!r}")
            return None
        self.figures.answered += 1
        if _asks_to_retry(_text(answer)):
            self.figures.retry_answers += 1
        return answer


def _text(message: JsonDict) -> str:
    return str(message.get("text") or message.get("caption") or "")


def _asks_to_retry(text: str) -> bool:
    return any(answer in text for answer in RETRY_ANSWERS)
