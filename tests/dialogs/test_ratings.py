"""Ratings and reviews through the real Dispatcher, in Russian and English: a manager
rates a finished shift in one tap from the feed, a text with a phone number waits for
the superadmin, the employee appeals once within 72 hours and the owner decides; a
workplace review with an insult waits for the owner; anonymous reviews reach managers
only from three up."""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from services.attendance.clock_out import close_shift
from services.places.geo import LocationReport
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import (
    AppealStatus,
    OutboxMessage,
    Review,
    ReviewKind,
    ReviewStatus,
    Shift,
    User,
)
from tests.conftest import make_settings
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support import services as real
from tests.support.dialogs import DialogUser
from tests.support.shifts import (
    CAFE,
    EMPLOYEE_TG,
    OWNER_TG,
    ShiftWorld,
    add_planned_shift,
    make_shift_world,
    open_at_the_cafe,
)
from tests.support.staff import organization_with_objects

SUPERADMIN_TG = 7999


@dataclass(frozen=True)
class Words:
    language: str
    comment_prompt_sent: str
    approve: str
    appeal: str
    uphold: str
    ratings: str
    review_workplace: str
    no_comment: str
    send: str
    queue: str
    held: str
    withheld: str
    refused: str
    team: str
    anna_rated: str
    nobody_rated: str


RU = Words(
    "ru",
    comment_prompt_sent="Можно изменить оценку",
    approve="✅ Опубликовать",
    appeal="⚖️ Обжаловать",
    uphold="✅ Снять оценку",
    ratings="⭐ Оценки и отзывы",
    review_workplace="✍️ Отзыв о месте работы",
    no_comment="Без комментария",
    send="📨 Отправить",
    queue="🛡 На модерации",
    held="Текст отправлен на модерацию",
    withheld="Анонимных отзывов скрыто: 2",
    refused="Обжаловать можно один раз",
    team="👥 Рейтинг сотрудников",
    anna_rated="Anna: 4 (оценок: 1)",
    nobody_rated="Смены ещё не оценивали.",
)
EN = Words(
    "en",
    comment_prompt_sent="You may change the rating",
    approve="✅ Publish",
    appeal="⚖️ Appeal",
    uphold="✅ Remove the rating",
    ratings="⭐ Ratings and reviews",
    review_workplace="✍️ Review my workplace",
    no_comment="No comment",
    send="📨 Send",
    queue="🛡 Awaiting moderation",
    held="The text went to moderation",
    withheld="Anonymous reviews hidden: 2",
    refused="A rating can be appealed once",
    team="👥 Employees' ratings",
    anna_rated="Anna: 4 (1 rating)",
    nobody_rated="No shift has been rated yet.",
)
BOTH = pytest.mark.parametrize("words", [RU, EN], ids=["ru", "en"])


@pytest.fixture
def settings(database_url: str, namespace: str, telegram: FakeTelegramServer) -> Settings:
    """The shared test settings with a superadmin, who moderates ratings of employees."""
    return make_settings(
        database_url=database_url,
        redis_url=real.REDIS_URL,
        rabbitmq_url=real.RABBITMQ_URL,
        namespace=namespace,
        telegram_api_base=telegram.base_url,
        superadmin_ids=[SUPERADMIN_TG],
    )


async def press(user: DialogUser, text: str) -> None:
    await user.press(re.escape(text))


async def _world(session_factory, words: Words) -> ShiftWorld:
    world = await make_shift_world(session_factory, employee_language=words.language)
    async with session_factory() as session, session.begin():
        await session.execute(
            update(User).where(User.id == world.owner.id).values(language=words.language)
        )
        session.add(User(telegram_id=SUPERADMIN_TG, first_name="Root", language=words.language))
    return world


async def _finished_shift(session_factory, clock: ManualClock, world: ShiftWorld) -> Shift:
    planned = await add_planned_shift(session_factory, world, clock.now(), timedelta(hours=4))
    async with session_factory() as session, session.begin():
        await open_at_the_cafe(session, clock, world.employee.id, planned.id)
    clock.advance(timedelta(hours=4))
    async with session_factory() as session, session.begin():
        result = await close_shift(
            session,
            clock,
            user_id=world.employee.id,
            report=LocationReport(*CAFE, sent_at=clock.now(), horizontal_accuracy=10),
        )
    assert result.shift is not None
    return result.shift


