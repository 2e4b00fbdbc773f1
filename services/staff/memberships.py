"""Staff and contracts (C3): employees and managers of an organization, their objects,
versioned hourly rates, manager permissions and dismissal.

A manager manages an employee only when holding `manage_staff` on every object the
employee works at; managers themselves are managed by owners only.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.clock import Clock
from services.platform.db.models import (
    ContractTerms,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Organization,
    PayType,
    Permission,
    User,
    WorkObject,
)
from services.platform.errors import InvalidInput, NotFound, PermissionDenied
from services.staff.permissions import (
    Actor,
    object_permissions,
    objects_with_permission,
    require_owner,
    require_permission_on_objects,
)

MAX_HOURLY_RATE = Decimal("100000")
MAX_SEARCH_LENGTH = 64
MAX_RATE_DATE_AHEAD = timedelta(days=366)
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")
# A contract's own scheduling limits and target (`services.staff.contract_limits`).
CONTRACT_LIMITS = ("max_day_hours", "max_week_hours", "max_consecutive_days", "target_week_hours")


# Parsing what people type ------------------------------------------------------------


def parse_hourly_rate(raw: str | None) -> Decimal:
    """An hourly rate in roubles as typed ("450", "450,50", "1 200"): positive, at most
    `MAX_HOURLY_RATE`, rounded to kopecks."""
    text = (raw or "").strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    text = text.removesuffix("₽").removesuffix("руб").removesuffix("rub")
    if not text:
        raise InvalidInput(field="rate", reason="rate-not-a-number")
    try:
        rate = Decimal(text)
    except InvalidOperation as error:
        raise InvalidInput(field="rate", reason="rate-not-a-number") from error
    if not rate.is_finite():
        raise InvalidInput(field="rate", reason="rate-not-a-number")
    if rate <= 0:
        raise InvalidInput(field="rate", reason="rate-not-positive")
    if rate > MAX_HOURLY_RATE:
        raise InvalidInput(field="rate", reason="rate-too-large", limit=int(MAX_HOURLY_RATE))
    return rate.quantize(Decimal("0.01"))


def parse_local_date(raw: str | None) -> date:
    """A calendar date typed as 31.12.2026 or 2026-12-31."""
    text = (raw or "").strip()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a date, no time
        except ValueError:
            continue
    raise InvalidInput(field="date", reason="date-format")


def clean_search(raw: str | None) -> str:
    text = " ".join((raw or "").split())
    if not text:
        raise InvalidInput(field="search", reason="empty")
    if len(text) > MAX_SEARCH_LENGTH:
        raise InvalidInput(field="search", reason="too-long", limit=MAX_SEARCH_LENGTH)
    return text


async def organization_of(session: AsyncSession, organization_id: int) -> Organization:
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise NotFound(what="organization")
    return organization


async def organization_zone(session: AsyncSession, organization_id: int) -> ZoneInfo:
    return ZoneInfo((await organization_of(session, organization_id)).timezone)


async def organization_today(session: AsyncSession, clock: Clock, organization_id: int) -> date:
    """Today's date where the organization is (its timezone), not on the server."""
    return clock.now().astimezone(await organization_zone(session, organization_id)).date()


# Rates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayAmounts:
    """The sums of a pay type: a monthly salary, a bonus per shift, a bonus per period."""

    monthly_salary: Decimal | None = None
    shift_bonus: Decimal | None = None
    period_bonus: Decimal | None = None


async def terms_in_force(
    session: AsyncSession, membership_id: int, on_date: date
) -> ContractTerms | None:
    """The contract version in force on `on_date` (latest `effective_from` not after it)."""
    return await session.scalar(
        select(ContractTerms)
        .where(
            ContractTerms.membership_id == membership_id, ContractTerms.effective_from <= on_date
        )
        .order_by(ContractTerms.effective_from.desc())
        .limit(1)
    )


async def rate_in_force(session: AsyncSession, membership_id: int, on_date: date) -> Decimal | None:
    """The contract's own hourly rate on `on_date`. None when no version is in force yet
    or the version in force has no own rate (then the slot's or the object's rate
    applies)."""
    terms = await terms_in_force(session, membership_id, on_date)
    return terms.hourly_rate if terms is not None else None


