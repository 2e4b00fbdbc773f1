"""`POST /webhooks/telegram`: updates pushed by Telegram in webhook mode, fed to the same
Dispatcher as polling. Telegram proves itself with the secret-token header; a body that
is no Telegram update is refused with 400; a repeated update is answered without being
handled again, or 503 while another replica is still handling it (see `bot.webhook`)."""

import hmac

import structlog
from aiogram.types import Update
from aiogram.types.update import UpdateTypeLookupError
from fastapi import APIRouter, HTTPException, Request, status

from bot.webhook import UpdateStillInProgress

router = APIRouter(tags=["telegram"])
log = structlog.get_logger("webapp.telegram_webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Fixed: the Nginx configuration in deploy/ routes exactly this path to the webapp.
WEBHOOK_PATH = "/webhooks/telegram"
# Seconds after which Telegram may deliver again an update another replica is handling.
RETRY_AFTER_SECONDS = 5
# Telegram's largest updates (a 4,096-character text with its entities, quoting another
# message) stay far below this; a longer body is 413 and not read further.
MAX_UPDATE_BYTES = 1024 * 1024


@router.post(WEBHOOK_PATH, include_in_schema=False, max_body_size=MAX_UPDATE_BYTES)
async def telegram_webhook(request: Request) -> dict[str, bool]:
    state = request.app.state
    feed = getattr(state, "webhook_feed", None)
    if feed is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    expected = state.settings.webhook_secret.get_secret_value()
    given = request.headers.get(SECRET_HEADER, "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN)
    try:
        update = Update.model_validate(await request.json(), context={"bot": feed.bot})
        update.event_type  # noqa: B018 - raises for an update carrying no known event
    except (ValueError, UpdateTypeLookupError) as error:  # not JSON, or not an update
        log.warning("webhook.bad_update", error=type(error).__name__)
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "not a Telegram update") from None
    try:
        await feed.feed(update)
    except UpdateStillInProgress:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "being handled by another replica",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        ) from None
    return {"ok": True}
