"""Mini App authentication: `Authorization: tma <initData>`.

Telegram signs initData with the bot token (HMAC-SHA256 keyed by "WebAppData"); aiogram
checks the signature, we also check its age (`auth_date`, by the app's clock) and map the
Telegram user to ours through `users.telegram_id`. Anything else is 401.
"""

from datetime import timedelta
from typing import Annotated

from aiogram.utils.web_app import WebAppInitData, safe_parse_webapp_init_data
from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import select

from services.clock import Clock
from services.config import Settings
from services.db.models import User
from webapp.dependencies import ClockDep, SessionDep, SettingsDep

AUTH_SCHEME = "tma"
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
    return user


CurrentUser = Annotated[User, Depends(current_user)]
