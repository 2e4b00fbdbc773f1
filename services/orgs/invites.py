"""Invitations (C1): deep links that add an employee or a manager to an organization.

A code is 96 random bits (`secrets.token_urlsafe`), opened as `…?start=inv_<code>`.
Accepting is one transaction: the invite row is locked (`SELECT … FOR UPDATE`) so a
single-use code joins exactly one person however many open it at once, and the employee
limit of the tariff is checked under the organization's lock in that same transaction.
Failed guesses are counted per Telegram user (Redis, or in-process in the embedded
default) and refused past `MAX_FAILED_ATTEMPTS` per `FAILED_ATTEMPTS_WINDOW`.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Protocol
from urllib.parse import urlencode

from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import EMPLOYEE_LIMIT_REACHED, notify
from services.orgs.tariffs import LimitedResource, TariffLimitReached, ensure_within_limit
from services.platform.clock import Clock
from services.platform.db.models import (
    Invite,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    Permission,
    User,
    WorkObject,
)
from services.platform.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from services.staff.memberships import (
    MAX_HOURLY_RATE,
    Enrolment,
    enrol_member,
    require_staff_manager,
)
from services.staff.permissions import Actor, require_owner, require_permission_on_objects

INVITE_PAYLOAD_PREFIX = "inv_"
CODE_BYTES = 12  # 96 bits, 16 characters: fits Telegram's 64-character start payload
MAX_INVITE_USES = 100
MIN_VALIDITY = timedelta(hours=1)
MAX_VALIDITY = timedelta(days=90)
MAX_FAILED_ATTEMPTS = 5
FAILED_ATTEMPTS_WINDOW = timedelta(minutes=10)
_CODE_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,64}")
_LINK_PATTERN = re.compile(r"start=" + INVITE_PAYLOAD_PREFIX + r"([A-Za-z0-9_-]+)")


class InviteNotFound(DomainError):
    code = "invite-unknown"


class InviteExpired(DomainError):
    code = "invite-expired"


class InviteRevoked(DomainError):
    code = "invite-revoked"


class InviteUsedUp(DomainError):
    code = "invite-used"


class EmployeeLimitReached(DomainError):
    """The organization's tariff admits no more employees (the joining user's view of
    `TariffLimitReached`). Params: organization."""

    code = "invite-limit-reached"


class TooManyInviteAttempts(DomainError):
    """Params: minutes."""

    code = "invite-too-many-attempts"


class InviteStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    USED = "used"
    REVOKED = "revoked"


def invite_status(invite: Invite, now: datetime) -> InviteStatus:
    if invite.revoked_at is not None:
        return InviteStatus.REVOKED
    if invite.uses >= invite.max_uses:
        return InviteStatus.USED
    if invite.expires_at <= now:
        return InviteStatus.EXPIRED
    return InviteStatus.ACTIVE


# Links --------------------------------------------------------------------------------


def invite_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={INVITE_PAYLOAD_PREFIX}{code}"


def share_link(url: str, text: str) -> str:
    """Telegram's "share to a chat" link for `url` with an accompanying `text`."""
    return "https://t.me/share/url?" + urlencode({"url": url, "text": text})


def code_from_text(raw: str | None) -> str:
    """The invite code in what a person pasted: the whole link, `inv_<code>` or the
    bare code. Anything else yields "" (an unknown code)."""
    text = (raw or "").strip()
    if match := _LINK_PATTERN.search(text):
        return match.group(1)
    text = text.removeprefix("/start ").strip().removeprefix(INVITE_PAYLOAD_PREFIX)
    return text if _CODE_PATTERN.fullmatch(text) else ""


# Guessing guard -------------------------------------------------------------------------


class FailedAttempts(Protocol):
    """Attempts per Telegram user within the last window: failed invite codes here,
    opened vacancy links in `services.hiring`."""

    async def count(self, telegram_id: int) -> int: ...

    async def record(self, telegram_id: int) -> None: ...


