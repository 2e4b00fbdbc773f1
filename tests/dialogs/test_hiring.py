"""Hiring through the real Dispatcher, in Russian and English: an owner writes a vacancy,
a candidate opens its link and applies in chat, the owner invites them to an interview,
both are reminded, the owner hires (or rejects); the candidate may withdraw. Privacy:
another organization's application is not available; ratings from elsewhere are shown
only with the candidate's consent."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from services.hiring.jobs import interview_reminders_job, untouched_applications_job
from services.hiring.rules import MAX_VACANCY_OPENS
from services.platform.clock import ManualClock
from services.platform.db.models import (
    ApplicationStatus,
    ContractTerms,
    JobApplication,
    Membership,
    MembershipObject,
    MembershipRole,
    OutboxMessage,
    Review,
    ReviewKind,
    ReviewStatus,
    Shift,
    ShiftStatus,
    User,
    WorkObject,
)
from services.platform.scheduler import JobContext
from tests.conftest import make_settings
from tests.dialogs.conftest import UserFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.dialogs import DialogUser
from tests.support.reply_keyboards import ReplyKeyboardMessageManager
from tests.support.staff import organization_with_objects

OWNER_TG, CANDIDATE_TG = 4100, 4101
LINK = re.compile(r"https://t\.me/staffprobot_test_bot\?start=(job_[A-Za-z0-9_-]+)")


@dataclass(frozen=True)
class Words:
    """What each language's user sees and presses."""

    language: str
    hiring: str
    write: str
    object_address: str
    no_photo: str
    apply: str
    keep_name: str
    send: str
    consent_off: str
    invite: str
    at_object: str
    no_note: str
    confirm: str
    hire: str
    reject: str
    polite: str
    withdraw: str
    status_new: str
    status_withdrawn: str
    hired_notice: str
    make_contract: str
    contracts_of: str
    unavailable: str
    blocked: str
    block: str
    ratings_line: str
    too_many: str


RU = Words(
    "ru",
    hiring="🧲 Найм",
    write="✏️ Описать вакансию",
    object_address="📍 Адрес объекта",
    no_photo="Без фото",
    apply="📨 Откликнуться",
    keep_name="Оставить имя из Telegram",
    send="📨 Отправить отклик",
    consent_off="▫️ Показывать мои оценки",
    invite="🗓 Пригласить на собеседование",
    at_object="🏪 На объекте",
    no_note="Без заметки",
    confirm="✅ Приду",
    hire="✅ Принять на работу",
    reject="✖️ Отказать",
    polite="🙏 Вежливый отказ",
    withdraw="↩️ Отозвать отклик",
    status_new="Статус: новый отклик",
    status_withdrawn="Статус: отозван кандидатом",
    hired_notice="Кандидат принят",
    make_contract="📑 Договор на подпись",
    contracts_of="📑 <b>Договоры: Ivan",
    unavailable="Этот отклик недоступен.",
    blocked="Эта организация не принимает ваши отклики.",
    block="🚫 Заблокировать кандидата",
    ratings_line="Оценки в других организациях: 4,5 (оценок: 2)",
    too_many="Слишком много открытых вакансий подряд",
)
EN = Words(
    "en",
    hiring="🧲 Hiring",
    write="✏️ Describe the vacancy",
    object_address="📍 Object's address",
    no_photo="No photo",
    apply="📨 Apply",
    keep_name="Keep my Telegram name",
    send="📨 Send the application",
    consent_off="▫️ Show my ratings",
    invite="🗓 Invite to an interview",
    at_object="🏪 At the object",
    no_note="No note",
    confirm="✅ I will come",
    hire="✅ Hire",
    reject="✖️ Reject",
    polite="🙏 Polite refusal",
    withdraw="↩️ Withdraw the application",
    status_new="Status: new application",
    status_withdrawn="Status: withdrawn by the candidate",
    hired_notice="Hired: they are an employee",
    make_contract="📑 Contract to sign",
    contracts_of="📑 <b>Contracts: Ivan",
    unavailable="This application is not available.",
    blocked="This organization does not accept your applications.",
    block="🚫 Block the candidate",
    ratings_line="Ratings in other organizations: 4.5 (2 ratings)",
    too_many="Too many vacancies opened in a row",
)
BOTH = pytest.mark.parametrize("words", [RU, EN], ids=["ru", "en"])


@pytest.fixture
def message_manager() -> ReplyKeyboardMessageManager:
    return ReplyKeyboardMessageManager()


async def press(user: DialogUser, text: str) -> None:
    await user.press(re.escape(text))


