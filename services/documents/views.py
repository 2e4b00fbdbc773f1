"""The log of every look at an employee document's files: in the media proxy and when
the bot sends them to a reviewer."""

from sqlalchemy.ext.asyncio import AsyncSession

from services.documents.queries import DocumentCard, document_card
from services.platform.clock import Clock
from services.platform.db.models import DocumentView, Media, MediaContext
from services.staff.permissions import Actor


def record_views(
    session: AsyncSession, clock: Clock, viewer_user_id: int, files: list[Media]
) -> None:
    """Log that the user was shown these files (only employee documents' are personal
    data and logged)."""
    session.add_all(
        DocumentView(
            organization_id=media.organization_id,
            viewer_user_id=viewer_user_id,
            media_id=media.id,
            media_key=media.key,
            viewed_at=clock.now(),
        )
        for media in files
        if media.context == MediaContext.EMPLOYEE_DOCUMENT
    )


async def open_document(
    session: AsyncSession, actor: Actor, clock: Clock, document_id: int
) -> DocumentCard:
    """The reviewer's card with its files, which the bot is about to send them: logged."""
    card = await document_card(session, actor, clock, document_id)
    record_views(session, clock, actor.user_id, card.files)
    await session.flush()
    return card
