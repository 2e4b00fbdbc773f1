"""Read models of incidents and requests: the lists and the cards (with their history)
as the chat shows them. Who sees a case: its employee, the owners, and the managers
who may see the employee's money; anyone else (another organization included) gets
"not found"."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.access import money_membership_scope
from services.platform.db.models import (
    CaseEvent,
    EmployeeRequest,
    Incident,
    IncidentKind,
    IncidentStatus,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Permission,
    RequestKind,
    RequestStatus,
    WorkObject,
)
from services.platform.db.models.users import User
from services.platform.errors import NotFound, PermissionDenied
from services.staff.permissions import Actor, objects_with_permission, require_object_permission

LIST_LIMIT = 30


@dataclass(frozen=True)
class KindTitle:
    """A default kind has a `code` (titled by the reader's locale), an own kind a title."""

    code: str | None
    title: str


@dataclass(frozen=True)
class CaseStep:
    at: datetime
    actor_name: str  # empty: the scheduler
    action: str
    comment: str


@dataclass(frozen=True)
class IncidentCard:
    id: int
    employee_user_id: int
    employee_name: str
    object_name: str
    kind: KindTitle
    description: str
    amount: Decimal
    status: IncidentStatus
    answer_by: datetime
    created_at: datetime
    timezone: str
    dispute_comment: str
    decision_comment: str
    photo_file_ids: list[str]
    dispute_photo_file_ids: list[str]
    history: list[CaseStep]
    can_answer: bool  # the employee, while the window is open
    can_uphold: bool  # a decider, while disputed
    can_cancel: bool  # a decider, unless cancelled already


@dataclass(frozen=True)
class RequestCard:
    id: int
    employee_user_id: int
    employee_name: str
    kind: RequestKind
    items: list[dict[str, str]]
    amount: Decimal
    comment: str
    receipt_file_id: str | None
    status: RequestStatus
    decision_comment: str
    created_at: datetime
    timezone: str
    history: list[CaseStep]
    can_decide: bool


async def _names(session: AsyncSession, user_ids: Sequence[int | None]) -> dict[int, str]:
    wanted = {u for u in user_ids if u is not None}
    if not wanted:
        return {}
    users = await session.scalars(select(User).where(User.id.in_(wanted)))
    return {user.id: user.display_name for user in users}


async def _visible_membership_ids(
    session: AsyncSession, actor: Actor, permission: Permission
) -> set[int] | None:
    """None: every member's (owners); else the memberships whose money the actor may
    see or edit (managers); an employee sees only their own cases."""
    if actor.role == MembershipRole.EMPLOYEE:
        return {actor.membership_id}
    try:
        scope = await money_membership_scope(session, actor, permission)
    except PermissionDenied:
        return {actor.membership_id}
    return None if scope is None else set(await session.scalars(scope))


async def _may(
    session: AsyncSession, actor: Actor, membership_id: int, permission: Permission
) -> bool:
    visible = await _visible_membership_ids(session, actor, permission)
    if actor.role == MembershipRole.EMPLOYEE and permission == Permission.EDIT_MONEY:
        return False
    return visible is None or membership_id in visible


async def _history(
    session: AsyncSession, *, incident_id: int | None = None, request_id: int | None = None
) -> list[CaseStep]:
    query = select(CaseEvent).order_by(CaseEvent.id)
    if incident_id is not None:
        query = query.where(CaseEvent.incident_id == incident_id)
    else:
        query = query.where(CaseEvent.request_id == request_id)
    events = list(await session.scalars(query))
    names = await _names(session, [e.actor_user_id for e in events])
    return [
        CaseStep(e.created_at, names.get(e.actor_user_id or 0, ""), e.action, e.comment)
        for e in events
    ]


async def _timezone_of(session: AsyncSession, object_id: int | None) -> tuple[str, str]:
    work_object = await session.get(WorkObject, object_id) if object_id else None
    if work_object is None:
        return "", "UTC"
    return work_object.name, work_object.timezone


async def incident_card(
    session: AsyncSession, actor: Actor, incident_id: int, now: datetime
) -> IncidentCard:
    incident = await session.scalar(
        select(Incident)
        .where(Incident.id == incident_id, Incident.organization_id == actor.organization_id)
        .execution_options(populate_existing=True)
    )
    is_own = incident is not None and incident.user_id == actor.user_id
    if incident is None or not (
        is_own or await _may(session, actor, incident.membership_id, Permission.VIEW_MONEY)
    ):
        raise NotFound(what="incident")
    decider = not is_own and await _may(
        session, actor, incident.membership_id, Permission.EDIT_MONEY
    )
    kind = await session.get(IncidentKind, incident.kind_id)
    assert kind is not None
    object_name, timezone = await _timezone_of(session, incident.object_id)
    names = await _names(session, [incident.user_id])
    return IncidentCard(
        id=incident.id,
        employee_user_id=incident.user_id,
        employee_name=names.get(incident.user_id, ""),
        object_name=object_name,
        kind=KindTitle(kind.code, kind.title),
        description=incident.description,
        amount=incident.amount,
        status=IncidentStatus(incident.status),
        answer_by=incident.answer_by,
        created_at=incident.created_at,
        timezone=timezone,
        dispute_comment=incident.dispute_comment,
        decision_comment=incident.decision_comment,
        photo_file_ids=list(incident.photo_file_ids),
        dispute_photo_file_ids=list(incident.dispute_photo_file_ids),
        history=await _history(session, incident_id=incident.id),
        can_answer=is_own
        and incident.status == IncidentStatus.AWAITING
        and now < incident.answer_by,
        can_uphold=decider and incident.status == IncidentStatus.DISPUTED,
        can_cancel=decider and incident.status != IncidentStatus.CANCELLED,
    )


@dataclass(frozen=True)
class CaseRow:
    id: int
    employee_name: str
    amount: Decimal
    status: str
    created_at: datetime


async def incident_rows(session: AsyncSession, actor: Actor) -> list[CaseRow]:
    """The latest incidents the actor may see, newest first; open ones (awaiting an
    answer or disputed) before the rest."""
    query = select(Incident).where(Incident.organization_id == actor.organization_id)
    visible = await _visible_membership_ids(session, actor, Permission.VIEW_MONEY)
    if visible is not None:
        query = query.where(Incident.membership_id.in_(visible))
    incidents = list(await session.scalars(query.order_by(Incident.id.desc()).limit(LIST_LIMIT)))
    names = await _names(session, [i.user_id for i in incidents])
    open_first = sorted(
        incidents,
        key=lambda i: i.status not in (IncidentStatus.AWAITING, IncidentStatus.DISPUTED),
    )
    return [
        CaseRow(i.id, names.get(i.user_id, ""), i.amount, i.status, i.created_at)
        for i in open_first
    ]


async def request_rows(session: AsyncSession, actor: Actor) -> list[CaseRow]:
    """The latest requests the actor may see, the undecided ones first."""
    query = select(EmployeeRequest).where(EmployeeRequest.organization_id == actor.organization_id)
    visible = await _visible_membership_ids(session, actor, Permission.VIEW_MONEY)
    if visible is not None:
        query = query.where(EmployeeRequest.membership_id.in_(visible))
    requests = list(
        await session.scalars(query.order_by(EmployeeRequest.id.desc()).limit(LIST_LIMIT))
    )
    names = await _names(session, [r.user_id for r in requests])
    undecided_first = sorted(requests, key=lambda r: r.status != RequestStatus.REQUESTED)
    return [
        CaseRow(r.id, names.get(r.user_id, ""), r.amount, r.status, r.created_at)
        for r in undecided_first
    ]


async def request_card(session: AsyncSession, actor: Actor, request_id: int) -> RequestCard:
    request = await session.scalar(
        select(EmployeeRequest)
        .where(
            EmployeeRequest.id == request_id,
            EmployeeRequest.organization_id == actor.organization_id,
        )
        .execution_options(populate_existing=True)
    )
    is_own = request is not None and request.user_id == actor.user_id
    if request is None or not (
        is_own or await _may(session, actor, request.membership_id, Permission.VIEW_MONEY)
    ):
        raise NotFound(what="request")
    decider = not is_own and await _may(
        session, actor, request.membership_id, Permission.EDIT_MONEY
    )
    _, timezone = await _timezone_of(session, request.object_id)
    names = await _names(session, [request.user_id])
    return RequestCard(
        id=request.id,
        employee_user_id=request.user_id,
        employee_name=names.get(request.user_id, ""),
        kind=RequestKind(request.kind),
        items=list(request.items),
        amount=request.amount,
        comment=request.comment,
        receipt_file_id=request.receipt_file_id,
        status=RequestStatus(request.status),
        decision_comment=request.decision_comment,
        created_at=request.created_at,
        timezone=timezone,
        history=await _history(session, request_id=request.id),
        can_decide=decider and request.status == RequestStatus.REQUESTED,
    )


async def objects_for_incidents(session: AsyncSession, actor: Actor) -> list[WorkObject]:
    """Objects where the actor may record incidents (`edit_money`)."""
    return await objects_with_permission(session, actor, Permission.EDIT_MONEY)


async def employees_on_object(
    session: AsyncSession, actor: Actor, object_id: int
) -> list[tuple[int, str]]:
    """(user id, name) of the object's active employees, for an actor with `edit_money`
    there."""
    await require_object_permission(session, actor, object_id, Permission.EDIT_MONEY)
    rows = await session.execute(
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .join(MembershipObject, MembershipObject.membership_id == Membership.id)
        .where(
            Membership.organization_id == actor.organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role == MembershipRole.EMPLOYEE,
            MembershipObject.object_id == object_id,
        )
        .order_by(User.first_name, User.id)
    )
    return [(user.id, user.display_name) for user in rows.scalars()]