async def _owner_with_vacancy(
    make_user: UserFactory, session_factory, clock, words: Words, owner_tg: int = OWNER_TG
) -> tuple[DialogUser, str, int]:
    """The owner of "Кофейня" writes the vacancy of its café; returns them, the link's
    `/start` payload and the object id."""
    org = await organization_with_objects(
        session_factory, clock, owner_telegram_id=owner_tg, object_names=("Кафе на Мира",)
    )
    async with session_factory() as session, session.begin():
        await session.execute(
            update(User).where(User.telegram_id == owner_tg).values(language=words.language)
        )
        await session.execute(
            update(WorkObject)
            .where(WorkObject.id == org.object_ids[0])
            .values(address="ул. Мира, 1")
        )
    owner = make_user(owner_tg, first_name="Olga", language_code=words.language)
    await owner.send("/start")
    await press(owner, words.hiring)
    assert "Кафе на Мира" in owner.text()
    await press(owner, "Кафе на Мира")
    await press(owner, words.write)
    await owner.send("Бариста")
    await owner.send("от 250 ₽ в час")
    await owner.send("2/2 по 12 часов")
    await press(owner, words.object_address)
    await press(owner, words.no_photo)
    match = LINK.search(owner.text())
    assert match, owner.text()
    assert "ул. Мира, 1" in owner.text()
    return owner, match.group(1), org.object_ids[0]


async def _fill_form(candidate: DialogUser, payload: str, words: Words) -> None:
    """Opens the link and fills the form up to its last window (the consent)."""
    await candidate.send(f"/start {payload}")
    assert "Бариста" in candidate.text() and "от 250 ₽ в час" in candidate.text()
    await press(candidate, words.apply)
    await press(candidate, words.keep_name)
    await candidate.send_contact("+7 900 123-45-67")
    await candidate.send("Два года бариста в кофейне")
    await candidate.send("Будни после 12:00")
    await press(candidate, words.no_photo)
    assert words.consent_off in candidate.buttons()


async def _apply(candidate: DialogUser, payload: str, words: Words) -> None:
    await _fill_form(candidate, payload, words)
    await press(candidate, words.send)
    assert words.status_new in candidate.text()


async def _application(session_factory) -> JobApplication:
    async with session_factory() as session:
        return (
            await session.scalars(select(JobApplication).order_by(JobApplication.id.desc()))
        ).first()


async def _outbox(session_factory, kind: str) -> list[OutboxMessage]:
    async with session_factory() as session:
        return list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
            )
        )


async def _run(job, session_factory, now: datetime) -> int:
    async with session_factory() as session, session.begin():
        return await job(JobContext(session, now, make_settings()))


@BOTH
async def test_apply_interview_reminders_and_hire(
    make_user: UserFactory, session_factory, clock: ManualClock, words: Words
) -> None:
    owner, payload, object_id = await _owner_with_vacancy(make_user, session_factory, clock, words)
    candidate = make_user(CANDIDATE_TG, first_name="Ivan", language_code=words.language)
    await _apply(candidate, payload, words)

    application = await _application(session_factory)
    assert application.phone == "+79001234567" and application.shares_ratings is False
    (new,) = await _outbox(session_factory, "hiring-application-new")
    assert new.payload["buttons"][0]["start_payload"] == f"app_{application.id}"

    # The owner opens it from the notification and sets the interview: 3 March, 14:30
    # at the object (Moscow time, 11:30 UTC).
    await owner.send(f"/start app_{application.id}")
    assert "+79001234567" in owner.text() and "Два года бариста" in owner.text()
    await press(owner, words.invite)
    await press(owner, "03")
    await press(owner, "14")
    await press(owner, ":30")
    await press(owner, words.at_object)
    await press(owner, words.no_note)
    assert "03.03 14:30" in owner.text() and "ул. Мира, 1" in owner.text()
    (invited,) = await _outbox(session_factory, "hiring-interview-invited")
    assert invited.recipient_user_id == application.candidate_user_id

    await candidate.send(f"/start myapp_{application.id}")
    await press(candidate, words.confirm)
    (answer,) = await _outbox(session_factory, "hiring-interview-answer")
    assert answer.payload["answer"] == "confirmed"

    # Two hours before: both sides are reminded, once however often the job runs.
    assert await _run(interview_reminders_job, session_factory, clock.now()) == 0
    before = datetime(2026, 3, 3, 9, 45, tzinfo=UTC)
    assert await _run(interview_reminders_job, session_factory, before) == 1
    await _run(interview_reminders_job, session_factory, before + timedelta(minutes=30))
    reminders = await _outbox(session_factory, "hiring-interview-reminder")
    assert sorted(r.recipient_user_id for r in reminders) == sorted(
        [application.candidate_user_id, (await _owner_id(session_factory))]
    )

    await owner.send(f"/start app_{application.id}")
    await press(owner, words.hire)
    await owner.send("300")
    assert words.hired_notice in owner.text()
    async with session_factory() as session:
        membership = await session.scalar(
            select(Membership).where(Membership.user_id == application.candidate_user_id)
        )
        assert membership is not None and membership.role == MembershipRole.EMPLOYEE
        rate = await session.scalar(
            select(ContractTerms.hourly_rate).where(ContractTerms.membership_id == membership.id)
        )
        works_at = await session.scalar(
            select(MembershipObject.object_id).where(
                MembershipObject.membership_id == membership.id
            )
        )
    assert rate == Decimal("300.00") and works_at == object_id
    assert (await _application(session_factory)).status == ApplicationStatus.HIRED
    assert len(await _outbox(session_factory, "hiring-hired")) == 1
    await press(owner, words.make_contract)  # the hired person's contract comes next
    assert owner.text().startswith(words.contracts_of)


