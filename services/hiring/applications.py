"""The candidate's side: opening a vacancy link (rate-limited per person), applying in
chat, answering an interview invitation, withdrawing. Each step tells those who hire at
the object (owners, managers with `manage_staff` there)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.attendance.feed import staff_manager_ids
from services.hiring.errors import (
    AlreadyApplied,
    ApplicationClosed,
    CandidateBlocked,
    TooManyVacancyOpens,
    VacancyClosed,
    VacancyNotFound,
)
from services.hiring.rules import (
    APPLICATION_PAYLOAD_PREFIX,
    MAX_LONG_TEXT,
    MAX_VACANCY_OPENS,
    VACANCY_OPENS_WINDOW,
    clean_phone,
    clean_text,
)
from services.hiring.vacancies import VacancyView, vacancy_by_code
from services.notify.outbox import (
    HIRING_APPLICATION_NEW,
    HIRING_APPLICATION_WITHDRAWN,
    HIRING_INTERVIEW_ANSWER,
    notify,
)
from services.orgs.invites import FailedAttempts, failed_attempts_store
from services.platform.clock import Clock
from services.platform.db.models import (
    LIVE_APPLICATION_STATUSES,
    ApplicationStatus,
    HiringBlock,
    InterviewAnswer,
    JobApplication,
    User,
    Vacancy,
    WorkObject,
)
from services.platform.errors import NotFound


def vacancy_opens_store(redis: Redis | None, namespace: str, clock: Clock) -> FailedAttempts:
    """Vacancy links opened per Telegram user in the window: in Redis (every replica),
    else in this process (the embedded default)."""
    return failed_attempts_store(
        redis, namespace, clock, name="vacancy-opens", window=VACANCY_OPENS_WINDOW
    )


async def open_vacancy(
    session: AsyncSession, user: User, code: str, opens: FailedAttempts
) -> VacancyView:
    """The vacancy behind a link, counted against the person's opens per window (a
    script walking links is stopped, a person never is)."""
    if await opens.count(user.telegram_id) >= MAX_VACANCY_OPENS:
        raise TooManyVacancyOpens(minutes=int(VACANCY_OPENS_WINDOW.total_seconds() // 60))
    await opens.record(user.telegram_id)
    return await vacancy_by_code(session, code)


@dataclass(frozen=True)
class ApplicationForm:
    name: str
    phone: str
    experience: str
    availability: str
    photo_file_id: str | None = None
    shares_ratings: bool = False


async def live_application_of(
    session: AsyncSession, user: User, vacancy_id: int
) -> JobApplication | None:
    """The candidate's application to this vacancy that is still going, if any."""
    return await session.scalar(
        select(JobApplication).where(
            JobApplication.vacancy_id == vacancy_id,
            JobApplication.candidate_user_id == user.id,
            JobApplication.status.in_(LIVE_APPLICATION_STATUSES),
        )
    )


async def tell_hiring_side(
    session: AsyncSession,
    application: JobApplication,
    *,
    kind: str,
    cause: str,
    now: datetime,
    extra: dict[str, Any] | None = None,
) -> None:
    """A notice about the application to everyone who hires at its object, with a
    button that opens it."""
    work_object = await session.get(WorkObject, application.object_id)
    assert work_object is not None
    payload = {
        "candidate": application.name,
        "object": work_object.name,
        "buttons": [
            {
                "text_key": "notify-button-open-application",
                "start_payload": f"{APPLICATION_PAYLOAD_PREFIX}{application.id}",
            }
        ],
    } | (extra or {})
    for recipient in await staff_manager_ids(session, work_object):
        await notify(
            session,
            kind=kind,
            dedup_key=f"{kind}:{application.id}:{cause}:u{recipient}",
            not_before=now,
            payload=payload,
            recipient_user_id=recipient,
            organization_id=application.organization_id,
        )


async def apply(
    session: AsyncSession, user: User, clock: Clock, code: str, form: ApplicationForm
) -> JobApplication:
    """Apply to the vacancy: one application still going per candidate and object (a
    double tap finds the first), none from a person the organization blocked."""
    vacancy = await session.scalar(select(Vacancy).where(Vacancy.code == code))
    if vacancy is None:
        raise VacancyNotFound()
    if not vacancy.is_open:
        raise VacancyClosed()
    blocked = await session.scalar(
        select(HiringBlock.id).where(
            HiringBlock.organization_id == vacancy.organization_id, HiringBlock.user_id == user.id
        )
    )
    if blocked is not None:
        raise CandidateBlocked()
    if await live_application_of(session, user, vacancy.id) is not None:
        raise AlreadyApplied()
    now = clock.now()
    application = JobApplication(
        organization_id=vacancy.organization_id,
        object_id=vacancy.object_id,
        vacancy_id=vacancy.id,
        candidate_user_id=user.id,
        name=clean_text(form.name, field="name"),
        phone=clean_phone(form.phone),
        experience=clean_text(form.experience, field="experience", limit=MAX_LONG_TEXT),
        availability=clean_text(form.availability, field="availability", limit=MAX_LONG_TEXT),
        photo_file_id=form.photo_file_id,
        shares_ratings=form.shares_ratings,
        status=ApplicationStatus.NEW,
        created_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(application)
            await session.flush()
    except IntegrityError as error:  # the same candidate applied at the same moment
        raise AlreadyApplied() from error
    await tell_hiring_side(
        session, application, kind=HIRING_APPLICATION_NEW.name, cause="new", now=now
    )
    return application


async def my_application(session: AsyncSession, user: User, application_id: int) -> JobApplication:
    """The candidate's own application; anyone else's is not found."""
    application = await session.get(JobApplication, application_id)
    if application is None or application.candidate_user_id != user.id:
        raise NotFound()
    return application


async def _my_live_application(
    session: AsyncSession, user: User, application_id: int
) -> JobApplication:
    application = await session.scalar(
        select(JobApplication).where(JobApplication.id == application_id).with_for_update()
    )
    if application is None or application.candidate_user_id != user.id:
        raise NotFound()
    if application.status not in LIVE_APPLICATION_STATUSES:
        raise ApplicationClosed()
    return application


async def withdraw(
    session: AsyncSession, user: User, clock: Clock, application_id: int
) -> JobApplication:
    """The candidate takes the application back (while it is new or at the interview
    stage); those who hire are told."""
    application = await _my_live_application(session, user, application_id)
    application.status = ApplicationStatus.WITHDRAWN
    application.decided_at = clock.now()
    await session.flush()
    await tell_hiring_side(
        session,
        application,
        kind=HIRING_APPLICATION_WITHDRAWN.name,
        cause="withdrawn",
        now=clock.now(),
    )
    return application


async def answer_interview(
    session: AsyncSession, user: User, clock: Clock, application_id: int, answer: InterviewAnswer
) -> JobApplication:
    """The candidate confirms the interview or asks for another time; those who hire
    are told either way."""
    application = await _my_live_application(session, user, application_id)
    if application.status != ApplicationStatus.INTERVIEW or application.interview_at is None:
        raise ApplicationClosed()
    application.interview_answer = answer
    await session.flush()
    await tell_hiring_side(
        session,
        application,
        kind=HIRING_INTERVIEW_ANSWER.name,
        cause=f"{answer}:{application.interview_at.isoformat()}",
        now=clock.now(),
        extra={"answer": str(answer)},
    )
    return application
