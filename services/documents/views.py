"""The log of every look at an employee document's file."""

from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.clock import Clock
from services.platform.db.models import DocumentView, Media, MediaContext


async def record_view(
    session: AsyncSession, clock: Clock, viewer_user_id: int, media: Media
) -> None:
    """Log that the user opened the file, when it is an employee document's (other media
    are not personal data and are not logged)."""
    if media.context != MediaContext.EMPLOYEE_DOCUMENT:
        return
    session.add(
        DocumentView(
            organization_id=media.organization_id,
            viewer_user_id=viewer_user_id,
            media_id=media.id,
            media_key=media.key,
            viewed_at=clock.now(),
        )
    )
    await session.commit()
