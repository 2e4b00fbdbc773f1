"""Read models of employee documents: the owner's list, an employee's own documents, the
reviewer's queue and card, and the expired document that blocks booking."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.documents.kinds import owned_kind, retention_days_of
from services.documents.rules import ExpiryState, blocks_on, expiry_state
from services.documents.uploads import reviewed_document
from services.media.access import media_of_flow
from services.platform.clock import Clock
from services.platform.db.models import (
    DocumentKind,
    DocumentKindObject,
    EmployeeDocument,
    EmployeeDocumentStatus,
    Media,
    MediaContext,
    Membership,
    MembershipObject,
    User,
    WorkObject,
)
from services.platform.errors import NotFound, PermissionDenied
from services.staff.memberships import organization_today, staff_card
from services.staff.permissions import Actor, require_owner


@dataclass(frozen=True)
class KindRow:
    id: int
    title: str
    has_expiry: bool
    object_names: list[str]  # empty: every object


@dataclass(frozen=True)
class KindsView:
    kinds: list[KindRow]
    retention_days: int


async def kinds_view(session: AsyncSession, actor: Actor) -> KindsView:
    require_owner(actor)
    kinds = await session.scalars(
        select(DocumentKind)
        .where(DocumentKind.organization_id == actor.organization_id)
        .order_by(DocumentKind.id)
    )
    rows = []
    for kind in kinds:
        names = await session.scalars(
            select(WorkObject.name)
            .join(DocumentKindObject, DocumentKindObject.object_id == WorkObject.id)
            .where(DocumentKindObject.kind_id == kind.id)
            .order_by(WorkObject.name)
        )
        rows.append(KindRow(kind.id, kind.title, kind.has_expiry, list(names)))
    return KindsView(rows, await retention_days_of(session, actor.organization_id))


@dataclass(frozen=True)
class KindObject:
    id: int
    name: str
    chosen: bool


async def kind_objects(
    session: AsyncSession, actor: Actor, kind_id: int
) -> tuple[DocumentKind, list[KindObject]]:
    """The kind and the organization's objects, those requiring it marked."""
    kind = await owned_kind(session, actor, kind_id)
    chosen = set(
        await session.scalars(
            select(DocumentKindObject.object_id).where(DocumentKindObject.kind_id == kind.id)
        )
    )
    objects = await session.scalars(
        select(WorkObject)
        .where(WorkObject.organization_id == kind.organization_id, WorkObject.archived.is_(False))
        .order_by(WorkObject.name)
    )
    return kind, [KindObject(o.id, o.name, o.id in chosen) for o in objects]


def _required_at(object_ids: list[int]) -> ColumnElement[bool]:
    """Kinds required at any of the objects: those with no objects, or listing one."""
    listed = select(DocumentKindObject.kind_id).where(DocumentKindObject.kind_id == DocumentKind.id)
    return or_(
        ~listed.exists(),
        listed.where(DocumentKindObject.object_id.in_(object_ids)).exists(),
    )


async def _latest(
    session: AsyncSession, membership_id: int, kind_id: int, status: EmployeeDocumentStatus | None
) -> EmployeeDocument | None:
    query = select(EmployeeDocument).where(
        EmployeeDocument.membership_id == membership_id, EmployeeDocument.kind_id == kind_id
    )
    if status is not None:
        query = query.where(EmployeeDocument.status == status)
    return await session.scalar(query.order_by(EmployeeDocument.id.desc()).limit(1))


@dataclass(frozen=True)
class MyDocument:
    kind_id: int
    title: str
    has_expiry: bool
    # missing | pending | approved | rejected (of the latest upload)
    status: str
    expires_on: date | None  # of the approved copy
    state: ExpiryState
    reject_reason: str | None


