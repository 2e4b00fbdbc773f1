"""Mini App authentication: `Authorization: tma <initData>`.

Telegram signs initData with the bot token (HMAC-SHA256 keyed by "WebAppData"); aiogram
checks the signature, we map the Telegram user to ours through `users.telegram_id`, whose
language the request's domain errors are then answered in, and check its age (`auth_date`,
by the app's clock; `INIT_DATA_MAX_AGE_SECONDS`). Genuine but too old initData is 401 with
the code `init-data-expired` and, in the user's language, the advice to open the page again
from the bot (a page keeps the initData it was opened with). Anything else is 401.

`<img>` and `<video>` cannot send that header, so a page exchanges its initData for a
media session: a short-lived cookie scoped to `/api/media`, signed with a key derived from
the bot token, naming our user and its expiry. The media proxy accepts either.
"""

import base64
import hashlib
import hmac
from datetime import datetime, timedelta
from typing import Annotated

from aiogram.utils.web_app import WebAppInitData, safe_parse_webapp_init_data
from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import select

from services.platform.clock import Clock
from services.platform.config import Settings
from services.platform.db.models import User
from services.platform.i18n import translator_for
from webapp.dependencies import ClockDep, SessionDep, SettingsDep
from webapp.errors import answer_in_language

AUTH_SCHEME = "tma"
INIT_DATA_EXPIRED = "init-data-expired"
MEDIA_SESSION_COOKIE = "media_session"
MEDIA_SESSION_PATH = "/api/media"
MEDIA_SESSION_TTL = timedelta(minutes=15)
# Tolerated clock skew between Telegram's servers and ours.
_FUTURE_SKEW = timedelta(minutes=5)


def _unauthorized() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail="unauthorized", headers={"WWW-Authenticate": "tma"}
    )


def signed_init_data(authorization: str, settings: Settings, clock: Clock) -> WebAppInitData:
    """The initData of an `Authorization` header if Telegram signed it for our bot (at
    any time up to now: its age is checked once its user is known)."""
    scheme, _, init_data = authorization.strip().partition(" ")
    if scheme.lower() != AUTH_SCHEME or not init_data.strip():
        raise _unauthorized()
    try:
        data = safe_parse_webapp_init_data(settings.bot_token.get_secret_value(), init_data.strip())
    except ValueError as error:
        raise _unauthorized() from error
    if data.user is None or data.auth_date - clock.now() > _FUTURE_SKEW:
        raise _unauthorized()
    return data


def is_expired(data: WebAppInitData, settings: Settings, clock: Clock) -> bool:
    return clock.now() - data.auth_date > timedelta(seconds=settings.init_data_max_age_seconds)


def _expired(language: str) -> HTTPException:
    message = translator_for(language).get("miniapp-error-auth")
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        detail={"code": INIT_DATA_EXPIRED, "message": message},
        headers={"WWW-Authenticate": "tma"},
    )


async def current_user(
    request: Request, session: SessionDep, settings: SettingsDep, clock: ClockDep
) -> User:
    data = signed_init_data(request.headers.get("Authorization", ""), settings, clock)
    assert data.user is not None
    user = await session.scalar(select(User).where(User.telegram_id == data.user.id))
    if user is None:
        raise _unauthorized()
    if is_expired(data, settings, clock):
        raise _expired(user.language)
    answer_in_language(request, user.language)
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def _media_session_key(settings: Settings) -> bytes:
    # Its own key, so a media session signature is never valid for anything else.
    return hmac.new(
        b"StaffProBot media session",
        settings.bot_token.get_secret_value().encode(),
        hashlib.sha256,
    ).digest()


def _signature(payload: str, settings: Settings) -> str:
    digest = hmac.new(_media_session_key(settings), payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def issue_media_session(user_id: int, settings: Settings, now: datetime) -> str:
    """`<user id>.<expiry, unix seconds>.<signature>` for the media session cookie."""
    payload = f"{user_id}.{int((now + MEDIA_SESSION_TTL).timestamp())}"
    return f"{payload}.{_signature(payload, settings)}"


def media_session_user_id(token: str, settings: Settings, now: datetime) -> int:
    """Our user id of a genuine, unexpired media session; 401 otherwise."""
    payload, _, signature = token.rpartition(".")
    user_id, _, expires = payload.partition(".")
    if not (user_id.isdigit() and expires.isdigit()):
        raise _unauthorized()
    if not hmac.compare_digest(signature, _signature(payload, settings)):
        raise _unauthorized()
    if int(expires) <= now.timestamp():
        raise _unauthorized()
    return int(user_id)


async def media_viewer(
    request: Request, session: SessionDep, settings: SettingsDep, clock: ClockDep
) -> User:
    """The caller of `/api/media/…`: by the Mini App header, else by the media session."""
    if "Authorization" in request.headers:
        return await current_user(request, session, settings, clock)
    token = request.cookies.get(MEDIA_SESSION_COOKIE)
    if not token:
        raise _unauthorized()
    user = await session.get(User, media_session_user_id(token, settings, clock.now()))
    if user is None:
        raise _unauthorized()
    answer_in_language(request, user.language)
    return user


MediaViewer = Annotated[User, Depends(media_viewer)]
