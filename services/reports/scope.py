"""What a report covers and who sees what: the scope picked (organization, one object or
one employee), the objects and employees an actor may pick, and the `ReportFilter` a
scope resolves to under the actor's permissions.

Owners see everything. A manager sees the objects on which they hold `view`, and money
(labour cost, fines, bonuses) only when they hold `view_money` on every object of the
report. Employees see only their own statistics."""

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    Organization,
    Permission,
    User,
    WorkObject,
)
from services.platform.errors import NotFound, PermissionDenied
from services.staff.memberships import organization_of
from services.staff.permissions import Actor, require_object_permission


class ScopeKind(StrEnum):
    ORGANIZATION = "organization"
    OBJECT = "object"
    EMPLOYEE = "employee"


@dataclass(frozen=True)
class ReportScope:
    kind: ScopeKind = ScopeKind.ORGANIZATION
    object_id: int | None = None
    employee_user_id: int | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.object_id or self.employee_user_id or ''}"


@dataclass(frozen=True)
class ReportFilter:
    """What one report covers: its objects (`all_objects`: every object of the
    organization, so no object filter is needed), maybe one employee, whether money is
    shown, and the title of what it covers."""

    organization: Organization
    objects: dict[int, WorkObject]
    all_objects: bool
    employee_user_id: int | None
    show_money: bool
    title: str

    @property
    def timezones(self) -> set[str]:
        return {work_object.timezone for work_object in self.objects.values()}


@dataclass(frozen=True)
class _Visibility:
    objects: dict[int, WorkObject]
    money_object_ids: frozenset[int]
    everything: bool  # the owner: no object filter needed


async def _visibility(session: AsyncSession, actor: Actor) -> _Visibility:
    """Objects the actor may report on (`view`) and those whose money they see, in one
    statement."""
    if actor.is_owner:
        objects = await session.scalars(
            select(WorkObject).where(WorkObject.organization_id == actor.organization_id)
        )
        everything = {o.id: o for o in objects}
        return _Visibility(everything, frozenset(everything), True)
    if actor.role != MembershipRole.MANAGER:
        raise PermissionDenied()
    rows = await session.execute(
        select(WorkObject, MembershipObject.permissions)
        .join(MembershipObject, MembershipObject.object_id == WorkObject.id)
        .where(
            MembershipObject.membership_id == actor.membership_id,
            WorkObject.organization_id == actor.organization_id,
        )
    )
    visible: dict[int, WorkObject] = {}
    money_ids: set[int] = set()
    for work_object, permissions in rows:
        granted = set(permissions or ())
        if Permission.VIEW.value in granted:
            visible[work_object.id] = work_object
            if Permission.VIEW_MONEY.value in granted:
                money_ids.add(work_object.id)
    if not visible:
        raise PermissionDenied()
    return _Visibility(visible, frozenset(money_ids), False)


async def reportable_objects(session: AsyncSession, actor: Actor) -> list[WorkObject]:
    """The objects the actor may pick as a report's scope, by name."""
    visibility = await _visibility(session, actor)
    return sorted(visibility.objects.values(), key=lambda o: (o.archived, o.name, o.id))


async def reportable_employees(session: AsyncSession, actor: Actor) -> list[User]:
    """Employees (active or not) attached to the objects the actor may report on."""
    visibility = await _visibility(session, actor)
    query = (
        select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(
            Membership.organization_id == actor.organization_id,
            Membership.role == MembershipRole.EMPLOYEE,
        )
        .order_by(User.first_name, User.id)
    )
    if not visibility.everything:
        query = query.where(
            Membership.id.in_(
                select(MembershipObject.membership_id).where(
                    MembershipObject.object_id.in_(visibility.objects)
                )
            )
        )
    return list(await session.scalars(query))


async def filter_of_scope(session: AsyncSession, actor: Actor, scope: ReportScope) -> ReportFilter:
    """The owner's or a manager's view of `scope`: objects without `view` are left out (an
    object scope on such an object is refused), money is shown only with `view_money` on
    every object covered."""
    organization = await organization_of(session, actor.organization_id)
    visibility = await _visibility(session, actor)
    objects = visibility.objects
    all_objects = visibility.everything
    employee_user_id = None
    title = organization.name
    if scope.kind == ScopeKind.OBJECT:
        if scope.object_id not in visibility.objects:
            await require_object_permission(session, actor, scope.object_id or 0, Permission.VIEW)
            raise PermissionDenied()
        objects = {scope.object_id: visibility.objects[scope.object_id]}
        all_objects = False
        title = objects[scope.object_id].name
    elif scope.kind == ScopeKind.EMPLOYEE:
        employee = await session.scalar(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.organization_id == organization.id,
                User.id == (scope.employee_user_id or 0),
            )
        )
        if employee is None:
            raise NotFound(what="employee")
        employee_user_id = employee.id
        title = employee.display_name
    show_money = set(objects) <= visibility.money_object_ids
    return ReportFilter(organization, objects, all_objects, employee_user_id, show_money, title)


async def filter_of_own_statistics(session: AsyncSession, actor: Actor) -> ReportFilter:
    """The actor's own figures on every object of the organization, money included."""
    organization = await organization_of(session, actor.organization_id)
    objects = {
        o.id: o
        for o in await session.scalars(
            select(WorkObject).where(WorkObject.organization_id == organization.id)
        )
    }
    user = await session.get(User, actor.user_id)
    assert user is not None
    return ReportFilter(organization, objects, True, actor.user_id, True, user.display_name)
