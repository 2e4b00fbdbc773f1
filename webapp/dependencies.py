"""Dependencies every route shares, as `Annotated` aliases: the database session, the
clock and the settings of the running app.

The session ends with the route function, before the response is sent: a slow client
(a video streamed for minutes) holds no database connection, which the webhook's bot
shares."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.clock import Clock, SystemClock
from services.platform.config import Settings


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.app.state.session_factory() as session:
        yield session


def get_clock(request: Request) -> Clock:
    """The app's clock (`app.state.clock`, set by tests), else the system clock."""
    clock = getattr(request.app.state, "clock", None)
    return clock if clock is not None else SystemClock()


def get_settings_of_app(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
ClockDep = Annotated[Clock, Depends(get_clock)]
SettingsDep = Annotated[Settings, Depends(get_settings_of_app)]