class RedisFailedAttempts:
    """A counter per user that lives `window` from the first attempt; shared by every
    bot replica."""

    def __init__(
        self,
        redis: Redis,
        namespace: str,
        name: str = "invite-failures",
        window: timedelta = FAILED_ATTEMPTS_WINDOW,
    ) -> None:
        self.redis = redis
        self.namespace = namespace
        self.name = name
        self.window = window

    def _key(self, telegram_id: int) -> str:
        return f"{self.namespace}:{self.name}:{telegram_id}"

    async def count(self, telegram_id: int) -> int:
        return int(await self.redis.get(self._key(telegram_id)) or 0)

    async def record(self, telegram_id: int) -> None:
        key = self._key(telegram_id)
        if await self.redis.incr(key) == 1:
            await self.redis.expire(key, int(self.window.total_seconds()))


class MemoryFailedAttempts:
    """The embedded default's counter (one process, no Redis): attempt times per user."""

    def __init__(self, clock: Clock, window: timedelta = FAILED_ATTEMPTS_WINDOW) -> None:
        self.clock = clock
        self.window = window
        self._failures: dict[int, list[datetime]] = {}

    def _recent(self, telegram_id: int) -> list[datetime]:
        since = self.clock.now() - self.window
        recent = [moment for moment in self._failures.get(telegram_id, []) if moment > since]
        self._failures[telegram_id] = recent
        return recent

    async def count(self, telegram_id: int) -> int:
        return len(self._recent(telegram_id))

    async def record(self, telegram_id: int) -> None:
        self._recent(telegram_id).append(self.clock.now())


def failed_attempts_store(
    redis: Redis | None,
    namespace: str,
    clock: Clock,
    *,
    name: str = "invite-failures",
    window: timedelta = FAILED_ATTEMPTS_WINDOW,
) -> FailedAttempts:
    if redis is None:
        return MemoryFailedAttempts(clock, window)
    return RedisFailedAttempts(redis, namespace, name, window)


# Owners and managers ------------------------------------------------------------------------


@dataclass(frozen=True)
class InviteTerms:
    role: MembershipRole
    object_ids: tuple[int, ...]
    hourly_rate: Decimal | None = None
    permissions: tuple[str, ...] = ()
    max_uses: int = 1
    valid_for: timedelta = timedelta(days=7)


async def _require_invite_rights(
    session: AsyncSession, actor: Actor, role: MembershipRole, object_ids: list[int]
) -> None:
    """Owners invite anyone; a manager invites employees only, to objects on which they
    hold `manage_staff`."""
    if role == MembershipRole.MANAGER:
        require_owner(actor)
    await require_permission_on_objects(session, actor, object_ids, Permission.MANAGE_STAFF)


def _validate_terms(terms: InviteTerms) -> None:
    if terms.role not in (MembershipRole.EMPLOYEE, MembershipRole.MANAGER):
        raise InvalidInput(field="role")
    if not terms.object_ids:
        raise InvalidInput(field="objects", reason="no-objects")
    if terms.hourly_rate is not None and not Decimal("0") < terms.hourly_rate <= MAX_HOURLY_RATE:
        raise InvalidInput(field="rate", reason="rate-too-large", limit=int(MAX_HOURLY_RATE))
    if terms.role == MembershipRole.MANAGER and not terms.permissions:
        raise InvalidInput(field="permissions", reason="no-permissions")
    if any(value not in Permission._value2member_map_ for value in terms.permissions):
        raise InvalidInput(field="permissions")
    if not 1 <= terms.max_uses <= MAX_INVITE_USES:
        raise InvalidInput(field="max-uses")
    if not MIN_VALIDITY <= terms.valid_for <= MAX_VALIDITY:
        raise InvalidInput(field="validity")