async def _outbox(session_factory, kind: str) -> list[OutboxMessage]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
            )
        )


async def _review(session_factory) -> Review:
    async with session_factory() as session:
        return (await session.scalars(select(Review).order_by(Review.id.desc()))).first()


def _answer(telegram: FakeTelegramServer, user: DialogUser) -> str:
    message = telegram.last_message(user.chat.id)
    return message["text"] if message else ""


@BOTH
async def test_one_tap_rating_moderation_and_appeal(
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
    words: Words,
) -> None:
    world = await _world(session_factory, words)
    shift = await _finished_shift(session_factory, clock, world)

    # The owner's feed notice of the closed shift carries the 1–5 row.
    closed = [
        row
        for row in await _outbox(session_factory, "shift_closed")
        if row.recipient_user_id == world.owner.id
    ]
    (rate_row,) = closed[0].payload["buttons"]
    assert [b["start_payload"] for b in rate_row] == [f"rate_{shift.id}_{s}" for s in range(1, 6)]

    owner = make_user(OWNER_TG, first_name="Olga", language_code=words.language)
    await owner.send(f"/start rate_{shift.id}_4")
    assert words.comment_prompt_sent in owner.text() and "4 ⭐" in owner.text()
    review = await _review(session_factory)
    assert (review.score, review.status) == (4, ReviewStatus.PUBLISHED)
    (received,) = await _outbox(session_factory, "rating-received")
    assert received.recipient_user_id == world.employee.id

    # A comment with a phone number is held for the superadmin.
    await owner.send("Позвоните ей: +7 900 123 45 67")
    assert words.held in owner.text()
    assert (await _review(session_factory)).status == ReviewStatus.HELD
    (held,) = await _outbox(session_factory, "rating-held")
    superadmin_id = held.recipient_user_id

    root = make_user(SUPERADMIN_TG, first_name="Root", language_code=words.language)
    await root.send(f"/start review_{review.id}")
    await press(root, words.approve)
    assert (await _review(session_factory)).status == ReviewStatus.PUBLISHED
    moderated = await _outbox(session_factory, "rating-moderated")
    assert {m.recipient_user_id for m in moderated} == {world.owner.id, world.employee.id}
    assert superadmin_id not in {world.owner.id, world.employee.id}
    await owner.send("/start")
    await press(owner, words.ratings)
    await press(owner, words.team)
    assert words.anna_rated in owner.text()

    # The employee appeals once, within 72 hours; the owner upholds it.
    anna = make_user(EMPLOYEE_TG, first_name="Anna", language_code=words.language)
    clock.advance(timedelta(hours=10))
    await anna.send(f"/start review_{review.id}")
    await press(anna, words.appeal)
    await anna.send("Я пришла вовремя, это ошибка")
    assert words.appeal not in anna.buttons()
    appealed = await _outbox(session_factory, "rating-appealed")
    assert world.owner.id in {a.recipient_user_id for a in appealed}

    await owner.send(f"/start review_{review.id}")
    await press(owner, words.uphold)
    decided = await _review(session_factory)
    assert (decided.status, decided.appeal_status) == (
        ReviewStatus.OVERTURNED,
        AppealStatus.UPHELD,
    )
    told = await _outbox(session_factory, "rating-appeal-decided")
    assert {t.recipient_user_id for t in told} == {world.owner.id, world.employee.id}
    await owner.send("/start")
    await press(owner, words.ratings)
    await press(owner, words.team)
    assert words.nobody_rated in owner.text()  # a rating removed on appeal stops counting


