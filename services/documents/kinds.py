"""The owner's list of required documents and the retention period of a dismissed
employee's documents."""

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.documents.rules import (
    DEFAULT_RETENTION_DAYS,
    MAX_RETENTION_DAYS,
    MAX_TITLE_LENGTH,
    MIN_RETENTION_DAYS,
)
from services.platform.db.models import (
    DocumentKind,
    DocumentKindObject,
    DocumentSettings,
    WorkObject,
)
from services.platform.errors import InvalidInput, NotFound
from services.platform.validation import Quantity, parse_whole_number
from services.staff.permissions import Actor, require_owner


def clean_title(raw: str | None) -> str:
    title = " ".join((raw or "").split())
    if not title:
        raise InvalidInput(field="title", reason="empty")
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidInput(field="title", reason="too-long", limit=MAX_TITLE_LENGTH)
    return title


async def add_kind(
    session: AsyncSession, actor: Actor, title: str, *, has_expiry: bool
) -> DocumentKind:
    """A new required document, at every object until the owner picks objects. Owners
    only; a title the organization has already is refused."""
    require_owner(actor)
    title = clean_title(title)
    exists = await session.scalar(
        select(DocumentKind.id).where(
            DocumentKind.organization_id == actor.organization_id, DocumentKind.title == title
        )
    )
    if exists is not None:
        raise InvalidInput(field="title", reason="document-kind-exists")
    kind = DocumentKind(organization_id=actor.organization_id, title=title, has_expiry=has_expiry)
    session.add(kind)
    await session.flush()
    return kind


async def owned_kind(session: AsyncSession, actor: Actor, kind_id: int) -> DocumentKind:
    require_owner(actor)
    kind = await session.get(DocumentKind, kind_id)
    if kind is None or kind.organization_id != actor.organization_id:
        raise NotFound(what="document kind")
    return kind


async def toggle_kind_object(
    session: AsyncSession, actor: Actor, kind_id: int, object_id: int
) -> bool:
    """Add the object to the kind's objects, or take it off; True when it is on now. A
    kind with no objects is required at every object."""
    kind = await owned_kind(session, actor, kind_id)
    work_object = await session.get(WorkObject, object_id)
    if work_object is None or work_object.organization_id != kind.organization_id:
        raise NotFound(what="object")
    row = await session.scalar(
        select(DocumentKindObject).where(
            DocumentKindObject.kind_id == kind.id, DocumentKindObject.object_id == object_id
        )
    )
    if row is not None:
        await session.delete(row)
    else:
        session.add(DocumentKindObject(kind_id=kind.id, object_id=object_id))
    await session.flush()
    return row is None


async def set_all_objects(session: AsyncSession, actor: Actor, kind_id: int) -> None:
    """The kind is required at every object again."""
    kind = await owned_kind(session, actor, kind_id)
    await session.execute(delete(DocumentKindObject).where(DocumentKindObject.kind_id == kind.id))


async def delete_kind(session: AsyncSession, actor: Actor, kind_id: int) -> None:
    """The document is no longer required; its uploads go with it."""
    await session.delete(await owned_kind(session, actor, kind_id))
    await session.flush()


async def retention_days_of(session: AsyncSession, organization_id: int) -> int:
    settings = await session.get(DocumentSettings, organization_id)
    return settings.retention_days if settings is not None else DEFAULT_RETENTION_DAYS


async def set_retention_days(session: AsyncSession, actor: Actor, raw: str | None) -> int:
    """How many days after the last day of work a dismissed employee's documents are
    kept. Owners only."""
    require_owner(actor)
    days = parse_whole_number(
        raw,
        field="days",
        quantity=Quantity.DAYS,
        minimum=MIN_RETENTION_DAYS,
        maximum=MAX_RETENTION_DAYS,
    )
    await session.merge(
        DocumentSettings(organization_id=actor.organization_id, retention_days=days)
    )
    await session.flush()
    return days
