"""Cancelling a planned shift: the employee's own cancellation with a reason (and document
photos where the reason needs them), its fine terms, the planner's approval decision, and
the organization's list of reasons. The fine itself is charged by payroll
(`services.payroll.ledger.record_cancellation_fine`)."""

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.media.access import media_of_flow
from services.media_orchestrator import MediaFlow, MediaLimits, MediaOrchestrator
from services.notify.outbox import (
    CANCELLATION_APPROVED,
    CANCELLATION_NEEDS_APPROVAL,
    CANCELLATION_REFUSED,
    SHIFT_CANCELLED,
    notify,
)
from services.orgs.organizations import clean_name
from services.payroll.ledger import record_cancellation_fine
from services.planning.bookings import planned_shift_locked
from services.planning.errors import CancellationNotPending, DocumentRequired, SlotInPast
from services.planning.planners import planner_user_ids, require_planner_on, work_object_of
from services.planning.rules import FineTerms, clean_comment, fine_terms
from services.planning.settings import planning_settings
from services.planning.slots import live_slot, slot_payload
from services.platform.clock import Clock
from services.platform.db.models import (
    CancellationApproval,
    CancellationInitiator,
    CancellationReason,
    Media,
    MediaContext,
    MediaType,
    Organization,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    ShiftCancellation,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.errors import NotFound
from services.staff.permissions import actor_in, objects_with_permission, require_owner

MAX_DOCUMENT_PHOTOS = 5


@dataclass(frozen=True)
class PendingApproval:
    cancellation_id: int
    employee_name: str
    object_name: str
    local_date: date
    start_time: time
    end_time: time
    reason_title: str
    comment: str
    documents: list[Media]
    fine_amount: Decimal | None


async def begin_cancellation_document(
    session: AsyncSession,
    clock: Clock,
    orchestrator: MediaOrchestrator,
    *,
    user_id: int,
    planned_shift_id: int,
) -> MediaFlow:
    """Start collecting the document photos (up to `MAX_DOCUMENT_PHOTOS`) for cancelling
    the employee's own planned shift; the flow belongs to that planned shift."""
    planned_shift = await session.get(PlannedShift, planned_shift_id)
    if (
        planned_shift is None
        or planned_shift.user_id != user_id
        or planned_shift.status != PlannedShiftStatus.PLANNED
    ):
        raise NotFound()
    if planned_shift.starts_at <= clock.now():
        raise SlotInPast()
    work_object = await work_object_of(session, planned_shift.object_id)
    return await orchestrator.begin(
        context=MediaContext.CANCELLATION_DOCUMENT,
        context_id=planned_shift.id,
        organization_id=work_object.organization_id,
        object_id=work_object.id,
        user_id=user_id,
        limits=MediaLimits(
            max_items=MAX_DOCUMENT_PHOTOS, allowed_types=frozenset({MediaType.PHOTO})
        ),
    )


async def _store_document(
    session: AsyncSession,
    orchestrator: MediaOrchestrator | None,
    flow_id: str | None,
    planned_shift: PlannedShift,
    user_id: int,
) -> str:
    """Store the employee's document flow for this planned shift (at least one photo)
    by the organization's storage mode; its id goes on the cancellation."""
    if orchestrator is None or flow_id is None:
        raise DocumentRequired()
    flow = await orchestrator.get_for(
        flow_id,
        context=MediaContext.CANCELLATION_DOCUMENT,
        context_id=planned_shift.id,
        user_id=user_id,
    )
    if not flow.items:
        raise DocumentRequired()
    await orchestrator.finish(session, flow_id)
    return flow_id


async def cancel_planned_shift(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    planned_shift_id: int,
    reason_id: int,
    orchestrator: MediaOrchestrator | None = None,
    document_flow_id: str | None = None,
    comment: str = "",
) -> ShiftCancellation:
    """The employee cancels their own planned shift before it starts, giving one of the
    organization's reasons. Less than `short_notice_hours` before the start records the
    organization's cancellation fine. A reason that needs a document needs at least one
    photo (collected by `begin_cancellation_document`, stored by the organization's
    storage mode for cancellation documents) and waits for a planner's approval
    (approval waives the fine)."""
    planned_shift = await planned_shift_locked(session, planned_shift_id)
    if planned_shift.user_id != user_id:
        raise NotFound()
    now = clock.now()
    if planned_shift.starts_at <= now:
        raise SlotInPast()
    work_object = await work_object_of(session, planned_shift.object_id)
    organization = await session.get(Organization, work_object.organization_id)
    assert organization is not None
    reason = await session.get(CancellationReason, reason_id)
    if reason is None or reason.organization_id != organization.id or reason.archived:
        raise NotFound()
    if reason.needs_document:
        document_flow_id = await _store_document(
            session, orchestrator, document_flow_id, planned_shift, user_id
        )
    terms = await _fine_terms(session, organization, planned_shift, now)
    planned_shift.status = PlannedShiftStatus.CANCELLED
    planned_shift.cancelled_at = now
    cancellation = ShiftCancellation(
        planned_shift_id=planned_shift.id,
        organization_id=organization.id,
        initiator=CancellationInitiator.EMPLOYEE,
        cancelled_by_user_id=user_id,
        reason_id=reason.id,
        comment=clean_comment(comment),
        short_notice=terms.short_notice,
        fine_amount=terms.fine,
        document_flow_id=document_flow_id if reason.needs_document else None,
        approval_status=(
            CancellationApproval.PENDING
            if reason.needs_document
            else CancellationApproval.NOT_NEEDED
        ),
    )
    session.add(cancellation)
    await session.flush()
    slot = await live_slot(session, planned_shift.slot_id)
    employee = await session.get(User, user_id)
    kind = CANCELLATION_NEEDS_APPROVAL.name if reason.needs_document else SHIFT_CANCELLED.name
    for planner_id in await planner_user_ids(session, work_object):
        await notify(
            session,
            kind=kind,
            dedup_key=f"{kind}:{cancellation.id}:{planner_id}",
            not_before=now,
            recipient_user_id=planner_id,
            organization_id=organization.id,
            payload=slot_payload(
                work_object,
                slot,
                employee_name=employee.display_name if employee else "",
                reason=reason.title,
            ),
        )
    await record_cancellation_fine(session, cancellation)
    return cancellation


async def _fine_terms(
    session: AsyncSession, organization: Organization, planned_shift: PlannedShift, now: datetime
) -> FineTerms:
    return fine_terms(
        planned_shift.starts_at,
        now,
        short_notice_hours=organization.short_notice_hours,
        cancellation_fine=(await planning_settings(session, organization.id)).cancellation_fine,
    )


async def cancellation_terms(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int
) -> FineTerms:
    """The fine the employee would get for cancelling their planned shift now."""
    planned_shift = await session.get(PlannedShift, planned_shift_id)
    if planned_shift is None or planned_shift.user_id != user_id:
        raise NotFound()
    work_object = await work_object_of(session, planned_shift.object_id)
    organization = await session.get(Organization, work_object.organization_id)
    assert organization is not None
    return await _fine_terms(session, organization, planned_shift, clock.now())


async def decide_cancellation(
    session: AsyncSession, clock: Clock, *, user_id: int, cancellation_id: int, approve: bool
) -> ShiftCancellation:
    """A planner approves (the fine is waived) or refuses (the fine stands) a cancellation
    document, once; the employee is told."""
    cancellation = await session.get(
        ShiftCancellation, cancellation_id, with_for_update=True, populate_existing=True
    )
    if cancellation is None:
        raise NotFound()
    planned_shift = await session.get(PlannedShift, cancellation.planned_shift_id)
    assert planned_shift is not None
    _, work_object = await require_planner_on(session, user_id, planned_shift.object_id)
    if cancellation.approval_status != CancellationApproval.PENDING:
        raise CancellationNotPending()
    now = clock.now()
    cancellation.approval_status = (
        CancellationApproval.APPROVED if approve else CancellationApproval.REFUSED
    )
    cancellation.decided_by_user_id = user_id
    cancellation.decided_at = now
    slot = await live_slot(session, planned_shift.slot_id)
    kind = CANCELLATION_APPROVED.name if approve else CANCELLATION_REFUSED.name
    await notify(
        session,
        kind=kind,
        dedup_key=f"{kind}:{cancellation.id}",
        not_before=now,
        recipient_user_id=planned_shift.user_id,
        organization_id=work_object.organization_id,
        payload=slot_payload(
            work_object,
            slot,
            fine=str(cancellation.fine_amount) if cancellation.fine_amount and not approve else "",
        ),
    )
    await session.flush()
    await record_cancellation_fine(session, cancellation)
    return cancellation


async def pending_approvals(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[PendingApproval]:
    """Cancellations waiting for a decision on objects the user plans."""
    actor = await actor_in(session, user_id, organization_id)
    object_ids = [o.id for o in await objects_with_permission(session, actor, Permission.PLAN)]
    if not object_ids:
        return []
    rows = await session.execute(
        select(ShiftCancellation, PlannedShift, TimeSlot, WorkObject, User, CancellationReason)
        .join(PlannedShift, PlannedShift.id == ShiftCancellation.planned_shift_id)
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .join(User, User.id == PlannedShift.user_id)
        .outerjoin(CancellationReason, CancellationReason.id == ShiftCancellation.reason_id)
        .where(
            ShiftCancellation.approval_status == CancellationApproval.PENDING,
            PlannedShift.object_id.in_(object_ids),
        )
        .order_by(ShiftCancellation.created_at, ShiftCancellation.id)
    )
    return [
        PendingApproval(
            cancellation_id=cancellation.id,
            employee_name=user.display_name,
            object_name=work_object.name,
            local_date=slot.local_date,
            start_time=slot.start_time,
            end_time=slot.end_time,
            reason_title=reason.title if reason else "",
            comment=cancellation.comment,
            documents=await _documents_of(session, cancellation),
            fine_amount=cancellation.fine_amount,
        )
        for cancellation, _, slot, work_object, user, reason in rows
    ]


async def _documents_of(session: AsyncSession, cancellation: ShiftCancellation) -> list[Media]:
    if cancellation.document_flow_id is None:
        return []
    return await media_of_flow(
        session,
        MediaContext.CANCELLATION_DOCUMENT,
        cancellation.planned_shift_id,
        cancellation.document_flow_id,
    )


async def cancellation_reasons(
    session: AsyncSession, organization_id: int
) -> list[CancellationReason]:
    return list(
        await session.scalars(
            select(CancellationReason)
            .where(
                CancellationReason.organization_id == organization_id,
                CancellationReason.archived.is_(False),
            )
            .order_by(CancellationReason.title, CancellationReason.id)
        )
    )


async def add_cancellation_reason(
    session: AsyncSession,
    *,
    user_id: int,
    organization_id: int,
    title: str,
    needs_document: bool,
) -> CancellationReason:
    """The owner adds a reason to the organization's list."""
    require_owner(await actor_in(session, user_id, organization_id))
    reason = CancellationReason(
        organization_id=organization_id,
        title=clean_name(title, field="title"),
        needs_document=needs_document,
    )
    session.add(reason)
    await session.flush()
    return reason


async def archive_cancellation_reason(
    session: AsyncSession, *, user_id: int, reason_id: int
) -> None:
    """The owner removes a reason from the list (past cancellations keep it)."""
    reason = await session.get(CancellationReason, reason_id)
    if reason is None:
        raise NotFound()
    require_owner(await actor_in(session, user_id, reason.organization_id))
    reason.archived = True
