"""Mini App authentication: `Authorization: tma <initData>`.

Telegram signs initData with the bot token (HMAC-SHA256 keyed by "WebAppData"); aiogram
checks the signature, we also check its age (`auth_date`, by the app's clock) and map the
Telegram user to ours through `users.telegram_id`, whose language the request's domain errors
are then answered in. Anything else is 401.

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
from webapp.dependencies import ClockDep, SessionDep, SettingsDep
from webapp.errors import answer_in_language

AUTH_SCHEME = "tma"
MEDIA_SESSION_COOKIE = "media_session"
MEDIA_SESSION_PATH = "/api/media"
MEDIA_SESSION_TTL = timedelta(minutes=15)
# Tolerated clock skew between Telegram's servers and ours.
_FUTURE_SKEW = timedelta(minutes=5)


def _unauthorized() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail="unauthorized", headers={"WWW-Authenticate": "tma"}
    )


def verified_init_data(authorization: str, settings: Settings, clock: Clock) -> WebAppInitData:
    """The signed initData of an `Authorization` header, if genuine and fresh enough."""
    scheme, _, init_data = authorization.strip().partition(" ")
    if scheme.lower() != AUTH_SCHEME or not init_data.strip():
        raise _unauthorized()
    try:
        data = safe_parse_webapp_init_data(settings.bot_token.get_secret_value(), init_data.strip())
    except ValueError as error:
        raise _unauthorized() from error
    age = clock.now() - data.auth_date
    if age > timedelta(seconds=settings.init_data_max_age_seconds) or age < -_FUTURE_SKEW:
        raise _unauthorized()
    if data.user is None:
        raise _unauthorized()
    return data


async def current_user(
    request: Request, session: SessionDep, settings: SettingsDep, clock: ClockDep
) -> User:
    data = verified_init_data(request.headers.get("Authorization", ""), settings, clock)
    assert data.user is not None
    user = await session.scalar(select(User).where(User.telegram_id == data.user.id))
    if user is None:
        raise _unauthorized()
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