async def _owner_id(session_factory, telegram_id: int = OWNER_TG) -> int:
    async with session_factory() as session:
        return await session.scalar(select(User.id).where(User.telegram_id == telegram_id))


@BOTH
async def test_a_rejected_candidate_reads_the_polite_template_in_their_language(
    make_user: UserFactory, session_factory, clock: ManualClock, words: Words
) -> None:
    owner, payload, _ = await _owner_with_vacancy(make_user, session_factory, clock, words)
    candidate = make_user(CANDIDATE_TG, first_name="Ivan", language_code=words.language)
    await _apply(candidate, payload, words)
    application = await _application(session_factory)

    await owner.send(f"/start app_{application.id}")
    await press(owner, words.reject)
    await press(owner, words.polite)

    assert (await _application(session_factory)).status == ApplicationStatus.REJECTED
    (rejected,) = await _outbox(session_factory, "hiring-rejected")
    assert rejected.payload["template"] == "polite"
    assert words.invite not in owner.buttons() and words.hire not in owner.buttons()


@BOTH
async def test_a_candidate_withdraws_and_may_apply_again(
    make_user: UserFactory, session_factory, clock: ManualClock, words: Words
) -> None:
    _, payload, _ = await _owner_with_vacancy(make_user, session_factory, clock, words)
    candidate = make_user(CANDIDATE_TG, first_name="Ivan", language_code=words.language)
    await _apply(candidate, payload, words)

    await press(candidate, words.withdraw)

    assert words.status_withdrawn in candidate.text()
    assert len(await _outbox(session_factory, "hiring-application-withdrawn")) == 1
    await _apply(candidate, payload, words)
    async with session_factory() as session:
        statuses = list(await session.scalars(select(JobApplication.status)))
    assert sorted(statuses) == ["new", "withdrawn"]