async def create_invite(
    session: AsyncSession, actor: Actor, clock: Clock, terms: InviteTerms
) -> Invite:
    """A new invite with a fresh unguessable code. Employees' invites carry no
    permissions; managers' carry the same permissions on every invited object."""
    _validate_terms(terms)
    object_ids = sorted(set(terms.object_ids))
    await _require_invite_rights(session, actor, terms.role, object_ids)
    invite = Invite(
        organization_id=actor.organization_id,
        created_by_user_id=actor.user_id,
        code=secrets.token_urlsafe(CODE_BYTES),
        role=terms.role,
        object_ids=object_ids,
        permissions=sorted(set(terms.permissions)) if terms.role == MembershipRole.MANAGER else [],
        hourly_rate=terms.hourly_rate,
        max_uses=terms.max_uses,
        uses=0,
        created_at=clock.now(),
        expires_at=clock.now() + terms.valid_for,
    )
    session.add(invite)
    await session.flush()
    return invite


async def _managed_invite(session: AsyncSession, actor: Actor, invite_id: int) -> Invite:
    invite = await session.get(Invite, invite_id)
    if invite is None or invite.organization_id != actor.organization_id:
        raise NotFound()
    await _require_invite_rights(
        session, actor, MembershipRole(invite.role), list(invite.object_ids)
    )
    return invite


@dataclass(frozen=True)
class InviteView:
    id: int
    code: str
    role: MembershipRole
    status: InviteStatus
    object_names: tuple[str, ...]
    permissions: tuple[str, ...]
    hourly_rate: Decimal | None
    uses: int
    max_uses: int
    expires_at: datetime


async def _views(session: AsyncSession, clock: Clock, invites: list[Invite]) -> list[InviteView]:
    wanted = {object_id for invite in invites for object_id in invite.object_ids}
    names = dict(
        (
            await session.execute(
                select(WorkObject.id, WorkObject.name).where(WorkObject.id.in_(wanted))
            )
        )
        .tuples()
        .all()
    )
    now = clock.now()
    return [
        InviteView(
            id=invite.id,
            code=invite.code,
            role=MembershipRole(invite.role),
            status=invite_status(invite, now),
            object_names=tuple(names[i] for i in invite.object_ids if i in names),
            permissions=tuple(invite.permissions),
            hourly_rate=invite.hourly_rate,
            uses=invite.uses,
            max_uses=invite.max_uses,
            expires_at=invite.expires_at,
        )
        for invite in invites
    ]


async def list_invites(
    session: AsyncSession, actor: Actor, clock: Clock, limit: int = 100
) -> list[InviteView]:
    """The organization's latest invites the actor may manage, newest first."""
    await require_staff_manager(session, actor)
    invites = list(
        await session.scalars(
            select(Invite)
            .where(Invite.organization_id == actor.organization_id)
            .order_by(Invite.created_at.desc(), Invite.id.desc())
            .limit(limit)
        )
    )
    visible = []
    for invite in invites:
        try:
            await _require_invite_rights(
                session, actor, MembershipRole(invite.role), list(invite.object_ids)
            )
        except (PermissionDenied, NotFound):
            continue
        visible.append(invite)
    return await _views(session, clock, visible)


async def describe_invite(
    session: AsyncSession, actor: Actor, clock: Clock, invite_id: int
) -> InviteView:
    invite = await _managed_invite(session, actor, invite_id)
    (view,) = await _views(session, clock, [invite])
    return view


async def revoke_invite(session: AsyncSession, actor: Actor, clock: Clock, invite_id: int) -> None:
    """Revoking is final: the link stops working; who already joined stays."""
    invite = await _managed_invite(session, actor, invite_id)
    if invite.revoked_at is None:
        invite.revoked_at = clock.now()
    await session.flush()