async def my_documents(session: AsyncSession, clock: Clock, actor: Actor) -> list[MyDocument]:
    """The documents the employee's objects require, each with its latest upload."""
    object_ids = list(
        await session.scalars(
            select(MembershipObject.object_id).where(
                MembershipObject.membership_id == actor.membership_id
            )
        )
    )
    kinds = await session.scalars(
        select(DocumentKind)
        .where(DocumentKind.organization_id == actor.organization_id, _required_at(object_ids))
        .order_by(DocumentKind.id)
    )
    today = await organization_today(session, clock, actor.organization_id)
    rows = []
    for kind in kinds:
        latest = await _latest(session, actor.membership_id, kind.id, None)
        approved = await _latest(
            session, actor.membership_id, kind.id, EmployeeDocumentStatus.APPROVED
        )
        expires_on = approved.expires_on if approved is not None else None
        rows.append(
            MyDocument(
                kind_id=kind.id,
                title=kind.title,
                has_expiry=kind.has_expiry,
                status=latest.status if latest is not None else "missing",
                expires_on=expires_on,
                state=expiry_state(expires_on, today),
                reject_reason=latest.reject_reason if latest is not None else None,
            )
        )
    return rows


@dataclass(frozen=True)
class DocumentRow:
    id: int
    title: str
    employee: str
    status: EmployeeDocumentStatus


async def documents_to_check(
    session: AsyncSession, actor: Actor, clock: Clock, membership_id: int | None = None
) -> list[DocumentRow]:
    """Pending uploads of the employees the actor manages, oldest first; or, for one
    employee (`membership_id`, from their staff card), all their uploads, newest first."""
    query = (
        select(EmployeeDocument, DocumentKind.title, User)
        .join(DocumentKind, DocumentKind.id == EmployeeDocument.kind_id)
        .join(Membership, Membership.id == EmployeeDocument.membership_id)
        .join(User, User.id == Membership.user_id)
        .where(EmployeeDocument.organization_id == actor.organization_id)
    )
    if membership_id is None:
        query = query.where(EmployeeDocument.status == EmployeeDocumentStatus.PENDING).order_by(
            EmployeeDocument.id
        )
    else:
        await staff_card(session, actor, clock, membership_id)
        query = query.where(EmployeeDocument.membership_id == membership_id).order_by(
            EmployeeDocument.id.desc()
        )
    managed: dict[int, bool] = {}
    result = []
    for document, title, person in await session.execute(query):
        if document.membership_id not in managed:
            try:
                await staff_card(session, actor, clock, document.membership_id)
                managed[document.membership_id] = True
            except (NotFound, PermissionDenied):
                managed[document.membership_id] = False
        if managed[document.membership_id]:
            result.append(
                DocumentRow(
                    document.id,
                    title,
                    person.display_name,
                    EmployeeDocumentStatus(document.status),
                )
            )
    return result


@dataclass(frozen=True)
class DocumentCard:
    id: int
    title: str
    employee: str
    expires_on: date | None
    status: EmployeeDocumentStatus
    reject_reason: str | None
    files: list[Media]


async def document_card(
    session: AsyncSession, actor: Actor, clock: Clock, document_id: int
) -> DocumentCard:
    document = await reviewed_document(session, actor, clock, document_id)
    kind = await session.get(DocumentKind, document.kind_id)
    membership = await session.get(Membership, document.membership_id)
    assert kind is not None and membership is not None
    person = await session.get(User, membership.user_id)
    assert person is not None
    return DocumentCard(
        id=document.id,
        title=kind.title,
        employee=person.display_name,
        expires_on=document.expires_on,
        status=EmployeeDocumentStatus(document.status),
        reject_reason=document.reject_reason,
        files=await media_of_flow(
            session, MediaContext.EMPLOYEE_DOCUMENT, document.membership_id, document.flow_id
        ),
    )


async def expired_document(
    session: AsyncSession, membership: Membership, object_id: int, on_date: date
) -> tuple[str, date] | None:
    """The title and expiry date of a document the object requires whose approved copy
    no longer covers `on_date`; None when nothing blocks. A document never uploaded or
    still pending does not block (it is a warning in the employee's list)."""
    kinds = await session.scalars(
        select(DocumentKind)
        .where(
            DocumentKind.organization_id == membership.organization_id,
            DocumentKind.has_expiry.is_(True),
            _required_at([object_id]),
        )
        .order_by(DocumentKind.id)
    )
    for kind in kinds:
        approved = await _latest(session, membership.id, kind.id, EmployeeDocumentStatus.APPROVED)
        if approved is not None and blocks_on(approved.expires_on, on_date):
            assert approved.expires_on is not None
            return kind.title, approved.expires_on
    return None