async def set_contract_rate(
    session: AsyncSession, membership_id: int, hourly_rate: Decimal | None, effective_from: date
) -> None:
    """Record the rate version starting on `effective_from` (replacing one made for the
    same day; earlier versions stay as history)."""
    version = await session.scalar(
        select(ContractTerms).where(
            ContractTerms.membership_id == membership_id,
            ContractTerms.effective_from == effective_from,
        )
    )
    if version is None:
        in_force = await session.scalar(
            select(ContractTerms)
            .where(
                ContractTerms.membership_id == membership_id,
                ContractTerms.effective_from < effective_from,
            )
            .order_by(ContractTerms.effective_from.desc())
            .limit(1)
        )
        version = ContractTerms(membership_id=membership_id, effective_from=effective_from)
        if in_force is not None:  # the pay type goes on unless it is changed too
            version.pay_type = in_force.pay_type
            version.monthly_salary = in_force.monthly_salary
            version.shift_bonus = in_force.shift_bonus
            version.period_bonus = in_force.period_bonus
            for name in CONTRACT_LIMITS:  # so do the contract's own limits
                setattr(version, name, getattr(in_force, name))
        session.add(version)
    version.hourly_rate = hourly_rate
    await session.flush()


# Joining ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrolment:
    """Who joins an organization, as what, where, and at which own hourly rate."""

    organization_id: int
    user_id: int
    role: MembershipRole
    object_ids: tuple[int, ...]
    permissions: tuple[str, ...] = ()
    hourly_rate: Decimal | None = None


async def enrol_member(
    session: AsyncSession, clock: Clock, enrolment: Enrolment, membership: Membership | None
) -> Membership:
    """Make the user an active member from today (the organization's date): a new
    membership, or `membership` (their dismissed one, locked by the caller) taken back
    with its objects replaced; the objects that exist, belong to the organization and
    are not archived; the contract's first rate version. The caller checks rights and
    the tariff's limit."""
    today = await organization_today(session, clock, enrolment.organization_id)
    if membership is None:
        membership = Membership(
            organization_id=enrolment.organization_id,
            user_id=enrolment.user_id,
            role=enrolment.role,
        )
        session.add(membership)
    else:
        await session.execute(
            delete(MembershipObject).where(MembershipObject.membership_id == membership.id)
        )
        membership.role = enrolment.role
        membership.status = MembershipStatus.ACTIVE
    membership.started_on = today
    membership.ended_on = None
    await session.flush()
    object_ids = await session.scalars(
        select(WorkObject.id).where(
            WorkObject.id.in_(enrolment.object_ids),
            WorkObject.organization_id == enrolment.organization_id,
            WorkObject.archived.is_(False),
        )
    )
    session.add_all(
        MembershipObject(
            membership_id=membership.id,
            object_id=object_id,
            permissions=list(enrolment.permissions),
        )
        for object_id in object_ids
    )
    await set_contract_rate(session, membership.id, enrolment.hourly_rate, today)
    return membership


# Who may manage whom ------------------------------------------------------------------


async def can_manage_staff(session: AsyncSession, actor: Actor) -> bool:
    """Owners, and managers holding `manage_staff` on at least one object."""
    if actor.is_owner:
        return True
    return bool(await objects_with_permission(session, actor, Permission.MANAGE_STAFF))


async def require_staff_manager(session: AsyncSession, actor: Actor) -> None:
    if not await can_manage_staff(session, actor):
        raise PermissionDenied()


async def _member_object_ids(session: AsyncSession, membership_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(MembershipObject.object_id).where(
                MembershipObject.membership_id == membership_id
            )
        )
    )


async def managed_member(session: AsyncSession, actor: Actor, membership_id: int) -> Membership:
    """The organization's non-owner member that `actor` may manage, or an error."""
    membership = await session.get(Membership, membership_id)
    if (
        membership is None
        or membership.organization_id != actor.organization_id
        or membership.role == MembershipRole.OWNER
    ):
        raise NotFound()
    if actor.is_owner:
        return membership
    if membership.role != MembershipRole.EMPLOYEE:
        raise PermissionDenied()
    await require_permission_on_objects(
        session, actor, await _member_object_ids(session, membership.id), Permission.MANAGE_STAFF
    )
    return membership


def require_active(membership: Membership) -> None:
    if membership.status != MembershipStatus.ACTIVE:
        raise InvalidInput(field="membership", reason="membership-ended")


# Reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffRow:
    membership_id: int
    name: str
    role: MembershipRole
    status: MembershipStatus


