"""Read models of hiring: the pipeline per object, an object's applications, one
application's card (with the candidate's ratings elsewhere, only by their consent)."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.hiring.decisions import interview_when, managed_application
from services.hiring.rules import Pipeline, pipeline_of
from services.hiring.vacancies import require_hiring_rights
from services.platform.clock import Clock
from services.platform.db.models import (
    ApplicationStatus,
    InterviewAnswer,
    JobApplication,
    Membership,
    Permission,
    WorkObject,
)
from services.ratings.queries import RatingSummary, ratings_elsewhere
from services.staff.permissions import Actor, objects_with_permission


@dataclass(frozen=True)
class ObjectPipeline:
    object_id: int
    object_name: str
    pipeline: Pipeline


async def hiring_pipelines(
    session: AsyncSession, actor: Actor, clock: Clock
) -> list[ObjectPipeline]:
    """Every object the actor hires at, with its applications by stage."""
    objects = await objects_with_permission(session, actor, Permission.MANAGE_STAFF)
    rows = await session.execute(
        select(
            JobApplication.object_id,
            JobApplication.status,
            JobApplication.created_at,
            JobApplication.touched_at,
        ).where(
            JobApplication.object_id.in_([o.id for o in objects]),
            JobApplication.status != ApplicationStatus.WITHDRAWN,
        )
    )
    by_object: dict[int, list[tuple[ApplicationStatus, datetime, datetime | None]]] = {}
    for object_id, status, created, touched in rows:
        by_object.setdefault(object_id, []).append((ApplicationStatus(status), created, touched))
    now = clock.now()
    return [
        ObjectPipeline(o.id, o.name, pipeline_of(by_object.get(o.id, []), now)) for o in objects
    ]


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    name: str
    status: ApplicationStatus


async def object_applications(
    session: AsyncSession, actor: Actor, object_id: int
) -> list[ApplicationRow]:
    """The object's applications still going first, then the decided ones, newest first
    within each."""
    await require_hiring_rights(session, actor, object_id)
    rows = await session.execute(
        select(JobApplication.id, JobApplication.name, JobApplication.status)
        .where(
            JobApplication.object_id == object_id,
            JobApplication.status != ApplicationStatus.WITHDRAWN,
        )
        .order_by(JobApplication.created_at.desc(), JobApplication.id.desc())
        .limit(50)
    )
    applications = [ApplicationRow(i, name, ApplicationStatus(s)) for i, name, s in rows]
    live = (ApplicationStatus.NEW, ApplicationStatus.INTERVIEW)
    return sorted(applications, key=lambda row: row.status not in live)


@dataclass(frozen=True)
class ApplicationCard:
    id: int
    object_id: int
    object_name: str
    name: str
    phone: str
    experience: str
    availability: str
    photo_file_id: str | None
    status: ApplicationStatus
    applied: str
    interview: str
    interview_online: bool
    interview_place: str
    interview_note: str
    interview_answer: InterviewAnswer | None
    reject_reason: str
    # The candidate's ratings in other organizations; None without their consent.
    ratings_elsewhere: RatingSummary | None
    # Once hired: their membership, whose contract the hiring owner or manager makes next.
    hired_membership_id: int | None = None


async def application_card(
    session: AsyncSession, actor: Actor, clock: Clock, application_id: int
) -> ApplicationCard:
    application = await managed_application(session, actor, application_id)
    work_object = await session.get(WorkObject, application.object_id)
    assert work_object is not None
    zone = ZoneInfo(work_object.timezone)
    elsewhere = (
        await ratings_elsewhere(
            session, application.candidate_user_id, application.organization_id, clock.now()
        )
        if application.shares_ratings
        else None
    )
    hired_membership_id = (
        await session.scalar(
            select(Membership.id).where(
                Membership.organization_id == application.organization_id,
                Membership.user_id == application.candidate_user_id,
            )
        )
        if application.status == ApplicationStatus.HIRED
        else None
    )
    return ApplicationCard(
        hired_membership_id=hired_membership_id,
        id=application.id,
        object_id=work_object.id,
        object_name=work_object.name,
        name=application.name,
        phone=application.phone,
        experience=application.experience,
        availability=application.availability,
        photo_file_id=application.photo_file_id,
        status=ApplicationStatus(application.status),
        applied=interview_when(application.created_at, zone),
        interview=interview_when(application.interview_at, zone)
        if application.interview_at
        else "",
        interview_online=application.interview_online,
        interview_place=application.interview_place,
        interview_note=application.interview_note,
        interview_answer=InterviewAnswer(application.interview_answer)
        if application.interview_answer
        else None,
        reject_reason=application.reject_reason,
        ratings_elsewhere=elsewhere,
    )