async def test_an_appeal_after_72_hours_is_refused(
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    world = await _world(session_factory, RU)
    shift = await _finished_shift(session_factory, clock, world)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send(f"/start rate_{shift.id}_2")
    review = await _review(session_factory)

    clock.advance(timedelta(hours=73))
    anna = make_user(EMPLOYEE_TG, first_name="Anna")
    await anna.send(f"/start review_{review.id}")

    assert RU.appeal not in anna.buttons()
    await anna.press_hidden("appeal")
    await anna.send("Поздно, но всё же")
    assert RU.refused in _answer(telegram, anna)
    assert (await _review(session_factory)).appeal_status is None


async def test_a_stranger_cannot_open_a_rating_nor_rate_another_organizations_shift(
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    world = await _world(session_factory, RU)
    shift = await _finished_shift(session_factory, clock, world)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send(f"/start rate_{shift.id}_5")
    review = await _review(session_factory)
    await organization_with_objects(session_factory, clock, owner_telegram_id=7500, name="Чужая")
    stranger = make_user(7500, first_name="Petr")

    await stranger.send(f"/start review_{review.id}")
    assert _answer(telegram, stranger) == "Эта оценка недоступна."
    await stranger.send(f"/start rate_{shift.id}_1")
    assert (await _review(session_factory)).score == 5


async def _review_workplace(anna: DialogUser, words: Words, score: str, comment: str | None):
    await anna.send("/start")
    await press(anna, words.ratings)
    await press(anna, words.review_workplace)
    await press(anna, "Кофейня")
    await press(anna, score)
    if comment is None:
        await press(anna, words.no_comment)
    else:
        await anna.send(comment)
    await press(anna, words.send)


@BOTH
async def test_a_workplace_review_with_an_insult_waits_for_the_owner(
    make_user: UserFactory, session_factory, clock: ManualClock, words: Words
) -> None:
    world = await _world(session_factory, words)
    anna = make_user(EMPLOYEE_TG, first_name="Anna", language_code=words.language)

    await _review_workplace(anna, words, "2 ⭐", "Управляющий — идиот")

    assert words.held in anna.text()
    review = await _review(session_factory)
    assert (review.kind, review.status, review.anonymous) == (
        ReviewKind.OBJECT,
        ReviewStatus.HELD,
        True,
    )
    owner = make_user(OWNER_TG, first_name="Olga", language_code=words.language)
    await owner.send("/start")
    await press(owner, words.ratings)
    await press(owner, words.queue)
    await press(owner, "2 ⭐ · Кофейня")
    assert "Anna" not in owner.text()  # anonymous: the owner is not told who wrote it
    await press(owner, words.approve)
    assert (await _review(session_factory)).status == ReviewStatus.PUBLISHED
    moderated = await _outbox(session_factory, "rating-moderated")
    assert {m.recipient_user_id for m in moderated} == {world.owner.id, world.employee.id}


async def test_anonymous_reviews_reach_managers_only_from_three_up(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    world = await _world(session_factory, RU)
    async with session_factory() as session, session.begin():
        for index, (anonymous, comment) in enumerate(
            [(True, "Тесно на кухне"), (True, "Мало света"), (False, "Дружная команда")]
        ):
            author = User(telegram_id=7600 + index, first_name=f"W{index}")
            session.add(author)
            await session.flush()
            session.add(
                Review(
                    organization_id=world.organization.id,
                    kind=ReviewKind.OBJECT,
                    object_id=world.work_object.id,
                    author_user_id=author.id,
                    score=3 if anonymous else 5,
                    comment=comment,
                    anonymous=anonymous,
                    status=ReviewStatus.PUBLISHED,
                    rated_at=clock.now(),
                )
            )
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await press(owner, RU.ratings)
    assert "Кофейня: 5 (отзывов: 1)" in owner.text()
    await press(owner, "Кофейня")
    assert "Дружная команда" in owner.text() and "Тесно" not in owner.text()
    assert RU.withheld in owner.text()

    anna = make_user(EMPLOYEE_TG, first_name="Anna")
    await _review_workplace(anna, RU, "4 ⭐", None)

    await owner.send("/start")
    await press(owner, RU.ratings)
    await press(owner, "Кофейня")
    assert "Тесно на кухне" in owner.text() and "Мало света" in owner.text()
    assert "отзывов: 4" in owner.text()
