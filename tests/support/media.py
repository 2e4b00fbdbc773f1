"""An organization for the media tests: its owner, an object, an employee, a manager with
`view` on the object, a manager without it, and another organization's owner."""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.media_orchestrator import IncomingMedia, MediaOrchestrator
from services.orgs.organizations import create_organization
from services.planning.cancellations import begin_cancellation_document, cancel_planned_shift
from services.platform.clock import Clock
from services.platform.db.models import (
    Media,
    MediaContext,
    MediaType,
    Membership,
    MembershipObject,
    MembershipRole,
    Shift,
    ShiftCancellation,
    ShiftStatus,
    ShiftTask,
    ShiftTaskStatus,
    TaskTemplate,
    User,
    WorkObject,
)
from services.platform.db.session import SessionFactory


@dataclass(frozen=True)
class MediaCast:
    organization_id: int
    object_id: int
    owner: User
    employee: User
    viewing_manager: User
    blind_manager: User
    stranger_owner: User


async def _member(
    session: AsyncSession, organization_id: int, user: User, role: MembershipRole
) -> Membership:
    membership = Membership(organization_id=organization_id, user_id=user.id, role=role)
    session.add(membership)
    await session.flush()
    return membership


async def seed_media_cast(
    session_factory: SessionFactory, clock: Clock, *, tariff: str = "pro"
) -> MediaCast:
    async with session_factory() as session:
        users = [
            User(telegram_id=telegram_id, first_name=name, language="ru")
            for telegram_id, name in (
                (5001, "Olga"),
                (5002, "Ivan"),
                (5003, "Maria"),
                (5004, "Petr"),
                (5005, "Nina"),
            )
        ]
        session.add_all(users)
        await session.flush()
        owner, employee, viewing, blind, stranger = users
        organization = await create_organization(session, owner, clock, name="Кофейня")
        organization.tariff_code = tariff
        await create_organization(session, stranger, clock, name="Чужая")
        work_object = WorkObject(
            organization_id=organization.id, name="Точка на Мира", timezone="Europe/Moscow"
        )
        session.add(work_object)
        await session.flush()
        employee_membership = await _member(
            session, organization.id, employee, MembershipRole.EMPLOYEE
        )
        viewing_membership = await _member(
            session, organization.id, viewing, MembershipRole.MANAGER
        )
        blind_membership = await _member(session, organization.id, blind, MembershipRole.MANAGER)
        session.add_all(
            [
                MembershipObject(membership_id=employee_membership.id, object_id=work_object.id),
                MembershipObject(
                    membership_id=viewing_membership.id,
                    object_id=work_object.id,
                    permissions=["view"],
                ),
                MembershipObject(
                    membership_id=blind_membership.id,
                    object_id=work_object.id,
                    permissions=["plan"],
                ),
            ]
        )
        await session.commit()
        return MediaCast(organization.id, work_object.id, owner, employee, viewing, blind, stranger)


async def open_shift_for(
    session_factory: SessionFactory, cast: MediaCast, clock: Clock, *, report_chat_id: int | None
) -> int:
    """An open shift of the cast's employee at the cast's object (as clock-in leaves it)."""
    async with session_factory() as session:
        membership_id = await session.scalar(
            select(Membership.id).where(
                Membership.user_id == cast.employee.id,
                Membership.organization_id == cast.organization_id,
            )
        )
        work_object = await session.get(WorkObject, cast.object_id)
        assert membership_id is not None and work_object is not None
        work_object.report_chat_id = report_chat_id
        now = clock.now()
        shift = Shift(
            organization_id=cast.organization_id,
            user_id=cast.employee.id,
            membership_id=membership_id,
            object_id=cast.object_id,
            opened_at=now,
            paid_from=now,
            scheduled_end_at=now + timedelta(hours=8),
            hourly_rate=Decimal("300.00"),
            rate_source="object",
            status=ShiftStatus.OPEN,
        )
        session.add(shift)
        await session.commit()
        return shift.id


async def add_task_templates(
    session_factory: SessionFactory, object_id: int, *templates: TaskTemplate
) -> list[int]:
    async with session_factory() as session:
        for template in templates:
            template.object_id = object_id
        session.add_all(templates)
        await session.commit()
        return [template.id for template in templates]


async def document_flow(
    session: AsyncSession,
    clock: Clock,
    orchestrator: MediaOrchestrator,
    *,
    user_id: int,
    planned_shift_id: int,
    file_ids: list[str],
) -> str:
    """A cancellation document flow with these Telegram photos, as the schedule collects it."""
    flow = await begin_cancellation_document(
        session, clock, orchestrator, user_id=user_id, planned_shift_id=planned_shift_id
    )
    for file_id in file_ids:
        await orchestrator.add(
            flow.flow_id, IncomingMedia(file_id, f"u-{file_id}", MediaType.PHOTO, size=1000)
        )
    return flow.flow_id


async def seed_done_proof(
    session_factory: SessionFactory,
    cast: MediaCast,
    clock: Clock,
    files: list[tuple[str, str]],
    *,
    title: str = "Витрина",
) -> int:
    """A task of the employee's open shift done with a proof of these Telegram files
    (file_id, content type), as the proof flow leaves it. Returns the task id."""
    shift_id = await open_shift_for(session_factory, cast, clock, report_chat_id=None)
    flow_id = uuid.uuid4().hex
    async with session_factory() as session:
        task = ShiftTask(
            shift_id=shift_id,
            title=title,
            mandatory=True,
            proof_required=True,
            status=ShiftTaskStatus.DONE,
            done_at=clock.now(),
            proof_flow_id=flow_id,
            proof_comment="Всё протёрто",
        )
        session.add(task)
        await session.flush()
        session.add_all(
            Media(
                key=file_id,
                provider="telegram",
                organization_id=cast.organization_id,
                object_id=cast.object_id,
                context=MediaContext.TASK_PROOF,
                context_id=task.id,
                flow_id=flow_id,
                uploader_user_id=cast.employee.id,
                media_type=MediaType.PHOTO,
                content_type=content_type,
                telegram_file_id=file_id,
                position=position,
            )
            for position, (file_id, content_type) in enumerate(files)
        )
        await session.commit()
        return task.id


async def cancel_with_document(
    session: AsyncSession,
    clock: Clock,
    orchestrator: MediaOrchestrator,
    *,
    user_id: int,
    planned_shift_id: int,
    reason_id: int,
    file_ids: list[str],
) -> ShiftCancellation:
    """The employee cancels with a reason that needs a document, sending these photos."""
    return await cancel_planned_shift(
        session,
        clock,
        user_id=user_id,
        planned_shift_id=planned_shift_id,
        reason_id=reason_id,
        orchestrator=orchestrator,
        document_flow_id=await document_flow(
            session,
            clock,
            orchestrator,
            user_id=user_id,
            planned_shift_id=planned_shift_id,
            file_ids=file_ids,
        ),
    )
