"""Employees upload their required documents in chat; whoever manages them approves or
rejects with a reason, and the employee hears the answer either way."""

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.documents.errors import DocumentFileType, DocumentNotPending, ExpiryDateRequired
from services.documents.rules import MAX_FILES, MAX_REASON_LENGTH
from services.media_orchestrator import (
    AddResult,
    IncomingMedia,
    MediaFlow,
    MediaLimits,
    MediaOrchestrator,
)
from services.notify.outbox import DOCUMENT_REVIEWED, DOCUMENT_TO_CHECK, notify
from services.platform.clock import Clock
from services.platform.db.models import (
    DocumentKind,
    EmployeeDocument,
    EmployeeDocumentStatus,
    MediaContext,
    MediaType,
    Membership,
    MembershipObject,
    Permission,
    User,
    WorkObject,
)
from services.platform.errors import InvalidInput, NotFound
from services.staff.memberships import organization_today, staff_card
from services.staff.permissions import Actor, permission_holder_ids

PDF = "application/pdf"
DOCUMENT_LIMITS = MediaLimits(
    max_items=MAX_FILES, allowed_types=frozenset({MediaType.PHOTO, MediaType.DOCUMENT})
)


async def _kind_in(session: AsyncSession, organization_id: int, kind_id: int) -> DocumentKind:
    kind = await session.get(DocumentKind, kind_id)
    if kind is None or kind.organization_id != organization_id:
        raise NotFound(what="document kind")
    return kind


async def begin_upload(
    session: AsyncSession, orchestrator: MediaOrchestrator, actor: Actor, kind_id: int
) -> tuple[MediaFlow, DocumentKind]:
    """Start collecting the photos or PDFs of one required document; the files belong to
    the employee's membership."""
    kind = await _kind_in(session, actor.organization_id, kind_id)
    flow = await orchestrator.begin(
        context=MediaContext.EMPLOYEE_DOCUMENT,
        context_id=actor.membership_id,
        organization_id=actor.organization_id,
        user_id=actor.user_id,
        limits=DOCUMENT_LIMITS,
    )
    return flow, kind


async def add_file(orchestrator: MediaOrchestrator, flow_id: str, item: IncomingMedia) -> AddResult:
    """A photo, or a file that is a PDF; any other file is refused."""
    if item.media_type == MediaType.DOCUMENT and item.resolved_content_type != PDF:
        raise DocumentFileType()
    return await orchestrator.add(flow_id, item)


async def manager_ids(session: AsyncSession, membership: Membership) -> list[int]:
    """Owners, and managers holding `manage_staff` at one of the employee's objects."""
    objects = await session.scalars(
        select(WorkObject)
        .join(MembershipObject, MembershipObject.object_id == WorkObject.id)
        .where(MembershipObject.membership_id == membership.id)
    )
    holders: set[int] = set()
    for work_object in objects:
        holders.update(await permission_holder_ids(session, work_object, Permission.MANAGE_STAFF))
    return sorted(holders)


async def submit_document(
    session: AsyncSession,
    clock: Clock,
    orchestrator: MediaOrchestrator,
    actor: Actor,
    *,
    kind_id: int,
    flow_id: str,
    expires_on: date | None,
) -> EmployeeDocument:
    """Store the flow's files by the owner's storage mode for employee documents and
    send the document for review. A kind with an expiry needs a date not in the past."""
    kind = await _kind_in(session, actor.organization_id, kind_id)
    if kind.has_expiry and expires_on is None:
        raise ExpiryDateRequired()
    today = await organization_today(session, clock, actor.organization_id)
    if expires_on is not None and expires_on < today:
        raise InvalidInput(field="date", reason="document-date-past")
    await orchestrator.get_for(
        flow_id,
        context=MediaContext.EMPLOYEE_DOCUMENT,
        context_id=actor.membership_id,
        user_id=actor.user_id,
    )
    await orchestrator.finish(session, flow_id)
    document = EmployeeDocument(
        organization_id=actor.organization_id,
        kind_id=kind.id,
        membership_id=actor.membership_id,
        flow_id=flow_id,
        expires_on=expires_on if kind.has_expiry else None,
    )
    session.add(document)
    await session.flush()
    membership = await session.get(Membership, actor.membership_id)
    employee = await session.get(User, actor.user_id)
    assert membership is not None and employee is not None
    for user_id in await manager_ids(session, membership):
        await notify(
            session,
            kind=DOCUMENT_TO_CHECK.name,
            dedup_key=f"document-to-check:{document.id}:{user_id}",
            not_before=clock.now(),
            recipient_user_id=user_id,
            organization_id=actor.organization_id,
            payload={"title": kind.title, "employee": employee.display_name},
        )
    return document


async def reviewed_document(
    session: AsyncSession, actor: Actor, clock: Clock, document_id: int, *, lock: bool = False
) -> EmployeeDocument:
    """A document of the organization's employee the actor manages (`manage_staff`);
    anything else is not found."""
    query = select(EmployeeDocument).where(EmployeeDocument.id == document_id)
    document = await session.scalar(query.with_for_update() if lock else query)
    if document is None or document.organization_id != actor.organization_id:
        raise NotFound(what="document")
    await staff_card(session, actor, clock, document.membership_id)
    return document


async def _decide(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    document_id: int,
    status: EmployeeDocumentStatus,
    reason: str | None,
) -> EmployeeDocument:
    document = await reviewed_document(session, actor, clock, document_id, lock=True)
    if document.status != EmployeeDocumentStatus.PENDING:
        raise DocumentNotPending()
    if status == EmployeeDocumentStatus.APPROVED:
        await session.execute(
            update(EmployeeDocument)
            .where(
                EmployeeDocument.membership_id == document.membership_id,
                EmployeeDocument.kind_id == document.kind_id,
                EmployeeDocument.status == EmployeeDocumentStatus.APPROVED,
            )
            .values(status=EmployeeDocumentStatus.REPLACED)
        )
    document.status = status
    document.reject_reason = reason
    document.reviewed_by_user_id = actor.user_id
    document.reviewed_at = clock.now()
    kind = await session.get(DocumentKind, document.kind_id)
    membership = await session.get(Membership, document.membership_id)
    assert kind is not None and membership is not None
    await notify(
        session,
        kind=DOCUMENT_REVIEWED.name,
        dedup_key=f"document-reviewed:{document.id}",
        not_before=clock.now(),
        recipient_user_id=membership.user_id,
        organization_id=document.organization_id,
        payload={"title": kind.title, "status": status.value, "reason": reason or ""},
    )
    await session.flush()
    return document


async def approve_document(
    session: AsyncSession, actor: Actor, clock: Clock, document_id: int
) -> EmployeeDocument:
    """The document is accepted; it takes over from the employee's earlier one."""
    return await _decide(session, actor, clock, document_id, EmployeeDocumentStatus.APPROVED, None)


async def reject_document(
    session: AsyncSession, actor: Actor, clock: Clock, document_id: int, reason: str | None
) -> EmployeeDocument:
    """The document is refused with a reason the employee reads."""
    text = " ".join((reason or "").split())
    if not text:
        raise InvalidInput(field="reason", reason="empty")
    if len(text) > MAX_REASON_LENGTH:
        raise InvalidInput(field="reason", reason="too-long", limit=MAX_REASON_LENGTH)
    return await _decide(session, actor, clock, document_id, EmployeeDocumentStatus.REJECTED, text)