async def list_staff(
    session: AsyncSession, actor: Actor, *, role: MembershipRole, search: str = ""
) -> list[StaffRow]:
    """Employees (or, for owners, managers) the actor may manage, active first, then by
    name; `search` matches first name, last name or username."""
    await require_staff_manager(session, actor)
    if role == MembershipRole.MANAGER:
        require_owner(actor)
    elif role != MembershipRole.EMPLOYEE:
        raise InvalidInput(field="role")
    query = (
        select(Membership.id, User.first_name, User.last_name, User.username, Membership.status)
        .join(User, User.id == Membership.user_id)
        .where(Membership.organization_id == actor.organization_id, Membership.role == role)
    )
    if search:
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", search.lower()) + "%"
        query = query.where(
            or_(
                *(
                    func.lower(column).like(pattern, escape="\\")
                    for column in (User.first_name, User.last_name, User.username)
                )
            )
        )
    rows = (await session.execute(query)).all()
    if not actor.is_owner:
        managed = {
            o.id for o in await objects_with_permission(session, actor, Permission.MANAGE_STAFF)
        }
        objects_of: dict[int, set[int]] = {row[0]: set() for row in rows}
        for membership_id, object_id in await session.execute(
            select(MembershipObject.membership_id, MembershipObject.object_id).where(
                MembershipObject.membership_id.in_(objects_of)
            )
        ):
            objects_of[membership_id].add(object_id)
        rows = [row for row in rows if objects_of[row[0]] and objects_of[row[0]] <= managed]
    staff = [
        StaffRow(
            membership_id,
            " ".join(part for part in (first, last) if part)
            or (f"@{username}" if username else "—"),
            role,
            MembershipStatus(status),
        )
        for membership_id, first, last, username, status in rows
    ]
    staff.sort(key=lambda row: (row.status != MembershipStatus.ACTIVE, row.name.lower()))
    return staff


@dataclass(frozen=True)
class MemberObject:
    object_id: int
    name: str
    permissions: tuple[str, ...]


@dataclass(frozen=True)
class StaffCard:
    membership_id: int
    name: str
    username: str | None
    role: MembershipRole
    status: MembershipStatus
    started_on: date | None
    ended_on: date | None
    objects: tuple[MemberObject, ...]
    hourly_rate: Decimal | None
    # The next rate version already decided (effective after today), if any.
    next_rate_from: date | None
    next_rate: Decimal | None


async def staff_card(
    session: AsyncSession, actor: Actor, clock: Clock, membership_id: int
) -> StaffCard:
    membership = await managed_member(session, actor, membership_id)
    person = await session.get(User, membership.user_id)
    assert person is not None
    objects = await session.execute(
        select(WorkObject.id, WorkObject.name, MembershipObject.permissions)
        .join(MembershipObject, MembershipObject.object_id == WorkObject.id)
        .where(MembershipObject.membership_id == membership.id)
        .order_by(WorkObject.name)
    )
    today = await organization_today(session, clock, actor.organization_id)
    upcoming = (
        await session.execute(
            select(ContractTerms.effective_from, ContractTerms.hourly_rate)
            .where(
                ContractTerms.membership_id == membership.id,
                ContractTerms.effective_from > today,
            )
            .order_by(ContractTerms.effective_from)
            .limit(1)
        )
    ).first()
    return StaffCard(
        membership_id=membership.id,
        name=person.display_name,
        username=person.username,
        role=MembershipRole(membership.role),
        status=MembershipStatus(membership.status),
        started_on=membership.started_on,
        ended_on=membership.ended_on,
        objects=tuple(
            MemberObject(object_id, name, tuple(permissions or ()))
            for object_id, name, permissions in objects
        ),
        hourly_rate=await rate_in_force(session, membership.id, today),
        next_rate_from=upcoming[0] if upcoming else None,
        next_rate=upcoming[1] if upcoming else None,
    )


# Changing -----------------------------------------------------------------------------


async def change_rate(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    membership_id: int,
    *,
    hourly_rate: Decimal | None,
    effective_from: date,
) -> None:
    """A new contract version with `hourly_rate` from `effective_from` (not before the
    contract started, at most a year ahead); shifts before that date keep the old rate."""
    membership = await managed_member(session, actor, membership_id)
    require_active(membership)
    today = await organization_today(session, clock, actor.organization_id)
    if membership.started_on is not None and effective_from < membership.started_on:
        raise InvalidInput(field="date", reason="date-before-start")
    if effective_from > today + MAX_RATE_DATE_AHEAD:
        raise InvalidInput(field="date", reason="date-too-far")
    if hourly_rate is not None and not Decimal("0") < hourly_rate <= MAX_HOURLY_RATE:
        raise InvalidInput(field="rate", reason="rate-too-large", limit=int(MAX_HOURLY_RATE))
    in_force = await terms_in_force(session, membership.id, effective_from)
    if in_force is not None and in_force.pay_type == PayType.SALARY:
        raise InvalidInput(field="rate", reason="rate-salaried")
    await set_contract_rate(session, membership.id, hourly_rate, effective_from)