async def test_one_live_application_per_candidate_and_object(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    _, payload, _ = await _owner_with_vacancy(make_user, session_factory, clock, RU)
    candidate = make_user(CANDIDATE_TG, first_name="Ivan")
    await _apply(candidate, payload, RU)

    await candidate.send(f"/start {payload}")

    assert "Вы уже откликнулись" in candidate.text()
    assert RU.apply not in candidate.buttons()


async def test_a_blocked_candidate_cannot_apply_to_that_organization_again(
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    owner, payload, _ = await _owner_with_vacancy(make_user, session_factory, clock, RU)
    candidate = make_user(CANDIDATE_TG, first_name="Ivan")
    await _apply(candidate, payload, RU)
    application = await _application(session_factory)
    await owner.send(f"/start app_{application.id}")
    await press(owner, RU.block)

    await _fill_form(candidate, payload, RU)
    await press(candidate, RU.send)

    assert RU.blocked in _answer(telegram, candidate)
    async with session_factory() as session:
        statuses = list(await session.scalars(select(JobApplication.status)))
    assert statuses == ["rejected"]


def _answer(telegram: FakeTelegramServer, user: DialogUser) -> str:
    """The bot's latest plain answer to the user (an explanation sent outside a window)."""
    message = telegram.last_message(user.chat.id)
    return message["text"] if message else ""


async def test_another_organizations_application_is_not_available(
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    _, payload, _ = await _owner_with_vacancy(make_user, session_factory, clock, RU)
    candidate = make_user(CANDIDATE_TG, first_name="Ivan")
    await _apply(candidate, payload, RU)
    application = await _application(session_factory)
    await organization_with_objects(
        session_factory, clock, owner_telegram_id=4200, name="Чужая", object_names=("Склад",)
    )
    stranger = make_user(4200, first_name="Petr")

    await stranger.send(f"/start app_{application.id}")

    assert _answer(telegram, stranger) == RU.unavailable
    assert "+79001234567" not in stranger.text()


async def _rated_elsewhere(session_factory, clock, candidate_tg: int) -> None:
    """Two published ratings of the candidate's shifts in another organization."""
    other = await organization_with_objects(
        session_factory, clock, owner_telegram_id=4300, name="Прошлое место"
    )
    async with session_factory() as session, session.begin():
        user = await session.scalar(select(User).where(User.telegram_id == candidate_tg))
        membership = Membership(
            organization_id=other.organization_id, user_id=user.id, role=MembershipRole.EMPLOYEE
        )
        session.add(membership)
        await session.flush()
        for score in (4, 5):
            shift = Shift(
                organization_id=other.organization_id,
                user_id=user.id,
                membership_id=membership.id,
                object_id=other.object_ids[0],
                opened_at=clock.now() - timedelta(days=3),
                paid_from=clock.now() - timedelta(days=3),
                scheduled_end_at=clock.now() - timedelta(days=3, hours=-8),
                closed_at=clock.now() - timedelta(days=3, hours=-8),
                hourly_rate=Decimal("200"),
                rate_source="object",
                status=ShiftStatus.CLOSED,
            )
            session.add(shift)
            await session.flush()
            session.add(
                Review(
                    organization_id=other.organization_id,
                    kind=ReviewKind.SHIFT,
                    object_id=other.object_ids[0],
                    shift_id=shift.id,
                    subject_user_id=user.id,
                    author_user_id=other.owner_id,
                    score=score,
                    status=ReviewStatus.PUBLISHED,
                    rated_at=clock.now(),
                )
            )


@BOTH
@pytest.mark.parametrize("consents", [True, False], ids=["consent", "no-consent"])
async def test_ratings_from_other_organizations_only_with_consent(
    make_user: UserFactory, session_factory, clock: ManualClock, words: Words, consents: bool
) -> None:
    owner, payload, _ = await _owner_with_vacancy(make_user, session_factory, clock, words)
    candidate = make_user(CANDIDATE_TG, first_name="Ivan", language_code=words.language)
    await candidate.send("/start")
    await _rated_elsewhere(session_factory, clock, CANDIDATE_TG)

    await candidate.send(f"/start {payload}")
    await press(candidate, words.apply)
    await press(candidate, words.keep_name)
    await candidate.send_contact("+79001234567")
    await candidate.send("Два года")
    await candidate.send("Будни")
    await press(candidate, words.no_photo)
    if consents:
        await press(candidate, words.consent_off)
    await press(candidate, words.send)
    application = await _application(session_factory)
    await owner.send(f"/start app_{application.id}")

    assert (words.ratings_line in owner.text()) is consents


async def test_a_vacancy_link_opened_too_often_is_refused(
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    _, payload, _ = await _owner_with_vacancy(make_user, session_factory, clock, RU)
    walker = make_user(4400, first_name="Bot")
    for _ in range(MAX_VACANCY_OPENS):
        await walker.send(f"/start {payload}")
    assert "Бариста" in walker.text()

    await walker.send(f"/start {payload}")

    assert RU.too_many in _answer(telegram, walker)


async def test_an_application_nobody_answers_for_48_hours_reminds_the_owner_once(
    make_user: UserFactory, session_factory, clock: ManualClock
) -> None:
    _, payload, _ = await _owner_with_vacancy(make_user, session_factory, clock, RU)
    await _apply(make_user(CANDIDATE_TG, first_name="Ivan"), payload, RU)

    assert await _run(untouched_applications_job, session_factory, clock.now()) == 0
    later = clock.now() + timedelta(hours=48)
    assert await _run(untouched_applications_job, session_factory, later) == 1
    await _run(untouched_applications_job, session_factory, later + timedelta(hours=1))

    (reminder,) = await _outbox(session_factory, "hiring-untouched")
    assert reminder.recipient_user_id == await _owner_id(session_factory)
    assert reminder.payload["hours"] == 48


async def test_the_owner_gets_a_qr_picture_and_posts_the_vacancy_where_the_bot_is_admin(
    make_user: UserFactory,
    session_factory,
    clock: ManualClock,
    telegram: FakeTelegramServer,
) -> None:
    owner, payload, _ = await _owner_with_vacancy(make_user, session_factory, clock, RU)
    link = f"https://t.me/staffprobot_test_bot?start={payload}"

    await press(owner, "🔳 QR-код")
    (qr,) = [call for call in telegram.calls_of("sendPhoto") if call.params["chat_id"] == OWNER_TG]
    assert link in qr.params["caption"]

    channel = -1001234567890
    await press(owner, "📣 Опубликовать в канале")
    await owner.send(str(channel))
    assert "не администратор" in _answer(telegram, owner)
    assert telegram.last_message(channel) is None

    telegram.make_bot_admin(channel)
    await owner.send(str(channel))

    post = telegram.last_message(channel)
    assert post is not None and "Кофейня ищет: Бариста" in post["text"]
    (button,) = post["reply_markup"]["inline_keyboard"][0]
    assert button["text"] == "Откликнуться" and button["url"] == link
    assert "Вакансия опубликована" in owner.text()
