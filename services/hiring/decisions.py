"""The hiring side's decisions on an application: an interview (day, time, place, note),
a rejection with a reason, hiring into the object's staff, blocking the candidate. Only
those who hire at the application's object decide; another organization's application
is not found. Every decision is told to the candidate."""

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.hiring.errors import ApplicationClosed
from services.hiring.rules import (
    MAX_LONG_TEXT,
    MY_APPLICATION_PAYLOAD_PREFIX,
    REJECTION_TEMPLATES,
    clean_text,
)
from services.hiring.vacancies import require_hiring_rights
from services.notify.outbox import (
    HIRING_HIRED,
    HIRING_INTERVIEW_INVITED,
    HIRING_REJECTED,
    notify,
)
from services.orgs.invites import EmployeeLimitReached
from services.orgs.tariffs import LimitedResource, TariffLimitReached, ensure_within_limit
from services.platform.clock import Clock
from services.platform.db.models import (
    LIVE_APPLICATION_STATUSES,
    ApplicationStatus,
    HiringBlock,
    InterviewAnswer,
    JobApplication,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Organization,
    WorkObject,
)
from services.platform.db.session import dialect_insert
from services.platform.errors import InvalidInput, NotFound
from services.platform.local_time import local_to_utc, utc_to_local
from services.staff.memberships import MAX_HOURLY_RATE, Enrolment, enrol_member
from services.staff.permissions import Actor


async def managed_application(
    session: AsyncSession, actor: Actor, application_id: int, *, lock: bool = False
) -> JobApplication:
    """The application, if the actor hires at its object."""
    query = select(JobApplication).where(JobApplication.id == application_id)
    application = await session.scalar(query.with_for_update() if lock else query)
    if application is None or application.organization_id != actor.organization_id:
        raise NotFound()
    await require_hiring_rights(session, actor, application.object_id)
    return application


async def _live(session: AsyncSession, actor: Actor, application_id: int) -> JobApplication:
    application = await managed_application(session, actor, application_id, lock=True)
    if application.status not in LIVE_APPLICATION_STATUSES:
        raise ApplicationClosed()
    return application


def _decided(application: JobApplication, actor: Actor, now: datetime) -> None:
    application.touched_at = now
    application.decided_by_user_id = actor.user_id
    application.decided_at = now


async def _tell_candidate(
    session: AsyncSession,
    application: JobApplication,
    *,
    kind: str,
    cause: str,
    now: datetime,
    payload: dict[str, object],
) -> None:
    work_object = await session.get(WorkObject, application.object_id)
    assert work_object is not None
    await notify(
        session,
        kind=kind,
        dedup_key=f"{kind}:{application.id}:{cause}",
        not_before=now,
        payload={"object": work_object.name}
        | payload
        | {
            "buttons": [
                {
                    "text_key": "notify-button-my-application",
                    "start_payload": f"{MY_APPLICATION_PAYLOAD_PREFIX}{application.id}",
                }
            ]
        },
        recipient_user_id=application.candidate_user_id,
    )


@dataclass(frozen=True)
class Interview:
    """A local day and time at the object; `place` empty and not online: the object."""

    day: date
    at: time
    online: bool = False
    place: str = ""
    note: str = ""


def interview_when(moment: datetime, zone: ZoneInfo) -> str:
    """An interview's moment as people read it at the object: 05.03 14:30."""
    local_day, local_time = utc_to_local(moment, zone)
    return f"{local_day:%d.%m} {local_time:%H:%M}"


async def invite_to_interview(
    session: AsyncSession, actor: Actor, clock: Clock, application_id: int, interview: Interview
) -> JobApplication:
    """Set (or move) the interview; it must lie ahead. The candidate is asked to
    confirm it or to ask for another time."""
    application = await _live(session, actor, application_id)
    work_object = await session.get(WorkObject, application.object_id)
    assert work_object is not None
    zone = ZoneInfo(work_object.timezone)
    moment = local_to_utc(interview.day, interview.at, zone)
    now = clock.now()
    if moment <= now:
        raise InvalidInput(field="interview", reason="interview-in-past")
    application.status = ApplicationStatus.INTERVIEW
    application.interview_at = moment
    application.interview_online = interview.online
    application.interview_place = (
        "" if interview.online else (interview.place or work_object.address or work_object.name)
    )
    application.interview_note = (
        clean_text(interview.note, field="note", limit=MAX_LONG_TEXT) if interview.note else ""
    )
    application.interview_answer = InterviewAnswer.PENDING
    application.touched_at = now
    await session.flush()
    await _tell_candidate(
        session,
        application,
        kind=HIRING_INTERVIEW_INVITED.name,
        cause=moment.isoformat(),
        now=now,
        payload={
            "when": interview_when(moment, zone),
            "online": "yes" if interview.online else "no",
            "place": application.interview_place,
            "note": application.interview_note,
        },
    )
    return application


