"""`POST /webhooks/telegram`: updates pushed by Telegram in webhook mode, fed to the same
Dispatcher as polling. Telegram proves itself with the secret-token header; a repeated
update is answered without being handled again (see `bot.webhook`)."""

import hmac

from aiogram.types import Update
from fastapi import APIRouter, HTTPException, Request, status

router = APIRouter(tags=["telegram"])

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Fixed: the Nginx configuration in deploy/ routes exactly this path to the webapp.
WEBHOOK_PATH = "/webhooks/telegram"
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
    update = Update.model_validate(await request.json(), context={"bot": feed.bot})
    await feed.feed(update)
    return {"ok": True}
