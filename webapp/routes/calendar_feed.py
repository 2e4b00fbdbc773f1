"""`GET /calendar/<token>.ics`: a person's private calendar feed for phone calendars.
The token is the only key: an unknown, rotated or malformed one gets 404."""

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import Response

from services.calendar.feed import calendar_feed
from webapp.dependencies import ClockDep, SessionDep

router = APIRouter(tags=["calendar"])
MAX_TOKEN_LENGTH = 64


@router.get("/calendar/{token}.ics")
async def calendar_ics(token: str, session: SessionDep, clock: ClockDep) -> Response:
    body = await calendar_feed(session, clock, token) if len(token) <= MAX_TOKEN_LENGTH else None
    if body is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, max-age=300"},
    )
