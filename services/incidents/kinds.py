"""Kinds of incidents: the defaults every organization starts with (damage, shortage,
violation), titled in the reader's language, and the owner's own kinds."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import IncidentKind
from services.platform.errors import NotFound
from services.platform.validation import clean_text
from services.staff.permissions import Actor, require_owner

DEFAULT_KIND_CODES = ("damage", "shortage", "violation")
MAX_KIND_TITLE = 100


async def kinds_of(session: AsyncSession, organization_id: int) -> list[IncidentKind]:
    """The organization's kinds, the defaults first; they are created on first use."""
    query = (
        select(IncidentKind)
        .where(IncidentKind.organization_id == organization_id, IncidentKind.archived.is_(False))
        .order_by(IncidentKind.id)
    )
    kinds = list(await session.scalars(query))
    if kinds:
        return kinds
    session.add_all(
        IncidentKind(organization_id=organization_id, code=code) for code in DEFAULT_KIND_CODES
    )
    await session.flush()
    return list(await session.scalars(query))


async def kind_in(session: AsyncSession, organization_id: int, kind_id: int) -> IncidentKind:
    kind = await session.get(IncidentKind, kind_id)
    if kind is None or kind.organization_id != organization_id or kind.archived:
        raise NotFound(what="incident-kind")
    return kind


async def add_kind(session: AsyncSession, actor: Actor, title: str) -> IncidentKind:
    """An owner's own kind of incident."""
    require_owner(actor)
    await kinds_of(session, actor.organization_id)  # the defaults keep coming first
    kind = IncidentKind(
        organization_id=actor.organization_id,
        title=clean_text(title, field="title", max_length=MAX_KIND_TITLE),
    )
    session.add(kind)
    await session.flush()
    return kind
