from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from services.platform.config import Settings
from webapp.app import create_app

AppClient = Callable[[Settings], "asynccontextmanager[httpx.AsyncClient]"]


@asynccontextmanager
async def running_app(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The webapp with its lifespan (start-up and shutdown) and an HTTP client to it."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://webapp") as client:
            yield app, client
