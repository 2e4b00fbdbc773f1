"""Media rules: where an organization keeps each kind of media (its storage mode) and
who may look at a stored file."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.orgs.tariffs import tariff_of
from services.platform.db.models import (
    Media,
    MediaContext,
    MembershipObject,
    Organization,
    OrganizationMediaSetting,
    Permission,
    StorageMode,
)
from services.platform.errors import DomainError, NotFound, PermissionDenied
from services.staff.permissions import (
    Actor,
    actor_in,
    object_permissions,
    require_owner,
    require_permission_on_objects,
)


class StorageModeNotAllowed(DomainError):
    """Params: tariff (title). Keeping media in our storage is a paid feature."""

    code = "media-storage-mode-not-allowed"


@dataclass(frozen=True)
class MediaSettingsView:
    modes: dict[MediaContext, StorageMode]
    storage_allowed: bool
    tariff_title: str


async def _storage_allowed(session: AsyncSession, organization_id: int) -> tuple[bool, str]:
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise NotFound(what="organization")
    tariff = await tariff_of(session, organization)
    return tariff.storage_modes_allowed, tariff.title


async def media_settings(session: AsyncSession, actor: Actor) -> MediaSettingsView:
    """What the owner's media settings screen shows. Owners only."""
    require_owner(actor)
    allowed, tariff_title = await _storage_allowed(session, actor.organization_id)
    return MediaSettingsView(
        await storage_modes(session, actor.organization_id), allowed, tariff_title
    )


async def storage_modes(
    session: AsyncSession, organization_id: int
) -> dict[MediaContext, StorageMode]:
    """The mode in force for every kind of media: the owner's choice, or `telegram` when
    there is none or the tariff no longer allows storage (after a downgrade)."""
    allowed, _ = await _storage_allowed(session, organization_id)
    chosen = {
        MediaContext(row.context): StorageMode(row.mode)
        for row in await session.scalars(
            select(OrganizationMediaSetting).where(
                OrganizationMediaSetting.organization_id == organization_id
            )
        )
    }
    return {
        context: chosen.get(context, StorageMode.TELEGRAM) if allowed else StorageMode.TELEGRAM
        for context in MediaContext
    }


async def storage_mode_for(
    session: AsyncSession, organization_id: int, context: MediaContext
) -> StorageMode:
    return (await storage_modes(session, organization_id))[context]


async def set_storage_mode(
    session: AsyncSession, actor: Actor, context: MediaContext, mode: StorageMode
) -> None:
    """Owners only. `storage` and `both` need a tariff with storage modes."""
    require_owner(actor)
    if mode != StorageMode.TELEGRAM:
        allowed, tariff_title = await _storage_allowed(session, actor.organization_id)
        if not allowed:
            raise StorageModeNotAllowed(tariff=tariff_title)
    await session.merge(
        OrganizationMediaSetting(organization_id=actor.organization_id, context=context, mode=mode)
    )
    await session.flush()


async def media_of_flow(
    session: AsyncSession, context: MediaContext, context_id: int, flow_id: str
) -> list[Media]:
    """The files one flow stored for a task or a cancellation, in the order they were
    sent, one row per file (the Telegram copy when there is one, as it can be re-sent)."""
    rows = await session.scalars(
        select(Media)
        .where(Media.context == context, Media.context_id == context_id, Media.flow_id == flow_id)
        .order_by(Media.position, Media.provider.desc())
    )
    by_position: dict[int, Media] = {}
    for media in rows:
        by_position.setdefault(media.position, media)
    return list(by_position.values())


async def _may_view(session: AsyncSession, user_id: int, media: Media) -> bool:
    if media.uploader_user_id == user_id:
        return True
    try:
        actor = await actor_in(session, user_id, media.organization_id)
    except PermissionDenied:
        return False
    if actor.is_owner:
        return True
    if media.context == MediaContext.EMPLOYEE_DOCUMENT:
        return await _manages_member(session, actor, media.context_id)
    if media.object_id is None:
        return False
    granted = await object_permissions(session, actor, media.object_id)
    return Permission.VIEW.value in granted


async def _manages_member(session: AsyncSession, actor: Actor, membership_id: int) -> bool:
    """A manager holding `manage_staff` at every object of the employee (personal data:
    `view` is not enough)."""
    object_ids = await session.scalars(
        select(MembershipObject.object_id).where(MembershipObject.membership_id == membership_id)
    )
    try:
        await require_permission_on_objects(session, actor, object_ids, Permission.MANAGE_STAFF)
    except (NotFound, PermissionDenied):
        return False
    return True


async def viewable_media(session: AsyncSession, user_id: int, key: str) -> Media:
    """The stored file under `key` if the user may see it: the organization's owner, a
    manager with `view` on its object (`manage_staff` on every object of the employee for
    an employee document), or the employee who uploaded it. Anyone else gets
    `NotFound`, exactly as for a key that does not exist."""
    candidates = await session.scalars(select(Media).where(Media.key == key).order_by(Media.id))
    for media in candidates:
        if await _may_view(session, user_id, media):
            return media
    raise NotFound(what="media")