async def reissue_invite(
    session: AsyncSession, actor: Actor, clock: Clock, invite_id: int
) -> Invite:
    """The same terms under a new code and a fresh validity period; the old link is
    revoked."""
    old = await _managed_invite(session, actor, invite_id)
    valid_for = max(MIN_VALIDITY, min(MAX_VALIDITY, old.expires_at - old.created_at))
    if old.revoked_at is None:
        old.revoked_at = clock.now()
    existing_objects = set(
        await session.scalars(
            select(WorkObject.id).where(
                WorkObject.id.in_(old.object_ids), WorkObject.archived.is_(False)
            )
        )
    )
    return await create_invite(
        session,
        actor,
        clock,
        InviteTerms(
            role=MembershipRole(old.role),
            object_ids=tuple(sorted(existing_objects)),
            hourly_rate=old.hourly_rate,
            permissions=tuple(old.permissions),
            max_uses=old.max_uses,
            valid_for=valid_for,
        ),
    )


# Joining ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JoinedOrganization:
    """The organization the user now acts in; `already_member` when they were one before
    opening the link."""

    organization_id: int
    organization_name: str
    role: MembershipRole
    already_member: bool = False


async def _tell_owners_about_limit(
    session: AsyncSession, clock: Clock, organization: Organization, invite: Invite, user: User
) -> None:
    owners = await session.scalars(
        select(Membership.user_id).where(
            Membership.organization_id == organization.id,
            Membership.role == MembershipRole.OWNER,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )
    for owner_id in owners:
        await notify(
            session,
            kind=EMPLOYEE_LIMIT_REACHED.name,
            dedup_key=f"employee-limit:{invite.id}:{user.id}:{owner_id}",
            not_before=clock.now(),
            payload={"organization": organization.name, "name": user.display_name},
            recipient_user_id=owner_id,
        )


async def accept_invite(
    session: AsyncSession, user: User, clock: Clock, code: str, attempts: FailedAttempts
) -> JoinedOrganization:
    """Join the invite's organization: membership (a dismissed member is taken back),
    objects (with permissions for managers) and the contract rate from today in the
    organization's timezone — all or nothing. An active member who opens a link of their
    organization again (their own, used up, expired or revoked) is not refused: they
    are told they are a member and act in that organization from now on. An employee
    past the tariff's limit is refused and the owners are told (that notice is the only
    write of a refusal)."""
    if await attempts.count(user.telegram_id) >= MAX_FAILED_ATTEMPTS:
        raise TooManyInviteAttempts(minutes=int(FAILED_ATTEMPTS_WINDOW.total_seconds() // 60))
    invite = None
    if code:
        invite = await session.scalar(select(Invite).where(Invite.code == code).with_for_update())
    if invite is None:
        await attempts.record(user.telegram_id)
        raise InviteNotFound()
    organization = await session.get(Organization, invite.organization_id)
    assert organization is not None
    membership = await session.scalar(
        select(Membership)
        .where(Membership.organization_id == organization.id, Membership.user_id == user.id)
        .with_for_update()
    )
    if membership is not None and membership.status == MembershipStatus.ACTIVE:
        user.active_organization_id = organization.id
        return JoinedOrganization(
            organization.id,
            organization.name,
            MembershipRole(membership.role),
            already_member=True,
        )
    status = invite_status(invite, clock.now())
    if status == InviteStatus.REVOKED:
        raise InviteRevoked()
    if status == InviteStatus.USED:
        raise InviteUsedUp()
    if status == InviteStatus.EXPIRED:
        raise InviteExpired()
    role = MembershipRole(invite.role)
    if role == MembershipRole.EMPLOYEE:
        try:
            await ensure_within_limit(session, organization.id, LimitedResource.EMPLOYEES)
        except TariffLimitReached as refusal:
            await _tell_owners_about_limit(session, clock, organization, invite, user)
            raise EmployeeLimitReached(organization=organization.name) from refusal

    await enrol_member(
        session,
        clock,
        Enrolment(
            organization_id=organization.id,
            user_id=user.id,
            role=role,
            object_ids=tuple(invite.object_ids),
            permissions=tuple(invite.permissions),
            hourly_rate=invite.hourly_rate,
        ),
        membership,
    )
    invite.uses += 1
    user.active_organization_id = organization.id
    await session.flush()
    return JoinedOrganization(organization.id, organization.name, role)
