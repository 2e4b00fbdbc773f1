"""`/guide/{name}`: the owner's and the employee's guide, linked from the bot's /help."""

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse

from services.platform.errors import NotFound
from services.platform.guides import guide_text

router = APIRouter(tags=["guide"])


@router.get("/guide/{name}", response_class=PlainTextResponse)
async def guide(name: str) -> PlainTextResponse:
    text = guide_text(name)
    if text is None:
        raise NotFound(what="guide")
    return PlainTextResponse(text, media_type="text/plain; charset=utf-8")