async def reject(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    application_id: int,
    reason: str,
    template: str | None = None,
) -> JobApplication:
    """Turn the candidate down with `reason`: the actor's own words, or the text of one
    of `REJECTION_TEMPLATES` (then the candidate reads that template in their own
    language)."""
    if template is not None and template not in REJECTION_TEMPLATES:
        raise InvalidInput(field="reason")
    application = await _live(session, actor, application_id)
    application.status = ApplicationStatus.REJECTED
    application.reject_reason = clean_text(reason, field="reason", limit=MAX_LONG_TEXT)
    _decided(application, actor, clock.now())
    await session.flush()
    await _tell_candidate(
        session,
        application,
        kind=HIRING_REJECTED.name,
        cause="rejected",
        now=clock.now(),
        payload={"reason": application.reject_reason, "template": template or "own"},
    )
    return application


async def block_candidate(
    session: AsyncSession, actor: Actor, clock: Clock, application_id: int
) -> JobApplication:
    """Reject the application (politely) and refuse the person's future applications
    to this organization."""
    application = await managed_application(session, actor, application_id, lock=True)
    insert = dialect_insert(session)
    await session.execute(
        insert(HiringBlock)
        .values(
            organization_id=application.organization_id,
            user_id=application.candidate_user_id,
            blocked_by_user_id=actor.user_id,
        )
        .on_conflict_do_nothing(index_elements=["organization_id", "user_id"])
    )
    if application.status in LIVE_APPLICATION_STATUSES:
        application.status = ApplicationStatus.REJECTED
        _decided(application, actor, clock.now())
    await session.flush()
    return application


async def hire(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    application_id: int,
    hourly_rate: Decimal | None,
) -> JobApplication:
    """Hire the candidate into the object's staff at `hourly_rate` (None: the object's
    or the slot's rate), from today, without an invite link: a new employee (or a
    former one taken back) within the tariff's limit; someone already on the staff
    gets the object added."""
    if hourly_rate is not None and not Decimal("0") < hourly_rate <= MAX_HOURLY_RATE:
        raise InvalidInput(field="rate", reason="rate-too-large", limit=int(MAX_HOURLY_RATE))
    application = await _live(session, actor, application_id)
    organization = await session.get(Organization, application.organization_id)
    assert organization is not None
    membership = await session.scalar(
        select(Membership)
        .where(
            Membership.organization_id == application.organization_id,
            Membership.user_id == application.candidate_user_id,
        )
        .with_for_update()
    )
    if membership is not None and membership.status == MembershipStatus.ACTIVE:
        works_there = await session.scalar(
            select(MembershipObject.id).where(
                MembershipObject.membership_id == membership.id,
                MembershipObject.object_id == application.object_id,
            )
        )
        if works_there is None:
            session.add(
                MembershipObject(
                    membership_id=membership.id, object_id=application.object_id, permissions=[]
                )
            )
    else:
        try:
            await ensure_within_limit(session, organization.id, LimitedResource.EMPLOYEES)
        except TariffLimitReached as refusal:
            raise EmployeeLimitReached(organization=organization.name) from refusal
        await enrol_member(
            session,
            clock,
            Enrolment(
                organization_id=organization.id,
                user_id=application.candidate_user_id,
                role=MembershipRole.EMPLOYEE,
                object_ids=(application.object_id,),
                hourly_rate=hourly_rate,
            ),
            membership,
        )
    application.status = ApplicationStatus.HIRED
    _decided(application, actor, clock.now())
    await session.flush()
    await _tell_candidate(
        session,
        application,
        kind=HIRING_HIRED.name,
        cause="hired",
        now=clock.now(),
        payload={"organization": organization.name},
    )
    return application