async def change_pay_type(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    membership_id: int,
    *,
    pay_type: PayType,
    amounts: PayAmounts,
) -> ContractTerms:
    """A new contract version from today (the organization's date) with the pay type:
    by the hour (the current rate kept); a monthly salary (shifts then pay nothing by the
    hour); or by the hour plus a bonus per shift and/or per period (at least one)."""
    membership = await managed_member(session, actor, membership_id)
    require_active(membership)
    today = await organization_today(session, clock, actor.organization_id)
    current = await terms_in_force(session, membership.id, today)
    rate = (
        current.hourly_rate if current is not None and current.pay_type != PayType.SALARY else None
    )
    if pay_type == PayType.SALARY:
        if amounts.monthly_salary is None:
            raise InvalidInput(field="salary", reason="empty")
        rate = Decimal("0.00")
    if pay_type == PayType.HOURLY_BONUS and not (amounts.shift_bonus or amounts.period_bonus):
        raise InvalidInput(field="bonus", reason="empty")
    await set_contract_rate(session, membership.id, rate, today)
    version = await session.scalar(
        select(ContractTerms).where(
            ContractTerms.membership_id == membership.id, ContractTerms.effective_from == today
        )
    )
    assert version is not None
    version.pay_type = pay_type
    version.monthly_salary = amounts.monthly_salary if pay_type == PayType.SALARY else None
    bonus = pay_type == PayType.HOURLY_BONUS
    version.shift_bonus = amounts.shift_bonus if bonus else None
    version.period_bonus = amounts.period_bonus if bonus else None
    await session.flush()
    return version


async def change_objects(
    session: AsyncSession, actor: Actor, membership_id: int, object_ids: list[int]
) -> None:
    """Replace the objects an employee works at (at least one). A manager needs
    `manage_staff` on the old and the new objects alike."""
    membership = await managed_member(session, actor, membership_id)
    require_active(membership)
    if membership.role != MembershipRole.EMPLOYEE:
        raise InvalidInput(field="role")
    wanted = set(object_ids)
    if not wanted:
        raise InvalidInput(field="objects", reason="no-objects")
    await require_permission_on_objects(session, actor, wanted, Permission.MANAGE_STAFF)
    await session.execute(
        delete(MembershipObject).where(MembershipObject.membership_id == membership.id)
    )
    session.add_all(
        MembershipObject(membership_id=membership.id, object_id=object_id, permissions=[])
        for object_id in sorted(wanted)
    )
    await session.flush()


async def set_manager_permissions(
    session: AsyncSession, actor: Actor, membership_id: int, object_id: int, permissions: list[str]
) -> None:
    """Owners only: a manager's permissions on one object; none removes the object from
    the manager."""
    require_owner(actor)
    membership = await managed_member(session, actor, membership_id)
    require_active(membership)
    if membership.role != MembershipRole.MANAGER:
        raise InvalidInput(field="role")
    granted = sorted(set(permissions))
    if any(value not in Permission._value2member_map_ for value in granted):
        raise InvalidInput(field="permissions")
    await require_permission_on_objects(session, actor, [object_id], Permission.VIEW)
    link = await session.scalar(
        select(MembershipObject).where(
            MembershipObject.membership_id == membership.id,
            MembershipObject.object_id == object_id,
        )
    )
    if not granted:
        if link is not None:
            await session.delete(link)
    elif link is None:
        session.add(
            MembershipObject(membership_id=membership.id, object_id=object_id, permissions=granted)
        )
    else:
        link.permissions = granted
    await session.flush()


async def end_contract(
    session: AsyncSession, actor: Actor, clock: Clock, membership_id: int, *, on_date: date
) -> Membership:
    """End the contract on `on_date` (not before it started, not in the future): the
    member loses access; shifts, rates and payroll history stay. The dismissal itself,
    which also releases the member's planned shifts, is `planning.dismissals.dismiss`."""
    membership = await managed_member(session, actor, membership_id)
    require_active(membership)
    if membership.user_id == actor.user_id:
        raise PermissionDenied()
    today = await organization_today(session, clock, actor.organization_id)
    if on_date > today:
        raise InvalidInput(field="date", reason="date-in-future")
    if membership.started_on is not None and on_date < membership.started_on:
        raise InvalidInput(field="date", reason="date-before-start")
    membership.status = MembershipStatus.ENDED
    membership.ended_on = on_date
    await session.flush()
    return membership


async def manager_object_permissions(
    session: AsyncSession, actor: Actor, membership_id: int
) -> list[MemberObject]:
    """Every non-archived object of the organization with the manager's permissions on
    it (empty where the manager has none). Owners only."""
    require_owner(actor)
    membership = await managed_member(session, actor, membership_id)
    if membership.role != MembershipRole.MANAGER:
        raise InvalidInput(field="role")
    manager = Actor(membership.user_id, actor.organization_id, membership.id, membership.role)
    objects = await objects_with_permission(session, actor, Permission.VIEW)
    return [
        MemberObject(o.id, o.name, tuple(sorted(await object_permissions(session, manager, o.id))))
        for o in objects
    ]
